"""`krisesenterkurs new-module`: a new module's folder, pages and bank, added to the navigation.

The module starts as a draft (`status: draft`): the preview marks its pages
«Utkast» and leaves it out of the progress count and the certificate, and the
publishing build refuses to run until the editor removes the line. The pages
hold «Skriv … her» wherever the editor has to write; `check` lists every such
line (as a warning while the module is a draft, as a problem once it is not).
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

from ..core.errors import CourseError, Problem
from ..core.say import say
from ..core.settings import Settings
from ..core.yamlfile import display_path
from ..course.modules import load_modules
from ..quiz.banks import load_banks
from .check import SCHEMA_LINE


def slug(title: str) -> str:
    text = title.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:40].strip("-")


MODULE_FILES = {
    "index.md": """# {title}

/// module-info | {folder}
///

Skriv en kort innledning her: hvorfor temaet er viktig for den som tar kurset.

## Læringsmål

Etter modulen skal du kunne

- Skriv det første læringsmålet her
- Skriv det andre læringsmålet her
- Skriv det tredje læringsmålet her

## Beregnet tid

Ca. 30–40 minutter.

## Til workshop

Workshoplederen finner alt som trengs i [Veiledning for workshopleder](workshopleder.md), og deltakerne kan få [utdelingsarket](utdelingsark.md) på papir.
""",
    "case.md": """# Case: {title}

!!! example "Fiktivt case: Skriv en kort tittel her"
    *Personene i dette caset er oppdiktet.*

    Skriv caset her.

## Refleksjonsspørsmål

1. Skriv det første spørsmålet her
2. Skriv det andre spørsmålet her
3. Skriv det tredje spørsmålet her
4. Skriv det fjerde spørsmålet her
""",
    "oppsummering.md": """# Oppsummering

!!! abstract "Viktige punkter"
    - Skriv det første punktet her

## Kilder

- Skriv kilden her
""",
    "quiz.md": """# Test deg selv

Svar på spørsmålene for å sjekke hva du har lært i modulen. Du kan prøve så mange ganger du vil.

/// quiz | {bank}
///
""",
    "workshopleder.md": """# Veiledning for workshopleder: {title}

/// facilitator-pdfs | {folder}
///

Skriv veiledningen her: mål, forberedelse, agenda for 90 minutter og 3 timer, diskusjonsspørsmål, caseøvelse, quizen i gruppen, avslutning og omsorg for deltakerne.
""",
    "gruppe.md": """# Quizen i gruppen: {title}

Denne siden er for workshoplederen: spørsmålene veiledningen anbefaler til samtale i gruppen, klare i gruppemodus. Skriv id-ene til spørsmålene her, i linjen «questions: [id, id]» under hver agenda, og skriv agendaene i veiledningen på samme måte.

## 90 minutter

/// quiz | {bank}
    mode: group
///

## 3 timer

/// quiz | {bank}
    mode: group
///
""",
    "utdelingsark.md": """# Utdelingsark: {title}

Utdelingsark til workshop om modul {number} i kurset «Krisesentertilbudet i kommunene» fra RVTS Sør.

/// handout | {folder}
///
""",
}

BANK = """{schema_line}
id: {bank}
title: {title}
pass_mark: 80
questions:
  - id: forste-sporsmal
    type: single
    prompt: Skriv spørsmålet her.
    options:
      - text: Skriv et riktig svar her.
        correct: true
      - text: Skriv et galt svar her.
    explanation: Skriv forklaringen her.
    source: Skriv kilden her.
"""


def new_module(
    settings: Settings,
    title: str,
    folder: str | None = None,
    editor: str = "RVTS Sør",
    today: datetime.date | None = None,
) -> list[Path]:
    """Scaffold a module folder, its module.yml, its pages and a bank, and add it to the navigation."""
    today = today or datetime.date.today()
    folder = folder or slug(title)
    if not folder or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", folder):
        raise CourseError(
            Problem(
                "new-module",
                None,
                say("scaffold_bad_folder", folder=folder),
            )
        )
    target = settings.modules / folder
    bank_file = settings.quizzes / f"{folder}.yml"
    for existing in (target, bank_file):
        if existing.exists():
            raise CourseError(Problem(display_path(existing), None, say("scaffold_exists")))
    numbers = [m.meta.number for m in load_modules(settings.modules, load_banks(settings.quizzes, settings.pass_mark))]
    number = max(numbers, default=0) + 1
    config = settings.config_file
    text = config.read_text(encoding="utf-8")
    marker = "  - Workshop:\n"
    if marker not in text:
        raise CourseError(
            Problem(
                display_path(config),
                None,
                say("scaffold_no_nav"),
            )
        )
    pages = ["index", "case", "oppsummering", "quiz"]
    entry = f'      - "{number} {title}":\n' + "".join(
        f"          - {settings.modules_url}{folder}/{p}.md\n" for p in pages
    )
    guide = "".join(f"      - {settings.modules_url}{folder}/{p}.md\n" for p in ("workshopleder", "gruppe"))
    text = text.replace(marker, entry + marker, 1)
    workshop_end = text.index(marker) + len(marker)
    rest = text[workshop_end:]
    listed = re.match(r"(?:      - .*\n)*", rest)
    block_len = len(listed.group(0)) if listed else 0
    text = text[:workshop_end] + rest[:block_len] + guide + rest[block_len:]
    values = {"title": title, "folder": folder, "bank": folder, "number": number, "schema_line": SCHEMA_LINE}
    target.mkdir(parents=True)
    written = []
    (target / "module.yml").write_text(
        "# Module metadata: the one place for this module's title, order, quiz, version and review date.\n"
        f'title: {json.dumps(title, ensure_ascii=False)}\nnumber: {number}\nbank: {folder}\nversion: "0.1"\n'
        f"updated: {today.isoformat()}\nreview_by: {today.replace(year=today.year + 1).isoformat()}\n"
        f"editor: {json.dumps(editor, ensure_ascii=False)}\n"
        "status: draft  # the preview marks it «Utkast»; publishing refuses it. Remove this line to publish.\n"
        'changes:\n  - version: "0.1"\n'
        f"    date: {today.isoformat()}\n    text: Utkast laget.\n",
        encoding="utf-8",
    )
    written.append(target / "module.yml")
    for name, template in MODULE_FILES.items():
        (target / name).write_text(template.format(**values), encoding="utf-8")
        written.append(target / name)
    bank_file.write_text(BANK.format(**values), encoding="utf-8")
    written.append(bank_file)
    config.write_text(text, encoding="utf-8")
    written.append(config)
    return written
