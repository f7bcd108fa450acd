"""Validation against the msgspec models: every mistake of a file, each with its place and kind."""

import datetime
from typing import Annotated

import msgspec
import pytest

from krisesenterkurs.core.validation import Invalid, RuleError, validate


class Item(msgspec.Struct, forbid_unknown_fields=True):
    name: Annotated[str, msgspec.Meta(min_length=1, pattern=r"^[a-z]+$", examples=["navn"])]
    size: Annotated[int, msgspec.Meta(ge=1, le=9)] = 1
    when: datetime.date | None = None

    def __post_init__(self):
        if self.name == "feil":
            raise RuleError("'feil' is not allowed", ("name",))


class Box(msgspec.Struct, forbid_unknown_fields=True):
    items: Annotated[list[Item], msgspec.Meta(min_length=2)]
    label: str = "x"


def issues(data, model=Box, check=None):
    with pytest.raises(Invalid) as info:
        validate(data, model, check)
    return {(i.loc, i.kind): i.details for i in info.value.issues}


def test_valid_data_becomes_the_model():
    box = validate({"items": [{"name": "a"}, {"name": "b", "when": "2026-03-20"}]}, Box)
    assert box.items[1].when == datetime.date(2026, 3, 20) and box.label == "x"


def test_every_mistake_is_listed_not_only_the_first():
    found = issues({"items": [{"name": "A", "size": 0}, {"size": "2", "colour": "red"}], "label": 3})
    assert set(found) == {
        (("items", 0, "name"), "pattern"),
        (("items", 0, "size"), "out_of_range"),
        (("items", 1, "name"), "missing"),
        (("items", 1, "size"), "wrong_type"),
        (("items", 1, "colour"), "unknown_key"),
        (("label",), "wrong_type"),
    }
    assert (
        found[(("items", 0, "size"), "out_of_range")]["low"],
        found[(("items", 0, "size"), "out_of_range")]["high"],
    ) == (1, 9)
    assert found[(("items", 0, "name"), "pattern")]["examples"] == ["navn"]
    assert found[(("items", 1, "colour"), "unknown_key")]["allowed"] == ["name", "size", "when"]
    assert found[(("items", 1, "size"), "wrong_type")] == {"expected": "int", "got": "str"}


def test_strict_yaml_booleans_and_numbers_are_not_text():
    found = issues({"items": [{"name": True}, {"name": "b", "size": True}]})
    assert set(found) == {(("items", 0, "name"), "wrong_type"), (("items", 1, "size"), "wrong_type")}


def test_a_list_too_short_is_reported_with_the_mistakes_inside_it():
    found = issues({"items": [{"name": "A"}]})
    assert set(found) == {(("items",), "too_short"), (("items", 0, "name"), "pattern")}
    assert found[(("items",), "too_short")]["limit"] == 2


def test_a_model_rule_points_inside_the_object():
    assert set(issues({"items": [{"name": "a"}, {"name": "feil"}]})) == {(("items", 1, "name"), "rule")}


def test_a_check_on_the_whole_value():
    def no_twins(items):
        if items[0].name == items[1].name:
            raise RuleError("twins", (1, "name"))

    found = issues([{"name": "a"}, {"name": "a"}], list[Item], no_twins)
    assert found == {((1, "name"), "rule"): {"message": "twins"}}


def test_a_value_of_the_right_type_that_cannot_be_read_says_what_it_should_be():
    found = issues({"items": [{"name": "a", "when": "27.11.2026"}, {"name": "b"}]})
    assert found[(("items", 0, "when"), "invalid")]["type"] == "date"


def test_the_wrong_shape_at_the_top():
    assert set(issues(["items"])) == {((), "wrong_type")}
