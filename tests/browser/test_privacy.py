"""A learner's data stays theirs: no request leaves the site, no cookies, only the course's own keys;
and every page runs under the strict Content-Security-Policy README gives hosts."""

import re

import pytest

from tests.browser.quizpage import answer, banks, quiz_url, right
from tests.browser.search import search
from tests.browser.test_accessibility import site_pages

pytestmark = pytest.mark.browser


# Every blocked script, style, image, frame or worker is reported to the page as this event.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", e =>
  window.__violations.push(e.effectiveDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile + ":" + e.lineNumber));
"""


@pytest.fixture(scope="module")
def every_page(browser, base_url, served_course):
    """Open every page of the site, served with README's security headers, and search once:
    each host asked and each policy violation, per page."""
    context = browser.new_context(base_url=base_url)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    hosts = set()
    violations = {}
    # Chromium's console message says what the policy would need (for a style, its hash).
    messages = []
    page.on("console", lambda m: messages.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("request", lambda request: hosts.add(re.match(r"^(\w+:(//)?[^/]*)", request.url).group(1)))
    for path in site_pages(served_course):
        page.goto(path)
        page.wait_for_load_state("load")
        violations[path] = page.evaluate("window.__violations")
    # Search loads its worker (and, in MkDocs, the Norwegian stemmer) on first use.
    page.goto("")
    search(page, served_course["engine"], "bolig").wait_for()
    violations["search"] = page.evaluate("window.__violations")
    context.close()
    return {"hosts": hosts, "violations": violations, "messages": messages}


def test_every_page_loads_from_its_own_origin_only(every_page, base_url):
    hosts = every_page["hosts"]
    assert hosts == {base_url.rstrip("/")}, hosts - {base_url.rstrip("/")}


def test_no_page_breaks_the_strict_content_security_policy(every_page, served_course):
    """README's policy allows no inline script or style: none of the course's or the theme's own."""
    assert served_course["dir"].joinpath("index.html").exists()
    assert len(every_page["violations"]) > 10
    broken = {path: v for path, v in every_page["violations"].items() if v}
    assert broken == {}, every_page["messages"][:3]


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
