"""Moodle XML as Moodle's own import reads it (question/format/xml/format.php, qtype_ordering)."""

import xml.etree.ElementTree as ET

import pytest

from krisesenterkurs.export.fractions import ALLOWED
from krisesenterkurs.export.moodle_xml import moodle_xml
from tests.export.banks import HOSTILE, HOSTILE_TEXT, bank


def _quiz(text=None) -> ET.Element:
    data = moodle_xml(bank(text) if text else bank(), "nb")
    assert data.startswith(b"<?xml version='1.0' encoding='utf-8'?>\n<quiz>")
    return ET.fromstring(data)


def _questions(quiz) -> dict[str, ET.Element]:
    return {q.findtext("name/text"): q for q in quiz.findall("question") if q.get("type") != "category"}


def _fractions(question) -> list[float]:
    return [float(a.get("fraction")) / 100 for a in question.findall("answer")]


def _allowed(fraction: float) -> bool:
    # lib/questionlib.php, match_grade_options with «Error if grade not listed».
    return any(abs(fraction - allowed) < 0.00001 for allowed in ALLOWED)


def test_the_bank_title_is_the_category_and_comes_first():
    quiz = _quiz()
    first = quiz.find("question")
    assert first.get("type") == "category"
    # A '/' in the title is doubled: Moodle reads a single one as a subcategory.
    assert first.findtext("category/text") == "$course$/top/Alle typer // del 1"
    assert [q.get("type") for q in quiz.findall("question")] == [
        "category",
        "multichoice",
        "multichoice",
        "truefalse",
        "matching",
        "ordering",
    ]


def test_every_question_has_name_idnumber_html_text_and_general_feedback_with_the_source():
    for qid, q in _questions(_quiz()).items():
        assert q.findtext("idnumber") == qid
        assert q.find("questiontext").get("format") == "html"
        assert q.findtext("questiontext/text").startswith("<p>")
        feedback = q.find("generalfeedback")
        assert feedback.get("format") == "html"
        assert "<p>Kilde: Kilde " in feedback.findtext("text")
        assert feedback.findtext("text").startswith("<p>Forklaring ")
        assert q.findtext("defaultgrade") == "1" and q.findtext("hidden") == "0"
    assert "<strong>riktig</strong>" in _questions(_quiz())["en"].findtext("questiontext/text")


def test_single_choice_has_the_key_at_100_and_the_rest_at_0_with_feedback():
    q = _questions(_quiz())["en"]
    assert q.findtext("single") == "true"
    answers = q.findall("answer")
    assert [a.get("fraction") for a in answers] == ["100", "0", "0"]
    assert [a.findtext("text") for a in answers] == ["Dette", "Ikke dette", "Heller ikke dette"]
    assert all(a.get("format") == "html" for a in answers)
    assert [a.findtext("feedback/text") for a in answers] == ["<p>Ja, dette.</p>", "<p>Nei.</p>", ""]


def test_multiple_choice_grades_are_moodles_own_and_the_right_ones_sum_to_100():
    q = _questions(_quiz())["tre-riktige"]
    assert q.findtext("single") == "false"
    fractions = _fractions(q)
    assert [a.get("fraction") for a in q.findall("answer")] == ["33.33333", "33.33333", "33.33333", "-100"]
    assert all(_allowed(f) for f in fractions)
    # qtype_multichoice: the positive grades, rounded to two decimals, must make 100 %.
    assert round(sum(f for f in fractions if f > 0), 2) == 1
    assert q.find("shownumcorrect") is not None
    assert q.findall("answer")[3].findtext("feedback/text") == "<p>D er feil.</p>"


def test_true_false_answers_are_the_literal_words_with_100_on_the_right_one():
    q = _questions(_quiz())["pastand"]
    answers = {a.findtext("text"): a.get("fraction") for a in q.findall("answer")}
    assert answers == {"true": "0", "false": "100"}  # the statement is false


