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
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as etree
from pathlib import Path

from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from .course import cached_modules, manifest, page_url
from .strings import normalise, table

PROGRESS_WORDS = (
    "progress_label", "indicator", "indicator_short", "status_not_started", "status_started",
    "status_completed", "module", "status", "best", "latest", "next", "start_module", "continue_module",
    "take_quiz", "review_module", "outdated", "result_passed", "result_failed", "no_result", "resume", "resume_none",
    "completed_mark", "export", "import", "import_label", "imported", "import_failed", "reset",
    "reset_confirm", "reset_yes", "reset_no", "reset_done", "certificate_remaining", "certificate_name",
    "certificate_print", "certificate_title", "certificate_intro", "certificate_completed",
    "certificate_publisher", "certificate_modules", "course_done", "progress_no_storage", "storage_unreadable",
    "present", "present_help",
)


class ManifestTreeprocessor(Treeprocessor):
    def __init__(self, md, data: str, words: str):
        super().__init__(md)
        self.data = data
        self.words = words

    def run(self, root):
        etree.SubElement(root, "div", {"class": "kk-course", "hidden": "hidden",
                                       "data-course": self.data, "data-strings": self.words})


class _Placeholder(Block):
    """A container the script fills; without JavaScript it says what is missing."""

    ARGUMENT = False
    OPTIONS = {}
    KIND = ""

    def on_create(self, parent):
        holder = etree.SubElement(parent, "div", {"class": f"kk-{self.KIND}", "data-kk": self.KIND})
        noscript = etree.SubElement(holder, "noscript")
        p = etree.SubElement(noscript, "p")
        p.text = AtomicString(self.config["words"]["needs_javascript"])
        return holder


class ProgressBlock(_Placeholder):
    NAME = KIND = "progress"


class ResumeBlock(_Placeholder):
    NAME = KIND = "resume"


class CertificateBlock(_Placeholder):
    NAME = KIND = "certificate"


class ProgressExtension(BlocksExtension):
    def __init__(self, *args, **kwargs):
        self.config = {
            "modules": ["modules", "Folder with one folder per module, each with a module.yml."],
            "banks": ["quizzes", "Folder with the question banks."],
            "url_prefix": ["moduler/", "Where the module folders appear in the site, from its root."],
            "progress_page": ["fremdrift.md", "The «Min fremdrift» page, from the docs folder."],
            "certificate_page": ["kursbevis.md", "The certificate page, from the docs folder."],
            "directory_urls": [True, "MkDocs' use_directory_urls (the MkDocs plugin sets it)."],
            "course_title": ["", "The course's name on the certificate (the MkDocs plugin sets site_name)."],
            "publisher": ["", "The publisher on the certificate (the MkDocs plugin sets site_author)."],
            "lang": ["nb", "Language of the words: nb, nn or en."],
        }
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md, block_mgr) -> None:
        config = self.getConfigs()
        words = table(normalise(config["lang"]))
        modules = cached_modules(Path(config["modules"]), Path(config["banks"]))
        urls = bool(config["directory_urls"])
        data = manifest(modules, Path(config["banks"]), config["url_prefix"], urls)
        data.update({
            "progress": page_url(config["progress_page"], urls),
            "certificate": page_url(config["certificate_page"], urls),
            "title": config["course_title"],
            "publisher": config["publisher"],
            "lang": normalise(config["lang"]),
        })
        ui = json.dumps({k: words[k] for k in PROGRESS_WORDS}, ensure_ascii=False)
        md.treeprocessors.register(
            ManifestTreeprocessor(md, json.dumps(data, ensure_ascii=False), ui), "kk_course_manifest", 1)
        for block in (ProgressBlock, ResumeBlock, CertificateBlock):
            block_mgr.register(block, {"words": words})


def makeExtension(*args, **kwargs):
    return ProgressExtension(*args, **kwargs)
