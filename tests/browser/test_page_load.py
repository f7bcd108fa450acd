"""A learner opens pages: the quiz's script and styles come only with a quiz, and nothing jumps."""

import pytest
from playwright.sync_api import expect

from tests.browser.quizpage import quiz_url

pytestmark = pytest.mark.browser

QUIZ_ASSETS = ("assets/krisesenterkurs/quiz.js", "assets/krisesenterkurs/quiz.css")


def requested(page, url) -> list[str]:
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    page.goto(url, wait_until="load")
    return seen


def test_quiz_script_and_styles_load_only_on_pages_with_a_quiz(page, base_url):
    plain = requested(page, base_url + "moduler/mandat/")
    assert not [u for u in plain if u.endswith(QUIZ_ASSETS)]
    with_quiz = requested(page, base_url + quiz_url("mandat"))
    for asset in QUIZ_ASSETS:
        assert [u for u in with_quiz if u.endswith(asset)], asset
    # The styles apply: the questions are boxes without list numbers.
    expect(page.locator(".kk-quiz[data-ready]")).to_have_count(1)
    assert page.locator(".kk-quiz__questions").evaluate("el => getComputedStyle(el).listStyleType") == "none"


def test_quiz_styles_arrive_with_instant_navigation(page, base_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url + "moduler/mandat/")
    page.evaluate("window.__sameDocument = true")
    page.locator(".md-nav--primary").get_by_role("link", name="Test deg selv").first.click()
    expect(page.locator(".kk-quiz[data-ready]")).to_have_count(1)
    assert page.evaluate("window.__sameDocument") is True
    expect(page.locator(".kk-quiz__questions")).to_have_css("list-style-type", "none")
    expect(page.get_by_role("button", name="Sjekk svar").first).to_be_visible()


@pytest.mark.parametrize("width", [412, 1280])
def test_nothing_moves_while_a_quiz_page_loads(browser, base_url, width):
    # A slowed-down CPU, as on an old municipal PC or phone, gives late scripts every chance to move things.
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.add_init_script("""
        window.__shifts = [];
        new PerformanceObserver(list => {
            for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
        }).observe({type: "layout-shift", buffered: true});
    """)
    page.goto(base_url + quiz_url("mandat"), wait_until="load")
    expect(page.locator(".kk-quiz[data-ready]")).to_have_count(1)
    page.wait_for_timeout(300)
    assert page.evaluate("window.__shifts") == []
    # The quiz is set up before the page counts as loaded (DOMContentLoaded), not after it.
    ready, loaded = page.evaluate("""() => [
        performance.getEntriesByName('krisesenterkurs:quiz-ready')[0].startTime,
        performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd]""")
    assert ready <= loaded
    expect(page.locator(".kk-quiz__notice")).to_be_hidden()
    context.close()


def test_no_script_holds_up_the_first_paint_but_the_small_storage_script(page, base_url):
    # Scripts that run before the content is painted make it appear later on slow phones:
    # Material's bundle and the course's scripts load deferred (storage.js is tiny and runs at once,
    # so that quiz.js finds the learner's saved answers). Material's own snippets, which set the
    # colour scheme before the body is painted, run at once too: as files of a few hundred bytes
    # (README, Hosting), where the theme had them inline.
    for path in ("moduler/mandat/", quiz_url("mandat")):
        page.goto(base_url + path)
        scripts = page.locator("script[src]").evaluate_all(
            "els => els.map(e => [new URL(e.src).pathname.split('/').pop(), e.defer || e.async])"
        )
        names = [name for name, _ in scripts]
        assert any(name.startswith("bundle.") for name in names), names
        blocking = [name for name, deferred in scripts if not deferred]
        assert blocking == ["base.js", "palette.js", "content.js", "record.js", "storage.js"], scripts
        snippets = page.locator("script[src*='/krisesenterkurs/material/']").evaluate_all("els => els.map(e => e.src)")
        assert len(snippets) == 3
        for src in snippets:
            assert len(page.request.get(src).body()) < 2000, src
