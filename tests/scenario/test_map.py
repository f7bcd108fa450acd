"""The facilitator's map of a scenario: every step and ending, each choice with its tags and where it leads."""

import re

from krisesenterkurs.scenario.map import render_map, step_numbers
from krisesenterkurs.scenario.scenarios import load_scenario
from tests.scenarios import VALID, write
from tests.support import COURSE


def test_steps_are_numbered_in_the_order_a_walk_from_the_start_meets_them(tmp_path):
    scenario = load_scenario(write(tmp_path, VALID))
    assert step_numbers(scenario) == {"start": 1, "avklare": 2}


def test_every_step_and_ending_is_listed_and_every_choice_links_to_where_it_leads(tmp_path):
    scenario = load_scenario(write(tmp_path, VALID))
    html = render_map(scenario, lang="nb", uid="m")
    ids = re.findall(r'<li class="kk-scenario-map__step" id="([^"]+)"', html)
    assert ids == [f"m-{n}" for n in ("start", "avklare", "slutt-god", "slutt-blandet", "slutt-darlig")]
    targets = re.findall(r'→ <a href="#([^"]+)">', html)
    assert len(targets) == sum(len(n.choices or []) for n in scenario.nodes) and set(targets) <= set(ids)
    assert "<strong>Steg 1</strong>" in html and "<strong>God slutt: Et godt samarbeid</strong>" in html
    assert "[Åpner (hjelper)]" in html and "[Lukker (hjelper ikke)]" in html
    assert "2 steg med valg og 3 slutter." in html
    assert "<script" not in html


def test_every_facilitator_guide_has_its_module_s_scenario_in_group_mode_and_its_map():
    from krisesenterkurs.core import blocks

    for guide in sorted(COURSE.modules.glob("*/workshopleder.md")):
        learner = (guide.parent / "samtaletrening.md").read_text(encoding="utf-8")
        (scenario,) = {p.argument for p in blocks.placements(learner, "scenario")}
        text = guide.read_text(encoding="utf-8")
        assert f"/// scenario | {scenario}\n    mode: group\n///" in text, guide
        assert f"/// scenario | {scenario}\n    mode: map\n///" in text, guide
