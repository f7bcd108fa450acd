"""A learner reloads or comes back: answers and result are kept, or the quiz says why not."""

import json

import pytest
from playwright.sync_api import expect

from tests.browser.quizpage import answer, answer_all, banks, needed_to_pass, option, question, quiz_url, right, wrong

# mkdocs_only: the learner-record logic (record.js, storage.js and the page's script) on the
# extensions' own markup, which both engines write alike; the Zensical run would repeat it unchanged.
pytestmark = [pytest.mark.browser, pytest.mark.mkdocs_only]
BANK = banks()["mandat"]


def stored(page):
    return page.evaluate(
        """() => Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))"""
    )


@pytest.fixture
def url(base_url):
    return base_url + quiz_url("mandat")


def test_reload_restores_every_checked_question_and_the_result(page, url):
    page.goto(url)
    k = needed_to_pass(BANK)
    answer_all(page, BANK, k)
    expect(page.locator(".kk-quiz__summary")).to_contain_text("Bestått")
    page.reload()
    expect(page.locator(".kk-quiz[data-ready]")).to_have_count(1)
    expect(page.locator(".kk-question[data-state]")).to_have_count(len(BANK.questions))
    expect(page.locator('.kk-question[data-state="right"]')).to_have_count(k)
    expect(page.locator(".kk-quiz__summary")).to_contain_text(f"{k} av {len(BANK.questions)} riktige")
    q = BANK.questions[-1]
    expect(option(page, q, wrong(q)[0]).locator("input")).to_be_checked()


def test_storage_key_carries_course_prefix_site_and_bank(page, url):
    page.goto(url)
    q = BANK.questions[0]
    answer(page, q, right(q))
    data = {k: v for k, v in stored(page).items() if k.startswith("krisesenterkurs") and ":theme" not in k}
    assert sorted(data) == ["krisesenterkurs:/:progress", "krisesenterkurs:/:quiz:mandat"]
    record = json.loads(data["krisesenterkurs:/:quiz:mandat"])
    entry = record["answers"][q.id]
    assert {k: entry[k] for k in ("h", "a")} == {"h": q.content_hash(), "a": right(q)}
    assert "result" not in record


def test_result_is_stored_with_the_bank_version(page, url):
    page.goto(url)
    answer_all(page, BANK, len(BANK.questions))
    record = json.loads(stored(page)["krisesenterkurs:/:quiz:mandat"])
    assert record["result"]["h"] == BANK.content_hash()
    assert record["result"]["passed"] is True and record["result"]["percent"] == 100


def test_an_edited_question_does_not_get_the_old_answer(page, url):
    page.goto(url)
    first, second = BANK.questions[0], BANK.questions[1]
    answer(page, first, right(first))
    answer(page, second, right(second))
    # What an author's edit of the first question looks like to the stored answers.
    page.evaluate(
        """([key, qid]) => {
        const r = JSON.parse(localStorage.getItem(key)); r.answers[qid].h = "older-version"; localStorage.setItem(key, JSON.stringify(r));
    }""",
        ["krisesenterkurs:/:quiz:mandat", first.id],
    )
    page.reload()
    expect(question(page, first).locator(".kk-question__result")).to_be_hidden()
    expect(question(page, first).locator("input:checked")).to_have_count(0)
    expect(question(page, second).locator(".kk-question__result")).to_be_visible()


THROWING_STORAGE = """
Object.defineProperty(window, 'localStorage', {
  configurable: true,
  get() { throw new DOMException('Storage is disabled', 'SecurityError'); }
});
"""

FULL_STORAGE = """
Storage.prototype.setItem = function () { throw new DOMException('Quota exceeded', 'QuotaExceededError'); };
"""


