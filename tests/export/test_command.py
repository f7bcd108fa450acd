"""`krisesenterkurs export`: one file per bank of the real course, and what it tells the editor."""

import shutil
import xml.etree.ElementTree as ET

import pytest

from krisesenterkurs.cli import FORMATS as CLI_FORMATS
from krisesenterkurs.cli import main
from krisesenterkurs.export import FORMATS as EXPORT_FORMATS
from krisesenterkurs.quiz.banks import load_banks
from tests.banks import write
from tests.export.banks import ALL_TYPES
from tests.export.gift_reader import readquestions
from tests.support import COURSE, ROOT


def test_the_cli_knows_the_formats_the_export_writes():
    assert CLI_FORMATS == EXPORT_FORMATS


def test_moodle_xml_of_the_real_course_is_one_parsing_file_per_bank(tmp_path, capsys):
    banks = load_banks(COURSE.quizzes)
    assert len(banks) == 5
    assert main(["--project", str(ROOT), "export", "--format", "moodle-xml", "--out", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{b}.xml" for b in banks)
    assert out.split() == [str(tmp_path / f"{b}.xml") for b in sorted(banks)]
    total = sum(len(loaded.bank.questions) for loaded in banks.values())
    assert f"Filer: 5. Spørsmål: {total}." in err and "«Moodle XML format»" in err
    for bank_id, loaded in banks.items():
        quiz = ET.parse(tmp_path / f"{bank_id}.xml").getroot()
        assert quiz.tag == "quiz"
        questions = quiz.findall("question")
        assert questions[0].findtext("category/text") == f"$course$/top/{loaded.bank.title}"
        assert [q.findtext("name/text") for q in questions[1:]] == [q.id for q in loaded.bank.questions]


def test_gift_of_the_real_course_reads_back_with_every_question(tmp_path, capsys):
    banks = load_banks(COURSE.quizzes)
    assert main(["--project", str(ROOT), "export", "--format", "gift", "--out", str(tmp_path)]) == 0
    assert "«GIFT format»" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{b}.gift.txt" for b in banks)
    for bank_id, loaded in banks.items():
        questions = readquestions((tmp_path / f"{bank_id}.gift.txt").read_text(encoding="utf-8"))
        kept = [q.id for q in loaded.bank.questions if q.type != "ordering"]
        assert [q.get("name") for q in questions[1:]] == kept
        assert all(q["type"] in ("multichoice", "truefalse", "match") for q in questions[1:])


@pytest.fixture
def project(tmp_path):
    """A course folder with the real settings and one bank of every type."""
    root = tmp_path / "kurs"
    (root / "quizzes").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    write(root / "quizzes", ALL_TYPES, "alle.yml")
    return root


def test_gift_names_the_ordering_question_it_leaves_out(project, capsys):
    out = project / "ut"
    assert main(["--project", str(project), "export", "--format", "gift", "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert err.startswith("merk: ")
    assert (
        "quizzes/alle.yml: spørsmål «rekkefolge»: utelatt fra alle.gift.txt: GIFT har ikke rekkefølgespørsmål." in err
    )
    assert "Rett: eksporter med --format moodle-xml for å få det med." in err
    assert "Filer: 1. Spørsmål: 4." in err
    assert "// question: rekkefolge (ordering) is left out" in (out / "alle.gift.txt").read_text(encoding="utf-8")


def test_moodle_xml_keeps_the_ordering_question(project, capsys):
    out = project / "ut"
    assert main(["--project", str(project), "export", "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "utelatt" not in err and "Filer: 1. Spørsmål: 5." in err
    assert ET.parse(out / "alle.xml").getroot().find("question[@type='ordering']") is not None


def test_a_broken_bank_is_reported_and_nothing_is_written(project, capsys):
    (project / "quizzes" / "alle.yml").write_text("id: [\n", encoding="utf-8")
    out = project / "ut"
    assert main(["--project", str(project), "export", "--out", str(out)]) == 1
    assert "alle.yml" in capsys.readouterr().err
    assert not out.exists()


def test_an_unwritable_folder_is_a_message_not_a_traceback(project, capsys):
    (project / "fil").write_text("", encoding="utf-8")
    assert main(["--project", str(project), "export", "--out", str(project / "fil" / "ut")]) == 1
    assert "kan ikke opprettes" in capsys.readouterr().err


def test_without_out_the_files_go_to_a_dated_folder_in_dist(project, capsys, monkeypatch):
    import datetime

    monkeypatch.chdir(project)
    assert main(["export", "--format", "gift"]) == 0
    folder = project / "dist" / f"question-bank-gift-{datetime.date.today().isoformat()}"
    assert (folder / "alle.gift.txt").exists()
    assert capsys.readouterr().out.strip() == str(folder / "alle.gift.txt")
