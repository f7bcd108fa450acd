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
from .say import language, say, table
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


# msgspec's JSON type names, as table keys: what a value must be, what it was, how to fix it.
_EXPECTED = ("str", "bool", "int", "float", "array", "object", "date")
_FOUND = ("str", "bool", "int", "float", "null", "array", "object", "date", "datetime")
_TYPE_FIXES = ("str", "bool", "int", "array", "object", "date")
_PATTERN_FIXES = {ID_PATTERN: "fix_id_pattern"}


def _expected(name: str) -> str:
    return say(f"expected_{name}") if name in _EXPECTED else name


def _found(name: str) -> str:
    return say(f"found_{name}") if name in _FOUND else name


def _type_fix(name: str) -> str:
    return say(f"fix_{name}") if name in _TYPE_FIXES else say("fix_value")


def _shown(value: object) -> str:
    if isinstance(value, list):
        return say("shown_list")
    if isinstance(value, dict):
        return say("shown_keys")
    shown = repr(value)
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
    return ", ".join(words[:-1]) + f" {say('or')} " + words[-1] if len(words) > 1 else "".join(words)


def listed(words) -> str:
    """'a, b and c'."""
    words = list(words)
    return ", ".join(words[:-1]) + f" {say('and')} " + words[-1] if len(words) > 1 else "".join(words)


def _message(issue: Issue, data: object) -> str:
    """What is wrong and how to fix it, in words an editor can act on."""
    d = issue.details
    where = _describe(issue.loc) or say("where_bank")
    if issue.kind == "missing":
        if d.get("tags") and d["key"] == d.get("tag_field"):
            return say(
                "missing_tag", key=d["key"], choices=_or(say("quoted", text=f"{d['key']}: {t}") for t in d["tags"])
            )
        return say("missing", key=d["key"])
    if issue.kind == "unknown_key":
        if d.get("allowed"):
            return say("unknown_key_allowed", key=d["key"], allowed=", ".join(d["allowed"]))
        return say("unknown_key", key=d["key"])
    if issue.kind == "tag":
        name = "kind_" + str(d.get("kind_name", "type")).replace(" ", "_")
        kind = say(name) if name in table(language()) else str(d.get("kind_name"))
        return say(
            "unknown_tag", kind=kind, value=d["value"], field=d.get("tag_field", "type"), choices=_or(d.get("tags", ()))
        )
    if issue.kind == "choice" and d.get("choices"):
        return say("choice", where=where, choices=_or(d["choices"]), found=_shown(d["value"]))
    if issue.kind == "rule":
        return d["message"]
    if issue.kind == "wrong_type":
        expected = next((t for t in d["expected"].split(" | ") if t != "null"), "str")
        fix = _type_fix(expected)
        if d["got"] == "null":
            return say("empty_value", where=where, fix=fix)
        found = _at(data, issue.loc)
        shown = "" if isinstance(found, (dict, list)) else " " + say("found_value", found=_shown(found))
        return say("wrong_type", where=where, expected=_expected(expected), got=_found(d["got"]), found=shown, fix=fix)
    if issue.kind == "too_short" and d["what"] == "str":
        return say("text_empty", where=where)
    if issue.kind == "too_long" and d["what"] == "str":
        return say("text_too_long", where=where, limit=d["limit"])
    if issue.kind == "too_short":
        return say("too_few_items", where=where, limit=d["limit"])
    if issue.kind == "too_long":
        return say("too_many_items", where=where, limit=d["limit"])
    if issue.kind == "out_of_range":
        found = _shown(_at(data, issue.loc))
        if d.get("low") is not None and d.get("high") is not None:
            return say("out_of_range", where=where, found=found, low=d["low"], high=d["high"])
        return say("out_of_limit", where=where, op=d["op"], limit=d["limit"], found=found)
    if issue.kind == "pattern":
        example = say("fix_like", example=d["examples"][0]) if d.get("examples") else say("fix_form")
        fix = say(_PATTERN_FIXES[d["pattern"]]) if d["pattern"] in _PATTERN_FIXES else example
        return say("wrong_form", where=where, found=_shown(_at(data, issue.loc)), fix=fix)
    found = _shown(_at(data, issue.loc))
    if d.get("type") in _TYPE_FIXES:
        return say("not_type", where=where, expected=_expected(d["type"]), found=found, fix=_type_fix(d["type"]))
    return say("invalid_value", where=where, what=d.get("message") or say("invalid"), found=found)


def validate_file(
    path: Path,
    model,
    expected: type,
    shape_hint: str,
    check=None,
    holds: str | None = None,
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
    `kind` names the files in the message about an id used twice ("bank", "scenario": keys `bank_id_taken`, ...).
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
            problems.append(Problem(display_path(path), 1, say(f"{kind}_id_taken", id=model.id, other=other)))
            continue
        found[model.id] = (model, path)
    if problems:
        raise CourseError(problems)
    return found
