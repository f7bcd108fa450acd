"""Reads question banks from YAML and reports every mistake with its line.

PyYAML's node tree keeps line numbers; we build plain Python data from it
ourselves so that each value can be traced back to its line when the schema
rejects it, and so that duplicate keys (which PyYAML silently overwrites)
are caught.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from .errors import CourseError, Problem
from .schema import Bank

MAX_FILE_BYTES = 1_000_000
# libyaml's parser when PyYAML has it (about ten times faster for a course of many banks).
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def display_path(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # pragma: no cover - other drive on Windows
        return str(path)


_STR = "tag:yaml.org,2002:str"


def _build(node: yaml.Node, loader: yaml.SafeLoader, file: str, problems: list[Problem], depth: int = 0):
    if depth > 50:
        raise CourseError(Problem(file, node.start_mark.line + 1, "the YAML is nested too deeply. Fix: check the indentation."))
    if isinstance(node, yaml.MappingNode):
        data: dict = {}
        for key_node, value_node in node.value:
            key = key_node.value if key_node.tag == _STR else loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                problems.append(Problem(file, key_node.start_mark.line + 1, "a key must be a plain word. Fix: check the indentation and the colon."))
                continue
            if key in data:
                problems.append(Problem(
                    file, key_node.start_mark.line + 1,
                    f"the key '{key}' appears twice in the same place. Fix: keep one of them.",
                ))
                continue
            data[key] = _build(value_node, loader, file, problems, depth + 1)
        return data
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, loader, file, problems, depth + 1) for item in node.value]
    # Most values are text, which needs no constructing (a large part of the loading time).
    return node.value if node.tag == _STR else loader.construct_object(node, deep=True)


def read_yaml(path: Path) -> tuple[object, yaml.Node]:
    """Parse one YAML file into data and its YAML node tree (which knows the lines); raise CourseError on any problem."""
    file = display_path(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise CourseError(Problem(file, None, f"cannot be read ({e.strerror}). Fix: check that the file exists and is readable."))
    if len(raw) > MAX_FILE_BYTES:
        raise CourseError(Problem(file, None, f"is larger than {MAX_FILE_BYTES // 1000} kB. Fix: split it into smaller banks."))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise CourseError(Problem(file, line, "is not UTF-8 text. Fix: save the file with UTF-8 encoding."))
    if not text.strip():
        raise CourseError(Problem(file, 1, "is empty. Fix: write the bank (id, title, questions) or delete the file."))
    loader = None
    try:
        loader = _Loader(text)  # its reader rejects control characters at once
        node = loader.get_single_node()
        if node is None:
            raise CourseError(Problem(file, 1, "holds no YAML data. Fix: write the bank (id, title, questions)."))
        problems: list[Problem] = []
        data = _build(node, loader, file, problems)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else None
        what = e.problem or "invalid YAML"
        source_lines = text.splitlines()
        at = source_lines[line - 1] if line and line <= len(source_lines) else ""
        hint = "Fix: indent with spaces, not tabs." if "\t" in at else \
            "Fix: check indentation, colons and quotes on this line or the one before; quote text that contains ': ' or starts with a special character."
        raise CourseError(Problem(file, line, f"YAML syntax error: {what}. {hint}"))
    except yaml.reader.ReaderError as e:
        line = text[: e.position].count("\n") + 1
        raise CourseError(Problem(file, line, f"contains a character YAML does not allow ({e.character!r}). "
                                  "Fix: delete it; it is often an invisible control character from a paste."))
    except yaml.YAMLError as e:
        raise CourseError(Problem(file, None, f"YAML error: {e}. Fix: save the file as plain UTF-8 text."))
    finally:
        if loader is not None:
            loader.dispose()
    if problems:
        raise CourseError(problems)
    return data, node


# How to fix each kind of schema error, in words an editor can act on.
_FIXES = {
    "missing": "Fix: add '{key}'.",
    "extra_forbidden": "Fix: remove '{key}' or correct its spelling (allowed here: {allowed}).",
    "string_type": "Fix: write text here; put it in quotes if it looks like a number, a date or true/false.",
    "bool_type": "Fix: write true or false.",
    "int_type": "Fix: write a whole number.",
    "list_type": "Fix: write a list, one item per line starting with '- '.",
    "model_type": "Fix: write the keys of this item indented under it.",
    "model_attributes_type": "Fix: write the keys of this item indented under it.",
    "dict_type": "Fix: write the keys of this item indented under it.",
    "string_too_short": "Fix: write the text, or remove the key if it is optional.",
    "string_too_long": "Fix: shorten it to at most {max_length} characters.",
    "too_short": "Fix: add more items (at least {min_length}).",
    "too_long": "Fix: remove items (at most {max_length}).",
    "string_pattern_mismatch": "Fix: use only lower-case letters a-z, digits and single hyphens, e.g. 'mer-enn-bolig'.",
    "union_tag_invalid": "Fix: use type single, multiple or truefalse.",
    "union_tag_not_found": "Fix: add 'type: single', 'type: multiple' or 'type: truefalse'.",
    "greater_than_equal": "Fix: use a number from 0 to 100.",
    "less_than_equal": "Fix: use a number from 0 to 100.",
    "literal_error": "Fix: use type single, multiple or truefalse.",
}

_MESSAGES = {
    "missing": "'{key}' is missing.",
    "union_tag_invalid": "unknown question type '{tag}'.",
    "extra_forbidden": "unknown key '{key}'.",
    "string_too_short": "'{where}' is empty.",
}


def _child(node: yaml.MappingNode, key) -> tuple[yaml.Node, yaml.Node] | None:
    """The first (key, value) pair of a mapping node with this key (later duplicates were refused)."""
    return next(((k, v) for k, v in node.value if k.value == str(key)), None)


def _walk(root: yaml.Node, data: object, loc: tuple) -> tuple[int, str | None, str | None]:
    """Follow a schema error's location into the YAML: (line, question id, last key)."""
    line, qid, key = root.start_mark.line + 1, None, None
    node, value = root, data
    for i, part in enumerate(loc):
        if isinstance(part, int) and isinstance(value, list) and part < len(value):
            node, value = node.value[part], value[part]
            if loc[:1] == ("questions",) and i == 1 and isinstance(value, dict) and isinstance(value.get("id"), str):
                qid = value["id"]
            line = node.start_mark.line + 1
        elif isinstance(value, dict) and part in value and (pair := _child(node, part)):
            key_node, node = pair
            value, key = value[part], part
            line = key_node.start_mark.line + 1
        elif isinstance(part, str) and part not in ("single", "multiple", "truefalse"):
            key = part  # a key that is missing: point at its parent
    return line, qid, key


