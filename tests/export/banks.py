"""Banks for the export tests: every question type, and the same with hostile text."""

import msgspec

from krisesenterkurs.quiz.schema import Bank

ALL_TYPES = """\
id: alle
title: Alle typer / del 1
questions:
  - id: en
    type: single
    prompt: Hva er **riktig**?
    options:
      - text: Dette
        correct: true
        feedback: Ja, dette.
      - text: Ikke dette
        feedback: Nei.
      - text: Heller ikke dette
    explanation: Forklaring en.
    source: Kilde A
  - id: tre-riktige
    type: multiple
    prompt: Velg de tre riktige.
    options:
      - text: A
        correct: true
      - text: B
        correct: true
      - text: C
        correct: true
      - text: D
        feedback: D er feil.
    explanation: Forklaring to.
    source: Kilde B
  - id: pastand
    type: truefalse
    prompt: Påstand.
    answer: false
    explanation: Forklaring tre.
    source: Kilde C
  - id: hvem-gjor-hva
    type: matching
    prompt: Hvem gjør hva?
    categories: [NAV, Kommunen, Krisesenteret]
    items:
      - text: Økonomisk stønad
        category: NAV
      - text: Overordnet ansvar
        category: Kommunen
    explanation: Forklaring fire.
    source: Kilde D
  - id: rekkefolge
    type: ordering
    prompt: Sett i rekkefølge.
    steps:
      - Lytt
      - Skriv ned
      - Følg rutinene
    explanation: Forklaring fem.
    source: Kilde E
"""

HOSTILE_TEXT = "<script>alert(1)</script> ]]> & ~ = # { } : \\ slutt"
QUOTED = f"'{HOSTILE_TEXT}'"  # YAML single quotes keep the backslash as it is
HOSTILE = (
    ALL_TYPES.replace("Hva er **riktig**?", QUOTED)
    .replace("text: Dette\n", f"text: {QUOTED}\n")
    .replace("feedback: Nei.", f"feedback: {QUOTED}")
    .replace("Forklaring en.", QUOTED)
    .replace("source: Kilde A", f"source: {QUOTED}")
    .replace("text: Økonomisk stønad", f"text: {QUOTED}")
    .replace("[NAV, Kommunen, Krisesenteret]", '["NAV <b>&</b> {x}", Kommunen, Krisesenteret]')
    .replace("category: NAV", 'category: "NAV <b>&</b> {x}"')
    .replace("- Lytt", f"- {QUOTED}")
)


def bank(text: str = ALL_TYPES) -> Bank:
    import yaml

    return msgspec.convert(yaml.safe_load(text), Bank)
