"""The project's one error type for author mistakes.

Messages are meant for course editors, in their language (see say.py): each names the file, the line, the
question and what to fix. When MkDocs is installed the error is a MkDocs
``BuildError``, so a build stops with the message alone instead of a Python
traceback; without MkDocs (Zensical, plain Python-Markdown) it is a plain
exception with the same text.
"""

from __future__ import annotations

from dataclasses import dataclass

from .say import say

try:  # pragma: no branch - depends on the host tool, not on our code
    from mkdocs.exceptions import BuildError as _Base
except ImportError:  # pragma: no cover - exercised only without MkDocs
    _Base = Exception  # type: ignore[misc,assignment]


@dataclass(frozen=True)
class Problem:
    """One thing an author has to fix."""

    file: str
    line: int | None
    message: str
    question: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        who = " " + say("question", id=self.question) + ":" if self.question else ""
        return f"{where}:{who} {self.message}"


class CourseError(_Base):
    """Raised for any problem in a bank or in the way a page uses one."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = problems if isinstance(problems, list) else [problems]
        super().__init__(str(self))

    def __str__(self) -> str:
        lines = [str(p) for p in self.problems]
        if len(lines) == 1:
            return lines[0]
        return say("problems_to_fix", n=len(lines)) + "\n" + "\n".join(f"  {line}" for line in lines)
