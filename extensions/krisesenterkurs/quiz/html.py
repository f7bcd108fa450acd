"""The quiz's HTML, written out directly.

This was a Jinja template; as plain Python it needs no compiling at the start of
every build and renders several times faster, which matters for a course of
hundreds of banks (see BENCHMARKS.md). Every value that is not already safe
HTML (bank text comes rendered and sanitised, as markupsafe.Markup) is escaped
with markupsafe.escape.
"""

from __future__ import annotations

from markupsafe import escape

_FIXED = ' data-fixed-mode="true"'
_SUBSET = ' data-subset="true"'


def _hidden(flag: bool) -> str:
    return " hidden" if flag else ""


def _choices(qid, item: dict, words: dict) -> list[str]:
    out = [
        f'<p class="kk-question__hint">{escape(words["choose_many"] if item["multiple"] else words["choose_one"])}</p>\n',
        '<div class="kk-question__options">\n',
    ]
    kind = "checkbox" if item["multiple"] else "radio"
    for i, option in enumerate(item["options"]):
        out += [
            f'<div class="kk-option" data-index="{i}">\n',
            f'<input type="{kind}" name="{qid}" id="{qid}-{i}" value="{i}">\n',
            f'<label for="{qid}-{i}">{escape(option["html"])}</label>\n',
            '<span class="kk-option__mark" hidden></span>\n',
        ]
        if option["feedback"]:
            out.append(f'<div class="kk-option__feedback" hidden>{option["feedback"]}</div>\n')
        out.append("</div>\n")
    out.append("</div>\n")
    return out


def _matching(qid, item: dict, words: dict) -> list[str]:
    # A native select per item, labelled by the item: no drag and drop needed, or offered.
    out = [
        f'<p class="kk-question__hint">{escape(words["choose_category"])}</p>\n',
        # On paper a select shows only «Velg …»: the categories are printed once, as text (course.css).
        f'<div class="kk-match__categories"><p>{escape(words["match_categories_print"])}</p><ul>'
        + "".join(f"<li>{escape(text)}</li>" for text in item["categories"])
        + "</ul></div>\n",
        '<div class="kk-question__options kk-match">\n',
    ]
    choices = "".join(f'<option value="{c}">{escape(text)}</option>' for c, text in enumerate(item["categories"]))
    for i, (html, _) in enumerate(item["match"]):
        out += [
            f'<div class="kk-match__item" data-index="{i}">\n',
            f'<label for="{qid}-{i}">{html}</label>\n',
            f'<select id="{qid}-{i}" name="{qid}-{i}"><option value="">{escape(words["choose_placeholder"])}</option>'
            f"{choices}</select>\n",
            '<span class="kk-option__mark" hidden></span>\n',
            "</div>\n",
        ]
    out.append("</div>\n")
    return out


def _ordering(qid, item: dict, words: dict) -> list[str]:
    # Buttons move a step; quiz.js shows them and announces the new place (kk-order__live).
    out = [
        f'<p class="kk-question__hint">{escape(words["order_hint"])}</p>\n',
        '<ol class="kk-question__options kk-order">\n',
    ]
    for i, html in item["steps"]:
        text_id = f"{qid}-s{i}"
        out += [
            f'<li class="kk-order__step" data-index="{i}">\n',
            f'<span class="kk-order__text" id="{text_id}">{html}</span>\n',
            '<span class="kk-order__moves" hidden>'
            f'<button type="button" class="md-button kk-order__up" aria-describedby="{text_id}">'
            f"{escape(words['move_up'])}</button> "
            f'<button type="button" class="md-button kk-order__down" aria-describedby="{text_id}">'
            f"{escape(words['move_down'])}</button></span>\n",
            '<span class="kk-option__mark" hidden></span>\n',
            "</li>\n",
        ]
    out += ["</ol>\n", '<p class="kk-order__live kk-visually-hidden" aria-live="polite"></p>\n']
    return out


def _learn_more(item: dict, words: dict) -> list[str]:
    if not item.get("learn_more"):
        return []
    href, title = item["learn_more"]
    text = escape(words["learn_more"].format(title=title))
    return [f'<p class="kk-question__learn-more"><a href="{escape(href)}">{text}</a></p>\n']


