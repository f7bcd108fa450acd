"""A course file or folder that is a link out of the project is refused by `check` and by both engines.

Whatever a link points at is read, and under docs_dir published, as if it were the course's own; so a
link out of the project is one line naming the link and its target, before any file is read or copied.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

import krisesenterkurs
from krisesenterkurs.authoring.check import check, write_schema
from krisesenterkurs.cli import main
from krisesenterkurs.core.settings import Settings
from krisesenterkurs.publishing.engines import run
from tests.banks import VALID, module_yml
from tests.scenarios import write as write_scenario
from tests.support import small_course

THEME = Path(krisesenterkurs.__file__).parent / "theme"
CLI = [sys.executable, "-m", "krisesenterkurs.cli"]
SECRET = "HEMMELIG-UTENFOR-KURSET"
GLOSSARY = "- term: NAV\n  definition: Forvalter velferdsordninger.\n"


@pytest.fixture
def course(tmp_path):
    """A small course with a page, a scenario and a glossary, its extensions on; and a folder beside it."""
    config = small_course(tmp_path / "kurs")
    root = config.parent
    (root / "docs" / "index.md").write_text("# Start\n\nKontakt NAV.\n", encoding="utf-8")
    write_scenario(root / "scenarios")
    page = root / "docs" / "moduler" / "forste" / "ovelse.md"
    page.write_text("# Øvelse\n\n/// scenario | telefon\nFiktivt eksempel.\n///\n", encoding="utf-8")
    (root / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    text = config.read_text(encoding="utf-8").replace(
        "  name: material\n", f"  name: material\n  custom_dir: {THEME}\n"
    )
    text += (
        "plugins:\n  - krisesenterkurs\nmarkdown_extensions:\n"
        "  - krisesenterkurs.quiz\n  - krisesenterkurs.scenario\n  - krisesenterkurs.glossary\n"
    )
    config.write_text(text, encoding="utf-8")
    settings = Settings.load(config)
    write_schema(settings)
    outside = tmp_path / "utenfor"
    outside.mkdir()
    return settings, outside


def _page(outside: Path) -> Path:
    (outside / "side.md").write_text(f"# Side\n\n{SECRET}\n", encoding="utf-8")
    return outside / "side.md"


def _folder(outside: Path) -> Path:
    folder = outside / "mappe"
    folder.mkdir()
    (folder / "side.md").write_text(f"# Side\n\n{SECRET}\n", encoding="utf-8")
    (folder / "hemmelig.txt").write_text(SECRET, encoding="utf-8")
    return folder


def _bank(outside: Path) -> Path:
    (outside / "bank.yml").write_text(VALID.replace("title: Testbank", f"title: {SECRET}"), encoding="utf-8")
    return outside / "bank.yml"


def _scenario(outside: Path) -> Path:
    return write_scenario(outside, name="telefon.yml")


def _module(outside: Path) -> Path:
    (outside / "module.yml").write_text(module_yml(SECRET, 1), encoding="utf-8")
    return outside / "module.yml"


def _glossary(outside: Path) -> Path:
    (outside / "glossary.yml").write_text(GLOSSARY.replace("Forvalter", SECRET), encoding="utf-8")
    return outside / "glossary.yml"


# name: (the link, relative to the project; what it points at, made in the folder outside)
LINKS = {
    "page": ("docs/moduler/forste/side.md", _page),
    "folder in the pages": ("docs/ekstern", _folder),
    "bank": ("quizzes/test.yml", _bank),
    "scenario": ("scenarios/telefon.yml", _scenario),
    "module.yml": ("docs/moduler/forste/module.yml", _module),
    "glossary.yml": ("glossary.yml", _glossary),
}


def link(course, name: str) -> tuple[str, str]:
    """Make the link; the one line every command must print for it."""
    settings, outside = course
    where, make = LINKS[name]
    target = make(outside)
    path = settings.root / where
    if path.exists():
        path.unlink()
    path.symlink_to(target, target_is_directory=target.is_dir())
    kind = "mappen" if target.is_dir() else "filen"
    return where, (
        f"{where}: er en lenke til {target}, utenfor prosjektet (mappen med mkdocs.yml). "
        f"Rett: legg selve {kind} her i stedet for en lenke til den."
    )


def published(site: Path) -> list[Path]:
    return [p for p in site.rglob("*") if p.is_file() and SECRET.encode() in p.read_bytes()] if site.exists() else []


@pytest.mark.parametrize("name", list(LINKS))
def test_check_refuses_a_link_out_of_the_project(course, name):
    settings, _ = course
    _, expected = link(course, name)
    result = subprocess.run([*CLI, "check"], cwd=settings.root, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    problems = [line for line in result.stdout.splitlines() if not line.startswith("advarsel:")]
    assert problems == [expected], result.stdout + result.stderr
    assert 'File "' not in result.stdout + result.stderr


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
@pytest.mark.parametrize("name", list(LINKS))
def test_both_engines_refuse_a_link_out_of_the_project_and_publish_nothing_from_there(course, name, engine, tmp_path):
    settings, _ = course
    _, expected = link(course, name)
    site = tmp_path / "site"
    result = run(settings, site, engine=engine, strict=False)
    assert result.returncode != 0
    lines = [line.removeprefix("ERROR   -  ") for line in result.stderr.splitlines()]
    assert expected in lines, result.stderr
    assert "Traceback" not in result.stderr and 'File "' not in result.stderr, result.stderr
    assert published(site) == [] and published(settings.root / ".build") == []


def test_a_zensical_preview_refuses_a_link_out_of_the_project(course, capsys, monkeypatch):
    settings, _ = course
    _, expected = link(course, "page")

    def started(*args):
        raise AssertionError("the preview server was started")

    monkeypatch.setattr(os, "execv", started)
    monkeypatch.chdir(settings.root)
    assert main(["--project", str(settings.root), "serve", "--engine", "zensical"]) == 1
    assert capsys.readouterr().err.splitlines()[-1].endswith(expected)


def test_links_inside_the_project_are_followed(course, tmp_path):
    settings, _ = course
    shared = settings.root / "felles"
    shared.mkdir()
    (shared / "delt.md").write_text("# Delt\n\nKontakt NAV.\n", encoding="utf-8")
    (settings.root / "docs" / "delt.md").symlink_to(Path("..") / "felles" / "delt.md")
    os.symlink(Path("..") / "felles", settings.root / "docs" / "felles")
    problems, _ = check(settings)
    assert [str(p) for p in problems if "lenke" in p.message] == []
    result = run(settings, tmp_path / "site", engine="mkdocs", strict=False)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "delt" / "index.html").exists()


def test_a_link_that_loops_is_no_crash(course):
    settings, _ = course
    (settings.root / "docs" / "ring").symlink_to("ring")
    problems, _ = check(settings)
    assert all("Traceback" not in str(p) for p in problems)
