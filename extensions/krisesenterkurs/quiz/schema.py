"""The question-bank schema: one model that validates banks and describes them.

The same classes validate YAML at build time (`validation.validate(data, Bank)`)
and produce the JSON Schema that editors' tools use while typing
(`bank_json_schema()`). They are msgspec structs: msgspec loads in a few
milliseconds, which every build pays, and checks a bank in microseconds.
"""

from __future__ import annotations

import hashlib
import json
from functools import cached_property
from typing import Annotated, ClassVar

import msgspec
from msgspec import Meta

from ..core.model import Id, Model
from ..core.say import say
from ..core.validation import RuleError

# Limits keep a question readable on a phone; they also stop a runaway paste.
Title = Annotated[str, Meta(min_length=1, max_length=200)]
Prompt = Annotated[str, Meta(min_length=1, max_length=1500, description="Markdown: the question.")]
OptionText = Annotated[
    str,
    Meta(
        min_length=1, max_length=500, description="Markdown, one paragraph: the answer option as the learner sees it."
    ),
]
Feedback = Annotated[
    str, Meta(min_length=1, max_length=1500, description="Markdown shown when the learner chose this option.")
]
Explanation = Annotated[
    str, Meta(min_length=1, max_length=3000, description="Markdown shown after the question is checked.")
]
Source = Annotated[str, Meta(min_length=1, max_length=500, description="Where the fact comes from (shown as «Kilde»).")]
LEARN_MORE_PATTERN = r"^[^\s#:]+\.md(#[^\s#]+)?$"
LearnMore = Annotated[
    str,
    Meta(
        pattern=LEARN_MORE_PATTERN,
        max_length=300,
        description="The page that teaches this, from the course folder, with a heading's anchor: "
        "e.g. moduler/mandat/kommunens-ansvar.md#kommunens-overordnede-ansvar. "
        "Shown as «Les mer» after the question is checked.",
    ),
]


class Option(Model):
    text: OptionText
    correct: Annotated[bool, Meta(description="true for a right option.")] = False
    feedback: Feedback | None = None

    def __post_init__(self) -> None:
        # An option is the label of a radio button or checkbox, which holds a line of text, not blocks.
        if "\n\n" in self.text.replace("\r", "") or self.text.lstrip().startswith(("- ", "* ", "1. ", "#")):
            raise RuleError(
                say("option_one_paragraph"),
                ("text",),
            )


class _Common(Model, tag_field="type"):
    kind_name: ClassVar[str] = "question type"  # what validation messages call the tag (key kind_question_type)
    id: Annotated[Id, Meta(description="Stable, unique within the bank; part of the learner's saved answer.")]
    prompt: Prompt
    explanation: Explanation
    source: Source


# kw_only lets this optional field come after each question type's own required fields
# (and keeps the order editors see in messages: id, prompt, …, the type's fields, learn_more).
class _Question(_Common, kw_only=True):
    learn_more: LearnMore | None = None

    @property
    def type(self) -> str:
        """single, multiple, truefalse, matching or ordering (the tag the YAML gave)."""
        return str(self.__struct_config__.tag)

    @cached_property
    def _content_hash(self) -> str:
        # Where «Les mer» leads is no part of the question a learner answered: moving it keeps answers.
        return _hash({k: v for k, v in msgspec.to_builtins(self).items() if k != "learn_more"})

    def content_hash(self) -> str:
        """Changes whenever anything a learner sees in the question or its answer changes."""
        return self._content_hash


Options = Annotated[list[Option], Meta(min_length=2, max_length=10)]


class SingleQuestion(_Question, tag="single"):
    options: Options

    def __post_init__(self) -> None:
        found = sum(o.correct for o in self.options)
        if found != 1:
            raise RuleError(
                say("single_needs_one", found=found),
                ("options",),
            )


class MultipleQuestion(_Question, tag="multiple"):
    options: Options

    def __post_init__(self) -> None:
        if not any(o.correct for o in self.options):
            raise RuleError(
                say("multiple_needs_one"),
                ("options",),
            )


class TrueFalseQuestion(_Question, tag="truefalse"):
    answer: Annotated[bool, Meta(description="true if the statement in the prompt is true.")]


CategoryText = Annotated[
    str, Meta(min_length=1, max_length=200, description="A category as the learner sees it in each list (plain text).")
]


class MatchItem(Model):
    text: OptionText
    category: Annotated[
        str, Meta(min_length=1, max_length=200, description="The right category, as written under 'categories'.")
    ]


def _unique(texts: list[str], what: str, field: str) -> None:
    seen: dict[str, int] = {}
    for index, text in enumerate(texts):
        key = " ".join(text.split()).casefold()
        if key in seen:
            raise RuleError(
                say(f"same_{what}", first=seen[key] + 1, second=index + 1, text=text),
                (field, index),
            )
        seen[key] = index


class MatchingQuestion(_Question, tag="matching"):
    """Each item is matched with one category (several items may share one; a category may be unused)."""

    categories: Annotated[list[CategoryText], Meta(min_length=2, max_length=8)]
    items: Annotated[list[MatchItem], Meta(min_length=2, max_length=10)]

    def __post_init__(self) -> None:
        _unique(self.categories, "categories", "categories")
        _unique([i.text for i in self.items], "items", "items")
        for index, item in enumerate(self.items):
            if item.category not in self.categories:
                raise RuleError(
                    say("item_unknown_category", n=index + 1, category=item.category, known=", ".join(self.categories)),
                    ("items", index, "category"),
                )


class OrderingQuestion(_Question, tag="ordering"):
    """Steps to put in order, written in the right order (the learner sees them mixed)."""

    steps: Annotated[
        list[OptionText], Meta(min_length=3, max_length=7, description="The steps, in the right order (3 to 7).")
    ]

    def __post_init__(self) -> None:
        _unique(self.steps, "steps", "steps")


Question = SingleQuestion | MultipleQuestion | TrueFalseQuestion | MatchingQuestion | OrderingQuestion
QUESTION_TYPES = ("single", "multiple", "truefalse", "matching", "ordering")


class Bank(Model):
    """Question bank (krisesenterkurs)"""

    id: Annotated[Id, Meta(description="Unique across the course; used in learners' storage keys.")]
    title: Title
    questions: Annotated[list[Question], Meta(min_length=1, max_length=100)]
    # Without one, the bank takes the course's (extra.course.pass_mark in mkdocs.yml, 80 by default).
    pass_mark: (
        Annotated[int, Meta(ge=0, le=100, description="Percent right needed to pass (default: the course's, 80).")]
        | None
    ) = None

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for index, q in enumerate(self.questions):
            if q.id in seen:
                raise RuleError(
                    say("question_id_twice", id=q.id),
                    ("questions", index, "id"),
                )
            seen.add(q.id)

    @cached_property
    def _content_hash(self) -> str:
        return _hash({"pass_mark": self.pass_mark, "questions": [q.content_hash() for q in self.questions]})

    def content_hash(self) -> str:
        """Ties a learner's result to this version of the bank (computed once: banks are cached per build)."""
        return self._content_hash

    def question(self, qid: str):
        return next((q for q in self.questions if q.id == qid), None)


def bank_json_schema() -> dict:
    """The JSON Schema of a bank file, for editors' tools (written to quizzes/bank.schema.json)."""
    schema = msgspec.json.schema(Bank)
    defs = schema["$defs"]
    root = defs.pop("Bank")  # the bank at the top, as editors' tools show the root's description
    root["title"] = root.pop("description")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **root, "$defs": defs}


def _hash(data: object) -> str:
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
