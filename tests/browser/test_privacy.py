"""A learner's data stays theirs: no request leaves the site, no cookies, only the course's own keys."""

import re

import pytest

from tests.browser.quizpage import answer, banks, quiz_url, right
from tests.browser.search import search
from tests.browser.test_accessibility import site_pages

pytestmark = pytest.mark.browser


def test_every_page_loads_from_its_own_origin_only(browser, base_url, served_course):
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(re.match(r"^(\w+:(//)?[^/]*)", request.url).group(1)))
    for path in site_pages(served_course):
        page.goto(path)
    # Search loads its worker (and, in MkDocs, the Norwegian stemmer) on first use.
    page.goto("")
    search(page, served_course["engine"], "bolig").wait_for()
    assert hosts == {base_url.rstrip("/")}, hosts - {base_url.rstrip("/")}
    context.close()


def test_no_cookies_and_every_stored_key_carries_the_course_prefix(page, base_url):
    page.goto(base_url)
    page.locator("label[for='__palette_1']").click()  # the theme stores the colour scheme
    q = banks()["mandat"].questions[0]
    page.goto(base_url + quiz_url("mandat"))
    answer(page, q, right(q))
    page.goto(base_url + "kursbevis/")
    keys = page.evaluate("Object.keys(localStorage)") + page.evaluate("Object.keys(sessionStorage)")
    assert keys and all(k.startswith("krisesenterkurs:/:") for k in keys), keys
    assert any(":theme" in k for k in keys)
    assert page.context.cookies() == []
