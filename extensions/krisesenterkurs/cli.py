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

from .errors import CourseError


def _project(args):
    from .authoring import Project

    root = Path(args.project).resolve()
    if not (root / "mkdocs.yml").exists():
        raise CourseError(_problem(root, "holds no mkdocs.yml. Fix: run the command in the course folder or give --project."))
    return Project(root)


def _problem(where, message):
    from .errors import Problem
    from .loader import display_path

    return Problem(display_path(Path(where)), None, message)


def _check(args) -> int:
    from .authoring import check

    problems, warnings = check(_project(args))
    for p in problems:
        print(p)
    for w in warnings:
        print(f"warning: {w}")
    print(f"{len(problems)} problem(s), {len(warnings)} warning(s).", file=sys.stderr)
    return 1 if problems else 0


def _new_module(args) -> int:
    from .authoring import new_module

    for path in new_module(_project(args), args.title, folder=args.folder, editor=args.editor):
        print(path)
    print("Now write the pages and the questions; 'krisesenterkurs check' lists the text still to write.",
          file=sys.stderr)
    return 0


def _schema(args) -> int:
    from .authoring import write_schema

    print(write_schema(_project(args)))
    return 0


def _package(args) -> int:
    from .authoring import package

    target = Path(args.out or f"dist/krisesenterkurs-{datetime.date.today().isoformat()}.zip")
    print(package(_project(args), target.resolve(), pdfs=not args.no_pdf))
    return 0


def _scorm(args) -> int:
    from .authoring import scorm

    target = Path(args.out or f"dist/krisesenterkurs-scorm12-{datetime.date.today().isoformat()}.zip")
    print(scorm(_project(args), target.resolve(), pdfs=not args.no_pdf))
    return 0


def _handouts(args) -> int:
    from .printing import make_pdfs

    try:
        for path in make_pdfs(Path(args.site), args.chromium):
            print(path)
    except FileNotFoundError as e:
        print(f"krisesenterkurs handouts: {e}", file=sys.stderr)
        return 1
    return 0


def _zip_arguments(command, default: str) -> None:
    command.add_argument("--out", help=f"the zip to write (default: {default})")
    command.add_argument("--no-pdf", action="store_true",
                         help="leave out the PDF handouts (faster; their links then lead nowhere)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="krisesenterkurs",
        description="Tools for editors of the course «Krisesentertilbudet i kommunene». "
                    "Run them in the course folder (the one with mkdocs.yml).",
    )
    parser.add_argument("--project", default=".", help="the course folder (default: the current folder)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="command")

    c = commands.add_parser("check", help="check banks, modules, links and glossary without building",
                            description="Check every question bank, every module.yml, the links between pages and "
                                        "the glossary, without building the site. Prints one line per problem "
                                        "(file, line, what to fix) and warns about modules past their review date. "
                                        "Exit code 0 when there are no problems, 1 otherwise.")
    c.set_defaults(run=_check)

    c = commands.add_parser("new-module", help="start a new module from its title",
                            description="Make a module folder with module.yml, its pages and a question bank with "
                                        "one example question, and add it to the navigation in mkdocs.yml. The "
                                        "example text says «Skriv … her»; 'check' reports it until it is replaced.")
    c.add_argument("title", help="the module's title, e.g. \"Barn og samvær\"")
    c.add_argument("--folder", help="folder and bank name (default: made from the title)")
    c.add_argument("--editor", default="RVTS Sør", help="who answers for the module (default: RVTS Sør)")
    c.set_defaults(run=_new_module)

    c = commands.add_parser("schema", help="write the question banks' JSON Schema for editors",
                            description="Write quizzes/bank.schema.json from the rules the build uses, so that "
                                        "editors (for example VS Code with the YAML extension) see mistakes as they type.")
    c.set_defaults(run=_schema)

    c = commands.add_parser("package", help="the built course as a zip to run offline or on any web server",
                            description="Build the course so that it runs from a folder (open index.html) or any "
                                        "static web server, and put it in a zip.")
    _zip_arguments(c, "dist/krisesenterkurs-<date>.zip")
    c.set_defaults(run=_package)

    c = commands.add_parser("scorm", help="the course as a SCORM 1.2 package for an LMS such as Moodle (KS Læring)",
                            description="Build the course as one SCORM 1.2 SCO in a zip with imsmanifest.xml. "
                                        "Upload it to the LMS as a SCORM activity; the LMS then gets the status "
                                        "(passed when every module is completed), the score (share of modules "
                                        "completed), the last page and the learner's progress.")
    _zip_arguments(c, "dist/krisesenterkurs-scorm12-<date>.zip")
    c.set_defaults(run=_scorm)

    c = commands.add_parser("handouts", help="PDF handouts for every module and the whole course, into a built site",
                            description="Print every module's handout (utdelingsark) and the whole course to PDF "
                                        "with Chromium, into the built site, where its pages link to them. "
                                        "Run it after 'mkdocs build'.")
    c.add_argument("--site", default="site", help="the built site folder (default: site)")
    c.add_argument("--chromium", default=None,
                   help="the Chromium to print with (default: $CHROMIUM_PATH or /usr/bin/chromium)")
    c.set_defaults(run=_handouts)

    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except CourseError as e:
        print(e, file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
