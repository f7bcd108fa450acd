"""A corpus of broken banks and pages: each fails a real build with its own message, never a traceback."""

import shutil
from pathlib import Path

import pytest

from tests.banks import VALID
from tests.support import run_build

FIXTURE = Path(__file__).parent / "fixtures" / "site"
PAGE = "# Quiz\n\n/// quiz | test\n///\n"


def bank(old, new, count=1):
    text = VALID.replace(old, new, count)
    assert text != VALID
    return text


# name: (bank text or None for VALID, page text or None for PAGE, extra files, expected words)
CORPUS = {
    "ukjent nøkkel": (bank("    answer: false", "    answer: false\n    hint: x"), None, {}, "ukjent nøkkel «hint»"),
    "missing explanation": (
        bank("    explanation: Forklaring.\n    source: Kilde C\n", "    source: Kilde C\n"),
        None,
        {},
        "«explanation» mangler",
    ),
    "missing question id": (bank("  - id: to\n    type: multiple", "  - type: multiple"), None, {}, "«id» mangler"),
    "duplicate question id": (bank("- id: tre", "- id: en"), None, {}, "er brukt to ganger i denne banken"),
    "single with two correct": (
        bank("      - text: Ikke dette\n", "      - text: Ikke dette\n        correct: true\n"),
        None,
        {},
        "fant 2",
    ),
    "single with none correct": (
        bank("      - text: Dette\n        correct: true\n", "      - text: Dette\n"),
        None,
        {},
        "fant 0",
    ),
    "multiple with none correct": (
        bank("        correct: true\n      - text: B\n        correct: true\n", "      - text: B\n"),
        None,
        {},
        "minst ett alternativ",
    ),
    "one option": (bank("      - text: Ikke dette\n        feedback: Nei.\n", ""), None, {}, "minst 2"),
    "empty prompt": (bank("prompt: Påstand.", 'prompt: ""'), None, {}, "«prompt» er tom"),
    "number for text": (bank("      - text: C", "      - text: 112"), None, {}, "sett den i anførselstegn"),
    "word for boolean": (bank("answer: false", "answer: kanskje"), None, {}, "true eller false"),
    "list for text": (bank("prompt: Påstand.", "prompt: [a, b]"), None, {}, "«prompt»"),
    "unknown type": (bank("type: truefalse", "type: essay"), None, {}, "ukjent spørsmålstype «essay»"),
    "bad id": (bank("- id: to", "- id: To Spørsmål"), None, {}, "små bokstaver"),
    "pass mark too high": (bank("pass_mark: 80", "pass_mark: 180"), None, {}, "0 til 100"),
    "duplicate key": (bank("    answer: false", "    answer: false\n    answer: true"), None, {}, "står to ganger"),
    "yaml syntax": (bank("    prompt: Velg to.", "    prompt: [Velg to."), None, {}, "YAML-syntaksfeil"),
    "tab indentation": (
        bank("    explanation: Forklaring.\n    source: Kilde A", "\texplanation: Forklaring.\n    source: Kilde A"),
        None,
        {},
        "tabulator",
    ),
    "empty file": ("", None, {}, "er tom"),
    "only a comment": ("# tom\n", None, {}, "inneholder ingen YAML-data"),
    "a list instead of a bank": ("- id: x\n", None, {}, "må begynne med «id:»"),
    "kontrolltegn": (bank("prompt: Påstand.", "prompt: Påstand.\x07"), None, {}, "kontrolltegn"),
    "huge text": (bank("prompt: Påstand.", "prompt: " + "lang " * 400), None, {}, "kort den ned til høyst"),
    "not utf-8": (
        None,
        None,
        {"quizzes/latin.yml": VALID.replace("id: test", "id: latin").encode("latin-1")},
        "er ikke UTF-8",
    ),
    "duplicate bank ids across files": (None, None, {"quizzes/kopi.yml": VALID}, "er allerede brukt av"),
    "page names an unknown bank": (
        None,
        "# Quiz\n\n/// quiz | finnes-ikke\n///\n\n/// quiz | test\n///\n",
        {},
        "ingen spørsmålsbank med id «finnes-ikke»",
    ),
    "page without a bank id": (None, "# Quiz\n\n/// quiz\n///\n\n/// quiz | test\n///\n", {}, "trenger en bank-id"),
    "page with an unknown option": (
        None,
        "# Quiz\n\n/// quiz | test\n    sporsmal: [en]\n///\n",
        {},
        "ukjent valg «sporsmal»",
    ),
    "page with an unknown question": (
        None,
        "# Quiz\n\n/// quiz | test\n    questions: [en, nei]\n///\n",
        {},
        "har ikke spørsmålet «nei»",
    ),
    "bank used by no page": (
        None,
        None,
        {"quizzes/ubrukt.yml": VALID.replace("id: test", "id: ubrukt")},
        "brukes ikke på noen side",
    ),
}


@pytest.mark.parametrize("name", list(CORPUS))
def test_broken_input_fails_the_build_with_its_message(tmp_path, name):
    bank_text, page_text, extra, words = CORPUS[name]
    root = tmp_path / "site"
    shutil.copytree(FIXTURE, root)
    (root / "quizzes").mkdir(exist_ok=True)
    (root / "quizzes" / "test.yml").write_text(VALID if bank_text is None else bank_text, encoding="utf-8")
    (root / "docs" / "quiz.md").write_text(PAGE if page_text is None else page_text, encoding="utf-8")
    for path, content in extra.items():
        target = root / path
        target.write_bytes(content) if isinstance(content, bytes) else target.write_text(content, encoding="utf-8")
    result = run_build(root, root / "out")
    assert result.returncode != 0, name
    assert words in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert "Rett:" in result.stderr


def test_a_byte_order_mark_is_fine(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(FIXTURE, root)
    (root / "quizzes").mkdir(exist_ok=True)
    (root / "quizzes" / "test.yml").write_bytes(b"\xef\xbb\xbf" + VALID.encode("utf-8"))
    assert run_build(root, root / "out").returncode == 0
