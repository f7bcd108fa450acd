"""Turns validation issues into messages an editor can act on, each with its file and line.

`validate_file` reads a course file (a bank, a module.yml, the glossary),
validates it against its model and, when it is invalid, reports every mistake
at the line where it is, with what to fix.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import CourseError, Problem
from .model import ID_PATTERN
from .validation import Invalid, Issue, validate
from .yamlfile import display_path, read_yaml


def _child(node: yaml.MappingNode, key) -> tuple[yaml.Node, yaml.Node] | None:
    """The first (key, value) pair of a mapping node with this key (later duplicates were refused)."""
    return next(((k, v) for k, v in node.value if k.value == str(key)), None)


def _walk(root: yaml.Node, data: object, loc: tuple) -> tuple[int, str | None]:
    """Follow an issue's location into the YAML: (line, question id)."""
    line, qid = root.start_mark.line + 1, None
    node, value = root, data
    for i, part in enumerate(loc):
        if isinstance(part, int) and isinstance(value, list) and part < len(value):
            node, value = node.value[part], value[part]
            if loc[:1] == ("questions",) and i == 1 and isinstance(value, dict) and isinstance(value.get("id"), str):
                qid = value["id"]
            line = node.start_mark.line + 1
        elif isinstance(value, dict) and part in value and (pair := _child(node, part)):
            key_node, node = pair
            value = value[part]
            line = key_node.start_mark.line + 1
        else:
            break  # a key that is missing: point at its parent
    return line, qid


def _describe(loc: tuple) -> str:
    """A location as an editor reads it: 'options[2].text' inside a question."""
    parts = list(loc[2:] if loc[:1] == ("questions",) and len(loc) >= 2 else loc)
    out = ""
    for p in parts:
        out += f"[{p + 1}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


# Names for msgspec's JSON type names, in an editor's words.
_EXPECTED = {
    "str": "text",
    "bool": "true or false",
    "int": "a whole number",
    "float": "a number",
    "array": "a list",
    "object": "keys indented under it",
    "date": "a date",
}
_FOUND = {
    "str": "text",
    "bool": "true/false",
    "int": "a number",
    "float": "a decimal number",
    "null": "empty",
    "array": "a list",
    "object": "keys",
    "date": "a date",
    "datetime": "a date and time",
}
_TYPE_FIXES = {
    "str": "Fix: write text here; put it in quotes if it looks like a number, a date or true/false.",
    "bool": "Fix: write true or false.",
    "int": "Fix: write a whole number.",
    "array": "Fix: write a list, one item per line starting with '- '.",
    "object": "Fix: write the keys of this item indented under it.",
    "date": "Fix: write the date as YYYY-MM-DD, e.g. 2026-03-20.",
}
_PATTERN_FIXES = {
    ID_PATTERN: "Fix: use only lower-case letters a-z, digits and single hyphens, e.g. 'mer-enn-bolig'.",
}


def _shown(value: object) -> str:
    shown = repr(value) if not isinstance(value, (dict, list)) else ("a list" if isinstance(value, list) else "keys")
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _at(data: Any, loc: tuple) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _or(words) -> str:
    """'a, b or c'."""
    words = list(words)
    return ", ".join(words[:-1]) + " or " + words[-1] if len(words) > 1 else "".join(words)


def listed(words) -> str:
    """'a, b and c'."""
    words = list(words)
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else "".join(words)


