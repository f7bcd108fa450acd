"""What a learner does on a quiz page, driven from the bank itself (no hard-coded answers)."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page

from krisesenterkurs.course.modules import FACILITATOR_PAGES
from krisesenterkurs.quiz.banks import load_banks
from krisesenterkurs.quiz.schema import MatchingQuestion, MultipleQuestion, OrderingQuestion, TrueFalseQuestion
from tests.support import COURSE

BLOCK = re.compile(r"^ {0,3}/{3,}\s*quiz\s*\|\s*([\w-]+)\s*$", re.M)


def banks():
    return {k: v.bank for k, v in load_banks(COURSE.quizzes).items()}


def quiz_url(bank_id: str) -> str:
    """The site path of the module page that places the whole bank (the learners' quiz, not a
    facilitator's group page)."""
    for path in sorted((COURSE.modules).rglob("*.md")):
        if path.name not in FACILITATOR_PAGES and bank_id in BLOCK.findall(path.read_text(encoding="utf-8")):
            rel = path.relative_to(COURSE.modules).with_suffix("")
            return f"moduler/{rel.as_posix().removesuffix('index')}/".replace("//", "/")
    raise LookupError(bank_id)


def right(q) -> list[int]:
    """The right answer as record.js keeps it: options chosen; a category per item; the steps in order."""
    if isinstance(q, TrueFalseQuestion):
        return [0 if q.answer else 1]
    if isinstance(q, MatchingQuestion):
        return [q.categories.index(item.category) for item in q.items]
    if isinstance(q, OrderingQuestion):
        return list(range(len(q.steps)))
    return [i for i, o in enumerate(q.options) if o.correct]


def wrong(q) -> list[int]:
    if isinstance(q, TrueFalseQuestion):
        return [1 if q.answer else 0]
    if isinstance(q, MatchingQuestion):  # the first item in another category
        key = right(q)
        return [(key[0] + 1) % len(q.categories), *key[1:]]
    if isinstance(q, OrderingQuestion):  # the first two steps swapped
        return [1, 0, *range(2, len(q.steps))]
    return [next(i for i, o in enumerate(q.options) if not o.correct)]


def first_of(bank, kind):
    return next(q for q in bank.questions if isinstance(q, kind))


def question(page: Page, q):
    return page.locator(f'fieldset[data-qid="{q.id}"]')


def option(page: Page, q, i: int):
    """The option the author wrote `i`-th: the page shows single and multiple choice options in an
    order drawn for each attempt, so position says nothing."""
    return question(page, q).locator(f'.kk-option[data-index="{i}"]')


def answer(page: Page, q, indices: list[int]) -> None:
    """Give the answer `indices` (as right() and wrong() write it) and check it."""
    box = question(page, q)
    if isinstance(q, MatchingQuestion):
        for i, category in enumerate(indices):
            box.locator(f'.kk-match__item[data-index="{i}"] select').select_option(str(category))
    elif isinstance(q, OrderingQuestion):
        for place, step in enumerate(indices):
            # Move the step up, one place per press, until it stands at `place`.
            while (
                box.locator(".kk-order__step").evaluate_all("els => els.map(e => Number(e.dataset.index))").index(step)
                > place
            ):
                box.locator(f'.kk-order__step[data-index="{step}"] .kk-order__up').click()
    else:
        for i in indices:
            option(page, q, i).locator("input").check()
    box.get_by_role("button", name="Sjekk svar").click()


def answer_all(page: Page, bank, right_count: int) -> None:
    """Answer every question: the first `right_count` right, the rest wrong."""
    for n, q in enumerate(bank.questions):
        answer(page, q, right(q) if n < right_count else wrong(q))


def needed_to_pass(bank) -> int:
    total = len(bank.questions)
    return next(k for k in range(total + 1) if k * 100 >= bank.pass_mark * total)


__all__ = ["MatchingQuestion", "MultipleQuestion", "OrderingQuestion", "TrueFalseQuestion"]


def modules():
    from krisesenterkurs.course.modules import load_modules

    return load_modules(COURSE.modules, load_banks(COURSE.quizzes))


def take_quiz(page: Page, base_url: str, bank_id: str, right_count: int | None = None) -> None:
    """Open a module's quiz page and answer every question; all right unless told otherwise."""
    bank = banks()[bank_id]
    page.goto(base_url + quiz_url(bank_id))
    page.locator(".kk-quiz[data-ready]").wait_for()
    answer_all(page, bank, len(bank.questions) if right_count is None else right_count)


def our_storage(page: Page) -> dict:
    """The learner's course data in localStorage, as raw text (the theme's own settings left out)."""
    return page.evaluate("""() => Object.fromEntries(Object.keys(localStorage)
        .filter(k => k.startsWith('krisesenterkurs:') && !k.includes(':theme'))
        .map(k => [k, localStorage.getItem(k)]))""")


def tab_to_control(page: Page, control: Locator, limit: int = 40) -> None:
    """Press Tab until `control` has the focus, as a keyboard user reaches it (at most `limit` presses);
    the caller asserts that it got there."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if control.evaluate("b => b === document.activeElement"):
            return
