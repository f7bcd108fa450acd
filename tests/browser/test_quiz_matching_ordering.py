"""A learner answers matching and ordering questions by keyboard only, and reads what was right.

Its own small site, so that each question's items and keys are known to the test; the course's
banks' matching and ordering questions are answered by the LMS full-pass test."""

import re
import shutil
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

import krisesenterkurs
from krisesenterkurs.publishing.hosting import SECURITY_HEADERS
from tests.support import run_build, serve
from tests.support import url as address

# mkdocs_only: its fixture site is built with MkDocs; the Zensical run would repeat it unchanged.
pytestmark = [pytest.mark.browser, pytest.mark.mkdocs_only]
FIXTURE = Path(__file__).parent.parent / "fixtures" / "site"
CATEGORIES = ["NAV", "Barnevernstjenesten", "Krisesenteret"]
ITEMS = [("Økonomisk stønad", "NAV"), ("Oppfølging av barnet", "Barnevernstjenesten"), ("Botilbud", "Krisesenteret")]
STEPS = ["Lytt", "Skriv ned barnets egne ord", "Følg rutinen for opplysningsplikt", "Avtal neste samtale"]
BANK = {
    "id": "typer",
    "title": "Alle typer",
    "pass_mark": 50,
    "questions": [
        {
            "id": "match",
            "type": "matching",
            "prompt": "Hvem gjør hva?",
            "categories": CATEGORIES,
            "items": [{"text": t, "category": c} for t, c in ITEMS],
            "explanation": "Forklaring.",
            "source": "Kilde",
            "learn_more": "index.md#ansvar",
        },
        {
            "id": "steg",
            "type": "ordering",
            "prompt": "Sett stegene i rekkefølge.",
            "steps": STEPS,
            "explanation": "Forklaring.",
            "source": "Kilde",
            "learn_more": "index.md#nar-et-barn-forteller",
        },
    ],
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("types") / "site"
    shutil.copytree(FIXTURE, root)
    (root / "quizzes").mkdir(exist_ok=True)
    (root / "quizzes" / "typer.yml").write_text(yaml.safe_dump(BANK, allow_unicode=True), encoding="utf-8")
    (root / "docs" / "index.md").write_text("# Forside\n\n## Ansvar\n\nTekst.\n\n## Når et barn forteller\n\nTekst.\n")
    (root / "docs" / "quiz.md").write_text("# Quiz\n\n/// quiz | typer\n///\n")
    config = root / "mkdocs.yml"
    theme = Path(krisesenterkurs.__file__).parent / "theme"
    text = config.read_text().replace("  font: false\n", f"  font: false\n  custom_dir: {theme}\n")
    config.write_text(text + "extra_css:\n  - assets/krisesenterkurs/course.css\n")
    server = serve(root / "out", SECURITY_HEADERS)
    result = run_build(root, root / "out", site_url=address(server))
    assert result.returncode == 0, result.stderr
    yield address(server)
    server.shutdown()
    server.server_close()


@pytest.fixture
def quiz(page, site):
    page.goto(site + "quiz/")
    expect(page.locator(".kk-quiz[data-ready]")).to_have_count(1)
    return page


def box(page, qid):
    return page.locator(f'fieldset[data-qid="{qid}"]')


def shown_steps(page):
    return box(page, "steg").locator(".kk-order__text").all_inner_texts()


def step_of(page, text):
    """The step whose own text is `text` (has_text alone would also match the buttons' words)."""
    own = page.locator(".kk-order__text", has_text=re.compile(f"^{re.escape(text)}$"))
    return box(page, "steg").locator(".kk-order__step").filter(has=own)


def order_by_keyboard(page, want):
    """Put the steps in `want` with the move buttons, by keyboard only: focus a step's button, Enter."""
    for place, text in enumerate(want):
        while shown_steps(page).index(text) > place:
            step_of(page, text).get_by_role("button", name="Flytt opp").focus()
            page.keyboard.press("Enter")


def match_by_keyboard(page, choice):
    """Choose a category for each item with the keyboard: focus its select, arrow keys from the top."""
    for item, category in choice:
        select = box(page, "match").get_by_role("combobox", name=item)
        select.focus()
        page.keyboard.press("Home")  # the placeholder, «Velg …»
        for _ in range(CATEGORIES.index(category) + 1):
            page.keyboard.press("ArrowDown")
        expect(select).to_have_value(str(CATEGORIES.index(category)))


def test_each_item_is_a_select_named_by_the_item_and_each_step_has_named_move_buttons(quiz):
    for item, _ in ITEMS:
        select = box(quiz, "match").get_by_role("combobox", name=item)
        expect(select).to_be_visible()
        assert select.locator("option").all_inner_texts() == ["Velg …", *CATEGORIES]
    for text in STEPS:
        # The button's name says what it does, its description which step it moves.
        up = step_of(quiz, text).get_by_role("button", name="Flytt opp")
        expect(up).to_have_accessible_description(text)
    assert shown_steps(quiz) != STEPS  # never shown in the right order


def test_matching_answered_right_wrong_and_partly_right(quiz, page):
    match_by_keyboard(quiz, [(i, c) for i, c in ITEMS[:2]])
    box(quiz, "match").get_by_role("button", name="Sjekk svar").press("Enter")
    expect(box(quiz, "match").locator(".kk-question__status")).to_have_text(
        "Velg en kategori for hvert punkt før du sjekker."
    )
    # Partly right: two of three, and the whole question counts as wrong.
    match_by_keyboard(quiz, [(ITEMS[2][0], "NAV")])
    box(quiz, "match").get_by_role("button", name="Sjekk svar").press("Enter")
    expect(box(quiz, "match").locator(".kk-question__verdict")).to_have_text(re.compile(r"✗\s*Feil svar\."))
    marks = box(quiz, "match").locator(".kk-match__item .kk-option__mark")
    expect(marks.nth(0)).to_have_text(re.compile(r"✓\s*Riktig"))
    expect(marks.nth(2)).to_have_text(re.compile(r"✗\s*Feil\. Riktig er: Krisesenteret"))
    for item, _ in ITEMS:
        expect(box(quiz, "match").get_by_role("combobox", name=item)).to_be_disabled()
    # Kept: a reload shows the same answer and marks.
    quiz.reload()
    expect(box(quiz, "match").locator(".kk-match__item .kk-option__mark").nth(2)).to_contain_text("Krisesenteret")
    expect(box(quiz, "match").get_by_role("combobox", name=ITEMS[2][0])).to_have_value("0")


def test_matching_right(quiz):
    match_by_keyboard(quiz, ITEMS)
    box(quiz, "match").get_by_role("button", name="Sjekk svar").press("Enter")
    expect(box(quiz, "match").locator(".kk-question__verdict")).to_have_text(re.compile(r"✓\s*Riktig svar\."))


def test_ordering_by_keyboard_announces_each_move_and_scores_the_whole_order(quiz):
    steps = box(quiz, "steg")
    first = shown_steps(quiz)[0]
    expect(steps.locator(".kk-order__step").first.get_by_role("button", name="Flytt opp")).to_be_disabled()
    step_of(quiz, first).get_by_role("button", name="Flytt ned").focus()
    quiz.keyboard.press("Enter")
    assert shown_steps(quiz)[1] == first
    expect(steps.locator(".kk-order__live")).to_have_text(f"«{first}» er nå nummer 2 av 4.")
    # The focus stays on the moved step's button, so the learner can go on moving it.
    assert quiz.evaluate("document.activeElement.closest('.kk-order__step').textContent").find(first) >= 0
    # Partly right: the first two in place, the last two swapped.
    order_by_keyboard(quiz, [STEPS[0], STEPS[1], STEPS[3], STEPS[2]])
    assert shown_steps(quiz) == [STEPS[0], STEPS[1], STEPS[3], STEPS[2]]
    steps.get_by_role("button", name="Sjekk svar").press("Enter")
    expect(steps.locator(".kk-question__verdict")).to_have_text(re.compile(r"✗\s*Feil svar\."))
    marks = steps.locator(".kk-option__mark")
    expect(marks.nth(0)).to_have_text(re.compile(r"✓\s*Riktig plass"))
    expect(marks.nth(2)).to_have_text(re.compile(r"✗\s*Feil plass\. Riktig er nummer 4\."))
    expect(steps.locator(".kk-order__moves").first).to_be_hidden()


def test_ordering_right_then_the_review_lists_only_the_wrong_question_with_its_page(quiz, site):
    order_by_keyboard(quiz, STEPS)
    box(quiz, "steg").get_by_role("button", name="Sjekk svar").press("Enter")
    expect(box(quiz, "steg").locator(".kk-question__verdict")).to_have_text(re.compile(r"✓\s*Riktig svar\."))
    match_by_keyboard(quiz, [(ITEMS[0][0], "Krisesenteret"), *ITEMS[1:]])
    box(quiz, "match").get_by_role("button", name="Sjekk svar").press("Enter")
    # The last answer finishes the quiz: the result has the focus, and below it the review.
    expect(quiz.locator(".kk-quiz__summary")).to_be_focused()
    expect(quiz.locator(".kk-quiz__summary")).to_contain_text("1 av 2 riktige (50 %)")
    review = quiz.locator(".kk-quiz__review")
    expect(review.locator("li")).to_have_count(1)
    expect(review.locator("li")).to_contain_text("Spørsmål 1 av 2: Hvem gjør hva?")
    more = review.get_by_role("link", name="Les mer: Ansvar")
    expect(more).to_have_attribute("href", re.compile(r"#ansvar$"))
    more.click()
    expect(quiz).to_have_url(re.compile(r"/#ansvar$"))
    expect(quiz.locator("h2#ansvar")).to_be_visible()


def test_group_mode_shows_the_right_match_and_order_and_judges_no_one(quiz):
    quiz.get_by_role("button", name="Gruppemodus").click()
    written = shown_steps(quiz)
    assert written != STEPS
    box(quiz, "steg").get_by_role("button", name="Vis svar").click()
    assert shown_steps(quiz) == STEPS
    expect(box(quiz, "steg").locator(".kk-option__mark").first).to_have_text(re.compile(r"→\s*Nummer 1 i riktig"))
    box(quiz, "match").get_by_role("button", name="Vis svar").click()
    expect(box(quiz, "match").locator(".kk-option__mark").nth(0)).to_have_text(re.compile(r"Riktig svar: NAV"))
    expect(quiz.locator(".kk-question__verdict:visible")).to_have_count(0)


def test_without_javascript_both_types_read_and_give_nothing_away(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "quiz/")
    assert shown_steps(page) != STEPS
    expect(box(page, "steg").locator(".kk-order__moves").first).to_be_hidden()
    expect(box(page, "match").get_by_role("combobox", name=ITEMS[0][0])).to_have_value("")
    expect(page.locator(".kk-question__result").first).to_be_hidden()
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_in_any_state(browser, site, scheme):
    from tests.browser.test_accessibility import WCAG, axe

    def violations(page):
        # The quiz only: the rest of this fixture site is Material's, not the course's.
        found = axe.run(page, context=".kk-quiz", options=WCAG).response["violations"]
        return [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in found]

    context = browser.new_context(color_scheme=scheme, reduced_motion="reduce")
    page = context.new_page()
    page.goto(site + "quiz/")
    expect(page.locator(".kk-quiz[data-ready]")).to_have_count(1)
    assert violations(page) == [], "unanswered"
    box(page, "match").get_by_role("button", name="Sjekk svar").click()  # nothing chosen
    match_by_keyboard(page, [(ITEMS[0][0], "NAV")])
    assert violations(page) == [], "partly chosen, told to choose all"
    match_by_keyboard(page, [(i, "NAV") for i, _ in ITEMS])
    box(page, "match").get_by_role("button", name="Sjekk svar").click()
    box(page, "steg").get_by_role("button", name="Sjekk svar").click()
    expect(page.locator(".kk-quiz__review")).to_be_visible()
    assert violations(page) == [], "finished, with the review"
    page.get_by_role("button", name="Gruppemodus").click()
    for qid in ("match", "steg"):
        box(page, qid).get_by_role("button", name="Vis svar").click()
    assert violations(page) == [], "group mode, answers shown"
    context.close()
