"""UI strings: one table per language, all with the same words."""

import re
from pathlib import Path

import pytest

from krisesenterkurs.core import strings

PACKAGE = Path(strings.__file__).parent.parent.parent


def test_every_language_has_every_string():
    keys = set(strings.table("nb"))
    for lang in strings.LANGUAGES:
        t = strings.table(lang)
        assert set(t) == keys, lang
        assert all(isinstance(v, str) and v.strip() for v in t.values()), lang


def test_placeholders_match_across_languages():
    nb = strings.table("nb")
    for lang in strings.LANGUAGES:
        for key, text in strings.table(lang).items():
            assert set(re.findall(r"\{(\w+)\}", text)) == set(re.findall(r"\{(\w+)\}", nb[key])), (lang, key)


def test_every_word_the_template_and_scripts_use_exists():
    from krisesenterkurs.course.progress import PROGRESS_WORDS
    from krisesenterkurs.quiz.render import QUIZ_WORDS

    assets = PACKAGE / "theme" / "assets" / "krisesenterkurs"
    used = set(re.findall(r'words\["(\w+)"\]', (PACKAGE / "quiz" / "html.py").read_text()))
    assert len(used) > 10  # the quiz's own words are found where they are written
    for script in ("quiz.js", "progress.js", "record.js"):
        used |= set(re.findall(r"words\.(\w+)", (assets / script).read_text()))
    assert set(re.findall(r"words\.(\w+)", (assets / "progress.js").read_text())) <= set(PROGRESS_WORDS)
    used |= set(PROGRESS_WORDS)
    used |= set(QUIZ_WORDS)
    assert used <= set(strings.table("nb")), used - set(strings.table("nb"))


@pytest.mark.parametrize(
    "given,expected", [("nb", "nb"), ("no", "nb"), ("nn", "nn"), ("en", "en"), ("de", "nb"), (None, "nb")]
)
def test_theme_language_picks_a_table(given, expected):
    assert strings.normalise(given) == expected


def test_a_key_written_twice_is_an_error(tmp_path, monkeypatch):
    from krisesenterkurs.core.errors import CourseError
    from krisesenterkurs.core.yamlfile import read_yaml

    path = tmp_path / "xx.yml"
    path.write_text('passed: "Bestått"\nother: "x"\npassed: "bestått"\n', encoding="utf-8")
    with pytest.raises(CourseError, match=r"xx\.yml:3: nøkkelen «passed» står to ganger"):
        read_yaml(path)
