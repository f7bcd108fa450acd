"""Python-Markdown extension: a printable handout («utdelingsark») for a module.

    /// handout | mandat
    ///

is replaced, before the page is parsed, by the module's key points (the
«Viktige punkter» box of its oppsummering.md), its fictional case and the
reflection questions (from case.md), a ruled area for notes, and a footer
with the help lines and a link to the course's help page (`help_page`, «Hvis
temaet berører deg»), so that a printed handout, too, says where to get help.
The handout is taken from the module's own pages, so it never drifts from
them; a module whose pages lack one of these parts fails the build with a
message saying which.
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown import Extension
from markdown.preprocessors import Preprocessor
from markupsafe import Markup, escape

from ..core import blocks
from ..core.errors import CourseError, Problem
from ..core.extension import course_options
from ..core.page import current_page, href_beside_source, href_to_page
from ..core.say import say
from ..core.settings import current
from ..core.strings import table
from ..core.yamlfile import display_path
from .facilitator import FacilitatorPdfsPreprocessor
from .modules import course_modules
from .versions import long_date

START = blocks.start("handout")
END = blocks.END


def _admonition(lines: list[str], opening: re.Pattern) -> list[str] | None:
    """An admonition (its first line and indented body) whose first line matches `opening`."""
    for i, line in enumerate(lines):
        if opening.match(line):
            body = [line]
            for next_line in lines[i + 1 :]:
                if next_line.strip() and not next_line.startswith("    "):
                    break
                body.append(next_line)
            while body and not body[-1].strip():
                body.pop()
            return body
    return None


def _section(lines: list[str], heading: str) -> list[str] | None:
    """The body of `## heading` up to the next heading or the next box at the left margin."""
    for i, line in enumerate(lines):
        if line.strip() == f"## {heading}":
            body = []
            for next_line in lines[i + 1 :]:
                if re.match(r"^(#{1,6} |!!!|\?\?\?)", next_line):
                    break
                body.append(next_line)
            return [line for line in body] if any(x.strip() for x in body) else None
    return None


def pdf_name(module: str) -> str:
    """The handout's PDF, written by `krisesenterkurs handouts` into the module's folder of the built site."""
    return f"utdelingsark-{module}.pdf"


def handout_markdown(folder: Path, words: dict[str, str]) -> list[str]:
    summary_file, case_file = folder / "oppsummering.md", folder / "case.md"
    problems = []
    try:
        summary = summary_file.read_text(encoding="utf-8").splitlines()
        case = case_file.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise CourseError(
            Problem(
                display_path(Path(e.filename or folder)),
                None,
                say("handout_pages_missing"),
            )
        ) from None
    key_points = _admonition(summary, re.compile(r'^!!! abstract "Viktige punkter"'))
    story = _admonition(case, re.compile(r'^!!! example "Fiktivt case:'))
    questions = _section(case, "Refleksjonsspørsmål")
    if key_points is None:
        problems.append(
            Problem(
                display_path(summary_file),
                None,
                say("handout_no_key_points"),
            )
        )
    if story is None:
        problems.append(
            Problem(
                display_path(case_file),
                None,
                say("handout_no_case"),
            )
        )
    if questions is None:
        problems.append(Problem(display_path(case_file), None, say("handout_no_questions")))
    if problems or key_points is None or story is None or questions is None:
        raise CourseError(problems)
    return [
        *key_points,
        "",
        f"## {words['handout_case']}",
        "",
        *story,
        "",
        f"## {words['handout_questions']}",
        "",
        *questions,
        "",
        f"## {words['handout_notes']}",
        "",
        '<div class="kk-handout__notes" aria-hidden="true"></div>',
        "",
    ]


def help_footer(words: dict[str, str], help_href: str | None) -> list[str]:
    """The handout's footer: the help lines, and the course's help page (linked when the course has one).

    Raw HTML in one block (no blank line inside), so Markdown leaves it as written.
    """
    page = escape(words["handout_help_page"])
    if help_href is not None:
        page = Markup(f'<a href="{escape(help_href)}">{page}</a>')
    return [
        '<footer class="kk-handout__help">',
        f'<p class="kk-handout__help-title"><strong>{escape(words["handout_help_title"])}</strong></p>',
        f"<ul><li>{escape(words['handout_help_vo'])}</li><li>{escape(words['handout_help_alarm'])}</li></ul>",
        f"<p>{escape(words['handout_help_more']).replace('{page}', page)}</p>",
        "</footer>",
        "",
    ]


def module_edition(settings, module: str, words: dict[str, str]) -> list[str]:
    """«Versjon … · Sist oppdatert …», so that a printed handout says which edition of the module it is."""
    meta = next((m.meta for m in course_modules(settings) if m.folder == module), None)
    if meta is None:  # a module.yml with mistakes: reported by the build at its own line
        return []
    version = words["module_version"].format(version=meta.version)
    updated = words["module_updated"].format(date=long_date(meta.updated, settings.language))
    return [f'<p class="kk-handout__edition">{escape(version)} · {escape(updated)}</p>', ""]


class HandoutPreprocessor(Preprocessor):
    def __init__(self, md, config_file: str):
        super().__init__(md)
        self.config_file = config_file

    def run(self, lines: list[str]) -> list[str]:
        if not any(START.match(line) for line in lines):
            return lines
        settings = current(self.config_file)
        page = current_page(self.md)
        out: list[str] = []
        i = 0
        while i < len(lines):
            match = START.match(lines[i])
            if not match:
                out.append(lines[i])
                i += 1
                continue
            end = next((j for j in range(i + 1, len(lines)) if END.match(lines[j])), None)
            if end is None:
                raise CourseError(Problem(page, i + 1, say("handout_not_closed")))
            name = match.group("arg") or ""
            folder = settings.modules / name
            if not name or not folder.is_dir():
                raise CourseError(
                    Problem(
                        page,
                        i + 1,
                        say("handout_no_module", name=name, folder=display_path(settings.modules)),
                    )
                )
            words = table(settings.language)
            href = href_beside_source(self.md, pdf_name(name))
            out += [
                f'<p class="kk-handout__download"><a class="md-button" href="{href}" download>'
                f"{words['handout_download']}</a> {words['handout_or_print']}</p>",
                "",
            ]
            out.extend(module_edition(settings, name, words))
            out.extend(handout_markdown(folder, words))
            help_page = settings.course.help_page
            has_help = (settings.docs / help_page).is_file()
            out.extend(help_footer(words, href_to_page(self.md, help_page) if has_help else None))
            i = end + 1
        return out


class HandoutExtension(Extension):
    def __init__(self, **kwargs):
        self.config = course_options()
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:
        # Before admonitions, lists and HTML are parsed, so the included text is read like the page's own.
        md.preprocessors.register(HandoutPreprocessor(md, self.getConfig("config_file")), "kk_handout", 25)
        # The facilitator guide's links to its PDFs: the same kind of block, printed by the same command.
        md.preprocessors.register(
            FacilitatorPdfsPreprocessor(md, self.getConfig("config_file")), "kk_facilitator_pdfs", 25
        )


def makeExtension(**kwargs):
    return HandoutExtension(**kwargs)
