"""What every course file model shares: strict structs and the form of ids."""

from __future__ import annotations

from typing import Annotated

import msgspec
from msgspec import Meta

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

# Limits keep text readable on a phone; they also stop a runaway paste.
Id = Annotated[str, Meta(pattern=ID_PATTERN, min_length=1, max_length=64)]


class Model(msgspec.Struct, forbid_unknown_fields=True, dict=True):
    """Base of the course's models: unknown keys are mistakes. (`dict=True` lets a model cache its hash.)

    Text arrives stripped of surrounding blanks: the loader strips it, so that a
    trailing space in the YAML changes neither the page nor the learner's saved answer.
    """

    @classmethod
    def required_keys(cls) -> list[str]:
        """The keys a file of this model must have, in the model's order (for messages that list them)."""
        return [f.encode_name for f in msgspec.structs.fields(cls) if f.required]
