"""The facilitator guide's '/// facilitator-pdfs' block (course/facilitator.py)."""

import markdown
import pytest

from krisesenterkurs.core.errors import CourseError
from tests.support import ROOT


def render(text):
    from krisesenterkurs.core import page as current_page

    current_page.set_mkdocs_page(str(ROOT / "course" / "moduler" / "mandat" / "workshopleder.md"))
    md = markdown.Markdown(
        extensions=["krisesenterkurs.handout"],
        extension_configs={"krisesenterkurs.handout": {"config_file": str(ROOT / "mkdocs.yml")}},
    )
    return md.convert(text)


def test_the_block_links_the_guide_and_the_answer_key_beside_the_page():
    html = render("/// facilitator-pdfs | mandat\n///\n")
    assert 'href="../workshopleder-mandat.pdf"' in html
    assert 'href="../fasit-mandat.pdf"' in html


@pytest.mark.parametrize(
    "text,message",
    [
        (
            "Tekst\n\n/// facilitator-pdfs | mandat\n",
            "workshopleder.md:3: «/// facilitator-pdfs» mangler avsluttende «///». Rett: legg til en linje «///» etter den.",
        ),
        (
            "/// facilitator-pdfs | mandatt\n///\n",
            "workshopleder.md:1: det finnes ingen modulmappe «mandatt». Rett: bruk et mappenavn fra course/moduler.",
        ),
    ],
)
def test_a_mistake_in_the_block_names_the_page_the_line_and_the_fix(text, message):
    with pytest.raises(CourseError) as raised:
        render(text)
    (problem,) = raised.value.problems
    assert str(problem).endswith(message)