def test_matching_items_are_subquestions_and_unused_categories_extra_answers():
    q = _questions(_quiz())["hvem-gjor-hva"]
    subquestions = [(s.findtext("text"), s.findtext("answer/text")) for s in q.findall("subquestion")]
    assert subquestions == [("Økonomisk stønad", "NAV"), ("Overordnet ansvar", "Kommunen"), ("", "Krisesenteret")]
    assert all(s.get("format") == "html" for s in q.findall("subquestion"))
    # Moodle's form wants at least 2 questions and 3 answers; every category is an answer.
    assert len(subquestions) >= 3 and len([s for s in subquestions if s[0]]) >= 2
    for field in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        assert q.find(field).get("format") == "html"


def test_matching_with_two_categories_is_padded_to_three_answers():
    text = HOSTILE.replace('["NAV <b>&</b> {x}", Kommunen, Krisesenteret]', '["NAV <b>&</b> {x}", Kommunen]')
    q = _questions(_quiz(text))["hvem-gjor-hva"]
    answers = [s.findtext("answer/text") for s in q.findall("subquestion")]
    assert len(answers) == 3 and set(answers) == {"NAV <b>&</b> {x}", "Kommunen"}


def test_ordering_is_written_like_moodles_own_export_with_shownumcorrect_and_hints():
    q = _questions(_quiz())["rekkefolge"]
    tags = [child.tag for child in q]
    expected = [
        "layouttype",
        "selecttype",
        "selectcount",
        "gradingtype",
        "showgrading",
        "numberingstyle",
        "correctfeedback",
        "partiallycorrectfeedback",
        "incorrectfeedback",
        "shownumcorrect",
        "answer",
        "answer",
        "answer",
        "hint",
        "hint",
    ]
    assert tags[tags.index("layouttype") :] == expected
    values = {tag: q.findtext(tag) for tag in expected[:6]}
    assert values == {
        "layouttype": "VERTICAL",
        "selecttype": "ALL",
        "selectcount": "3",
        "gradingtype": "ABSOLUTE_POSITION",
        "showgrading": "SHOW",
        "numberingstyle": "none",
    }
    assert q.findtext("shownumcorrect") == "1"
    # The fraction of an ordering answer is its place in the right order.
    assert [(a.get("fraction"), a.findtext("text")) for a in q.findall("answer")] == [
        ("1", "Lytt"),
        ("2", "Skriv ned"),
        ("3", "Følg rutinene"),
    ]
    hints = q.findall("hint")
    assert all(h.get("format") == "html" and h.find("text") is not None for h in hints)
    assert hints[0].find("shownumcorrect") is not None and hints[1].findtext("options") == "1"


def test_hostile_text_is_shown_as_text_and_the_file_still_parses():
    data = moodle_xml(bank(HOSTILE), "nb")
    assert b"<script>" not in data and b"]]>" not in data
    quiz = ET.fromstring(data)
    q = _questions(quiz)["en"]
    shown = "&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &amp; ~ = # { } : \\ slutt"
    assert q.findtext("questiontext/text") == f"<p>{shown}</p>"
    assert q.findall("answer")[0].findtext("text") == shown
    assert q.findall("answer")[1].findtext("feedback/text") == f"<p>{shown}</p>"
    assert f"<p>Kilde: {shown}</p>" in q.findtext("generalfeedback/text")
    matching = _questions(quiz)["hvem-gjor-hva"]
    assert matching.find("subquestion").findtext("text") == shown
    # A category is plain text: the XML escapes it, and Moodle shows it as text.
    assert matching.find("subquestion").findtext("answer/text") == "NAV <b>&</b> {x}"
    assert _questions(quiz)["rekkefolge"].find("answer").findtext("text") == shown
    assert HOSTILE_TEXT in bank(HOSTILE).questions[0].prompt  # the bank really held it


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_the_source_word_follows_the_course_language(lang):
    from krisesenterkurs.core.strings import table

    q = ET.fromstring(moodle_xml(bank(), lang)).find("question[@type='truefalse']")
    assert f"<p>{table(lang)['source']}: Kilde C</p>" in q.findtext("generalfeedback/text")
