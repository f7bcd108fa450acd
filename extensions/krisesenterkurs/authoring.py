"""What the author commands do: check the course without building, scaffold a module,
write the banks' JSON Schema, and package a built site.

The command line (cli.py) only parses arguments and prints; everything here
returns data, so it can be tested directly.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass

import yaml
from pathlib import Path

from .course import load_modules
from .errors import CourseError, Problem
from .glossary import load_glossary
from .loader import display_path, load_banks
from .schema import bank_json_schema

PLACEHOLDER = re.compile(r"Skriv [^\n]{0,60}? her")
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
SCHEMA_FILE = "bank.schema.json"
SCHEMA_LINE = f"# yaml-language-server: $schema={SCHEMA_FILE}"


class _IgnoreTags(yaml.SafeLoader):
    """Reads mkdocs.yml for plain values, skipping MkDocs' own tags such as !ENV and !relative."""


_IgnoreTags.add_multi_constructor("!", lambda loader, suffix, node: None)


@dataclass
class Project:
    root: Path

    @property
    def docs(self) -> Path:
        return self.root / "course"

    @property
    def modules(self) -> Path:
        return self.root / "modules"

    @property
    def banks(self) -> Path:
        return self.root / "quizzes"

    @property
    def glossary(self) -> Path:
        return self.root / "glossary.yml"

    def pages(self) -> list[tuple[Path, str]]:
        """Every Markdown page with its path inside the site's docs folder (modules appear under moduler/)."""
        out = [(p, p.relative_to(self.docs).as_posix()) for p in sorted(self.docs.glob("*.md"))]
        out += [(p, "moduler/" + p.relative_to(self.modules).as_posix()) for p in sorted(self.modules.glob("*/*.md"))]
        return out


