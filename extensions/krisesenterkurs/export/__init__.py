"""`krisesenterkurs export`: the question banks for Moodle's question bank (KS Læring).

One file per bank: `<bank id>.xml` in Moodle XML (every question type) or
`<bank id>.gift.txt` in GIFT (no ordering questions). Text is the quiz's own
rendering (`quiz.render.TextRenderer`): Markdown with raw HTML off, sanitised by nh3.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core.errors import CourseError, Problem
from ..core.say import say
from ..core.settings import Settings
from ..core.yamlfile import display_path
from ..quiz.banks import load_banks

FORMATS = ("moodle-xml", "gift")
SUFFIX = {"moodle-xml": ".xml", "gift": ".gift.txt"}


@dataclass(frozen=True)
class Exported:
    """One written file, the bank file it came from and the questions it could not hold."""

    path: Path
    source: Path
    questions: int
    left_out: tuple[str, ...] = ()


def export(settings: Settings, out: Path, fmt: str) -> list[Exported]:
    """Write every bank of the course into `out` in `fmt`; the banks are checked as the build checks them."""
    from .gift import gift
    from .moodle_xml import moodle_xml

    banks = load_banks(settings.quizzes, settings.pass_mark)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise CourseError(Problem(display_path(out), None, say("export_folder_failed", reason=e.strerror))) from None
    written = []
    for bank_id, loaded in sorted(banks.items()):
        bank = loaded.bank
        path = out / f"{bank_id}{SUFFIX[fmt]}"
        if fmt == "gift":
            result = gift(bank, settings.language)
            path.write_text(result.text, encoding="utf-8", newline="\n")
            left_out = tuple(q.id for q in result.left_out)
        else:
            path.write_bytes(moodle_xml(bank, settings.language))
            left_out = ()
        written.append(Exported(path, loaded.path, len(bank.questions) - len(left_out), left_out))
    return written
