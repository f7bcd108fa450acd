"""The block syntax pages use to place course content, in one place.

    /// quiz | mandat
    ///

A block starts with three or more slashes, the block's name and, after a bar,
its argument; it ends with a line of slashes. The Markdown extensions parse the
blocks with pymdown-extensions' Blocks API; everything else that needs to know
where a page places what (the plugin, `check`, error lines) reads pages here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from markdown.preprocessors import Preprocessor

END = re.compile(r"^ {0,3}/{3,}\s*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


@cache
def start(name: str) -> re.Pattern:
    """The first line of a `name` block; group 'arg' is its argument (None without a bar)."""
    return re.compile(rf"^ {{0,3}}/{{3,}}\s*{re.escape(name)}(?![\w-])\s*(?:\|\s*(?P<arg>.*?))?\s*$")


@dataclass(frozen=True)
class Placement:
    line: int  # 1-based line of the block's first line
    argument: str


def placements(text: str | list[str], name: str) -> list[Placement]:
    """Every `name` block of a page, in order, leaving out those inside fenced code (examples)."""
    pattern = start(name)
    found = []
    fence: str | None = None
    for number, line in enumerate(text.splitlines() if isinstance(text, str) else text, 1):
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)[0] * 3
            continue
        if fence is not None:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
            continue
        match = pattern.match(line)
        if match:
            found.append(Placement(number, (match.group("arg") or "").strip()))
    return found


class LineFinder(Preprocessor):
    """Remembers the source line of each block of one kind on a page, so errors can name it.

    Blocks see the page after other preprocessors have changed it, so the lines are taken
    from the original text here, before anything else runs. The n-th block the Blocks API
    meets is the n-th found here (those in fenced examples are not blocks); `next_line`
    hands them out in that order.
    """

    def __init__(self, md, name: str):
        super().__init__(md)
        self.name = name

    def run(self, lines: list[str]) -> list[str]:
        found = getattr(self.md, "kk_block_lines", None)
        if found is None:
            found = self.md.kk_block_lines = {}
        found[self.name] = iter([p.line for p in placements(lines, self.name)])
        return lines


def next_line(md, name: str) -> int | None:
    """The source line of the next `name` block the Blocks API validates (None if unknown)."""
    return next(getattr(md, "kk_block_lines", {}).get(name, iter(())), None)
