"""Version discipline: what was published is recorded, and a change without a new version is caught."""

import json
import re
import shutil

import pytest

from krisesenterkurs.authoring.check import check
from krisesenterkurs.authoring.lock import lock_path
from krisesenterkurs.cli import main
from krisesenterkurs.core.settings import Settings
from tests.support import COURSE, ROOT

IGNORE = shutil.ignore_patterns(
    ".venv", ".git", "site", "node_modules", "__pycache__", "dist", ".pytest_cache", ".build", ".cache"
)
MODULE = "course/moduler/mandat/module.yml"
BANK = "quizzes/mandat.yml"
# Module 1's published version, and the next one an editor would write.
PUBLISHED = re.search(r'^version: "(.*)"$', (ROOT / MODULE).read_text(encoding="utf-8"), re.M).group(1)
NEXT = "{}.{}".format(*(lambda major, minor: (major, int(minor) + 1))(*PUBLISHED.split(".")))


@pytest.fixture
def project(tmp_path, monkeypatch):
    root = tmp_path / "kurs"
    shutil.copytree(ROOT, root, symlinks=True, ignore=IGNORE)
    monkeypatch.chdir(root)  # messages name files from the course folder
    return Settings.load(root / "mkdocs.yml")


def edit(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} no longer has {old!r}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def first_question(project) -> tuple[str, str]:
    """The first question's id and its prompt line in the mandat bank."""
    text = (project.root / BANK).read_text(encoding="utf-8")
    qid = re.search(r"^  - id: (\S+)$", text, re.M).group(1)
    return qid, text


def reword_first_question(project) -> str:
    qid, text = first_question(project)
    start = text.index(f"  - id: {qid}\n")
    prompt = text.index("prompt:", start)
    end = text.index("\n", prompt)
    if text[prompt:end].rstrip().endswith(("|", ">")):
        end = text.index("\n", end + 1)  # the prompt's first line of text
    bank = project.root / BANK
    bank.write_text(text[:end] + " Omformulert." + text[end:], encoding="utf-8")
    return qid


def lock_lines(problems) -> list[str]:
    return [str(p) for p in problems if "ble publisert" in p.message]


def bump(project, version=NEXT, entry=True):
    module = project.root / MODULE
    text = module.read_text(encoding="utf-8")
    published = re.search(r'^version: "([^"]+)"', text, re.M).group(1)
    text = text.replace(f'version: "{published}"', f'version: "{version}"', 1)
    if entry:
        text = text.replace(
            "changes:\n",
            f'changes:\n  - version: "{version}"\n    date: 2026-12-04\n    text: Et spørsmål er omformulert.\n',
            1,
        )
    module.write_text(text, encoding="utf-8")
    return published


def test_the_committed_lock_matches_the_course():
    problems, warnings = check(COURSE, publish=True)
    assert lock_path(COURSE).exists()
    assert lock_lines(problems) == [] and lock_lines(warnings) == []


def test_an_edited_question_without_a_new_version_is_a_warning_naming_it(project):
    qid = reword_first_question(project)
    problems, warnings = check(project)
    assert lock_lines(problems) == []
    found = lock_lines(warnings)
    assert len(found) == 1
    line = (project.root / BANK).read_text(encoding="utf-8").splitlines().index(f"  - id: {qid}") + 1
    assert found[0] == (
        f'{BANK}:{line}: endrede spørsmål: {qid} siden versjon "{PUBLISHED}" ble publisert. '
        f'Rett: øk «version» i {MODULE} (for eksempel til "{NEXT}"), og legg til en «changes»-oppføring for den øverst under «changes».'
    )


def test_the_publishing_check_makes_it_an_error(project, capsys):
    reword_first_question(project)
    problems, _ = check(project, publish=True)
    assert len(lock_lines(problems)) == 1
    assert main(["--project", str(project.root), "check", "--publish"]) == 1
    assert "endrede spørsmål" in capsys.readouterr().out
    assert main(["--project", str(project.root), "check"]) == 0  # the preview's check only warns


def test_a_new_version_with_a_changes_entry_is_fine(project):
    reword_first_question(project)
    bump(project)
    problems, warnings = check(project, publish=True)
    assert lock_lines(problems) == [] and lock_lines(warnings) == []


def test_a_new_version_without_a_changes_entry_asks_for_the_entry(project):
    reword_first_question(project)
    bump(project, entry=False)
    problems, _ = check(project, publish=True)
    assert len(lock_lines(problems)) == 1
    assert lock_lines(problems)[0].endswith(
        f'Rett: legg til en «changes»-oppføring for versjon "{NEXT}" øverst under «changes» i {MODULE}.'
    )


def test_added_and_removed_questions_are_named(project):
    qid, text = first_question(project)
    start = text.index(f"  - id: {qid}\n")
    end = text.index("\n  - id: ", start + 1) + 1
    question = text[start:end]
    (project.root / BANK).write_text(
        text[:start] + text[end:] + question.replace(f"- id: {qid}\n", "- id: helt-nytt-sporsmal\n"), encoding="utf-8"
    )
    _, warnings = check(project)
    found = lock_lines(warnings)
    assert len(found) == 1
    assert "nye spørsmål: helt-nytt-sporsmal; fjernede spørsmål: " + qid in found[0]


def test_an_edited_page_is_named(project):
    edit(project.root / "course/moduler/mandat/case.md", "\n", "\nEn ny setning.\n")
    _, warnings = check(project)
    assert lock_lines(warnings) == [
        f'course/moduler/mandat/case.md: siden er endret siden versjon "{PUBLISHED}" ble publisert. '
        f'Rett: øk «version» i {MODULE} (for eksempel til "{NEXT}"), og legg til en «changes»-oppføring for den øverst under «changes».'
    ]


def test_lock_records_a_new_version_and_refuses_an_unversioned_change(project, capsys):
    reword_first_question(project)
    assert main(["--project", str(project.root), "lock"]) == 1  # would hide the change
    assert "Ingenting ble registrert: rett feilene over først." in capsys.readouterr().err
    bump(project)
    before = lock_path(project).read_text(encoding="utf-8")
    assert main(["--project", str(project.root), "lock"]) == 0
    assert capsys.readouterr().out.strip() == "quizzes/published.lock.json"
    after = json.loads(lock_path(project).read_text(encoding="utf-8"))
    assert after != json.loads(before) and after["modules"]["mandat"]["version"] == NEXT
    assert check(project, publish=True)[0] == []
