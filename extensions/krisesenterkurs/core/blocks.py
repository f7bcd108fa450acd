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
