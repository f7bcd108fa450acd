"""Thin MkDocs glue around the quiz extension.

Everything a page needs is rendered by the Markdown extension; this plugin
only adds what a single page cannot know: it validates every bank before
the build, tells the extensions which page they are rendering (for error
messages), the theme's language and the site's name and author, and fails the build when a bank is not
used by any page. Zensical ignores plugins; there the extension still renders
and validates every bank a page uses.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from mkdocs.config import base
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from . import quiz
from .errors import CourseError
from .loader import cached_banks, display_path, new_build

EXTENSION = "krisesenterkurs.quiz"
PROGRESS = "krisesenterkurs.progress"
HANDOUT = "krisesenterkurs.handout"
VERSIONS = "krisesenterkurs.versions"
# The quiz as quiz_html.py writes it (it holds no other <section>).
QUIZ_HTML = re.compile(r'<section class="kk-quiz".*?</section>', re.S)


class CoursePluginConfig(base.Config):
    pass


class CoursePlugin(BasePlugin[CoursePluginConfig]):
    _hidden: list[str] = []  # the quizzes of the page being indexed, while they step aside

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if EXTENSION not in config.markdown_extensions:
            raise PluginError(f"{config.config_file_path}: the plugin 'krisesenterkurs' needs the Markdown extension "
                              f"'{EXTENSION}'. Fix: add it under 'markdown_extensions'.")
        options = config.mdx_configs.setdefault(EXTENSION, {})
        options.setdefault("lang", config.theme.get("language", "nb"))
        self._options = options
        self._banks_dir = Path(options.get("banks", "quizzes"))
        new_build()
        try:
            cached_banks(self._banks_dir)
            for name in (PROGRESS, HANDOUT, VERSIONS):
                if name in config.markdown_extensions:
                    config.mdx_configs.setdefault(name, {}).setdefault("lang", options["lang"])
            if PROGRESS in config.markdown_extensions:
                progress = config.mdx_configs[PROGRESS]
                progress.setdefault("course_title", config.site_name)
                progress.setdefault("publisher", config.site_author or "")
                progress.setdefault("directory_urls", config.use_directory_urls)
                from .course import cached_modules  # only courses with modules need it

                cached_modules(Path(progress.get("modules", "modules")), self._banks_dir)
        except CourseError as e:
            raise PluginError(str(e)) from None
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        quiz.used_banks.clear()

    def on_page_markdown(self, markdown: str, page, config: MkDocsConfig, files) -> str:
        # Name the page as the editor knows it (modules/... rather than the symlinked path).
        where = display_path(Path(os.path.realpath(page.file.abs_src_path)))
        for name in (EXTENSION, HANDOUT, VERSIONS):
            if name in config.mdx_configs:
                config.mdx_configs[name]["page"] = where
        return markdown

    # The quiz is kept out of the search index (data-search-exclude), yet the search plugin would
    # still parse all its markup to find that out: most of the extension's build time. So the
    # quizzes step aside while the search plugin reads the page, and come back right after.
    @event_priority(100)
    def _hide_quizzes(self, context, page, config, nav):
        hidden: list[str] = []
        if page.content:
            page.content = QUIZ_HTML.sub(lambda m: hidden.append(m.group(0)) or "<!--kk-quiz-->", page.content)
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
        # The theme's scripts and styles are written to be read, with comments that say why; learners
        # get them minified, about a third less to download (see BENCHMARKS.md).
        import rcssmin
        import rjsmin

        for path in (Path(config.site_dir) / "assets" / "krisesenterkurs").glob("*.*"):
            minify = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}.get(path.suffix)
            if minify:
                path.write_text(minify(path.read_text(encoding="utf-8")), encoding="utf-8")

    def on_env(self, env, config: MkDocsConfig, files):
        # Every page has been rendered by now, and nothing has been written.
        unused = []
        for bank_id, loaded in sorted(cached_banks(self._banks_dir).items()):
            if bank_id not in quiz.used_banks:
                unused.append(f"{display_path(loaded.path)}:1: bank '{bank_id}' is not used by any page. "
                              f"Fix: place it on a page with '/// quiz | {bank_id}', or delete the file.")
        if unused:
            raise PluginError("\n".join(unused))
        return env
