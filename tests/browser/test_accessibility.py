"""A learner with assistive technology: axe-core finds no WCAG 2.1 A/AA violation."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.quizpage import answer, banks, modules, quiz_url, right, wrong

pytestmark = pytest.mark.browser
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
axe = Axe()


def site_pages(served_course):
    root = served_course["dir"]
    folders = [p.parent.relative_to(root).as_posix() for p in root.rglob("index.html")]
    return sorted("" if f == "." else f + "/" for f in folders)


@pytest.fixture
def open_page(browser, base_url):
    """A page in the given colour scheme. Reduced motion, so that axe measures colours after
    transitions have ended rather than halfway through one."""
    contexts = []

    def make(scheme="light"):
        context = browser.new_context(color_scheme=scheme, reduced_motion="reduce", base_url=base_url)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def violations(page):
    found = axe.run(page, options=WCAG).response["violations"]
    return [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in found]


def pages_to_check(served_course):
    """Every page under MkDocs. Under Zensical, whose run repeats the same Markdown through another
    theme, one page of each kind: the course's own pages, every page of the first module (a page of
    each kind a module has) and each module's first page. That keeps the two-engine run in budget."""
    pages = site_pages(served_course)
    if served_course["engine"] == "mkdocs":
        return pages
    first = modules()[0].folder
    return [p for p in pages if not p.startswith("moduler/") or p.startswith(f"moduler/{first}/") or p.count("/") == 2]


def test_every_page_in_light_mode(open_page, served_course):
    page = open_page()
    pages = pages_to_check(served_course)
    assert len(pages) > (30 if served_course["engine"] == "mkdocs" else 15)
    problems = {}
    for path in pages:
        page.goto(path)
        if found := violations(page):
            problems[path] = found
    assert problems == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_quiz_in_every_state(open_page, scheme):
    page = open_page(scheme)
    page.goto(quiz_url("mandat"))
    bank = banks()["mandat"]
    assert violations(page) == [], "unanswered"
    answer(page, bank.questions[0], right(bank.questions[0]))
    answer(page, bank.questions[1], wrong(bank.questions[1]))
    page.locator(".kk-question").nth(2).get_by_role("button", name="Sjekk svar").click()  # nothing chosen
    assert violations(page) == [], "checked right and wrong"
    for q in bank.questions[2:]:
        answer(page, q, right(q))
    assert violations(page) == [], "finished"


def test_content_pages_in_dark_mode(open_page):
    page = open_page("dark")
    for path in ["", "moduler/mandat/hva-tjenestene-bor-vite/", "moduler/fortsettelsesvold/tre-former/", "ordliste/"]:
        page.goto(path)
        assert violations(page) == [], path
