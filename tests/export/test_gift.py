"""GIFT as Moodle's import reads it (tests/export/gift_reader.py follows question/format/gift/format.php)."""

import pytest

from krisesenterkurs.export.gift import escape, gift
from krisesenterkurs.quiz.render import TextRenderer
from tests.export.banks import HOSTILE, HOSTILE_TEXT, bank
from tests.export.gift_reader import readquestions


def _read(text=None) -> dict[str, dict]:
    questions = readquestions(gift(bank(text) if text else bank(), "nb").text)
    assert questions[0] == {"type": "category", "category": "$course$/top/Alle typer // del 1"}
    return {q["name"]: q for q in questions[1:]}


def test_escape_covers_gifts_special_characters_and_line_breaks():
    assert escape("a~b=c#d{e}f:g\\h") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h"
    assert escape("<p>a</p>\n<p>b</p>\r\n") == "<p>a</p>\\n<p>b</p>\\n"


def test_every_type_but_ordering_is_read_back_with_its_answers():
    questions = _read()
    assert list(questions) == ["en", "tre-riktige", "pastand", "hvem-gjor-hva"]
    single = questions["en"]
    assert single["type"] == "multichoice" and single["single"] and single["format"] == "html"
    assert single["text"] == "<p>Hva er <strong>riktig</strong>?</p>"
    assert single["answers"] == [
        (1.0, "Dette", "<p>Ja, dette.</p>"),
        (0.0, "Ikke dette", "<p>Nei.</p>"),
        (0.0, "Heller ikke dette", ""),
    ]
    assert single["generalfeedback"] == "<p>Forklaring en.</p>\n<p>Kilde: Kilde A</p>"
    multiple = questions["tre-riktige"]
    assert multiple["type"] == "multichoice" and not multiple["single"]
    assert [w for w, _, _ in multiple["answers"]] == pytest.approx([0.3333333, 0.3333333, 0.3333333, -1.0])
    assert round(sum(w for w, _, _ in multiple["answers"] if w > 0), 2) == 1
    assert questions["pastand"]["type"] == "truefalse" and questions["pastand"]["answer"] is False
    assert "<p>Kilde: Kilde C</p>" in questions["pastand"]["generalfeedback"]
    matching = questions["hvem-gjor-hva"]
    assert matching["type"] == "match"
    assert matching["pairs"] == [("Økonomisk stønad", "NAV"), ("Overordnet ansvar", "Kommunen"), ("", "Krisesenteret")]


def test_ordering_is_left_out_with_a_comment_and_named():
    result = gift(bank(), "nb")
    assert [q.id for q in result.left_out] == ["rekkefolge"]
    assert "// question: rekkefolge (ordering) is left out: GIFT has no ordering question." in result.text
    assert "Lytt" not in result.text


def test_hostile_text_survives_the_round_trip_as_the_site_shows_it():
    questions = _read(HOSTILE)
    text = TextRenderer()
    shown = text.inline(HOSTILE_TEXT)
    assert "<script>" not in shown and "&lt;script&gt;" in shown
    single = questions["en"]
    assert single["text"] == f"<p>{shown}</p>"
    assert single["answers"][0] == (1.0, shown, "<p>Ja, dette.</p>")
    assert single["answers"][1][2] == f"<p>{shown}</p>"
    assert single["generalfeedback"] == f"<p>{shown}</p>\n<p>Kilde: {shown}</p>"
    assert questions["hvem-gjor-hva"]["pairs"][0] == (shown, "NAV <b>&</b> {x}")
    assert list(questions) == ["en", "tre-riktige", "pastand", "hvem-gjor-hva"]  # nothing split or merged


@pytest.mark.parametrize("start", ["%50% av dem", "=lik", "~tilde", ":kolon", "{klammer}", "\\bakstrek"])
def test_an_option_starting_with_a_special_character_keeps_its_weight_and_text(start):
    from tests.export.banks import ALL_TYPES

    questions = _read(ALL_TYPES.replace("text: Ikke dette", f"text: '{start}'"))
    answers = questions["en"]["answers"]
    assert [w for w, _, _ in answers] == [1.0, 0.0, 0.0]
    assert answers[1][1] == TextRenderer().inline(start)


def test_links_and_lists_keep_their_html_through_the_escapes():
    from tests.export.banks import ALL_TYPES

    prompt = "Les [loven](https://lovdata.no/lov/2009-06-19-44#§3?a=1&b={2}) først:\n\n- én\n- to"
    text = ALL_TYPES.replace(
        "    prompt: Hva er **riktig**?", "    prompt: |\n      " + prompt.replace("\n", "\n      ")
    )
    assert bank(text).questions[0].prompt.rstrip() == prompt
    questions = _read(text)
    expected = str(TextRenderer().block(bank(text).questions[0].prompt))
    assert 'href="https://lovdata.no/lov/2009-06-19-44#§3?a=1&amp;b={2}"' in expected and "<ul>" in expected
    assert questions["en"]["text"] == expected.strip()
