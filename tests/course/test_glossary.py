"""The glossary: one YAML file gives tooltips on every page and the glossary page itself."""

import re

import markdown
import pytest

from krisesenterkurs.core.errors import CourseError
from krisesenterkurs.course.glossary import abbreviations, load_glossary, marked_terms
from tests.support import COURSE, course_config

GLOSSARY = """\
- term: NAV
  expansion: Arbeids- og velferdsforvaltningen
  definition: Forvalter arbeids- og velferdsordninger.
- term: reetablering
  forms: [reetableringen]
  definition: Å etablere seg i et nytt liv etter krisesenteret.
- term: ønske
  definition: Test av norsk rekkefølge.
- term: Bufdir
  definition: Direktorat.
- term: C++
  definition: Et programmeringsspråk.
- term: (ATV)
  definition: Alternativ til Vold, i parentes.
"""


@pytest.fixture
def glossary(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text(GLOSSARY, encoding="utf-8")
    return path


def convert(text, glossary, extensions=()):
    config = course_config(glossary.parent, glossary=glossary.name)
    md = markdown.Markdown(
        extensions=[*extensions, "krisesenterkurs.glossary"],
        extension_configs={"krisesenterkurs.glossary": {"config_file": str(config)}},
    )
    return md.convert(text)


def test_terms_in_running_text_get_an_explanation(glossary):
    html = convert("Kontakt NAV om reetablering. Reetablering tar tid.", glossary)
    assert re.search(
        r'<abbr (class="kk-term(-again)?" )?title="Arbeids- og velferdsforvaltningen: Forvalter arbeids- og velferdsordninger.">NAV</abbr>',
        html,
    )
    assert html.count("<abbr") == 3  # the capitalised form at the start of a sentence too


def test_whole_words_only(glossary):
    assert "<abbr" not in convert("NAVs kontor og reetableringer.", glossary)


def test_inflected_forms_get_the_same_explanation(glossary):
    html = convert("Under reetableringen.", glossary)
    assert re.search(r'<abbr [^>]*title="Å etablere seg[^"]*">reetableringen</abbr>', html)


def test_not_in_headings_links_or_code(glossary):
    html = convert("# NAV\n\n[NAV](https://example.org) og `NAV`, men NAV her.", glossary)
    assert html.count("<abbr") == 1
    assert re.search(r"men <abbr[^>]*>NAV</abbr> her", html)


def test_glossary_block_lists_every_term_in_norwegian_order(glossary):
    html = convert("/// glossary\nBegrepene i kurset.\n///\n", glossary)
    terms = re.findall(r'<dt id="([^"]+)">', html)
    assert terms == ["begrep-atv", "begrep-bufdir", "begrep-c", "begrep-nav", "begrep-reetablering", "begrep-ønske"]
    assert "(Arbeids- og velferdsforvaltningen)" in html
    assert html.index("Begrepene i kurset.") < html.index("<dl>")


def test_duplicate_term_names_its_line(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text(GLOSSARY + "- term: nav\n  definition: Igjen.\n", encoding="utf-8")
    message = str(pytest.raises(CourseError, load_glossary, path).value)
    assert "glossary.yml:15:" in message and "står to ganger" in message


def test_unknown_key_names_its_line(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text(
        GLOSSARY.replace("  definition: Direktorat.", "  definition: Direktorat.\n  lenke: x"), encoding="utf-8"
    )
    message = str(pytest.raises(CourseError, load_glossary, path).value)
    assert "glossary.yml:11: ukjent nøkkel «lenke»" in message


def test_every_course_term_is_marked_somewhere_in_the_course():
    marked = marked_terms(COURSE)
    assert [t.term for t in load_glossary(COURSE.glossary) if not set(abbreviations([t])) & marked] == []


def test_first_occurrence_of_each_term_in_each_section_opens_its_explanation(glossary):
    html = convert(
        "Reetablering: NAV og NAV, reetablering og NAV.\n\n## Del to\n\nNAV igjen, og reetablering.\n\n"
        "## Del tre\n\n!!! note\n    I en boks: NAV og NAV.\n",
        glossary,
        extensions=["admonition"],
    )
    marked = re.findall(r'<abbr class="kk-term" title="[^"]*">(\w+)</abbr>', html)
    again = re.findall(r'<abbr class="kk-term-again" title="[^"]*">(\w+)</abbr>', html)
    assert marked == ["Reetablering", "NAV", "NAV", "reetablering", "NAV"]
    assert again == ["NAV", "reetablering", "NAV", "NAV"]
    assert "tabindex" not in html  # a button (glossary.js) takes the focus; without JavaScript the title is read


def test_terms_that_begin_or_end_with_a_sign_are_marked_like_words(glossary):
    html = convert("Hun skriver C++ og går til (ATV) hver uke. C++-kode, men ikke AC++ eller x(ATV)y.", glossary)
    assert re.findall(r"<abbr[^>]*>([^<]+)</abbr>", html) == ["C++", "(ATV)", "C++"]


@pytest.mark.parametrize(
    "text",
    [
        "Se https://www.nav.no/reetablering/ for mer.",  # a bare address in running text
        "Se www.nav.no/reetablering for mer.",
        "Skriv til reetablering@nav.no.",
        "Se <https://www.nav.no/NAV/reetablering>.",  # an autolink
        "Se [siden](https://www.nav.no/NAV/reetablering).",  # a link's address
        '<a href="https://www.nav.no/NAV">Lenke</a> og <img alt="NAV" src="/NAV.png">',  # raw HTML
    ],
)
def test_no_explanation_inside_a_web_address(glossary, text):
    html = convert(text, glossary)
    assert "<abbr" not in html, html
