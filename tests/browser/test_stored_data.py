"""A learner comes back with stored data that is corrupt, from an older version or from elsewhere."""

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.quizpage import answer, banks, our_storage, question, quiz_url, right

pytestmark = pytest.mark.browser
PROGRESS = "krisesenterkurs:/:progress"
QUIZ = "krisesenterkurs:/:quiz:mandat"
FOREIGN = "krisesenterkurs:/et-annet-kurs/:quiz:mandat"


def seed(page, entries: dict) -> None:
    """Put entries in localStorage before the first page of the test loads, once."""
    page.add_init_script(f"""if (!sessionStorage.getItem('seeded')) {{
        for (const [k, v] of Object.entries({json.dumps(entries)})) localStorage.setItem(k, v);
        sessionStorage.setItem('seeded', '1');
    }}""")


def our_errors(page):
    errors = []
    page.on("pageerror", lambda e: errors.append(e) if "krisesenterkurs" in (e.stack or "") else None)
    return errors


@pytest.mark.parametrize(
    "stored",
    ["{not json", json.dumps({"v": 0, "visited": {}}), json.dumps([1, 2])],
    ids=["corrupt", "older-version", "wrong-shape"],
)
def test_unreadable_progress_is_left_alone_with_a_notice(page, base_url, stored):
    errors = our_errors(page)
    seed(page, {PROGRESS: stored})
    page.goto(base_url + "moduler/mandat/")
    page.goto(base_url + "moduler/barn-i-reetablering/")
    page.goto(base_url + "fremdrift/")
    expect(page.locator(".kk-progress__notice")).to_contain_text("kunne ikke leses")
    expect(page.locator(".kk-progress__table tbody tr")).to_have_count(5)
    assert our_storage(page)[PROGRESS] == stored  # not overwritten by merely visiting pages
    assert errors == []
    page.get_by_role("button", name="Nullstill fremdrift").click()
    page.get_by_role("button", name="Ja, nullstill").click()
    page.goto(base_url + "moduler/mandat/")
    assert json.loads(our_storage(page)[PROGRESS])["v"] == 1  # the learner acted; now it is replaced


def test_quiz_record_from_an_older_version_is_ignored_until_the_learner_answers(page, base_url):
    old = json.dumps({"v": 0, "answers": {"x": [1]}})
    seed(page, {QUIZ: old})
    page.goto(base_url + quiz_url("mandat"))
    expect(page.locator(".kk-quiz__notice")).to_contain_text("kunne ikke leses")
    expect(page.locator(".kk-question[data-state]")).to_have_count(0)
    assert our_storage(page)[QUIZ] == old
    q = banks()["mandat"].questions[0]
    answer(page, q, right(q))
    assert json.loads(our_storage(page)[QUIZ])["v"] == 1


def test_data_of_another_course_on_the_same_host_is_neither_used_nor_touched(page, base_url):
    q = banks()["mandat"].questions[0]
    # A pass of this very bank version: were the foreign key read, the module would count as completed.
    foreign = json.dumps(
        {
            "v": 1,
            "answers": {q.id: {"h": q.content_hash(), "a": right(q)}},
            "passed": {"h": banks()["mandat"].content_hash(), "at": "2026-01-01T00:00:00Z"},
        }
    )
    seed(page, {FOREIGN: foreign})
    page.goto(base_url + quiz_url("mandat"))
    expect(question(page, q).locator(".kk-question__result")).to_be_hidden()
    page.goto(base_url + "fremdrift/")
    expect(page.get_by_role("progressbar")).to_have_attribute("value", "0")
    page.get_by_role("button", name="Nullstill fremdrift").click()
    page.get_by_role("button", name="Ja, nullstill").click()
    assert our_storage(page)[FOREIGN] == foreign


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(document.domain)", " javascript:alert(1)", "\tjavascript:alert(1)", " \\\\evil.example/x"],
    ids=["javascript", "leading-space", "leading-tab", "backslashes"],
)
def test_a_crafted_last_page_never_becomes_a_link_off_the_site(page, base_url, url):
    seed(page, {PROGRESS: json.dumps({"v": 1, "visited": {}, "last": {"url": url, "title": "Fortsett her"}})})
    page.goto(base_url)
    resume = page.locator(".kk-resume__line")
    expect(resume).to_contain_text("Du har ikke begynt ennå")
    for href in resume.locator("a").evaluate_all("links => links.map(a => a.href)"):
        assert href.startswith(base_url), href


def test_a_last_page_written_as_a_path_from_the_host_root_is_offered(page, base_url):
    last = {"url": "/moduler/barn-i-reetablering/", "title": "Her var jeg"}
    seed(page, {PROGRESS: json.dumps({"v": 1, "visited": {}, "last": last})})
    page.goto(base_url)
    link = page.locator(".kk-resume__line a")
    expect(link).to_have_text(re.compile(r"^Modul 2: .* – Her var jeg$"))
    expect(link).to_have_attribute("href", base_url + "moduler/barn-i-reetablering/")


BLOCKED_STORAGE = """
Object.defineProperty(window, 'localStorage', {
  configurable: true,
  get() { throw new DOMException('Storage is disabled', 'SecurityError'); }
});
"""


def test_blocked_storage_raises_no_error_on_any_kind_of_page(page, base_url):
    page.add_init_script(BLOCKED_STORAGE)
    errors = []
    # The course's own scripts; the theme's palette script (a template, not ours) is left out.
    page.on("pageerror", lambda e: errors.append(e) if "/assets/krisesenterkurs/" in (e.stack or "") else None)
    for path in ("", "moduler/mandat/", quiz_url("mandat"), "fremdrift/", "kursbevis/"):
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        page.wait_for_timeout(100)  # progress.js draws in a task of its own
    expect(page.locator(".kk-certificate__remaining")).to_be_visible()
    page.goto(base_url + "fremdrift/")
    expect(page.locator(".kk-progress__notice")).to_contain_text("kan ikke lagres")
    assert errors == [], errors


def test_blocked_storage_keeps_the_theme_scripts_and_the_light_dark_switch(page, base_url):
    # The theme's own snippets (template overrides) read storage too: nothing of theirs may throw.
    page.add_init_script(BLOCKED_STORAGE)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base_url)
    page.wait_for_load_state("load")
    body = page.locator("body")
    before = body.get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    expect(body).not_to_have_attribute("data-md-color-scheme", before or "")
    assert errors == [], errors
