"""Python-Markdown extension: module versions for learners and editors.

    /// module-info | mandat        «Versjon 1.2 · Sist oppdatert 3. mars 2027» on a module's page
    ///

    /// changelog                   «Hva er nytt»: every module's changes, newest first
    ///

Both come from the modules' module.yml files, so a version is written once.
"""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as etree

from markdown.util import AtomicString
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from ..core.errors import CourseError, Problem
from ..core.extension import course_options
from ..core.page import current_page
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
                    f"'/// module-info' names no module "
                    f"'{self.argument.strip()}'. Fix: use one of: {', '.join(sorted(modules))}.",
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
            strong.tail = AtomicString(" " + change.text)
        return holder


class VersionsExtension(BlocksExtension):
    def __init__(self, *args, **kwargs):
        self.config = course_options()
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md, block_mgr) -> None:
        config = self.getConfigs()
        block_mgr.register(ModuleInfoBlock, config)
        block_mgr.register(ChangelogBlock, config)


def makeExtension(*args, **kwargs):
    return VersionsExtension(*args, **kwargs)
