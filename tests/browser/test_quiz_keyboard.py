"""A learner takes a whole quiz with the keyboard only."""

import re

import pytest
from playwright.sync_api import expect

from krisesenterkurs.quiz.schema import MatchingQuestion, MultipleQuestion, OrderingQuestion
from tests.browser.quizpage import banks, quiz_url, right

pytestmark = pytest.mark.browser
BANK = banks()["mandat"]


ORDER = "els => els.map(e => Number(e.dataset.index))"


def focused(page):
    return page.evaluate("""() => {
        const el = document.activeElement;
        const box = el && el.closest('.kk-question');
        const style = el ? getComputedStyle(el) : null;
        return {tag: el.tagName.toLowerCase(), type: el.type || null, cls: el.className,
                qid: box ? box.dataset.qid : null, index: el.value,
                outline: style ? style.outlineStyle + ' ' + style.outlineWidth : ''};
    }""")


def tab_to(page, predicate, limit=80):
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        if predicate(now):
            return now
    raise AssertionError("focus never reached the expected element")


def test_whole_quiz_by_keyboard_with_visible_focus(page, base_url):
    page.goto(base_url + quiz_url("mandat"))
    expect(page.locator(".kk-quiz[data-ready]")).to_have_count(1)
    for n, q in enumerate(BANK.questions):
        want = right(q)
        box = page.locator(f'fieldset[data-qid="{q.id}"]')
        if isinstance(q, MatchingQuestion):
            # A native select per item: Tab to it, arrow keys choose (the placeholder comes first).
            for category in want:
                now = tab_to(page, lambda f, q=q: f["qid"] == q.id and f["tag"] == "select")
                assert now["outline"].startswith("solid"), now  # focus is visible
                for _ in range(category + 1):
                    page.keyboard.press("ArrowDown")
        elif isinstance(q, OrderingQuestion):
            # «Flytt opp» on a step, Enter, until every step stands in its place.
            for place, step in enumerate(want):
                while box.locator(".kk-order__step").evaluate_all(ORDER).index(step) > place:
                    box.locator(f'.kk-order__step[data-index="{step}"] .kk-order__up').focus()
                    page.keyboard.press("Enter")
        else:
            # The options as the page shows them (an order drawn for this attempt): author indices.
            shown = box.locator(".kk-option").evaluate_all(ORDER)
            first = tab_to(page, lambda f, q=q: f["qid"] == q.id and f["tag"] == "input")
            assert first["outline"].startswith("solid"), first  # focus is visible
            if isinstance(q, MultipleQuestion):
                for place, i in enumerate(shown):
                    assert focused(page)["index"] == str(i)
                    if i in want:
                        page.keyboard.press("Space")
                    if place < len(shown) - 1:
                        page.keyboard.press("Tab")
            else:
                # Radio groups: arrow keys move and select.
                page.keyboard.press("Space")
                for _ in range(shown.index(want[0])):
                    page.keyboard.press("ArrowDown")
        tab_to(page, lambda f, q=q: f["qid"] == q.id and "kk-question__check" in f["cls"])
        page.keyboard.press("Enter")
        after = focused(page)
        if n < len(BANK.questions) - 1:
            assert after["qid"] == q.id and "kk-question__result" in after["cls"], after
        else:  # the last answer finishes the quiz: the overall result takes the focus
            assert "kk-quiz__summary" in after["cls"], after
        expect(page.locator(f'fieldset[data-qid="{q.id}"] .kk-question__verdict')).to_contain_text("Riktig svar.")
    summary = page.locator(".kk-quiz__summary")
    expect(summary).to_contain_text(re.compile(r"av \d+ riktige \(100 %\)"))
    expect(summary).to_contain_text("Bestått")
