"""The quiz HTML: native, labelled controls; answers hidden; bank text never runs as HTML."""

import re
from html.parser import HTMLParser

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from krisesenterkurs.core.validation import validate
from krisesenterkurs.quiz.render import _PLAIN, TextRenderer, render_quiz
from krisesenterkurs.quiz.schema import Bank
from tests.banks import VALID


def bank(**changes) -> Bank:
    data = yaml.safe_load(VALID)
    for qi, field, value in changes.get("edits", []):
        data["questions"][qi][field] = value
    return validate(data, Bank)


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def parse(html):
    p = Tags()
    p.feed(html)
    return p.tags


def test_each_question_is_a_fieldset_with_legend_and_labelled_native_inputs():
    html = render_quiz(bank(), question_ids=None, lang="nb", uid="kk1-test")
    tags = parse(html)
    assert [t for t, _ in tags].count("fieldset") == 3
    assert [t for t, _ in tags].count("legend") == 3
    inputs = [a for t, a in tags if t == "input"]
    assert [i["type"] for i in inputs] == ["radio"] * 2 + ["checkbox"] * 3 + ["radio"] * 2
    labels = {a["for"] for t, a in tags if t == "label"}
    assert {i["id"] for i in inputs} == labels
    assert "Sant" in html and "Usant" in html and "Sjekk svar" in html


def test_right_answers_are_data_not_visible_text():
    html = render_quiz(bank(), question_ids=None, lang="nb", uid="u")
    fieldsets = [a for t, a in parse(html) if t == "fieldset"]
    assert [f["data-correct"] for f in fieldsets] == ["0", "0 1", "1"]
    # Feedback, explanation and source stay hidden until the learner checks.
    results = re.findall(r'<div class="kk-question__result"[^>]*>', html)
    feedback = re.findall(r'<div class="kk-option__feedback"[^>]*>', html)
    assert len(results) == 3 and len(feedback) == 2  # one per question; the two options with feedback
    assert all("hidden" in block for block in results + feedback)
    assert "<noscript>" in html


def test_subset_keeps_the_given_order():
    html = render_quiz(bank(), question_ids=["tre", "en"], lang="nb", uid="u")
    assert [a["data-qid"] for t, a in parse(html) if t == "fieldset"] == ["tre", "en"]
    assert 'data-subset="true"' in html
    assert "Spørsmål 2 av 2" in html


@pytest.mark.parametrize("lang,word", [("nb", "Sjekk svar"), ("nn", "Vel eitt svar."), ("en", "Check answer")])
def test_words_follow_the_language(lang, word):
    assert word in render_quiz(bank(), question_ids=None, lang=lang, uid="u")


HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[klikk](javascript:alert(1))",
    "<!-- skjult --> synlig",
    "<b>uavsluttet",
    '<a href="javascript:alert(1)">x</a>',
    "<iframe src='https://example.org'></iframe>",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_shown_as_text_never_as_markup(text):
    html = render_quiz(
        bank(edits=[(0, "prompt", text), (2, "explanation", text)]), question_ids=None, lang="nb", uid="u"
    )
    tags = parse(html)
    assert not {t for t, _ in tags} & {"script", "img", "iframe", "b"}
    assert not any(a.get("href", "").strip().lower().startswith("javascript") for _, a in tags)
    assert not any(k.startswith("on") for _, a in tags for k in a)


def test_raw_html_stays_visible_as_text():
    html = render_quiz(bank(edits=[(0, "prompt", "<script>alert(1)</script>")]), question_ids=None, lang="nb", uid="u")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_markdown_in_bank_text():
    r = TextRenderer()
    assert str(r.inline("*viktig* og `kode`")) == "<em>viktig</em> og <code>kode</code>"
    block = str(r.block("Avsnitt\n\n- en\n- to"))
    assert "<ul>" in block and "<li>en</li>" in block
    first, rest = r.split_first("Spørsmål?\n\n- a\n- b")
    assert str(first) == "Spørsmål?" and "<ul>" in str(rest)
    assert 'href="https://dinutvei.no"' in str(r.inline("[Dinutvei](https://dinutvei.no)"))


# --- Any text: the renderer never lets markup through ----------------------------------------


