"""Handouts: the module's key points, case and questions, and a footer with the help lines and the help page."""

import markdown
import pytest

from krisesenterkurs.core import page
from tests.support import COURSE, ROOT, small_course

SUMMARY = '# Oppsummering\n\n!!! abstract "Viktige punkter"\n    - Et punkt.\n'
CASE = (
    '# Case\n\n!!! example "Fiktivt case: Anna"\n    *Personene er oppdiktet.*\n\n    Anna ...\n\n'
    "## Refleksjonsspørsmål\n\n1. Hva tenker dere?\n"
)


def handout_md(config):
    return markdown.Markdown(
        extensions=["krisesenterkurs.handout"],
        extension_configs={"krisesenterkurs.handout": {"config_file": str(config)}},
    )


@pytest.fixture
def course(tmp_path):
    config = small_course(tmp_path)
    folder = tmp_path / "docs" / "moduler" / "forste"
    (folder / "oppsummering.md").write_text(SUMMARY, encoding="utf-8")
    (folder / "case.md").write_text(CASE, encoding="utf-8")
    (folder / "utdelingsark.md").write_text("# Utdelingsark\n\n/// handout | forste\n///\n", encoding="utf-8")
    return config


def footer(html):
    assert html.count('<footer class="kk-handout__help">') == 1
    return html.split('<footer class="kk-handout__help">', 1)[1].split("</footer>", 1)[0]


def test_handout_ends_with_the_help_lines_and_a_link_to_the_help_page(course, monkeypatch):
    monkeypatch.chdir(course.parent)  # links are made for the build under way, as the plugin would say
    (course.parent / "docs" / "hjelp.md").write_text("# Hvis temaet berører deg\n", encoding="utf-8")
    page.set_mkdocs_page(str(course.parent / "docs" / "moduler" / "forste" / "utdelingsark.md"))
    html = handout_md(course).convert("/// handout | forste\n///\n")
    assert html.index("Notater") < html.index('<footer class="kk-handout__help">')
    text = footer(html)
    assert "116 006 – Vold- og overgrepslinjen" in text
    assert "116 111 – Alarmtelefonen for barn og unge" in text
    # From moduler/forste/utdelingsark/ (directory URLs) to hjelp/.
    assert '«<a href="../../../hjelp/">Hvis temaet berører deg</a>»' in text


def test_without_a_help_page_the_footer_names_it_without_a_link(course):
    text = footer(handout_md(course).convert("/// handout | forste\n///\n"))
    assert "116 006" in text and "116 111" in text
    assert "«Hvis temaet berører deg»" in text and "<a " not in text


def test_the_real_course_handouts_have_the_footer():
    assert (COURSE.docs / COURSE.course.help_page).is_file()
    md = handout_md(ROOT / "mkdocs.yml")
    for folder in sorted(p.name for p in COURSE.modules.iterdir() if (p / "utdelingsark.md").is_file()):
        md.reset()
        text = footer(md.convert(f"/// handout | {folder}\n///\n"))
        assert "116 006" in text and "116 111" in text and "Hvis temaet berører deg</a>" in text, folder
