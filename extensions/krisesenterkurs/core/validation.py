"""Validates plain data against the course's msgspec models and lists every mistake.

msgspec checks data fast (a build validates every bank) but stops at the first
mistake. When data is invalid, this module walks into the lists and objects
the model describes and validates each part on its own, so an editor sees
every mistake of a file at once instead of one per build. Each mistake is an
`Issue`: where it is (a path of keys and list positions), what kind it is, and
the details a message needs; the loader turns issues into messages with lines.
"""

from __future__ import annotations

import datetime
import re
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import msgspec

T = TypeVar("T")
Loc = tuple[str | int, ...]


class RuleError(ValueError):
    """Raised by a model's own rule (in `__post_init__` or a check); `loc` is relative to the object checked."""

    def __init__(self, message: str, loc: Loc = ()):
        super().__init__(message)
        self.loc = tuple(loc)


@dataclass(frozen=True)
class Issue:
    loc: Loc
    kind: str  # missing, unknown_key, wrong_type, too_short, too_long, out_of_range, pattern, tag, invalid, rule
    details: dict = field(default_factory=dict, compare=False)


class Invalid(Exception):
    def __init__(self, issues: list[Issue]):
        super().__init__(f"{len(issues)} issue(s)")
        self.issues = issues


def validate(data: object, model: type[T] | Any, check: Callable[[Any], None] | None = None) -> T:
    """Turn plain data into `model`, or raise `Invalid` listing every issue.

    Strict: YAML's `yes` or `1` is not read as true or as text. `check` is an
    extra rule on the whole value (for models that are plain lists).
    """
    try:
        value = msgspec.convert(data, model, strict=True)
        if check is not None:
            check(value)
        return value
    except RuleError as e:
        raise Invalid([Issue(e.loc, "rule", {"message": str(e)})]) from None
    except msgspec.ValidationError:
        raise Invalid(_issues(data, model, ())) from None


def _issues(data: object, model: Any, loc: Loc) -> list[Issue]:
    try:
        msgspec.convert(data, model, strict=True)
        return []
    except msgspec.ValidationError as e:
        first = _parse(e, loc, model)
    found: dict[tuple, Issue] = {}
    for issue in _inside(data, model, loc):
        found.setdefault((issue.loc, issue.kind), issue)
    # The first error may be one the walk cannot see (a list's length, a model's own rule).
    found.setdefault((first.loc, first.kind), first)
    return list(found.values())


def _inside(data: object, model: Any, loc: Loc):
    """The issues of each part of `data` on its own."""
    model, _ = _unwrap(model)
    if typing.get_origin(model) is list and isinstance(data, list):
        (item,) = typing.get_args(model)
        for i, value in enumerate(data):
            yield from _issues(value, item, (*loc, i))
        return
    struct = _struct_for(model, data)
    if struct is None or not isinstance(data, dict):
        return
    fields = msgspec.structs.fields(struct)
    names = [f.encode_name for f in fields]
    tag_field = struct.__struct_config__.tag_field
    for key in data:
        if key not in names and key != tag_field:
            yield Issue((*loc, key), "unknown_key", {"key": key, "allowed": names})
    for f in fields:
        if f.encode_name in data:
            yield from _issues(data[f.encode_name], f.type, (*loc, f.encode_name))
        elif f.required:
            yield Issue((*loc, f.encode_name), "missing", {"key": f.encode_name})


def _unwrap(model: Any) -> tuple[Any, list[msgspec.Meta]]:
    """The type without its annotations, and the constraints those annotations held."""
    metas = []
    while True:
        if typing.get_origin(model) is typing.Annotated:
            model, *extras = typing.get_args(model)
            metas += [m for m in extras if isinstance(m, msgspec.Meta)]
            continue
        inner = [t for t in typing.get_args(model) if t is not type(None)]
        if (
            typing.get_origin(model) in (typing.Union, types.UnionType)
            and len(inner) == 1
            and typing.get_origin(inner[0]) is typing.Annotated
        ):
            model = inner[0]  # an optional value: its constraints are those of the value when given
            continue
        return model, metas


