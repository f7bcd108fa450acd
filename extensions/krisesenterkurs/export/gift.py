"""A bank in GIFT, for Moodle's question bank import («GIFT format»).

Written as Moodle's own GIFT export writes it (question/format/gift/format.php, `writequestion`):
the question text marked `[html]` (the answers and feedback take its format), every
text escaped with `repchar`'s rules, one question per block with a blank line after it.
GIFT has no ordering question in this project's target, so ordering questions are left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..quiz.schema import (
    Bank,
    MatchingQuestion,
    MultipleQuestion,
    OrderingQuestion,
    Question,
    SingleQuestion,
    TrueFalseQuestion,
)
from .fractions import multiple_fractions, percent
from .text import BankText, category_path, extra_answers

# qformat_gift::repchar: the backslash first, so the escapes it adds are not escaped again.
# A line break becomes "\n", which the import turns back into one; a blank line would end the question.
_RESERVED = (("\\", "\\\\"), ("~", "\\~"), ("=", "\\="), ("#", "\\#"), ("{", "\\{"), ("}", "\\}"), (":", "\\:"))


def escape(text: str) -> str:
    """Text with GIFT's special characters (~ = # { } : and \\) escaped, on one line."""
    for char, escaped in _RESERVED:
        text = text.replace(char, escaped)
    return text.replace("\r", "").replace("\n", "\\n")


@dataclass
class Gift:
    text: str
    left_out: list[OrderingQuestion] = field(default_factory=list)


def _weight(fraction: float) -> str:
    return f"%{percent(fraction)}%"


def _start(q: Question, text: BankText) -> str:
    return f"// question: {q.id}\n::{escape(q.id)}::[html]{escape(text.block(q.prompt))}{{\n"


def _end(q: Question, text: BankText) -> str:
    return f"\t####{escape(text.general_feedback(q))}\n}}\n"


def _choice(q: SingleQuestion | MultipleQuestion, text: BankText) -> str:
    out = _start(q, text)
    single = isinstance(q, SingleQuestion)
    fractions = (
        [1.0 if o.correct else 0.0 for o in q.options] if single else multiple_fractions([o.correct for o in q.options])
    )
    for option, fraction in zip(q.options, fractions, strict=True):
        answer = escape(text.inline(option.text))
        if single:
            # An answer starting with "%" would be read as a weight: give the weight then.
            mark = "=" if fraction == 1 else ("~%0%" if answer.startswith("%") else "~")
        else:
            mark = "~" + _weight(fraction)  # never "=": that would make Moodle read a single answer
        line = f"\t{mark}{answer}"
        if option.feedback:
            line += "#" + escape(text.block(option.feedback))
        out += line + "\n"
    return out + _end(q, text)


def _truefalse(q: TrueFalseQuestion, text: BankText) -> str:
    return _start(q, text).rstrip("\n") + ("TRUE" if q.answer else "FALSE") + _end(q, text).lstrip("\t")


def _matching(q: MatchingQuestion, text: BankText) -> str:
    out = _start(q, text)
    for item in q.items:
        # The item is HTML, where a ">" is written "&gt;": it cannot hold the "->" that ends it.
        out += f"\t={escape(text.inline(item.text))} -> {escape(item.category)}\n"
    for category in extra_answers(q):  # an answer no item belongs to
        out += f"\t= -> {escape(category)}\n"
    return out + _end(q, text)


def gift(bank: Bank, lang: str) -> Gift:
    """The bank's questions in GIFT under its category; ordering questions are left out (see `left_out`)."""
    text = BankText(lang)
    # The category line is read as it stands, without unescaping (qformat_gift::readquestion).
    blocks = [f"// {' '.join(bank.title.split())} ({bank.id})\n$CATEGORY: {category_path(bank)}\n"]
    result = Gift("")
    for q in bank.questions:
        if isinstance(q, (SingleQuestion, MultipleQuestion)):
            blocks.append(_choice(q, text))
        elif isinstance(q, TrueFalseQuestion):
            blocks.append(_truefalse(q, text))
        elif isinstance(q, MatchingQuestion):
            blocks.append(_matching(q, text))
        else:
            result.left_out.append(q)
            blocks.append(
                f"// question: {q.id} (ordering) is left out: GIFT has no ordering question. "
                "Import the Moodle XML file to get it.\n"
            )
    result.text = "\n".join(blocks)
    return result
