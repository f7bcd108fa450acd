"""Build tests: a fixture site built in a temporary folder.

Tests of the HTML build inside the test process; tests of what an editor reads run the mkdocs
command, as an editor does.
"""

import json
import shutil
from pathlib import Path

import pytest

from tests.banks import VALID
from tests.support import build_in_process, run_build

FIXTURE = Path(__file__).parent / "fixtures" / "site"


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(FIXTURE, root)
    (root / "quizzes").mkdir(exist_ok=True)  # git keeps no empty folders
    (root / "quizzes" / "test.yml").write_text(VALID, encoding="utf-8")
    return root


def build(root):
    result = run_build(root, root / "out")
    assert "Traceback" not in result.stderr and 'File "' not in result.stderr, result.stderr
    return result


def build_html(root):
    result = build_in_process(root, root / "out")
    assert result.returncode == 0, result.stderr
    return result


def test_fixture_site_builds_with_the_quiz(site):
    result = build_html(site)
    html = (site / "out" / "quiz" / "index.html").read_text(encoding="utf-8")
    assert html.count("<fieldset") == 3 and "Sjekk svar" in html
    assert "WARNING" not in result.stderr


def test_quiz_words_follow_the_theme_language(site):
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace("language: nb", "language: en"))
    build_html(site)
    assert "Check answer" in (site / "out" / "quiz" / "index.html").read_text(encoding="utf-8")


def test_broken_bank_fails_the_build_with_file_line_question(site):
    (site / "quizzes" / "test.yml").write_text(VALID.replace("answer: false", "answer: 7"), encoding="utf-8")
    result = build(site)
    assert result.returncode != 0
    line = VALID.splitlines().index("    answer: false") + 1
    assert f"quizzes/test.yml:{line}: spørsmål «tre»:" in result.stderr
    assert "Rett:" in result.stderr


def test_page_naming_a_missing_bank_fails_with_page_and_line(site):
    (site / "docs" / "quiz.md").write_text("# Quiz\n\nTekst.\n\n/// quiz | finnes-ikke\n///\n\n/// quiz | test\n///\n")
    result = build(site)
    assert result.returncode != 0
    assert "docs/quiz.md:5: det finnes ingen spørsmålsbank med id «finnes-ikke»" in result.stderr


def test_unknown_block_option_is_not_silently_text(site):
    (site / "docs" / "quiz.md").write_text("# Quiz\n\n/// quiz | test\n    sporsmal: [en]\n///\n")
    result = build(site)
    assert result.returncode != 0
    assert "docs/quiz.md:3: quiz «test»: ukjent valg «sporsmal»" in result.stderr


def test_unused_bank_fails_the_build(site):
    (site / "quizzes" / "ekstra.yml").write_text(VALID.replace("id: test", "id: ekstra"), encoding="utf-8")
    result = build(site)
    assert result.returncode != 0
    assert "quizzes/ekstra.yml:1: banken «ekstra» brukes ikke på noen side" in result.stderr
    assert not (site / "out" / "quiz" / "index.html").exists()


def test_plugin_without_the_extension_says_what_to_add(site):
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - krisesenterkurs.quiz\n", ""))
    result = build(site)
    assert result.returncode != 0
    assert "trenger Markdown-utvidelsen «krisesenterkurs.quiz»" in result.stderr


def test_quizzes_stay_out_of_the_search_index_and_whole_on_the_page(site):
    (site / "docs" / "quiz.md").write_text(
        "# Quiz\n\nSøkbar tekst før.\n\n/// quiz | test\nIntro som kan søkes.\n///\n\n"
        "Søkbar tekst mellom.\n\n/// quiz | test\n    questions: [to]\n///\n\nSøkbar tekst etter.\n",
        encoding="utf-8",
    )
    build_html(site)
    html = (site / "out" / "quiz" / "index.html").read_text(encoding="utf-8")
    index = json.dumps(
        json.loads((site / "out" / "search" / "search_index.json").read_text(encoding="utf-8")), ensure_ascii=False
    )
    # Both quizzes are back in place, in order, between the page's own text.
    assert html.count('<section class="kk-quiz"') == 2 and "kk-quiz-->" not in html
    assert (
        html.index("Søkbar tekst før")
        < html.index('id="kk1-test"')
        < html.index("Søkbar tekst mellom")
        < html.index('id="kk2-test"')
        < html.index("Søkbar tekst etter")
    )
    assert html.count("<fieldset") == 4
    # The page's text and the quiz intro are found by search; questions, answers and feedback are not.
    for text in ("Søkbar tekst før", "Søkbar tekst mellom", "Søkbar tekst etter", "Intro som kan søkes"):
        assert text in index
    for text in ("Hva er riktig?", "Ikke dette", "Forklaring.", "Kilde A", "Sjekk svar"):
        assert text not in index
