"""The course's modules: metadata from `modules/<folder>/module.yml`, and the manifest pages carry.

Each module folder holds a `module.yml` (title, number, bank, version, dates).
From these and the banks, the extensions build a small manifest of the course
(modules, their addresses, the bank each one's quiz uses and that bank's
content hash). Every page carries it, so the learner's progress can be shown
anywhere without a hand-kept list in JavaScript and without a server.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

import msgspec
from msgspec import Meta

from ..core import blocks
from ..core.cache import cached
from ..core.errors import CourseError, Problem
from ..core.messages import listed, validate_file
from ..core.model import Id, Model
from ..core.say import say
from ..core.settings import Settings
from ..core.yamlfile import display_path
from ..quiz.banks import LoadedBank, course_banks

# A module's pages for facilitators: the workshop guide, the guide's questions for the group
# (`gruppe.md`) and the printable handout. They are not steps of the learner's way through the
# module, and a quiz they place is not the module's quiz.
FACILITATOR_PAGES = frozenset({"workshopleder.md", "gruppe.md", "utdelingsark.md"})

Version = Annotated[str, Meta(pattern=r"^\d+\.\d+(\.\d+)?$", examples=["1.2"], description="e.g. 1.2")]


class Change(Model):
    version: Version
    date: datetime.date
    text: Annotated[str, Meta(min_length=1, max_length=500, description="What changed, for learners and editors.")]
    retake: Annotated[
        bool,
        Meta(
            description="true: the change is such that a quiz passed before this version no longer counts, and the "
            "learner must pass it again. Default false: an earned pass stays, and «Min fremdrift» says the module "
            "was updated after it."
        ),
    ] = False


class ModuleMeta(Model):
    """Module settings (krisesenterkurs): module.yml"""

    # Dates are YAML dates (2026-03-20), which YAML reads as dates, not text.
    title: Annotated[str, Meta(min_length=1, max_length=120)]
    number: Annotated[int, Meta(ge=1, le=99, description="Order in the course.")]
    bank: Annotated[Id, Meta(description="The question bank whose quiz completes the module.")]
    version: Version
    updated: Annotated[datetime.date, Meta(description="When the module was last changed.")]
    review_by: Annotated[datetime.date, Meta(description="When an editor must check the module again.")]
    editor: Annotated[str, Meta(min_length=1, max_length=120, description="Who answers for the module.")]
    changes: Annotated[list[Change], Meta(min_length=1, description="Newest first.")]
    scenario_required: Annotated[
        bool,
        Meta(
            description="true: the module is completed only when its quiz is passed and its scenario "
            "(samtaletrening) has reached a good ending. Default false: the quiz alone completes it."
        ),
    ] = False
    status: Annotated[
        Literal["draft", "published"],
        Meta(
            description="draft: the module is being written ('new-module' starts it so). The preview marks its "
            "pages «Utkast» and leaves it out of the progress count and the certificate; the publishing build "
            "refuses to run. Remove the key (or write published) to publish it."
        ),
    ] = "published"

    @property
    def draft(self) -> bool:
        return self.status == "draft"


SCHEMA_FILE = "module.schema.json"


def module_json_schema() -> dict:
    """The JSON Schema of module.yml, for editors' tools (written to the modules folder as module.schema.json)."""
    schema = msgspec.json.schema(ModuleMeta)
    defs = schema["$defs"]
    root = defs.pop("ModuleMeta")
    root["title"] = root.pop("description")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **root, "$defs": defs}


@dataclass(frozen=True)
class Module:
    folder: str
    meta: ModuleMeta
    quiz_page: str  # the page placing the bank, relative to the module folder, e.g. "quiz.md"
    path: Path
    pages: tuple[str, ...] = ()  # the folder's learning pages (not FACILITATOR_PAGES), by file name
    # The learners' scenario of the module and the page placing it ("samtaletrening.md"), if any:
    # the first placement not in group or map mode (those are the facilitator guide's).
    scenario: tuple[str, str] | None = None


_MODE = re.compile(r"^\s+mode:\s*(\S+)")


def learners_scenario(folder: Path) -> tuple[str, str] | None:
    for page in sorted(folder.glob("*.md")):
        lines = page.read_text(encoding="utf-8").splitlines()
        for placed in blocks.placements(lines, "scenario"):
            mode = _MODE.match(lines[placed.line]) if placed.line < len(lines) else None
            if placed.argument and (mode is None or mode.group(1) == "individual"):
                return placed.argument, page.name
    return None


