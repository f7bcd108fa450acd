"""The printed course, shared by the PDF tests: printed once per session (it takes Chromium most of a minute)."""

import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def printed(served_course):
    # The installed command, in its own process (as an editor runs it; and Playwright's sync API
    # cannot start a second time inside the test session's own browser).
    site = served_course["dir"]
    result = subprocess.run(
        [str(Path(sys.executable).with_name("krisesenterkurs")), "handouts", "--site", str(site)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return site
