"""A learner moves progress to another device with a file, or starts over."""

import json

import pytest
from playwright.sync_api import expect

from tests.browser.quizpage import answer, banks, modules, our_storage, quiz_url, right, take_quiz

# mkdocs_only: the learner-record logic (record.js, storage.js and the page's script) on the
# extensions' own markup, which both engines write alike; the Zensical run would repeat it unchanged.
pytestmark = [pytest.mark.browser, pytest.mark.mkdocs_only]
MODULES = modules()


@pytest.fixture
def some_progress(page, base_url):
    take_quiz(page, base_url, MODULES[0].meta.bank)
    bank = banks()[MODULES[1].meta.bank]
    page.goto(base_url + quiz_url(bank.id))
    answer(page, bank.questions[0], right(bank.questions[0]))
    page.goto(base_url + "fremdrift/")
    before = our_storage(page)
    assert len(before) == 3  # progress and two quiz records
    return before


def export(page, tmp_path):
    with page.expect_download() as info:
        page.get_by_role("button", name="Last ned fremdriften som fil").click()
    download = info.value
    assert download.suggested_filename.startswith("krisesenterkurs-fremdrift-")
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    return path


def reset(page):
    page.get_by_role("button", name="Nullstill fremdrift").click()
    page.get_by_role("button", name="Ja, nullstill").click()
    expect(page.locator(".kk-progress__message")).to_have_text("Fremdriften er nullstilt.")


def test_export_reset_import_restores_exactly_the_same_state(page, some_progress, tmp_path):
    path = export(page, tmp_path)
    reset(page)
    assert our_storage(page) == {}
    expect(page.get_by_role("progressbar")).to_have_attribute("value", "0")
    page.get_by_label("Fremdriftsfil fra dette kurset").set_input_files(path)
    confirm = page.get_by_role("group", name="Hent inn fremdrift fra fil")
    expect(confirm).to_contain_text("Filen har bestått for 1 av 5 moduler; nå har du bestått 0. Etter innlesing: 1.")
    assert our_storage(page) == {}  # nothing until the learner says yes
    confirm.get_by_role("button", name="Ja, hent inn").click()
    expect(page.locator(".kk-progress__message")).to_have_text("Fremdriften er hentet inn fra filen.")
    assert our_storage(page) == some_progress
    expect(page.get_by_role("progressbar")).to_have_attribute("value", "1")


def test_reset_asks_first_and_cancel_keeps_everything(page, some_progress):
    page.get_by_role("button", name="Nullstill fremdrift").click()
    expect(page.locator(".kk-progress__confirm")).to_contain_text("Det kan ikke angres")
    expect(page.get_by_role("button", name="Avbryt")).to_be_focused()
    assert our_storage(page) == some_progress
    page.get_by_role("button", name="Avbryt").click()
    expect(page.locator(".kk-progress__confirm")).to_be_hidden()
    assert our_storage(page) == some_progress


def good_file(page, tmp_path):
    return json.loads(export(page, tmp_path).read_text(encoding="utf-8"))


BROKEN = {
    "not json": lambda good: "{ dette er ikke json",
    "empty": lambda good: "",
    "a list": lambda good: "[]",
    "foreign format": lambda good: json.dumps({**good, "format": "noe-annet"}),
    "other version": lambda good: json.dumps({**good, "version": 2}),
    "entries missing": lambda good: json.dumps({k: v for k, v in good.items() if k != "entries"}),
    "unknown entry": lambda good: json.dumps({**good, "entries": {**good["entries"], "settings": {"v": 1}}}),
    "quiz without answers": lambda good: json.dumps({**good, "entries": {**good["entries"], "quiz:mandat": {"v": 1}}}),
    "entry not an object": lambda good: json.dumps({**good, "entries": {**good["entries"], "progress": "x"}}),
    "none of this course's banks": lambda good: json.dumps(
        {**good, "entries": {"progress": good["entries"]["progress"], "quiz:et-annet-kurs": {"v": 1, "answers": {}}}}
    ),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_broken_or_foreign_file_is_refused_and_changes_nothing(page, some_progress, tmp_path, name):
    content = BROKEN[name](good_file(page, tmp_path))
    bad = tmp_path / "fremdrift.json"
    bad.write_text(content, encoding="utf-8")
    page.get_by_label("Fremdriftsfil fra dette kurset").set_input_files(bad)
    expect(page.locator(".kk-progress__message")).to_contain_text("Ingenting er endret.")
    expect(page.get_by_label("Fremdriftsfil fra dette kurset")).to_be_focused()
    assert our_storage(page) == some_progress


def test_import_shows_what_changes_and_cancel_keeps_the_pass(page, some_progress, tmp_path):
    good = good_file(page, tmp_path)
    passed_bank = f"quiz:{MODULES[0].meta.bank}"
    # A file from another device where only the second module was started: importing it would lose a pass.
    entries = {k: v for k, v in good["entries"].items() if k != passed_bank}
    path = tmp_path / "annen-enhet.json"
    path.write_text(json.dumps({**good, "entries": entries}), encoding="utf-8")
    field = page.get_by_label("Fremdriftsfil fra dette kurset")
    field.set_input_files(path)
    confirm = page.get_by_role("group", name="Hent inn fremdrift fra fil")
    expect(confirm).to_be_focused()
    summary = confirm.locator("[aria-live]")
    expect(summary).to_contain_text("Filen har bestått for 0 av 5 moduler; nå har du bestått 1. Etter innlesing: 0.")
    expect(summary).to_contain_text(MODULES[0].meta.title)
    assert our_storage(page) == some_progress
    confirm.get_by_role("button", name="Avbryt").click()
    expect(confirm).to_be_hidden()
    expect(page.locator(".kk-progress__message")).to_contain_text("Ingenting er endret.")
    expect(field).to_be_focused()
    assert our_storage(page) == some_progress
    expect(page.get_by_role("progressbar")).to_have_attribute("value", "1")

    field.set_input_files(path)
    page.get_by_role("group", name="Hent inn fremdrift fra fil").get_by_role("button", name="Ja, hent inn").click()
    expect(page.locator(".kk-progress__message")).to_have_text("Fremdriften er hentet inn fra filen.")
    expect(page.get_by_role("progressbar")).to_have_attribute("value", "0")
    assert passed_bank.replace("quiz:", "krisesenterkurs:/:quiz:") not in our_storage(page)
