"""A municipality runs the course in its LMS: SCORM 1.2 in an independent runtime (scorm-again)."""

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as etree
import zipfile
from itertools import pairwise
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from krisesenterkurs.publishing.hosting import SECURITY_HEADERS
from tests.browser.quizpage import answer, answer_all, banks, modules, quiz_url, right
from tests.support import COURSE, serve
from tests.support import url as address

# mkdocs_only: the package is built with MkDocs (the default engine); the Zensical run would repeat it unchanged.
pytestmark = [pytest.mark.browser, pytest.mark.mkdocs_only, pytest.mark.xdist_group("scorm_package")]
LMS = Path(__file__).parent.parent / "lms"
CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"


@pytest.fixture(scope="session")
def lms(scorm_package):
    if not (LMS / "node_modules" / "scorm-again").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=LMS, check=True)
    root, names = scorm_package["root"], scorm_package["names"]
    shutil.copy(LMS / "node_modules" / "scorm-again" / "dist" / "scorm12.min.js", root)
    shutil.copy(LMS / "lms.html", root)
    shutil.copy(LMS / "lms.js", root)
    # The security headers hosts are told to send: the launch page and the course run under them.
    server = serve(root, SECURITY_HEADERS)
    yield {"url": address(server), "root": root, "names": names}
    server.shutdown()
    server.server_close()


# SCORM 1.2 RTE 3.4.2, CMITimespan (HHHH:MM:SS.SS); the pattern Moodle's datamodels/scorm_12.js checks.
CMITIMESPAN = re.compile(r"^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$")
# SCORM 1.2 RTE 3.4.4, cmi.core.lesson_status: how far along each value says the learner is.
RANK = {"": 0, "not attempted": 0, "browsed": 1, "incomplete": 2, "failed": 2, "completed": 3, "passed": 4}


def cmi(page, name):
    """What the LMS holds (read from the runtime itself, not through the recorded facade)."""
    return page.evaluate("n => window.lms.LMSGetValue(n)", name)


def calls(page, name=None):
    """Every API call the course made, in order: {name, args, result, at}."""
    return [c for c in page.evaluate("window.calls") if name is None or c["name"] == name]


def set_values(page, element):
    return [c["args"][1] for c in calls(page, "LMSSetValue") if c["args"][0] == element]


def launch(browser, lms, preset=None, init=True, context=None):
    context = context or browser.new_context()
    page = context.new_page()
    query = {"preset": json.dumps(preset)} if preset else {}
    if not init:
        query["init"] = "false"
    page.goto(lms["url"] + "lms.html" + ("?" + urlencode(query) if query else ""))
    course = page.frame_locator("#sco").frame_locator("#kk-course-frame")
    expect(course.locator("article h1")).to_be_visible()
    return context, page, course


def leave(page):
    """The learner leaves the course (the LMS unloads the launch page)."""
    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    page.wait_for_function("() => window.finished === true")


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
    shown = frame.locator(".kk-option").evaluate_all("els => els.map(e => e.dataset.index).join('')")
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
    # The attempt's seed came along: the options stand in the order the learner answered them in.
    assert frame.locator(".kk-option").evaluate_all("els => els.map(e => e.dataset.index).join('')") == shown
    frame.goto(frame.url.split("/moduler/")[0] + "/fremdrift.html")
    expect(frame.locator(f'tr[data-module="{first.folder}"] .kk-progress__status')).to_contain_text("Fullført")
    assert cmi(page, "cmi.core.lesson_status") == "incomplete"
    context.close()


def play(frame, steps):
    """Make `steps` choices in the page's scenario (always the first), continuing after each."""
    frame.locator(".kk-scenario[data-ready]").wait_for()
    for _ in range(steps):
        frame.locator(".kk-scenario__option").first.click()
        frame.locator(".kk-scenario__continue").click()


