"""Turns a validated bank into the quiz's HTML.

Bank text is Markdown written by editors. Raw HTML in it is shown as text
(the HTML parts of Python-Markdown are switched off) and the result is then
sanitised by nh3, so nothing in a bank can run in a learner's browser.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable

import markdown
import nh3
from markupsafe import Markup

from ..core.strings import table
from .html import quiz_html
from .schema import Bank, MatchingQuestion, MultipleQuestion, OrderingQuestion, SingleQuestion

_TAGS = {"p", "em", "strong", "code", "a", "ul", "ol", "li", "br", "blockquote", "abbr", "pre"}
_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
_SCHEMES = {"http", "https", "mailto"}
_FIRST_PARAGRAPH = re.compile(r"^<p>(.*?)</p>\s*", re.S)
_MARKER = "kkfieldbreak7f3a"
_SPLIT = re.compile(rf"\s*<p>{_MARKER}</p>\s*")
# Most bank text is a plain sentence. Made only of these characters, not starting like a list
# item, it holds no Markdown: it renders as one paragraph with the text unchanged, so Markdown
# is skipped for it (a large part of the build otherwise). Tests check this against Markdown.
_PLAIN = re.compile(r"(?!\d+\.)(?:[^\W_]|[«(\"'])(?:[^\W_]|[ ,.;:?!()'\"%/+=–—…«»§$€-])*(?<! )")


# The words quiz.js shows, handed to it in the quiz's data-strings.
QUIZ_WORDS = (
    "right_verdict",
    "wrong_verdict",
    "chosen_right",
    "chosen_wrong",
    "missed",
    "choose_first",
    "progress",
    "result",
    "passed",
    "failed",
    "no_storage",
    "bad_storage",
    "retry_done",
    "correct_answer",
    "group_on",
    "group_off",
    "moved",
    "choose_all",
    "match_right",
    "match_wrong",
    "match_answer",
    "order_right",
    "order_wrong",
    "order_place",
    "review",
)


def shown_order(q: OrderingQuestion) -> list[int]:
    """The order the steps are written in the page: mixed, never the right one, the same every build.

    Print, group mode and the no-JavaScript view show this order, so it must not give the answer away;
    quiz.js draws a new order for each attempt.
    """
    order = list(range(len(q.steps)))
    random.Random(q.content_hash()).shuffle(order)
    if order == sorted(order):
        order = order[1:] + order[:1]
    return order


def _unwrap(html: str) -> Markup:
    """A single paragraph's content, for places that take only inline content (labels)."""
    match = _FIRST_PARAGRAPH.fullmatch(html)
    return Markup(match.group(1) if match else html)


class TextRenderer:
    """Markdown for bank text, with raw HTML disabled and the output sanitised."""

    def __init__(self):
        self._md = markdown.Markdown(extensions=["sane_lists", "abbr"])
        self._md.preprocessors.deregister("html_block")
        self._md.inlinePatterns.deregister("html")

    @staticmethod
    def _plain(text: str) -> Markup | None:
        return Markup(f"<p>{text}</p>") if _PLAIN.fullmatch(text) else None

    def block(self, text: str) -> Markup:
        plain = self._plain(text)
        if plain is not None:
            return plain
        self._md.reset()
        html = self._md.convert(text)
        return Markup(nh3.clean(html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes=_SCHEMES))

    def inline(self, text: str) -> Markup:
        return _unwrap(str(self.block(text)))

    def many(self, texts: list[str]) -> list[Markup]:
        """Render many fields in one pass: one conversion per bank instead of one per field.

        The fields are joined with a marker paragraph and split again afterwards; should a field
        contain the marker itself, each field is rendered on its own instead.
        """
        out: list[Markup | None] = [self._plain(t) for t in texts]
        marked = [i for i, html in enumerate(out) if html is None]
        if not marked:
            return [html for html in out if html is not None]
        rest = [texts[i] for i in marked]
        parts = _SPLIT.split(str(self.block(f"\n\n{_MARKER}\n\n".join(rest))))
        if len(parts) != len(rest) or any(_MARKER in t for t in rest):
            parts = [str(self.block(t)) for t in rest]
        for i, part in zip(marked, parts, strict=True):
            out[i] = Markup(part.strip())
        return [html if html is not None else Markup("") for html in out]

    def split_first(self, text: str) -> tuple[Markup, Markup]:
        """The first paragraph (for a legend, which takes only inline content) and the rest."""
        return split_first(self.block(text))


