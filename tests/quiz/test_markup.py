"""The markup contract: quiz.js, the theme and the plugin rely only on names markup.py lists and html.py writes."""

import re
from pathlib import Path

import krisesenterkurs
from krisesenterkurs.quiz import markup
from krisesenterkurs.quiz.banks import load_bank
from krisesenterkurs.quiz.render import render_quiz

PACKAGE = Path(krisesenterkurs.__file__).parent
QUIZ_JS = (PACKAGE / "theme" / "assets" / "krisesenterkurs" / "quiz.js").read_text(encoding="utf-8")
GOLDEN = Path(__file__).parent / "golden" / "bank.yml"


def test_every_class_and_data_attribute_quiz_js_uses_is_in_the_contract():
    # kk-course is the course manifest every page carries (course/progress.py), read for the module's version.
    classes = set(re.findall(r"\bkk-[a-z0-9_-]*[a-z0-9]", QUIZ_JS)) - {"kk-js", "kk-course"}
    attributes = set(re.findall(r"\bdata-[a-z-]+", QUIZ_JS)) - {"data-course"}
    known = set(markup.CLASSES) | {c.split("__")[0] for c in markup.CLASSES}
    assert classes, "quiz.js names no classes: the pattern is wrong"
    assert sorted(classes - known) == []
    assert sorted(attributes - set(markup.ROOT_DATA + markup.QUESTION_DATA + markup.STATE_DATA)) == []


def test_the_html_writes_what_the_contract_promises():
    html = render_quiz(load_bank(GOLDEN), question_ids=None, lang="nb", uid="u", learn_more=lambda t: ("#", "Del"))
    written = {c for attr in re.findall(r'class="([^"]+)"', html) for c in attr.split()}
    expected_written = set(markup.CLASSES) - {
        "kk-quiz__score",
        "kk-quiz__verdict",
        "kk-quiz__review-title",
        "kk-quiz__review-more",
        "kk-quiz__intro",
        "kk-quiz-holder",
        "kk-quiz-intro-holder",
        "kk-icon",
        "kk--right",
        "kk--wrong",
        "kk--info",
    }
    assert expected_written <= written, sorted(expected_written - written)
    data = set(re.findall(r"\b(data-[a-z-]+)", html))
    assert set(markup.ROOT_DATA + markup.QUESTION_DATA) - {"data-fixed-mode", "data-subset"} <= data
    assert markup.SECTION.fullmatch(html)


def test_the_theme_loads_quiz_assets_by_the_contract_marker():
    main = (PACKAGE / "theme" / "main.html").read_text(encoding="utf-8")
    assert f"'{markup.PAGE_MARKER}' in page.content" in main
