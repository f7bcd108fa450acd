"""Small valid banks for tests, as YAML text an editor would write."""

VALID = """\
id: test
title: Testbank
pass_mark: 80
questions:
  - id: en
    type: single
    prompt: Hva er riktig?
    options:
      - text: Dette
        correct: true
        feedback: Ja.
      - text: Ikke dette
        feedback: Nei.
    explanation: Forklaring.
    source: Kilde A
  - id: to
    type: multiple
    prompt: Velg to.
    options:
      - text: A
        correct: true
      - text: B
        correct: true
      - text: C
    explanation: Forklaring.
    source: Kilde B
  - id: tre
    type: truefalse
    prompt: Påstand.
    answer: false
    explanation: Forklaring.
    source: Kilde C
"""


def write(tmp_path, text: str, name: str = "test.yml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path
