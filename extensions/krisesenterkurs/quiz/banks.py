"""Question banks: every `*.yml` in the course's quizzes folder, validated against the bank model."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import msgspec

from ..core.cache import cached
from ..core.errors import CourseError, Problem
from ..core.messages import load_folder, validate_file
from ..core.say import say
from ..core.settings import Settings
from ..core.yamlfile import display_path
from .schema import Bank


def load_bank(path: Path, pass_mark: int = 80) -> Bank:
    """Load and validate one bank file; a bank without its own pass mark takes the course's."""
    bank = validate_file(
        path,
        Bank,
        dict,
        say("bank_shape"),
    )
    if bank.pass_mark is None:
        bank = msgspec.structs.replace(bank, pass_mark=pass_mark)
    return bank


@dataclass(frozen=True)
class LoadedBank:
    bank: Bank
    path: Path


def load_banks(directory: Path, pass_mark: int = 80) -> dict[str, LoadedBank]:
    """Load every bank in a folder; collect all problems of all files before failing."""
    directory = Path(directory)
    if not directory.is_dir():
        raise CourseError(
            Problem(
                display_path(directory),
                None,
                say("quiz_folder_missing"),
            )
        )
    loaded = load_folder(directory, lambda path: load_bank(path, pass_mark), "bank")
    return {bank_id: LoadedBank(bank, path) for bank_id, (bank, path) in loaded.items()}


def course_banks(settings: Settings) -> dict[str, LoadedBank]:
    """The course's banks, loaded once per build."""
    return cached(lambda d: load_banks(d, settings.pass_mark), settings.quizzes, extra=("banks", settings.pass_mark))


def unused_banks(settings: Settings, banks: dict[str, LoadedBank]) -> list[Problem]:
    """Banks that no page places: a finished bank no learner can reach is a mistake."""
    from ..core import blocks

    used = {
        p.argument for path, _ in settings.pages() for p in blocks.placements(path.read_text(encoding="utf-8"), "quiz")
    }
    return [
        Problem(
            display_path(loaded.path),
            1,
            say("bank_unused", id=bank_id),
        )
        for bank_id, loaded in sorted(banks.items())
        if bank_id not in used
    ]


def unknown_bank_message(bank_id: str, banks: dict[str, LoadedBank], settings: Settings) -> str:
    known = ", ".join(sorted(banks)) or say("none")
    return say("bank_unknown", id=bank_id, known=known, folder=settings.course.quizzes)


def unknown_banks(settings: Settings, banks: dict[str, LoadedBank]) -> list[Problem]:
    """Pages that place a bank the course does not have, at the block's own line."""
    from ..core import blocks

    return [
        Problem(display_path(path), p.line, unknown_bank_message(p.argument, banks, settings))
        for path, _ in settings.pages()
        for p in blocks.placements(path.read_text(encoding="utf-8"), "quiz")
        if p.argument and p.argument not in banks
    ]
