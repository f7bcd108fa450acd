"""The scenario model: one file per branching conversation exercise, validated and described here.

As for banks, the same msgspec classes validate the YAML at build time and produce
the JSON Schema editors' tools use while typing (`scenario_json_schema()`). What a
single node cannot know (where `next` leads, which nodes are reached) is checked
on the whole graph in graph.py.
"""

from __future__ import annotations

import hashlib
import json
from functools import cached_property
from typing import Annotated, Literal

import msgspec
from msgspec import Meta

from ..core.model import Id, Model
from ..core.say import say
from ..core.validation import RuleError
from ..quiz.schema import LearnMore

Title = Annotated[str, Meta(min_length=1, max_length=200)]
Text = Annotated[str, Meta(min_length=1, max_length=3000, description="Markdown.")]
ChoiceText = Annotated[
    str, Meta(min_length=1, max_length=600, description="Markdown, one paragraph: what the learner says or does.")
]
Feedback = Annotated[str, Meta(min_length=1, max_length=2000, description="Markdown: why this choice helps or not.")]
Speaker = Annotated[str, Meta(min_length=1, max_length=80, description="Who speaks in this step (the transcript).")]
SourceText = Annotated[str, Meta(min_length=1, max_length=500)]
Ending = Literal["good", "mixed", "poor"]


class Tag(Model):
    label: Annotated[
        str, Meta(min_length=1, max_length=40, description="Shown beside a choice's feedback, e.g. Trygger.")
    ]
    helpful: Annotated[bool, Meta(description="true for what helps the conversation (shown as such, in words).")]


class Choice(Model):
    text: ChoiceText
    next: Annotated[Id, Meta(description="The id of the node this choice leads to.")]
    feedback: Feedback
    tags: Annotated[list[Id], Meta(max_length=4, description="Ids from the scenario's 'tags'.")] = []

    def __post_init__(self) -> None:
        # A choice is a button's label, which holds a line of text, not blocks.
        if "\n\n" in self.text.replace("\r", "") or self.text.lstrip().startswith(("- ", "* ", "1. ", "#")):
            raise RuleError(
                say("choice_one_paragraph"),
                ("text",),
            )


class Node(Model):
    id: Annotated[Id, Meta(description="Unique in the scenario; choices lead here with 'next'.")]
    text: Text
    speaker: Speaker | None = None
    choices: Annotated[list[Choice], Meta(min_length=2, max_length=4)] | None = None
    ending: Annotated[Ending, Meta(description="Makes this node an ending: good, mixed or poor.")] | None = None
    title: Title | None = None

    def __post_init__(self) -> None:
        if self.ending is None and self.choices is None:
            raise RuleError(
                say("node_neither"),
            )
        if self.ending is not None and self.choices is not None:
            raise RuleError(
                say("ending_with_choices"),
                ("choices",),
            )
        if self.ending is not None and self.title is None:
            raise RuleError(
                say("ending_needs_title"),
            )


class Scenario(Model):
    """Scenario (krisesenterkurs): a branching conversation exercise"""

    id: Annotated[Id, Meta(description="Unique across the course; used in learners' storage keys.")]
    title: Title
    role: Annotated[str, Meta(min_length=1, max_length=300, description="Who the learner plays.")]
    intro: Text
    tags: Annotated[dict[Id, Tag], Meta(min_length=1, max_length=12)]
    start: Annotated[Id, Meta(description="The id of the first node.")]
    nodes: Annotated[list[Node], Meta(min_length=2, max_length=200)]
    sources: Annotated[list[SourceText], Meta(min_length=1, max_length=10, description="Shown as «Kilder».")]
    learn_more: Annotated[
        list[LearnMore], Meta(max_length=5, description="Teaching pages linked from every ending (as for questions).")
    ] = []

    @cached_property
    def _content_hash(self) -> str:
        data = {k: v for k, v in msgspec.to_builtins(self).items() if k != "learn_more"}
        text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]

    def content_hash(self) -> str:
        """Ties a learner's path in progress to this version of the scenario."""
        return self._content_hash

    def node(self, node_id: str) -> Node | None:
        return next((n for n in self.nodes if n.id == node_id), None)

    @property
    def endings(self) -> list[Node]:
        return [n for n in self.nodes if n.ending is not None]


def scenario_json_schema() -> dict:
    """The JSON Schema of a scenario file, for editors' tools (written to scenarios/scenario.schema.json)."""
    schema = msgspec.json.schema(Scenario)
    defs = schema["$defs"]
    root = defs.pop("Scenario")
    root["title"] = root.pop("description")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **root, "$defs": defs}