def split_first(html) -> tuple[Markup, Markup]:
    html = str(html)
    match = _FIRST_PARAGRAPH.match(html)
    if not match:
        return Markup(""), Markup(html)
    return Markup(match.group(1)), Markup(html[match.end() :])


_default_text: TextRenderer | None = None


def default_text() -> TextRenderer:
    """One renderer per process: making a Markdown instance costs more than a conversion."""
    global _default_text
    if _default_text is None:
        _default_text = TextRenderer()
    return _default_text


def render_quiz(
    bank: Bank,
    *,
    question_ids: list[str] | None,
    lang: str,
    uid: str,
    text: TextRenderer | None = None,
    group: bool = False,
    learn_more: Callable[[str], tuple[str, str]] | None = None,
) -> str:
    """HTML for one placement of a bank on a page. `uid` keeps element ids unique on the page.

    `learn_more` turns a question's `learn_more:` into (href from this page, heading text)."""
    text = text or default_text()
    words = table(lang)
    questions = [bank.question(q) for q in question_ids] if question_ids else list(bank.questions)

    # Every Markdown field of the quiz, rendered in one pass; `take` hands them out in the same order.
    fields: list[str] = []
    for q in questions:
        fields.append(q.prompt)
        if isinstance(q, (SingleQuestion, MultipleQuestion)):
            for o in q.options:
                fields.append(o.text)
                if o.feedback:
                    fields.append(o.feedback)
        elif isinstance(q, MatchingQuestion):
            fields += [item.text for item in q.items]
        elif isinstance(q, OrderingQuestion):
            fields += q.steps
        fields += [q.explanation, q.source]
    rendered = iter(text.many(fields))
    take = rendered.__next__

    items = []
    for n, q in enumerate(questions, 1):
        legend, more = split_first(take())
        extra: dict = {}
        options: list[dict] = []
        if isinstance(q, MatchingQuestion):
            extra["match"] = [(_unwrap(str(take())), q.categories.index(item.category)) for item in q.items]
            extra["categories"] = q.categories
            correct = " ".join(str(c) for _, c in extra["match"])
        elif isinstance(q, OrderingQuestion):
            steps = [_unwrap(str(take())) for _ in q.steps]
            extra["steps"] = [(i, steps[i]) for i in shown_order(q)]
            correct = " ".join(str(i) for i in range(len(steps)))
        elif isinstance(q, (SingleQuestion, MultipleQuestion)):
            options = []
            for o in q.options:
                html = _unwrap(str(take()))
                options.append({"html": html, "correct": o.correct, "feedback": take() if o.feedback else None})
        else:
            options = [
                {"html": words["answer_true"], "correct": q.answer, "feedback": None},
                {"html": words["answer_false"], "correct": not q.answer, "feedback": None},
            ]
        if not extra:
            correct = " ".join(str(i) for i, o in enumerate(options) if o["correct"])
        explanation, source = take(), _unwrap(str(take()))
        items.append(
            {
                "n": n,
                "q": q,
                "id": f"{uid}-{q.id}",
                "legend": legend,
                "more": more,
                "options": options,
                "multiple": isinstance(q, MultipleQuestion),
                "correct": correct,
                "explanation": explanation,
                "source": source,
                "learn_more": learn_more(q.learn_more) if learn_more and q.learn_more else None,
                **extra,
            }
        )
    ui = {k: words[k] for k in QUIZ_WORDS}
    return quiz_html(
        bank=bank,
        uid=uid,
        items=items,
        words=words,
        subset=bool(question_ids),
        group=group,
        # An attribute, not a <script>: Material's instant navigation re-runs scripts in the content.
        ui_json=json.dumps(ui, ensure_ascii=False),
    )
