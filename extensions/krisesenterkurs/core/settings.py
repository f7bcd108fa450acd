"""The course's settings: one model, read the same way by everything.

The settings live in mkdocs.yml, the file both engines read. The engine's own
keys say what they already say (`site_name` is the course title, `site_author`
the publisher, `theme.language` the language, `use_directory_urls` the URL
style, `docs_dir` the course pages); what only this course needs is under
`extra.course` (the folders of modules, banks and scenarios, where the modules
appear in the site, the default pass mark, the progress, certificate and help pages).

Every Markdown extension, the MkDocs plugin, the author commands, the PDF
printer, packaging and the tests get a `Settings` from here:

- `Settings.load(config_file)` reads mkdocs.yml itself (with MkDocs' `!ENV`);
- `Settings.from_config(config, config_file)` takes a configuration an engine
  has already read (MkDocs' config object, Zensical's dict);
- `current()` is what an extension uses while a page is rendered: the
  configuration of the build under way (the plugin's under MkDocs, the engine's
  own under Zensical, where no plugin runs), else `./mkdocs.yml`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from msgspec import Meta

from .errors import CourseError, Problem
from .model import Model
from .say import say, set_language
from .strings import normalise
from .validation import Invalid, validate
from .yamlfile import display_path

CONFIG_FILE = "mkdocs.yml"

Folder = Annotated[str, Meta(min_length=1, max_length=200, description="A folder, relative to mkdocs.yml.")]
PagePath = Annotated[str, Meta(pattern=r"^[^/].*\.md$", description="A page, relative to docs_dir, e.g. fremdrift.md.")]


class CourseOptions(Model):
    """`extra.course` in mkdocs.yml: what this course adds to the engine's own settings."""

    # Inside docs_dir, so that both engines publish the modules' pages (Zensical follows no linked folders).
    modules: Folder = "course/moduler"
    quizzes: Folder = "quizzes"
    scenarios: Folder = "scenarios"
    glossary: Annotated[str, Meta(min_length=1, description="The glossary file, relative to mkdocs.yml.")] = (
        "glossary.yml"
    )
    pass_mark: Annotated[int, Meta(ge=0, le=100, description="Percent right to pass, for banks that set none.")] = 80
    progress_page: PagePath = "fremdrift.md"
    certificate_page: PagePath = "kursbevis.md"
    # Linked from every handout's footer, beside the help lines.
    help_page: PagePath = "hjelp.md"
    # «Se hva som er endret» on «Min fremdrift» leads here when a module changed after the learner passed it.
    changes_page: PagePath = "hva-er-nytt.md"
    # The language of build errors, `check` and the command line (KRISESENTERKURS_LANG overrides it).
    editor_language: Literal["nb", "en"] = "nb"


@dataclass(frozen=True)
class Settings:
    config_file: Path
    title: str
    publisher: str
    language: str
    directory_urls: bool
    site_url: str
    docs: Path
    course: CourseOptions
    # The pages `nav` lists, in its order, relative to docs_dir (empty when the engine makes the nav).
    nav: tuple[str, ...] = ()
    # The pages' Markdown extensions, (name, options) in the order given: `check` renders pages with them.
    markdown_extensions: tuple[tuple[str, dict], ...] = field(default=(), compare=False)

    @property
    def root(self) -> Path:
        return self.config_file.parent

    @property
    def modules(self) -> Path:
        return self.root / self.course.modules

    @property
    def quizzes(self) -> Path:
        return self.root / self.course.quizzes

    @property
    def scenarios(self) -> Path:
        return self.root / self.course.scenarios

    @property
    def glossary(self) -> Path:
        return self.root / self.course.glossary

    @property
    def modules_in_site(self) -> str:
        """The modules folder inside docs_dir, e.g. 'moduler' (check says so when it is outside)."""
        try:
            return self.modules.resolve().relative_to(self.docs.resolve()).as_posix()
        except ValueError:
            return self.course.modules

    @property
    def modules_url(self) -> str:
        """Where module folders appear in the site, from its root: 'moduler/'."""
        return self.modules_in_site + "/"

    @property
    def pass_mark(self) -> int:
        return self.course.pass_mark

    def pages(self) -> list[tuple[Path, str]]:
        """Every Markdown page: its file and its path in the docs folder."""
        return [(p, p.relative_to(self.docs).as_posix()) for p in sorted(self.docs.rglob("*.md"))]

    def url(self, md_path: str) -> str:
        """The address the engines give a page, from the site root (see `page_url`)."""
        return page_url(md_path, self.directory_urls)

    @classmethod
    def from_config(cls, config: Mapping[str, Any], config_file: Path) -> Settings:
        """Settings from a configuration an engine has read (MkDocs' config object or Zensical's dict)."""
        config_file = Path(config_file).resolve()
        extra = config.get("extra") or {}
        options = extra.get("course") if hasattr(extra, "get") else None
        try:
            course: CourseOptions = validate(dict(options or {}), CourseOptions)
        except Invalid as e:
            raise CourseError(_problems(config_file, e)) from None
        set_language(course.editor_language)
        theme = config.get("theme") or {}
        language = theme["language"] if _has(theme, "language") else None
        docs = Path(config.get("docs_dir") or "docs")
        return cls(
            config_file=config_file,
            title=str(config.get("site_name") or ""),
            publisher=str(config.get("site_author") or ""),
            language=normalise(language),
            directory_urls=bool(config.get("use_directory_urls", True)),
            site_url=str(config.get("site_url") or ""),
            docs=docs if docs.is_absolute() else config_file.parent / docs,
            course=course,
            nav=tuple(nav_pages(config.get("nav"))),
            markdown_extensions=_markdown_extensions(config),
        )

    @classmethod
    def load(cls, config_file: Path | str = CONFIG_FILE) -> Settings:
        """Read mkdocs.yml as MkDocs would (`!ENV` included) and take the settings from it."""
        config_file = Path(config_file).resolve()
        where = display_path(config_file)
        try:
            text = config_file.read_text(encoding="utf-8")
        except OSError as e:
            raise CourseError(
                Problem(
                    where,
                    None,
                    say("config_unreadable", reason=e.strerror),
                )
            ) from None
        try:
            config = yaml.load(text, Loader=_ConfigLoader) or {}
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            raise CourseError(
                Problem(
                    where,
                    mark.line + 1 if mark else None,
                    say("config_syntax", what=getattr(e, "problem", None) or e),
                )
            ) from None
        if not isinstance(config, dict):
            raise CourseError(
                Problem(
                    where,
                    1,
                    say("config_not_settings"),
                )
            )
        return cls.from_config(config, config_file)


