"""A facilitator runs a workshop: group mode for the quiz, presentation view on the projector."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.quizpage import answer, banks, our_storage, question, right

pytestmark = pytest.mark.browser
BANK = banks()["mandat"]


def test_group_mode_shows_answers_only_after_vis_svar_and_stores_nothing(quiz):
    before = our_storage(quiz)
    toggle = quiz.get_by_role("button", name="Gruppemodus")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(quiz.locator(".kk-quiz__summary")).to_have_text("Gruppemodus er slått på. Ingenting blir lagret.")
    expect(quiz.get_by_role("button", name="Sjekk svar")).to_have_count(0)
    for q in BANK.questions:
        box = question(quiz, q)
        expect(box.locator(".kk-question__result")).to_be_hidden()
        expect(box.locator(".kk-option__mark:visible")).to_have_count(0)
        box.locator("input").first.check()  # the group may mark its choice
        box.get_by_role("button", name="Vis svar").click()
        expect(box.locator(".kk-question__explanation")).to_be_visible()
        expect(box.locator(".kk-question__source")).to_contain_text("Kilde:")
        expect(box.locator(".kk-question__verdict")).to_be_hidden()
        marks = box.locator(".kk-option__mark:visible")
        expect(marks).to_have_count(len(right(q)))
        expect(marks.first).to_contain_text("Riktig svar")
        expect(box.locator(".kk-question__result")).to_be_focused()
    expect(quiz.locator(".kk-quiz__summary")).not_to_contain_text("riktige")
    expect(quiz.locator(".kk-quiz__progress")).to_have_text("")
    assert our_storage(quiz) == before


def test_leaving_group_mode_brings_back_the_learners_own_answers(quiz):
    q = BANK.questions[0]
    answer(quiz, q, right(q))
    quiz.get_by_role("button", name="Gruppemodus").click()
    expect(question(quiz, q).locator(".kk-question__result")).to_be_hidden()
    quiz.get_by_role("button", name="Gruppemodus").click()
    expect(quiz.locator(".kk-quiz__summary")).to_have_text("Gruppemodus er slått av.")
    expect(question(quiz, q).locator(".kk-question__verdict")).to_contain_text("Riktig svar.")


def test_presentation_view_from_the_keyboard(page, base_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url + "moduler/mandat/")
    sidebar = page.locator(".md-sidebar--primary")
    expect(sidebar).to_be_visible()
    toggle = page.get_by_role("button", name="Presentasjonsvisning")
    for _ in range(40):
        page.keyboard.press("Tab")
        if toggle.evaluate("b => b === document.activeElement"):
            break
    expect(toggle).to_be_focused()
    size = page.locator("article p").first.evaluate("p => parseFloat(getComputedStyle(p).fontSize)")
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(sidebar).to_be_hidden()
    expect(page.locator(".md-sidebar--secondary")).to_be_hidden()
    assert page.locator("article p").first.evaluate("p => parseFloat(getComputedStyle(p).fontSize)") > size * 1.2
    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    expect(sidebar).to_be_visible()
    toggle.focus()
    page.keyboard.press("Space")
    expect(toggle).to_have_attribute("aria-pressed", "true")
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-pressed", "false")


def test_presentation_view_lasts_across_instant_navigation(page, base_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url + "moduler/mandat/")
    page.get_by_role("button", name="Presentasjonsvisning").click()
    page.locator("a.md-footer__link--next").evaluate("a => a.click()")  # the footer is hidden, the link still works
    expect(page).to_have_url(re.compile("mer-enn-et-bosted/$"))
    expect(page.get_by_role("button", name="Presentasjonsvisning")).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