@pytest.mark.parametrize("script", [THROWING_STORAGE, FULL_STORAGE], ids=["blocked", "full"])
def test_quiz_works_without_storage_and_says_so_once(page, url, script):
    page.add_init_script(script)
    errors = []
    page.on("pageerror", lambda e: errors.append(e))
    page.goto(url)
    answer_all(page, BANK, len(BANK.questions))
    expect(page.locator(".kk-quiz__summary")).to_contain_text("Bestått")
    notice = page.locator(".kk-quiz__notice:visible")
    expect(notice).to_have_count(1)
    expect(notice).to_contain_text("kan ikke lagres")
    # None of the course's scripts (nor the theme's storage helpers the course overrides) may throw.
    assert not [e for e in errors if "/assets/krisesenterkurs/" in (e.stack or "") or "__md_" in (e.stack or "")], (
        errors
    )


def test_garbage_in_storage_is_ignored_with_a_notice_and_replaced_when_the_learner_acts(page, url):
    key = "krisesenterkurs:/:quiz:mandat"
    page.add_init_script(f"""if (!sessionStorage.getItem('seeded')) {{
        localStorage.setItem({json.dumps(key)}, '{{not json');
        sessionStorage.setItem('seeded', '1');
    }}""")
    page.goto(url)
    expect(page.locator(".kk-quiz__notice")).to_contain_text("kunne ikke leses")
    assert stored(page)[key] == "{not json"  # kept until the learner acts
    q = BANK.questions[0]
    answer(page, q, right(q))
    assert json.loads(stored(page)[key])["answers"][q.id]["a"] == right(q)


def test_answers_after_instant_navigation_from_another_depth_are_kept(page, base_url):
    # The first page loaded decides Material's __config; the quiz page is three folders deeper.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url)
    page.evaluate("window.__sameDocument = true")
    page.locator(".md-tabs").get_by_role("link", name="Moduler").click()
    page.locator(".md-nav--primary").get_by_role("link", name="Test deg selv").first.click()
    expect(page.locator(".kk-quiz[data-ready]")).to_have_count(1)
    assert page.evaluate("window.__sameDocument") is True
    q = BANK.questions[0]
    answer(page, q, right(q))
    assert "krisesenterkurs:/:quiz:mandat" in stored(page)
    page.reload()
    expect(question(page, q).locator(".kk-question__result")).to_be_visible()


def shown(page, q):
    """The question's options as the page shows them: the author's indices, in order."""
    return question(page, q).locator(".kk-option").evaluate_all("els => els.map(e => Number(e.dataset.index))")


def test_options_keep_their_drawn_order_across_a_reload_and_get_a_new_one_on_retry(page, url):
    from krisesenterkurs.quiz.schema import MultipleQuestion, SingleQuestion, TrueFalseQuestion

    drawn = [q for q in BANK.questions if isinstance(q, (SingleQuestion, MultipleQuestion))]
    truefalse = [q for q in BANK.questions if isinstance(q, TrueFalseQuestion)]
    assert len(drawn) > 3 and truefalse
    page.goto(url)
    expect(page.locator(".kk-quiz[data-ready]")).to_have_count(1)
    answer(page, BANK.questions[0], right(BANK.questions[0]))  # the attempt begins, with its order
    before = {q.id: shown(page, q) for q in drawn}
    assert any(order != sorted(order) for order in before.values()), before  # not the author's order
    assert all(shown(page, q) == [0, 1] for q in truefalse)  # Sant, Usant: never mixed
    page.reload()
    expect(page.locator(".kk-quiz[data-ready]")).to_have_count(1)
    assert {q.id: shown(page, q) for q in drawn} == before
    page.get_by_role("button", name="Prøv igjen").click()
    after = {q.id: shown(page, q) for q in drawn}
    assert after != before  # a new attempt, a new order
    answer(page, BANK.questions[0], right(BANK.questions[0]))
    page.reload()
    expect(page.locator(".kk-quiz[data-ready]")).to_have_count(1)
    assert {q.id: shown(page, q) for q in drawn} == after
    # Group mode (workshops) shows the author's order, as print and the no-JavaScript view do.
    page.get_by_role("button", name="Gruppemodus").click()
    assert all(shown(page, q) == sorted(shown(page, q)) for q in drawn)
