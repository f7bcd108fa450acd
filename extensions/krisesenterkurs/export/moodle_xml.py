"""A bank as Moodle XML, for Moodle's question bank import (Moodle 4.5, «Moodle XML format»).

The elements and their order follow what Moodle itself exports: question/format/xml/format.php
(`writequestion`, `write_answer`, `write_combined_feedback`, `write_hint`) and, for ordering,
qtype_ordering's `export_to_xml` (question/type/ordering/questiontype.php, standard since 4.4).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

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

HTML = {"format": "html"}
# Moodle's own default penalty for each wrong try in interactive mode (one third).
PENALTY = "0.3333333"


def _text(parent: ET.Element, tag: str, value: str, attrib: dict[str, str] | None = None) -> ET.Element:
    """`<tag><text>value</text></tag>`: ElementTree escapes &, < and > (so ']]>' is harmless)."""
    element = ET.SubElement(parent, tag, attrib or {})
    ET.SubElement(element, "text").text = value
    return element


def _value(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, tag).text = value


def _answer(parent: ET.Element, fraction: str, text: str, feedback: str = "", fmt: str = "html") -> None:
    answer = _text(parent, "answer", text, {"fraction": fraction, "format": fmt})
    _text(answer, "feedback", feedback, HTML)


def _combined_feedback(question: ET.Element) -> None:
    # The quiz has no feedback for right, partly right and wrong as a whole; Moodle's own words are shown.
    for field in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _text(question, field, "", HTML)


def _category(quiz: ET.Element, bank: Bank) -> None:
    question = ET.SubElement(quiz, "question", {"type": "category"})
    _text(question, "category", category_path(bank))
    _text(question, "info", "", HTML)
    _value(question, "idnumber", "")


def _header(quiz: ET.Element, qtype: str, q: Question, text: BankText) -> ET.Element:
    question = ET.SubElement(quiz, "question", {"type": qtype})
    _text(question, "name", q.id)
    _text(question, "questiontext", text.block(q.prompt), HTML)
    _text(question, "generalfeedback", text.general_feedback(q), HTML)
    _value(question, "defaultgrade", "1")
    _value(question, "penalty", PENALTY)
    _value(question, "hidden", "0")
    _value(question, "idnumber", q.id)
    return question


def _choice(quiz: ET.Element, q: SingleQuestion | MultipleQuestion, text: BankText) -> None:
    question = _header(quiz, "multichoice", q, text)
    single = isinstance(q, SingleQuestion)
    _value(question, "single", "true" if single else "false")
    # The quiz too shows the options in a new order for each attempt.
    _value(question, "shuffleanswers", "true")
    _value(question, "answernumbering", "none")
    _value(question, "showstandardinstruction", "0")
    _combined_feedback(question)
    if not single:
        ET.SubElement(question, "shownumcorrect")
    fractions = (
        [1.0 if o.correct else 0.0 for o in q.options] if single else multiple_fractions([o.correct for o in q.options])
    )
    for option, fraction in zip(q.options, fractions, strict=True):
        feedback = text.block(option.feedback) if option.feedback else ""
        _answer(question, percent(fraction), text.inline(option.text), feedback)


def _truefalse(quiz: ET.Element, q: TrueFalseQuestion, text: BankText) -> None:
    question = _header(quiz, "truefalse", q, text)
    # Moodle matches the answers by these literal words, whatever the site's language.
    _answer(question, "100" if q.answer else "0", "true", fmt="moodle_auto_format")
    _answer(question, "0" if q.answer else "100", "false", fmt="moodle_auto_format")


def _matching(quiz: ET.Element, q: MatchingQuestion, text: BankText) -> None:
    question = _header(quiz, "matching", q, text)
    _value(question, "shuffleanswers", "true")
    _combined_feedback(question)
    ET.SubElement(question, "shownumcorrect")
    pairs = [(text.inline(item.text), item.category) for item in q.items]
    pairs += [("", category) for category in extra_answers(q)]  # no text: an extra answer
    for stem, category in pairs:
        subquestion = _text(question, "subquestion", stem, HTML)
        _text(subquestion, "answer", category)


def _ordering(quiz: ET.Element, q: OrderingQuestion, text: BankText) -> None:
    question = _header(quiz, "ordering", q, text)
    _value(question, "layouttype", "VERTICAL")
    _value(question, "selecttype", "ALL")
    # Every step: Moodle's import raises a count below its minimum (2) to that minimum.
    _value(question, "selectcount", str(len(q.steps)))
    _value(question, "gradingtype", "ABSOLUTE_POSITION")  # a point for each step in its place
    _value(question, "showgrading", "SHOW")
    _value(question, "numberingstyle", "none")
    _combined_feedback(question)
    # Moodle 4.5's import of an ordering question needs shownumcorrect and the hints.
    _value(question, "shownumcorrect", "1")
    for position, step in enumerate(q.steps, 1):  # the fraction is the step's place
        _text(question, "answer", text.inline(step), {"fraction": str(position), "format": "html"})
    # Two hints for the interactive behaviour (as Moodle's default): how many are right,
    # then also highlight the wrong ones.
    first = _text(question, "hint", "", HTML)
    ET.SubElement(first, "shownumcorrect")
    second = _text(question, "hint", "", HTML)
    ET.SubElement(second, "shownumcorrect")
    _value(second, "options", "1")


def moodle_xml(bank: Bank, lang: str) -> bytes:
    """The whole bank as one Moodle XML file: its category, then every question in bank order."""
    text = BankText(lang)
    quiz = ET.Element("quiz")
    _category(quiz, bank)
    for q in bank.questions:
        if isinstance(q, (SingleQuestion, MultipleQuestion)):
            _choice(quiz, q, text)
        elif isinstance(q, TrueFalseQuestion):
            _truefalse(quiz, q, text)
        elif isinstance(q, MatchingQuestion):
            _matching(quiz, q, text)
        else:
            _ordering(quiz, q, text)
    ET.indent(quiz)
    return ET.tostring(quiz, encoding="utf-8", xml_declaration=True) + b"\n"