def _struct_for(model: Any, data: object) -> type[msgspec.Struct] | None:
    """The model class `data` should be: the class itself, or the member of a tagged union its tag names."""
    if isinstance(model, type) and issubclass(model, msgspec.Struct):
        return model
    if typing.get_origin(model) in (typing.Union, types.UnionType) and isinstance(data, dict):
        for member in typing.get_args(model):
            config = getattr(member, "__struct_config__", None)
            if config and config.tag_field and data.get(config.tag_field) == config.tag:
                return member
    return None


_AT = re.compile(r" - at `(?:key` in `)?\$(?P<path>[^`]*)`$")
_STEP = re.compile(r"\.([^.\[]+)|\[(\d+)\]")
_PATTERNS = [
    ("missing", re.compile(r"^Object missing required field `(?P<key>[^`]+)`$")),
    ("unknown_key", re.compile(r"^Object contains unknown field `(?P<key>[^`]+)`$")),
    ("wrong_type", re.compile(r"^Expected `(?P<expected>[^`]+)`, got `(?P<got>[^`]+)`$")),
    ("length", re.compile(r"^Expected `(?P<what>str|array)` of length (?P<op>[<>]=?) (?P<limit>\d+)$")),
    ("out_of_range", re.compile(r"^Expected `(?:int|float)` (?P<op>[<>]=?) (?P<limit>-?[\d.]+)$")),
    ("pattern", re.compile(r"^Expected `str` matching regex '(?P<pattern>.*)'$")),
    ("tag", re.compile(r"^Invalid value (?P<value>.*)$")),
    ("choice", re.compile(r"^Invalid enum value (?P<value>.*)$")),
]


def _parse(error: msgspec.ValidationError, loc: Loc, model: Any) -> Issue:
    """One msgspec error as an Issue, with its location added to `loc`."""
    text = str(error)
    at = _AT.search(text)
    if at:
        text = text[: at.start()]
        for key, index in _STEP.findall(at.group("path")):
            loc = (*loc, int(index) if index else key)
    cause = error.__cause__
    if isinstance(cause, RuleError):
        return Issue((*loc, *cause.loc), "rule", {"message": str(cause)})
    # An error at the value itself (not inside it): its own constraints say what is allowed.
    metas = [] if at else _unwrap(model)[1]
    for kind, pattern in _PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        details = m.groupdict()
        if kind in ("missing", "unknown_key"):
            loc = (*loc, details["key"])
        if kind == "length":
            kind = "too_short" if details["op"].startswith(">") else "too_long"
            details["limit"] = int(details["limit"])
        if kind == "out_of_range":
            details["low"] = next((meta.ge for meta in metas if meta.ge is not None), None)
            details["high"] = next((meta.le for meta in metas if meta.le is not None), None)
        if kind == "pattern":
            details["examples"] = next((meta.examples for meta in metas if meta.examples), None)
        if kind in ("tag", "choice"):
            details["value"] = details["value"].strip("'")
        if kind == "choice":
            leaf = _unwrap(model)[0] if not at else None
            details["choices"] = (
                [str(v) for v in typing.get_args(leaf)] if typing.get_origin(leaf) is typing.Literal else []
            )
        if not at or kind == "tag":
            details.update(_tags(model))
        return Issue(loc, kind, details)
    # Anything else is a value of the right type that cannot be read, such as the date "27.11.2026".
    leaf = _unwrap(model)[0] if not at else None
    if typing.get_origin(leaf) in (typing.Union, types.UnionType):  # an optional value: what it is when given
        leaf = next((t for t in typing.get_args(leaf) if t is not type(None)), None)
    return Issue(loc, "invalid", {"message": text, "type": _JSON_NAMES.get(leaf) if isinstance(leaf, type) else None})


def _tags(model: Any) -> dict:
    """For a tagged union (a question of several types): its tag field, the tags it allows and what a tag names."""
    model = _unwrap(model)[0]
    if typing.get_origin(model) not in (typing.Union, types.UnionType):
        return {}
    configs = [(m, getattr(m, "__struct_config__", None)) for m in typing.get_args(model)]
    tagged = [(m, c) for m, c in configs if c and c.tag_field]
    if not tagged:
        return {}
    return {
        "tag_field": tagged[0][1].tag_field,
        "tags": [c.tag for _, c in tagged],
        "kind_name": getattr(tagged[0][0], "kind_name", tagged[0][1].tag_field),
    }


_JSON_NAMES = {str: "str", bool: "bool", int: "int", float: "float", datetime.date: "date"}
