"""How long a module's pages take, worked out at build time from what they hold.

One rule, used for «Side 3 av 7 · ca. 6 min» on every learning page, for «Sidene i modulen»
on a module's first page and for the course's stated times (`/// course-time`), so none of
them can drift from the pages:

- running text is read at READING_SPEED words a minute (a calm pace for learning text in
  Norwegian, slower than the 230–260 of skimming: learners stop at the figures and the boxes);
- a quiz counts MINUTES_PER_QUESTION for each question it places (reading the question and its
  options, answering, reading the explanation), not the words of its bank;
- a scenario (samtaletrening) counts the words of its introduction and of its longest way to an
  ending (each step, the choice made and its feedback), read once at the same speed: a learner
  walks one way through it; trying other ways is extra.

Words are counted in the Markdown source, without link targets, HTML tags, block lines and
code, so every page is counted alike with either engine, and a module's total needs no page to
be rendered. A page takes at least one minute.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from ..core import blocks
from ..core.cache import cached
from ..core.settings import Settings
from ..quiz.banks import course_banks
from .modules import Module, course_modules, learning_pages

READING_SPEED = 200  # words a minute
MINUTES_PER_QUESTION = 1.0

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_BLOCK_LINE = re.compile(r"^ {0,3}/{3,}")
_OPTION = re.compile(r"^\s+[a-z_]+:\s")  # a block's option line (`    questions: [a, b]`)
_QUESTIONS = re.compile(r"^\s+questions:\s*\[(?P<ids>[^\]]*)\]")
_LINK_TARGET = re.compile(r"\]\([^)]*\)|\]\[[^\]]*\]")
_TAG = re.compile(r"<[^>]+>")
_ATTRS = re.compile(r"\{[:#.][^}]*\}")
_ABBR_DEF = re.compile(r"^\*\[[^\]]*\]:.*$")
_WORD = re.compile(r"\w", re.UNICODE)


def count_words(markdown: str) -> int:
    """The words a reader reads in a page's Markdown: not code, block lines, link targets or tags."""
    words = 0
    fence: str | None = None
    in_block_options = False
    for line in markdown.splitlines():
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)[0] * 3
            continue
        if fence is not None:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
            continue
        if _BLOCK_LINE.match(line):
            in_block_options = True  # the lines right after a block's first line may be its options
            continue
        if in_block_options and _OPTION.match(line):
            continue
        in_block_options = False
        if _ABBR_DEF.match(line):
            continue
        text = _ATTRS.sub(" ", _TAG.sub(" ", _LINK_TARGET.sub("] ", line)))
        words += sum(1 for token in text.split() if _WORD.search(token))
    return words


def _scenario_words(scenario) -> int:
    """The words of the introduction and of the longest way from the start to an ending."""
    nodes = {n.id: n for n in scenario.nodes}
    best: dict[str, int] = {}

    def longest(node_id: str, on_way: frozenset[str]) -> int:
        node = nodes.get(node_id)
        if node is None or node_id in on_way:  # a way back counts once (graph checks report the rest)
            return 0
        if node_id in best:
            return best[node_id]
        own = count_words(node.text)
        ways = [
            count_words(c.text) + count_words(c.feedback) + longest(c.next, on_way | {node_id})
            for c in node.choices or ()
        ]
        best[node_id] = own + max(ways, default=0)
        return best[node_id]

    return count_words(scenario.intro) + longest(scenario.start, frozenset())


@dataclass(frozen=True)
class PageTime:
    words: int  # running text, plus a scenario's words
    questions: int  # quiz questions placed

    @property
    def minutes(self) -> int:
        return max(1, math.ceil(self.words / READING_SPEED + self.questions * MINUTES_PER_QUESTION))


def page_time(settings: Settings, text: str) -> PageTime:
    """What one page's Markdown asks of the learner."""
    from ..scenario.scenarios import course_scenarios

    words = count_words(text)
    lines = text.splitlines()
    questions = 0
    banks = course_banks(settings)
    for placed in blocks.placements(lines, "quiz"):
        chosen = _QUESTIONS.match(lines[placed.line]) if placed.line < len(lines) else None
        if chosen:
            questions += len([q for q in chosen.group("ids").split(",") if q.strip()])
        elif placed.argument in banks:
            questions += len(banks[placed.argument].bank.questions)
    scenarios = course_scenarios(settings)
    for placed in blocks.placements(lines, "scenario"):
        if placed.argument in scenarios:
            words += _scenario_words(scenarios[placed.argument].scenario)
    return PageTime(words, questions)


@dataclass(frozen=True)
class ModuleTimes:
    module: Module
    pages: tuple[str, ...]  # the learning pages, relative to docs_dir, in the learner's order
    minutes: tuple[int, ...]  # each page's

    @property
    def total(self) -> int:
        return sum(self.minutes)


def _module_times(settings: Settings, module: Module) -> ModuleTimes:
    pages = tuple(learning_pages(settings, module))
    minutes = tuple(page_time(settings, (settings.docs / p).read_text(encoding="utf-8")).minutes for p in pages)
    return ModuleTimes(module, pages, minutes)


def course_times(settings: Settings) -> list[ModuleTimes]:
    """Every published module's pages and minutes, worked out once per build."""

    def load(_folder: Path) -> list[ModuleTimes]:
        return [_module_times(settings, m) for m in course_modules(settings) if not m.meta.draft]

    return cached(load, settings.modules, ("*/*.md", "*/module.yml"), extra=("times", settings.nav))


def page_place(settings: Settings, docs_path: str) -> tuple[ModuleTimes, int] | None:
    """The module a learning page belongs to and its place there (0-based), or None."""
    for times in course_times(settings):
        if docs_path in times.pages:
            return times, times.pages.index(docs_path)
    return None


def rounded(minutes: int, step: int = 5) -> int:
    """Minutes to the nearest `step` (at least `step`): «ca. 45 minutter», not «ca. 47»."""
    return max(step, math.floor(minutes / step + 0.5) * step)


def module_range(settings: Settings) -> tuple[int, int]:
    """The shortest and longest module, in minutes rounded to five."""
    totals = [rounded(t.total) for t in course_times(settings)] or [0]
    return min(totals), max(totals)


def course_hours(settings: Settings) -> float:
    """The whole course, in hours rounded to the half hour."""
    total = sum(t.total for t in course_times(settings))
    return max(0.5, math.floor(total / 30 + 0.5) / 2)
