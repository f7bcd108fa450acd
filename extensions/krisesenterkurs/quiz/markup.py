"""The quiz's markup contract: what the Python side writes and the plugin, the theme and quiz.js rely on.

`html.py` writes these names; the plugin finds quizzes by `SECTION`; the theme's
main.html loads the quiz's assets on pages whose content holds `PAGE_MARKER`;
quiz.js reads the classes and data attributes listed here. A test checks that
every `kk-` class and `data-` attribute quiz.js uses is one of them, and that
main.html tests for `PAGE_MARKER`.
"""

from __future__ import annotations

import re

ROOT_CLASS = "kk-quiz"
PAGE_MARKER = f'class="{ROOT_CLASS}"'
# A quiz as html.py writes it (it holds no other <section>).
SECTION = re.compile(rf"<section {PAGE_MARKER}.*?</section>", re.S)

# Data attributes on the quiz (root) and on each question (fieldset).
ROOT_DATA = (
    "data-bank",
    "data-bank-hash",
    "data-pass-mark",
    "data-strings",
    "data-mode",
    "data-fixed-mode",
    "data-subset",
    "data-search-exclude",
)
QUESTION_DATA = ("data-qid", "data-qhash", "data-type", "data-correct", "data-index")
# Written by quiz.js, read by tests and styles.
STATE_DATA = ("data-ready", "data-state", "data-revealed", "data-finished", "data-passed")

CLASSES = (
    ROOT_CLASS,
    "kk-quiz__noscript",
    "kk-quiz__modes",
    "kk-quiz__group-toggle",
    "kk-quiz__group-help",
    "kk-quiz__passmark",
    "kk-quiz__notice",
    "kk-quiz__questions",
    "kk-quiz__item",
    "kk-question",
    "kk-question__prompt",
    "kk-question__number",
    "kk-question__more",
    "kk-question__hint",
    "kk-question__options",
    "kk-option",
    "kk-option__mark",
    "kk-option__feedback",
    "kk-match",
    "kk-match__item",
    "kk-order",
    "kk-order__step",
    "kk-order__text",
    "kk-order__moves",
    "kk-order__up",
    "kk-order__down",
    "kk-order__live",
    "kk-question__check",
    "kk-question__reveal",
    "kk-question__status",
    "kk-question__result",
    "kk-question__verdict",
    "kk-question__feedback",
    "kk-question__explanation",
    "kk-question__label",
    "kk-question__source",
    "kk-question__learn-more",
    "kk-quiz__footer",
    "kk-quiz__progress",
    "kk-quiz__summary",
    "kk-quiz__retry",
    "kk-quiz__review",
    "kk-quiz__review-title",
    "kk-quiz__review-more",
    "kk-quiz__score",
    "kk-quiz__verdict",
    "kk-quiz__intro",
    "kk-quiz-holder",
    "kk-quiz-intro-holder",
    "kk-icon",
    "kk--right",
    "kk--wrong",
    "kk--info",
)
