"""Python-Markdown extension: `/// quiz | bank-id` places a question bank on a page.

    /// quiz | mandat
        questions: [mer-enn-bolig, bolig-flaskehals]   # optional subset, in this order
        mode: group                                     # optional: for workshops, nothing scored or saved
    Optional Markdown shown above the questions.
    ///

This is the whole quiz feature as far as building is concerned, so it works
wherever Python-Markdown extensions run (MkDocs, Zensical, plain Markdown).
The banks and the language come from the course's settings (core.settings).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from ..core import blocks
from ..core.errors import CourseError, Problem
from ..core.extension import course_options
from ..core.page import current_page, href_to_page
from ..core.say import say
from ..core.settings import current
from .banks import course_banks, unknown_bank_message
from .learnmore import link_title
from .render import render_quiz

NAME = "quiz"


def _type_id_list(value) -> list[str]:
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("a list of question ids")
    return value


class QuizBlock(Block):
    NAME = NAME
    ARGUMENT = None  # checked in _validate so a missing id is an error, not silent text
    OPTIONS = {"questions": ([], _type_id_list), "mode": ("", None)}

    def _fail(self, message: str) -> None:
        raise CourseError(Problem(current_page(self.md), self._line, message))

    def _validate(self, parent, arg, **options) -> bool:
        # The Blocks API silently renders an invalid block as text; for a quiz that
        # would be a broken page that builds fine, so stop the build instead.
        self._line = blocks.next_line(self.md, NAME)
        bank_id = (arg or "").strip()
        if not bank_id:
            self._fail(say("quiz_no_bank"))
        unknown = sorted(set(options) - set(self.option_spec))
        if unknown:
            self._fail(say("quiz_unknown_option", id=bank_id, option=unknown[0]))
        if options.get("mode", "individual") not in ("individual", "group"):
            self._fail(say("quiz_bad_mode", id=bank_id))
        if "questions" in options:
            try:
                _type_id_list(options["questions"])
            except ValueError:
                self._fail(say("quiz_questions_not_list", id=bank_id))
        return super()._validate(parent, arg, **options)

    def on_validate(self, parent) -> bool:
        bank_id = self.argument.strip()
        settings = current(self.config["config_file"])
        banks = course_banks(settings)
        if bank_id not in banks:
            self._fail(unknown_bank_message(bank_id, banks, settings))
        bank = banks[bank_id].bank
        wanted = self.options["questions"]
        missing = [q for q in wanted if bank.question(q) is None]
        if missing:
            self._fail(say("quiz_no_such_question", id=bank_id, question=missing[0], file=banks[bank_id].path.name))
        if len(set(wanted)) != len(wanted):
            self._fail(say("quiz_question_twice", id=bank_id))
        self.bank = bank
        self.settings = settings
        self.lang = settings.language
        return True

    def on_create(self, parent):
        return etree.SubElement(parent, "div", {"class": "kk-quiz-intro-holder"})

    def on_end(self, block) -> None:
        count = self.tracker.setdefault("count", 0) + 1
        self.tracker["count"] = count
        html = render_quiz(
            self.bank,
            question_ids=self.options["questions"] or None,
            lang=self.lang,
            uid=f"kk{count}-{self.bank.id}",
            group=self.options["mode"] == "group",
            learn_more=lambda target: (href_to_page(self.md, target), link_title(self.settings, target)),
        )
        block.attrib = {"class": "kk-quiz-holder"}
        if len(block):
            # Markdown written inside the block introduces the quiz.
            intro = etree.Element("div", {"class": "kk-quiz__intro"})
            intro.extend(list(block))
            for child in list(block):
                block.remove(child)
            block.append(intro)
        placeholder = etree.SubElement(block, "p")
        placeholder.text = self.md.htmlStash.store(html)


class QuizExtension(BlocksExtension):
    def __init__(self, *args, **kwargs):
        self.config = course_options()
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:
        # Nothing is read here: MkDocs makes the extension while it validates its configuration,
        # before the plugin runs, and a mistake in a bank would then print Python's stack.
        md.preprocessors.register(blocks.LineFinder(md, NAME), "kk_quiz_lines", 1000)
        block_mgr.register(QuizBlock, self.getConfigs())


def makeExtension(*args, **kwargs):
    return QuizExtension(*args, **kwargs)
