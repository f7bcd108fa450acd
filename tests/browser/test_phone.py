"""A learner on a phone (360–390 px): nothing wider than the screen, quiz cards the width of the
text, one course name in the title, headings in the text colour.

The screenshots are kept for a person to look at: in KK_SCREENSHOTS when it names a folder,
else in the test run's temporary folder (the path is printed with -s).
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.quizpage import modules

pytestmark = pytest.mark.browser
COURSE_NAME = "Krisesentertilbudet i kommunene"
PAGES = {
    "teaching": "moduler/mandat/kommunens-ansvar/",
    "quiz": "moduler/mandat/quiz/",
    "progress": "fremdrift/",
}


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    folder = os.environ.get("KK_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("phone")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(params=[360, 390], ids=lambda w: f"{w}px")
def phone(browser, base_url, request):
    context = browser.new_context(viewport={"width": request.param, "height": 844}, device_scale_factor=1)
    page = context.new_page()
    yield page, request.param
    context.close()


def ready(page, path):
    page.goto(path)
    if "quiz" in path:
        expect(page.locator(".kk-quiz[data-ready]")).to_have_count(1)
    if path == PAGES["progress"]:
        expect(page.locator(".kk-progress__table")).to_be_visible()


@pytest.mark.parametrize("kind", PAGES)
def test_no_page_is_wider_than_the_phone(phone, base_url, shots, engine, kind):
    page, width = phone
    ready(page, base_url + PAGES[kind])
    # The first screen, as the learner sees it; for the quiz also its first question.
    shot = shots / f"{engine}-{kind}-{width}.png"
    page.screenshot(path=str(shot))
    if kind == "quiz":
        page.locator(".kk-question").first.scroll_into_view_if_needed()
        page.screenshot(path=str(shots / f"{engine}-{kind}-question-{width}.png"))
    print(f"\nscreenshot: {shot}")
    sizes = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert sizes[0] <= sizes[1], f"the page is {sizes[0]} px wide on a {sizes[1]} px screen"


def test_quiz_cards_take_the_width_of_the_text(phone, base_url):
    page, _ = phone
    ready(page, base_url + PAGES["quiz"])
    edges = page.evaluate(
        """() => {
          const text = document.querySelector("article h1").getBoundingClientRect();
          const card = document.querySelector(".kk-question").getBoundingClientRect();
          const content = document.querySelector("article").getBoundingClientRect();
          return { textLeft: text.left, cardLeft: card.left, cardRight: card.right, contentRight: content.right };
        }"""
    )
    assert edges["cardLeft"] - edges["textLeft"] <= 16, edges
    assert edges["cardLeft"] >= edges["textLeft"] - 1, edges
    assert edges["contentRight"] - edges["cardRight"] <= 16, edges


def test_the_front_page_is_named_once_and_a_page_before_the_course(page, base_url):
    page.goto(base_url)
    assert page.title() == COURSE_NAME
    page.goto(base_url + PAGES["teaching"])
    heading = page.locator("article h1").evaluate("h => h.firstChild.textContent.trim()")
    assert page.title() == f"{heading} - {COURSE_NAME}"
    module = modules()[0]
    page.goto(base_url + f"moduler/{module.folder}/")
    assert page.title() == f"{module.meta.title} - {COURSE_NAME}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_headings_have_the_colour_of_the_text(browser, base_url, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base_url + PAGES["teaching"])
    colours = page.evaluate(
        """() => {
          const colour = (sel) => getComputedStyle(document.querySelector(sel)).color;
          return { text: colour("article p"), h1: colour("article h1"), h2: colour("article h2") };
        }"""
    )
    context.close()
    assert colours["h1"] == colours["text"], colours
    assert colours["h2"] == colours["text"], colours
