"""A course's scenarios: every `*.yml` in its scenarios folder, validated and graph-checked."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core.cache import cached
from ..core.errors import CourseError, Problem
from ..core.messages import load_folder, validate_file
from ..core.say import say
from ..core.settings import Settings
from ..core.yamlfile import display_path
from .graph import graph_problems
from .schema import Scenario

SCHEMA_FILE = "scenario.schema.json"


@dataclass(frozen=True)
class LoadedScenario:
    scenario: Scenario
    path: Path


def load_scenario(path: Path) -> Scenario:
    scenario = validate_file(
        path,
        Scenario,
        dict,
        say("scenario_shape"),
        holds=say("holds_scenario"),
    )
    problems = graph_problems(scenario, path)
    if problems:
        raise CourseError(problems)
    return scenario


def load_scenarios(directory: Path) -> dict[str, LoadedScenario]:
    """Every scenario of a folder (none when the folder does not exist); all problems at once."""
    directory = Path(directory)
    if not directory.is_dir():
        return {}
    loaded = load_folder(directory, load_scenario, "scenario")
    return {sid: LoadedScenario(scenario, path) for sid, (scenario, path) in loaded.items()}


def course_scenarios(settings: Settings) -> dict[str, LoadedScenario]:
    """The course's scenarios, loaded once per build."""
    return cached(load_scenarios, settings.scenarios, extra=("scenarios",))


def placement_problems(settings: Settings, scenarios: dict[str, LoadedScenario]) -> list[Problem]:
    """A page that places a scenario the course does not have, and a scenario no page places."""
    from ..core import blocks

    problems = []
    used = set()
    known = ", ".join(sorted(scenarios)) or say("none")
    for path, _ in settings.pages():
        for p in blocks.placements(path.read_text(encoding="utf-8"), "scenario"):
            used.add(p.argument)
            if p.argument and p.argument not in scenarios:
                problems.append(
                    Problem(
                        display_path(path),
                        p.line,
                        say("scenario_unknown", id=p.argument, known=known, folder=settings.course.scenarios),
                    )
                )
    problems += [
        Problem(
            display_path(loaded.path),
            1,
            say("scenario_unused", id=sid),
        )
        for sid, loaded in sorted(scenarios.items())
        if sid not in used
    ]
    return problems