def test_a_scenario_in_progress_and_its_endings_travel_in_suspend_data(browser, lms):
    context, page, course = launch(browser, lms)
    frame = course_frame(page)
    root = frame.url.rsplit("/", 1)[0] + "/"
    frame.goto(root + "moduler/mandat/samtaletrening.html")
    play(frame, 2)
    # The learner is at the third step once both choices are stored and the last feedback is closed
    # (after the first choice alone the LMS already holds the scenario's entry).
    page.wait_for_function(
        """() => {
          const s = (JSON.parse(window.API.LMSGetValue('cmi.suspend_data') || '{}').s || [])[0];
          return !!s && s[2].length === 2 && s[3] === 0;
        }"""
    )
    state = {"cmi.suspend_data": cmi(page, "cmi.suspend_data"), "cmi.core.lesson_status": "incomplete"}
    context.close()

    # Another device: the LMS brings the path back, and the learner goes on from the third step.
    context, page, course = launch(browser, lms, preset=state)
    frame = course_frame(page)
    frame.goto(frame.url.rsplit("/", 1)[0] + "/moduler/mandat/samtaletrening.html")
    frame.locator(".kk-scenario[data-ready]").wait_for()
    expect(frame.locator(".kk-scenario__turn")).to_have_count(2)
    expect(frame.locator(".kk-scenario__step")).to_have_text("Steg 3")
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
    # And every module's scenario in progress, three choices in.
    for module in modules():
        frame.goto(root + f"moduler/{module.folder}/samtaletrening.html")
        play(frame, 3)
    page.wait_for_function("() => (JSON.parse(window.API.LMSGetValue('cmi.suspend_data')).s || []).length === 5")
    suspend = cmi(page, "cmi.suspend_data")
    assert len(suspend) <= 4096, len(suspend)
    assert len(json.loads(suspend)["q"]) == len(modules())
    checked = sum(len(banks()[m.meta.bank].questions) for m in modules())
    leave(page)
    assert cmi(page, "cmi.core.lesson_status") == "passed"
    # Commits come in batches: at most one a second and one per checked question, and one on leaving.
    commits = [c["at"] for c in calls(page, "LMSCommit")]
    assert 1 < len(commits) <= checked + 2, len(commits)
    gaps = [b - a for a, b in pairwise(commits[:-1])]
    assert min(gaps, default=1000) >= 990, gaps
    assert [c["name"] for c in calls(page)[-2:]] == ["LMSCommit", "LMSFinish"]
    assert set_values(page, "cmi.core.exit")[-1] == ""  # passed: nothing to resume (RTE 3.4.4)
    context.close()


def test_undecodable_saved_data_never_lowers_what_the_lms_holds(browser, lms):
    preset = {
        "cmi.core.lesson_status": "passed",
        "cmi.core.score.raw": "90",
        "cmi.core.entry": "resume",
        "cmi.suspend_data": "{not the launch page's format",
    }
    context, page, course = launch(browser, lms, preset=preset)
    frame = course_frame(page)
    frame.goto(frame.url.rsplit("/", 1)[0] + "/fremdrift.html")  # a page load and a visit recorded, no answer
    expect(course.locator("article h1")).to_be_visible()
    leave(page)
    assert all(RANK[v] >= RANK["passed"] for v in set_values(page, "cmi.core.lesson_status"))
    assert all(float(v) >= 90 for v in set_values(page, "cmi.core.score.raw"))
    assert set_values(page, "cmi.suspend_data") == []
    assert cmi(page, "cmi.core.lesson_status") == "passed" and cmi(page, "cmi.core.score.raw") == "90"
    assert cmi(page, "cmi.suspend_data") == preset["cmi.suspend_data"]
    assert ["LMSGetValue", ["cmi.core.entry"]] in [[c["name"], c["args"]] for c in calls(page)]
    context.close()


def test_leaving_unfinished_sets_session_time_and_suspend_before_finishing(browser, lms):
    context, page, course = launch(browser, lms)
    page.wait_for_timeout(1100)
    leave(page)
    names = [(c["name"], c["args"][0] if c["args"] else "") for c in calls(page)]
    finish = names.index(("LMSFinish", ""))
    session = names.index(("LMSSetValue", "cmi.core.session_time"))
    exit_ = names.index(("LMSSetValue", "cmi.core.exit"))
    assert session < finish and exit_ < finish
    assert ("LMSCommit", "") in names[max(session, exit_) : finish]  # always one commit on leaving
    time = set_values(page, "cmi.core.session_time")[-1]
    assert CMITIMESPAN.match(time), time
    hours, minutes, seconds = time.split(":")
    assert 1.0 <= int(hours) * 3600 + int(minutes) * 60 + float(seconds) < 120, time
    assert set_values(page, "cmi.core.exit") == ["suspend"]
    context.close()


def test_a_new_attempt_starts_at_the_front_page_and_a_resumed_one_where_it_was(browser, lms):
    first = modules()[0]
    where = f"moduler/{first.folder}/index.html"
    context, page, _ = launch(browser, lms, preset={"cmi.core.entry": "ab-initio", "cmi.core.lesson_location": where})
    assert course_frame(page).url.endswith("/course/index.html")
    context.close()
    context, page, _ = launch(browser, lms, preset={"cmi.core.entry": "resume", "cmi.core.lesson_location": where})
    assert course_frame(page).url.endswith("/course/" + where)
    context.close()


# One of each kind in the browser (a launch each is slow); tests/js/scorm_report.test.js runs the
# same rule (frameTarget) over many more.
HOSTILE_LOCATIONS = [
    "\t//evil.example/",
    "/\\evil.example/",
    " javascript:parent.parent.hacked=1",
    "../lms.html",
    "scorm.html",  # the launch page itself would open a second session inside the first
]


