"""Course files loaded once per build, not once per page.

Python-Markdown makes new extensions for every page, and each would otherwise
read every bank again (the work grows with pages × files). A build is a
"scope": the MkDocs plugin opens one per build; under Zensical the engine's own
configuration object, new for every build, is the scope. Without either (plain
Python-Markdown, a test) files are re-checked by their size and time.
"""

from __future__ import annotations

import sys
from pathlib import Path

_cache: dict[tuple, tuple] = {}  # (loader, path, extra) -> (stamp, value, build it was checked in)
_build_number: int = 0
_opened_by_plugin = False
_zensical_config: object = None  # the object itself: an id() could be reused once it is freed


def new_build() -> None:
    """Called by the MkDocs plugin before each build: files are then checked once in that build."""
    global _build_number, _opened_by_plugin
    _build_number += 1
    _opened_by_plugin = True


def reset() -> None:
    """Forget every loaded file and build (for tests that build several courses in one process)."""
    global _build_number, _opened_by_plugin, _zensical_config
    _cache.clear()
    _build_number = 0
    _opened_by_plugin = False
    _zensical_config = None


def _current_build() -> int | None:
    """The number of the build under way, or None when no build scope is known."""
    global _build_number, _zensical_config
    if _opened_by_plugin:
        return _build_number
    zensical = sys.modules.get("zensical.config")
    config = getattr(zensical, "_CONFIG", None) if zensical else None
    if config is None:
        return None
    # Zensical parses its configuration anew for every build, so a new object means a new build.
    if config is not _zensical_config:
        _zensical_config = config
        _build_number += 1
    return _build_number


def cached(loader, path: Path, patterns: tuple[str, ...] = ("*",), extra: tuple = ()):
    """Load a file or folder once per build: Python-Markdown makes new extensions for every page.

    The cache is keyed by the size and time of the files matching `patterns`, so an edit
    during `mkdocs serve` is seen at the next rebuild.
    """
    path = Path(path).resolve()
    key = (getattr(loader, "__qualname__", repr(loader)), str(path), extra)
    entry = _cache.get(key)
    build = _current_build()
    if entry and build is not None and entry[2] == build:
        return entry[1]
    try:
        files = sorted(f for pattern in patterns for f in path.glob(pattern)) if path.is_dir() else [path]
        stamp = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files if p.is_file())
    except OSError:
        stamp = ()
    if not entry or entry[0] != stamp:
        entry = (stamp, loader(path), build)
    _cache[key] = (entry[0], entry[1], build)
    return entry[1]
