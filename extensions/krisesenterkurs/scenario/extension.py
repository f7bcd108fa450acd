"""Python-Markdown extension: `/// scenario | id` places a branching conversation exercise on a page.

    /// scenario | nav-ringer
        mode: group          # optional: for workshops, nothing is stored; `map`: the facilitator's map
    Optional Markdown shown above the exercise.
    ///

Like the quiz, this is the whole feature as far as building is concerned, so it works
wherever Python-Markdown extensions run (MkDocs, Zensical, plain Markdown).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from ..core import blocks
from ..core.errors import CourseError, Problem
from ..core.extension import course_options
from ..core.page import current_page, href_to_page
from ..core.say import say
from ..core.settings import current
from ..quiz.learnmore import link_title
from .map import render_map
from .render import render_scenario
from .scenarios import course_scenarios

NAME = "scenario"


class ScenarioBlock(Block):
    NAME = NAME
    ARGUMENT = None  # checked in _validate so a missing id is an error, not silent text
    OPTIONS = {"mode": ("", None)}

    def _fail(self, message: str) -> None:
        raise CourseError(Problem(current_page(self.md), self._line, message))

    def _validate(self, parent, arg, **options) -> bool:
        # The Blocks API silently renders an invalid block as text: stop the build instead.
        self._line = blocks.next_line(self.md, NAME)
        scenario_id = (arg or "").strip()
        if not scenario_id:
            self._fail(say("scenario_no_id"))
        unknown = sorted(set(options) - set(self.option_spec))
        if unknown:
            self._fail(say("scenario_unknown_option", id=scenario_id, option=unknown[0]))
        if options.get("mode", "individual") not in ("individual", "group", "map"):
            self._fail(say("scenario_bad_mode", id=scenario_id))
        return super()._validate(parent, arg, **options)

    def on_validate(self, parent) -> bool:
        scenario_id = self.argument.strip()
        settings = current(self.config["config_file"])
        scenarios = course_scenarios(settings)
        if scenario_id not in scenarios:
            known = ", ".join(sorted(scenarios)) or say("none")
            self._fail(say("scenario_unknown", id=scenario_id, known=known, folder=settings.course.scenarios))
        self.scenario = scenarios[scenario_id].scenario
        self.settings = settings
        return True

    def on_create(self, parent):
        return etree.SubElement(parent, "div", {"class": "kk-scenario-holder"})

    def on_end(self, block) -> None:
        count = self.tracker.setdefault("count", 0) + 1
        self.tracker["count"] = count
        if self.options["mode"] == "map":
            html = render_map(self.scenario, lang=self.settings.language, uid=f"kkmap{count}-{self.scenario.id}")
            etree.SubElement(block, "p").text = self.md.htmlStash.store(html)
            return
        html = render_scenario(
            self.scenario,
            lang=self.settings.language,
            uid=f"kks{count}-{self.scenario.id}",
            group=self.options["mode"] == "group",
            learn_more=lambda target: (href_to_page(self.md, target), link_title(self.settings, target)),
        )
        if len(block):
            intro = etree.Element("div", {"class": "kk-scenario__lead"})
            intro.extend(list(block))
            for child in list(block):
                block.remove(child)
            block.append(intro)
        placeholder = etree.SubElement(block, "p")
        placeholder.text = self.md.htmlStash.store(html)


class ScenarioExtension(BlocksExtension):
    def __init__(self, *args, **kwargs):
        self.config = course_options()
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:
        # Nothing is read here: MkDocs makes the extension while it validates its configuration.
        md.preprocessors.register(blocks.LineFinder(md, NAME), "kk_scenario_lines", 1000)
        block_mgr.register(ScenarioBlock, self.getConfigs())


def makeExtension(*args, **kwargs):
    return ScenarioExtension(*args, **kwargs)
