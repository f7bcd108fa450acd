"""Python-Markdown extension: the learner's progress across the course.

Every page gets a hidden element carrying the course manifest (modules, their
addresses, each quiz's bank and content hash) and the progress words in the
page's language; `progress.js` reads it to mark finished modules in the
navigation, show a compact indicator, and remember the last page. Three blocks
place the larger views:

    /// progress        the «Min fremdrift» overview, with export, import and reset
    ///

    /// resume          «Fortsett der du slapp» on the front page
    ///

    /// certificate     the course certificate (kursbevis)
    ///

    /// move            «Flytt til en annen enhet»: the learner's progress as a link and a QR code
    ///                 (on «Min fremdrift»; it also reads such a link when opened)
    ///

    /// course-time     «Hele kurset tar ca. … timer. Hver modul tar ca. …–… minutter.» (or, with
    ///                 `| modules`, only the modules' sentence), from course/orientation.py
    ///

Every learning page of a module also gets «Side 3 av 9 · ca. 6 min» under its heading, and the
module's first page «Sidene i modulen» (each page, its minutes and, drawn by progress.js, whether
the learner has read it) before its first section.
"""

from __future__ import annotations

import json
import posixpath
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
from ..quiz.banks import course_banks
from .modules import course_modules, manifest
from .orientation import course_hours, course_times, module_range, page_place, rounded

PROGRESS_WORDS = (
    "progress_label",
    "indicator",
    "indicator_short",
    "status_not_started",
    "status_started",
    "status_completed",
    "module",
    "status",
    "best",
    "latest",
    "practice",
    "practice_endings",
    "practice_required",
    "next",
    "start_module",
    "continue_module",
    "take_quiz",
    "review_module",
    "outdated",
    "older_version",
    "status_retake",
    "updated_since_pass",
    "retake_needed",
    "changes_link",
    "result_passed",
    "result_failed",
    "no_result",
    "resume",
    "resume_none",
    "resume_next",
    "resume_module",
    "resume_page",
    "resume_done",
    "resume_certificate",
    "completed_mark",
    "export",
    "import",
    "import_label",
    "imported",
    "import_failed",
    "import_summary",
    "import_lost",
    "import_question",
    "import_yes",
    "import_cancelled",
    "move_title",
    "move_intro",
    "move_warning",
    "move_warning_name",
    "move_show",
    "move_link_label",
    "move_copy",
    "move_copied",
    "move_copy_failed",
    "move_qr_alt",
    "move_qr_missing",
    "move_incoming",
    "move_summary",
    "move_keeps",
    "move_question",
    "move_yes",
    "move_done",
    "move_cancelled",
    "move_failed",
    "move_no_storage",
    "reset",
    "reset_confirm",
    "reset_yes",
    "reset_no",
    "reset_done",
    "certificate_remaining",
    "certificate_name",
    "certificate_print",
    "certificate_title",
    "certificate_intro",
    "certificate_completed",
    "certificate_publisher",
    "certificate_modules",
    "certificate_no_date",
    "certificate_version",
    "certificate_hours",
    "certificate_certifies",
    "course_done",
    "progress_no_storage",
    "storage_unreadable",
    "present",
    "present_help",
    "page_seen",
    "page_unseen",
    "slides",
    "slides_help",
    "slide_of",
    "slide_previous",
    "slide_next",
    "slide_exit",
)


def _page_title(settings, path: str) -> str:
    """A page's own heading (its first `# ` line), else its file name."""
    for line in (settings.docs / path).read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return path.rsplit("/", 1)[-1]


class OrientationTreeprocessor(Treeprocessor):
    """«Side N av M · ca. X min» on a module's learning pages, «Sidene i modulen» on its first."""

    def __init__(self, md, config_file: str):
        super().__init__(md)
        self.config_file = config_file

    def run(self, root):
        path = docs_path(self.md)
        if path is None:  # no engine said which page this is
            return
        settings = current(self.config_file)
        place = page_place(settings, path)
        if place is None:
            return
        times, index = place
        words = table(settings.language)
        line = etree.Element("p", {"class": "kk-orientation"})
        line.text = AtomicString(
            format_words(words["orientation"], n=index + 1, total=len(times.pages), minutes=times.minutes[index])
        )
        children = list(root)
        heading = next((i for i, child in enumerate(children) if child.tag == "h1"), None)
        root.insert(0 if heading is None else heading + 1, line)
        if index == 0:
            first_section = next((i for i, child in enumerate(root) if child.tag == "h2"), len(root))
            root.insert(first_section, self.module_pages(settings, times, words, path))

    def module_pages(self, settings, times, words, here: str) -> etree.Element:
        box = etree.Element(
            "nav", {"class": "kk-pages", "data-kk": "module-pages", "aria-labelledby": "kk-pages-title"}
        )
        title = etree.SubElement(box, "p", {"class": "kk-pages__title", "id": "kk-pages-title"})
        title.text = AtomicString(words["module_pages_title"])
        total = etree.SubElement(box, "p", {"class": "kk-pages__total"})
        total.text = AtomicString(format_words(words["module_pages_total"], minutes=rounded(times.total)))
        items = etree.SubElement(box, "ol", {"class": "kk-pages__list"})
        for page, minutes in zip(times.pages, times.minutes, strict=True):
            item = etree.SubElement(items, "li", {"data-page": settings.url(page)})
            # A link to the page's source, as a Markdown link is: both engines make it the page's address.
            link = etree.SubElement(item, "a", {"href": posixpath.relpath(page, posixpath.dirname(here))})
            link.text = AtomicString(_page_title(settings, page))
            link.tail = AtomicString(" ")
            time = etree.SubElement(item, "span", {"class": "kk-pages__time"})
            time.text = AtomicString("(" + format_words(words["page_minutes"], minutes=minutes) + ")")
            time.tail = AtomicString(" ")
            # Filled in by progress.js («lest» / «ikke lest»): only the browser knows what was read.
            etree.SubElement(item, "span", {"class": "kk-pages__status"})
        return box


