"""`krisesenterkurs check`: the course checked without building, one line per problem.

`check(publish=True)` (`check --publish`) is the publishing build's check: a
draft module, or content changed since the last publication without a new
version (see authoring.lock), is then an error instead of a warning.

`build_problems` is what a build cannot go on without (no course file linked
from outside the project, every bank, module and the glossary valid, every
bank placed); the MkDocs plugin runs it before any
page is built, and the scripts run `check` before `zensical build`, which runs
no plugin. `check` adds what an editor should fix before publishing: links,
unused terms, leftover scaffold text, figures (`figures.py`), the schema file.
"""

from __future__ import annotations

import datetime
import json
import os
import re
from pathlib import Path

from ..core.errors import CourseError, Problem
from ..core.say import say
from ..core.settings import Settings
from ..core.symlinks import outside_links
from ..core.yamlfile import display_path
from ..course.glossary import abbreviations, course_glossary, load_glossary, marked_terms
from ..course.modules import SCHEMA_FILE as MODULE_SCHEMA_FILE
from ..course.modules import course_modules, load_modules, module_json_schema
from ..quiz.banks import course_banks, load_banks, unknown_banks, unused_banks
from ..quiz.itemwriting import item_flaws
from ..quiz.learnmore import learn_more_problems
from ..quiz.schema import bank_json_schema
from ..scenario.scenarios import SCHEMA_FILE as SCENARIO_SCHEMA_FILE
from ..scenario.scenarios import course_scenarios, placement_problems
from ..scenario.schema import scenario_json_schema
from .figures import figure_problems
from .lock import lock_problems

QUIZ_EXTENSION = "krisesenterkurs.quiz"
GLOSSARY_EXTENSION = "krisesenterkurs.glossary"
PLACEHOLDER = re.compile(r"Skriv [^\n]{0,60}? her")
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
SCHEMA_FILE = "bank.schema.json"
SCHEMA_LINE = f"# yaml-language-server: $schema={SCHEMA_FILE}"


def _schemas(settings: Settings):
    """(folder, schema file, its JSON Schema) for each kind of course file editors write in YAML."""
    return [
        (settings.quizzes, SCHEMA_FILE, bank_json_schema),
        (settings.scenarios, SCENARIO_SCHEMA_FILE, scenario_json_schema),
        (settings.modules, MODULE_SCHEMA_FILE, module_json_schema),
    ]


