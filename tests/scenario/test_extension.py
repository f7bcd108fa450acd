"""`/// scenario | id` on a page, built by both engines; a page's mistake is one line with its place."""

import re
from pathlib import Path

import pytest

import krisesenterkurs
from krisesenterkurs.authoring.check import build_problems
from krisesenterkurs.core.settings import Settings
from krisesenterkurs.publishing.engines import run
from tests.scenarios import write
from tests.support import small_course

THEME = Path(krisesenterkurs.__file__).parent / "theme"


@pytest.fixture
def course(tmp_path):
    config = small_course(tmp_path / "kurs")
    (config.parent / "docs" / "index.md").write_text("# Start\n", encoding="utf-8")
    write(config.parent / "scenarios")
    page = config.parent / "docs" / "moduler" / "forste" / "ovelse.md"
    page.write_text("# Øvelse\n\n/// scenario | telefon\nFiktivt eksempel.\n///\n", encoding="utf-8")
    text = config.read_text(encoding="utf-8").replace(
        "  name: material\n", f"  name: material\n  custom_dir: {THEME}\n"
    )
    text += (
        "plugins:\n  - krisesenterkurs\nmarkdown_extensions:\n  - krisesenterkurs.quiz\n  - krisesenterkurs.scenario\n"
    )
    config.write_text(text, encoding="utf-8")
    return Settings.load(config)


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_both_engines_build_the_scenario(course, engine, tmp_path):
    result = run(course, tmp_path / "site", engine=engine, strict=False)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "moduler" / "forste" / "ovelse" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="kk-scenario"') == 1
    assert re.search(
        r'<div class="kk-scenario__lead">\s*<p>Fiktivt eksempel.</p>\s*</div>\s*<section class="kk-scenario"', html
    )
    # The in-page links of the no-JavaScript view survive the engine's link rewriting.
    assert re.findall(r'kk-scenario__go"><a href="([^"]+)"', html)[0] == "#kks1-telefon-avklare"


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_an_unknown_scenario_is_one_line_with_page_and_line(course, engine, tmp_path):
    page = course.modules / "forste" / "ovelse.md"
    page.write_text("# Øvelse\n\nTekst.\n\n/// scenario | telefn\n///\n", encoding="utf-8")
    (course.root / "scenarios" / "telefon.yml").unlink()  # else check stops first: the scenario is unused
    write(course.root / "scenarios", name="telefon.yml")
    result = run(course, tmp_path / "site", engine=engine, strict=False)
    assert result.returncode != 0
    assert (
        "docs/moduler/forste/ovelse.md:5: det finnes ikke noe scenario med id «telefn». Rett: bruk en av disse: telefon;"
        in result.stderr
    ), result.stderr
    assert "Traceback" not in result.stderr and 'File "' not in result.stderr


def test_a_scenario_no_page_places_stops_the_build(course):
    (course.modules / "forste" / "ovelse.md").write_text("# Øvelse\n", encoding="utf-8")
    problems = [str(p) for p in build_problems(course)]
    assert any(
        "scenarios/telefon.yml:1: scenarioet «telefon» brukes ikke på noen side. Rett: sett det inn på en side med "
        "«/// scenario | telefon»" in p
        for p in problems
    ), problems


def test_a_broken_scenario_stops_the_build_with_its_line(course):
    path = course.root / "scenarios" / "telefon.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("next: avklare", "next: avklar"), encoding="utf-8")
    problems = [str(p) for p in build_problems(course)]
    assert any("telefon.yml:" in p and "valg 1 leder til «avklar»" in p for p in problems), problems


def test_the_map_mode_places_the_facilitator_s_map_and_a_wrong_mode_is_one_line(course, tmp_path):
    page = course.modules / "forste" / "ovelse.md"
    page.write_text("# Øvelse\n\n/// scenario | telefon\n///\n\n/// scenario | telefon\n    mode: map\n///\n")
    result = run(course, tmp_path / "site", engine="mkdocs", strict=False)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "moduler" / "forste" / "ovelse" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="kk-scenario"') == 1 and html.count('class="kk-scenario-map"') == 1
    page.write_text("# Øvelse\n\n/// scenario | telefon\n    mode: kart\n///\n")
    result = run(course, tmp_path / "site2", engine="mkdocs", strict=False)
    assert result.returncode != 0
    assert "ovelse.md:3: scenario «telefon»: «mode» må være «individual», «group» eller «map»." in result.stderr
    assert 'File "' not in result.stderr
