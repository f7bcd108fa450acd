"""Bank files: every author mistake is reported with file, line, question and fix."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from krisesenterkurs.core.cache import cached
from krisesenterkurs.core.errors import CourseError
from krisesenterkurs.quiz.banks import load_bank, load_banks
from tests.banks import VALID, write


def problem_for(tmp_path, text, name="test.yml"):
    path = write(tmp_path, text, name)
    with pytest.raises(CourseError) as info:
        load_bank(path)
    return info.value


def line_of(text, needle, nth=1):
    lines = text.splitlines()
    hits = [i + 1 for i, line in enumerate(lines) if needle in line]
    return hits[nth - 1]


CASES = [
    # (name, edit of VALID, needle whose line is reported (nth), question id, words in message)
    (
        "ukjent nøkkel",
        lambda t: t.replace("    answer: false", "    answer: false\n    hint: x"),
        ("hint: x", 1),
        "tre",
        ["ukjent nøkkel «hint»", "Rett:"],
    ),
    (
        "missing explanation",
        lambda t: t.replace("    explanation: Forklaring.\n    source: Kilde C\n", "    source: Kilde C\n"),
        ("- id: tre", 1),
        "tre",
        ["«explanation» mangler", "Rett: legg til «explanation»"],
    ),
    (
        "two correct in single",
        lambda t: t.replace("      - text: Ikke dette\n", "      - text: Ikke dette\n        correct: true\n"),
        ("    options:", 1),
        "en",
        ["nøyaktig ett alternativ", "fant 2", "Rett:"],
    ),
    (
        "none correct in single",
        lambda t: t.replace("      - text: Dette\n        correct: true\n", "      - text: Dette\n"),
        ("    options:", 1),
        "en",
        ["nøyaktig ett alternativ", "fant 0"],
    ),
    (
        "none correct in multiple",
        lambda t: t.replace(
            "      - text: A\n        correct: true\n      - text: B\n        correct: true\n",
            "      - text: A\n      - text: B\n",
        ),
        ("    options:", 2),
        "to",
        ["minst ett alternativ", "Rett:"],
    ),
    (
        "one option",
        lambda t: t.replace("      - text: Ikke dette\n        feedback: Nei.\n", ""),
        ("    options:", 1),
        "en",
        ["minst 2", "Rett:"],
    ),
    (
        "empty prompt",
        lambda t: t.replace("prompt: Påstand.", 'prompt: ""'),
        ('prompt: ""', 1),
        "tre",
        ["«prompt» er tom", "Rett:"],
    ),
    (
        "number as text",
        lambda t: t.replace("      - text: C", "      - text: 112"),
        ("text: 112", 1),
        "to",
        ["options[3].text", "fant 112", "anførselstegn"],
    ),
    (
        "word as boolean",
        lambda t: t.replace("answer: false", "answer: kanskje"),
        ("answer: kanskje", 1),
        "tre",
        ["«answer»", "true eller false"],
    ),
    ("duplicate id", lambda t: t.replace("- id: tre", "- id: en"), ("- id: en", 2), "en", ["brukt to ganger", "Rett:"]),
    (
        "unknown type",
        lambda t: t.replace("type: truefalse", "type: essay"),
        ("type: essay", 1),
        "tre",
        ["ukjent spørsmålstype «essay»", "single, multiple, truefalse, matching eller ordering"],
    ),
    (
        "missing question id",
        lambda t: t.replace("  - id: to\n    type: multiple", "  - type: multiple"),
        ("  - type: multiple", 1),
        None,
        ["«id» mangler"],
    ),
    (
        "bad id",
        lambda t: t.replace("- id: to", "- id: To Spørsmål"),
        ("- id: To", 1),
        "To Spørsmål",
        ["små bokstaver"],
    ),
    (
        "pass mark out of range",
        lambda t: t.replace("pass_mark: 80", "pass_mark: 180"),
        ("pass_mark", 1),
        None,
        ["0 til 100"],
    ),
    (
        "duplicate key",
        lambda t: t.replace("    answer: false", "    answer: false\n    answer: true"),
        ("answer: true", 1),
        None,
        ["«answer» står to ganger"],
    ),
]


@pytest.mark.parametrize("name,edit,where,qid,words", CASES, ids=[c[0] for c in CASES])
def test_each_mistake_names_file_line_question_and_fix(tmp_path, name, edit, where, qid, words):
    text = edit(VALID)
    assert text != VALID, "the edit must change the bank"
    error = problem_for(tmp_path, text)
    message = str(error)
    assert len(error.problems) == 1, message
    p = error.problems[0]
    assert p.file.endswith("test.yml")
    assert p.line == line_of(text, *where), message
    assert p.question == qid
    for w in words:
        assert w in message
    assert "Traceback" not in message


def test_every_mistake_of_a_file_is_reported_at_once_in_line_order(tmp_path):
    text = (
        VALID.replace("answer: false", "answer: kanskje")
        .replace("      - text: C", "      - text: 112")
        .replace("pass_mark: 80", "pass_mark: 180")
        .replace("    prompt: Påstand.", "    prompt:")
    )
    error = problem_for(tmp_path, text)
    assert [(p.line, p.question) for p in error.problems] == [
        (line_of(text, "pass_mark"), None),
        (line_of(text, "text: 112"), "to"),
        (line_of(text, "prompt:", 3), "tre"),
        (line_of(text, "answer: kanskje"), "tre"),
    ]
    message = str(error)
    assert message.startswith("4 feil å rette:")
    assert "«prompt» er tom. Rett: skriv tekst her" in message


def test_a_date_that_is_no_date_names_its_line(tmp_path):
    text = VALID.replace("title: Testbank", "title: 2026-13-45")
    error = problem_for(tmp_path, text)
    assert [p.line for p in error.problems] == [line_of(text, "title: 2026-13-45")]
    assert "«2026-13-45» er ikke en gyldig dato. Rett:" in str(error)


def test_a_value_its_explicit_type_cannot_read(tmp_path):
    text = VALID.replace("pass_mark: 80", "pass_mark: !!int åtti")
    error = problem_for(tmp_path, text)
    assert str(error).endswith(
        f"test.yml:{line_of(text, 'pass_mark')}: «åtti» kan ikke leses som int. Rett: skriv verdien riktig, eller sett tekst i anførselstegn."
    )


def test_yaml_syntax_error_names_the_line(tmp_path):
    text = VALID.replace("    prompt: Velg to.", "    prompt: [Velg to.")
    message = str(problem_for(tmp_path, text))
    assert "YAML-syntaksfeil" in message and "Rett:" in message
    assert (
        f"test.yml:{line_of(text, 'prompt: [Velg') + 1}" in message
        or f"test.yml:{line_of(text, 'prompt: [Velg')}" in message
    )


def test_syntax_error_at_the_very_end(tmp_path):
    assert "YAML-syntaksfeil" in str(problem_for(tmp_path, "id: [\n"))


def test_tab_indentation_is_explained(tmp_path):
    text = VALID.replace(
        "    explanation: Forklaring.\n    source: Kilde A", "\texplanation: Forklaring.\n    source: Kilde A"
    )
    message = str(problem_for(tmp_path, text))
    assert f"test.yml:{line_of(text, chr(9) + 'explanation')}" in message
    assert "tabulator" in message


@pytest.mark.parametrize(
    "content,words",
    [
        ("", "er tom"),
        ("   \n\n", "er tom"),
        ("# only a comment\n", "inneholder ingen YAML-data"),
        ("- id: x\n", "må begynne med «id:»"),
    ],
)
def test_empty_or_wrong_shaped_file(tmp_path, content, words):
    assert words in str(problem_for(tmp_path, content))


def test_control_character_names_its_line(tmp_path):
    text = VALID.replace("prompt: Påstand.", "prompt: Påstand.\x07")
    message = str(problem_for(tmp_path, text))
    assert f"test.yml:{line_of(text, 'Påstand')}:" in message and "kontrolltegn" in message


def test_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "bom.yml"
    path.write_bytes(b"\xef\xbb\xbf" + VALID.encode())
    assert load_bank(path).id == "test"


def test_not_utf8(tmp_path):
    path = tmp_path / "latin.yml"
    path.write_bytes(VALID.replace("Påstand", "P\u00e5stand").encode("latin-1"))
    assert "UTF-8" in str(pytest.raises(CourseError, load_bank, path).value)


def test_all_problems_of_all_files_are_reported_together(tmp_path):
    write(tmp_path, VALID.replace("answer: false", "answer: 3"), "a.yml")
    write(tmp_path, VALID.replace("id: test", "id: andre").replace("prompt: Velg to.", 'prompt: ""'), "b.yml")
    error = pytest.raises(CourseError, load_banks, tmp_path).value
    assert [p.file[-5:] for p in error.problems] == ["a.yml", "b.yml"]


def test_duplicate_bank_ids_across_files(tmp_path):
    write(tmp_path, VALID, "a.yml")
    write(tmp_path, VALID, "b.yml")
    message = str(pytest.raises(CourseError, load_banks, tmp_path).value)
    assert "b.yml:1" in message and "allerede brukt av" in message and "a.yml" in message


def test_missing_folder(tmp_path):
    assert "finnes ikke" in str(pytest.raises(CourseError, load_banks, tmp_path / "nope").value)


def test_cache_sees_edits(tmp_path):
    path = write(tmp_path, VALID)
    assert cached(load_banks, tmp_path)["test"].bank.title == "Testbank"
    path.write_text(VALID.replace("title: Testbank", "title: Ny tittel"), encoding="utf-8")
    assert cached(load_banks, tmp_path)["test"].bank.title == "Ny tittel"


# --- Any input: only the project's own error type escapes -----------------------------------


yaml_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30))
yaml_values = st.recursive(
    yaml_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "title",
                    "pass_mark",
                    "questions",
                    "type",
                    "prompt",
                    "options",
                    "text",
                    "correct",
                    "answer",
                    "explanation",
                    "source",
                    "feedback",
                    "x",
                ]
            ),
            children,
            max_size=6,
        ),
    ),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=400))
def test_any_bytes_give_a_bank_or_a_course_error(tmp_path, raw):
    path = tmp_path / "fuzz.yml"
    path.write_bytes(raw)
    try:
        load_bank(path)
    except CourseError as e:
        assert e.problems and all(p.file.endswith("fuzz.yml") for p in e.problems)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=yaml_values)
def test_any_yaml_shape_gives_a_bank_or_a_course_error(tmp_path, data):
    import yaml

    path = tmp_path / "fuzz.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        load_bank(path)
    except CourseError as e:
        assert all(isinstance(p.line, (int, type(None))) for p in e.problems)


def test_a_bank_without_pass_mark_takes_the_course_default(tmp_path):
    path = write(tmp_path, VALID.replace("pass_mark: 80\n", ""))
    assert load_bank(path).pass_mark == 80
    assert load_bank(path, pass_mark=65).pass_mark == 65
    assert load_bank(write(tmp_path, VALID, "own.yml"), pass_mark=65).pass_mark == 80  # its own wins


NEW_TYPES = """\
id: nye
title: Nye typer
questions:
  - id: hvem-gjor-hva
    type: matching
    prompt: Hvem gjør hva?
    categories: [NAV, Kommunen, Krisesenteret]
    items:
      - text: Økonomisk stønad
        category: NAV
      - text: Overordnet ansvar
        category: Kommunen
    explanation: Forklaring.
    source: Kilde.
  - id: rekkefolge
    type: ordering
    prompt: Sett i rekkefølge.
    steps:
      - Lytt
      - Skriv ned
      - Følg rutinene
    explanation: Forklaring.
    source: Kilde.
