"""Drafts: a module from 'new-module' shows in the preview, marked, and cannot be published."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from krisesenterkurs.authoring.check import check
from krisesenterkurs.cli import main
from krisesenterkurs.core.settings import Settings
from krisesenterkurs.publishing.engines import run
from tests.support import ROOT

IGNORE = shutil.ignore_patterns(
    ".venv", ".git", "site", "node_modules", "__pycache__", "dist", ".pytest_cache", ".build", ".cache"
)
MODULE_YML = "course/moduler/barn-og-samvaer/module.yml"
DRAFT = (
    f"{MODULE_YML}:9: modulen er et utkast («status: draft») og kan ikke publiseres. "
    "Rett: skriv teksten som gjenstår, og fjern så linjen «status: draft»."
)


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A copy of the course with a module fresh from 'new-module' (run as an editor does)."""
    root = tmp_path / "kurs"
    shutil.copytree(ROOT, root, symlinks=True, ignore=IGNORE)
    monkeypatch.chdir(root)
    return Settings.load(root / "mkdocs.yml")


def new_module(project, capsys) -> list[str]:
    assert main(["--project", str(project.root), "new-module", "Barn og samvær"]) == 0
    return capsys.readouterr().out.splitlines()


def test_new_module_prints_paths_from_the_course_folder_and_starts_a_draft(project, capsys):
    printed = new_module(project, capsys)
    assert printed == [
        MODULE_YML,
        *(
            f"course/moduler/barn-og-samvaer/{name}"
            for name in (
                "index.md",
                "case.md",
                "oppsummering.md",
                "quiz.md",
                "workshopleder.md",
                "gruppe.md",
                "utdelingsark.md",
            )
        ),
        "quizzes/barn-og-samvaer.yml",
        "mkdocs.yml",
    ]
    assert (project.root / MODULE_YML).read_text(encoding="utf-8").splitlines()[8].startswith("status: draft")


def test_the_preview_check_lists_the_text_to_write_and_the_publishing_check_refuses_the_draft(project, capsys):
    new_module(project, capsys)
    problems, warnings = check(project)
    assert problems == []
    unwritten = [str(w) for w in warnings if "teksten fra «new-module» står her fortsatt" in w.message]
    assert (
        "course/moduler/barn-og-samvaer/index.md:6: teksten fra «new-module» står her fortsatt. Rett: skriv den ekte teksten."
        in unwritten
    )
    assert any(w.startswith("quizzes/barn-og-samvaer.yml:") for w in unwritten)
    problems, _ = check(project, publish=True)
    assert [str(p) for p in problems] == [DRAFT]
    assert main(["--project", str(project.root), "check", "--publish"]) == 1
    assert DRAFT in capsys.readouterr().out.splitlines()


def test_placeholder_text_in_a_published_module_fails_with_file_and_line(project, capsys):
    new_module(project, capsys)
    module = project.root / MODULE_YML
    module.write_text(re.sub(r"^status: draft.*\n", "", module.read_text(encoding="utf-8"), flags=re.M), "utf-8")
    problems, _ = check(project, publish=True)
    lines = [str(p) for p in problems]
    assert lines and all("teksten fra «new-module» står her fortsatt" in line for line in lines)
    assert (
        "course/moduler/barn-og-samvaer/case.md:3: teksten fra «new-module» står her fortsatt. Rett: skriv den ekte teksten."
        in lines
    )
    assert any(line.startswith("quizzes/barn-og-samvaer.yml:") for line in lines)


@pytest.mark.parametrize("command", ["package", "scorm"])
def test_package_and_scorm_refuse_to_build_while_check_finds_problems(project, capsys, tmp_path, command):
    new_module(project, capsys)
    target = tmp_path / "out.zip"
    assert main(["--project", str(project.root), command, "--no-pdf", "--out", str(target)]) == 1
    out = capsys.readouterr()
    assert DRAFT in out.out.splitlines() and "Ingenting ble bygd" in out.err
    assert not target.exists()


def test_build_sh_stops_on_a_check_problem_before_building(project, capsys):
    new_module(project, capsys)
    root = project.root
    (root / ".venv").symlink_to(Path(sys.executable).parent.parent)
    (root / "scripts" / "setup.sh").write_text("exit 0\n", encoding="utf-8")  # everything is installed
    env = {**os.environ, "CHROMIUM_PATH": shutil.which("true") or "/bin/true"}
    result = subprocess.run(
        ["bash", "scripts/build.sh"], cwd=root, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode != 0
    assert DRAFT in result.stdout.splitlines()
    assert not (root / "site").exists()


def _page(site: Path, path: str) -> str:
    for candidate in (site / path / "index.html", site / f"{path}.html"):
        if candidate.exists():
            return candidate.read_text(encoding="utf-8")
    raise AssertionError(f"{path} was not built")


def _manifest(html: str) -> dict:
    found = re.search(r'data-course="([^"]*)"', html)
    assert found
    import html as htmlmod

    return json.loads(htmlmod.unescape(found.group(1)))


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_the_preview_marks_a_draft_and_does_not_count_it(project, capsys, tmp_path, engine):
    new_module(project, capsys)
    site = tmp_path / "site"
    result = run(project, site, engine=engine)
    assert result.returncode == 0, result.stderr
    for page in ("moduler/barn-og-samvaer", "moduler/barn-og-samvaer/case", "moduler/barn-og-samvaer/quiz"):
        html = _page(site, page)
        assert html.count('class="admonition warning kk-draft"') == 1
        assert "Denne modulen er et utkast" in html
        assert re.search(r"</h1>\s*<div class=\"admonition warning kk-draft\" role=\"note\">", html)
    published = _page(site, "moduler/mandat")
    assert "kk-draft" not in published
    modules = [m["id"] for m in _manifest(published)["modules"]]
    assert len(modules) == 5 and "barn-og-samvaer" not in modules
