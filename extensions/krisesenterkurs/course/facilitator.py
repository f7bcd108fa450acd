"""The facilitator guide's links to its printed bundle: the guide itself and the module's answer key.

    /// facilitator-pdfs | mandat
    ///

placed in a module's `workshopleder.md` becomes a short list linking `workshopleder-mandat.pdf`
and `fasit-mandat.pdf`, which `krisesenterkurs handouts` prints into the module's folder of the
built site (beside the handout). Registered by the handout extension (`krisesenterkurs.handout`),
so it needs no entry of its own in mkdocs.yml.
"""

from __future__ import annotations

from markdown.preprocessors import Preprocessor
from markupsafe import escape

from ..core import blocks
from ..core.errors import CourseError, Problem
from ..core.page import current_page, href_beside_source
from ..core.say import say
from ..core.settings import current
from ..core.strings import table
from ..core.yamlfile import display_path

START = blocks.start("facilitator-pdfs")
END = blocks.END


def guide_pdf_name(module: str) -> str:
    return f"workshopleder-{module}.pdf"


def key_pdf_name(module: str) -> str:
    return f"fasit-{module}.pdf"


class FacilitatorPdfsPreprocessor(Preprocessor):
    def __init__(self, md, config_file: str):
        super().__init__(md)
        self.config_file = config_file

    def run(self, lines: list[str]) -> list[str]:
        if not any(START.match(line) for line in lines):
            return lines
        settings = current(self.config_file)
        page = current_page(self.md)
        words = table(settings.language)
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
                raise CourseError(Problem(page, i + 1, say("facilitator_pdfs_not_closed")))
            name = match.group("arg") or ""
            if not name or not (settings.modules / name).is_dir():
                raise CourseError(
                    Problem(
                        page,
                        i + 1,
                        say("handout_no_module", name=name, folder=display_path(settings.modules)),
                    )
                )
            links = (
                (guide_pdf_name(name), words["facilitator_guide_pdf"]),
                (key_pdf_name(name), words["facilitator_key_pdf"]),
            )
            # Raw HTML in one block (no blank line inside), so Markdown leaves it as written.
            out += [
                '<div class="kk-facilitator-pdfs">',
                f"<p><strong>{escape(words['facilitator_pdfs'])}</strong></p>",
                "<ul>"
                + "".join(
                    f'<li><a href="{escape(href_beside_source(self.md, file))}" download>{escape(label)}</a></li>'
                    for file, label in links
                )
                + "</ul>",
                "</div>",
                "",
            ]
            i = end + 1
        return out
