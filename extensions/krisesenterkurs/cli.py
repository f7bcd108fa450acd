"""The course's command line: `krisesenterkurs <command>`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _handouts(args) -> int:
    from .printing import make_pdfs

    try:
        for path in make_pdfs(Path(args.site), args.chromium):
            print(path)
    except FileNotFoundError as e:
        print(f"krisesenterkurs handouts: {e}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="krisesenterkurs",
        description="Tools for the course «Krisesentertilbudet i kommunene».",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="command")
    handouts = commands.add_parser(
        "handouts",
        help="make PDF handouts for every module and a PDF of the whole course in a built site",
        description="Print every module's handout (utdelingsark) and the whole course to PDF with Chromium, "
                    "into the built site, where its pages link to them. Run it after 'mkdocs build'.",
    )
    handouts.add_argument("--site", default="site", help="the built site folder (default: site)")
    handouts.add_argument("--chromium", default=None,
                          help="the Chromium to print with (default: $CHROMIUM_PATH or /usr/bin/chromium)")
    handouts.set_defaults(run=_handouts)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
