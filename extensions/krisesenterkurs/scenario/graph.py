"""Checks on a scenario's graph as a whole: every choice leads somewhere, every node is
reached, every path can end, and the learner can reach a good ending.

Each problem names the file, the line, the node and the fix; all are listed at once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..core.errors import Problem
from ..core.locate import locator
from ..core.say import say
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
                    say("node_id_twice", id=node.id, other=index[node.id] + 1),
                    node.id,
                )
            )
            continue
        index[node.id] = ni
    known = ", ".join(index) or say("none")

    if scenario.start not in index:
        found.append(
            (
                ("start",),
                say("start_unknown", id=scenario.start, known=known),
                None,
            )
        )
    for ni, node in enumerate(scenario.nodes):
        for ci, choice in enumerate(node.choices or []):
            if choice.next not in index:
                found.append(
                    (
                        ("nodes", ni, "choices", ci, "next"),
                        say("choice_next_unknown", n=ci + 1, id=choice.next, known=known),
                        node.id,
                    )
                )
            for ti, tag in enumerate(choice.tags):
                if tag not in scenario.tags:
                    found.append(
                        (
                            ("nodes", ni, "choices", ci, "tags", ti),
                            say("choice_tag_unknown", n=ci + 1, tag=tag, known=", ".join(scenario.tags)),
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
                    say("node_unreachable", id=node.id),
                    node.id,
                )
            )
        elif node.id in reached and node.id not in can_end:
            found.append(
                (
                    ("nodes", ni),
                    say("node_no_ending", id=node.id),
                    node.id,
                )
            )
    if not any(n.ending == "good" for n in scenario.nodes):
        found.append(
            (
                ("nodes",),
                say("no_good_ending"),
                None,
            )
        )
    if not found:
        return []
    line = line or locator(path)
    return [
        Problem(file, line(loc), say("node_message", id=node, message=message) if node else message)
        for loc, message, node in found
    ]
