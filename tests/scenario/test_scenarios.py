"""Scenario files: the model's rules and the graph checks, each with file, line, node and fix."""

import pytest

from krisesenterkurs.core.errors import CourseError
from krisesenterkurs.scenario.scenarios import load_scenario, load_scenarios
from tests.scenarios import VALID, write


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # messages name files relative to where the editor works


def problems(tmp_path, text):
    with pytest.raises(CourseError) as info:
        load_scenario(write(tmp_path, text))
    return [str(p) for p in info.value.problems]


def line_of(text, needle, nth=1):
    return [i + 1 for i, line in enumerate(text.splitlines()) if needle in line][nth - 1]


def test_the_valid_scenario_loads(tmp_path):
    scenario = load_scenario(write(tmp_path))
    assert [n.ending for n in scenario.endings] == ["good", "mixed", "poor"]
    assert scenario.node("avklare").choices[0].next == "slutt-god"


CASES = [
    # (rule, edit, needle for the reported line (nth), words)
    (
        "unknown next",
        lambda t: t.replace("next: slutt-blandet", "next: slutt-blandt"),
        ("next: slutt-blandt", 1),
        [
            "steg «avklare»: valg 2 leder til «slutt-blandt», som ikke er et steg",
            "Rett: bruk en av disse: start, avklare",
        ],
    ),
    (
        "unreachable node",
        lambda t: t.replace("next: slutt-blandet", "next: slutt-god"),
        ("- id: slutt-blandet", 1),
        ["steg «slutt-blandet»: ingen vei fra starten når fram til steget", "Rett: la et valg lede hit"],
    ),
    (
        "neither ending nor choices",
        lambda t: t.replace("    ending: mixed\n    title: Et halvveis svar\n", ""),
        ("- id: slutt-blandet", 1),
        ["steget er verken en slutt eller har valg", "Rett: gi det «choices» (2 til 4)"],
    ),
    (
        "no ending reachable",
        lambda t: t.replace("next: slutt-god", "next: avklare").replace("next: slutt-blandet", "next: avklare"),
        ("- id: avklare", 1),
        ["steg «avklare»: fra steget «avklare» kan ingen slutt nås", "Rett: la et av valgene"],
    ),
    (
        "duplicate id",
        lambda t: t.replace("  - id: slutt-blandet", "  - id: slutt-god"),
        ("- id: slutt-god", 2),
        ["steg «slutt-god»: steg-id-en «slutt-god» er brukt to ganger (også i steg 3)"],
    ),
    (
        "undefined tag",
        lambda t: t.replace("tags: [trygger]", "tags: [trygge]"),
        ("tags: [trygge]", 1),
        [
            "steg «avklare»: valg 1 har merket «trygge», som ikke står under «tags»",
            "Rett: bruk en av disse: trygger, apner",
        ],
    ),
    (
        "ingen god slutt",
        lambda t: t.replace("ending: good", "ending: mixed"),
        ("nodes:", 1),
        ["scenarioet har ingen god slutt", "Rett: gjør minst én slutt til «ending: good»"],
    ),
    (
        "unknown start",
        lambda t: t.replace("start: start", "start: begynn"),
        ("start: begynn", 1),
        ["«start» viser til steget «begynn»", "Rett: bruk en av disse: start"],
    ),
    (
        "one choice only",
        lambda t: t.replace(
            "      - text: Det kommer an på.\n        next: slutt-blandet\n        feedback: Uklart for veilederen.\n",
            "",
        ),
        ("    choices:", 2),
        ["«nodes[2].choices» har for få punkter", "minst 2"],
    ),
    (
        "ukjent nøkkel",
        lambda t: t.replace("    speaker: NAV-veileder\n    text: Hva", "    taler: NAV-veileder\n    text: Hva"),
        ("taler: NAV-veileder", 1),
        ["ukjent nøkkel «taler»"],
    ),
]


@pytest.mark.parametrize(("rule", "edit", "needle", "words"), CASES, ids=[c[0] for c in CASES])
def test_each_mistake_names_file_line_node_and_fix(tmp_path, rule, edit, needle, words):
    text = edit(VALID)
    found = problems(tmp_path, text)
    line = line_of(text, *needle)
    hits = [p for p in found if p.startswith(f"telefon.yml:{line}:") and all(w in p for w in words)]
    assert hits, found
    assert "Traceback" not in " ".join(found)


def test_every_graph_problem_of_a_file_is_listed_at_once(tmp_path):
    text = VALID.replace("next: slutt-blandet", "next: ukjent").replace("tags: [trygger]", "tags: [trygge]")
    assert len(problems(tmp_path, text)) == 3  # the unknown next, the tag, and the ending no path reaches now


def test_a_folder_of_scenarios_reports_every_file_and_duplicate_ids(tmp_path):
    folder = tmp_path / "scenarios"
    write(folder, VALID, "a.yml")
    write(folder, VALID, "b.yml")
    write(folder, VALID.replace("start: start", "start: x"), "c.yml")
    with pytest.raises(CourseError) as info:
        load_scenarios(folder)
    found = [str(p) for p in info.value.problems]
    assert any("b.yml:1: scenario-id-en «telefon» er allerede brukt av scenarios/a.yml" in p for p in found), found
    assert any(p.startswith("scenarios/c.yml:") and "«start» viser til steget «x»" in p for p in found), found
    assert load_scenarios(tmp_path / "none") == {}
