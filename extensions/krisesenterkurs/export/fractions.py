"""The grades Moodle accepts for an answer, and the ones a multiple-answer question gets.

Moodle's question import checks every answer's fraction against the list in
question/engine/bank.php (`question_bank::fraction_options_full()`): 0, ±1 and
±p/q for q ≤ 6, ±p/10, ±1/q for q ≤ 10 and ±1/20, to seven decimals. With the
import's default «Error if grade not listed», a fraction more than 0.00001 away
from all of them fails the import (lib/questionlib.php, `match_grade_options`).
"""

from __future__ import annotations

# question_bank::ensure_fraction_options_initialised(), the positive grades (besides 1.0).
_RAW = (
    0.9,
    0.8333333,
    0.8,
    0.75,
    0.7,
    0.6666667,
    0.6,
    0.5,
    0.4,
    0.3333333,
    0.3,
    0.25,
    0.2,
    0.1666667,
    0.1428571,
    0.125,
    0.1111111,
    0.1,
    0.05,
)
ALLOWED: tuple[float, ...] = tuple(sorted({0.0, 1.0, -1.0, *_RAW, *(-f for f in _RAW)}))


def nearest(fraction: float) -> float:
    """The allowed grade closest to `fraction` (-1 to 1)."""
    return min(ALLOWED, key=lambda allowed: abs(allowed - fraction))


def multiple_fractions(correct: list[bool]) -> list[float]:
    """Grades for a multiple-answer question's options.

    The right options share 100 % and the wrong ones share -100 %, each the allowed grade
    nearest its share: choosing every option then scores nothing. Moodle requires the positive
    grades to add up to 100 % (rounded to two decimals, qtype_multichoice's save_question_options).
    """
    right = sum(correct)
    wrong = len(correct) - right
    return [nearest(1 / right) if c else nearest(-1 / wrong) for c in correct]


def percent(fraction: float) -> str:
    """A fraction as Moodle XML writes it: a percentage to five decimals, trailing zeros dropped."""
    text = f"{fraction * 100:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text
