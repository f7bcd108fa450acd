"""A scenario's map for facilitators: every step and ending as a numbered outline, made at build time.

The facilitator guide shows it (`/// scenario | <id>` with `mode: map`) so that whoever runs the
exercise with a group sees all branches at a glance: each step's opening words, each choice with
its tags and where it leads. It is plain HTML (no script), so it prints, and reads the same in
both engines.
"""

from __future__ import annotations

from collections import deque

from markupsafe import escape

from ..core.strings import table
from ..quiz.render import TextRenderer, default_text, split_first
from .schema import Node, Scenario


def _node(scenario: Scenario, node_id: str) -> Node:
    node = scenario.node(node_id)
    assert node is not None  # the graph checks let no choice lead to a node that does not exist
    return node


def step_numbers(scenario: Scenario) -> dict[str, int]:
    """Decision steps numbered in the order a walk from the start meets them (endings get none)."""
    numbers: dict[str, int] = {}
    seen, todo = {scenario.start}, deque([scenario.start])
    while todo:
        node = _node(scenario, todo.popleft())
        if node.ending:
            continue
        numbers[node.id] = len(numbers) + 1
        for choice in node.choices or []:
            if choice.next not in seen:
                seen.add(choice.next)
                todo.append(choice.next)
    return numbers


def render_map(scenario: Scenario, *, lang: str, uid: str, text: TextRenderer | None = None) -> str:
    text = text or default_text()
    words = table(lang)
    numbers = step_numbers(scenario)
    steps = sorted((n for n in scenario.nodes if n.id in numbers), key=lambda n: numbers[n.id])
    endings = [n for n in scenario.nodes if n.ending]

    def name(node_id: str) -> str:
        node = _node(scenario, node_id)
        if node.ending:
            return f"{words[f'scenario_ending_{node.ending}']}: {node.title or ''}"
        return words["scenario_step"].format(n=numbers[node_id])

    def tag_text(tag_id: str) -> str:
        tag = scenario.tags[tag_id]
        kind = words["scenario_helpful"] if tag.helpful else words["scenario_unhelpful"]
        return f"{tag.label} ({kind})"

    out = [
        f'<section class="kk-scenario-map" aria-label="{escape(words["scenario_map_label"].format(title=scenario.title))}">\n',
        f'<p class="kk-scenario-map__heading"><strong>{escape(words["scenario_map_label"].format(title=scenario.title))}</strong></p>\n',
        f'<p class="kk-scenario-map__summary">{escape(words["scenario_map_summary"].format(steps=len(steps), endings=len(endings)))}</p>\n',
        '<ol class="kk-scenario-map__steps">\n',
    ]
    for node in steps + endings:
        opening = split_first(text.block(node.text))[0]
        speaker = f" · {escape(node.speaker)}" if node.speaker else ""
        out += [
            f'<li class="kk-scenario-map__step" id="{escape(uid)}-{escape(node.id)}">\n',
            f"<p><strong>{escape(name(node.id))}</strong>{speaker}</p>\n",
            f'<p class="kk-scenario-map__text">{opening}</p>\n',
        ]
        if node.choices:
            out.append('<ul class="kk-scenario-map__choices">\n')
            for choice in node.choices:
                label = split_first(text.block(choice.text))[0]
                tags = ", ".join(tag_text(t) for t in choice.tags)
                tags_html = f' <span class="kk-scenario-map__tags">[{escape(tags)}]</span>' if tags else ""
                out.append(
                    f"<li>{label}{tags_html} → "
                    f'<a href="#{escape(uid)}-{escape(choice.next)}">{escape(name(choice.next))}</a></li>\n'
                )
            out.append("</ul>\n")
        out.append("</li>\n")
    out += ["</ol>\n", "</section>"]
    return "".join(out)
