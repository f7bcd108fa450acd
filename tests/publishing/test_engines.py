"""Building with either engine: the same site, and an editor's mistake as one line per problem."""

import os
from pathlib import Path

import pytest

import krisesenterkurs
from krisesenterkurs.core.settings import Settings
from krisesenterkurs.publishing.engines import run
from tests.support import small_course

ENGINES = ["mkdocs", "zensical"]


THEME = Path(krisesenterkurs.__file__).parent / "theme"


@pytest.fixture
def course(tmp_path):
    config = small_course(tmp_path / "kurs")
    (config.parent / "docs" / "index.md").write_text("# Start\n", encoding="utf-8")
    text = config.read_text(encoding="utf-8").replace(
        "  name: material\n", f"  name: material\n  custom_dir: {THEME}\n"
    )
    text += "plugins:\n  - krisesenterkurs\nmarkdown_extensions:\n  - krisesenterkurs.quiz\n"
    config.write_text(text, encoding="utf-8")
    return Settings.load(config)


@pytest.mark.parametrize("engine", ENGINES)
def test_both_engines_build_the_quiz_and_run_the_post_build_step(course, engine, tmp_path):
    site = tmp_path / "site"
    result = run(course, site, engine=engine, strict=False)
    assert result.returncode == 0, result.stderr
    assert 'class="kk-quiz"' in (site / "moduler" / "forste" / "quiz" / "index.html").read_text(encoding="utf-8")
    quiz_js = (site / "assets" / "krisesenterkurs" / "quiz.js").read_text(encoding="utf-8")
    assert "\n  " not in quiz_js  # minified by the post-build step
    assert not (course.root / ".build").exists() or not any((course.root / ".build").iterdir())


@pytest.mark.parametrize("engine", ENGINES)
def test_a_page_mistake_is_one_line_with_file_and_line(course, engine, tmp_path):
    page = course.modules / "forste" / "quiz.md"
    page.write_text("# Quiz\n\n/// quiz | test\n    mode: gruppe\n///\n", encoding="utf-8")
    result = run(course, tmp_path / "site", engine=engine, strict=False)
    assert result.returncode != 0
    assert "docs/moduler/forste/quiz.md:3: quiz «test»: «mode» må være «individual» eller «group»." in result.stderr
    assert "Traceback" not in result.stderr and 'File "' not in result.stderr, result.stderr


@pytest.mark.parametrize("engine", ENGINES)
def test_a_bank_mistake_stops_the_build_before_any_page(course, engine, tmp_path):
    bank = course.quizzes / "test.yml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("answer: false", "answer: ja"), encoding="utf-8")
    result = run(course, tmp_path / "site", engine=engine, strict=False)
    assert result.returncode != 0
    assert "quizzes/test.yml:30: spørsmål «tre»: «answer» må være true eller false" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and 'File "' not in result.stderr


def test_a_cached_zensical_build_shows_an_edited_bank(course, tmp_path):
    # Zensical reuses unchanged pages; the course's banks are watched (from the settings), so an edit
    # to a bank renders its page again instead of leaving the old text in the site.
    assert run(course, tmp_path / "one", engine="zensical", strict=False, clean=False).returncode == 0
    bank = course.quizzes / "test.yml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("Hva er riktig?", "Hva er nå riktig?"), encoding="utf-8")
    # Zensical compares whole-second mtimes and this small build takes less than a second: date the
    # edit later, as any editor's save is, or the test depends on the clock.
    later = bank.stat().st_mtime + 2
    os.utime(bank, (later, later))
    result = run(course, tmp_path / "two", engine="zensical", strict=False, clean=False)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "two" / "moduler" / "forste" / "quiz" / "index.html").read_text(encoding="utf-8")
    assert "Hva er nå riktig?" in page
    assert (tmp_path / "two" / "assets" / "krisesenterkurs" / "quiz.js").exists()


def test_two_zensical_builds_at_once_each_get_the_whole_site(course, tmp_path):
    """Zensical builds inside the project (.build/zensical): a second build at the same time (a second
    terminal, parallel test workers) waits for the first instead of taking its output folder."""
    from concurrent.futures import ThreadPoolExecutor

    sites = [tmp_path / "a", tmp_path / "b", tmp_path / "c"]
    with ThreadPoolExecutor(3) as pool:
        results = list(pool.map(lambda site: run(course, site, engine="zensical", strict=False), sites))
    for site, result in zip(sites, results, strict=True):
        assert result.returncode == 0, result.stderr
        assert (site / "moduler" / "forste" / "quiz" / "index.html").is_file(), site
        assert (site / "index.html").is_file(), site
