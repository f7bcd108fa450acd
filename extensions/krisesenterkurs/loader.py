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

from .errors import CourseError, Problem
from .schema import ID_PATTERN, QUESTION_TYPES, Bank
from .validation import Invalid, Issue, validate

MAX_FILE_BYTES = 1_000_000
# libyaml's parser when PyYAML has it (about ten times faster for a course of many banks).
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def display_path(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # pragma: no cover - other drive on Windows
        return str(path)


_STR = "tag:yaml.org,2002:str"


def _build(node: yaml.Node, loader: yaml.SafeLoader, file: str, problems: list[Problem], strip: bool, depth: int = 0):
    if depth > 50:
        raise CourseError(Problem(file, node.start_mark.line + 1, "the YAML is nested too deeply. Fix: check the indentation."))
    if isinstance(node, yaml.MappingNode):
        data: dict = {}
        for key_node, value_node in node.value:
            # Keys as written: `1:` or `yes:` is a key the file does not know, not a number or a boolean.
            key = key_node.value
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(Problem(file, key_node.start_mark.line + 1, "a key must be a plain word. Fix: check the indentation and the colon."))
                continue
            if key in data:
                problems.append(Problem(
                    file, key_node.start_mark.line + 1,
                    f"the key '{key}' appears twice in the same place. Fix: keep one of them.",
                ))
                continue
            data[key] = _build(value_node, loader, file, problems, strip, depth + 1)
        return data
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, loader, file, problems, strip, depth + 1) for item in node.value]
    # Most values are text, which needs no constructing (a large part of the loading time).
    if node.tag == _STR:
        return node.value.strip() if strip else node.value
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, OverflowError):  # looks like a date but is not one (2026-13-45), or `!!int abc`
        if node.tag.endswith(":timestamp"):
            message = (f"'{node.value}' is not a valid date. "
                       "Fix: write the date as YYYY-MM-DD, e.g. 2026-03-20, or put text in quotes.")
        else:
            message = f"'{node.value}' cannot be read as {node.tag.rsplit(':', 1)[-1]}. Fix: correct it, or put text in quotes."
        problems.append(Problem(file, node.start_mark.line + 1, message))
        return None


def read_yaml(path: Path, strip: bool = False) -> tuple[object, yaml.Node]:
    """Parse one YAML file into data and its YAML node tree (which knows the lines); raise CourseError on any problem.

    `strip` removes blanks around every text value (what the course's models expect)."""
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
        data = _build(node, loader, file, problems, strip)
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
_EXPECTED = {"str": "text", "bool": "true or false", "int": "a whole number", "float": "a number",
             "array": "a list", "object": "keys indented under it", "date": "a date"}
_FOUND = {"str": "text", "bool": "true/false", "int": "a number", "float": "a decimal number", "null": "empty",
          "array": "a list", "object": "keys", "date": "a date", "datetime": "a date and time"}
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


def _at(data: object, loc: tuple) -> object:
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


def _message(issue: Issue, data: object) -> str:
    """What is wrong and how to fix it, in words an editor can act on."""
    d = issue.details
    where = _describe(issue.loc) or "bank"
    if issue.kind == "missing":
        if d["key"] == "type":
            return "'type' is missing. Fix: add " + _or(f"'type: {t}'" for t in QUESTION_TYPES) + "."
        return f"'{d['key']}' is missing. Fix: add '{d['key']}'."
    if issue.kind == "unknown_key":
        allowed = f" (allowed here: {', '.join(d['allowed'])})" if d.get("allowed") else ""
        return f"unknown key '{d['key']}'. Fix: remove '{d['key']}' or correct its spelling{allowed}."
    if issue.kind == "tag":
        return f"unknown question type '{d['value']}'. Fix: use type {_or(QUESTION_TYPES)}."
    if issue.kind == "rule":
        return d["message"]
    if issue.kind == "wrong_type":
        expected = next((t for t in d["expected"].split(" | ") if t != "null"), "str")
        fix = _TYPE_FIXES.get(expected, "Fix: correct the value.")
        if d["got"] == "null":
            return f"'{where}' is empty. {fix}"
        found = _at(data, issue.loc)
        found = "" if isinstance(found, (dict, list)) else f" (found {_shown(found)})"
        return f"'{where}' must be {_EXPECTED.get(expected, expected)}, not {_FOUND.get(d['got'], d['got'])}{found}. {fix}"
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


def validate_file(path: Path, model, expected: type, shape_hint: str, check=None):
    """Read a YAML file and validate it against a model (see validation.validate).

    `expected` is the top-level YAML type (dict or list); `shape_hint` tells
    the editor how the file should start when it is something else.
    """
    file = display_path(path)
    data, lines = read_yaml(path, strip=True)
    if not isinstance(data, expected):
        raise CourseError(Problem(file, lines.start_mark.line + 1, shape_hint))
    try:
        return validate(data, model, check)
    except Invalid as e:
        problems = []
        seen = set()
        for issue in e.issues:
            line, qid = _walk(lines, data, issue.loc)
            p = Problem(file, line, _message(issue, data), qid)
            if (p.line, p.message) not in seen:
                seen.add((p.line, p.message))
                problems.append(p)
        raise CourseError(sorted(problems, key=lambda p: p.line or 0)) from None


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
