"""The bank model: what it accepts, what it rejects, and the JSON Schema it produces."""

import copy

import pytest
import yaml

from krisesenterkurs.core.validation import Invalid, validate
from krisesenterkurs.quiz.schema import Bank, bank_json_schema
from tests.banks import VALID


def data():
    return copy.deepcopy(yaml.safe_load(VALID))


def issues(d):
    with pytest.raises(Invalid) as info:
        validate(d, Bank)
    return info.value.issues


def kinds(d):
    return [(i.loc, i.kind) for i in issues(d)]


def test_valid_bank_loads_with_default_pass_mark():
    d = data()
    del d["pass_mark"]
    bank = validate(d, Bank)
    assert bank.pass_mark is None  # the course's default is applied when banks are loaded (test_banks)
    assert [q.type for q in bank.questions] == ["single", "multiple", "truefalse"]


def test_single_needs_exactly_one_correct():
    d = data()
    d["questions"][0]["options"][1]["correct"] = True
    (issue,) = issues(d)
    assert (issue.loc, issue.kind) == (("questions", 0, "options"), "rule") and "fant 2" in issue.details["message"]
    d["questions"][0]["options"][0]["correct"] = False
    d["questions"][0]["options"][1]["correct"] = False
    assert "fant 0" in issues(d)[0].details["message"]


def test_multiple_needs_a_correct_option():
    d = data()
    for o in d["questions"][1]["options"]:
        o["correct"] = False
    (issue,) = issues(d)
    assert issue.loc == ("questions", 1, "options") and "minst ett alternativ" in issue.details["message"]


def test_fewer_than_two_options():
    d = data()
    d["questions"][0]["options"] = d["questions"][0]["options"][:1]
    assert kinds(d) == [(("questions", 0, "options"), "too_short")]


def test_unknown_key_is_rejected_and_the_allowed_keys_are_named():
    d = data()
    d["questions"][2]["hint"] = "x"
    (issue,) = issues(d)
    assert (issue.loc, issue.kind) == (("questions", 2, "hint"), "unknown_key")
    assert issue.details["allowed"] == ["id", "prompt", "explanation", "source", "answer", "learn_more"]


def test_duplicate_question_ids():
    d = data()
    d["questions"][2]["id"] = "en"
    assert kinds(d) == [(("questions", 2, "id"), "rule")]


@pytest.mark.parametrize("field", ["prompt", "explanation", "source"])
def test_empty_text_is_rejected(field):
    d = data()
    d["questions"][0][field] = ""
    assert kinds(d) == [(("questions", 0, field), "too_short")]


def test_wrong_types_are_not_coerced_and_every_mistake_is_listed():
    d = data()
    d["questions"][0]["options"][0]["correct"] = "yes"
    d["questions"][2]["prompt"] = 42
    d["pass_mark"] = "80"
    assert sorted(kinds(d)) == [
        (("pass_mark",), "wrong_type"),
        (("questions", 0, "options", 0, "correct"), "wrong_type"),
        (("questions", 2, "prompt"), "wrong_type"),
    ]


def test_a_missing_key_and_an_unknown_one_in_the_same_question():
    d = data()
    del d["questions"][1]["source"]
    d["questions"][1]["kilde"] = "x"
    assert sorted(kinds(d)) == [(("questions", 1, "kilde"), "unknown_key"), (("questions", 1, "source"), "missing")]


def test_unknown_question_type():
    d = data()
    d["questions"][0]["type"] = "essay"
    (issue,) = issues(d)
    assert (issue.loc, issue.kind, issue.details["value"]) == (("questions", 0, "type"), "tag", "essay")


def test_id_pattern():
    d = data()
    d["questions"][0]["id"] = "Mer enn bolig"
    assert kinds(d) == [(("questions", 0, "id"), "pattern")]


def test_pass_mark_range_comes_from_the_model():
    d = data()
    d["pass_mark"] = 180
    (issue,) = issues(d)
    assert issue.kind == "out_of_range" and (issue.details["low"], issue.details["high"]) == (0, 100)


def test_option_text_must_be_one_paragraph():
    d = data()
    d["questions"][0]["options"][0]["text"] = "Første\n\nAndre"
    (issue,) = issues(d)
    assert (issue.loc, issue.kind) == (("questions", 0, "options", 0, "text"), "rule")


def test_question_hash_changes_only_with_that_question():
    a = validate(data(), Bank)
    d = data()
    d["questions"][0]["prompt"] = "Hva er egentlig riktig?"
    b = validate(d, Bank)
    assert a.questions[0].content_hash() != b.questions[0].content_hash()
    assert a.questions[1].content_hash() == b.questions[1].content_hash()
    assert a.content_hash() != b.content_hash()


def test_hashes_are_those_learners_already_have():
    # Learners' saved answers carry these; a change here would mark every result as outdated.
    # (Computed by the earlier pydantic model from the same bank, and checked equal on every course bank.)
    bank = validate(data(), Bank)
    assert [q.content_hash() for q in bank.questions] == EXPECTED_QUESTION_HASHES
    assert bank.content_hash() == EXPECTED_BANK_HASH


def test_json_schema_comes_from_the_same_model():
    schema = bank_json_schema()
    assert schema["title"] == "Question bank (krisesenterkurs)"
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"id", "title", "questions"}
    assert schema["properties"]["pass_mark"] == {
        "anyOf": [
            {
                "description": "Percent right needed to pass (default: the course's, 80).",
                "type": "integer",
                "minimum": 0,
                "maximum": 100,
            },
            {"type": "null"},
        ],
        "default": None,
    }
    kinds = {d["properties"]["type"]["enum"][0] for d in schema["$defs"].values() if "type" in d.get("properties", {})}
    assert kinds == {"single", "multiple", "truefalse", "matching", "ordering"}
    # What editors' tools check as they type, from the same rules as the build.
    ordering = schema["$defs"]["OrderingQuestion"]["properties"]["steps"]
    assert (ordering["minItems"], ordering["maxItems"]) == (3, 7)
    matching = schema["$defs"]["MatchingQuestion"]["properties"]
    assert matching["categories"]["minItems"] == 2 and matching["items"]["minItems"] == 2


EXPECTED_QUESTION_HASHES = ["b27edf6d39b1", "c41128ec7e3c", "43418d6b049a"]
EXPECTED_BANK_HASH = "abea1f2dc5d8"
