"""The course's command line: `krisesenterkurs <command>`.

Every command prints one line per problem (file, line, what to fix) and exits
with 0 when all is well and 1 otherwise; nothing prints a Python traceback for
a mistake in the course. Help and output are in the editors' language (core/say.py):
KRISESENTERKURS_LANG, else the course's `extra.course.editor_language`, else bokmål.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from .core.errors import CourseError
from .core.say import say

FORMATS = ("moodle-xml", "gift")  # export's formats (krisesenterkurs.export.FORMATS, not imported at start-up)


def _settings(args):
    from .core.errors import Problem
    from .core.settings import CONFIG_FILE, Settings
    from .core.yamlfile import display_path

    root = Path(args.project).resolve()
    if not (root / CONFIG_FILE).exists():
        raise CourseError(
            Problem(
                display_path(root),
                None,
                say("cli_no_config"),
            )
        )
    return Settings.load(root / CONFIG_FILE)


def _report(problems, warnings) -> None:
    for p in problems:
        print(p)
    for w in warnings:
        print(say("cli_warning", warning=w))
    print(say("cli_summary", problems=len(problems), warnings=len(warnings)), file=sys.stderr)


def _check(args) -> int:
    from .authoring.check import check

    problems, warnings = check(_settings(args), publish=args.publish)
    _report(problems, warnings)
    return 1 if problems else 0


def _publishable(settings, refused: str = "cli_refused_build") -> bool:
    """The publishing build's check (no drafts, no unversioned change), before anything is built."""
    from .authoring.check import check

    problems, warnings = check(settings, publish=True)
    if problems:
        _report(problems, warnings)
        print(say(refused), file=sys.stderr)
    return not problems


def _lock(args) -> int:
    from .authoring.lock import write_lock
    from .course.modules import load_modules
    from .quiz.banks import load_banks

    settings = _settings(args)
    if not _publishable(settings, "cli_refused_lock"):
        return 1
    banks = load_banks(settings.quizzes, settings.pass_mark)
    print(_relative(write_lock(settings, load_modules(settings.modules, banks), banks), settings))
    return 0


