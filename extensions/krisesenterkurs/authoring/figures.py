"""Figures on the course's pages, as `check` sees them: one line per mistake, with the fix.

A figure is a Markdown image on a line of its own, a `/// caption` block right after it and,
when the drawing says more than a sentence, a closed box «Beskrivelse av figuren» after that
(FORFATTERVEILEDNING.md, «Figurer»):

    ![Kort tekstalternativ](fil.svg){ width="440" height="524" }

    /// caption
    Figurteksten.
    ///

    ??? info "Beskrivelse av figuren"
        Det figuren viser, i ord.

The image is a file in the course (nothing from another host), and an SVG carries nothing the
site's security policy would block or that would reach another host: no script, no style
attribute or element, no reference outside the file.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..core.blocks import END, start
from ..core.errors import Problem
from ..core.say import say
from ..core.settings import Settings
from ..core.yamlfile import display_path

IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]*)(?:\s+\"[^\"]*\")?\)(?:\{[^}]*\})?")
DESCRIPTION_TITLE = "Beskrivelse av figuren"
DESCRIPTION = re.compile(rf'^(\?\?\?\+?|!!!)\s+[\w-]+\s+"{DESCRIPTION_TITLE}"\s*$')
# An SVG with more text than a title and a line or two needs its words said in the page as well.
TEXTS_WITHOUT_DESCRIPTION = 3
_SVG_TEXT = re.compile(r"<text\b")
_SVG_SCRIPT = re.compile(r"<script\b|\bon[a-z]+\s*=", re.IGNORECASE)
_SVG_STYLE = re.compile(r"<style\b|\sstyle\s*=", re.IGNORECASE)
_SVG_REFERENCE = re.compile(r"""(?:href\s*=\s*["'](?!#)|url\(\s*["']?(?!#)|@import)""", re.IGNORECASE)


def is_remote(src: str) -> bool:
    """An address on another host (or of another scheme): http:, data:, //host/…"""
    return src.startswith("//") or re.match(r"^[a-z][a-z0-9+.-]*:", src, re.IGNORECASE) is not None


def svg_problems(path: Path) -> list[str]:
    """What in an SVG file the site's security policy would block or that would leave the site."""
    text = path.read_text(encoding="utf-8")
    found = []
    if _SVG_SCRIPT.search(text):
        found.append(say("svg_script"))
    if _SVG_STYLE.search(text):
        found.append(say("svg_style"))
    if _SVG_REFERENCE.search(text):
        found.append(say("svg_reference"))
    return found


def svg_needs_description(path: Path) -> bool:
    return len(_SVG_TEXT.findall(path.read_text(encoding="utf-8"))) > TEXTS_WITHOUT_DESCRIPTION


def _next_content(lines: list[str], index: int) -> int | None:
    """The index of the next non-blank line after `index`, or None."""
    for i in range(index + 1, len(lines)):
        if lines[i].strip():
            return i
    return None


def _dedent(line: str, indent: int) -> str:
    return line[indent:] if line[:indent].strip() == "" else line.lstrip()


def figure_problems(settings: Settings) -> list[Problem]:
    """Every image on every page: a local file that exists, a text alternative, a caption, and a
    description where the drawing needs one."""
    problems: list[Problem] = []
    caption = start("caption")
    for path, _virtual in settings.pages():
        lines = path.read_text(encoding="utf-8").splitlines()
        fence: str | None = None
        for index, line in enumerate(lines):
            stripped = line.strip()
            if stripped.startswith(("```", "~~~")):
                mark = stripped[:3]
                fence = None if fence == mark else (fence or mark)
            if fence:
                continue
            for match in IMAGE.finditer(line):
                where = (display_path(path), index + 1)
                problems.extend(Problem(*where, m) for m in _image(path, lines, index, line, match, caption))
    return problems


def _image(path: Path, lines: list[str], index: int, line: str, match: re.Match, caption: re.Pattern) -> list[str]:
    src, alt = match["src"], match["alt"].strip()
    found: list[str] = []
    if is_remote(src):
        return [say("image_remote", src=src)]
    if not alt:
        found.append(say("image_no_alt", src=src))
    file = (path.parent / src.split("#", 1)[0]).resolve() if src else None
    if file is None or not file.is_file():
        found.append(say("image_missing", src=src))
        file = None
    elif file.suffix.lower() == ".svg":
        found.extend(say("image_svg", src=src, problem=problem) for problem in svg_problems(file))
    if line.strip() != match.group(0):
        found.append(say("image_not_alone", src=src))
        return found
    indent = len(line) - len(line.lstrip())
    after = _next_content(lines, index)
    if after is None or not caption.match(_dedent(lines[after], indent)):
        found.append(say("image_no_caption", src=src))
        return found
    end = next((i for i in range(after + 1, len(lines)) if END.match(_dedent(lines[i], indent))), None)
    if end is None or not any(lines[i].strip() for i in range(after + 1, end)):
        found.append(say("caption_empty", src=src))
        return found
    if file is None or (file.suffix.lower() == ".svg" and not svg_needs_description(file)):
        return found
    described = _next_content(lines, end)
    if described is None or not DESCRIPTION.match(_dedent(lines[described], indent)):
        found.append(say("figure_no_description", src=src, title=DESCRIPTION_TITLE))
    return found
