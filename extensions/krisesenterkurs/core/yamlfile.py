"""YAML course files read with their line numbers.

PyYAML's node tree keeps line numbers; we build plain Python data from it
ourselves so that each value can be traced back to its line when a model
rejects it, and so that duplicate keys (which PyYAML silently overwrites)
are caught.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from .errors import CourseError, Problem

MAX_FILE_BYTES = 1_000_000
# libyaml's parser when PyYAML has it (about ten times faster for a course of many banks).
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def display_path(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # pragma: no cover - other drive on Windows
        return str(path)


_STR = "tag:yaml.org,2002:str"


ALIAS_MESSAGE = (
    "YAML anchors and aliases (&name, *name) are not used in course files. "
    "Fix: write the text out in full where it is needed."
)


def _build(
    node: yaml.Node,
    loader: yaml.SafeLoader,
    file: str,
    problems: list[Problem],
    strip: bool,
    seen: set[int],
    depth: int = 0,
):
    # The composer hands back the anchored node itself for every alias, so a node met twice is an
    # alias. Refusing it at once keeps the work linear: nested aliases would otherwise be built
    # again for every use, and a few hundred bytes could expand to billions of values.
    if id(node) in seen:
        raise CourseError(Problem(file, node.start_mark.line + 1, ALIAS_MESSAGE))
    seen.add(id(node))
    if depth > 50:
        raise CourseError(
            Problem(file, node.start_mark.line + 1, "the YAML is nested too deeply. Fix: check the indentation.")
        )
    if isinstance(node, yaml.MappingNode):
        data: dict = {}
        for key_node, value_node in node.value:
            # Keys as written: `1:` or `yes:` is a key the file does not know, not a number or a boolean.
            key = key_node.value
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(
                    Problem(
                        file,
                        key_node.start_mark.line + 1,
                        "a key must be a plain word. Fix: check the indentation and the colon.",
                    )
                )
                continue
            if key in data:
                problems.append(
                    Problem(
                        file,
                        key_node.start_mark.line + 1,
                        f"the key '{key}' appears twice in the same place. Fix: keep one of them.",
                    )
                )
                continue
            data[key] = _build(value_node, loader, file, problems, strip, seen, depth + 1)
        return data
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, loader, file, problems, strip, seen, depth + 1) for item in node.value]
    # Most values are text, which needs no constructing (a large part of the loading time).
    if node.tag == _STR:
        return node.value.strip() if strip else node.value
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, OverflowError):  # looks like a date but is not one (2026-13-45), or `!!int abc`
        if node.tag.endswith(":timestamp"):
            message = (
                f"'{node.value}' is not a valid date. "
                "Fix: write the date as YYYY-MM-DD, e.g. 2026-03-20, or put text in quotes."
            )
        else:
            message = f"'{node.value}' cannot be read as {node.tag.rsplit(':', 1)[-1]}. Fix: correct it, or put text in quotes."
        problems.append(Problem(file, node.start_mark.line + 1, message))
        return None


def read_yaml(
    path: Path,
    strip: bool = False,
    holds: str = "the bank (id, title, questions)",
    split_hint: str = "split it into smaller banks",
    value_problems: list[Problem] | None = None,
    deletable: bool = True,
) -> tuple[object, yaml.Node]:
    """Parse one YAML file into data and its YAML node tree (which knows the lines); raise CourseError on any problem.

    `strip` removes blanks around every text value (what the course's models expect); `holds` says
    what the file should contain, for the messages about an empty file, and `deletable` whether the
    course builds without it (so that deleting an empty one is a fix). With `value_problems`, values
    that cannot be read (a bad date) are added there and left as None, so the caller can list them
    with the model's own mistakes instead of stopping at the first."""
    file = display_path(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise CourseError(
            Problem(file, None, f"cannot be read ({e.strerror}). Fix: check that the file exists and is readable.")
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        raise CourseError(Problem(file, None, f"is larger than {MAX_FILE_BYTES // 1000} kB. Fix: {split_hint}."))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise CourseError(Problem(file, line, "is not UTF-8 text. Fix: save the file with UTF-8 encoding.")) from None
    if not text.strip():
        fix = f"write {holds} or delete the file" if deletable else f"write {holds}"
        raise CourseError(Problem(file, 1, f"is empty. Fix: {fix}."))
    loader = None
    try:
        loader = _Loader(text)  # its reader rejects control characters at once
        node = loader.get_single_node()
        if node is None:
            raise CourseError(Problem(file, 1, f"holds no YAML data. Fix: write {holds}."))
        problems: list[Problem] = []
        data = _build(node, loader, file, problems, strip, set())
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        mark_line = mark.line + 1 if mark else None
        what = e.problem or "invalid YAML"
        source_lines = text.splitlines()
        at = source_lines[mark_line - 1] if mark_line and mark_line <= len(source_lines) else ""
        hint = (
            "Fix: indent with spaces, not tabs."
            if "\t" in at
            else "Fix: check indentation, colons and quotes on this line or the one before; quote text that contains ': ' or starts with a special character."
        )
        raise CourseError(Problem(file, mark_line, f"YAML syntax error: {what}. {hint}")) from None
    except yaml.reader.ReaderError as e:
        line = text[: e.position].count("\n") + 1
        raise CourseError(
            Problem(
                file,
                line,
                f"contains a character YAML does not allow ({e.character!r}). "
                "Fix: delete it; it is often an invisible control character from a paste.",
            )
        ) from None
    except yaml.YAMLError as e:
        raise CourseError(Problem(file, None, f"YAML error: {e}. Fix: save the file as plain UTF-8 text.")) from None
    finally:
        if loader is not None:
            loader.dispose()
    if problems and value_problems is None:
        raise CourseError(problems)
    if value_problems is not None:
        value_problems.extend(problems)
    return data, node