def write_schema(settings: Settings) -> list:
    """Write each folder's JSON Schema (banks, scenarios) from the models the build validates with."""
    written = []
    for folder, name, schema in _schemas(settings):
        if folder.is_dir() or folder == settings.quizzes:
            target = folder / name
            target.write_text(json.dumps(schema(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            written.append(target)
    return written


def build_problems(settings: Settings, extensions: set[str] | None = None) -> list[Problem]:
    """What stops a build: a course file linked from outside the project (core.symlinks), invalid banks,
    modules or glossary, a bank no page places."""
    problems: list[Problem] = []
    if extensions is not None and QUIZ_EXTENSION not in extensions:
        problems.append(
            Problem(
                display_path(settings.config_file),
                None,
                say("needs_quiz_extension", extension=QUIZ_EXTENSION),
            )
        )
    outside = outside_links(settings)
    if outside:
        # Nothing is read through such a link: it could lead anywhere (a huge file, /dev/zero), and the
        # other checks would only report on files that are not the course's.
        return problems + outside
    banks = None
    try:
        # Loaded once per build: the pages' extensions take the same banks from the cache.
        banks = course_banks(settings)
    except CourseError as e:
        problems.extend(e.problems)
    if settings.modules.is_dir() and not settings.modules.resolve().is_relative_to(settings.docs.resolve()):
        problems.append(
            Problem(
                display_path(settings.modules),
                None,
                say("modules_outside_docs", docs=display_path(settings.docs)),
            )
        )
    if banks is not None:
        problems.extend(unknown_banks(settings, banks))
        if settings.modules.is_dir():
            try:
                course_modules(settings)
            except CourseError as e:
                problems.extend(e.problems)
        problems.extend(unused_banks(settings, banks))
        problems.extend(learn_more_problems(settings, banks))
    elif settings.modules.is_dir():
        # The banks have mistakes of their own; the modules' files are still checked, without
        # the checks that need the banks, so every mistake is listed in one run.
        try:
            load_modules(settings.modules, None)
        except CourseError as e:
            problems.extend(e.problems)
    if settings.glossary.exists():
        try:
            course_glossary(settings)
        except CourseError as e:
            problems.extend(e.problems)
    elif GLOSSARY_EXTENSION in dict(settings.markdown_extensions):
        problems.append(
            Problem(
                display_path(settings.glossary),
                None,
                say("glossary_missing", extension=GLOSSARY_EXTENSION),
            )
        )
    try:
        scenarios = course_scenarios(settings)
        problems.extend(placement_problems(settings, scenarios))
    except CourseError as e:
        problems.extend(e.problems)
    return problems


def _links(settings: Settings) -> list[Problem]:
    problems = []
    pages = settings.pages()
    docs_paths = {virtual for _, virtual in pages}
    for path, virtual in pages:
        in_fence = False
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.lstrip().startswith(("```", "~~~")):
                in_fence = not in_fence
            if in_fence:
                continue
            for target in LINK.findall(line):
                if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
                    continue  # web addresses, mail and anchors on the same page
                file_part = target.split("#", 1)[0]
                if not file_part.endswith(".md"):
                    continue
                resolved = os.path.normpath(os.path.join(os.path.dirname(virtual), file_part)).replace(os.sep, "/")
                if resolved not in docs_paths:
                    problems.append(
                        Problem(
                            display_path(path),
                            number,
                            say("link_no_page", target=target),
                        )
                    )
    return problems


def _glossary_use(settings: Settings) -> list[Problem]:
    marked = marked_terms(settings)
    problems = []
    for term in load_glossary(settings.glossary):
        if not set(abbreviations([term])) & marked:
            problems.append(
                Problem(
                    display_path(settings.glossary),
                    None,
                    say("term_unused", term=term.term),
                )
            )
    return problems


def _draft_files(settings: Settings) -> set[Path]:
    """The pages, module.yml and bank of every draft module: placeholder text there is still to write."""
    try:
        modules = load_modules(settings.modules, load_banks(settings.quizzes, settings.pass_mark))
    except CourseError:
        return set()
    files: set[Path] = set()
    for m in modules:
        if m.meta.draft:
            files |= {p.resolve() for p in m.path.parent.glob("*.md")} | {m.path.resolve()}
            files.add((settings.quizzes / f"{m.meta.bank}.yml").resolve())
    return files


def _drafts(settings: Settings) -> list[Problem]:
    """A draft module cannot be published: one line per draft, at its 'status' line."""
    problems = []
    try:
        modules = load_modules(settings.modules, load_banks(settings.quizzes, settings.pass_mark))
    except CourseError:
        return []  # reported by build_problems
    for m in modules:
        if m.meta.draft:
            lines = m.path.read_text(encoding="utf-8").splitlines()
            line = next((n for n, text in enumerate(lines, 1) if text.startswith("status:")), None)
            problems.append(
                Problem(
                    display_path(m.path),
                    line,
                    say("module_draft"),
                )
            )
    return problems


def _placeholders(settings: Settings) -> tuple[list[Problem], list[Problem]]:
    """(problems, warnings): text from 'new-module' in a published file is a problem; in a draft
    module's files it is the list of what is still to write."""
    problems: list[Problem] = []
    warnings: list[Problem] = []
    drafts = _draft_files(settings)
    files = (
        [p for p, _ in settings.pages()]
        + sorted(settings.quizzes.glob("*.yml"))
        + sorted(settings.modules.glob("*/module.yml"))
    )
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if PLACEHOLDER.search(line):
                (warnings if path.resolve() in drafts else problems).append(
                    Problem(
                        display_path(path),
                        number,
                        say("placeholder_left"),
                    )
                )
    return problems, warnings


def check(
    settings: Settings, today: datetime.date | None = None, publish: bool = False
) -> tuple[list[Problem], list[Problem]]:
    """(problems, warnings). Problems make the course unfit to publish; warnings ask for attention.

    `publish`: the publishing build's check. A draft module, and content changed since the last
    publication without a new version, are problems then; otherwise a draft is fine (the preview
    marks it) and an unversioned change is a warning."""
    today = today or datetime.date.today()
    outside = outside_links(settings)
    if outside:
        return outside, []  # the checks below would read the files the links lead to
    problems = build_problems(settings)
    warnings: list[Problem] = []
    problems.extend(_links(settings))
    if settings.glossary.exists():
        try:
            problems.extend(_glossary_use(settings))
        except CourseError:
            pass  # already reported above
    placeholders, unwritten = _placeholders(settings)
    problems.extend(placeholders)
    warnings.extend(unwritten)
    problems.extend(figure_problems(settings))
    if publish:
        problems.extend(_drafts(settings))
    for folder, name, schema in _schemas(settings):
        if not folder.is_dir():
            continue
        target = folder / name
        if not target.exists() or json.loads(target.read_text(encoding="utf-8")) != schema():
            kind = {SCHEMA_FILE: "bank", MODULE_SCHEMA_FILE: "module"}.get(name, "scenario")
            problems.append(
                Problem(
                    display_path(target),
                    None,
                    say(f"schema_stale_{kind}"),
                )
            )
        line = f"# yaml-language-server: $schema={name}"
        for path in sorted(folder.glob("*.yml")):
            if not path.read_text(encoding="utf-8").startswith(line):
                warnings.append(
                    Problem(
                        display_path(path),
                        1,
                        say("schema_line_missing", line=line),
                    )
                )
    try:
        for loaded in course_banks(settings).values():
            warnings.extend(item_flaws(loaded.bank, loaded.path))
    except CourseError:
        pass  # already reported above
    try:
        banks = load_banks(settings.quizzes, settings.pass_mark)
        modules = load_modules(settings.modules, banks)
        (problems if publish else warnings).extend(lock_problems(settings, modules, banks))
        for module in modules:
            if module.meta.review_by < today:
                warnings.append(
                    Problem(
                        display_path(module.path),
                        None,
                        say("review_due", date=module.meta.review_by.isoformat()),
                    )
                )
    except CourseError:
        pass
    return problems, warnings
