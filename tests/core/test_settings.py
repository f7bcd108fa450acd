"""The course's settings: one model, read from mkdocs.yml the same way by the build, check, the CLI and the tests."""

import json
import re
import shutil
from html import unescape

import pytest

from krisesenterkurs.authoring.check import check
from krisesenterkurs.cli import main
from krisesenterkurs.core.errors import CourseError
from krisesenterkurs.core.settings import Settings
from krisesenterkurs.publishing.engines import run
from tests.support import ROOT, course_config

IGNORE = shutil.ignore_patterns(
    ".venv", ".git", "site", "node_modules", "__pycache__", "dist", ".pytest_cache", ".build", ".cache"
)


def test_defaults_and_engine_keys(tmp_path):
    settings = Settings.load(course_config(tmp_path, language="nn", title="Kurs", publisher="RVTS"))
    assert (settings.title, settings.publisher, settings.language) == ("Kurs", "RVTS", "nn")
    assert settings.quizzes == tmp_path / "quizzes" and settings.modules == tmp_path / "course" / "moduler"
    assert settings.pass_mark == 80 and settings.directory_urls is True


def test_env_tags_are_read_as_mkdocs_reads_them(tmp_path, monkeypatch):
    config = course_config(tmp_path)
    config.write_text(config.read_text() + "use_directory_urls: !ENV [KK_TEST_URLS, true]\n")
    assert Settings.load(config).directory_urls is True
    monkeypatch.setenv("KK_TEST_URLS", "false")
    assert Settings.load(config).directory_urls is False


def test_a_wrong_setting_names_its_line_and_the_fix(tmp_path):
    config = course_config(tmp_path, pass_mark=180, quizes="x")
    message = str(pytest.raises(CourseError, Settings.load, config).value)
    assert (
        "mkdocs.yml:9: extra.course: «pass_mark» er utenfor det tillatte området (fant 180). "
        "Rett: bruk et tall fra 0 til 100." in message
    )
    assert "mkdocs.yml:10: extra.course: ukjent nøkkel «quizes»" in message


@pytest.fixture(scope="module")
def renamed(tmp_path_factory):
    """A copy of the real course whose banks live in banker/ and whose language is English: two settings changed."""
    root = tmp_path_factory.mktemp("settings") / "kurs"
    shutil.copytree(ROOT, root, symlinks=True, ignore=IGNORE)
    (root / "quizzes").rename(root / "banker")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("    quizzes: quizzes ", "    quizzes: banker  ").replace(
        "  language: nb\n", "  language: en\n"
    )
    assert text.count("banker") == 1 and "language: en" in text
    config.write_text(text, encoding="utf-8")
    return Settings.load(config)


def test_check_and_the_cli_follow_the_settings(renamed, capsys):
    assert renamed.quizzes.name == "banker" and renamed.language == "en"
    problems, _ = check(renamed)
    assert problems == []
    assert main(["--project", str(renamed.root), "check"]) == 0
    assert main(["--project", str(renamed.root), "schema"]) == 0
    assert any(line.endswith("banker/bank.schema.json") for line in capsys.readouterr().out.split())


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_both_builds_and_the_manifest_follow_the_settings(renamed, engine, tmp_path):
    result = run(renamed, tmp_path / "site", engine=engine)
    assert result.returncode == 0, result.stderr
    quiz = (tmp_path / "site" / "moduler" / "mandat" / "quiz" / "index.html").read_text(encoding="utf-8")
    assert "Check answer" in quiz and "Sjekk svar" not in quiz
    course = json.loads(unescape(re.search(r'data-course="([^"]*)"', quiz).group(1)))
    assert course["lang"] == "en" and [m["id"] for m in course["modules"]][0] == "mandat"


def test_a_bank_mistake_in_the_moved_folder_is_reported_there(renamed, tmp_path):
    bank = renamed.quizzes / "mandat.yml"
    original = bank.read_text(encoding="utf-8")
    try:
        bank.write_text(original.replace("pass_mark: 80", "pass_mark: 180"), encoding="utf-8")
        for engine in ("mkdocs", "zensical"):
            result = run(renamed, tmp_path / engine, engine=engine)
            assert result.returncode == 1
            assert "banker/mandat.yml:" in result.stderr and "0 til 100" in result.stderr, result.stderr
            assert 'File "' not in result.stderr  # one line per problem, no Python stack
    finally:
        bank.write_text(original, encoding="utf-8")


def test_the_pages_markdown_extensions_are_read_as_each_engine_gives_them(tmp_path):
    # `check` renders the pages with these to see what the glossary marks (course.glossary.marked_terms).
    expected = (
        ("toc", {"permalink": True}),
        ("tables", {}),
        ("fenced_code", {}),
        ("abbr", {}),
        ("krisesenterkurs.glossary", {}),
    )
    config = course_config(tmp_path)
    config.write_text(
        config.read_text(encoding="utf-8")
        + "markdown_extensions:\n  - abbr\n  - toc:\n      permalink: true\n  - krisesenterkurs.glossary\n",
        encoding="utf-8",
    )
    assert Settings.load(config).markdown_extensions == expected
    mkdocs_shape = {"markdown_extensions": ["toc", "tables", "fenced_code", "abbr", "krisesenterkurs.glossary"]}
    mkdocs_shape["mdx_configs"] = {"toc": {"permalink": True}}
    assert Settings.from_config(mkdocs_shape, config).markdown_extensions == expected
    one_mapping = {"markdown_extensions": {"abbr": None, "toc": {"permalink": True}, "krisesenterkurs.glossary": {}}}
    assert Settings.from_config(one_mapping, config).markdown_extensions == expected
