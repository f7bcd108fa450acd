"""The author guide's error examples are what the course really says.

FORFATTERVEILEDNING.md shows editors the messages they will meet. Each
mistake below is made in a copy of the real course; every example line in
the guide for these files must be a message the code gives, and every
message here must be shown in the guide.
"""

import re
import shutil

import pytest

from krisesenterkurs.core.errors import CourseError
from krisesenterkurs.course.modules import load_modules
from krisesenterkurs.quiz.banks import load_bank, load_banks
from tests.support import ROOT

BANK = "quizzes/mandat.yml"
MODULE = "course/moduler/mandat/module.yml"
DRAFT_MODULE = "course/moduler/barn-og-samvaer/module.yml"  # what the guide's 'new-module' example makes


def _question(text: str, qid: str) -> tuple[int, int]:
    """Where a question's lines start and end in the bank text."""
    start = text.index(f"  - id: {qid}\n")
    end = text.find("\n  - id: ", start + 1)
    return start, len(text) if end < 0 else end


def in_question(qid: str, old: str, new: str, count: int = 1):
    def edit(text: str) -> str:
        start, end = _question(text, qid)
        part = text[start:end]
        assert old in part, f"{BANK}: question '{qid}' no longer has {old!r}; update the guide's example"
        return text[:start] + part.replace(old, new, count) + text[end:]

    return edit


# name: (file, edit)
MISTAKES = {
    "ja for true": (BANK, in_question("reetablering-ansvar", "answer: true", "answer: ja")),
    "tab": (BANK, in_question("reetablering-ansvar", "    explanation: |", "\texplanation: |")),
    "colon in text": (
        BANK,
        in_question("onsker-for-samarbeid", "      - text: Avklare hvilken", "      - text: Avklare: hvilken"),
    ),
    "single without a right answer": (BANK, in_question("dagsamtaler-uten-a-bo", "        correct: true\n", "")),
    "multiple without a right answer": (
        BANK,
        in_question("onsker-for-samarbeid", "        correct: true\n", "", -1),
    ),
    "key in Norwegian": (BANK, in_question("reetablering-ansvar", "    explanation:", "    forklaring:")),
    "id with capitals and space": (
        BANK,
        in_question("fagressurs-barnevern", "- id: fagressurs-barnevern", "- id: Fagressurs barnevern"),
    ),
    "same id twice": (
        BANK,
        in_question("reetablering-ansvar", "- id: reetablering-ansvar", "- id: dagsamtaler-uten-a-bo"),
    ),
    "unknown type": (BANK, in_question("reetablering-ansvar", "type: truefalse", "type: santusant")),
    "retake not true or false": (
        MODULE,
        lambda t: re.sub(r"^(    text: .*)$", r"\1\n    retake: ja", t, count=1, flags=re.M),
    ),
    "version and date": (
        MODULE,
        lambda t: re.sub(r"^version: .*\nupdated: .*$", "version: 1.1\nupdated: 27.11.2026", t, count=1, flags=re.M),
    ),
}


def messages(tmp_path, monkeypatch, file, edit) -> list[str]:
    for part in ("quizzes", "course/moduler"):
        shutil.copytree(ROOT / part, tmp_path / part)
    target = tmp_path / file
    text = target.read_text(encoding="utf-8")
    changed = edit(text)
    assert changed != text
    target.write_text(changed, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CourseError) as info:
        load_bank(target.relative_to(tmp_path)) if file == BANK else load_modules(
            tmp_path / "course" / "moduler", load_banks(tmp_path / "quizzes")
        )
    return [str(p) for p in info.value.problems]


def guide_examples() -> set[str]:
    guide = (ROOT / "FORFATTERVEILEDNING.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```text\n(.*?)```", guide, re.S)
    prefixes = (f"{BANK}:", f"{MODULE}:", f"{DRAFT_MODULE}:")
    return {line for block in blocks for line in block.splitlines() if line.startswith(prefixes)}


def check_messages(tmp_path, monkeypatch) -> dict[str, list[str]]:
    """What the publishing check says about an unversioned change and about a draft, in a copy of the course."""
    from krisesenterkurs.authoring.check import check
    from krisesenterkurs.authoring.scaffold import new_module
    from krisesenterkurs.core.settings import Settings

    shutil.copytree(
        ROOT,
        tmp_path,
        dirs_exist_ok=True,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "site", "node_modules", "__pycache__", "dist", ".build", ".cache"
        ),
    )
    monkeypatch.chdir(tmp_path)
    settings = Settings.load(tmp_path / "mkdocs.yml")
    bank = tmp_path / BANK
    bank.write_text(
        in_question("reetablering-ansvar", "    explanation: |\n", "    explanation: |\n      Omformulert.\n")(
            bank.read_text(encoding="utf-8")
        ),
        encoding="utf-8",
    )
    new_module(settings, "Barn og samvær")
    problems, _ = check(settings, publish=True)
    found = [str(p) for p in problems]
    return {
        "unversioned change": [m for m in found if m.startswith(f"{BANK}:")],
        "draft": [m for m in found if m.startswith(f"{DRAFT_MODULE}:")],
    }


@pytest.fixture(scope="module")
def produced(tmp_path_factory):
    out = {}
    with pytest.MonkeyPatch.context() as monkeypatch:
        for name, (file, edit) in MISTAKES.items():
            out[name] = messages(tmp_path_factory.mktemp("course"), monkeypatch, file, edit)
        out.update(check_messages(tmp_path_factory.mktemp("course"), monkeypatch))
    return out


@pytest.mark.parametrize("name", [*MISTAKES, "unversioned change", "draft"])
def test_each_mistake_is_shown_in_the_guide_as_the_course_reports_it(produced, name):
    assert produced[name], f"the mistake '{name}' gave no message"
    missing = [m for m in produced[name] if m not in guide_examples()]
    assert not missing, f"FORFATTERVEILEDNING.md should show: {missing}"


def test_every_example_in_the_guide_is_a_real_message(produced):
    real = {m for found in produced.values() for m in found}
    assert guide_examples() - real == set()
