"""The security headers hosts are given, and the theme's copies of Material's inline snippets."""

import importlib.util
import re
from pathlib import Path

import pytest

from krisesenterkurs.publishing.hosting import SECURITY_HEADERS
from tests.support import ROOT

ASSETS = ROOT / "extensions" / "krisesenterkurs" / "theme" / "assets" / "krisesenterkurs" / "material"
# (template, which of its <script> snippets, our file): the snippets copied verbatim.
VERBATIM = [
    ("palette", 0, "palette.js"),
    ("content", 0, "content-tabs.js"),
    ("content", 1, "content.js"),
    ("announce", 0, "announce.js"),
    ("consent", 0, "consent.js"),
]


def test_readme_gives_hosts_the_headers_the_tests_serve():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, value in SECURITY_HEADERS.items():
        assert f"\n{name}: {value}\n" in readme, name


def test_the_policy_allows_no_inline_script_and_no_other_host():
    policy = dict(d.split(" ", 1) for d in SECURITY_HEADERS["Content-Security-Policy"].split("; "))
    assert policy["script-src"] == "'self'"
    assert "unsafe" not in SECURITY_HEADERS["Content-Security-Policy"]
    for directive, sources in policy.items():
        assert "http" not in sources and "*" not in sources, directive


def engine_templates():
    for engine in ("material", "zensical"):
        spec = importlib.util.find_spec(engine)
        if spec and spec.origin:
            yield engine, Path(spec.origin).parent / "templates" / "partials" / "javascripts"


@pytest.mark.parametrize("engine,folder", list(engine_templates()))
@pytest.mark.parametrize("template,index,ours", VERBATIM)
def test_each_snippet_file_is_the_engines_inline_snippet(engine, folder, template, index, ours):
    """When an engine's upgrade changes a snippet, this says which file to copy it into again."""
    snippets = re.findall(r"<script>(.*?)</script>", (folder / f"{template}.html").read_text(encoding="utf-8"), re.S)
    lines = [line for line in (ASSETS / ours).read_text(encoding="utf-8").splitlines() if not line.startswith("//")]
    assert "\n".join(lines) == snippets[index], f"{engine} {template}.html changed: copy its snippet into {ours}"


def test_every_inline_snippet_of_the_engines_is_overridden():
    overrides = ROOT / "extensions" / "krisesenterkurs" / "theme" / "partials" / "javascripts"
    for _, folder in engine_templates():
        for template in folder.glob("*.html"):
            if "<script>" in template.read_text(encoding="utf-8"):
                ours = overrides / template.name
                assert ours.exists(), f"{template.name} has an inline script: override it in {overrides}"
                assert "<script>" not in ours.read_text(encoding="utf-8")
