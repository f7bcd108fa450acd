"""The course's command line: `krisesenterkurs <command>`.

Every command prints one line per problem (file, line, what to fix) and exits
with 0 when all is well and 1 otherwise; nothing prints a Python traceback for
a mistake in the course.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from .core.errors import CourseError

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
                "holds no mkdocs.yml. Fix: run the command in the course folder or give --project.",
            )
        )
    return Settings.load(root / CONFIG_FILE)


def _report(problems, warnings) -> None:
    for p in problems:
        print(p)
    for w in warnings:
        print(f"warning: {w}")
    print(f"{len(problems)} problem(s), {len(warnings)} warning(s).", file=sys.stderr)


def _check(args) -> int:
    from .authoring.check import check

    problems, warnings = check(_settings(args), publish=args.publish)
    _report(problems, warnings)
    return 1 if problems else 0


def _publishable(settings, refused: str = "Nothing was built") -> bool:
    """The publishing build's check (no drafts, no unversioned change), before anything is built."""
    from .authoring.check import check

    problems, warnings = check(settings, publish=True)
    if problems:
        _report(problems, warnings)
        print(f"{refused}: fix the problems above first.", file=sys.stderr)
    return not problems


def _lock(args) -> int:
    from .authoring.lock import write_lock
    from .course.modules import load_modules
    from .quiz.banks import load_banks

    settings = _settings(args)
    if not _publishable(settings, "Nothing was recorded"):
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
    print(
        "The module is a draft ('status: draft' in its module.yml): the preview shows it, publishing refuses it. "
        "Now write the pages and the questions; 'krisesenterkurs check' lists the text still to write.",
        file=sys.stderr,
    )
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
            message = (
                f"left out of {item.path.name}: GIFT has no ordering question. "
                "Fix: export with --format moodle-xml to include it."
            )
            print(f"note: {Problem(display_path(item.source), None, message, qid)}", file=sys.stderr)
    name = "Moodle XML format" if args.format == "moodle-xml" else "GIFT format"
    print(
        f"{len(written)} file(s), {sum(item.questions for item in written)} question(s). "
        f"In Moodle: Question bank > Import, choose «{name}» and upload each file.",
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
        help="the site generator (default: mkdocs; zensical is Material's successor)",
    )


