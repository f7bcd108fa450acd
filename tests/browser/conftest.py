"""Fixtures for the browser tests."""

import pytest
from playwright.sync_api import expect

from tests.browser.quizpage import quiz_url


@pytest.fixture
def quiz(page, base_url):
    """The first module's quiz page, ready to answer."""
    page.goto(base_url + quiz_url("mandat"))
    expect(page.locator(".kk-quiz[data-ready]")).to_have_count(1)
    return page
