"""The scenario's targets: its script and styles by size, and how fast a choice is drawn.

A synthetic 100-node conversation (97 steps, three endings), placed on one page of a course built
with this project's extensions, timed in Chromium: the time from a choice's click to its drawn
feedback, and from «Fortsett» to the next step, each with the layout it forces, as a learner's
click would trigger it.
"""

from __future__ import annotations

import statistics
from pathlib import Path

import yaml

from bench.courses import CONFIG, PARAGRAPH, THEME

NODES = 100
SCENARIO_ID = "benk"
PAGE = "index.md"


def scenario(nodes: int = NODES) -> dict:
    """A chain of steps, each with a choice that goes on, one that ends poorly and one that stays."""
    steps = nodes - 3
    tags = {"apner": {"label": "Åpner", "helpful": True}, "lukker": {"label": "Lukker", "helpful": False}}
    out = []
    for i in range(steps):
        here, on = f"steg-{i}", (f"steg-{i + 1}" if i + 1 < steps else "god")
        out.append(
            {
                "id": here,
                "speaker": "Veilederen",
                "text": f"Steg {i + 1}. " + PARAGRAPH,
                "choices": [
                    {"text": "Jeg spør hva hun trenger.", "next": on, "feedback": PARAGRAPH, "tags": ["apner"]},
                    {"text": "Jeg avslutter samtalen.", "next": "darlig", "feedback": PARAGRAPH, "tags": ["lukker"]},
                    {"text": "Jeg sier at jeg må tenke.", "next": "blandet", "feedback": PARAGRAPH, "tags": []},
                ],
            }
        )
    for ending, kind in (("god", "good"), ("blandet", "mixed"), ("darlig", "poor")):
        out.append({"id": ending, "ending": kind, "title": f"Slutt: {ending}", "text": PARAGRAPH})
    return {
        "id": SCENARIO_ID,
        "title": "Benkeprøve",
        "role": "Du er ansatt ved krisesenteret.",
        "intro": "Fiktivt eksempel til måling.",
        "tags": tags,
        "start": "steg-0",
        "nodes": out,
        "sources": ["Syntetisk."],
    }


def write_scenario_course(root: Path, nodes: int = NODES) -> Path:
    docs = root / "docs"
    docs.mkdir(parents=True)
    (root / "scenarios").mkdir()
    (root / "quizzes").mkdir()  # the plugin wants the course's quiz folder, though it holds no bank
    (root / "scenarios" / f"{SCENARIO_ID}.yml").write_text(
        yaml.safe_dump(scenario(nodes), allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    (docs / PAGE).write_text(f"# Samtaletrening\n\n/// scenario | {SCENARIO_ID}\n///\n", encoding="utf-8")
    (docs / "om.md").write_text("# Om\n\n" + PARAGRAPH + "\n", encoding="utf-8")
    config = CONFIG.format(
        theme_extra=f"  custom_dir: {THEME}\n",
        plugins="  - krisesenterkurs\n",
        extensions=(
            "  - krisesenterkurs.quiz\n  - krisesenterkurs.scenario\n"
            "extra:\n  course:\n    quizzes: quizzes\n    scenarios: scenarios\n"
        ),
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def scenario_assets(site: Path) -> list[Path]:
    """The scenario's own files as served from a built site: only pages with a scenario load them."""
    folder = site / "assets" / "krisesenterkurs"
    return [folder / "scenario.js", folder / "scenario.css"]


# In the page: click, then force the layout the browser would do before painting.
_TIMED_CLICK = """selector => {
    const button = document.querySelector(selector);
    const start = performance.now();
    button.click();
    void document.body.offsetHeight;
    return performance.now() - start;
}"""


def choice_ms(site: Path, runs: int, choices: int = 20) -> dict[str, float]:
    """Medians in ms over `runs` page loads of `choices` choices each: a choice to its feedback,
    and «Fortsett» to the next step drawn."""
    from bench.serve import chromium_on

    found: dict[str, list[float]] = {"choice": [], "next": []}
    with chromium_on(site) as (browser, base):
        for _ in range(runs):
            page = browser.new_page()
            page.goto(base, wait_until="load")
            page.wait_for_selector(".kk-scenario[data-ready]")
            for _ in range(choices):
                found["choice"].append(page.evaluate(_TIMED_CLICK, ".kk-scenario__option"))
                found["next"].append(page.evaluate(_TIMED_CLICK, ".kk-scenario__continue"))
            page.close()
    return {k: statistics.median(v) for k, v in found.items()}
