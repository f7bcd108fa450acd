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


def module_yml(
    title: str,
    number: int,
    bank: str = "test",
    version: str = "1.0",
    updated: str = "2026-11-27",
    review_by: str = "2027-11-27",
    changes: str | None = None,
) -> str:
    changes = changes or f'  - version: "{version}"\n    date: {updated}\n    text: Første utgave.\n'
    return (
        f'title: {title}\nnumber: {number}\nbank: {bank}\nversion: "{version}"\nupdated: {updated}\n'
        f"review_by: {review_by}\neditor: RVTS Sør\nchanges:\n{changes}"
    )