def page_url(md_path: str, directory_urls: bool = True) -> str:
    """The address MkDocs and Zensical give a page: with directory URLs 'quiz.md' -> 'quiz/' and
    'index.md' -> ''; without them (a package opened from a folder) 'quiz.md' -> 'quiz.html'."""
    stem = md_path[:-3]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def nav_pages(nav: Any) -> list[str]:
    """The Markdown pages of a `nav`, in order, each once: as mkdocs.yml writes it (page, {title: page},
    {title: [...]}) or as Zensical holds it ({"url": page, "children": [...]})."""
    out: list[str] = []

    def walk(item: Any) -> None:
        if isinstance(item, str):
            page = item.strip().removeprefix("./")
            if page.endswith(".md") and page not in out:
                out.append(page)
        elif isinstance(item, Mapping):
            if "children" in item and "url" in item:  # Zensical's form
                walk(item.get("url") or "")
                walk(item.get("children") or [])
            else:
                for value in item.values():
                    walk(value)
        elif isinstance(item, list | tuple):
            for child in item:
                walk(child)

    walk(nav)
    return out


# MkDocs adds these to every page's extensions, before the configured ones.
_ENGINE_EXTENSIONS = ("toc", "tables", "fenced_code")


def _markdown_extensions(config: Mapping[str, Any]) -> tuple[tuple[str, dict], ...]:
    """`markdown_extensions` as written in mkdocs.yml (names, or {name: options}), or as MkDocs has
    read it (names, with the options in `mdx_configs`)."""
    options = config.get("mdx_configs") or {}
    found: dict[str, dict] = {name: {} for name in _ENGINE_EXTENSIONS}
    listed = config.get("markdown_extensions") or ()
    for item in [listed] if isinstance(listed, Mapping) else listed:  # Zensical may give one {name: options}
        entries = item.items() if isinstance(item, Mapping) else [(item, options.get(item))]
        for name, value in entries:
            if isinstance(name, str):
                found[name] = {**found.get(name, {}), **(value if isinstance(value, Mapping) else {})}
    return tuple(found.items())


def _has(mapping: Any, key: str) -> bool:
    try:
        return mapping[key] is not None
    except (KeyError, TypeError):
        return False


def _problems(config_file: Path, error: Invalid) -> list[Problem]:
    """The settings' mistakes, at their lines in mkdocs.yml when the file can be read for them."""
    from .messages import _message, _walk

    where = display_path(config_file)
    try:
        root = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except (OSError, yaml.YAMLError):
        root, data = None, None
    out = []
    for issue in error.issues:
        line = _walk(root, data, ("extra", "course", *issue.loc))[0] if root is not None else None
        out.append(Problem(where, line, "extra.course: " + _message(issue, _at(data, ("extra", "course")))))
    return sorted(out, key=lambda p: p.line or 0)


def _at(data: Any, keys: tuple) -> Any:
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else None
    return data


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it: `!ENV` resolved; other engine tags (`!relative`, Python names) are skipped."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    from yaml_env_tag import construct_env_tag  # MkDocs' own reader of the tag

    return construct_env_tag(loader, node)


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


# --- the settings of the build under way ------------------------------------------------------

_active: Settings | None = None
_zensical: tuple[object, Settings] | None = None  # Zensical's configuration object itself, not its id()
_default: dict[Path, Settings] = {}


def use(settings: Settings | None) -> None:
    """Make these the settings of the build under way (the MkDocs plugin does, and tests may)."""
    global _active
    _active = settings


def current(config_file: str | None = None) -> Settings:
    """The settings of the build under way.

    `config_file` (an extension's option) names mkdocs.yml explicitly; otherwise the settings
    the MkDocs plugin gave, or Zensical's configuration of this build, or ./mkdocs.yml.
    """
    global _zensical
    if config_file:
        return _loaded(Path(config_file))
    if _active is not None:
        return _active
    zensical = sys.modules.get("zensical.config")
    config = getattr(zensical, "_CONFIG", None) if zensical else None
    if config is not None:
        if _zensical is None or _zensical[0] is not config:
            _zensical = (config, Settings.from_config(config, Path(config["root_dir"]) / CONFIG_FILE))
        return _zensical[1]
    return _loaded(Path(os.getcwd()) / CONFIG_FILE)


def _loaded(path: Path) -> Settings:
    path = path.resolve()
    stamp = path.stat().st_mtime_ns if path.exists() else None
    found = _default.get(path)
    if found is None or getattr(found, "_stamp", None) != stamp:
        found = Settings.load(path)
        object.__setattr__(found, "_stamp", stamp)
        _default[path] = found
    return found


def reset() -> None:
    """Forget the settings of earlier builds (tests build several courses in one process)."""
    global _active, _zensical
    _active = None
    _zensical = None
    _default.clear()
    set_language(None)
