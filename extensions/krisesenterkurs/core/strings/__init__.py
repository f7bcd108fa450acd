"""UI strings: one table per language, YAML files beside this module."""

from __future__ import annotations

from functools import cache
from pathlib import Path

LANGUAGES = ("nb", "nn", "en")
DEFAULT = "nb"
# Theme language codes that mean one of our tables.
ALIASES = {"no": "nb", "nb_NO": "nb", "nn_NO": "nn", "en_GB": "en", "en_US": "en"}


def normalise(lang: str | None) -> str:
    lang = ALIASES.get(lang or DEFAULT, lang or DEFAULT)
    return lang if lang in LANGUAGES else DEFAULT


@cache
def table(lang: str) -> dict[str, str]:
    path = Path(__file__).with_name(f"{normalise(lang)}.yml")
    from ..yamlfile import read_yaml  # catches a key written twice, which plain YAML would hide

    data, _ = read_yaml(path)
    assert isinstance(data, dict), path
    return data
