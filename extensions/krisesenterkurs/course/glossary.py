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

import markdown
from markdown.extensions.abbr import AbbrTreeprocessor
from markdown.util import AtomicString
from msgspec import Meta
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from ..core.cache import cached
from ..core.errors import CourseError
from ..core.extension import course_options
from ..core.messages import validate_file
from ..core.model import Model
from ..core.say import say
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
            raise RuleError(say("term_twice", term=t.term), (index, "term"))
        seen.add(t.term.casefold())


def load_glossary(path: Path) -> list[Term]:
    return validate_file(
        Path(path),
        list[Term],
        list,
        say("glossary_shape"),
        check=_unique_terms,
        holds=say("holds_glossary"),
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


_COURSE = "krisesenterkurs."  # the course's own extensions, which take the course's mkdocs.yml as an option

# Where a tooltip would be noise or break the markup.
_SKIP = {"a", "abbr", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "dt"}

# A web or mail address written out in running text: an <abbr> inside it would break the address.
_ADDRESS = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)


def term_pattern(words) -> re.Pattern:
    """Any of the words, standing alone; the longest first, so "samvær med tilsyn" wins over "samvær".

    Lookarounds rather than \\b: \\b needs a letter or digit at the edge, so "C++" or "(ATV)" never matched.
    """
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def find_terms(pattern: re.Pattern, text: str) -> list[re.Match]:
    """The terms a page marks in one piece of running text: every match outside a written-out address.

    The build marks these, and `check` counts a term as used only when it is among them."""
    addresses = [m.span() for m in _ADDRESS.finditer(text)]
    return [
        m for m in pattern.finditer(text) if not any(start < m.end() and m.start() < end for start, end in addresses)
    ]


class GlossaryTreeprocessor(AbbrTreeprocessor):
    """Marks glossary terms in running text, but not in headings, links or code."""

    def __init__(self, md, config_file: str):
        super().__init__(md, {})
        self.config_file = config_file

    def _split(self, text: str):
        """The text before the first term, and an <abbr> (with its tail) for each term after it."""
        parts: list[etree.Element] = []
        for m in reversed(find_terms(self.RE, text)):
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
        if not self.abbrs:
            return
        self.RE = term_pattern(self.abbrs)  # not the abbr extension's own, which is built on \b
        self.iter_element(root)
        # What `check` reads to tell which terms the page uses (authoring.check).
        self.md.glossary_marked = {abbr.text for abbr in root.iter("abbr") if abbr.text in self.abbrs}
        mark_sections(root, self.abbrs)


# The class of the occurrence that opens its explanation (glossary.js makes it a button), and of
# the later ones in the same section, which keep only their title (shown on hover).
MARKED, AGAIN = "kk-term", "kk-term-again"


def mark_sections(root, abbrs: dict[str, str]) -> None:
    """Marks the first occurrence of each term in each `##` section (and before the first) to open
    its explanation on tap, click or keyboard; every occurrence would bury the page's links under
    tab stops, one per page left a phone reader with nothing to tap further down."""
    section, seen = 0, set()
    for child in root:
        if child.tag == "h2":
            section += 1
        for abbr in child.iter("abbr"):
            title = abbrs.get(abbr.text or "")
            if not title:
                continue
            key = (section, title)  # "Reetablering" and "reetablering" are one term
            abbr.set("class", AGAIN if key in seen else MARKED)
            seen.add(key)


def marked_terms(settings: Settings) -> set[str]:
    """Every word the build marks on some page: the pages rendered with the course's own extensions.

    `check` reports a term as unused from this, so it says what the build does, not what a search of the
    Markdown would find (a term only in a code span, a heading or an address is marked nowhere). A page
    that cannot be rendered (a mistake the build reports) is searched as text with the same pattern."""
    names = [name for name, _ in settings.markdown_extensions]
    options = {
        name: {**value, "config_file": str(settings.config_file)} if name.startswith(_COURSE) else value
        for name, value in settings.markdown_extensions
    }
    md = markdown.Markdown(extensions=names, extension_configs=options)
    pattern = term_pattern(abbreviations(course_glossary(settings)))
    marked: set[str] = set()
    for path, _ in settings.pages():
        text = path.read_text(encoding="utf-8")
        md.reset()
        md.glossary_marked = set()
        try:
            md.convert(text)
        except CourseError:
            marked |= {m.group(0) for m in find_terms(pattern, text)}
            continue
        marked |= md.glossary_marked
    return marked


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
