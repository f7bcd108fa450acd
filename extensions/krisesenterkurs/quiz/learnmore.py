"""«Les mer»: each question may name the page and heading that teach it (`learn_more:`).

A build must not publish a «Les mer» link that leads nowhere, so the course check
(`build_problems`) resolves every one against the course's pages and their headings,
with the anchors Python-Markdown's toc extension gives them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from markdown.extensions.toc import slugify, unique

from ..core.cache import cached
from ..core.errors import Problem
from ..core.locate import locator
from ..core.say import say
from ..core.settings import Settings
from ..core.yamlfile import display_path

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
_ATTR_ID = re.compile(r"[ \t]*\{[^}]*?#([\w-]+)[^}]*\}[ \t]*$")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_FENCE = re.compile(r"^[ \t]*(```|~~~)")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str


def _plain(text: str) -> str:
    """A heading as the reader sees it: link text kept, emphasis and code marks dropped."""
    return re.sub(r"[*_`]", "", _LINK.sub(r"\1", text)).strip()


def headings(path: Path) -> list[Heading]:
    """A page's headings with their anchors (an explicit `{#id}` or the toc extension's slug)."""
    found: list[Heading] = []
    used: set[str] = set()
    in_fence = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        match = None if in_fence else _HEADING.match(line)
        if not match:
            continue
        text = match.group(2)
        explicit = _ATTR_ID.search(text)
        if explicit:
            text = text[: explicit.start()]
        shown = _plain(text)
        anchor = explicit.group(1) if explicit else unique(slugify(shown, "-"), used)
        used.add(anchor)
        found.append(Heading(len(match.group(1)), shown, anchor))
    return found


def course_headings(settings: Settings) -> dict[str, list[Heading]]:
    """Every page's headings by its path in the docs folder, read once per build."""
    return cached(
        lambda _: {virtual: headings(path) for path, virtual in settings.pages()},
        settings.docs,
        patterns=("**/*.md",),
        extra=("headings",),
    )


def link_title(settings: Settings, target: str) -> str:
    """What «Les mer» names: the heading the anchor points to, else the page's title."""
    page, _, anchor = target.partition("#")
    found = course_headings(settings).get(page, [])
    if anchor:
        for h in found:
            if h.anchor == anchor:
                return h.text
    return found[0].text if found else page


def learn_more_problems(settings: Settings, banks) -> list[Problem]:
    """A «Les mer» link to a page or heading the course does not have, with the bank's line."""
    if not any(q.learn_more for loaded in banks.values() for q in loaded.bank.questions):
        return []
    pages = course_headings(settings)
    problems = []
    for loaded in banks.values():
        line_of = locator(loaded.path)  # read only if a link is wrong
        for qi, q in enumerate(loaded.bank.questions):
            if not q.learn_more:
                continue
            page, _, anchor = q.learn_more.partition("#")
            if page not in pages:
                message = say("learn_more_no_page", page=page, docs=display_path(settings.docs))
            elif anchor and anchor not in {h.anchor for h in pages[page]}:
                known = ", ".join(h.anchor for h in pages[page] if h.level > 1) or say("none")
                message = say("learn_more_no_heading", anchor=anchor, page=page, known=known)
            else:
                continue
            line = line_of(("questions", qi, "learn_more"))
            problems.append(Problem(display_path(loaded.path), line, message, question=q.id))
    return problems
