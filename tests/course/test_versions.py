"""Module versions: shown on the module page, and every change on «Hva er nytt», newest first."""

import re

import markdown
import pytest

from krisesenterkurs.core.errors import CourseError
from tests.support import small_course


@pytest.fixture
def md(tmp_path):
    config = small_course(
        tmp_path,
        modules=(
            (
                "forste",
                1,
                '  - version: "1.1"\n    date: 2027-02-01\n    text: Nytt spørsmål om bolig.\n    retake: true\n'
                '  - version: "1.0"\n    date: 2026-11-27\n    text: Første utgave.\n',
            ),
            ("andre", 2, None),
        ),
    )
    return markdown.Markdown(
        extensions=["krisesenterkurs.versions"],
        extension_configs={"krisesenterkurs.versions": {"config_file": str(config)}},
    )


def test_module_page_shows_version_and_last_update(md):
    html = md.convert("/// module-info | forste\n///\n")
    assert '<p class="kk-module-info">Versjon 1.1 · Sist oppdatert 1. februar 2027</p>' in html


def test_changelog_lists_every_change_newest_first(md):
    html = md.convert("/// changelog\n///\n")
    dates = re.findall(r"<h2[^>]*>([^<]+)</h2>", html)
    assert dates == ["1. februar 2027", "27. november 2026"]
    assert html.index("Nytt spørsmål om bolig.") < html.index("Første utgave.")
    assert html.count("Første utgave.") == 2
    assert "<strong>1 Modul forste, versjon 1.1:</strong>" in html


def test_unknown_module_is_an_error(md):
    with pytest.raises(CourseError, match="viser til modulen «tredje», som ikke finnes"):
        md.convert("/// module-info | tredje\n///\n")


def test_a_change_marked_retake_says_the_quiz_must_be_taken_again(md):
    html = md.convert("/// changelog\n///\n")
    assert (
        'Nytt spørsmål om bolig. <em class="kk-changelog__retake">Quizen må tas på nytt: '
        "et bestått resultat fra en tidligere versjon teller ikke lenger.</em>"
    ) in html
    assert html.count("kk-changelog__retake") == 1
