"""The printed course, shared by the PDF tests."""

import pytest


@pytest.fixture(scope="session")
def printed(scorm_package):
    # Printing takes Chromium most of a minute, so the PDFs are printed once a session: by the
    # `scorm` command that builds the LMS tests' package (tests/conftest.py). Its flat site holds them.
    return scorm_package["course"]
