"""A learner has the course open in two tabs: neither tab loses what the other stored."""

import json

import pytest
from playwright.sync_api import expect

from tests.browser.quizpage import answer, answer_all, banks, option, question, quiz_url, right, wrong

# mkdocs_only: the learner-record logic (record.js, storage.js and the page's script) on the
# extensions' own markup, which both engines write alike; the Zensical run would repeat it unchanged.
pytestmark = [pytest.mark.browser, pytest.mark.mkdocs_only]
BANK = banks()["mandat"]
KEY = "krisesenterkurs:/:quiz:mandat"


def record(page) -> dict:
    return json.loads(page.evaluate("k => localStorage.getItem(k)", KEY))


def test_a_stale_tab_answering_one_question_keeps_the_newer_pass(page, base_url):
    url = base_url + quiz_url("mandat")
    stale = page
    stale.goto(url)
    expect(stale.locator(".kk-quiz[data-ready]")).to_have_count(1)
    # A real pass, made in a browser profile of its own (a context shares no storage with another).
    elsewhere = page.context.browser.new_context()
    fresh = elsewhere.new_page()
    fresh.goto(url)
    answer_all(fresh, BANK, len(BANK.questions))
    expect(fresh.locator(".kk-quiz__summary")).to_contain_text("Bestått")
    passed = record(fresh)
    elsewhere.close()
    # Written behind the stale tab's back: a page is not told of its own writes, so it stays stale
    # as when the storage event is missed (a tab in the background, another window, the LMS frame).
    stale.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, json.dumps(passed)])
    q = BANK.questions[1]
    answer(stale, q, wrong(q))
    after = record(stale)
    assert len(after["answers"]) == len(BANK.questions)
    assert after["answers"][q.id]["a"] == passed["answers"][q.id]["a"]
    assert after["passed"] == passed["passed"] and after["best"] == passed["best"]
    assert after["result"]["passed"] is True
    # And the tab now shows the record it kept: every answer and the pass.
    expect(stale.locator(".kk-question[data-state]")).to_have_count(len(BANK.questions))
    expect(stale.locator(".kk-quiz__summary")).to_contain_text("Bestått")


def test_answers_and_progress_from_another_tab_show_without_a_reload(page, base_url):
    url = base_url + quiz_url("mandat")
    other = page.context.new_page()
    page.goto(url)
    expect(page.locator(".kk-quiz[data-ready]")).to_have_count(1)
    other.goto(base_url + "fremdrift/")
    expect(other.get_by_role("progressbar")).to_have_attribute("value", "0")
    q = BANK.questions[0]
    quiz_tab = other.context.new_page()
    quiz_tab.goto(url)
    answer(quiz_tab, q, right(q))
    expect(question(page, q)).to_have_attribute("data-state", "right")
    expect(option(page, q, right(q)[0]).locator("input")).to_be_checked()
    for rest in BANK.questions[1:]:
        answer(quiz_tab, rest, right(rest))
    expect(other.get_by_role("progressbar")).to_have_attribute("value", "1")
    expect(page.locator(".kk-question[data-state]")).to_have_count(len(BANK.questions))
    expect(page.locator(".kk-quiz__summary")).to_contain_text("Bestått")


def test_only_try_again_in_this_tab_replaces_the_passed_answers(page, base_url):
    url = base_url + quiz_url("mandat")
    page.goto(url)
    answer_all(page, BANK, len(BANK.questions))
    passed = record(page)
    page.get_by_role("button", name="Prøv igjen").click()
    q = BANK.questions[0]
    answer(page, q, wrong(q))
    after = record(page)
    assert list(after["answers"]) == [q.id]
    assert after["passed"] == passed["passed"]  # the module stays completed
    page.goto(base_url + "fremdrift/")
    expect(page.get_by_role("progressbar")).to_have_attribute("value", "1")
