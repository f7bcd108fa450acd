"""Editors' mistakes in the real course: exactly the one-line messages, with both engines and `check`.

The broken-input corpus uses a fixture site; these run on a copy of the real course, whose
extensions (progress, glossary, versions, handout) read the course's files too."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import ROOT

STACK = re.compile(r'^\s*File "|Traceback|Failed to load extension', re.M)
CLI = [sys.executable, "-m", "krisesenterkurs.cli"]


def real_course(tmp_path: Path) -> Path:
    root = tmp_path / "kurs"
    root.mkdir()
    for name in ("mkdocs.yml", "glossary.yml"):
        shutil.copy(ROOT / name, root / name)
    for name in ("course", "quizzes", "scenarios", "source", "extensions"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first match of the pattern `old` (a whole line when it starts with ^)."""
    text = path.read_text(encoding="utf-8")
    changed, count = re.subn(old, new, text, count=1, flags=re.M)
    assert count == 1, (path, old)
    path.write_text(changed, encoding="utf-8")


def run(root: Path, *args: str):
    return subprocess.run([*CLI, "--project", str(root), *args], cwd=root, capture_output=True, text=True, timeout=300)


def mistakes(root: Path) -> None:
    """One representative mistake in each kind of course file."""
    edit(root / "quizzes" / "mandat.yml", "answer: true", "answer: ja")
    edit(root / "course" / "moduler" / "mandat" / "module.yml", r"^updated: .*$", "updated: 2026-13-45")
    edit(root / "glossary.yml", "term:", "term: [")


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_a_build_with_mistakes_prints_only_the_one_line_messages(tmp_path, engine):
    root = real_course(tmp_path)
    mistakes(root)
    result = run(root, "build", "--engine", engine, "--site-dir", str(tmp_path / "site"))
    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert not STACK.search(out), out
    assert "quizzes/mandat.yml:" in out or "glossary.yml:" in out, out


def test_check_prints_and_counts_each_problem_once(tmp_path):
    root = real_course(tmp_path)
    mistakes(root)
    result = run(root, "check")
    out = result.stdout + result.stderr
    assert result.returncode == 1
    assert not STACK.search(out), out
    lines = [line for line in result.stdout.splitlines() if not line.startswith("advarsel:")]
    assert len(lines) == len(set(lines)), out
    assert f"Feil: {len(lines)}" in result.stderr
    assert any(line.startswith("quizzes/mandat.yml:") for line in lines), out
    assert any(line.startswith("course/moduler/mandat/module.yml:") for line in lines), out
    assert any(line.startswith("glossary.yml:") for line in lines), out


def test_a_page_naming_a_missing_bank_gets_the_documented_message(tmp_path):
    root = real_course(tmp_path)
    edit(root / "course" / "moduler" / "mandat" / "quiz.md", re.escape("/// quiz | mandat"), "/// quiz | mandatt")
    result = run(root, "check")
    assert result.returncode == 1
    assert "course/moduler/mandat/quiz.md:5: det finnes ingen spørsmålsbank med id «mandatt»." in result.stdout, (
        result.stdout
    )
    assert "ingen side i denne modulen setter inn banken" not in result.stdout


MODULE_NEEDS = "modulens innstillinger: title, number, bank, version, updated, review_by, editor og changes"
GLOSSARY_NEEDS = "ordlisten, ett punkt per begrep («- term: …», «definition: …»)"
# A module without its module.yml, or a course without the glossary its pages use, does not build:
# the fix for an empty one is to write it, never to delete it.
EMPTY_FILES = {
    "module.yml, no bytes": (
        "course/moduler/mandat/module.yml",
        "",
        f"course/moduler/mandat/module.yml:1: er tom. Rett: skriv {MODULE_NEEDS}.",
    ),
    "module.yml, only a comment": (
        "course/moduler/mandat/module.yml",
        "# skal fylles ut\n",
        f"course/moduler/mandat/module.yml:1: inneholder ingen YAML-data. Rett: skriv {MODULE_NEEDS}.",
    ),
    "glossary.yml, no bytes": ("glossary.yml", "", f"glossary.yml:1: er tom. Rett: skriv {GLOSSARY_NEEDS}."),
    "glossary.yml, only a comment": (
        "glossary.yml",
        "# Ordliste\n",
        f"glossary.yml:1: inneholder ingen YAML-data. Rett: skriv {GLOSSARY_NEEDS}.",
    ),
}


def course_lines(output: str) -> list[str]:
    """The course's own lines, without MkDocs' framing ("Aborted with a BuildError!", "ERROR   -  ")."""
    lines = [re.sub(r"^ERROR\s+-\s+", "", line) for line in output.splitlines()]
    return [line for line in lines if line.strip() and line != "Aborted with a BuildError!"]


@pytest.mark.parametrize("name", list(EMPTY_FILES))
def test_an_empty_module_or_glossary_file_is_named_with_what_it_needs(tmp_path, name):
    file, text, expected = EMPTY_FILES[name]
    root = real_course(tmp_path)
    (root / file).write_text(text, encoding="utf-8")
    checked = run(root, "check")
    assert checked.returncode == 1
    assert not STACK.search(checked.stdout + checked.stderr), checked.stdout + checked.stderr
    assert [line for line in checked.stdout.splitlines() if not line.startswith("advarsel:")] == [expected]
    for engine in ("mkdocs", "zensical"):
        built = run(root, "build", "--engine", engine, "--site-dir", str(tmp_path / engine))
        assert built.returncode == 1, engine
        assert not STACK.search(built.stdout + built.stderr), built.stdout + built.stderr
        assert course_lines(built.stdout + built.stderr) == [expected], (engine, built.stdout + built.stderr)


def test_a_missing_glossary_the_pages_need_is_one_line_from_check_and_both_builds(tmp_path):
    root = real_course(tmp_path)
    (root / "glossary.yml").unlink()
    expected = (
        "glossary.yml: finnes ikke, og Markdown-utvidelsen «krisesenterkurs.glossary» leser den på hver side. "
        "Rett: legg filen tilbake, eller fjern utvidelsen fra «markdown_extensions» i mkdocs.yml."
    )
    checked = run(root, "check")
    assert checked.returncode == 1
    assert [line for line in checked.stdout.splitlines() if not line.startswith("advarsel:")] == [expected]
    for engine in ("mkdocs", "zensical"):
        built = run(root, "build", "--engine", engine, "--site-dir", str(tmp_path / engine))
        assert built.returncode == 1, engine
        assert not STACK.search(built.stdout + built.stderr), built.stdout + built.stderr
        assert course_lines(built.stdout + built.stderr) == [expected], (engine, built.stdout + built.stderr)