def _message(issue: Issue, data: object) -> str:
    """What is wrong and how to fix it, in words an editor can act on."""
    d = issue.details
    where = _describe(issue.loc) or "bank"
    if issue.kind == "missing":
        if d.get("tags") and d["key"] == d.get("tag_field"):
            return f"'{d['key']}' is missing. Fix: add " + _or(f"'{d['key']}: {t}'" for t in d["tags"]) + "."
        return f"'{d['key']}' is missing. Fix: add '{d['key']}'."
    if issue.kind == "unknown_key":
        allowed = f" (allowed here: {', '.join(d['allowed'])})" if d.get("allowed") else ""
        return f"unknown key '{d['key']}'. Fix: remove '{d['key']}' or correct its spelling{allowed}."
    if issue.kind == "tag":
        return f"unknown {d.get('kind_name', 'type')} '{d['value']}'. Fix: use {d.get('tag_field', 'type')} {_or(d.get('tags', ()))}."
    if issue.kind == "choice" and d.get("choices"):
        return f"'{where}' must be {_or(d['choices'])} (found {_shown(d['value'])}). Fix: write {_or(d['choices'])}."
    if issue.kind == "rule":
        return d["message"]
    if issue.kind == "wrong_type":
        expected = next((t for t in d["expected"].split(" | ") if t != "null"), "str")
        fix = _TYPE_FIXES.get(expected, "Fix: correct the value.")
        if d["got"] == "null":
            return f"'{where}' is empty. {fix}"
        found = _at(data, issue.loc)
        found = "" if isinstance(found, (dict, list)) else f" (found {_shown(found)})"
        return (
            f"'{where}' must be {_EXPECTED.get(expected, expected)}, not {_FOUND.get(d['got'], d['got'])}{found}. {fix}"
        )
    if issue.kind == "too_short" and d["what"] == "str":
        return f"'{where}' is empty. Fix: write the text, or remove the key if it is optional."
    if issue.kind == "too_long" and d["what"] == "str":
        return f"'{where}' is too long. Fix: shorten it to at most {d['limit']} characters."
    if issue.kind == "too_short":
        return f"'{where}' has too few items. Fix: add more items (at least {d['limit']})."
    if issue.kind == "too_long":
        return f"'{where}' has too many items. Fix: remove items (at most {d['limit']})."
    if issue.kind == "out_of_range":
        found = _shown(_at(data, issue.loc))
        if d.get("low") is not None and d.get("high") is not None:
            return f"'{where}' is out of range (found {found}). Fix: use a number from {d['low']} to {d['high']}."
        return f"'{where}' must be {d['op']} {d['limit']} (found {found}). Fix: change the number."
    if issue.kind == "pattern":
        example = f"Fix: write it like '{d['examples'][0]}'." if d.get("examples") else "Fix: correct its form."
        fix = _PATTERN_FIXES.get(d["pattern"], example)
        return f"'{where}' has the wrong form (found {_shown(_at(data, issue.loc))}). {fix}"
    found = _shown(_at(data, issue.loc))
    if d.get("type") in _TYPE_FIXES:
        return f"'{where}' is not {_EXPECTED[d['type']]} (found {found}). {_TYPE_FIXES[d['type']]}"
    return f"'{where}': {d.get('message', 'invalid value')} (found {found}). Fix: correct the value."


def validate_file(
    path: Path,
    model,
    expected: type,
    shape_hint: str,
    check=None,
    holds: str = "the bank (id, title, questions)",
    deletable: bool = True,
):
    """Read a YAML file and validate it against a model (see validation.validate).

    `expected` is the top-level YAML type (dict or list); `shape_hint` tells
    the editor how the file should start when it is something else; `holds` and
    `deletable` word the message about an empty file (see yamlfile.read_yaml).
    """
    file = display_path(path)
    unreadable: list[Problem] = []
    data, lines = read_yaml(path, strip=True, holds=holds, value_problems=unreadable, deletable=deletable)
    if not isinstance(data, expected):
        raise CourseError(unreadable or [Problem(file, lines.start_mark.line + 1, shape_hint)])
    try:
        result = validate(data, model, check)
    except Invalid as e:
        problems = list(unreadable)
        # An unreadable value is left as None; the model's complaint about that None would repeat it.
        seen: set[tuple[int | None, str | None]] = {(p.line, None) for p in unreadable}
        for issue in e.issues:
            line, qid = _walk(lines, data, issue.loc)
            p = Problem(file, line, _message(issue, data), qid)
            if (p.line, p.message) not in seen and (p.line, None) not in seen:
                seen.add((p.line, p.message))
                problems.append(p)
        raise CourseError(sorted(problems, key=lambda p: p.line or 0)) from None
    if unreadable:
        raise CourseError(unreadable)
    return result


def load_folder(directory: Path, load, kind: str) -> dict[str, tuple[Any, Path]]:
    """Every course file of one kind in a folder (`*.yml`, `*.yaml`), by its id: {id: (model, path)}.

    All files are read before failing, so an editor sees every problem of every file at once;
    `kind` names the files in the message about an id used twice ("bank", "scenario").
    """
    found: dict[str, tuple[Any, Path]] = {}
    problems: list[Problem] = []
    for path in sorted(Path(directory).iterdir()):
        if path.suffix.lower() not in (".yml", ".yaml") or path.name.startswith("."):
            continue
        try:
            model = load(path)
        except CourseError as e:
            problems.extend(e.problems)
            continue
        if model.id in found:
            other = display_path(found[model.id][1])
            problems.append(
                Problem(
                    display_path(path),
                    1,
                    f"{kind} id '{model.id}' is already used by {other}. Fix: give each {kind} its own id.",
                )
            )
            continue
        found[model.id] = (model, path)
    if problems:
        raise CourseError(problems)
    return found
