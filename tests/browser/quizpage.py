"""What a learner does on a quiz page, driven from the bank itself (no hard-coded answers)."""

from __future__ import annotations

import re

from playwright.sync_api import Page

from krisesenterkurs.quiz.banks import load_banks
from krisesenterkurs.quiz.schema import MultipleQuestion, TrueFalseQuestion
from tests.support import COURSE

BLOCK = re.compile(r"^ {0,3}/{3,}\s*quiz\s*\|\s*([\w-]+)\s*$", re.M)


def banks():
    return {k: v.bank for k, v in load_banks(COURSE.quizzes).items()}


def quiz_url(bank_id: str) -> str:
    """The site path of the module page that places the whole bank."""
    for path in sorted((COURSE.modules).rglob("*.md")):
        if bank_id in BLOCK.findall(path.read_text(encoding="utf-8")):
            rel = path.relative_to(COURSE.modules).with_suffix("")
            return f"moduler/{rel.as_posix().removesuffix('index')}/".replace("//", "/")
    raise LookupError(bank_id)


def right(q) -> list[int]:
    if isinstance(q, TrueFalseQuestion):
        return [0 if q.answer else 1]
    return [i for i, o in enumerate(q.options) if o.correct]


def wrong(q) -> list[int]:
    if isinstance(q, TrueFalseQuestion):
        return [1 if q.answer else 0]
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
    box = question(page, q)
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


__all__ = ["MultipleQuestion", "TrueFalseQuestion"]


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
