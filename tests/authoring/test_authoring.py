"""The author commands: check without building, new-module, schema and package."""

import datetime
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from krisesenterkurs.authoring.check import check
from krisesenterkurs.authoring.scaffold import new_module
from krisesenterkurs.cli import main
from krisesenterkurs.core.settings import Settings
from krisesenterkurs.publishing.package import package
from krisesenterkurs.quiz.schema import bank_json_schema
from tests.support import COURSE, ROOT, run_build

IGNORE = shutil.ignore_patterns(
    ".venv", ".git", "site", "node_modules", "__pycache__", "dist", ".pytest_cache", ".build", ".cache"
)


@pytest.fixture
def project(tmp_path):
    root = tmp_path / "kurs"
    shutil.copytree(ROOT, root, symlinks=True, ignore=IGNORE)
    return Settings.load(root / "mkdocs.yml")


def lines(problems):
    return [str(p) for p in problems]


def test_the_course_itself_passes_check():
    problems, warnings = check(Settings.load(ROOT / "mkdocs.yml"))
    assert problems == []


def test_check_reports_each_kind_of_problem_with_file_and_line(project):
    page = project.modules / "mandat" / "kommunens-ansvar.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSe [siden som mangler](finnes-ikke.md).\n", encoding="utf-8")
    glossary = project.glossary
    glossary.write_text(
        glossary.read_text(encoding="utf-8") + "- term: ubrukt ord\n  definition: Brukes ikke.\n", encoding="utf-8"
    )
    bank = project.quizzes / "barn.yml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("pass_mark: 80", "pass_mark: 180"), encoding="utf-8")
    (project.quizzes / "bank.schema.json").write_text("{}", encoding="utf-8")
    problems, _ = check(project)
    text = "\n".join(lines(problems))
    last = len(page.read_text(encoding="utf-8").splitlines())
    assert (
        f"course/moduler/mandat/kommunens-ansvar.md:{last}: lenken til «finnes-ikke.md» fører ikke til noen side"
        in text
    )
    assert "glossary.yml: begrepet «ubrukt ord» brukes ikke på noen side" in text
    assert "quizzes/barn.yml:" in text and "0 til 100" in text
    assert "bank.schema.json: JSON-skjemaet stemmer ikke" in text
    assert all("Rett:" in line for line in lines(problems))


def test_the_schema_command_writes_and_check_compares_the_scenario_schema_too(project, capsys):
    schema = project.scenarios / "scenario.schema.json"
    schema.write_text('{"stale": true}', encoding="utf-8")
    (project.modules / "module.schema.json").unlink()
    scenario = project.scenarios / "nav-ringer.yml"
    scenario.write_text(scenario.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")  # no schema line
    problems, warnings = check(project)
    text = "\n".join(lines(problems))
    assert "scenarios/scenario.schema.json: JSON-skjemaet stemmer ikke med reglene for scenarioer. Rett: kjør" in text
    assert (
        "course/moduler/module.schema.json: JSON-skjemaet stemmer ikke med reglene for module.yml. Rett: kjør" in text
    )
    assert any("scenarios/nav-ringer.yml:1: redaktører får ingen kontroll" in w for w in lines(warnings))
    assert main(["--project", str(project.root), "schema"]) == 0
    assert capsys.readouterr().out.split() == [
        str(project.quizzes / "bank.schema.json"),
        str(schema),
        str(project.modules / "module.schema.json"),
    ]
    problems, _ = check(project)
    assert not [p for p in lines(problems) if "JSON Schema" in p]


def test_check_warns_about_modules_past_review(project):
    _, warnings = check(project, today=datetime.date(2030, 1, 1))
    due = [w for w in lines(warnings) if "skulle vært gjennomgått" in w]
    assert len(due) == 5 and all(f"moduler/{m}/module.yml" in " ".join(due) for m in ("mandat", "fortsettelsesvold"))


def test_cli_check_exit_codes(project, capsys):
    assert main(["--project", str(project.root), "check"]) == 0
    (project.quizzes / "mandat.yml").write_text("id: [\n", encoding="utf-8")
    assert main(["--project", str(project.root), "check"]) == 1
    assert "quizzes/mandat.yml" in capsys.readouterr().out


def test_new_module_builds_and_check_asks_for_the_real_text(project):
    written = new_module(project, "Barn og samvær", today=datetime.date(2026, 12, 1))
    folder = project.modules / "barn-og-samvaer"
    assert folder / "module.yml" in written and (project.quizzes / "barn-og-samvaer.yml").exists()
    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    assert '      - "6 Barn og samvær":\n          - moduler/barn-og-samvaer/index.md' in config
    assert "      - moduler/barn-og-samvaer/workshopleder.md\n      - moduler/barn-og-samvaer/gruppe.md\n" in config
    assert folder / "gruppe.md" in written
    result = run_build(project.root, project.root / "out")
    assert result.returncode == 0, result.stderr
    assert (project.root / "out" / "moduler" / "barn-og-samvaer" / "quiz" / "index.html").exists()
    group = (project.root / "out" / "moduler" / "barn-og-samvaer" / "gruppe" / "index.html").read_text(encoding="utf-8")
    assert 'data-mode="group"' in group
    # A draft: the text still to write is listed as warnings, and publishing refuses the draft.
    problems, warnings = check(project, today=datetime.date(2026, 12, 1))
    assert problems == [] and any("teksten fra «new-module» står her fortsatt" in w.message for w in warnings)
    problems, _ = check(project, today=datetime.date(2026, 12, 1), publish=True)
    assert [p.message for p in problems] == [
        "modulen er et utkast («status: draft») og kan ikke publiseres. "
        "Rett: skriv teksten som gjenstår, og fjern så linjen «status: draft»."
    ]
    with pytest.raises(Exception, match="finnes allerede"):
        new_module(project, "Barn og samvær")


def test_schema_is_generated_from_the_model_and_referenced_by_every_bank():
    committed = json.loads((COURSE.quizzes / "bank.schema.json").read_text(encoding="utf-8"))
    assert committed == bank_json_schema()
    for bank in (COURSE.quizzes).glob("*.yml"):
        assert bank.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=bank.schema.json\n")


def test_package_is_a_site_that_runs_from_a_folder(project, tmp_path):
    target = package(project, tmp_path / "kurs.zip", pdfs=False)  # the PDFs are tested with the SCORM package
    with zipfile.ZipFile(target) as zf:
        names = set(zf.namelist())
    assert {"index.html", "moduler/mandat/quiz.html", "fremdrift.html"} <= names
    assert not any(name.endswith("/index.html") and name.startswith("moduler/mandat/quiz/") for name in names)


def test_help_in_plain_words():
    result = subprocess.run(
        [str(Path(sys.executable).with_name("krisesenterkurs")), "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0
    for command in ("check", "new-module", "schema", "package", "export", "handouts"):
        assert command in result.stdout
