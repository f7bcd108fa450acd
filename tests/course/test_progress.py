"""The progress extension: every page carries the course manifest; blocks place the views."""

import json
import re
from html import unescape

import markdown
import pytest

from tests.support import small_course


@pytest.fixture
def md(tmp_path):
    config = small_course(tmp_path)
    return markdown.Markdown(
        extensions=["krisesenterkurs.progress"],
        extension_configs={"krisesenterkurs.progress": {"config_file": str(config)}},
    )


def carried(html):
    tag = re.search(r'<div class="kk-course"[^>]*>', html)
    assert tag and 'hidden="hidden"' in tag.group(0), html
    course = re.search(r'data-course="([^"]*)"', tag.group(0)).group(1)
    words = re.search(r'data-strings="([^"]*)"', tag.group(0)).group(1)
    return json.loads(unescape(course)), json.loads(unescape(words))


def test_every_page_carries_the_manifest(md):
    course, words = carried(md.convert("# En side\n\nTekst."))
    assert [m["id"] for m in course["modules"]] == ["forste"]
    assert course["title"] == "Kurset" and course["publisher"] == "RVTS Sør"
    assert course["progress"] == "fremdrift/" and course["certificate"] == "kursbevis/"
    assert course["modules"][0]["dir"] == "moduler/forste/"
    assert words["status_completed"] == "Fullført"


@pytest.mark.parametrize("kind", ["progress", "resume", "certificate"])
def test_blocks_place_a_view_that_says_it_needs_javascript(md, kind):
    html = md.convert(f"/// {kind}\n///\n")
    assert re.search(
        rf'<div class="kk-{kind}" data-kk="{kind}">\s*<noscript>\s*<p>Denne delen trenger JavaScript', html
    )
