"""A learner whose browser runs no JavaScript can still read everything, but sees no answers."""

import pytest
from playwright.sync_api import expect

from tests.browser.quizpage import banks, quiz_url

pytestmark = pytest.mark.browser


@pytest.fixture
def no_js_page(browser, base_url):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    page = context.new_page()
    yield page
    context.close()


def test_questions_are_readable_and_answers_stay_hidden(no_js_page, base_url):
    page = no_js_page
    page.goto(base_url + quiz_url("mandat"))
    bank = banks()["mandat"]
    expect(page.locator("fieldset legend")).to_have_count(len(bank.questions))
    expect(page.locator(".kk-quiz__noscript")).to_be_visible()
    expect(page.locator(".kk-quiz__noscript")).to_contain_text("JavaScript")
    expect(page.get_by_role("button", name="Sjekk svar")).to_have_count(0)
    expect(page.locator(".kk-question input").first).to_be_visible()
    expect(
        page.locator(".kk-question__result:visible, .kk-option__feedback:visible, .kk-option__mark:visible")
    ).to_have_count(0)
    body = page.locator("article").inner_text()
    for word in ("Riktig svar", "Du valgte dette", "Forklaring", "Kilde:"):
        assert word not in body


def test_every_page_reads_without_javascript(no_js_page, base_url, served_course):
    from tests.browser.test_accessibility import site_pages

    for path in site_pages(served_course):
        no_js_page.goto(base_url + path)
        expect(no_js_page.locator("article h1")).to_be_visible()
        text = no_js_page.locator("article").inner_text()
        assert len(text) > 200, path
        for link in ("Moduler", "Oppslag"):
            expect(no_js_page.locator(".md-tabs").get_by_role("link", name=link)).to_be_attached()
