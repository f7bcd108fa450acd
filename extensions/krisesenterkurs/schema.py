"""The question-bank schema: one model that validates banks and describes them.

The same classes validate YAML at build time and produce the JSON Schema that
editors' tools use while typing (``Bank.model_json_schema()``).
"""

from __future__ import annotations

import hashlib
from functools import cached_property
import json
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

# Limits keep a question readable on a phone; they also stop a runaway paste.
Id = Annotated[str, Field(pattern=ID_PATTERN, min_length=1, max_length=64)]
Title = Annotated[str, Field(min_length=1, max_length=200)]
Prompt = Annotated[str, Field(min_length=1, max_length=1500)]
OptionText = Annotated[str, Field(min_length=1, max_length=500)]
Feedback = Annotated[str, Field(min_length=1, max_length=1500)]
Explanation = Annotated[str, Field(min_length=1, max_length=3000)]
Source = Annotated[str, Field(min_length=1, max_length=500)]


class _Strict(BaseModel):
    # strict: a YAML `yes` or `1` is not silently read as a boolean or text.
    model_config = ConfigDict(extra="forbid", strict=True, str_strip_whitespace=True)


class Option(_Strict):
    text: OptionText = Field(description="Markdown, one paragraph: the answer option as the learner sees it.")
    correct: bool = Field(False, description="true for a right option.")
    feedback: Feedback | None = Field(None, description="Markdown shown when the learner chose this option.")

    @field_validator("text")
    @classmethod
    def _one_paragraph(cls, text: str) -> str:
        # An option is the label of a radio button or checkbox, which holds a line of text, not blocks.
        if "\n\n" in text.replace("\r", "") or text.lstrip().startswith(("- ", "* ", "1. ", "#")):
            raise PydanticCustomError(
                "option_blocks",
                "an option's text must be one paragraph. Fix: remove blank lines, lists and headings from it.",
            )
        return text


class _Question(_Strict):
    id: Id = Field(description="Stable, unique within the bank; part of the learner's saved answer.")
    prompt: Prompt = Field(description="Markdown: the question.")
    explanation: Explanation = Field(description="Markdown shown after the question is checked.")
    source: Source = Field(description="Where the fact comes from (shown as «Kilde»).")

    @cached_property
    def _content_hash(self) -> str:
        return _hash(self.model_dump(mode="json"))

    def content_hash(self) -> str:
        """Changes whenever anything a learner sees in the question changes."""
        return self._content_hash


class SingleQuestion(_Question):
    type: Literal["single"]
    options: list[Option] = Field(min_length=2, max_length=10)

    @model_validator(mode="after")
    def _one_correct(self) -> SingleQuestion:
        found = sum(o.correct for o in self.options)
        if found != 1:
            raise PydanticCustomError(
                "single_correct",
                "a 'single' question needs exactly one option with 'correct: true', "
                "found {found}. Fix: mark exactly one option as correct, or use 'type: multiple'.",
                {"found": found},
            )
        return self


class MultipleQuestion(_Question):
    type: Literal["multiple"]
    options: list[Option] = Field(min_length=2, max_length=10)

    @model_validator(mode="after")
    def _some_correct(self) -> MultipleQuestion:
        if not any(o.correct for o in self.options):
            raise PydanticCustomError(
                "multiple_correct",
                "a 'multiple' question needs at least one option with 'correct: true', found none. "
                "Fix: mark the right options with 'correct: true'.",
            )
        return self


class TrueFalseQuestion(_Question):
    type: Literal["truefalse"]
    answer: bool = Field(description="true if the statement in the prompt is true.")


Question = Annotated[
    Union[SingleQuestion, MultipleQuestion, TrueFalseQuestion],
    Field(discriminator="type"),
]


class Bank(_Strict):
    model_config = ConfigDict(
        json_schema_extra={"title": "Question bank (krisesenterkurs)"},
    )

    id: Id = Field(description="Unique across the course; used in learners' storage keys.")
    title: Title
    pass_mark: int = Field(80, ge=0, le=100, description="Percent right needed to pass.")
    questions: list[Question] = Field(min_length=1, max_length=100)

    @model_validator(mode="after")
    def _unique_ids(self) -> Bank:
        seen: set[str] = set()
        for index, q in enumerate(self.questions):
            if q.id in seen:
                raise PydanticCustomError(
                    "duplicate_id",
                    "question id '{id}' is used twice in this bank. "
                    "Fix: give each question its own id.",
                    {"id": q.id, "loc": ("questions", index, "id")},
                )
            seen.add(q.id)
        return self

    @cached_property
    def _content_hash(self) -> str:
        return _hash({"pass_mark": self.pass_mark, "questions": [q.content_hash() for q in self.questions]})

    def content_hash(self) -> str:
        """Ties a learner's result to this version of the bank (computed once: banks are cached per build)."""
        return self._content_hash

    def question(self, qid: str):
        return next((q for q in self.questions if q.id == qid), None)


def _hash(data: object) -> str:
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
