"""The answer key («Fasit») of a module, for facilitators: a whole HTML document to print.

Every question of the module's bank, in the bank's order, with its id, the right answer, the
explanation and the source, then the map of each scenario the module's pages place. It is made
from the same bank and scenario files the site renders, so it cannot disagree with the quiz. The
learners' pages carry none of it: `krisesenterkurs handouts` prints it to `fasit-<module>.pdf`,
linked only from the facilitator guide.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..core import blocks
from ..core.settings import Settings
from ..core.strings import table
from ..course.modules import Module
from ..course.versions import long_date
from ..scenario.map import render_map
from ..scenario.scenarios import course_scenarios
from .banks import course_banks
from .render import TextRenderer, default_text
from .schema import MatchingQuestion, MultipleQuestion, OrderingQuestion, SingleQuestion, TrueFalseQuestion

# Plain print styles: the document is opened on its own, not inside the site's theme.
STYLE = """
@page { size: A4; margin: 1.6cm 1.6cm 2cm; }
body { font-family: "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #000; }
h1 { font-size: 18pt; margin: 0 0 0.3em; }
h2 { font-size: 14pt; margin: 1.4em 0 0.4em; break-after: avoid; }
.kk-key__question { border-top: 1px solid #999; padding-top: 0.5em; margin-top: 0.8em; }
.kk-key__number { font-weight: 700; margin: 0; }
.kk-key__id { font-family: "Liberation Mono", monospace; font-size: 9pt; color: #333; margin: 0 0 0.3em; }
.kk-key__label { font-weight: 700; }
.kk-key__options { padding-left: 1.2em; }
.kk-key__options li { margin: 0.2em 0; break-inside: avoid; }
.kk-key__feedback { margin: 0.1em 0 0.3em; font-size: 9.5pt; color: #333; }
.kk-scenario-map { border-left: 2px solid #999; padding-left: 0.8em; }
.kk-scenario-map__step { break-inside: avoid; }
.kk-scenario-map__step > p { margin: 0.2em 0; }
"""


def module_scenarios(module: Module) -> list[str]:
    """The ids of the scenarios the module's pages place (learners' and facilitators'), once each."""
    found: list[str] = []
    for page in sorted(module.path.parent.glob("*.md")):  # path is the module.yml
        for placed in blocks.placements(page.read_text(encoding="utf-8").splitlines(), "scenario"):
            if placed.argument and placed.argument not in found:
                found.append(placed.argument)
    return found


def _question(q, n: int, words: dict[str, str], text: TextRenderer) -> list[str]:
    out = [
        '<section class="kk-key__question">',
        f'<p class="kk-key__number">{escape(words["key_question"].format(n=n))}</p>',
        f'<p class="kk-key__id">{escape(words["key_id"].format(id=q.id))}</p>',
        f'<div class="kk-key__prompt">{text.block(q.prompt)}</div>',
    ]
    if isinstance(q, (SingleQuestion, MultipleQuestion)):
        out.append('<ul class="kk-key__options">')
        for o in q.options:
            # Marked in words, not by colour alone.
            mark = words["key_correct"] if o.correct else words["key_wrong"]
            feedback = f'<div class="kk-key__feedback">{text.block(o.feedback)}</div>' if o.feedback else ""
            out.append(f'<li><span class="kk-key__label">{escape(mark)}</span> {text.inline(o.text)}{feedback}</li>')
        out.append("</ul>")
    elif isinstance(q, TrueFalseQuestion):
        answer = words["answer_true"] if q.answer else words["answer_false"]
        out.append(f'<p class="kk-key__label">{escape(words["key_answer"].format(answer=answer))}</p>')
    elif isinstance(q, MatchingQuestion):
        out.append('<ul class="kk-key__options">')
        for item in q.items:
            pair = words["key_category"].format(item="\0", category=item.category)
            out.append("<li>" + escape(pair).replace("\0", text.inline(item.text)) + "</li>")
        out.append("</ul>")
    elif isinstance(q, OrderingQuestion):
        out.append(f'<p class="kk-key__label">{escape(words["key_order"])}</p><ol class="kk-key__options">')
        out += [f"<li>{text.inline(step)}</li>" for step in q.steps]
        out.append("</ol>")
    out += [
        f'<div class="kk-key__explanation"><p class="kk-key__label">{escape(words["explanation"])}</p>'
        f"{text.block(q.explanation)}</div>",
        f'<p class="kk-key__source"><span class="kk-key__label">{escape(words["source"])}:</span> '
        f"{text.inline(q.source)}</p>",
        "</section>",
    ]
    return out


def answer_key_html(settings: Settings, module: Module, text: TextRenderer | None = None) -> str:
    text = text or default_text()
    lang = settings.language
    words = table(lang)
    bank = course_banks(settings)[module.meta.bank].bank
    meta = module.meta
    info = " · ".join(
        (
            words["module_version"].format(version=meta.version),
            words["module_updated"].format(date=long_date(meta.updated, lang)),
        )
    )
    title = words["key_title"].format(title=meta.title)
    out = [
        f'<!doctype html><html lang="{escape(lang)}"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f"<p>{escape(settings.title)} · {escape(info)}</p>",
        f"<p>{escape(words['key_intro'])}</p>",
        f"<h2>{escape(bank.title)}</h2>",
    ]
    for n, q in enumerate(bank.questions, 1):
        out += _question(q, n, words, text)
    scenarios = course_scenarios(settings)
    placed = [scenarios[s].scenario for s in module_scenarios(module) if s in scenarios]
    if placed:
        out.append(f"<h2>{escape(words['key_scenarios'])}</h2>")
        out += [render_map(s, lang=lang, uid=f"kk-key-{s.id}", text=text) for s in placed]
    out.append("</body></html>")
    return str(Markup("\n".join(out)))