def format_words(template: str, **values) -> str:
    for key, value in values.items():
        template = template.replace("{" + key + "}", str(value))
    return template


def hours_text(hours: float, language: str) -> str:
    text = f"{hours:g}"
    return text if language == "en" else text.replace(".", ",")


class ManifestTreeprocessor(Treeprocessor):
    def __init__(self, md, config_file: str):
        super().__init__(md)
        self.config_file = config_file

    def run(self, root):
        settings = current(self.config_file)
        # The certificate's «Omfang» is the reading time the pages add up to, as on the front page.
        hours = hours_text(course_hours(settings), settings.language)
        data = json.dumps({**manifest(settings, course_modules(settings)), "hours": hours}, ensure_ascii=False)
        words = table(settings.language)
        ui = json.dumps({k: words[k] for k in PROGRESS_WORDS}, ensure_ascii=False)
        etree.SubElement(
            root, "div", {"class": "kk-course", "hidden": "hidden", "data-course": data, "data-strings": ui}
        )


class _Placeholder(Block):
    """A container the script fills; without JavaScript it says what is missing."""

    ARGUMENT = False
    OPTIONS: dict = {}
    KIND = ""

    def on_create(self, parent):
        holder = etree.SubElement(parent, "div", {"class": f"kk-{self.KIND}", "data-kk": self.KIND})
        noscript = etree.SubElement(holder, "noscript")
        p = etree.SubElement(noscript, "p")
        p.text = AtomicString(table(current(self.config["config_file"]).language)["needs_javascript"])
        return holder


class ProgressBlock(_Placeholder):
    NAME = KIND = "progress"


class ResumeBlock(_Placeholder):
    NAME = KIND = "resume"


class CertificateBlock(_Placeholder):
    NAME = KIND = "certificate"


class MoveBlock(_Placeholder):
    """«Flytt til en annen enhet». The link names each question by its place in its bank, so the
    block carries every module bank's questions in order, [id, content hash] (record.js's
    moveFragment and parseMove); only this page needs them, so they are not in every page's manifest."""

    NAME = KIND = "move"

    def on_create(self, parent):
        holder = super().on_create(parent)
        settings = current(self.config["config_file"])
        banks = course_banks(settings)
        used = {m.meta.bank for m in course_modules(settings)}
        questions = {b: [[q.id, q.content_hash()] for q in banks[b].bank.questions] for b in sorted(used)}
        holder.set("data-banks", json.dumps(questions, ensure_ascii=False))
        return holder


class CourseTimeBlock(Block):
    """`/// course-time` (the course and each module), `/// course-time | modules` (the modules) or
    `/// course-time | <module folder>` (that module): the stated time, from the same count as
    every page's «ca. X min»."""

    NAME = "course-time"
    ARGUMENT = None
    OPTIONS: dict = {}

    def on_create(self, parent):
        settings = current(self.config["config_file"])
        words = table(settings.language)
        low, high = module_range(settings)
        module = next((t for t in course_times(settings) if t.module.folder == self.argument), None)
        if module is not None:
            text = format_words(words["module_total"], minutes=rounded(module.total))
        elif self.argument == "modules":
            text = format_words(words["module_time"], low=low, high=high)
        elif self.argument:
            folders = ", ".join(["modules", *(t.module.folder for t in course_times(settings))])
            raise CourseError(
                Problem(
                    current_page(self.md),
                    None,
                    say("course_time_unknown", name=self.argument, known=folders),
                )
            )
        else:
            hours = hours_text(course_hours(settings), settings.language)
            text = format_words(words["course_time"], hours=hours, low=low, high=high)
        p = etree.SubElement(parent, "p", {"class": "kk-course-time"})
        p.text = AtomicString(text)
        return p


class ProgressExtension(BlocksExtension):
    def __init__(self, *args, **kwargs):
        self.config = course_options()
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md, block_mgr) -> None:
        # The course is read when a page is rendered, not here (see quiz.extension).
        config = self.getConfigs()
        md.treeprocessors.register(ManifestTreeprocessor(md, config["config_file"]), "kk_course_manifest", 1)
        # After the glossary (6) and the table of contents (5): the box's words are no glossary
        # occurrences and its title no section of the page.
        md.treeprocessors.register(OrientationTreeprocessor(md, config["config_file"]), "kk_orientation", 1.5)
        for block in (ProgressBlock, ResumeBlock, CertificateBlock, MoveBlock, CourseTimeBlock):
            block_mgr.register(block, config)


def makeExtension(*args, **kwargs):
    return ProgressExtension(*args, **kwargs)
