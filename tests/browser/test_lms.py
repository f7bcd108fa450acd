"""A municipality runs the course in its LMS: SCORM 1.2 in an independent runtime (scorm-again)."""

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as etree
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from tests.browser.quizpage import answer_all, banks, modules, quiz_url
from tests.support import COURSE, ROOT, free_port, serve

# mkdocs_only: the package is built with MkDocs (the default engine); the Zensical run would repeat it unchanged.
pytestmark = [pytest.mark.browser, pytest.mark.mkdocs_only]
LMS = Path(__file__).parent.parent / "lms"
CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"


@pytest.fixture(scope="module")
def lms(tmp_path_factory):
    if not (LMS / "node_modules" / "scorm-again").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=LMS, check=True)
    root = tmp_path_factory.mktemp("lms")
    # The installed command in its own process: it prints PDFs with Playwright, which cannot start
    # a second time inside the test session's browser.
    command = Path(sys.executable).with_name("krisesenterkurs")
    result = subprocess.run(
        [str(command), "--project", str(ROOT), "scorm", "--out", str(root / "kurs.zip")],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(root / "kurs.zip") as zf:
        zf.extractall(root / "course")
        names = zf.namelist()
    shutil.copy(LMS / "node_modules" / "scorm-again" / "dist" / "scorm12.min.js", root)
    shutil.copy(LMS / "lms.html", root)
    port = free_port()
    server = serve(root, port)
    yield {"url": f"http://127.0.0.1:{port}/", "root": root, "names": names}
    server.shutdown()
    server.server_close()


def cmi(page, name):
    return page.evaluate("n => window.API.LMSGetValue(n)", name)


def launch(browser, lms, preset=None):
    context = browser.new_context()
    page = context.new_page()
    query = "?preset=" + quote(json.dumps(preset)) if preset else ""
    page.goto(lms["url"] + "lms.html" + query)
    course = page.frame_locator("#sco").frame_locator("#kk-course-frame")
    expect(course.locator("article h1")).to_be_visible()
    return context, page, course


def course_frame(page):
    """The course itself: inside the launch page, inside the LMS page."""
    return page.query_selector("#sco").content_frame().query_selector("#kk-course-frame").content_frame()


def test_manifest_is_scorm_12_with_one_sco_listing_every_file(lms):
    tree = etree.parse(lms["root"] / "course" / "imsmanifest.xml").getroot()
    assert tree.tag == CP + "manifest"
    assert tree.find(f"{CP}metadata/{CP}schema").text == "ADL SCORM"
    assert tree.find(f"{CP}metadata/{CP}schemaversion").text == "1.2"
    organizations = tree.find(f"{CP}organizations")
    assert len(organizations.findall(f"{CP}organization")) == 1
    assert organizations.get("default") == organizations.find(f"{CP}organization").get("identifier")
    resources = tree.findall(f"{CP}resources/{CP}resource")
    assert len(resources) == 1 and resources[0].get(ADLCP + "scormtype") == "sco"
    assert resources[0].get("href") == "scorm.html"
    listed = {f.get("href") for f in resources[0].findall(f"{CP}file")}
    assert listed == set(lms["names"]) - {"imsmanifest.xml"}
    for module in modules():  # the handouts the pages link to are in the package
        assert f"moduler/{module.folder}/utdelingsark-{module.folder}.pdf" in listed
    assert "krisesentertilbudet-i-kommunene.pdf" in listed


def test_partial_run_then_relaunch_restores_from_the_lms(browser, lms):
    context, page, course = launch(browser, lms)
    assert cmi(page, "cmi.core.lesson_status") == "incomplete"  # set at the first launch
    first = modules()[0]
    bank = banks()[first.meta.bank]
    frame = course_frame(page)
    frame.goto(frame.url.rsplit("/", 1)[0] + "/" + quiz_url(first.meta.bank).replace("quiz/", "quiz.html"))
    frame.locator(".kk-quiz[data-ready]").wait_for()
    answer_all(frame, bank, len(bank.questions))
    page.wait_for_function("() => window.API.LMSGetValue('cmi.core.score.raw') === '20'")
    assert cmi(page, "cmi.core.lesson_status") == "incomplete"
    assert cmi(page, "cmi.core.score.min") == "0" and cmi(page, "cmi.core.score.max") == "100"
    assert cmi(page, "cmi.core.lesson_location") == f"moduler/{first.folder}/quiz.html"
    suspend = cmi(page, "cmi.suspend_data")
    assert 0 < len(suspend) <= 4096
    state = {
        "cmi.core.lesson_status": cmi(page, "cmi.core.lesson_status"),
        "cmi.core.lesson_location": cmi(page, "cmi.core.lesson_location"),
        "cmi.suspend_data": suspend,
    }
    context.close()

    # A new browser with nothing stored: everything comes back from the LMS.
    context, page, course = launch(browser, lms, preset=state)
    frame = course_frame(page)
    assert frame.url.endswith(f"moduler/{first.folder}/quiz.html")
    expect(frame.locator('.kk-question[data-state="right"]')).to_have_count(len(bank.questions))
    expect(frame.locator(".kk-quiz__summary")).to_contain_text("Bestått")
    frame.goto(frame.url.split("/moduler/")[0] + "/fremdrift.html")
    expect(frame.locator(f'tr[data-module="{first.folder}"] .kk-progress__status')).to_contain_text("Fullført")
    assert cmi(page, "cmi.core.lesson_status") == "incomplete"
    context.close()


def test_full_pass_reports_passed_and_every_answer_fits_in_suspend_data(browser, lms):
    context, page, course = launch(browser, lms)
    frame = course_frame(page)
    root = frame.url.rsplit("/", 1)[0] + "/"
    for module in modules():
        bank = banks()[module.meta.bank]
        frame.goto(root + f"moduler/{module.folder}/quiz.html")
        frame.locator(".kk-quiz[data-ready]").wait_for()
        answer_all(frame, bank, len(bank.questions))
    page.wait_for_function("() => window.API.LMSGetValue('cmi.core.lesson_status') === 'passed'")
    assert cmi(page, "cmi.core.score.raw") == "100"
    suspend = cmi(page, "cmi.suspend_data")
    assert len(suspend) <= 4096, len(suspend)
    assert len(json.loads(suspend)["q"]) == len(modules())
    assert page.evaluate("window.commits") > 0
    page.evaluate("document.getElementById('sco').src = 'about:blank'")  # the learner leaves the course
    page.wait_for_function("() => window.finished === true")
    assert cmi(page, "cmi.core.lesson_status") == "passed"
    context.close()


def test_without_an_lms_the_course_runs_as_on_the_web(page, lms):
    page.goto(lms["url"] + "course/scorm.html")
    frame = page.frame_locator("#kk-course-frame")
    expect(frame.locator("article h1")).to_be_visible()


def test_offline_package_runs_from_a_folder(page, tmp_path):
    from krisesenterkurs.publishing.package import package

    with zipfile.ZipFile(package(COURSE, tmp_path / "kurs.zip", pdfs=False)) as zf:
        zf.extractall(tmp_path / "kurs")
    page.goto((tmp_path / "kurs" / "index.html").as_uri())
    expect(page.locator("article h1")).to_be_visible()
    page.locator(".md-tabs").get_by_role("link", name="Moduler").click()
    expect(page).to_have_url((tmp_path / "kurs" / "moduler" / "mandat" / "index.html").as_uri())
    first = modules()[0]
    bank = banks()[first.meta.bank]
    page.goto((tmp_path / "kurs" / "moduler" / first.folder / "quiz.html").as_uri())
    page.locator(".kk-quiz[data-ready]").wait_for()
    answer_all(page, bank, len(bank.questions))
    page.reload()
    expect(page.locator('.kk-question[data-state="right"]')).to_have_count(len(bank.questions))
    page.goto((tmp_path / "kurs" / "fremdrift.html").as_uri())
    expect(page.locator(f'tr[data-module="{first.folder}"] .kk-progress__status')).to_contain_text("Fullført")