"""


def test_matching_and_ordering_questions_load(tmp_path):
    bank = load_bank(write(tmp_path, NEW_TYPES))
    assert [q.type for q in bank.questions] == ["matching", "ordering"]


@pytest.mark.parametrize(
    ("edit", "needle", "words"),
    [
        (
            lambda t: t.replace("        category: Kommunen\n", "        category: Bydelen\n"),
            "category: Bydelen",
            ["spørsmål «hvem-gjor-hva»:", "punkt 2 har kategorien «Bydelen»", "Rett: bruk en av disse: NAV, Kommunen"],
        ),
        (
            lambda t: t.replace("      - text: Overordnet ansvar", "      - text: økonomisk  stønad"),
            "text: økonomisk  stønad",
            ["punkt 1 og 2 er like", "Rett: gjør hver"],
        ),
        (
            lambda t: t.replace("[NAV, Kommunen, Krisesenteret]", "[NAV]"),
            "categories: [NAV]",
            ["«categories» har for få punkter", "minst 2"],
        ),
        (
            lambda t: t.replace("      - text: Overordnet ansvar\n        category: Kommunen\n", ""),
            "    items:",
            ["«items» har for få punkter", "minst 2"],
        ),
        (
            lambda t: t.replace("      - Følg rutinene\n", ""),
            "    steps:",
            ["spørsmål «rekkefolge»:", "«steps» har for få punkter", "minst 3"],
        ),
        (
            lambda t: t.replace("      - Følg rutinene\n", "".join(f"      - Steg {i}\n" for i in range(6))),
            "    steps:",
            ["«steps» har for mange punkter", "7"],
        ),
        (
            lambda t: t.replace("      - Følg rutinene\n", "      - Lytt\n"),
            "      - Lytt",
            ["steg 1 og 3 er like"],
        ),
    ],
)
def test_matching_and_ordering_mistakes_name_the_line(tmp_path, edit, needle, words):
    text = edit(NEW_TYPES)
    message = str(problem_for(tmp_path, text))
    line = line_of(text, needle, 2 if needle == "      - Lytt" else 1)
    assert f"test.yml:{line}:" in message, message
    assert all(w in message for w in words), message