def quiz_html(*, bank, uid: str, items: list[dict], words: dict, subset: bool, group: bool, ui_json: str) -> str:
    total = len(items)
    # The group-mode switch is for facilitators: a learner studying alone meets the questions
    # first, and finds the switch after them. A quiz fixed in group mode (a workshop's group page)
    # has no switch, and says what group mode is above its questions.
    modes = [
        '<div class="kk-quiz__modes">\n',
        f'<button type="button" class="md-button kk-quiz__group-toggle" aria-pressed="{"true" if group else "false"}" '
        f'aria-describedby="{escape(uid)}-group-help"{_hidden(group)}>{escape(words["group_mode"])}</button>\n',
        f'<p class="kk-quiz__group-help" id="{escape(uid)}-group-help">{escape(words["group_mode_help"])}</p>\n',
        "</div>\n",
    ]
    out = [
        f'<section class="kk-quiz" id="{escape(uid)}" data-search-exclude '
        f'aria-label="{escape(words["quiz_label"].format(title=bank.title))}"\n'
        f'  data-bank="{escape(bank.id)}" data-bank-hash="{escape(bank.content_hash())}" '
        f'data-pass-mark="{escape(bank.pass_mark)}"\n'
        f'  data-strings="{escape(ui_json)}"\n'
        f'  data-mode="{"group" if group else "individual"}"'
        f"{_FIXED if group else ''}{_SUBSET if subset else ''}>\n",
        f'<noscript><p class="kk-quiz__noscript">{escape(words["noscript"])}</p></noscript>\n',
        *(modes if group else []),
        f'<p class="kk-quiz__passmark">{escape(words["pass_mark"].format(pass_mark=bank.pass_mark))}</p>\n',
        '<p class="kk-quiz__notice" hidden></p>\n',
        '<ol class="kk-quiz__questions">\n',
    ]
    for item in items:
        qid = escape(item["id"])
        q = item["q"]
        described = f' aria-describedby="{qid}-more"' if item["more"] else ""
        out += [
            '<li class="kk-quiz__item">\n',
            f'<fieldset class="kk-question" id="{qid}" data-qid="{escape(q.id)}" data-qhash="{escape(q.content_hash())}"\n'
            f'  data-type="{escape(q.type)}" data-correct="{escape(item["correct"])}"{described}>\n',
            f'<legend class="kk-question__prompt"><span class="kk-question__number">'
            f"{escape(words['question_of'].format(n=item['n'], total=total))}</span> {item['legend']}</legend>\n",
        ]
        if item["more"]:
            out.append(f'<div class="kk-question__more" id="{qid}-more">{item["more"]}</div>\n')
        if "match" in item:
            out += _matching(qid, item, words)
        elif "steps" in item:
            out += _ordering(qid, item, words)
        else:
            out += _choices(qid, item, words)
        out += [
            f'<button type="button" class="md-button kk-question__check"{_hidden(group)}>{escape(words["check"])}</button>\n',
            f'<button type="button" class="md-button kk-question__reveal"{_hidden(not group)}>'
            f"{escape(words['show_answer'])}</button>\n",
            '<p class="kk-question__status" role="status"></p>\n',
            '<div class="kk-question__result" tabindex="-1" hidden>\n',
            '<p class="kk-question__verdict"></p>\n',
            '<div class="kk-question__feedback"></div>\n',
            f'<div class="kk-question__explanation"><p class="kk-question__label">{escape(words["explanation"])}</p>'
            f"{item['explanation']}</div>\n",
            f'<p class="kk-question__source"><span class="kk-question__label">{escape(words["source"])}:</span> '
            f"{item['source']}</p>\n",
            *_learn_more(item, words),
            "</div>\n",
            "</fieldset>\n",
            "</li>\n",
        ]
    out += [
        "</ol>\n",
        '<div class="kk-quiz__footer">\n',
        '<p class="kk-quiz__progress"></p>\n',
        # The summary takes the focus when the last answer finishes the quiz (quiz.js).
        '<div class="kk-quiz__summary" tabindex="-1" aria-live="polite" aria-atomic="true"></div>\n',
        '<div class="kk-quiz__review" hidden></div>\n',
        f'<button type="button" class="md-button kk-quiz__retry" hidden>{escape(words["retry"])}</button>\n',
        *([] if group else modes),
        "</div>\n",
        "</section>",
    ]
    return "".join(out)
