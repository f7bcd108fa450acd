"""A learner practises a conversation (samtaletrening): by keyboard to every ending, back and
restart, resuming after a reload, readable without JavaScript, and accessible in every state."""

import re
from collections import deque

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from krisesenterkurs.scenario.scenarios import load_scenario
from tests.support import COURSE

pytestmark = pytest.mark.browser
URL = "moduler/mandat/samtaletrening/"
SCENARIO = load_scenario(COURSE.scenarios / "nav-ringer.yml")
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def paths_to_endings():
    """The shortest path of choice numbers to each ending, from the scenario file itself."""
    found, todo = {SCENARIO.start: []}, deque([SCENARIO.start])
    while todo:
        node = SCENARIO.node(todo.popleft())
        for n, choice in enumerate(node.choices or []):
            if choice.next not in found:
                found[choice.next] = found[node.id] + [n]
                todo.append(choice.next)
    return {e.id: found[e.id] for e in SCENARIO.endings}


@pytest.fixture
def scenario(page, base_url):
    page.goto(base_url + URL)
    expect(page.locator(".kk-scenario[data-ready]")).to_have_count(1)
    return page


def choose(page, n):
    """Pick choice n and go on, by keyboard only: Tab to the button, Enter, then Enter on «Fortsett»."""
    option = page.locator(".kk-scenario__option").nth(n)
    option.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".kk-scenario__continue")).to_be_visible()
    page.locator(".kk-scenario__continue").focus()
    page.keyboard.press("Enter")


def test_every_ending_can_be_reached_by_keyboard(scenario):
    endings = paths_to_endings()
    assert len(endings) >= 3
    for ending, path in endings.items():
        for n in path:
            choose(scenario, n)
        node = SCENARIO.node(ending)
        box = scenario.locator(".kk-scenario__now")
        expect(box.locator(".kk-scenario__title")).to_contain_text(node.title)
        expect(box.locator(".kk-scenario__summary")).to_contain_text(f"Du tok {len(path)} valg")
        # Focus moved to the new text, so it is seen and read out.
        assert scenario.evaluate("document.activeElement.classList.contains('kk-scenario__now')")
        scenario.locator(".kk-scenario__restart").click()
        expect(scenario.locator(".kk-scenario__step")).to_have_text("Steg 1")
    # Every ending counted as reached.
    scenario.reload()
    path = next(iter(endings.values()))
    for n in path:
        choose(scenario, n)
    expect(scenario.locator(".kk-scenario__summary")).to_contain_text(
        f"Du har nådd {len(endings)} av {len(endings)} avslutninger"
    )


def test_feedback_names_its_tags_in_words_and_is_announced(scenario):
    first = SCENARIO.node(SCENARIO.start).choices[0]
    scenario.locator(".kk-scenario__option").first.click()
    feedback = scenario.locator(".kk-scenario__stage .kk-scenario__feedback")
    for tag in first.tags:
        label = SCENARIO.tags[tag]
        expect(feedback).to_contain_text(f"{label.label} ({'hjelper' if label.helpful else 'hjelper ikke'})")
    live = scenario.locator(".kk-scenario [aria-live]")
    expect(live).to_contain_text(first.feedback.split(".")[0])


def test_try_another_choice_goes_back_one_decision(scenario):
    ending, path = next((e, p) for e, p in paths_to_endings().items() if len(p) >= 2)
    for n in path:
        choose(scenario, n)
    scenario.locator(".kk-scenario__back").click()
    expect(scenario.locator(".kk-scenario__step")).to_have_text(f"Steg {len(path)}")
    expect(scenario.locator(".kk-scenario__option")).to_have_count(len(SCENARIO.node(walk_to(path[:-1])).choices))


def walk_to(path):
    node = SCENARIO.node(SCENARIO.start)
    for n in path:
        node = SCENARIO.node(node.choices[n].next)
    return node.id


def test_a_reload_resumes_where_the_learner_was(scenario):
    choose(scenario, 0)
    scenario.locator(".kk-scenario__option").first.click()  # feedback showing, not yet continued
    scenario.reload()
    expect(scenario.locator(".kk-scenario__continue")).to_be_visible()
    expect(scenario.locator(".kk-scenario__turn")).to_have_count(2)
    scenario.locator(".kk-scenario__continue").click()
    expect(scenario.locator(".kk-scenario__step")).to_have_text("Steg 3")


