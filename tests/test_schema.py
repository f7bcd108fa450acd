"""The bank model: what it accepts, what it rejects, and the JSON Schema it produces."""

import copy

import pytest
import yaml
from pydantic import ValidationError

from krisesenterkurs.schema import Bank
from tests.banks import VALID


def data():
    return copy.deepcopy(yaml.safe_load(VALID))


def errors(d):
    with pytest.raises(ValidationError) as info:
        Bank.model_validate(d)
    return info.value.errors()


def test_valid_bank_loads_with_default_pass_mark():
    d = data()
    del d["pass_mark"]
    bank = Bank.model_validate(d)
    assert bank.pass_mark == 80
    assert [q.type for q in bank.questions] == ["single", "multiple", "truefalse"]


def test_single_needs_exactly_one_correct():
    d = data()
    d["questions"][0]["options"][1]["correct"] = True
    assert errors(d)[0]["type"] == "single_correct"
    d["questions"][0]["options"][0]["correct"] = False
    d["questions"][0]["options"][1]["correct"] = False
    assert errors(d)[0]["type"] == "single_correct"


def test_multiple_needs_a_correct_option():
    d = data()
    for o in d["questions"][1]["options"]:
        o["correct"] = False
    assert errors(d)[0]["type"] == "multiple_correct"


def test_fewer_than_two_options():
    d = data()
    d["questions"][0]["options"] = d["questions"][0]["options"][:1]
    assert errors(d)[0]["type"] == "too_short"


def test_unknown_key_is_rejected():
    d = data()
    d["questions"][2]["hint"] = "x"
    assert errors(d)[0]["type"] == "extra_forbidden"


def test_duplicate_question_ids():
    d = data()
    d["questions"][2]["id"] = "en"
    err = errors(d)[0]
    assert err["type"] == "duplicate_id" and err["ctx"]["loc"] == ("questions", 2, "id")


@pytest.mark.parametrize("field", ["prompt", "explanation", "source"])
def test_empty_text_is_rejected(field):
    d = data()
    d["questions"][0][field] = "   "
    assert errors(d)[0]["type"] == "string_too_short"


def test_wrong_types_are_not_coerced():
    d = data()
    d["questions"][0]["options"][0]["correct"] = "yes"
    d["questions"][2]["prompt"] = 42
    assert {e["type"] for e in errors(d)} == {"bool_type", "string_type"}


def test_unknown_question_type():
    d = data()
    d["questions"][0]["type"] = "essay"
    assert errors(d)[0]["type"] == "union_tag_invalid"


def test_id_pattern():
    d = data()
    d["questions"][0]["id"] = "Mer enn bolig"
    assert errors(d)[0]["type"] == "string_pattern_mismatch"


def test_option_text_must_be_one_paragraph():
    d = data()
    d["questions"][0]["options"][0]["text"] = "Første\n\nAndre"
    assert errors(d)[0]["type"] == "option_blocks"


def test_question_hash_changes_only_with_that_question():
    a = Bank.model_validate(data())
    d = data()
    d["questions"][0]["prompt"] = "Hva er egentlig riktig?"
    b = Bank.model_validate(d)
    assert a.questions[0].content_hash() != b.questions[0].content_hash()
    assert a.questions[1].content_hash() == b.questions[1].content_hash()
    assert a.content_hash() != b.content_hash()


def test_json_schema_comes_from_the_same_model():
    schema = Bank.model_json_schema()
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"id", "title", "questions"}
    kinds = {d["properties"]["type"]["const"] for d in schema["$defs"].values() if "type" in d.get("properties", {})}
    assert kinds == {"single", "multiple", "truefalse"}