def _describe(loc: tuple) -> str:
    """A location as an editor reads it: 'options[2].text' inside a question."""
    parts = [p for p in loc if p not in ("single", "multiple", "truefalse")]
    if parts[:1] == ["questions"] and len(parts) >= 2:
        parts = parts[2:]
    out = ""
    for p in parts:
        out += f"[{p + 1}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def _allowed(model_loc: tuple, data: object) -> str:
    from .schema import MultipleQuestion, Option, SingleQuestion, TrueFalseQuestion

    if len(model_loc) <= 1:
        fields = Bank.model_fields
    elif model_loc[-2] == "options" or (len(model_loc) >= 3 and "options" in model_loc):
        fields = Option.model_fields
    else:
        qtype = next((p for p in model_loc if p in ("single", "multiple", "truefalse")), None)
        fields = {"single": SingleQuestion, "multiple": MultipleQuestion, "truefalse": TrueFalseQuestion}.get(
            qtype, SingleQuestion).model_fields
    return ", ".join(fields)


def _problem(file: str, data: object, lines: yaml.Node, err: dict) -> Problem:
    loc = tuple(err["loc"])
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if "loc" in ctx:  # a model-level rule that knows which item is at fault
        loc = tuple(ctx["loc"])
    elif kind in ("single_correct", "multiple_correct"):
        loc = (*loc, "options")
    elif kind == "union_tag_invalid":
        loc = (*loc, "type")
    line, qid, key = _walk(lines, data, loc)
    if kind == "missing" or kind == "union_tag_not_found":
        key = str(loc[-1]) if loc and kind == "missing" else "type"
    where = _describe(loc)
    fmt = {"key": key or where, "where": where, **{k: v for k, v in ctx.items() if k != "loc"}}
    if kind == "extra_forbidden":
        fmt["allowed"] = _allowed(loc, data)
    if kind in _MESSAGES:
        message = _MESSAGES[kind].format(**fmt)
    elif kind in ("single_correct", "multiple_correct", "duplicate_id", "duplicate_term", "option_blocks"):
        message = err["msg"]
    else:
        got = err.get("input")
        shown = repr(got) if not isinstance(got, (dict, list)) else type(got).__name__
        if len(shown) > 60:
            shown = shown[:57] + "..."
        message = f"'{where or 'bank'}': {err['msg'][0].lower() + err['msg'][1:]} (found {shown})."
    fix = _FIXES.get(kind)
    if fix:
        message = f"{message} {fix.format(**fmt)}"
    return Problem(file, line, message, qid)


