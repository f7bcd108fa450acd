"""`check` calls a glossary term unused exactly when the build marks it on no page."""

import re
from pathlib import Path

import pytest

import krisesenterkurs
from krisesenterkurs.authoring.check import check
from krisesenterkurs.core.settings import Settings
from krisesenterkurs.publishing.engines import run
from tests.support import small_course

THEME = Path(krisesenterkurs.__file__).parent / "theme"
GLOSSARY = """\
- term: NAV
  definition: Arbeids- og velferdsforvaltningen.
- term: C++
  definition: Et programmeringsspråk.
"""

# name: (the only page text that holds the term, whether the build marks it there)
USES = {
    "running text": ("Kontakt NAV i dag.", True),
    "a term ending in a sign": ("Hun skriver C++ i dag.", True),
    "a bare web address": ("Se https://www.nav.no/NAV/ for mer.", False),
    "a link's address": ("Se [siden](https://www.nav.no/NAV/).", False),
    "a code span": ("Skriv `NAV` i feltet.", False),
    "a code block": ("```\nNAV\n```", False),
    "a heading": ("## NAV", False),
    "an inflected form not listed": ("NAVs kontor.", False),
}


@pytest.fixture
def course(tmp_path):
    config = small_course(tmp_path / "kurs")
    text = config.read_text(encoding="utf-8").replace(
        "  name: material\n", f"  name: material\n  custom_dir: {THEME}\n"
    )
    text += (
        "plugins:\n  - krisesenterkurs\nmarkdown_extensions:\n  - krisesenterkurs.quiz\n  - krisesenterkurs.glossary\n"
    )
    config.write_text(text, encoding="utf-8")
    (config.parent / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    return Settings.load(config)


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
@pytest.mark.parametrize("name", list(USES))
def test_check_calls_a_term_unused_exactly_when_the_build_marks_it_nowhere(course, name, engine, tmp_path):
    page, marked = USES[name]
    term = "C++" if "C++" in page else "NAV"
    other = "NAV" if term == "C++" else "C++"
    (course.docs / "index.md").write_text(f"# Start\n\n{page}\n\nOg {other} her.\n", encoding="utf-8")
    result = run(course, tmp_path / "site", engine=engine, strict=False)
    assert result.returncode == 0, result.stderr
    html = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("*.html"))
    built = set(re.findall(r"<abbr[^>]*>([^<]+)</abbr>", html))
    problems, _ = check(course)
    unused = {
        m.group(1) for p in problems if (m := re.search(r"begrepet «([^»]+)» brukes ikke på noen side", p.message))
    }
    assert (term in built) is marked, built
    assert (term in unused) is not marked, [str(p) for p in problems]
    assert other in built and other not in unused
