"""Python-Markdown extension: module versions for learners and editors.

    /// module-info | mandat        «Versjon 1.2 · Sist oppdatert 3. mars 2027» on a module's page
    ///

    /// changelog                   «Hva er nytt»: every module's changes, newest first
    ///

Both come from the modules' module.yml files, so a version is written once.

Every page of a draft module (`status: draft`, which only a preview shows: the
publishing build refuses drafts) gets an «Utkast» notice under its heading.
"""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from ..core.errors import CourseError, Problem
from ..core.extension import course_options
from ..core.page import current_page, docs_path
from ..core.say import say
from ..core.settings import current
from ..core.strings import table
from .modules import course_modules

MONTHS = {
    "nb": [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ],
    "nn": [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


def long_date(day: datetime.date, lang: str) -> str:
    month = MONTHS[lang][day.month - 1]
    return f"{day.day} {month} {day.year}" if lang == "en" else f"{day.day}. {month} {day.year}"


class ModuleInfoBlock(Block):
    NAME = "module-info"
    ARGUMENT = True
    OPTIONS: dict = {}

    def on_create(self, parent):
        settings = current(self.config["config_file"])
        modules = {m.folder: m for m in course_modules(settings)}
        module = modules.get(self.argument.strip())
        if module is None:
            raise CourseError(
                Problem(
                    current_page(self.md),
                    None,
                    say("module_info_unknown", name=self.argument.strip(), known=", ".join(sorted(modules))),
                )
            )
        lang = settings.language
        words = table(lang)
        p = etree.SubElement(parent, "p", {"class": "kk-module-info"})
        p.text = AtomicString(
            words["module_version"].format(version=module.meta.version)
            + " · "
            + words["module_updated"].format(date=long_date(module.meta.updated, lang))
        )
        return p


class ChangelogBlock(Block):
    NAME = "changelog"
    ARGUMENT = False
    OPTIONS: dict = {}

    def on_create(self, parent):
        settings = current(self.config["config_file"])
        modules = course_modules(settings)
        words = table(settings.language)
        entries = sorted(
            ((c, m) for m in modules for c in m.meta.changes),
            key=lambda cm: (cm[0].date, cm[1].meta.number),
            reverse=True,
        )
        holder = etree.SubElement(parent, "div", {"class": "kk-changelog"})
        shown = None
        for change, module in entries:
            if change.date != shown:
                shown = change.date
                h = etree.SubElement(holder, "h2", {"id": f"endringer-{change.date.isoformat()}"})
                h.text = AtomicString(long_date(change.date, settings.language))
                ul = etree.SubElement(holder, "ul")
            li = etree.SubElement(ul, "li")
            strong = etree.SubElement(li, "strong")
            strong.text = AtomicString(
                f"{module.meta.number} {module.meta.title}, "
                + words["module_version"].format(version=change.version).lower()
                + ":"
            )
            strong.tail = AtomicString(" " + change.text + (" " if change.retake else ""))
            if change.retake:  # a change that takes an earned pass away says so where it is listed
                em = etree.SubElement(li, "em", {"class": "kk-changelog__retake"})
                em.text = AtomicString(words["changelog_retake"])
        return holder


class DraftTreeprocessor(Treeprocessor):
    """The «Utkast» notice on every page of a draft module, under the page's heading."""

    def __init__(self, md, config_file: str):
        super().__init__(md)
        self.config_file = config_file

    def run(self, root):
        path = docs_path(self.md)
        if path is None:
            return
        settings = current(self.config_file)
        prefix = settings.modules_url
        folder = path[len(prefix) :].split("/", 1)[0] if path.startswith(prefix) and "/" in path[len(prefix) :] else ""
        if not folder:
            return
        module = next((m for m in course_modules(settings) if m.folder == folder), None)
        if module is None or not module.meta.draft:
            return
        words = table(settings.language)
        notice = etree.Element("div", {"class": "admonition warning kk-draft", "role": "note"})
        title = etree.SubElement(notice, "p", {"class": "admonition-title"})
        title.text = AtomicString(words["draft_title"])
        text = etree.SubElement(notice, "p")
        text.text = AtomicString(words["draft_notice"])
        heading = next((i for i, child in enumerate(root) if child.tag == "h1"), None)
        root.insert(0 if heading is None else heading + 1, notice)


class VersionsExtension(BlocksExtension):
    def __init__(self, *args, **kwargs):
        self.config = course_options()
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md, block_mgr) -> None:
        config = self.getConfigs()
        md.treeprocessors.register(DraftTreeprocessor(md, config["config_file"]), "kk_draft_notice", 2)
        block_mgr.register(ModuleInfoBlock, config)
        block_mgr.register(ChangelogBlock, config)


def makeExtension(*args, **kwargs):
    return VersionsExtension(*args, **kwargs)
