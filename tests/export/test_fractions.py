"""Grades from Moodle's list (question/engine/bank.php, fraction_options_full)."""

import pytest

from krisesenterkurs.export.fractions import ALLOWED, multiple_fractions, nearest, percent


def test_the_list_is_moodles():
    # 0, ±100 % and ±19 other grades: 41 in all, as question_bank::fraction_options_full() has.
    assert len(ALLOWED) == 41 and 0.0 in ALLOWED and 1.0 in ALLOWED and -1.0 in ALLOWED
    assert 0.3333333 in ALLOWED and -0.1428571 in ALLOWED and 0.05 in ALLOWED


@pytest.mark.parametrize("right", range(1, 11))
@pytest.mark.parametrize("wrong", range(0, 10))
def test_multiple_grades_are_allowed_and_sum_to_100_and_minus_100(right, wrong):
    if right + wrong > 10:  # a question has at most 10 options
        return
    fractions = multiple_fractions([True] * right + [False] * wrong)
    assert all(any(abs(f - a) < 0.00001 for a in ALLOWED) for f in fractions)
    assert round(sum(f for f in fractions if f > 0), 2) == 1
    if wrong:
        assert round(sum(f for f in fractions if f < 0), 2) == -1


def test_nearest_and_percent():
    assert nearest(1 / 3) == 0.3333333 and nearest(-1 / 7) == -0.1428571 and nearest(0.33) == 0.3333333
    assert [percent(f) for f in (1.0, 0.0, 0.3333333, -0.5, 0.1666667)] == ["100", "0", "33.33333", "-50", "16.66667"]
