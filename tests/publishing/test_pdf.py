"""The handouts command: a PDF handout per module and the whole course, linked from the site."""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

import pytest
from pypdf import PdfReader

from krisesenterkurs.cli import main
from krisesenterkurs.publishing.pdf import COURSE_PDF
from tests.browser.quizpage import modules
from tests.publishing.pdftext import text_of
from tests.support import COURSE

# Prints with Chromium; in the worker that builds the SCORM package, which prints the PDFs once.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("scorm_package")]


def case_parts(folder):
    case = (COURSE.modules / folder / "case.md").read_text(encoding="utf-8")
    title = re.search(r'^!!! example "Fiktivt case: ([^"]+)"', case, re.M).group(1)
    questions = re.findall(r"^\d+\. (.+)$", case.split("## Refleksjonsspørsmål", 1)[1], re.M)
    return title, questions


@pytest.mark.parametrize("module", modules(), ids=lambda m: m.folder)
def test_each_handout_holds_key_points_case_and_questions(printed, module):
    pdf = printed / "moduler" / module.folder / f"utdelingsark-{module.folder}.pdf"
    reader = PdfReader(pdf)
    assert 1 <= len(reader.pages) <= 4
    text = text_of(pdf)
    assert module.meta.title.split()[0] in text and "Utdelingsark" in text
    title, questions = case_parts(module.folder)
    assert "Fiktivt case: " + title.split()[0] in text
    assert len(questions) >= 4
    for q in questions:
        words = " ".join(re.sub(r"[*_`]", "", q).split()[:6])
        assert words in text, words
    assert "Notater" in text
    for chrome in ("Søk", "Last ned utdelingsarket", "Neste"):
        assert chrome not in text


def test_whole_course_pdf_has_every_module_in_order(printed):
    text = text_of(printed / COURSE_PDF)
    positions = [text.find(m.meta.title) for m in modules()]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)
    assert "Agenda: 90 minutter" not in text  # the facilitators' guides are printed on their own
    assert "Quizen i gruppen:" not in text  # and their group pages not at all


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href") or ""
        if tag == "a" and href.endswith(".pdf"):
            self.hrefs.append(href)


@pytest.mark.parametrize("site", ["flat", "served"])
def test_every_pdf_link_in_the_site_resolves(printed, served_course, site):
    """In the printed package (page.html) and in the site as published (page/), each PDF link leads
    to a printed file: the PDFs are printed once, into the package, and lie at the same paths."""
    root = printed if site == "flat" else served_course["dir"]
    found = 0
    for html in root.rglob("*.html"):
        parser = Links()
        parser.feed(html.read_text(encoding="utf-8"))
        page_url = "http://site/" + html.relative_to(root).as_posix()
        for href in parser.hrefs:
            path = urlparse(urljoin(page_url, href)).path.lstrip("/")
            assert (printed / path).is_file(), (html, href)
            found += 1
    # Per module its handout, and in the facilitator guide the guide and the answer key; the course.
    assert found >= 3 * len(modules()) + 1


@pytest.mark.parametrize("option", ["--site", "--site-dir"])  # --site-dir as `build` names it
def test_command_explains_a_missing_site(tmp_path, capsys, option):
    assert main(["handouts", option, str(tmp_path)]) == 1
    assert "inneholder ikke et bygd nettsted" in capsys.readouterr().err
