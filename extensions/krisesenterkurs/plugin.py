"""Thin, optional MkDocs glue around the course's Markdown extensions.

Everything a page needs is rendered by the Markdown extensions, which read the
course's settings themselves (core.settings), so the course builds the same
under Zensical, which runs no plugins. Under MkDocs this plugin adds what makes
the build nicer, never what it needs:

- it hands the extensions MkDocs' own reading of mkdocs.yml and opens a build
  scope, so every file is read once per build (core.cache);
- it checks the whole course before any page is built, so a mistake stops the
  build with one line per problem instead of failing page by page;
- it tells the extensions which page they render (for error messages);
- it lets the search plugin skip the quizzes (most of the build time otherwise);
- it runs the post-build step (publishing.postbuild) and watches the course's
  folders during `mkdocs serve`.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config import base
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from .core import cache, settings
from .core import page as page_context
from .core.errors import CourseError
from .quiz import markup

EXTENSION = "krisesenterkurs.quiz"


class CoursePluginConfig(base.Config):
    pass


class CoursePlugin(BasePlugin[CoursePluginConfig]):
    _hidden: list[str] = []  # the quizzes of the page being indexed, while they step aside

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        cache.new_build()
        try:
            self._settings = settings.Settings.from_config(config, Path(config.config_file_path))
            settings.use(self._settings)
            from .authoring.check import build_problems

            problems = build_problems(self._settings, set(config.markdown_extensions))
        except CourseError as e:
            raise PluginError(str(e)) from None
        if problems:
            raise PluginError(str(CourseError(problems)))
        return config

    def on_serve(self, server, config: MkDocsConfig, builder):
        s = self._settings
        for path in (s.modules, s.quizzes, s.scenarios, s.glossary):
            if path.exists():
                server.watch(str(path))
        return server

    def on_page_markdown(self, markdown: str, page, config: MkDocsConfig, files) -> str:
        page_context.set_mkdocs_page(page.file.abs_src_path)
        return markdown

    # The quiz is kept out of the search index (data-search-exclude), yet the search plugin would
    # still parse all its markup to find that out: most of the extension's build time. So the
    # quizzes step aside while the search plugin reads the page, and come back right after.
    @event_priority(100)
    def _hide_quizzes(self, context, page, config, nav):
        hidden: list[str] = []

        def step_aside(match: re.Match) -> str:
            hidden.append(match.group(0))
            return "<!--kk-quiz-->"

        if page.content:
            page.content = markup.SECTION.sub(step_aside, page.content)
        self._hidden = hidden
        return context

    @event_priority(-100)
    def _restore_quizzes(self, context, page, config, nav):
        if self._hidden:
            hidden = iter(self._hidden)
            page.content = re.sub("<!--kk-quiz-->", lambda _: next(hidden), page.content)
            self._hidden = []
        return context

    on_page_context = CombinedEvent(_hide_quizzes, _restore_quizzes)

    def on_post_build(self, config: MkDocsConfig) -> None:
        from .publishing.postbuild import postbuild

        postbuild(config.site_dir)

    def on_shutdown(self) -> None:
        settings.use(None)
        page_context.set_mkdocs_page(None)
