"""A learner checks answers and gets a score: every question type, right and wrong."""

import re

import pytest
from playwright.sync_api import expect

from krisesenterkurs.quiz.schema import MultipleQuestion, SingleQuestion, TrueFalseQuestion
from tests.browser.quizpage import answer, answer_all, banks, first_of, needed_to_pass, question, right, wrong

pytestmark = pytest.mark.browser
BANK = banks()["mandat"]


@pytest.mark.parametrize("kind", [SingleQuestion, TrueFalseQuestion, MultipleQuestion])
def test_right_answer_is_told_in_text_and_icon_and_locks_the_question(quiz, kind):
    q = first_of(BANK, kind)
    answer(quiz, q, right(q))
    box = question(quiz, q)
    verdict = box.locator(".kk-question__verdict")
    expect(verdict).to_have_text(re.compile(r"✓\s*Riktig svar\."))
    expect(box.locator(".kk-question__explanation")).to_be_visible()
    expect(box.locator(".kk-question__source")).to_contain_text("Kilde:")
    for i in range(box.locator("input").count()):
        expect(box.locator("input").nth(i)).to_be_disabled()
    expect(box.get_by_role("button", name="Sjekk svar")).to_be_hidden()
    # Colour only adds to the text and icon: the "right" green border.
    expect(box.locator(".kk-question__result")).to_have_css("border-left-color", "rgb(30, 107, 50)")


@pytest.mark.parametrize("kind", [SingleQuestion, TrueFalseQuestion, MultipleQuestion])
def test_wrong_answer_is_told_and_shows_the_chosen_feedback(quiz, kind):
    q = first_of(BANK, kind)
    chosen = wrong(q)
    answer(quiz, q, chosen)
    box = question(quiz, q)
    expect(box.locator(".kk-question__verdict")).to_have_text(re.compile(r"✗\s*Feil svar\."))
    expect(box.locator(".kk-question__result")).to_have_css("border-left-color", "rgb(168, 50, 45)")
    option = box.locator(f'.kk-option[data-index="{chosen[0]}"]')
    expect(option.locator(".kk-option__mark")).to_contain_text("Du valgte dette – feil")
    if kind is not TrueFalseQuestion and q.options[chosen[0]].feedback:
        expect(option.locator(".kk-option__feedback")).to_be_visible()
    # The right option is pointed out too.
    expect(box.locator(f'.kk-option[data-index="{right(q)[0]}"]').locator(".kk-option__mark")).to_be_visible()


def test_partly_right_multiple_answer_counts_as_wrong(quiz):
    q = next(q for q in BANK.questions if isinstance(q, MultipleQuestion))
    correct = right(q)
    partial = correct[:-1] if len(correct) > 1 else correct + wrong(q)
    answer(quiz, q, partial)
    expect(question(quiz, q).locator(".kk-question__verdict")).to_contain_text("Feil svar.")


def test_checking_without_a_choice_asks_for_one_and_does_not_lock(quiz):
    q = BANK.questions[0]
    box = question(quiz, q)
    box.get_by_role("button", name="Sjekk svar").click()
    expect(box.locator(".kk-question__status")).to_have_text("Velg et svar før du sjekker.")
    expect(box.locator("input").first).to_be_enabled()
    expect(box.locator(".kk-question__result")).to_be_hidden()


def test_pass_at_the_pass_mark(quiz):
    k = needed_to_pass(BANK)
    total = len(BANK.questions)
    answer_all(quiz, BANK, k)
    summary = quiz.locator(".kk-quiz__summary")
    expect(summary).to_have_attribute("aria-live", "polite")
    expect(summary).to_contain_text(f"{k} av {total} riktige ({round(k * 100 / total)} %)")
    expect(summary).to_contain_text("Bestått")
    expect(summary).not_to_contain_text("Ikke bestått")


def test_fail_just_below_the_pass_mark(quiz):
    k = needed_to_pass(BANK) - 1
    total = len(BANK.questions)
    answer_all(quiz, BANK, k)
    summary = quiz.locator(".kk-quiz__summary")
    expect(summary).to_contain_text(f"{k} av {total} riktige ({round(k * 100 / total)} %)")
    expect(summary).to_contain_text("Ikke bestått")


def test_retry_clears_the_quiz(quiz):
    answer_all(quiz, BANK, len(BANK.questions))
    expect(quiz.locator(".kk-quiz__summary")).to_contain_text("Bestått")
    quiz.get_by_role("button", name="Prøv igjen").click()
    expect(quiz.locator(".kk-quiz__summary")).to_have_text("Quizen er nullstilt. Du kan svare på nytt.")
    expect(quiz.locator(".kk-question__result:visible")).to_have_count(0)
    expect(quiz.locator(".kk-question input:checked")).to_have_count(0)
    expect(quiz.locator(".kk-question input:disabled")).to_have_count(0)
    expect(quiz.locator(".kk-question input").first).to_be_focused()
    quiz.reload()
    expect(quiz.locator(".kk-question__result:visible")).to_have_count(0)