markupish = st.text(alphabet=st.sampled_from(list("<>/=\"' abcsriptonlgvhf:&;!-*_[]()`#\n")), min_size=1, max_size=80)


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(markupish, st.text(min_size=1, max_size=80)))
def test_any_text_renders_without_active_markup(text):
    if not text.strip():
        return
    html = str(TextRenderer().block(text))
    tags = {t for t, _ in parse(html)}
    assert tags <= {"p", "em", "strong", "code", "a", "ul", "ol", "li", "br", "blockquote", "abbr", "pre"}
    assert not tags & {"script", "img", "iframe", "object", "embed", "style", "svg", "math", "form", "input"}
    for _, attrs in parse(html):
        assert not any(k.startswith("on") for k in attrs)
        assert not attrs.get("href", "").lower().lstrip().startswith(("javascript", "data", "vbscript"))


def test_rendering_many_fields_at_once_equals_one_by_one():
    fields = [
        "Et *avsnitt*.",
        "- en\n- to",
        "> sitat\nfortsatt",
        "`kode` og [lenke](https://dinutvei.no)",
        "1. første\n2. andre",
        "Linje\n\nAvsnitt to",
        "<b>rå</b> tekst",
        "Slutt.",
    ]
    r = TextRenderer()
    assert [str(x) for x in r.many(fields)] == [str(r.block(f)) for f in fields]


def test_a_field_holding_the_marker_is_rendered_alone():
    from krisesenterkurs.quiz.render import _MARKER

    r = TextRenderer()
    fields = ["Før", _MARKER, "Etter"]
    assert [str(x) for x in r.many(fields)] == [str(r.block(f)) for f in fields]


# --- Plain sentences skip Markdown, with the same result ------------------------------------

plainish = st.text(
    alphabet=st.sampled_from(list("aæøåZ19 ,.;:?!()'\"%/+=–—…«»§$€-#*_<&>[]`\\\n\t|~")), min_size=1, max_size=40
)


def _markdown_only(r: TextRenderer, text: str) -> str:
    """What the renderer gives without its shortcut for plain text."""
    r._md.reset()
    import nh3

    from krisesenterkurs.quiz.render import _ATTRIBUTES, _SCHEMES, _TAGS

    return nh3.clean(r._md.convert(text), tags=_TAGS, attributes=_ATTRIBUTES, url_schemes=_SCHEMES)


@settings(max_examples=500, deadline=None)
@given(text=st.one_of(st.from_regex(_PLAIN, fullmatch=True), plainish, st.text(min_size=1, max_size=40)))
def test_plain_text_shortcut_gives_what_markdown_gives(text):
    r = TextRenderer()
    if _PLAIN.fullmatch(text):
        assert str(r.block(text)) == _markdown_only(r, text)


def test_plain_sentences_take_the_shortcut_and_markdown_does_not():
    for text in (
        "Kommunen har ansvaret.",
        "112 er nødnummeret (politi).",
        "«Det er trygt her», sa hun – 2026.",
        "Ja, 50 % av 1/2 – eller mer?",
    ):
        assert _PLAIN.fullmatch(text), text
    for text in (
        "Et *ord*",
        "1. punkt",
        "- punkt",
        "# Tittel",
        "a & b",
        "<b>",
        "linje\nto",
        "[lenke](x)",
        "a_b_c",
        "`kode`",
        "slutt ",
        "> sitat",
    ):
        assert not _PLAIN.fullmatch(text), text


def test_bank_title_and_option_text_cannot_break_out_of_attributes_or_labels():
    b = bank(edits=[(0, "options", [{"text": 'Ja"><script>alert(1)</script>', "correct": True}, {"text": "Nei"}])])
    b.title = 'Tittel" onmouseover="alert(1)'
    html = render_quiz(b, question_ids=None, lang="nb", uid="u")
    tags = parse(html)
    assert not {t for t, _ in tags} & {"script"}
    assert not any(k.startswith("on") for _, a in tags for k in a)
    section = next(a for t, a in tags if t == "section")
    assert 'Tittel" onmouseover="alert(1)' in section["aria-label"]  # all of it stays inside the label
    label = next(i for i, (t, _) in enumerate(tags) if t == "label")
    assert tags[label + 1][0] != "script"


def test_ordering_steps_are_never_written_in_the_right_order():
    # Print, group mode and the no-JavaScript view show the written order: it must not be the answer.
    from krisesenterkurs.quiz.render import shown_order
    from krisesenterkurs.quiz.schema import OrderingQuestion

    for n in range(3, 8):
        for seed in range(40):
            steps = [f"Steg {seed}-{i}" for i in range(n)]
            q = OrderingQuestion(id=f"q{seed}", prompt="P", explanation="E", source="S", steps=steps)
            order = shown_order(q)
            assert sorted(order) == list(range(n)) and order != list(range(n))
            assert order == shown_order(q)  # the same in every build
