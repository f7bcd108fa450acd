"""Checks on a scenario's graph as a whole: every choice leads somewhere, every node is
reached, every path can end, and the learner can reach a good ending.

Each problem names the file, the line, the node and the fix; all are listed at once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..core.errors import Problem
from ..core.locate import locator
from ..core.yamlfile import display_path
from .schema import Scenario


def graph_problems(scenario: Scenario, path: Path, line: Callable[[tuple], int] | None = None) -> list[Problem]:
    file = display_path(path)
    found: list[tuple[tuple, str, str | None]] = []  # (place in the file, message, node id)

    index: dict[str, int] = {}
    for ni, node in enumerate(scenario.nodes):
        if node.id in index:
            found.append(
                (
                    ("nodes", ni, "id"),
                    f"the node id '{node.id}' is used twice (also node {index[node.id] + 1}). "
                    "Fix: give each node its own id.",
                    node.id,
                )
            )
            continue
        index[node.id] = ni
    known = ", ".join(index) or "none"

    if scenario.start not in index:
        found.append(
            (
                ("start",),
                f"'start' names the node '{scenario.start}', which the scenario does not have. "
                f"Fix: use one of: {known}.",
                None,
            )
        )
    for ni, node in enumerate(scenario.nodes):
        for ci, choice in enumerate(node.choices or []):
            if choice.next not in index:
                found.append(
                    (
                        ("nodes", ni, "choices", ci, "next"),
                        f"choice {ci + 1} leads to '{choice.next}', which is no node of this scenario. "
                        f"Fix: use one of: {known}; or add a node with 'id: {choice.next}'.",
                        node.id,
                    )
                )
            for ti, tag in enumerate(choice.tags):
                if tag not in scenario.tags:
                    found.append(
                        (
                            ("nodes", ni, "choices", ci, "tags", ti),
                            f"choice {ci + 1} has the tag '{tag}', which is not under 'tags'. "
                            f"Fix: use one of: {', '.join(scenario.tags)}; or add it to 'tags'.",
                            node.id,
                        )
                    )

    leads = {n.id: [c.next for c in n.choices or [] if c.next in index] for n in scenario.nodes}
    reached: set[str] = set()
    todo = [scenario.start] if scenario.start in index else []
    while todo:
        current = todo.pop()
        if current not in reached:
            reached.add(current)
            todo.extend(leads[current])
    # The nodes from which an ending can be reached: grow backwards from the endings.
    can_end = {n.id for n in scenario.endings}
    grew = True
    while grew:
        grew = False
        for n in scenario.nodes:
            if n.id not in can_end and any(nxt in can_end for nxt in leads[n.id]):
                can_end.add(n.id)
                grew = True

    for ni, node in enumerate(scenario.nodes):
        if index.get(node.id) != ni:
            continue  # a duplicate, reported above
        if scenario.start in index and node.id not in reached:
            found.append(
                (
                    ("nodes", ni),
                    f"no path from the start reaches the node '{node.id}'. "
                    "Fix: let a choice lead here with 'next', or remove the node.",
                    node.id,
                )
            )
        elif node.id in reached and node.id not in can_end:
            found.append(
                (
                    ("nodes", ni),
                    f"from the node '{node.id}' no ending can be reached (its choices only go round). "
                    "Fix: let one of its choices, or a node after it, lead to an ending.",
                    node.id,
                )
            )
    if not any(n.ending == "good" for n in scenario.nodes):
        found.append(
            (
                ("nodes",),
                "the scenario has no good ending. Fix: make at least one ending 'ending: good', "
                "so a learner can see what a helpful conversation leads to.",
                None,
            )
        )
    if not found:
        return []
    line = line or locator(path)
    return [Problem(file, line(loc), f"node '{node}': {message}" if node else message) for loc, message, node in found]
