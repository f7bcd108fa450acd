"""A scenario's HTML: every node readable without JavaScript, the data scenario.js draws from.

Without JavaScript the learner reads the whole conversation: each node, its choices,
their feedback and in-page links to where each choice leads. scenario.js reads the
same elements (markup.py names them), hides the list and shows one step at a time.
Text is bank-style Markdown: raw HTML shown as text, the result sanitised (quiz.render).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from markupsafe import escape

from ..core.strings import table
from ..quiz.render import TextRenderer, default_text, split_first
from .schema import Scenario

# The words scenario.js shows, handed to it in the section's data-strings.
SCENARIO_WORDS = (
    "scenario_continue",
    "scenario_restart",
    "scenario_back",
    "scenario_you",
    "scenario_helpful",
    "scenario_unhelpful",
    "scenario_summary",
    "scenario_ending",
    "scenario_step",
    "scenario_no_storage",
    "scenario_group_on",
)


def render_scenario(
    scenario: Scenario,
    *,
    lang: str,
    uid: str,
    group: bool = False,
    text: TextRenderer | None = None,
    learn_more: Callable[[str], tuple[str, str]] | None = None,
) -> str:
    text = text or default_text()
    words = table(lang)
    fields = [scenario.intro]
    for node in scenario.nodes:
        fields.append(node.text)
        for choice in node.choices or []:
            fields += [choice.text, choice.feedback]
    fields += scenario.sources
    rendered = iter(text.many(fields))
    take = rendered.__next__

    def tag_html(tag_id: str) -> str:
        tag = scenario.tags[tag_id]
        kind = words["scenario_helpful"] if tag.helpful else words["scenario_unhelpful"]
        side = "helpful" if tag.helpful else "unhelpful"
        return (
            f'<span class="kk-tag kk-tag--{side}" data-tag="{escape(tag_id)}">{escape(tag.label)}'
            f'<span class="kk-tag__kind"> ({escape(kind)})</span></span>'
        )

    tags_json = json.dumps(
        {k: {"label": t.label, "helpful": t.helpful} for k, t in scenario.tags.items()}, ensure_ascii=False
    )
    ui_json = json.dumps({k: words[k] for k in SCENARIO_WORDS}, ensure_ascii=False)
    out = [
        f'<section class="kk-scenario" id="{escape(uid)}" data-search-exclude '
        f'aria-label="{escape(words["scenario_label"].format(title=scenario.title))}"\n'
        f'  data-scenario="{escape(scenario.id)}" data-hash="{escape(scenario.content_hash())}" '
        f'data-start="{escape(scenario.start)}" data-mode="{"group" if group else "individual"}"\n'
        f'  data-tags="{escape(tags_json)}"\n  data-strings="{escape(ui_json)}">\n',
        f'<p class="kk-scenario__heading"><strong>{escape(scenario.title)}</strong></p>\n',
        f'<p class="kk-scenario__role"><strong>{escape(words["scenario_role"])}:</strong> {escape(scenario.role)}</p>\n',
        f'<div class="kk-scenario__intro">{take()}</div>\n',
        f'<p class="kk-scenario__noscript">{escape(words["scenario_noscript"])}</p>\n',
        '<div class="kk-scenario__stage" hidden></div>\n',
        '<ol class="kk-scenario__nodes">\n',
    ]
    for node in scenario.nodes:
        node_id = f"{uid}-{node.id}"
        ending = f' data-ending="{node.ending}"' if node.ending else ""
        out.append(f'<li class="kk-scenario__node" id="{escape(node_id)}" data-node="{escape(node.id)}"{ending}>\n')
        if node.ending:
            kind = words[f"scenario_ending_{node.ending}"]
            out.append(
                f'<p class="kk-scenario__title"><strong>{escape(kind)}: {escape(node.title or "")}</strong></p>\n'
            )
        if node.speaker:
            out.append(f'<p class="kk-scenario__speaker">{escape(node.speaker)}</p>\n')
        out.append(f'<div class="kk-scenario__text">{take()}</div>\n')
        if node.choices:
            out.append('<ol class="kk-scenario__choices">\n')
            for choice in node.choices:
                # Inline: scenario.js makes it a button's label.
                choice_html, feedback = split_first(take())[0], take()
                tags = "".join(tag_html(t) for t in choice.tags)
                out += [
                    f'<li class="kk-scenario__choice" data-next="{escape(choice.next)}" '
                    f'data-tags="{escape(" ".join(choice.tags))}">\n',
                    f'<p class="kk-scenario__choice-text">{choice_html}</p>\n',
                    f'<div class="kk-scenario__feedback"><p class="kk-scenario__tags">{tags}</p>{feedback}</div>\n',
                    f'<p class="kk-scenario__go"><a href="#{escape(uid)}-{escape(choice.next)}">'
                    f"{escape(words['scenario_go'])}</a></p>\n",
                    "</li>\n",
                ]
            out.append("</ol>\n")
        out.append("</li>\n")
    out.append("</ol>\n")
    if learn_more and scenario.learn_more:
        links = "".join(
            f'<li><a href="{escape(href)}">{escape(title)}</a></li>'
            for href, title in (learn_more(target) for target in scenario.learn_more)
        )
        out.append(
            f'<div class="kk-scenario__learn-more"><p class="kk-scenario__label">{escape(words["scenario_pages"])}</p>'
            f"<ul>{links}</ul></div>\n"
        )
    sources = "".join(f"<li>{take()}</li>" for _ in scenario.sources)
    out += [
        f'<div class="kk-scenario__sources"><p class="kk-scenario__label">{escape(words["scenario_sources"])}</p>'
        f"<ul>{sources}</ul></div>\n",
        "</section>",
    ]
    return "".join(out)