def _zip_arguments(command, default: str) -> None:
    _engine_argument(command)
    command.add_argument("--out", help=f"the zip to write (default: {default})")
    command.add_argument(
        "--no-pdf", action="store_true", help="leave out the PDF handouts (faster; their links then lead nowhere)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="krisesenterkurs",
        description="Tools for editors of the course «Krisesentertilbudet i kommunene». "
        "Run them in the course folder (the one with mkdocs.yml).",
    )
    parser.add_argument("--project", default=".", help="the course folder (default: the current folder)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="command")

    c = commands.add_parser(
        "check",
        help="check banks, modules, links and glossary without building",
        description="Check every question bank, every module.yml, the links between pages and "
        "the glossary, without building the site. Prints one line per problem "
        "(file, line, what to fix) and warns about modules past their review date. "
        "Exit code 0 when there are no problems, 1 otherwise.",
    )
    c.add_argument(
        "--publish",
        action="store_true",
        help="the publishing build's check: a draft module, or content changed since the last publication "
        "(quizzes/published.lock.json) without a higher 'version' and a 'changes' entry, is a problem, not a warning",
    )
    c.set_defaults(run=_check)

    c = commands.add_parser(
        "lock",
        help="record what is published (quizzes/published.lock.json), after a publishing build",
        description="Check the course as the publishing build does, then write quizzes/published.lock.json: "
        "each module's version and pages, each bank's questions. 'check' compares the course with it, so a "
        "change without a new version is caught. scripts/build.sh runs it after a successful build; commit the file.",
    )
    c.set_defaults(run=_lock)

    c = commands.add_parser(
        "new-module",
        help="start a new module from its title",
        description="Make a module folder with module.yml, its pages and a question bank with "
        "one example question, and add it to the navigation in mkdocs.yml. The module is a draft "
        "('status: draft'): the preview marks it, publishing refuses it. The "
        "example text says «Skriv … her»; 'check' reports it until it is replaced.",
    )
    c.add_argument("title", help='the module\'s title, e.g. "Barn og samvær"')
    c.add_argument("--folder", help="folder and bank name (default: made from the title)")
    c.add_argument("--editor", default="RVTS Sør", help="who answers for the module (default: RVTS Sør)")
    c.set_defaults(run=_new_module)

    c = commands.add_parser(
        "schema",
        help="write the JSON Schemas of question banks and scenarios for editors",
        description="Write quizzes/bank.schema.json and scenarios/scenario.schema.json from the rules the build uses, so that "
        "editors (for example VS Code with the YAML extension) see mistakes as they type.",
    )
    c.set_defaults(run=_schema)

    c = commands.add_parser(
        "package",
        help="the built course as a zip to run offline or on any web server",
        description="Check the course as the publishing build does (no drafts, no unversioned change), "
        "build it so that it runs from a folder (open index.html) or any "
        "static web server, and put it in a zip.",
    )
    _zip_arguments(c, "dist/krisesenterkurs-<date>.zip")
    c.set_defaults(run=_package)

    c = commands.add_parser(
        "scorm",
        help="the course as a SCORM 1.2 package for an LMS such as Moodle (KS Læring)",
        description="Check the course as the publishing build does (no drafts, no unversioned change), "
        "then build it as one SCORM 1.2 SCO in a zip with imsmanifest.xml. "
        "Upload it to the LMS as a SCORM activity; the LMS then gets the status "
        "(passed when every module is completed), the score (share of modules "
        "completed), the last page and the learner's progress.",
    )
    _zip_arguments(c, "dist/krisesenterkurs-scorm12-<date>.zip")
    c.set_defaults(run=_scorm)

    c = commands.add_parser(
        "export",
        help="the question banks for Moodle's question bank (KS Læring): Moodle XML or GIFT",
        description="Write every question bank as one file for Moodle's question bank import "
        "(Question bank > Import): <bank id>.xml in Moodle XML, with every question type, or "
        "<bank id>.gift.txt in GIFT, which has no ordering questions (they are left out and named). "
        "Each bank becomes a category named after its title.",
    )
    c.add_argument("--format", choices=FORMATS, default="moodle-xml", help="the file format (default: moodle-xml)")
    c.add_argument("--out", help="the folder to write into (default: dist/question-bank-<format>-<date>)")
    c.set_defaults(run=_export)

    c = commands.add_parser(
        "build",
        help="build the site with MkDocs or Zensical",
        description="Check the course, then build the site with the chosen engine into a folder. "
        "Both engines read mkdocs.yml; Zensical runs no plugins, so the course is "
        "checked first and the post-build step runs after it.",
    )
    _engine_argument(c)
    c.add_argument("--site-dir", default="site", help="the folder to build into (default: site)")
    c.add_argument("--no-strict", action="store_true", help="do not stop on warnings (broken links and the like)")
    c.add_argument("--keep-cache", action="store_true", help="Zensical: reuse its cache of unchanged pages")
    c.set_defaults(run=_build)

    c = commands.add_parser(
        "serve",
        help="preview the course while editing, with MkDocs or Zensical",
        description="Build the course and serve it on this machine, rebuilding when a page, bank, module or the "
        "glossary changes. With Zensical, the course is checked first (it runs no plugins) and Zensical is told "
        "which course files to watch.",
    )
    _engine_argument(c)
    c.add_argument("--dev-addr", default="127.0.0.1:8000", help="address and port (default: 127.0.0.1:8000)")
    c.set_defaults(run=_serve)

    c = commands.add_parser(
        "postbuild",
        help="the step every build ends with (minified scripts and styles)",
        description="Minify the course's scripts and styles in a built site. The MkDocs plugin "
        "runs it itself; run it after 'zensical build'.",
    )
    c.add_argument("--site", default="site", help="the built site folder (default: site)")
    c.set_defaults(run=_postbuild)

    c = commands.add_parser(
        "handouts",
        help="PDF handouts for every module and the whole course, into a built site",
        description="Print every module's handout (utdelingsark) and the whole course to PDF "
        "with Chromium, into the built site, where its pages link to them. "
        "Run it after 'mkdocs build'.",
    )
    c.add_argument("--site", default="site", help="the built site folder (default: site)")
    c.add_argument(
        "--chromium", default=None, help="the Chromium to print with (default: $CHROMIUM_PATH or /usr/bin/chromium)"
    )
    c.set_defaults(run=_handouts)

    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except CourseError as e:
        print(e, file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
