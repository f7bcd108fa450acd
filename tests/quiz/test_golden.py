"""The quiz's HTML, whole: every question type and option rendered and compared with committed files."""

from pathlib import Path

import pytest

from krisesenterkurs.quiz.banks import load_bank
from krisesenterkurs.quiz.render import render_quiz
from tests.golden import assert_golden

HERE = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def bank():
    return load_bank(HERE / "bank.yml")


@pytest.mark.parametrize(
    "name,options",
    [
        ("individual-nb", {"lang": "nb"}),
        ("group-en", {"lang": "en", "group": True}),
        ("subset-nn", {"lang": "nn", "question_ids": ["sant-usant", "enkeltvalg"]}),
    ],
)
def test_rendered_quiz_matches_the_golden_file(bank, name, options):
    html = render_quiz(
        bank,
        question_ids=options.get("question_ids"),
        lang=options["lang"],
        uid="kk1-golden",
        group=options.get("group", False),
        # Resolving the link is learnmore's (tested there); this is how the link is written.
        learn_more=lambda target: ("../" + target.replace(".md", "/"), "Del to <&>"),
    )
    assert_golden(html + "\n", HERE / f"{name}.html")
