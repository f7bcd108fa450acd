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
    "unknown key": (bank("    answer: false", "    answer: false\n    hint: x"), None, {}, "unknown key 'hint'"),
    "missing explanation": (
        bank("    explanation: Forklaring.\n    source: Kilde C\n", "    source: Kilde C\n"),
        None,
        {},
        "'explanation' is missing",
    ),
    "missing question id": (bank("  - id: to\n    type: multiple", "  - type: multiple"), None, {}, "'id' is missing"),
    "duplicate question id": (bank("- id: tre", "- id: en"), None, {}, "is used twice in this bank"),
    "single with two correct": (
        bank("      - text: Ikke dette\n", "      - text: Ikke dette\n        correct: true\n"),
        None,
        {},
        "found 2",
    ),
    "single with none correct": (
        bank("      - text: Dette\n        correct: true\n", "      - text: Dette\n"),
        None,
        {},
        "found 0",
    ),
    "multiple with none correct": (
        bank("        correct: true\n      - text: B\n        correct: true\n", "      - text: B\n"),
        None,
        {},
        "at least one option",
    ),
    "one option": (bank("      - text: Ikke dette\n        feedback: Nei.\n", ""), None, {}, "at least 2"),
    "empty prompt": (bank("prompt: Påstand.", 'prompt: ""'), None, {}, "'prompt' is empty"),
    "number for text": (bank("      - text: C", "      - text: 112"), None, {}, "put it in quotes"),
    "word for boolean": (bank("answer: false", "answer: kanskje"), None, {}, "true or false"),
    "list for text": (bank("prompt: Påstand.", "prompt: [a, b]"), None, {}, "'prompt'"),
    "unknown type": (bank("type: truefalse", "type: essay"), None, {}, "unknown question type 'essay'"),
    "bad id": (bank("- id: to", "- id: To Spørsmål"), None, {}, "lower-case letters"),
    "pass mark too high": (bank("pass_mark: 80", "pass_mark: 180"), None, {}, "0 to 100"),
    "duplicate key": (bank("    answer: false", "    answer: false\n    answer: true"), None, {}, "appears twice"),
    "yaml syntax": (bank("    prompt: Velg to.", "    prompt: [Velg to."), None, {}, "YAML syntax error"),
    "tab indentation": (
        bank("    explanation: Forklaring.\n    source: Kilde A", "\texplanation: Forklaring.\n    source: Kilde A"),
        None,
        {},
        "tabs",
    ),
    "empty file": ("", None, {}, "is empty"),
    "only a comment": ("# tom\n", None, {}, "holds no YAML data"),
    "a list instead of a bank": ("- id: x\n", None, {}, "must start with 'id:'"),
    "control character": (bank("prompt: Påstand.", "prompt: Påstand.\x07"), None, {}, "control character"),
    "huge text": (bank("prompt: Påstand.", "prompt: " + "lang " * 400), None, {}, "shorten it to at most"),
    "not utf-8": (
        None,
        None,
        {"quizzes/latin.yml": VALID.replace("id: test", "id: latin").encode("latin-1")},
        "is not UTF-8",
    ),
    "duplicate bank ids across files": (None, None, {"quizzes/kopi.yml": VALID}, "is already used by"),
    "page names an unknown bank": (
        None,
        "# Quiz\n\n/// quiz | finnes-ikke\n///\n\n/// quiz | test\n///\n",
        {},
        "no question bank with id 'finnes-ikke'",
    ),
    "page without a bank id": (None, "# Quiz\n\n/// quiz\n///\n\n/// quiz | test\n///\n", {}, "needs a bank id"),
    "page with an unknown option": (
        None,
        "# Quiz\n\n/// quiz | test\n    sporsmal: [en]\n///\n",
        {},
        "unknown option 'sporsmal'",
    ),
    "page with an unknown question": (
        None,
        "# Quiz\n\n/// quiz | test\n    questions: [en, nei]\n///\n",
        {},
        "no question 'nei'",
    ),
    "bank used by no page": (
        None,
        None,
        {"quizzes/ubrukt.yml": VALID.replace("id: test", "id: ubrukt")},
        "is not used by any page",
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
    assert "Fix:" in result.stderr


def test_a_byte_order_mark_is_fine(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(FIXTURE, root)
    (root / "quizzes").mkdir(exist_ok=True)
    (root / "quizzes" / "test.yml").write_bytes(b"\xef\xbb\xbf" + VALID.encode("utf-8"))
    assert run_build(root, root / "out").returncode == 0
