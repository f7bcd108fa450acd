"""A learner finds their way inside a module: which page of how many, how long it takes, which pages
they have read (told in words), and the course's stated times agreeing with the pages."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from krisesenterkurs.core.settings import Settings
from krisesenterkurs.course.orientation import course_times
from tests.support import ROOT

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def times():
    return course_times(Settings.load(ROOT / "mkdocs.yml"))


def address(page_path: str) -> str:
    """A page's address from the site root: moduler/mandat/case.md -> moduler/mandat/case/."""
    folder, _, name = page_path.rpartition("/")
    return f"{folder}/" if name == "index.md" else f"{folder}/{name[:-3]}/"


def test_every_learning_page_says_which_page_of_how_many_and_how_long(page, base_url, times):
    module = times[0]
    for index in (0, 2, len(module.pages) - 1):  # the first page, one between, the quiz
        page.goto(base_url + address(module.pages[index]))
        line = page.locator("article h1 + .kk-orientation, article .kk-orientation").first
        expect(line).to_have_text(f"Side {index + 1} av {len(module.pages)} · ca. {module.minutes[index]} min")
    # A facilitator's page is no step of the module: it has no such line.
    for guide in ("workshopleder/", "gruppe/"):
        page.goto(base_url + f"moduler/{module.module.folder}/{guide}")
        expect(page.locator("article h1")).to_have_count(1)
        expect(page.locator(".kk-orientation")).to_have_count(0)


def test_the_first_page_lists_the_pages_read_and_not_read_in_words(page, base_url, times):
    module = times[0]
    first, second, third = (address(p) for p in module.pages[:3])
    page.goto(base_url + second)
    expect(page.locator(".md-header .kk-indicator")).to_have_count(1)  # the visit is recorded
    page.goto(base_url + first)
    box = page.get_by_role("navigation", name="Sidene i modulen")
    expect(box).to_contain_text(f"Modulen tar ca. {int(module.total / 5 + 0.5) * 5} minutter i alt.")
    items = box.get_by_role("listitem")
    expect(items).to_have_count(len(module.pages))
    expect(items.nth(0)).to_contain_text(f"(ca. {module.minutes[0]} min)")
    expect(items.nth(0).locator(".kk-pages__status")).to_have_text("✓ lest")
    expect(items.nth(1).locator(".kk-pages__status")).to_have_text("✓ lest")
    expect(items.nth(2).locator(".kk-pages__status")).to_have_text("○ ikke lest")
    # The mark is for the eye; what a screen reader hears is the word.
    expect(items.nth(2).locator(".kk-pages__mark")).to_have_attribute("aria-hidden", "true")
    items.nth(2).get_by_role("link").click()
    page.wait_for_url(base_url + third)
    expect(page.locator(".kk-orientation")).to_have_text(f"Side 3 av {len(module.pages)} · ca. {module.minutes[2]} min")
    page.wait_for_function(
        "p => (JSON.parse(localStorage.getItem('krisesenterkurs:/:progress')) || {}).last?.url === p", arg=third
    )
    page.go_back()
    expect(
        page.get_by_role("navigation", name="Sidene i modulen")
        .get_by_role("listitem")
        .nth(2)
        .locator(".kk-pages__status")
    ).to_have_text("✓ lest")
    stored = page.evaluate("() => JSON.parse(localStorage.getItem('krisesenterkurs:/:progress')).seen")
    assert stored == [second, first, third]


def test_the_course_pages_state_the_times_the_pages_add_up_to(page, base_url, times):
    totals = [int(t.total / 5 + 0.5) * 5 for t in times]  # to the nearest five
    low, high = min(totals), max(totals)
    hours = f"{int(sum(t.total for t in times) / 30 + 0.5) / 2:g}".replace(".", ",")  # to the half hour
    page.goto(base_url)
    expect(page.locator(".kk-course-time")).to_have_text(
        f"Hele kurset tar ca. {hours} timer. Hver modul tar ca. {low}–{high} minutter."
    )
    page.goto(base_url + "bruk-av-kurset/")
    expect(page.locator(".kk-course-time")).to_have_text(f"Hver modul tar ca. {low}–{high} minutter.")


@pytest.mark.parametrize("width", [390, 1280])
def test_screenshots_of_a_module_start(browser, base_url, times, width):
    """For a person to look at (KK_SCREENSHOTS names the folder, else the test's temporary one)."""
    context = browser.new_context(viewport={"width": width, "height": 900}, device_scale_factor=1)
    page = context.new_page()
    module = times[0]
    page.goto(base_url + address(module.pages[1]))
    page.goto(base_url + address(module.pages[0]))
    box = page.get_by_role("navigation", name="Sidene i modulen")
    expect(box.locator(".kk-pages__status").first).to_have_text("✓ lest")
    folder = Path(os.environ.get("KK_SCREENSHOTS") or "/tmp")
    box.scroll_into_view_if_needed()
    page.screenshot(path=str(folder / f"orientation-{width}.png"))
    context.close()