def test_a_stored_location_opens_only_pages_of_this_package(browser, lms):
    context = browser.new_context()
    for location in HOSTILE_LOCATIONS:
        _, page, _ = launch(browser, lms, preset={"cmi.core.lesson_location": location}, context=context)
        assert course_frame(page).url == lms["url"] + "course/index.html", location
        assert page.evaluate("window.hacked") is None
        page.close()
    context.close()


def test_a_refused_lms_initialize_is_told_and_nothing_is_reported(browser, lms):
    context, page, course = launch(browser, lms, init=False)
    sco = page.frame_locator("#sco")
    expect(sco.get_by_role("status")).to_contain_text("læringsplattformen")
    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    page.wait_for_timeout(200)
    assert [c["name"] for c in calls(page) if c["name"] != "LMSGetValue"] == ["LMSInitialize"]
    context.close()


def test_blocked_storage_keeps_the_course_running_and_the_lms_values(browser, lms):
    context = browser.new_context()
    # Storage blocked for the LMS's frames, as a browser's privacy settings can do.
    context.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('blocked', 'SecurityError'); }});"
    )
    preset = {"cmi.core.lesson_status": "passed", "cmi.core.score.raw": "100"}
    context, page, course = launch(browser, lms, preset=preset, context=context)
    expect(page.frame_locator("#sco").get_by_role("status")).to_contain_text(
        "lagre fremdriften"
    )  # told, not lost silently
    leave(page)
    assert cmi(page, "cmi.core.lesson_status") == "passed" and cmi(page, "cmi.core.score.raw") == "100"
    assert set_values(page, "cmi.suspend_data") == []
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


def test_a_failed_restore_leaves_the_data_on_this_device_as_it_was(browser, lms):
    context, page, course = launch(browser, lms)
    first = modules()[0]
    bank = banks()[first.meta.bank]
    frame = course_frame(page)
    frame.goto(frame.url.rsplit("/", 1)[0] + f"/moduler/{first.folder}/quiz.html")
    frame.locator(".kk-quiz[data-ready]").wait_for()
    answer_all(frame, bank, len(bank.questions))
    stored = "() => Object.keys(localStorage).filter(k => k.includes(':quiz:')).sort()"
    before = frame.evaluate(stored)
    assert before
    page.close()
    # The same browser, now with a full storage quota, launched by an LMS holding other data.
    context.add_init_script(
        "Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };"
    )
    other = json.dumps({"f": 1, "p": [0, "", "", "", ""], "q": [[len(banks()) - 1, "xxxxxx", "", 0, 0, 0]]})
    _, page, course = launch(browser, lms, preset={"cmi.suspend_data": other}, context=context)
    assert course_frame(page).evaluate(stored) == before
    expect(page.frame_locator("#sco").get_by_role("status")).to_contain_text("kunne ikke hentes inn")
    context.close()


def base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while n:
        n, d = divmod(n, 36)
        out = digits[d] + out
    return out or "0"


def test_an_lms_pass_survives_an_edit_not_marked_as_a_retake(browser, lms):
    """A learner passed every module in an earlier version of the package (older bank hashes, an
    older module version in suspend_data); the municipality loads the edited package, and the
    learner answers a question. The edit asked for no new attempt, so the LMS keeps the pass."""
    at = base36(1767225600)  # 1 January 2026, in seconds, as the launch page packs times
    earlier = [[b, "0ld0ld", "", 0, 0, ["0ld0ld", at, "1.0"], ""] for b in range(len(modules()))]
    preset = {
        "cmi.core.lesson_status": "passed",
        "cmi.core.score.raw": "100",
        "cmi.suspend_data": json.dumps({"f": 1, "p": [0, "", "", "", ""], "q": earlier}),
    }
    context, page, course = launch(browser, lms, preset=preset)
    frame = course_frame(page)
    root = frame.url.rsplit("/", 1)[0] + "/"
    first = modules()[0]
    bank = banks()[first.meta.bank]
    frame.goto(root + f"moduler/{first.folder}/quiz.html")
    frame.locator(".kk-quiz[data-ready]").wait_for()
    answer(frame, bank.questions[0], right(bank.questions[0]))  # the learner acts: what they hold now counts
    page.wait_for_function("() => (JSON.parse(window.API.LMSGetValue('cmi.suspend_data')).q[0][2] || '') !== ''")
    assert cmi(page, "cmi.core.lesson_status") == "passed"
    assert cmi(page, "cmi.core.score.raw") == "100"
    # The pass keeps the version it was earned in, in the compact copy too.
    assert [q[5][2] for q in json.loads(cmi(page, "cmi.suspend_data"))["q"]] == ["1.0"] * len(modules())
    frame.goto(root + "fremdrift.html")
    expect(frame.locator('.kk-progress__changed[data-changed="updated"]')).to_have_count(len(modules()))
    leave(page)
    assert cmi(page, "cmi.core.lesson_status") == "passed"
    context.close()
