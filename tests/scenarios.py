"""A small valid scenario for tests, as YAML an editor would write (fictional, like the course's)."""

VALID = """\
id: telefon
title: En telefon fra NAV
role: Du er ansatt ved krisesenteret.
intro: Fiktivt eksempel. En veileder i NAV ringer.
tags:
  trygger: {label: Trygger, helpful: true}
  apner: {label: Åpner, helpful: true}
  lukker: {label: Lukker, helpful: false}
start: start
nodes:
  - id: start
    speaker: NAV-veileder
    text: Vi har en bruker som ikke trenger bolig. Da er vel ikke dere aktuelle?
    choices:
      - text: Krisesenteret har også dagsamtaler og rådgivning.
        next: avklare
        feedback: Du åpner for hele tilbudet.
        tags: [apner]
      - text: Nei, da kan vi ikke hjelpe.
        next: slutt-darlig
        feedback: Du lukker døren for en som kan trenge hjelp.
        tags: [lukker]
  - id: avklare
    speaker: NAV-veileder
    text: Hva kan hun få hos dere, da?
    choices:
      - text: Hun kan komme til samtaler uten å bo her.
        next: slutt-god
        feedback: Konkret og trygt.
        tags: [trygger]
      - text: Det kommer an på.
        next: slutt-blandet
        feedback: Uklart for veilederen.
  - id: slutt-god
    ending: good
    title: Et godt samarbeid
    text: Veilederen vet nå hva krisesenteret kan tilby.
  - id: slutt-blandet
    ending: mixed
    title: Et halvveis svar
    text: Veilederen er usikker.
  - id: slutt-darlig
    ending: poor
    title: En lukket dør
    text: Brukeren får ikke vite om tilbudet.
sources:
  - RVTS Sør, presentasjon 20. mars 2026
"""


def write(folder, text: str = VALID, name: str = "telefon.yml"):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