def validate_file(path: Path, model, expected: type, shape_hint: str):
    """Read a YAML file and validate it against a pydantic model or TypeAdapter.

    `expected` is the top-level YAML type (dict or list); `shape_hint` tells
    the editor how the file should start when it is something else.
    """
    file = display_path(path)
    data, lines = read_yaml(path)
    if not isinstance(data, expected):
        raise CourseError(Problem(file, lines.start_mark.line + 1, shape_hint))
    validate = model.model_validate if hasattr(model, "model_validate") else model.validate_python
    try:
        return validate(data)
    except ValidationError as e:
        problems = []
        seen = set()
        for err in e.errors(include_url=False):
            p = _problem(file, data, lines, err)
            if (p.line, p.message) not in seen:
                seen.add((p.line, p.message))
                problems.append(p)
        raise CourseError(problems) from None


def load_bank(path: Path) -> Bank:
    """Load and validate one bank file."""
    return validate_file(path, Bank, dict, "a bank must start with 'id:', 'title:' and 'questions:'. "
                         "Fix: write these keys at the start of a line, without '- '.")


@dataclass(frozen=True)
class LoadedBank:
    bank: Bank
    path: Path


def load_banks(directory: Path) -> dict[str, LoadedBank]:
    """Load every bank in a folder; collect all problems of all files before failing."""
    directory = Path(directory)
    if not directory.is_dir():
        raise CourseError(Problem(display_path(directory), None, "the quiz folder does not exist. Fix: create it, or set the extension's 'banks' option to the folder that holds the question banks."))
    banks: dict[str, LoadedBank] = {}
    problems: list[Problem] = []
    for path in sorted(directory.iterdir()):
        if path.suffix.lower() not in (".yml", ".yaml") or path.name.startswith("."):
            continue
        try:
            bank = load_bank(path)
        except CourseError as e:
            problems.extend(e.problems)
            continue
        if bank.id in banks:
            other = display_path(banks[bank.id].path)
            problems.append(Problem(display_path(path), 1, f"bank id '{bank.id}' is already used by {other}. Fix: give each bank its own id."))
            continue
        banks[bank.id] = LoadedBank(bank, path)
    if problems:
        raise CourseError(problems)
    return banks


_cache: dict[tuple, tuple] = {}  # (loader, path, extra) -> (stamp, value, build it was checked in)
_build_number: int | None = None


def new_build() -> None:
    """Called by the MkDocs plugin before each build: files are then checked once per build, not
    once per page (which grows with pages × files). Without the plugin they are checked every time."""
    global _build_number
    _build_number = (_build_number or 0) + 1


def cached(loader, path: Path, patterns: tuple[str, ...] = ("*",), extra: tuple = ()):
    """Load a file or folder once per build: Python-Markdown makes new extensions for every page.

    The cache is keyed by the size and time of the files matching `patterns`, so an edit
    during `mkdocs serve` is seen at the next rebuild.
    """
    path = Path(path).resolve()
    key = (getattr(loader, "__qualname__", repr(loader)), str(path), extra)
    entry = _cache.get(key)
    if entry and _build_number is not None and entry[2] == _build_number:
        return entry[1]
    try:
        files = sorted(f for pattern in patterns for f in path.glob(pattern)) if path.is_dir() else [path]
        stamp = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files if p.is_file())
    except OSError:
        stamp = ()
    if not entry or entry[0] != stamp:
        entry = (stamp, loader(path), _build_number)
    _cache[key] = (entry[0], entry[1], _build_number)
    return entry[1]


def cached_banks(directory: Path) -> dict[str, LoadedBank]:
    return cached(load_banks, directory)
