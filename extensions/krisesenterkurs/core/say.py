"""Words for editors: build errors, `check`'s output, the command line's help and output.

Editors read them in Norwegian bokmål; English is there for anyone who asks
for it. One table per language, `strings/editor/{nb,en}.yml`, with the same
keys and the same `{placeholders}`. The language is, first to last:

- the environment variable `KRISESENTERKURS_LANG` (`nb` or `en`), for one command or one build;
- `extra.course.editor_language` in mkdocs.yml (see settings.CourseOptions), set when it is read;
- bokmål.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import yaml

LANGUAGES = ("nb", "en")
DEFAULT = "nb"
ENV = "KRISESENTERKURS_LANG"

_setting: str | None = None  # the course's extra.course.editor_language, once mkdocs.yml is read


def set_language(lang: str | None) -> None:
    """The course's own choice (from mkdocs.yml); the environment variable still wins."""
    global _setting
    _setting = lang if lang in LANGUAGES else None


def language() -> str:
    chosen = os.environ.get(ENV, "").strip().lower()
    if chosen in LANGUAGES:
        return chosen
    return _setting or DEFAULT


@cache
def table(lang: str) -> dict[str, str]:
    # Plain YAML: the course's own reader words its errors with this table (tests catch a key written twice).
    path = Path(__file__).with_name("strings") / "editor" / f"{lang if lang in LANGUAGES else DEFAULT}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path
    return data


def say(key: str, /, **values: object) -> str:
    """The editor's text for `key` in the chosen language, with its placeholders filled in."""
    return table(language())[key].format(**values)


def number(value: float) -> str:
    """A decimal number as the chosen language writes it: 1,8 in bokmål, 1.8 in English."""
    text = f"{value:.1f}"
    return text.replace(".", ",") if language() == "nb" else text
