"""Lines of places in a valid course file, for checks made after its model accepted it.

A model knows no lines; the YAML node tree does. A check that looks at a file as a
whole (a scenario's graph, say) names places by their path of keys and list
positions, as validation issues do, and this turns each into its line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .messages import _walk
from .yamlfile import read_yaml


def locator(path: Path) -> Callable[[tuple], int]:
    """A function from a place in the file ('nodes', 3, 'choices', 0, 'next') to its line.

    The file is read again only when a line is first asked for: checks that find nothing pay nothing."""
    parsed: list = []

    def line(loc: tuple) -> int:
        if not parsed:
            parsed.extend(read_yaml(path, strip=True))
        data, root = parsed
        return _walk(root, data, tuple(loc))[0]

    return line
