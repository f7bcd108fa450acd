"""A learner finds their way: tabs, previous/next, search, and instant page changes."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.quizpage import answer, banks, question, quiz_url, right
from tests.browser.search import search

pytestmark = pytest.mark.browser


def test_course_is_in_norwegian(page, base_url):
    page.goto(base_url)
    assert page.locator("html").get_attribute("lang") == "nb"
    expect(page.locator("h1").first).to_have_text(re.compile(r"^Krisesentertilbudet i kommunene"))


def test_tab_leads_to_the_first_module(page, base_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url)
    page.locator(".md-tabs").get_by_role("link", name="Moduler").click()
    expect(page).to_have_url(re.compile(r"/moduler/mandat/$"))
    expect(page.locator("article h1")).to_be_visible()


def test_next_and_previous_in_the_footer(page, base_url):
    page.goto(base_url + "moduler/mandat/")
    title = page.locator("article h1").inner_text()
    nxt = page.locator("a.md-footer__link--next")
    expected = nxt.get_attribute("aria-label").removeprefix("Neste: ")
    nxt.click()
    expect(page.locator("article h1")).to_have_text(re.compile("^" + re.escape(expected)))
    page.locator("a.md-footer__link--prev").click()
    expect(page.locator("article h1")).to_have_text(title)  # same text, permalink sign included


@pytest.mark.mkdocs_only  # Zensical's search is English-only: its own test follows
@pytest.mark.parametrize(
    "word,target",
    [
        ("fortsettelsesvold", "moduler/fortsettelsesvold/"),
        ("samværssabotasje", "moduler/fortsettelsesvold/"),
    ],
)
def test_search_finds_the_page_for_a_norwegian_word(page, base_url, word, target):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url)
    first = search(page, "mkdocs", word)
    expect(first).to_have_attribute("href", re.compile(re.escape(target)))


@pytest.mark.zensical_only
@pytest.mark.parametrize(
    "word,target",
    [
        ("fortsettelsesvold", "moduler/fortsettelsesvold/"),
        ("reetablering", "moduler/"),
    ],
)
def test_zensical_search_finds_the_page_for_a_whole_word(page, base_url, word, target):
    # Zensical's search is a dialog its own script draws (in a shadow root, which Playwright's
    # locators enter); it does not stem Norwegian, so whole words are searched.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url)
    first = search(page, "zensical", word)
    expect(first).to_have_attribute("href", re.compile(re.escape(target)))


def test_instant_navigation_keeps_the_quiz_working(page, base_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url + "moduler/mandat/")
    page.evaluate("window.__sameDocument = true")
    page.locator(".md-nav--primary").get_by_role("link", name="Test deg selv").first.click()
    expect(page).to_have_url(re.compile(re.escape(quiz_url("mandat")) + "$"))
    expect(page.locator(".kk-quiz[data-ready]")).to_have_count(1)
    # No full reload happened: the script state of the first page is still there.
    assert page.evaluate("window.__sameDocument") is True
    bank = banks()["mandat"]
    q = bank.questions[0]
    answer(page, q, right(q))
    expect(question(page, q).locator(".kk-question__verdict")).to_contain_text("Riktig svar.")
    # Away and back again: initialised once per visit, not twice.
    page.locator(".md-nav--primary").get_by_role("link", name="Oppsummering").first.click()
    page.go_back()
    expect(page.locator(".kk-quiz[data-ready]")).to_have_count(1)
    assert page.evaluate("window.__sameDocument") is True
    expect(question(page, q).locator(".kk-question__verdict")).to_contain_text("Riktig svar.")
    q2 = bank.questions[1]
    answer(page, q2, right(q2))
    expect(page.locator(".kk-quiz__progress")).to_have_text(f"2 av {len(bank.questions)} spørsmål sjekket.")


@pytest.mark.mkdocs_only  # Zensical's navigation does not put a page in place again at its own address
def test_a_page_drawn_again_at_the_same_address_gets_its_scripts_again(page, base_url):
    """Material's instant navigation can put a fresh copy of the page in place without the address
    changing (a link to the page itself; a move link pasted on «Min fremdrift»): the scripts draw
    it again, instead of leaving the empty places of the page without JavaScript."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url + "fremdrift/")
    expect(page.get_by_role("button", name="Lag lenke og QR-kode")).to_be_visible()
    page.evaluate("window.__sameDocument = true")
    old = page.evaluate_handle("document.querySelector('article')")
    page.evaluate("() => window.location$.next(new URL(location.href))")  # as Material's own link handling does
    page.wait_for_function("a => !a.isConnected", arg=old)
    assert page.evaluate("window.__sameDocument") is True  # no full reload
    expect(page.get_by_role("button", name="Lag lenke og QR-kode")).to_be_visible()
    expect(page.locator("[data-kk=progress] table")).to_have_count(1)
