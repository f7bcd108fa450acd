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
from .say import say

MAX_FILE_BYTES = 1_000_000
# libyaml's parser when PyYAML has it (about ten times faster for a course of many banks).
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def display_path(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # pragma: no cover - other drive on Windows
        return str(path)


_STR = "tag:yaml.org,2002:str"

# PyYAML's most frequent complaints, in the editor's language; any other is shown as PyYAML words it.
_PYYAML_PROBLEMS = {
    "invalid YAML": "yaml_invalid",
    "found a tab character that violates indentation": "yaml_found_tab",
    "found character '\\t' that cannot start any token": "yaml_found_tab",
    "mapping values are not allowed in this context": "yaml_mapping_here",
    "mapping values are not allowed here": "yaml_mapping_here",
    "did not find expected ',' or ']'": "yaml_unclosed_list",
    "did not find expected ',' or '}'": "yaml_unclosed_mapping",
    "did not find expected key": "yaml_expected_key",
    "could not find expected ':'": "yaml_expected_colon",
    "found unexpected end of stream": "yaml_unexpected_end",
    "found unknown escape character": "yaml_unknown_escape",
}


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
        raise CourseError(Problem(file, node.start_mark.line + 1, say("yaml_alias")))
    seen.add(id(node))
    if depth > 50:
        raise CourseError(Problem(file, node.start_mark.line + 1, say("yaml_too_deep")))
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
                        say("yaml_key_not_word"),
                    )
                )
                continue
            if key in data:
                problems.append(
                    Problem(
                        file,
                        key_node.start_mark.line + 1,
                        say("yaml_key_twice", key=key),
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
            message = say("yaml_bad_date", value=node.value)
        else:
            message = say("yaml_bad_value", value=node.value, tag=node.tag.rsplit(":", 1)[-1])
        problems.append(Problem(file, node.start_mark.line + 1, message))
        return None


def read_yaml(
    path: Path,
    strip: bool = False,
    holds: str | None = None,
    split_hint: str | None = None,
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
    holds = holds or say("holds_bank")
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise CourseError(Problem(file, None, say("file_unreadable", reason=e.strerror))) from None
    if len(raw) > MAX_FILE_BYTES:
        raise CourseError(
            Problem(file, None, say("file_too_large", kb=MAX_FILE_BYTES // 1000, fix=split_hint or say("split_bank")))
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise CourseError(Problem(file, line, say("file_not_utf8"))) from None
    if not text.strip():
        raise CourseError(Problem(file, 1, say("file_empty_deletable" if deletable else "file_empty", holds=holds)))
    loader = None
    try:
        loader = _Loader(text)  # its reader rejects control characters at once
        node = loader.get_single_node()
        if node is None:
            raise CourseError(Problem(file, 1, say("file_no_data", holds=holds)))
        problems: list[Problem] = []
        data = _build(node, loader, file, problems, strip, set())
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        mark_line = mark.line + 1 if mark else None
        what = e.problem or "invalid YAML"
        what = say(_PYYAML_PROBLEMS[what]) if what in _PYYAML_PROBLEMS else what
        source_lines = text.splitlines()
        at = source_lines[mark_line - 1] if mark_line and mark_line <= len(source_lines) else ""
        hint = say("yaml_fix_tab") if "\t" in at else say("yaml_fix_syntax")
        raise CourseError(Problem(file, mark_line, say("yaml_syntax", what=what, fix=hint))) from None
    except yaml.reader.ReaderError as e:
        line = text[: e.position].count("\n") + 1
        raise CourseError(Problem(file, line, say("yaml_bad_character", character=repr(e.character)))) from None
    except yaml.YAMLError as e:
        raise CourseError(Problem(file, None, say("yaml_error", error=e))) from None
    finally:
        if loader is not None:
            loader.dispose()
    if problems and value_problems is None:
        raise CourseError(problems)
    if value_problems is not None:
        value_problems.extend(problems)
    return data, node
