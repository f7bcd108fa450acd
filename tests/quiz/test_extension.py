"""The `/// quiz` block in plain Python-Markdown (no MkDocs): placement, options, mistakes."""

import markdown
import pytest

from krisesenterkurs.core import page
from krisesenterkurs.core.errors import CourseError
from tests.banks import VALID, write
from tests.support import course_config


@pytest.fixture
def banks_dir(tmp_path):
    (tmp_path / "quizzes").mkdir()
    write(tmp_path / "quizzes", VALID)
    return tmp_path / "quizzes"


def convert(source, banks_dir, lang="nb", page_file=None, extensions=()):
    config = course_config(banks_dir.parent, language=lang, quizzes=banks_dir.name)
    page.set_mkdocs_page(page_file)
    md = markdown.Markdown(
        extensions=[*extensions, "krisesenterkurs.quiz"],
        extension_configs={"krisesenterkurs.quiz": {"config_file": str(config)}},
    )
    return md.convert(source)


def test_block_places_the_bank_and_its_intro(banks_dir):
    html = convert("# Side\n\n/// quiz | test\nSvar på *alle*.\n///\n", banks_dir)
    assert '<section class="kk-quiz"' in html and 'data-bank="test"' in html
    assert '<div class="kk-quiz__intro">' in html and "<em>alle</em>" in html
    assert html.count("<fieldset") == 3


def test_subset_option(banks_dir):
    html = convert("/// quiz | test\n    questions: [tre]\n///\n", banks_dir)
    assert html.count("<fieldset") == 1 and 'data-qid="tre"' in html


def test_two_placements_get_distinct_ids(banks_dir):
    html = convert("/// quiz | test\n///\n\n/// quiz | test\n    questions: [en]\n///\n", banks_dir)
    assert 'id="kk1-test-en"' in html and 'id="kk2-test-en"' in html


def test_language_option(banks_dir):
    assert "Check answer" in convert("/// quiz | test\n///\n", banks_dir, lang="en")
    assert "Sjekk svar" in convert("/// quiz | test\n///\n", banks_dir, lang="fr")  # unknown: bokmål


@pytest.mark.parametrize(
    "source,line,words",
    [
        (
            "Tekst\n\n/// quiz | finnes-ikke\n///\n",
            3,
            ["ingen spørsmålsbank med id «finnes-ikke»", "Rett: bruk en av disse: test"],
        ),
        ("/// quiz\n///\n", 1, ["trenger en bank-id", "Rett:"]),
        ("# T\n\n/// quiz | test\n    sporsmal: [en]\n///\n", 3, ["ukjent valg «sporsmal»", "Rett:"]),
        ("/// quiz | test\n    questions: [en, mangler]\n///\n", 1, ["har ikke spørsmålet «mangler»", "Rett:"]),
        ("/// quiz | test\n    questions: [en, en]\n///\n", 1, ["to ganger"]),
        ("/// quiz | test\n    questions: 5\n///\n", 1, ["liste med spørsmåls-id-er"]),
    ],
)
def test_page_mistakes_name_the_line(banks_dir, source, line, words, monkeypatch):
    monkeypatch.chdir(banks_dir.parent)
    with pytest.raises(CourseError) as info:
        convert(source, banks_dir, page_file="modules/x/quiz.md")
    message = str(info.value)
    assert message.startswith(f"modules/x/quiz.md:{line}:"), message
    for w in words:
        assert w in message


def test_broken_bank_stops_the_page(banks_dir):
    write(banks_dir, VALID.replace("answer: false", "answer: 7"))
    with pytest.raises(CourseError, match=r"test.yml:\d+: spørsmål «tre»"):
        convert("/// quiz | test\n///\n", banks_dir)


def test_quiz_example_inside_a_code_fence_is_left_alone(banks_dir):
    html = convert("```\n/// quiz | finnes-ikke\n///\n```\n", banks_dir, extensions=["pymdownx.superfences"])
    assert "kk-quiz" not in html and "/// quiz | finnes-ikke" in html


def test_group_mode_option(banks_dir):
    html = convert("/// quiz | test\n    mode: group\n///\n", banks_dir)
    assert 'data-mode="group" data-fixed-mode="true"' in html


def test_unknown_mode_is_an_error(banks_dir):
    with pytest.raises(CourseError, match="«mode» må være «individual» eller «group»"):
        convert("/// quiz | test\n    mode: gruppe\n///\n", banks_dir, page_file="p.md")


def test_each_block_names_its_own_line(banks_dir, monkeypatch):
    # The second placement of the same bank, after a fenced example of a third: the error is at line 9.
    monkeypatch.chdir(banks_dir.parent)
    source = (
        "/// quiz | test\n///\n\n```\n/// quiz | test\n```\n\nTekst\n/// quiz | test\n    questions: [mangler]\n///\n"
    )
    with pytest.raises(CourseError) as info:
        convert(source, banks_dir, page_file="p.md", extensions=["pymdownx.superfences"])
    assert str(info.value).startswith("p.md:9: quiz «test» har ikke spørsmålet «mangler»"), str(info.value)
