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
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from ..core.extension import course_options
from ..core.settings import current
from ..core.strings import table
from ..quiz.banks import course_banks
from .modules import course_modules, manifest

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
)


class ManifestTreeprocessor(Treeprocessor):
    def __init__(self, md, config_file: str):
        super().__init__(md)
        self.config_file = config_file

    def run(self, root):
        settings = current(self.config_file)
        data = json.dumps(manifest(settings, course_modules(settings)), ensure_ascii=False)
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


class ProgressExtension(BlocksExtension):
    def __init__(self, *args, **kwargs):
        self.config = course_options()
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md, block_mgr) -> None:
        # The course is read when a page is rendered, not here (see quiz.extension).
        config = self.getConfigs()
        md.treeprocessors.register(ManifestTreeprocessor(md, config["config_file"]), "kk_course_manifest", 1)
        for block in (ProgressBlock, ResumeBlock, CertificateBlock, MoveBlock):
            block_mgr.register(block, config)


def makeExtension(*args, **kwargs):
    return ProgressExtension(*args, **kwargs)