def load_modules(directory: Path, banks: dict[str, LoadedBank] | None) -> list[Module]:
    """The modules, checked against the banks; with `banks` None (they have mistakes of their own)
    only each module.yml itself is checked."""
    directory = Path(directory)
    if not directory.is_dir():
        raise CourseError(
            Problem(
                display_path(directory),
                None,
                say("modules_folder_missing"),
            )
        )
    modules: list[Module] = []
    problems: list[Problem] = []
    for folder in sorted(p for p in directory.iterdir() if p.is_dir()):
        meta_path = folder / "module.yml"
        if not meta_path.exists():
            problems.append(
                Problem(
                    display_path(folder),
                    None,
                    say("module_yml_missing"),
                )
            )
            continue
        try:
            meta = validate_file(
                meta_path,
                ModuleMeta,
                dict,
                say("module_yml_shape"),
                holds=say("holds_module", keys=listed(ModuleMeta.required_keys())),
                deletable=False,  # a module folder without its module.yml is a mistake of its own
            )
        except CourseError as e:
            problems.extend(e.problems)
            continue
        where = display_path(meta_path)
        if banks is None:
            continue
        if meta.bank not in banks:
            problems.append(
                Problem(
                    where,
                    None,
                    say("module_bank_unknown", id=meta.bank, known=", ".join(sorted(banks)) or say("none")),
                )
            )
            continue
        pages = sorted(
            p
            for p in folder.glob("*.md")
            if p.name not in FACILITATOR_PAGES
            and any(b.argument == meta.bank for b in blocks.placements(p.read_text(encoding="utf-8"), "quiz"))
        )
        misnamed = any(
            b.argument and b.argument not in banks
            for p in folder.glob("*.md")
            for b in blocks.placements(p.read_text(encoding="utf-8"), "quiz")
        )
        # A page that names a bank the course lacks is reported at its own line (a typo in the id);
        # "no page places the bank" would send the editor to module.yml instead.
        if not pages:
            if misnamed:
                continue
            problems.append(
                Problem(
                    where,
                    None,
                    say("module_bank_not_placed", id=meta.bank),
                )
            )
            continue
        scenario = learners_scenario(folder)
        if meta.scenario_required and scenario is None:
            problems.append(
                Problem(
                    where,
                    None,
                    say("module_scenario_missing"),
                )
            )
            continue
        learning = tuple(sorted(p.name for p in folder.glob("*.md") if p.name not in FACILITATOR_PAGES))
        modules.append(Module(folder.name, meta, pages[0].name, meta_path, learning, scenario))
    numbers: dict[int, Module] = {}
    for m in modules:
        if m.meta.number in numbers:
            problems.append(
                Problem(
                    display_path(m.path),
                    None,
                    say("module_number_twice", number=m.meta.number, other=numbers[m.meta.number].folder),
                )
            )
        numbers[m.meta.number] = m
    if problems:
        raise CourseError(problems)
    return sorted(modules, key=lambda m: m.meta.number)


def course_modules(settings: Settings) -> list[Module]:
    """The course's modules, loaded once per build."""
    banks = course_banks(settings)
    return cached(
        lambda d: load_modules(d, banks),
        settings.modules,
        ("*/module.yml", "*/*.md"),
        extra=("modules", tuple(sorted(banks))),
    )  # a bank added or removed changes what modules may use


def scenario_entry(settings: Settings, m: Module) -> dict:
    """The module's scenario as «Min fremdrift» shows it: id, version, page, its endings (the good
    ones apart) and whether completing the module needs a good ending."""
    from ..scenario.scenarios import course_scenarios

    if m.scenario is None:
        return {}
    scenario_id, page = m.scenario
    loaded = course_scenarios(settings).get(scenario_id)
    if loaded is None:  # reported by the build at the page's line
        return {}
    endings = [n for n in loaded.scenario.nodes if n.ending]
    return {
        "scenario": {
            "id": scenario_id,
            "hash": loaded.scenario.content_hash(),
            "url": settings.url(f"{settings.modules_url}{m.folder}/{page}"),
            "endings": [n.id for n in endings],
            "good": [n.id for n in endings if n.ending == "good"],
            "required": m.meta.scenario_required,
        }
    }


def learning_pages(settings: Settings, module: Module) -> list[str]:
    """The module's learning pages in the learner's order, relative to docs_dir: as `nav` lists
    them; without a nav, the front page first, the quiz last, the others by name between."""
    prefix = f"{settings.modules_url}{module.folder}/"
    own = {prefix + name for name in module.pages}
    listed = [p for p in settings.nav if p in own]
    if listed:
        return listed
    first, last = prefix + "index.md", prefix + module.quiz_page
    middle = sorted(own - {first, last})
    return ([first] if first in own else []) + middle + ([last] if last in own else [])


def version_key(version: str) -> tuple[int, ...]:
    """A version ("1.10") as numbers, so that "1.10" comes after "1.9"."""
    return tuple(int(part) for part in version.split("."))


def completion_rule(m: Module) -> dict:
    """What the learner record needs to judge a pass of this module (record.js's passStanding): the
    current version, and, when a change is marked `retake: true`, the newest such change's version
    and date: a pass earned before it no longer completes the module (one from a record without a
    version is judged by its date). The site's manifest and the SCORM launch page both carry it."""
    rule: dict = {"version": m.meta.version}
    marked = [c for c in m.meta.changes if c.retake]
    if marked:
        newest = max(marked, key=lambda c: version_key(c.version))
        rule["retake"] = {"version": newest.version, "date": newest.date.isoformat()}
    return rule


def manifest(settings: Settings, modules: list[Module]) -> dict:
    """What the browser needs to know about the course; addresses are relative to the site root.

    A draft module (`status: draft`, seen only in a preview: the publishing build refuses drafts) is
    left out, so it counts neither in the progress nor for the certificate."""
    banks = course_banks(settings)
    prefix = settings.modules_url
    return {
        "modules": [
            {
                "id": m.folder,
                "n": m.meta.number,
                "title": m.meta.title,
                "dir": f"{prefix}{m.folder}/",
                "url": settings.url(f"{prefix}{m.folder}/index.md"),
                "quiz": settings.url(f"{prefix}{m.folder}/{m.quiz_page}"),
                "bank": m.meta.bank,
                "hash": banks[m.meta.bank].bank.content_hash(),
                **completion_rule(m),
                **scenario_entry(settings, m),
                # Where «Fortsett der du slapp» may lead: the learning pages, in order.
                "pages": [settings.url(p) for p in learning_pages(settings, m)],
            }
            for m in modules
            if not m.meta.draft
        ],
        "progress": settings.url(settings.course.progress_page),
        "certificate": settings.url(settings.course.certificate_page),
        "changes": settings.url(settings.course.changes_page),
        "title": settings.title,
        "publisher": settings.publisher,
        "lang": settings.language,
    }
