"""Course YAML files: what the reader refuses, and how fast."""

import time

import pytest

from krisesenterkurs.core.errors import CourseError
from krisesenterkurs.core.yamlfile import read_yaml

# A few hundred bytes that expand to 9**9 strings if every alias is built again.
LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)


@pytest.mark.parametrize("name", ["bank.yml", "module.yml", "glossary.yml"])
def test_nested_aliases_are_refused_within_a_second(tmp_path, name):
    path = tmp_path / name
    path.write_text(LAUGHS, encoding="utf-8")
    assert len(LAUGHS) < 600
    start = time.monotonic()
    with pytest.raises(CourseError) as e:
        read_yaml(path, strip=True)
    assert time.monotonic() - start < 1.0
    [problem] = e.value.problems
    assert problem.line == 1
    assert "ankere og -aliaser" in problem.message and "Rett:" in problem.message


def test_a_single_alias_is_refused_too(tmp_path):
    path = tmp_path / "bank.yml"
    path.write_text("id: test\ntitle: &t Tittel\nquestions:\n  - prompt: *t\n", encoding="utf-8")
    with pytest.raises(CourseError) as e:
        read_yaml(path)
    assert [p.line for p in e.value.problems] == [2]


def test_an_ampersand_or_star_in_text_is_just_text(tmp_path):
    path = tmp_path / "bank.yml"
    path.write_text("title: NAV & barnevern\nprompt: 'Les *dette* nøye'\n", encoding="utf-8")
    data, _ = read_yaml(path)
    assert data == {"title": "NAV & barnevern", "prompt": "Les *dette* nøye"}
