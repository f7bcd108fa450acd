"""The step every build ends with, whatever the engine: `krisesenterkurs postbuild --site DIR`.

The MkDocs plugin calls it after its build; the scripts call it after
`zensical build`, which runs no plugin.
"""

from __future__ import annotations

from pathlib import Path

ASSETS = Path("assets") / "krisesenterkurs"


def minify(site: Path) -> list[Path]:
    """The theme's scripts and styles are written to be read, with comments that say why; learners
    get them minified, about a third less to download (see BENCHMARKS.md). Third-party files in
    `vendor/` are served as published, with their licence headers (README, dependencies)."""
    import rcssmin
    import rjsmin

    done = []
    for path in sorted((Path(site) / ASSETS).rglob("*.*")):
        if "vendor" in path.relative_to(Path(site) / ASSETS).parts:
            continue
        minifier = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}.get(path.suffix)
        if minifier:
            path.write_text(minifier(path.read_text(encoding="utf-8")), encoding="utf-8")
            done.append(path)
    return done


def postbuild(site: Path | str) -> None:
    minify(Path(site))
