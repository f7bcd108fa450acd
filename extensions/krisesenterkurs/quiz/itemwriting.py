"""Item-writing checks: flaws that let a learner who knows nothing guess right.

The rules follow Haladyna, Downing & Rodriguez (2002), «A review of multiple-
choice item-writing guidelines for classroom assessment» (Applied Measurement
in Education 15(3)): options of similar length, the key not in a fixed place,
no «alle de over»/«ingen av de over», no duplicate options, and no absolutes
that give a false statement away. They are warnings for `check`, not build
errors: a flaw makes a question weaker, not a page broken. FORFATTERVEILEDNING
explains each rule with a good and a bad example.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from ..core.errors import Problem
from ..core.locate import locator
from ..core.yamlfile import display_path
from .schema import Bank, MultipleQuestion, SingleQuestion, TrueFalseQuestion

LONG_KEY_RATIO = 1.5  # a key this much longer than every distractor stands out
TRUEFALSE_BALANCE = 2  # more than twice as many true as false keys (or the reverse) can be guessed
# Options that point at the others: a learner who spots two right ones needs to know nothing more.
ALL_OR_NONE = re.compile(
    r"^\s*(alle|ingen)( av)?( de| disse| alternativene| svarene)?( ovenfor| over| nevnt)?\s*[.!]?\s*$"
    r"|^\s*(alt|ingenting)( av)?( det| dette)? (ovenfor|over)\s*[.!]?\s*$"
    r"|^\s*begge( deler| er riktige)?\s*[.!]?\s*$",
    re.IGNORECASE,
)
ABSOLUTES = re.compile(r"\b(alltid|aldri|kun|bare|ingen|ingenting)\b", re.IGNORECASE)


def _length(text: str) -> int:
    return len(" ".join(text.split()))


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", "", text.lower()).split())


def item_flaws(bank: Bank, path: Path) -> list[Problem]:
    """Every item-writing flaw of one bank, as warnings with file, line, question and fix."""
    file = display_path(path)
    line_of = locator(path)
    flaws: list[Problem] = []

    def at(qi: int, message: str, oi: int | None = None) -> None:
        line = line_of(("questions", qi, "options", oi) if oi is not None else ("questions", qi))
        flaws.append(Problem(file, line, message, question=bank.questions[qi].id))

    singles: list[tuple[int, SingleQuestion]] = []
    for qi, q in enumerate(bank.questions):
        if isinstance(q, SingleQuestion | MultipleQuestion):
            seen: dict[str, int] = {}
            for oi, option in enumerate(q.options):
                if ALL_OR_NONE.match(option.text):
                    at(
                        qi,
                        f"the option «{option.text.strip()}» points at the other options; a learner who sees "
                        "two right ones can guess it. Fix: write a real answer instead.",
                        oi,
                    )
                key = _normal(option.text)
                if key in seen:
                    at(
                        qi,
                        f"options {seen[key] + 1} and {oi + 1} say the same. Fix: make every option different.",
                        oi,
                    )
                seen.setdefault(key, oi)
        if isinstance(q, SingleQuestion):
            singles.append((qi, q))
            key_index = next(i for i, o in enumerate(q.options) if o.correct)
            key_length = _length(q.options[key_index].text)
            longest_other = max(_length(o.text) for i, o in enumerate(q.options) if i != key_index)
            if key_length >= LONG_KEY_RATIO * longest_other:
                at(
                    qi,
                    f"the right option is {key_length / longest_other:.1f} times as long as the longest wrong one, "
                    "so it can be guessed by its length. Fix: shorten it, or give the wrong options "
                    "the same detail.",
                    key_index,
                )
        if isinstance(q, TrueFalseQuestion) and not q.answer:
            word = ABSOLUTES.search(q.prompt)
            if word:
                at(
                    qi,
                    f"a false statement with «{word.group(0)}» can be guessed as false by that word alone "
                    "(review it). Fix: make the statement false in its content, or write a true statement "
                    "with the word.",
                )

    def bank_level(message: str) -> None:
        flaws.append(Problem(file, line_of(("questions",)), message))

    if len(singles) >= 3:
        longest = [
            q.id
            for _, q in singles
            if _length(next(o.text for o in q.options if o.correct))
            > max(_length(o.text) for o in q.options if not o.correct)
        ]
        if len(longest) * 2 > len(singles):
            bank_level(
                f"the right option is the longest in {len(longest)} of {len(singles)} single-choice questions "
                f"({', '.join(longest)}), so always picking the longest pays. Fix: make the wrong options "
                "as long and as precise as the right one in most of them."
            )
        positions = Counter(next(i for i, o in enumerate(q.options) if o.correct) for _, q in singles)
        position, count = positions.most_common(1)[0]
        if count * 2 > len(singles):
            bank_level(
                f"the right option is number {position + 1} in {count} of {len(singles)} single-choice questions "
                "(in the order you wrote them, which print, group mode and the no-JavaScript view keep). "
                "Fix: vary where the right option stands."
            )
    truefalse = [q for q in bank.questions if isinstance(q, TrueFalseQuestion)]
    trues = sum(q.answer for q in truefalse)
    falses = len(truefalse) - trues
    if len(truefalse) >= 3 and (trues > TRUEFALSE_BALANCE * falses or falses > TRUEFALSE_BALANCE * trues):
        bank_level(
            f"{trues} of the {len(truefalse)} true/false statements are true and {falses} false, so always "
            f"answering «{'Sant' if trues > falses else 'Usant'}» pays. Fix: make about half of them true."
        )
    return flaws
