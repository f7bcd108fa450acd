"""The course's own scenarios (scenarios/): each long enough to practise on, with endings that can be reached."""

import re

import pytest

from krisesenterkurs.scenario.scenarios import load_scenarios
from tests.support import COURSE

SCENARIOS = load_scenarios(COURSE.scenarios)  # raises CourseError with file:line if a graph check fails
COURSE_PAGES = COURSE.docs  # learn_more paths are relative to docs_dir


def test_the_course_has_scenarios():
    assert SCENARIOS, f"no scenarios in {COURSE.scenarios}"


def reachable(scenario):
    seen, todo = set(), [scenario.start]
    while todo:
        node = scenario.node(todo.pop())
        if node is None or node.id in seen:
            continue
        seen.add(node.id)
        todo.extend(c.next for c in node.choices or [])
    return seen


@pytest.mark.parametrize("sid", sorted(SCENARIOS))
def test_scenario_has_enough_decisions_and_endings(sid):
    scenario = SCENARIOS[sid].scenario
    decisions = [n for n in scenario.nodes if n.choices]
    kinds = [n.ending for n in scenario.endings]
    assert len(decisions) >= 8, f"{sid}: {len(decisions)} decision nodes"
    assert len(kinds) >= 3, f"{sid}: {len(kinds)} endings"
    assert "good" in kinds and "poor" in kinds, f"{sid}: endings {kinds}"


@pytest.mark.parametrize("sid", sorted(SCENARIOS))
def test_every_ending_is_reached_from_start(sid):
    scenario = SCENARIOS[sid].scenario
    missing = {n.id for n in scenario.endings} - reachable(scenario)
    assert not missing, f"{sid}: endings not reached from '{scenario.start}': {sorted(missing)}"


@pytest.mark.parametrize("sid", sorted(SCENARIOS))
def test_scenario_says_it_is_fictional_and_names_sources(sid):
    scenario = SCENARIOS[sid].scenario
    assert "Fiktivt" in scenario.intro, f"{sid}: the intro must say the example is fictional («Fiktivt»)"
    assert scenario.sources and all(s.strip() for s in scenario.sources), f"{sid}: no sources"


def _anchors(page):
    slugs = set()
    for line in page.read_text(encoding="utf-8").splitlines():
        m = re.match(r"#{1,6}\s+(.*?)\s*(\{#([\w-]+)\})?\s*$", line)
        if not m:
            continue
        if m.group(3):
            slugs.add(m.group(3))
        text = m.group(1).lower().replace("å", "a")
        text = re.sub(r"[^\w\s-]", "", text)
        text = re.sub(r"[^a-z0-9\s-]", "", text)
        slugs.add(re.sub(r"[\s]+", "-", text.strip()))
    return slugs


@pytest.mark.parametrize("sid", sorted(SCENARIOS))
def test_learn_more_leads_to_a_page_and_heading_of_the_course(sid):
    for target in SCENARIOS[sid].scenario.learn_more:
        path, _, anchor = target.partition("#")
        page = COURSE_PAGES / path
        assert page.is_file(), f"{sid}: learn_more page {path} does not exist"
        if anchor:
            assert anchor in _anchors(page), f"{sid}: no heading with anchor #{anchor} on {path}"
