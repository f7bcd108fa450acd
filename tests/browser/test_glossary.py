"""A learner looks up a glossary term where it stands: on a phone by tapping it, with the keyboard
by Enter or Space, and not only at its first occurrence on the page (the first in each section)."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
PAGE = "moduler/mandat/kommunens-ansvar/"
TERM = "NAV"  # on this page in an early section and again in a later one


def later_occurrence(page):
    """The term's button in a later `##` section than its first (not the page's first occurrence)."""
    buttons = page.locator("article button.kk-term", has_text=TERM)
    expect(buttons).to_have_count(2)
    return buttons.nth(1)


def explanation(page, button):
    return page.locator("#" + button.get_attribute("aria-controls"))


@pytest.fixture
def phone(browser, base_url):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, has_touch=True, is_mobile=True
    )
    page = context.new_page()
    page.goto(base_url + PAGE)
    yield page
    context.close()


def test_a_later_occurrence_opens_on_tap_and_closes_on_a_tap_outside(phone):
    button = later_occurrence(phone)
    button.scroll_into_view_if_needed()
    expect(button).to_have_attribute("aria-expanded", "false")
    button.tap()
    pop = explanation(phone, button)
    expect(pop).to_be_visible()
    expect(pop).to_contain_text("Arbeids- og velferdsforvaltningen")
    expect(button).to_have_attribute("aria-expanded", "true")
    # Beside the word, inside the screen.
    box, word = pop.bounding_box(), button.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert abs(box["y"] - (word["y"] + word["height"])) < 12 or box["y"] + box["height"] <= word["y"] + 1
    folder = Path(os.environ.get("KK_SCREENSHOTS") or "/tmp")
    phone.screenshot(path=str(folder / "glossary-390.png"))
    phone.locator("article h1").tap()
    expect(pop).to_be_hidden()
    expect(button).to_have_attribute("aria-expanded", "false")


def test_a_later_occurrence_opens_by_keyboard_is_described_and_closes_on_escape(page, base_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url + PAGE)
    button = later_occurrence(page)
    button.focus()
    pop = explanation(page, button)
    # A screen reader reads the explanation with the word, and hears whether it is open.
    assert button.evaluate("b => b.tagName") == "BUTTON"
    expect(button).to_have_attribute("aria-describedby", pop.get_attribute("id"))
    page.keyboard.press("Enter")
    expect(pop).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "true")
    folder = Path(os.environ.get("KK_SCREENSHOTS") or "/tmp")
    page.screenshot(path=str(folder / "glossary-1280.png"))
    page.keyboard.press("Escape")
    expect(pop).to_be_hidden()
    expect(button).to_be_focused()
    page.keyboard.press("Space")
    expect(pop).to_be_visible()
    page.keyboard.press("Space")
    expect(pop).to_be_hidden()


def test_without_javascript_every_occurrence_keeps_its_title(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PAGE)
    terms = page.locator("article abbr", has_text=TERM)
    assert terms.count() >= 2
    for i in range(terms.count()):
        assert terms.nth(i).get_attribute("title").startswith("Arbeids- og velferdsforvaltningen")
    expect(page.locator("article button.kk-term")).to_have_count(0)
    context.close()


def test_the_glossary_page_promises_what_the_pages_do(page, base_url):
    page.goto(base_url + "ordliste/")
    text = page.locator("article p").nth(1)
    expect(text).to_contain_text("første gang det står i hver del av en side")
    expect(text).to_contain_text("Trykk på det")
    expect(text).to_contain_text("Esc")


def test_on_paper_a_term_is_plain_text(page, base_url):
    """The mark promises a tap or a tooltip; a printed handout or page has neither."""
    page.goto(base_url + "moduler/barn-i-reetablering/utdelingsark/")
    expect(page.locator("article button.kk-term").first).to_be_attached()
    page.emulate_media(media="print")
    marks = page.evaluate(
        """() => [...document.querySelectorAll("article button.kk-term, article abbr")].map(e => {
             const s = getComputedStyle(e);
             return [e.textContent, s.borderBottomStyle, s.textDecorationLine];
           })"""
    )
    assert marks
    assert [m for m in marks if m[1] != "none" or m[2] != "none"] == []
