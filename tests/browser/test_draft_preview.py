"""An editor previews a module fresh from 'new-module': marked «Utkast», and no learner needs it."""

import shutil

import pytest
from playwright.sync_api import expect

from tests.browser.quizpage import modules, take_quiz
from tests.support import ROOT, run_build, serve
from tests.support import url as address

pytestmark = [pytest.mark.browser, pytest.mark.mkdocs_only]  # the preview is built here with MkDocs;
# tests/authoring/test_drafts.py shows Zensical writes the same notice and manifest.
MODULES = modules()
IGNORE = shutil.ignore_patterns(
    ".venv", ".git", "site", "node_modules", "__pycache__", "dist", ".pytest_cache", ".build", ".cache"
)


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    from krisesenterkurs.authoring.scaffold import new_module
    from krisesenterkurs.core.settings import Settings

    project = tmp_path_factory.mktemp("draft") / "kurs"
    shutil.copytree(ROOT, project, symlinks=True, ignore=IGNORE)
    new_module(Settings.load(project / "mkdocs.yml"), "Barn og samvær")
    site = tmp_path_factory.mktemp("site")
    server = serve(site)
    result = run_build(project, site, site_url=address(server))
    assert result.returncode == 0, result.stderr
    yield address(server)
    server.shutdown()
    server.server_close()


def test_the_draft_is_marked_and_the_course_is_complete_without_it(page, preview):
    page.goto(preview + "moduler/barn-og-samvaer/case/")
    notice = page.get_by_role("note").filter(has_text="Utkast")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("teller ikke med i fremdriften eller for kursbeviset")
    page.goto(preview + "fremdrift/")
    expect(page.locator('.kk-progress__table tr[data-module="barn-og-samvaer"]')).to_have_count(0)
    expect(page.get_by_role("progressbar")).to_have_attribute("max", str(len(MODULES)))
    for module in MODULES:
        take_quiz(page, preview, module.meta.bank)
    page.goto(preview + "kursbevis/")
    page.get_by_label("Navnet ditt på kursbeviset").fill("Kari Nordmann")
    sheet = page.locator(".kk-certificate__sheet")
    expect(sheet).to_contain_text("har fullført kurset")
    expect(sheet).not_to_contain_text("Barn og samvær")
