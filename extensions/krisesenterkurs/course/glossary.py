"""Python-Markdown extension: the course glossary, from one YAML file.

Every page gets the glossary's terms marked as abbreviations (`<abbr title>`,
shown by Material as tooltips), and a page can place the whole glossary as
a definition list with `/// glossary` … `///`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from pathlib import Path
from typing import Annotated

from markdown.extensions.abbr import AbbrTreeprocessor
from markdown.util import AtomicString
from msgspec import Meta
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from ..core.cache import cached
from ..core.extension import course_options
from ..core.messages import validate_file
from ..core.model import Model
from ..core.settings import Settings, current
from ..core.validation import RuleError


class Term(Model):
    term: Annotated[str, Meta(min_length=1, max_length=80)]
    definition: Annotated[str, Meta(min_length=1, max_length=600)]
    expansion: Annotated[str, Meta(min_length=1, max_length=200)] | None = None
    # Norwegian inflects: other forms of the term that should get the same explanation.
    forms: list[Annotated[str, Meta(min_length=1, max_length=80)]] = []

    @property
    def title(self) -> str:
        return f"{self.expansion}: {self.definition}" if self.expansion else self.definition

    @property
    def anchor(self) -> str:
        return "begrep-" + re.sub(r"[^a-z0-9æøå]+", "-", self.term.lower()).strip("-")


def _unique_terms(terms: list[Term]) -> None:
    seen: set[str] = set()
    for index, t in enumerate(terms):
        if t.term.casefold() in seen:
            raise RuleError(f"the term '{t.term}' is listed twice. Fix: keep one entry.", (index, "term"))
        seen.add(t.term.casefold())


def load_glossary(path: Path) -> list[Term]:
    return validate_file(
        Path(path),
        list[Term],
        list,
        "the glossary must be a list of terms. Fix: start each entry with '- term: ...'.",
        check=_unique_terms,
        holds="the glossary, one entry per term ('- term: ...', 'definition: ...')",
        deletable=False,  # the pages' glossary extension reads it
    )


def course_glossary(settings: Settings) -> list[Term]:
    """The course's glossary, loaded once per build."""
    return cached(load_glossary, settings.glossary)


def norwegian_order(text: str) -> str:
    # Norwegian puts æ, ø, å after z, in that order; plain code-point order would give æ, å, ø.
    return text.casefold().replace("æ", "{").replace("ø", "|").replace("å", "}")


def abbreviations(terms: list[Term]) -> dict[str, str]:
    found = {}
    for t in terms:
        for word in (t.term, *t.forms):
            found[word] = t.title
            if word[:1].islower():
                found[word[:1].upper() + word[1:]] = t.title  # at the start of a sentence
    return found


# Where a tooltip would be noise or break the markup.
_SKIP = {"a", "abbr", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "dt"}


class GlossaryTreeprocessor(AbbrTreeprocessor):
    """Marks glossary terms in running text, but not in headings, links or code."""

    def __init__(self, md, config_file: str):
        super().__init__(md, {})
        self.config_file = config_file

    def _split(self, text: str):
        """The text before the first term, and an <abbr> (with its tail) for each term after it."""
        parts: list[etree.Element] = []
        for m in reversed(list(self.RE.finditer(text))):
            parts.insert(0, self.create_element(self.abbrs[m.group(0)], m.group(0), text[m.end() :]))
            text = text[: m.start()]
        return text, parts

    def iter_element(self, el, parent=None) -> None:
        if el.tag not in _SKIP:
            for child in reversed(el):
                self.iter_element(child, el)
            if el.text and not isinstance(el.text, AtomicString):
                el.text, parts = self._split(el.text)
                for i, abbr in enumerate(parts):
                    el.insert(i, abbr)
        if parent is not None and el.tail and not isinstance(el.tail, AtomicString):
            el.tail, parts = self._split(el.tail)
            index = list(parent).index(el) + 1
            for i, abbr in enumerate(parts):
                parent.insert(index + i, abbr)

    def run(self, root):
        # Read when a page is rendered, not when the extension is made (see quiz.extension).
        self.abbrs = abbreviations(course_glossary(current(self.config_file)))
        super().run(root)
        # Keyboard users reach each explanation once per page (Material shows the tooltip on
        # focus); making every occurrence a tab stop would bury the page's links.
        seen = set()
        for abbr in root.iter("abbr"):
            title = self.abbrs.get(abbr.text)
            if title and title not in seen:  # "Reetablering" and "reetablering" are one term
                seen.add(title)
                abbr.set("tabindex", "0")


class GlossaryBlock(Block):
    """`/// glossary` … `///`: Markdown inside introduces the list, which follows it."""

    NAME = "glossary"
    ARGUMENT = False
    OPTIONS: dict = {}

    def on_create(self, parent):
        return etree.SubElement(parent, "div", {"class": "kk-glossary"})

    def on_end(self, block) -> None:
        dl = etree.SubElement(block, "dl")
        for t in sorted(course_glossary(current(self.config["config_file"])), key=lambda t: norwegian_order(t.term)):
            dt = etree.SubElement(dl, "dt", {"id": t.anchor})
            dt.text = AtomicString(t.term)
            if t.expansion:
                span = etree.SubElement(dt, "span", {"class": "kk-glossary__expansion"})
                span.text = AtomicString(f" ({t.expansion})")
            dd = etree.SubElement(dl, "dd")
            dd.text = AtomicString(t.definition)


class GlossaryExtension(BlocksExtension):
    def __init__(self, *args, **kwargs):
        self.config = course_options()
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md, block_mgr) -> None:
        md.treeprocessors.register(GlossaryTreeprocessor(md, self.getConfig("config_file")), "kk_glossary", 6)
        block_mgr.register(GlossaryBlock, self.getConfigs())


def makeExtension(*args, **kwargs):
    return GlossaryExtension(*args, **kwargs)
