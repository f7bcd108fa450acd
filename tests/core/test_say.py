"""Editor messages: one table per language, bokmål unless the course or the command asks for English."""

import re
from pathlib import Path

import pytest

from krisesenterkurs.core import say, settings
from krisesenterkurs.core.errors import CourseError
from krisesenterkurs.core.yamlfile import read_yaml


def test_every_language_has_every_key_with_the_same_placeholders():
    nb = say.table("nb")
    assert len(nb) > 50
    for lang in say.LANGUAGES:
        t = say.table(lang)
        assert set(t) == set(nb), (lang, set(t) ^ set(nb))
        for key, text in t.items():
            assert isinstance(text, str) and text.strip(), (lang, key)
            assert set(re.findall(r"\{(\w+)\}", text)) == set(re.findall(r"\{(\w+)\}", nb[key])), (lang, key)


def test_every_message_can_be_said(monkeypatch):
    """Each text is a format string: a literal brace (PyYAML's «expected ',' or '}'») must be doubled,
    or the message for that mistake would itself fail."""
    for lang in say.LANGUAGES:
        monkeypatch.setenv(say.ENV, lang)
        for key, text in say.table(lang).items():
            values = {name: "x" for name in re.findall(r"\{(\w+)\}", text)}
            assert "{" not in say.say(key, **values).replace("{x}", ""), (lang, key)


def test_no_key_is_written_twice():
    for lang in say.LANGUAGES:
        read_yaml(Path(say.__file__).with_name("strings") / "editor" / f"{lang}.yml")


def test_bokmal_is_the_default(monkeypatch):
    monkeypatch.delenv(say.ENV, raising=False)
    assert say.language() == "nb"
    assert say.say("yaml_key_twice", key="id").startswith("nøkkelen «id» står to ganger")


def test_the_environment_variable_chooses_english(monkeypatch):
    monkeypatch.setenv(say.ENV, "en")
    assert say.say("yaml_key_twice", key="id") == "the key 'id' appears twice in the same place. Fix: keep one of them."
    monkeypatch.setenv(say.ENV, "de")  # not a table: the default
    assert say.language() == "nb"


def test_the_course_setting_chooses_english_and_the_variable_wins(tmp_path, monkeypatch):
    monkeypatch.delenv(say.ENV, raising=False)
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Kurs\nextra:\n  course:\n    editor_language: en\n", encoding="utf-8")
    assert settings.Settings.load(config).course.editor_language == "en"
    assert say.language() == "en"
    monkeypatch.setenv(say.ENV, "nb")
    assert say.language() == "nb"
    settings.reset()
    monkeypatch.delenv(say.ENV)
    assert say.language() == "nb"


def test_an_unknown_editor_language_is_a_settings_error(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Kurs\nextra:\n  course:\n    editor_language: de\n", encoding="utf-8")
    with pytest.raises(CourseError, match=r"mkdocs\.yml:4: extra\.course: «editor_language» må være nb eller en"):
        settings.Settings.load(config)


def test_a_problem_names_its_question_in_the_chosen_language(monkeypatch):
    from krisesenterkurs.core.errors import Problem

    problem = Problem("quizzes/a.yml", 3, "x", "q1")
    assert str(problem) == "quizzes/a.yml:3: spørsmål «q1»: x"
    monkeypatch.setenv(say.ENV, "en")
    assert str(problem) == "quizzes/a.yml:3: question 'q1': x"
    assert str(CourseError([problem, problem])).startswith("2 problems to fix:\n")


BANK = """id: test
title: Testbank
questions:
  - id: tre
    type: truefalse
    prompt: Påstand.
    answer: ja
    explanation: Forklaring.
    source: Kilde.
"""


def _samples(tmp_path, capsys) -> list[str]:
    """A bank error, a module.yml error, check's summary and a line of the command's help, as an editor sees them."""
    from krisesenterkurs.cli import _report, main
    from krisesenterkurs.course.modules import load_modules
    from krisesenterkurs.quiz.banks import load_bank

    (tmp_path / "bank.yml").write_text(BANK, encoding="utf-8")
    (tmp_path / "moduler" / "tom").mkdir(parents=True, exist_ok=True)
    out = [str(pytest.raises(CourseError, load_bank, tmp_path / "bank.yml").value).split(": ", 1)[1]]
    out.append(str(pytest.raises(CourseError, load_modules, tmp_path / "moduler", {}).value).split(": ", 1)[1])
    _report([], [])
    out.append(capsys.readouterr().err.strip())
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out.append(next(line.strip() for line in capsys.readouterr().out.splitlines() if "--help" in line))
    return out


def test_sample_messages_in_bokmal_by_default(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv(say.ENV, raising=False)
    assert _samples(tmp_path, capsys) == [
        "spørsmål «tre»: «answer» må være true eller false, ikke tekst (fant 'ja'). Rett: skriv true eller false.",
        "modulen har ingen module.yml. Rett: legg til en med «title», «number» og «bank».",
        "Feil: 0. Advarsler: 0.",
        "-h, --help  vis denne hjelpeteksten og avslutt",
    ]


def test_sample_messages_in_english_on_request(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv(say.ENV, "en")
    assert _samples(tmp_path, capsys) == [
        "question 'tre': 'answer' must be true or false, not text (found 'ja'). Fix: write true or false.",
        "the module has no module.yml. Fix: add one with 'title', 'number' and 'bank'.",
        "0 problem(s), 0 warning(s).",
        "-h, --help  show this help message and exit",
    ]
