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
from ..core.say import number, say
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
                        say("flaw_all_or_none", option=option.text.strip()),
                        oi,
                    )
                key = _normal(option.text)
                if key in seen:
                    at(
                        qi,
                        say("flaw_same_options", first=seen[key] + 1, second=oi + 1),
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
                    say("flaw_long_key", ratio=number(key_length / longest_other)),
                    key_index,
                )
        if isinstance(q, TrueFalseQuestion) and not q.answer:
            word = ABSOLUTES.search(q.prompt)
            if word:
                at(
                    qi,
                    say("flaw_absolute_word", word=word.group(0)),
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
            bank_level(say("flaw_longest_pays", count=len(longest), total=len(singles), ids=", ".join(longest)))
        positions = Counter(next(i for i, o in enumerate(q.options) if o.correct) for _, q in singles)
        position, count = positions.most_common(1)[0]
        if count * 2 > len(singles):
            bank_level(say("flaw_same_position", position=position + 1, count=count, total=len(singles)))
    truefalse = [q for q in bank.questions if isinstance(q, TrueFalseQuestion)]
    trues = sum(q.answer for q in truefalse)
    falses = len(truefalse) - trues
    if len(truefalse) >= 3 and (trues > TRUEFALSE_BALANCE * falses or falses > TRUEFALSE_BALANCE * trues):
        bank_level(
            say(
                "flaw_truefalse_balance",
                trues=trues,
                total=len(truefalse),
                falses=falses,
                answer="Sant" if trues > falses else "Usant",
            )
        )
    return flaws
