"""«Les mer»: a question's `learn_more:` is checked against the course's pages and headings,
and links there from the quiz page under both engines."""

import re
from pathlib import Path

import pytest

import krisesenterkurs
from krisesenterkurs.authoring.check import build_problems
from krisesenterkurs.core.settings import Settings
from krisesenterkurs.publishing.engines import run
from krisesenterkurs.quiz.learnmore import headings
from tests.banks import VALID
from tests.support import COURSE, small_course

THEME = Path(krisesenterkurs.__file__).parent / "theme"
TEACHING = "# Om ansvar\n\n## Kommunens ansvar\n\nTekst.\n\n## Barn og **unge** {#barn}\n\n## Kommunens ansvar\n"


def course_with(tmp_path, learn_more: str) -> Settings:
    bank = VALID.replace("    prompt: Påstand.\n", f"    prompt: Påstand.\n    learn_more: {learn_more}\n")
    config = small_course(tmp_path / "kurs", bank=bank)
    (config.parent / "docs" / "index.md").write_text("# Start\n", encoding="utf-8")
    (config.parent / "docs" / "moduler" / "forste" / "ansvar.md").write_text(TEACHING, encoding="utf-8")
    return Settings.load(config)


def test_headings_get_the_anchors_of_the_toc_extension(tmp_path):
    page = tmp_path / "side.md"
    page.write_text(TEACHING + "\n```\n## Ikke en overskrift\n```\n### Økonomi og `NAV`\n", encoding="utf-8")
    found = [(h.level, h.text, h.anchor) for h in headings(page)]
    assert found == [
        (1, "Om ansvar", "om-ansvar"),
        (2, "Kommunens ansvar", "kommunens-ansvar"),
        (2, "Barn og unge", "barn"),
        (2, "Kommunens ansvar", "kommunens-ansvar_1"),
        (3, "Økonomi og NAV", "konomi-og-nav"),
    ]


def test_the_anchors_agree_with_every_heading_of_the_built_course(served_course):
    # The rule above must hold on the real pages: admonitions, tabs, glossary terms and all.
    checked = 0
    for path, virtual in COURSE.pages():
        built = served_course["dir"] / COURSE.url(virtual) / "index.html"
        if not built.exists():
            continue
        html = built.read_text(encoding="utf-8")
        article = html[html.index("<article") : html.index("</article>")]
        ids = re.findall(r"<h[1-6][^>]* id=\"([^\"]+)\"", article)
        # In order, allowing for headings the course's extensions add (the change log, say).
        remaining = iter(ids)
        anchors = [h.anchor for h in headings(path)]
        assert all(anchor in remaining for anchor in anchors), (virtual, anchors, ids)
        checked += len(anchors)
    assert checked > 100  # the course's pages, not an empty list


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("moduler/forste/ansvaret.md", "«learn_more» viser til siden «moduler/forste/ansvaret.md», som kurset"),
        (
            "moduler/forste/ansvar.md#barn-og-unge",
            "«learn_more» viser til overskriften «#barn-og-unge», som moduler/forste/ansvar.md ikke har. "
            "Rett: bruk ankeret til en av overskriftene der: kommunens-ansvar, barn, kommunens-ansvar_1.",
        ),
    ],
)
def test_a_link_to_a_missing_page_or_heading_stops_the_build(tmp_path, target, message):
    settings = course_with(tmp_path, target)
    problems = [str(p) for p in build_problems(settings)]
    bank_text = (settings.quizzes / "test.yml").read_text(encoding="utf-8")
    line = bank_text.splitlines().index(f"    learn_more: {target}") + 1
    assert len(problems) == 1, problems
    assert f"test.yml:{line}: spørsmål «tre»: {message}" in problems[0]


def test_a_link_to_a_page_and_heading_that_exist_passes(tmp_path):
    assert build_problems(course_with(tmp_path, "moduler/forste/ansvar.md#barn")) == []


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_the_quiz_links_to_the_heading_under_both_engines(tmp_path, engine):
    settings = course_with(tmp_path, "moduler/forste/ansvar.md#barn")
    text = settings.config_file.read_text(encoding="utf-8").replace(
        "  name: material\n", f"  name: material\n  custom_dir: {THEME}\n"
    )
    text += "plugins:\n  - krisesenterkurs\nmarkdown_extensions:\n  - krisesenterkurs.quiz\n  - toc\n  - attr_list\n"
    settings.config_file.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = run(Settings.load(settings.config_file), site, engine=engine, strict=False)
    assert result.returncode == 0, result.stderr
    quiz_page = site / "moduler" / "forste" / "quiz" / "index.html"
    link = re.search(r'<p class="kk-question__learn-more"><a href="([^"]+)">([^<]+)</a>', quiz_page.read_text("utf-8"))
    assert link and link.group(2) == "Les mer: Barn og unge"
    address, anchor = link.group(1).split("#")
    target = (quiz_page.parent / address).resolve() / "index.html"
    assert target == (site / "moduler" / "forste" / "ansvar" / "index.html").resolve()
    assert f'id="{anchor}"' in target.read_text(encoding="utf-8")
