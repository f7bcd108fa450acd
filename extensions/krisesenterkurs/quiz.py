"""Python-Markdown extension: `/// quiz | bank-id` places a question bank on a page.

    /// quiz | mandat
        questions: [mer-enn-bolig, bolig-flaskehals]   # optional subset, in this order
        mode: group                                     # optional: for workshops, nothing scored or saved
    Optional Markdown shown above the questions.
    ///

This is the whole quiz feature as far as building is concerned, so it works
wherever Python-Markdown extensions run (MkDocs, Zensical, plain Markdown).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from pathlib import Path

from markdown import Markdown
from markdown.preprocessors import Preprocessor
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from .errors import CourseError, Problem
from .loader import cached_banks
from .render import render_quiz
from .strings import normalise

BLOCK_START = re.compile(r"^ {0,3}/{3,}\s*quiz\b\s*(?:\|\s*(?P<arg>.*?))?\s*$")

# Bank ids placed by any page since the last reset; the MkDocs plugin reads it
# to find banks that no page uses.
used_banks: set[str] = set()


def _type_id_list(value) -> list[str]:
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("a list of question ids")
    return value


class LineFinder(Preprocessor):
    """Remembers the source line of each `/// quiz` start, so errors can name it.

    Blocks see the page after other preprocessors have changed it, so the
    lines are taken from the original text here, before anything else runs.
    """

    def run(self, lines: list[str]) -> list[str]:
        found: dict[str, int] = {}
        for number, line in enumerate(lines, 1):
            match = BLOCK_START.match(line)
            if match:
                found.setdefault((match.group("arg") or "").strip(), number)
        self.md.quiz_lines = found
        return lines


class QuizBlock(Block):
    NAME = "quiz"
    ARGUMENT = None  # checked in _validate so a missing id is an error, not silent text
    OPTIONS = {"questions": ([], _type_id_list), "mode": ("", None)}

    def _fail(self, message: str) -> None:
        where = self.md.quiz_lines.get(self._raw_argument or "", None) if hasattr(self.md, "quiz_lines") else None
        raise CourseError(Problem(self.config["page"] or "page", where, message))

    def _validate(self, parent, arg, **options) -> bool:
        # The Blocks API silently renders an invalid block as text; for a quiz that
        # would be a broken page that builds fine, so stop the build instead.
        self._raw_argument = (arg or "").strip()
        bank_id = self._raw_argument
        if not bank_id:
            self._fail("'/// quiz' needs a bank id. Fix: write '/// quiz | <bank id>', e.g. '/// quiz | mandat'.")
        unknown = sorted(set(options) - set(self.option_spec))
        if unknown:
            self._fail(f"quiz '{bank_id}': unknown option '{unknown[0]}'. Fix: remove it; the quiz block takes 'questions' and 'mode'.")
        if options.get("mode", "individual") not in ("individual", "group"):
            self._fail(f"quiz '{bank_id}': mode must be 'individual' or 'group'. Fix: write 'mode: group' or leave it out.")
        if "questions" in options:
            try:
                _type_id_list(options["questions"])
            except ValueError:
                self._fail(f"quiz '{bank_id}': 'questions' must be a list of question ids. Fix: write e.g. 'questions: [id-1, id-2]'.")
        return super()._validate(parent, arg, **options)

    def on_validate(self, parent) -> bool:
        bank_id = self.argument.strip()
        banks = cached_banks(Path(self.config["banks"]))
        if bank_id not in banks:
            known = ", ".join(sorted(banks)) or "none"
            self._fail(f"there is no question bank with id '{bank_id}'. Fix: use one of: {known}; or add quizzes/{bank_id}.yml.")
        bank = banks[bank_id].bank
        wanted = self.options["questions"]
        missing = [q for q in wanted if bank.question(q) is None]
        if missing:
            self._fail(f"quiz '{bank_id}' has no question '{missing[0]}'. Fix: use ids from {banks[bank_id].path.name}.")
        if len(set(wanted)) != len(wanted):
            self._fail(f"quiz '{bank_id}' lists a question twice. Fix: name each question once under 'questions'.")
        self.bank = bank
        return True

    def on_create(self, parent):
        return etree.SubElement(parent, "div", {"class": "kk-quiz-intro-holder"})

    def on_end(self, block) -> None:
        count = self.tracker.setdefault("count", 0) + 1
        self.tracker["count"] = count
        html = render_quiz(
            self.bank,
            question_ids=self.options["questions"] or None,
            lang=self.config["lang"],
            uid=f"kk{count}-{self.bank.id}",
            group=self.options["mode"] == "group",
        )
        used_banks.add(self.bank.id)
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
        self.config = {
            "banks": ["quizzes", "Folder with the question banks (YAML), relative to where the build runs."],
            "lang": ["nb", "Language of the quiz's own words: nb (bokmål), nn (nynorsk) or en."],
            "page": ["", "Set by the MkDocs plugin: the page being built, for error messages."],
        }
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:
        config = self.getConfigs()
        config["lang"] = normalise(config["lang"])
        md.preprocessors.register(LineFinder(md), "kk_quiz_lines", 1000)
        block_mgr.register(QuizBlock, config)


def makeExtension(*args, **kwargs):
    return QuizExtension(*args, **kwargs)