def test_instant_navigation_draws_the_scenario_once_and_keeps_its_place(page, base_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url + "moduler/mandat/")
    page.evaluate("window.__sameDocument = true")
    page.locator(".md-nav--primary").get_by_role("link", name="Samtaletrening").first.click()
    expect(page).to_have_url(re.compile(re.escape(URL) + "$"))
    expect(page.locator(".kk-scenario[data-ready]")).to_have_count(1)
    # Its styles came with it, and no full reload happened.
    expect(page.locator(".kk-scenario__nodes")).to_be_hidden()
    assert page.evaluate("window.__sameDocument") is True
    choose(page, 0)
    expect(page.locator(".kk-scenario__step")).to_have_text("Steg 2")
    # Away and back: drawn once per visit, where the learner was.
    page.locator(".md-nav--primary").get_by_role("link", name="Oppsummering").first.click()
    page.go_back()
    expect(page.locator(".kk-scenario[data-ready]")).to_have_count(1)
    assert page.evaluate("window.__sameDocument") is True
    expect(page.locator(".kk-scenario__step")).to_have_text("Steg 2")
    expect(page.locator(".kk-scenario__option").first).to_be_visible()


def test_in_group_mode_a_workshop_plays_it_and_nothing_is_stored(page, base_url):
    """The facilitator guide holds the module's scenario in group mode, and its map."""
    page.goto(base_url + "moduler/mandat/workshopleder/")
    group = page.locator('.kk-scenario[data-mode="group"]')
    expect(group).to_have_attribute("data-ready", "")
    expect(group.locator(".kk-scenario__group")).to_have_text("Gruppemodus: Ingenting blir lagret.")
    for _ in range(2):
        group.locator(".kk-scenario__option").first.click()
        group.locator(".kk-scenario__continue").click()
    expect(group.locator(".kk-scenario__turn")).to_have_count(2)
    assert [k for k in page.evaluate("Object.keys(localStorage)") if ":scenario:" in k] == []
    page.reload()
    expect(page.locator('.kk-scenario[data-mode="group"] .kk-scenario__turn')).to_have_count(0)
    # The map lists every node of the scenario, each choice linked to where it leads.
    steps = page.locator(".kk-scenario-map__step")
    expect(steps).to_have_count(len(SCENARIO.nodes))


def test_min_fremdrift_tells_how_far_the_learner_has_practised(scenario, base_url):
    def cell():
        scenario.goto(base_url + "fremdrift/")
        return scenario.locator('tr[data-module="mandat"] .kk-progress__practice')

    expect(cell()).to_have_text("Ikke startet")
    scenario.goto(base_url + URL)
    choose(scenario, 0)
    expect(cell()).to_have_text("Påbegynt")
    expect(cell().get_by_role("link")).to_have_attribute("href", re.compile(r"moduler/mandat/samtaletrening/$"))
    # From the start again (the path in progress forgotten), to an ending.
    scenario.evaluate(
        "Object.keys(localStorage).filter(k => k.includes(':scenario:')).forEach(k => localStorage.removeItem(k))"
    )
    scenario.goto(base_url + URL)
    path = next(iter(paths_to_endings().values()))
    for n in path:
        choose(scenario, n)
    expect(cell()).to_have_text(f"1 av {len(SCENARIO.endings)} slutter nådd")


def test_without_javascript_the_whole_conversation_can_be_read(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + URL)
    nodes = page.locator(".kk-scenario__node")
    expect(nodes).to_have_count(len(SCENARIO.nodes))
    expect(page.locator(".kk-scenario__noscript")).to_be_visible()
    links = page.locator(".kk-scenario__go a")
    targets = {href.lstrip("#") for href in links.evaluate_all("els => els.map(a => a.getAttribute('href'))")}
    ids = set(nodes.evaluate_all("els => els.map(e => e.id)"))
    assert targets and targets <= ids
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violation_in_any_state(browser, base_url, scheme):
    context = browser.new_context(color_scheme=scheme, reduced_motion="reduce")
    page = context.new_page()
    page.goto(base_url + URL)
    expect(page.locator(".kk-scenario[data-ready]")).to_have_count(1)
    axe = Axe()

    def violations():
        found = axe.run(page, context=".kk-scenario", options=WCAG).response["violations"]
        return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in found]

    path = next(p for p in paths_to_endings().values() if p and p[0] == 0)
    found = {"step": violations()}
    page.locator(".kk-scenario__option").first.click()
    found["feedback"] = violations()
    page.locator(".kk-scenario__continue").click()
    for n in path[1:]:
        choose(page, n)
    expect(page.locator(".kk-scenario__restart")).to_be_visible()
    found["ending"] = violations()
    context.close()
    assert found == {"step": [], "feedback": [], "ending": []}
