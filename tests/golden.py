"""Golden-output comparison: rendered HTML against a committed expected file, with a readable diff.

Modelled on pymdown-extensions' tests/util.py. After an intended change to the output, write the
new expected files with KK_UPDATE_GOLDEN=1 and review them in the diff before committing.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path


def assert_golden(actual: str, expected_file: Path) -> None:
    if os.environ.get("KK_UPDATE_GOLDEN") == "1":
        expected_file.write_text(actual, encoding="utf-8")
    assert expected_file.exists(), f"{expected_file} is missing; write it with KK_UPDATE_GOLDEN=1 and review it"
    expected = expected_file.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                fromfile=f"{expected_file.name} (expected)",
                tofile="rendered",
                n=2,
            )
        )
        raise AssertionError(
            f"the output differs from {expected_file}:\n{diff}\n"
            "If the change is intended, run with KK_UPDATE_GOLDEN=1 and review the new file."
        )
