"""Links (symlinks) in the course's files that lead out of the project.

The engines and the course's loaders follow a link as if it were the file it
points at: a linked page, bank, scenario, module.yml or glossary outside the
project is published as the course's own, and a linked folder in docs_dir
copies whatever is there into the site. So every course file and folder must
resolve inside the project (the folder with mkdocs.yml); a link inside it,
one folder pointing at another, is fine.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import Problem
from .say import say
from .settings import Settings
from .yamlfile import display_path


def _outside(link: Path, target: Path) -> Problem:
    return Problem(
        display_path(link), None, say("link_outside_folder" if target.is_dir() else "link_outside_file", target=target)
    )


def outside_links(settings: Settings) -> list[Problem]:
    """Every course file or folder that is, or lies in, a link resolving outside the project."""
    root = Path(os.path.realpath(settings.root))
    problems: list[Problem] = []
    walked: set[Path] = set()

    def visit(path: Path) -> None:
        # realpath, unlike Path.resolve, gives an answer for a link that loops instead of raising.
        real = Path(os.path.realpath(path))
        if path.is_symlink() and not real.is_relative_to(root):
            problems.append(_outside(path, real))
            return
        if real in walked or not path.is_dir():
            return
        walked.add(real)
        try:
            children = sorted(path.iterdir())
        except OSError:
            return  # an unreadable folder is the engines' to report; it holds nothing to publish
        for child in children:
            visit(child)

    # The pages (with the modules, which live among them) are published whole; the other folders
    # and the glossary are what the course's loaders read.
    for top in (settings.docs, settings.modules, settings.quizzes, settings.scenarios, settings.glossary):
        if top.exists() or top.is_symlink():
            visit(top)
    return problems