def write_schema(project: Project) -> Path:
    target = project.banks / SCHEMA_FILE
    target.write_text(json.dumps(bank_json_schema(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return target


def _links(project: Project) -> list[Problem]:
    problems = []
    docs_paths = {virtual for _, virtual in project.pages()}
    for path, virtual in project.pages():
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
                    problems.append(Problem(display_path(path), number, f"the link to '{target}' leads to no page. "
                                            "Fix: correct the path (relative to this page) or create the page."))
    return problems


def _glossary_use(project: Project) -> list[Problem]:
    text = "\n".join(p.read_text(encoding="utf-8") for p, _ in project.pages())
    problems = []
    for term in load_glossary(project.glossary):
        forms = (term.term, *term.forms)
        if not any(re.search(rf"\b{re.escape(f)}\b", text, re.IGNORECASE) for f in forms):
            problems.append(Problem(display_path(project.glossary), None, f"the term '{term.term}' is used on no page. "
                                    "Fix: use it in the course, add the form that is used under 'forms', or remove it."))
    return problems


def _placeholders(project: Project) -> list[Problem]:
    problems = []
    files = [p for p, _ in project.pages()] + sorted(project.banks.glob("*.yml")) + sorted(project.modules.glob("*/module.yml"))
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if PLACEHOLDER.search(line):
                problems.append(Problem(display_path(path), number, "the text from 'new-module' is still here. "
                                        "Fix: write the real text."))
    return problems


def check(project: Project, today: datetime.date | None = None) -> tuple[list[Problem], list[Problem]]:
    """(problems, warnings). Problems make the course unfit to publish; warnings ask for attention."""
    today = today or datetime.date.today()
    problems: list[Problem] = []
    warnings: list[Problem] = []
    for step in (lambda: load_banks(project.banks), lambda: load_modules(project.modules, project.banks),
                 lambda: load_glossary(project.glossary)):
        try:
            step()
        except CourseError as e:
            problems.extend(e.problems)
    problems.extend(_links(project))
    try:
        problems.extend(_glossary_use(project))
    except CourseError:
        pass  # already reported above
    problems.extend(_placeholders(project))
    schema = project.banks / SCHEMA_FILE
    if not schema.exists() or json.loads(schema.read_text(encoding="utf-8")) != bank_json_schema():
        problems.append(Problem(display_path(schema), None, "the JSON Schema does not match the bank rules. "
                                "Fix: run 'krisesenterkurs schema'."))
    for bank in sorted(project.banks.glob("*.yml")):
        if not bank.read_text(encoding="utf-8").startswith(SCHEMA_LINE):
            warnings.append(Problem(display_path(bank), 1, f"editors get no checking as they type. "
                                    f"Fix: make '{SCHEMA_LINE}' the first line."))
    try:
        for module in load_modules(project.modules, project.banks):
            if module.meta.review_by < today:
                warnings.append(Problem(display_path(module.path), None,
                                        f"the module was due for review on {module.meta.review_by.isoformat()}. "
                                        "Fix: review it, then set a new 'review_by'."))
    except CourseError:
        pass
    return problems, warnings


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

Skriv veiledningen her: mål, forberedelse, agenda for 90 minutter og 3 timer, diskusjonsspørsmål, caseøvelse, quizen i gruppen, avslutning og omsorg for deltakerne.
""",
    "utdelingsark.md": """# Utdelingsark: {title}

Utdelingsark til workshop om modul {number} i kurset «Krisesentertilbudet i kommunene» fra RVTS Sør.

<p class="kk-handout__download"><a class="md-button" href="utdelingsark-{folder}.pdf" download>Last ned utdelingsarket som PDF</a> eller skriv ut denne siden.</p>

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


def new_module(project: Project, title: str, folder: str | None = None, editor: str = "RVTS Sør",
               today: datetime.date | None = None) -> list[Path]:
    """Scaffold a module folder, its module.yml, its pages and a bank, and add it to the navigation."""
    today = today or datetime.date.today()
    folder = folder or slug(title)
    if not folder or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", folder):
        raise CourseError(Problem("new-module", None, f"'{folder}' is not a usable folder name. "
                                  "Fix: give --folder with lower-case letters, digits and hyphens."))
    target = project.modules / folder
    bank_file = project.banks / f"{folder}.yml"
    for existing in (target, bank_file):
        if existing.exists():
            raise CourseError(Problem(display_path(existing), None, "already exists. Fix: choose another title or --folder."))
    numbers = [m.meta.number for m in load_modules(project.modules, project.banks)]
    number = max(numbers, default=0) + 1
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    marker = "  - Workshop:\n"
    if marker not in text:
        raise CourseError(Problem(display_path(config), None, "cannot find where the modules end in 'nav' "
                                  "(the line '  - Workshop:'). Fix: add the module to nav by hand."))
    pages = ["index", "case", "oppsummering", "quiz"]
    entry = f'      - "{number} {title}":\n' + "".join(f"          - moduler/{folder}/{p}.md\n" for p in pages)
    guide = f"      - moduler/{folder}/workshopleder.md\n"
    text = text.replace(marker, entry + marker, 1)
    workshop_end = text.index(marker) + len(marker)
    rest = text[workshop_end:]
    block_len = len(re.match(r"(?:      - .*\n)*", rest).group(0))
    text = text[:workshop_end] + rest[:block_len] + guide + rest[block_len:]
    values = {"title": title, "folder": folder, "bank": folder, "number": number, "schema_line": SCHEMA_LINE}
    target.mkdir(parents=True)
    written = []
    (target / "module.yml").write_text(
        "# Module metadata: the one place for this module's title, order, quiz, version and review date.\n"
        f"title: {json.dumps(title, ensure_ascii=False)}\nnumber: {number}\nbank: {folder}\nversion: \"0.1\"\n"
        f"updated: {today.isoformat()}\nreview_by: {today.replace(year=today.year + 1).isoformat()}\n"
        f"editor: {json.dumps(editor, ensure_ascii=False)}\nchanges:\n  - version: \"0.1\"\n"
        f"    date: {today.isoformat()}\n    text: Utkast laget.\n", encoding="utf-8")
    written.append(target / "module.yml")
    for name, template in MODULE_FILES.items():
        (target / name).write_text(template.format(**values), encoding="utf-8")
        written.append(target / name)
    bank_file.write_text(BANK.format(**values), encoding="utf-8")
    written.append(bank_file)
    config.write_text(text, encoding="utf-8")
    written.append(config)
    return written


def build_site(project: Project, dest: Path, *, directory_urls: bool, site_url: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url,
           "DIRECTORY_URLS": "true" if directory_urls else "false"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(dest)],
                          cwd=project.root, env=env, capture_output=True, text=True)


def zip_folder(folder: Path, target: Path, extra: dict[str, bytes] | None = None) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(folder).as_posix())
    return target


def _build_flat(project: Project, site: Path, pdfs: bool) -> None:
    """A site that works from a folder or inside an LMS, with its PDFs unless told otherwise."""
    result = build_site(project, site, directory_urls=False)
    if result.returncode != 0:
        raise CourseError(Problem("mkdocs build", None, result.stderr.strip() or "the build failed. "
                                  "Fix: run 'krisesenterkurs check' and correct what it reports."))
    if pdfs:
        from .printing import make_pdfs

        make_pdfs(site)


def package(project: Project, target: Path, pdfs: bool = True) -> Path:
    """The built site as a zip that runs from a folder (index.html) or any static web server."""
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        _build_flat(project, site, pdfs)
        return zip_folder(site, target)


def scorm_course(project: Project) -> dict:
    """What the launch page needs: modules in order, and each bank's questions (id and content hash)."""
    banks = load_banks(project.banks)
    modules = load_modules(project.modules, project.banks)
    ordered = [m.meta.bank for m in modules] + sorted(set(banks) - {m.meta.bank for m in modules})
    return {
        "modules": [{"id": m.folder, "bank": m.meta.bank, "hash": banks[m.meta.bank].bank.content_hash()} for m in modules],
        "banks": [{"id": b, "hash": banks[b].bank.content_hash(),
                   "questions": [[q.id, q.content_hash()] for q in banks[b].bank.questions]} for b in ordered],
    }


def imsmanifest(title: str, files: list[str]) -> bytes:
    """A SCORM 1.2 manifest: one organization, one item, one SCO resource listing every file."""
    import xml.etree.ElementTree as etree

    ns = {"": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
          "xsi": "http://www.w3.org/2001/XMLSchema-instance"}
    for prefix, uri in ns.items():
        etree.register_namespace(prefix, uri)
    cp, adlcp, xsi = (f"{{{ns['']}}}", f"{{{ns['adlcp']}}}", f"{{{ns['xsi']}}}")
    manifest = etree.Element(cp + "manifest", {"identifier": "krisesenterkurs", "version": "1.0", xsi + "schemaLocation": (
        "http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd "
        "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd "
        "http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd")})
    metadata = etree.SubElement(manifest, cp + "metadata")
    etree.SubElement(metadata, cp + "schema").text = "ADL SCORM"
    etree.SubElement(metadata, cp + "schemaversion").text = "1.2"
    organizations = etree.SubElement(manifest, cp + "organizations", {"default": "krisesenterkurs-org"})
    organization = etree.SubElement(organizations, cp + "organization", {"identifier": "krisesenterkurs-org"})
    etree.SubElement(organization, cp + "title").text = title
    item = etree.SubElement(organization, cp + "item", {"identifier": "krisesenterkurs-item",
                                                        "identifierref": "krisesenterkurs-sco", "isvisible": "true"})
    etree.SubElement(item, cp + "title").text = title
    resources = etree.SubElement(manifest, cp + "resources")
    resource = etree.SubElement(resources, cp + "resource", {"identifier": "krisesenterkurs-sco", "type": "webcontent",
                                                            adlcp + "scormtype": "sco", "href": "scorm.html"})
    for name in files:
        etree.SubElement(resource, cp + "file", {"href": name})
    etree.indent(manifest)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(manifest, encoding="utf-8")


def scorm(project: Project, target: Path, pdfs: bool = True) -> Path:
    """The course as one SCORM 1.2 SCO: the launch page scorm.html, the site, and imsmanifest.xml."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    from .strings import normalise

    here = Path(__file__).with_name("scorm")
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        _build_flat(project, site, pdfs)

        config = yaml.load((project.root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)
        title = config.get("site_name", "Kurs")
        env = Environment(loader=FileSystemLoader(here), autoescape=select_autoescape(default=True))
        launch = env.get_template("launch.html").render(
            title=title, lang=normalise((config.get("theme") or {}).get("language")),
            course_json=json.dumps(scorm_course(project), ensure_ascii=False).replace("<", "\\u003c"),
            script=(here / "launch.js").read_text(encoding="utf-8"),
        )
        (site / "scorm.html").write_text(launch, encoding="utf-8")
        files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
        return zip_folder(site, target, {"imsmanifest.xml": imsmanifest(title, files)})