def _relative(path: Path, settings) -> str:
    """A path as the editor finds it from the course folder."""
    try:
        return path.resolve().relative_to(settings.root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _new_module(args) -> int:
    from .authoring.scaffold import new_module

    settings = _settings(args)
    for path in new_module(settings, args.title, folder=args.folder, editor=args.editor):
        print(_relative(path, settings))
    print(say("cli_new_module_done"), file=sys.stderr)
    return 0


def _schema(args) -> int:
    from .authoring.check import write_schema

    for path in write_schema(_settings(args)):
        print(path)
    return 0


def _package(args) -> int:
    from .publishing.package import package

    settings = _settings(args)
    if not _publishable(settings):
        return 1
    target = Path(args.out or f"dist/krisesenterkurs-{datetime.date.today().isoformat()}.zip")
    print(package(settings, target.resolve(), pdfs=not args.no_pdf, engine=args.engine))
    return 0


def _scorm(args) -> int:
    from .publishing.scorm import scorm

    settings = _settings(args)
    if not _publishable(settings):
        return 1
    target = Path(args.out or f"dist/krisesenterkurs-scorm12-{datetime.date.today().isoformat()}.zip")
    print(scorm(settings, target.resolve(), pdfs=not args.no_pdf, engine=args.engine))
    return 0


def _export(args) -> int:
    from .core.errors import Problem
    from .core.yamlfile import display_path
    from .export import export

    target = Path(args.out or f"dist/question-bank-{args.format}-{datetime.date.today().isoformat()}")
    written = export(_settings(args), target.resolve(), args.format)
    for item in written:
        print(item.path)
        for qid in item.left_out:
            message = say("cli_gift_left_out", file=item.path.name)
            print(say("cli_note", note=Problem(display_path(item.source), None, message, qid)), file=sys.stderr)
    name = "Moodle XML format" if args.format == "moodle-xml" else "GIFT format"
    print(
        say("cli_export_done", files=len(written), questions=sum(item.questions for item in written), format=name),
        file=sys.stderr,
    )
    return 0


def _handouts(args) -> int:
    from .publishing.pdf import make_pdfs

    for path in make_pdfs(Path(args.site), args.chromium, _settings(args)):
        print(path)
    return 0


def _build(args) -> int:
    from .publishing.engines import run

    result = run(
        _settings(args), Path(args.site_dir), engine=args.engine, strict=not args.no_strict, clean=not args.keep_cache
    )
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    return 0 if result.returncode == 0 else 1


def _serve(args) -> int:
    import os

    settings = _settings(args)
    if args.engine == "mkdocs":
        command = [sys.executable, "-m", "mkdocs", "serve", "--config-file", str(settings.config_file)]
    else:
        from .authoring.check import build_problems
        from .core.symlinks import outside_links
        from .publishing.engines import zensical_config

        # Zensical runs no plugins: the course's own check says first what an editor must fix.
        for problem in build_problems(settings):
            print(problem, file=sys.stderr)
        if outside_links(settings):
            return 1  # a preview would serve the files the links lead to
        config = zensical_config(settings, name=".zensical-serve.yml")
        command = [sys.executable, "-m", "zensical", "serve", "--config-file", str(config)]
    os.chdir(settings.root)
    os.execv(sys.executable, [*command, "--dev-addr", args.dev_addr])
    return 0  # pragma: no cover - execv does not return


def _postbuild(args) -> int:
    from .publishing.postbuild import postbuild

    postbuild(Path(args.site))
    return 0


def _engine_argument(command) -> None:
    command.add_argument(
        "--engine",
        choices=("mkdocs", "zensical"),
        default="mkdocs",
        help=say("cli_engine"),
    )


def _zip_arguments(command, default: str) -> None:
    _engine_argument(command)
    command.add_argument("--out", help=say("cli_out", default=default))
    command.add_argument("--no-pdf", action="store_true", help=say("cli_no_pdf"))


# argparse's own words (gettext has no bokmål catalogue for them), by their English text.
_ARGPARSE_WORDS = {
    "usage: ": "argparse_usage",
    "positional arguments": "argparse_positional",
    "options": "argparse_options",
    "show this help message and exit": "argparse_help",
    "%(prog)s: error: %(message)s\n": "argparse_error",
    "the following arguments are required: %s": "argparse_required",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse_choice",
    "unrecognized arguments: %s": "argparse_unrecognized",
    "expected one argument": "argparse_expected_one",
    "argument %(argument_name)s: %(message)s": "argparse_argument",
}


def _choose_language(argv: list[str] | None) -> None:
    """Read the course's editor_language before the help is written (the variable, if set, wins anyway)."""
    from .core.settings import CONFIG_FILE, Settings

    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--project", default=".")
    project = early.parse_known_args(argv)[0].project
    try:
        Settings.load(Path(project) / CONFIG_FILE)
    except (CourseError, OSError):
        pass  # the command itself reports it, in the default language
    argparse._ = lambda text: say(_ARGPARSE_WORDS[text]) if text in _ARGPARSE_WORDS else text  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    _choose_language(argv)
    parser = argparse.ArgumentParser(
        prog="krisesenterkurs",
        description=say("cli_main_description"),
    )
    parser.add_argument("--project", default=".", help=say("cli_main_project"))
    commands = parser.add_subparsers(dest="command", required=True, metavar=say("cli_command"))

    c = commands.add_parser(
        "check",
        help=say("cli_check_help"),
        description=say("cli_check_description"),
    )
    c.add_argument(
        "--publish",
        action="store_true",
        help=say("cli_check_publish"),
    )
    c.set_defaults(run=_check)

    c = commands.add_parser(
        "lock",
        help=say("cli_lock_help"),
        description=say("cli_lock_description"),
    )
    c.set_defaults(run=_lock)

    c = commands.add_parser(
        "new-module",
        help=say("cli_new_module_help"),
        description=say("cli_new_module_description"),
    )
    c.add_argument("title", help=say("cli_new_module_title"))
    c.add_argument("--folder", help=say("cli_new_module_folder"))
    c.add_argument("--editor", default="RVTS Sør", help=say("cli_new_module_editor"))
    c.set_defaults(run=_new_module)

    c = commands.add_parser(
        "schema",
        help=say("cli_schema_help"),
        description=say("cli_schema_description"),
    )
    c.set_defaults(run=_schema)

    c = commands.add_parser(
        "package",
        help=say("cli_package_help"),
        description=say("cli_package_description"),
    )
    _zip_arguments(c, "dist/krisesenterkurs-<date>.zip")
    c.set_defaults(run=_package)

    c = commands.add_parser(
        "scorm",
        help=say("cli_scorm_help"),
        description=say("cli_scorm_description"),
    )
    _zip_arguments(c, "dist/krisesenterkurs-scorm12-<date>.zip")
    c.set_defaults(run=_scorm)

    c = commands.add_parser(
        "export",
        help=say("cli_export_help"),
        description=say("cli_export_description"),
    )
    c.add_argument("--format", choices=FORMATS, default="moodle-xml", help=say("cli_export_format"))
    c.add_argument("--out", help=say("cli_export_out"))
    c.set_defaults(run=_export)

    c = commands.add_parser(
        "build",
        help=say("cli_build_help"),
        description=say("cli_build_description"),
    )
    _engine_argument(c)
    c.add_argument("--site-dir", default="site", help=say("cli_build_site_dir"))
    c.add_argument("--no-strict", action="store_true", help=say("cli_build_no_strict"))
    c.add_argument("--keep-cache", action="store_true", help=say("cli_build_keep_cache"))
    c.set_defaults(run=_build)

    c = commands.add_parser(
        "serve",
        help=say("cli_serve_help"),
        description=say("cli_serve_description"),
    )
    _engine_argument(c)
    c.add_argument("--dev-addr", default="127.0.0.1:8000", help=say("cli_serve_dev_addr"))
    c.set_defaults(run=_serve)

    c = commands.add_parser(
        "postbuild",
        help=say("cli_postbuild_help"),
        description=say("cli_postbuild_description"),
    )
    # --site-dir as `build` names it, so one name works for every command that takes the site.
    c.add_argument("--site", "--site-dir", dest="site", default="site", help=say("cli_postbuild_site"))
    c.set_defaults(run=_postbuild)

    c = commands.add_parser(
        "handouts",
        help=say("cli_handouts_help"),
        description=say("cli_handouts_description"),
    )
    # --site-dir as `build` names it, so one name works for every command that takes the site.
    c.add_argument("--site", "--site-dir", dest="site", default="site", help=say("cli_handouts_site"))
    c.add_argument("--chromium", default=None, help=say("cli_handouts_chromium"))
    c.set_defaults(run=_handouts)

    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except CourseError as e:
        print(e, file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
