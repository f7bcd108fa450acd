"""A facilitator runs a workshop: group mode for the quiz, presentation view on the projector."""

import re

import pytest
from playwright.sync_api import expect

from krisesenterkurs.quiz.schema import MatchingQuestion, OrderingQuestion
from tests.browser.quizpage import answer, banks, our_storage, question, quiz_url, right, tab_to_control, wrong
from tests.support import COURSE

pytestmark = pytest.mark.browser
BANK = banks()["mandat"]
PROJECTOR = {"width": 1024, "height": 768}
SMALLEST = 24  # px: the least any text may be on the projector

# Every visible text in the page's main area whose element is set smaller than SMALLEST, and
# every visible radio button or checkbox smaller than it. Text kept only for screen readers
# (clipped to a pixel) is not seen, so it does not count.
SMALL_TEXT = """smallest => {
    const where = el => {
        const names = [];
        for (let e = el; e && e !== document.body && names.length < 4; e = e.parentElement) {
            names.unshift(e.localName + [...e.classList].map(c => "." + c).join(""));
        }
        return names.join(" > ");
    };
    const seen = el => el.checkVisibility({opacityProperty: true, visibilityProperty: true})
        && el.getBoundingClientRect().width > 1 && el.getBoundingClientRect().height > 1;
    const small = [];
    const done = new Set();
    const walker = document.createTreeWalker(document.querySelector(".md-main"), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!node.data.trim() || done.has(el)) continue;
        done.add(el);
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (seen(el) && size < smallest) small.push(`${size}px ${where(el)}: ${node.data.trim().slice(0, 40)}`);
    }
    for (const box of document.querySelectorAll(".md-main input[type=radio], .md-main input[type=checkbox]")) {
        const r = box.getBoundingClientRect();
        if (seen(box) && Math.min(r.width, r.height) < smallest) {
            small.push(`${Math.round(r.width)}x${Math.round(r.height)}px ${where(box)}`);
        }
    }
    return small;
}"""


def present(page):
    """Presentation view on, from the header button."""
    toggle = page.get_by_role("button", name="Presentasjonsvisning")
    if toggle.get_attribute("aria-pressed") != "true":
        toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")


def test_group_mode_shows_answers_only_after_vis_svar_and_stores_nothing(quiz):
    before = our_storage(quiz)
    toggle = quiz.get_by_role("button", name="Gruppemodus")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(quiz.locator(".kk-quiz__summary")).to_have_text("Gruppemodus er slått på. Ingenting blir lagret.")
    expect(quiz.get_by_role("button", name="Sjekk svar")).to_have_count(0)
    for q in BANK.questions:
        box = question(quiz, q)
        # Matching and ordering show their answer in their own way (tests/browser/test_quiz_matching_ordering.py).
        choices = not isinstance(q, MatchingQuestion | OrderingQuestion)
        expect(box.locator(".kk-question__result")).to_be_hidden()
        expect(box.locator(".kk-option__mark:visible")).to_have_count(0)
        if choices:
            box.locator("input").first.check()  # the group may mark its choice
        box.get_by_role("button", name="Vis svar").click()
        expect(box.locator(".kk-question__explanation")).to_be_visible()
        expect(box.locator(".kk-question__source")).to_contain_text("Kilde:")
        expect(box.locator(".kk-question__verdict")).to_be_hidden()
        if choices:
            marks = box.locator(".kk-option__mark:visible")
            expect(marks).to_have_count(len(right(q)))
            expect(marks.first).to_contain_text("Riktig svar")
        expect(box.locator(".kk-question__result")).to_be_focused()
    expect(quiz.locator(".kk-quiz__summary")).not_to_contain_text("riktige")
    expect(quiz.locator(".kk-quiz__progress")).to_have_text("")
    assert our_storage(quiz) == before


def test_leaving_group_mode_brings_back_the_learners_own_answers(quiz):
    q = BANK.questions[0]
    answer(quiz, q, right(q))
    quiz.get_by_role("button", name="Gruppemodus").click()
    expect(question(quiz, q).locator(".kk-question__result")).to_be_hidden()
    quiz.get_by_role("button", name="Gruppemodus").click()
    expect(quiz.locator(".kk-quiz__summary")).to_have_text("Gruppemodus er slått av.")
    expect(question(quiz, q).locator(".kk-question__verdict")).to_contain_text("Riktig svar.")


def test_presentation_view_from_the_keyboard(page, base_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url + "moduler/mandat/")
    sidebar = page.locator(".md-sidebar--primary")
    expect(sidebar).to_be_visible()
    toggle = page.get_by_role("button", name="Presentasjonsvisning")
    tab_to_control(page, toggle)
    expect(toggle).to_be_focused()
    size = page.locator("article p").first.evaluate("p => parseFloat(getComputedStyle(p).fontSize)")
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(sidebar).to_be_hidden()
    expect(page.locator(".md-sidebar--secondary")).to_be_hidden()
    assert page.locator("article p").first.evaluate("p => parseFloat(getComputedStyle(p).fontSize)") > size * 1.2
    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    expect(sidebar).to_be_visible()
    toggle.focus()
    page.keyboard.press("Space")
    expect(toggle).to_have_attribute("aria-pressed", "true")
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-pressed", "false")


def test_presentation_view_lasts_across_instant_navigation(page, base_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url + "moduler/mandat/")
    page.get_by_role("button", name="Presentasjonsvisning").click()
    page.locator("a.md-footer__link--next").evaluate("a => a.click()")  # the footer is hidden, the link still works
    expect(page).to_have_url(re.compile("mer-enn-et-bosted/$"))
    expect(page.get_by_role("button", name="Presentasjonsvisning")).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()


def test_presentation_view_shows_every_text_large_enough_for_the_back_of_the_room(page, base_url):
    """At 1024x768 in presentation view nothing on the pages a workshop shows is under 24 px:
    not the boxes (the case, «Momenter til diskusjonen», quotes), the tabs or the tables, nor the
    quiz's questions, options, buttons and feedback, nor the conversation practice."""
    page.set_viewport_size(PROJECTOR)
    pages = [f"moduler/{case.parent.name}/case/" for case in sorted(COURSE.modules.glob("*/case.md"))]
    assert len(pages) >= 5
    pages += [
        "moduler/mandat/hva-tjenestene-bor-vite/",  # content tabs and a quote
        "moduler/barn-i-reetablering/barnets-egen-prosess/",  # a table
        "moduler/mandat/workshopleder/",  # tables and a blockquote
    ]
    small = {}
    for path in pages:
        page.goto(base_url + path)
        present(page)
        page.evaluate("document.querySelectorAll('.md-main details').forEach(d => { d.open = true; })")
        small[path] = page.evaluate(SMALL_TEXT, SMALLEST)
    page.goto(base_url + quiz_url("mandat"))
    expect(page.locator(".kk-quiz[data-ready]")).to_have_count(1)
    present(page)
    first, second = BANK.questions[:2]
    answer(page, first, wrong(first))  # feedback on the option and the explanation
    answer(page, second, right(second))
    small["quiz"] = page.evaluate(SMALL_TEXT, SMALLEST)
    page.goto(base_url + "moduler/mandat/samtaletrening/")
    expect(page.locator(".kk-scenario[data-ready]")).to_have_count(1)
    present(page)
    page.locator(".kk-scenario__option").first.click()  # the choice's feedback and «Fortsett»
    expect(page.locator(".kk-scenario__continue")).to_be_visible()
    small["samtaletrening"] = page.evaluate(SMALL_TEXT, SMALLEST)
    found = [f"{path}: {text}" for path, texts in small.items() for text in texts]
    assert not found, f"{len(found)} texts under {SMALLEST} px:\n" + "\n".join(found[:40])


def test_presentation_view_lasts_across_a_reload_until_esc(page, base_url):
    """A reload (the projector's laptop wakes up, F5) keeps the view; Esc leaves it for good. It is
    kept for this tab only, under the course's own prefix."""
    page.set_viewport_size(PROJECTOR)
    page.goto(base_url + "moduler/mandat/case/")
    present(page)
    page.reload()
    toggle = page.get_by_role("button", name="Presentasjonsvisning")
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(page.locator("body")).to_have_class(re.compile(r"\bkk-present\b"))
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    assert page.evaluate("Object.keys(sessionStorage)") == ["krisesenterkurs:/:present"]
    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    page.reload()
    expect(page.get_by_role("button", name="Presentasjonsvisning")).to_have_attribute("aria-pressed", "false")
    expect(page.locator(".md-sidebar--primary")).to_be_visible()
    assert page.evaluate("Object.keys(sessionStorage)") == []


# The glyph the button used to show: Debian's fonts have none for it, so it was an empty box.
SYMBOL = re.compile("\u26f6")
HEADER_TEXT = """() => {
    const texts = [];
    const walker = document.createTreeWalker(document.querySelector(".md-header"), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (node.data.trim() && el.checkVisibility({opacityProperty: true, visibilityProperty: true})) {
            texts.push(node.data.trim());
        }
    }
    return texts;
}"""


def test_presentation_button_has_a_drawn_icon_and_leaves_the_phone_alone(page, base_url):
    """The button shows Material's projector icon (an SVG, not a font glyph), named and pressed
    for a screen reader; on a 390 px phone there is no button and the view does not apply."""
    page.set_viewport_size(PROJECTOR)
    page.goto(base_url + "moduler/mandat/case/")
    toggle = page.get_by_role("button", name="Presentasjonsvisning")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    icon = toggle.locator("svg[aria-hidden='true'] path")
    expect(icon).to_have_count(1)
    box = toggle.locator("svg").bounding_box()
    assert box and box["width"] >= 16 and box["height"] >= 16
    assert toggle.evaluate("b => b.textContent.trim()") == "Presentasjonsvisning"
    assert not [t for t in page.evaluate(HEADER_TEXT) if SYMBOL.search(t)]
    present(page)
    page.set_viewport_size({"width": 390, "height": 844})
    expect(toggle).to_be_hidden()
    expect(page.locator(".md-header__option").first).to_be_visible()  # the view's hiding is off
    assert page.locator("article p").first.evaluate("p => parseFloat(getComputedStyle(p).fontSize)") < 20
    page.reload()
    expect(page.locator(".md-header")).to_be_visible()
    assert not [t for t in page.evaluate(HEADER_TEXT) if SYMBOL.search(t)], page.evaluate(HEADER_TEXT)
    expect(page.locator(".kk-present-toggle")).to_be_hidden()


def test_on_a_projector_the_header_keeps_the_course_title_whole(page, base_url):
    """At 1024 px the two workshop buttons show their icons only (their labels stay their names),
    so the course's title is not cut short beside them."""
    page.set_viewport_size(PROJECTOR)
    page.goto(base_url + "moduler/mandat/case/")
    for name in ("Presentasjonsvisning", "Lysbildevisning"):
        expect(page.get_by_role("button", name=name)).to_be_visible()
    title = page.locator(".md-header__topic").first.locator(".md-ellipsis")
    expect(title).to_have_text("Krisesentertilbudet i kommunene")
    assert title.evaluate("e => e.scrollWidth <= e.clientWidth"), "the title is cut short"


# The guides name their recommended group questions by their first words, «… …», in the section
# «Quizen i gruppen»; the 90-minute agenda takes the first few of them, the 3-hour one all.
FIRST_WORDS = re.compile(r"«([^«»]+?) …»")
NINETY_MINUTES = {
    "mandat": 4,
    "barn-i-reetablering": 4,
    "voksne-i-reetablering": 4,
    "personer-som-utover-vold": 4,
    "fortsettelsesvold": 3,
}


def recommended(module) -> list[str]:
    """The question ids the module's guide recommends for the group, in the guide's order."""
    guide = (COURSE.modules / module.folder / "workshopleder.md").read_text(encoding="utf-8")
    section = guide.split("\n## Quizen i gruppen\n", 1)[1].split("\n## ", 1)[0]
    bank = banks()[module.meta.bank]
    ids = []
    for words in FIRST_WORDS.findall(section):
        found = [q.id for q in bank.questions if q.prompt.startswith(words)]
        assert len(found) == 1, f"{module.folder}: «{words} …» names {found}"
        ids.append(found[0])
    return ids


def test_each_group_page_holds_exactly_the_guides_questions_for_each_agenda(page, base_url):
    """Per module, «Quizen i gruppen» (gruppe.md, linked from the guide) shows the questions the
    guide recommends, in group mode without a switch: the first few for 90 minutes, all of them
    for 3 hours."""
    from krisesenterkurs.course.modules import course_modules

    modules = course_modules(COURSE)
    assert sorted(m.folder for m in modules) == sorted(NINETY_MINUTES)
    for module in modules:
        ids = recommended(module)
        assert len(ids) == 6, module.folder
        page.goto(base_url + f"moduler/{module.folder}/workshopleder/")
        expect(page.locator('article a[href$="/gruppe/"]').first).to_be_visible()
        page.goto(base_url + f"moduler/{module.folder}/gruppe/")
        quizzes = page.locator(".kk-quiz[data-ready]")
        expect(quizzes).to_have_count(2)
        shown = [
            quizzes.nth(i).locator("fieldset.kk-question").evaluate_all("fs => fs.map(f => f.dataset.qid)")
            for i in (0, 1)
        ]
        assert shown == [ids[: NINETY_MINUTES[module.folder]], ids], module.folder
        expect(page.locator("article h2")).to_contain_text(["90 minutter", "3 timer"])
        for i in (0, 1):
            expect(quizzes.nth(i)).to_have_attribute("data-mode", "group")
        expect(page.get_by_role("button", name="Gruppemodus")).to_have_count(0)
        expect(page.get_by_role("button", name="Sjekk svar")).to_have_count(0)
        expect(page.get_by_role("button", name="Vis svar")).to_have_count(len(ids) + NINETY_MINUTES[module.folder])


def test_group_mode_lasts_across_a_reload_for_the_tab_and_is_never_progress(quiz):
    """Switched on, group mode survives a reload (the projector's laptop wakes up) for this tab
    only: sessionStorage under the course's prefix, nothing in the learner's record. Off again,
    a reload brings back the learner's own quiz."""
    before = our_storage(quiz)
    quiz.get_by_role("button", name="Gruppemodus").click()
    quiz.reload()
    expect(quiz.locator(".kk-quiz[data-ready]")).to_have_count(1)
    toggle = quiz.get_by_role("button", name="Gruppemodus")
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(quiz.locator(".kk-quiz")).to_have_attribute("data-mode", "group")
    expect(quiz.get_by_role("button", name="Vis svar")).to_have_count(len(BANK.questions))
    expect(quiz.get_by_role("button", name="Sjekk svar")).to_have_count(0)
    assert quiz.evaluate("Object.keys(sessionStorage)") == ["krisesenterkurs:/:group:mandat"]
    assert our_storage(quiz) == before
    toggle.click()
    quiz.reload()
    expect(quiz.locator(".kk-quiz[data-ready]")).to_have_count(1)
    expect(quiz.get_by_role("button", name="Gruppemodus")).to_have_attribute("aria-pressed", "false")
    expect(quiz.get_by_role("button", name="Sjekk svar")).to_have_count(len(BANK.questions))
    assert quiz.evaluate("Object.keys(sessionStorage)") == []


def test_a_learner_alone_meets_the_questions_before_the_group_mode_switch(quiz):
    """Tabbing into the quiz, the first control is the first question's; «Gruppemodus» comes after
    the last question, still reachable from the keyboard."""
    first = quiz.locator(".kk-question").first
    quiz.locator("article h1").evaluate("h => { h.tabIndex = -1; h.focus(); }")
    for _ in range(60):
        quiz.keyboard.press("Tab")
        if quiz.evaluate("document.activeElement.closest('.kk-quiz') !== null"):
            break
    assert first.evaluate("q => q.contains(document.activeElement)"), quiz.evaluate("document.activeElement.outerHTML")
    toggle = quiz.get_by_role("button", name="Gruppemodus")
    last = quiz.locator(".kk-question").last
    assert last.evaluate(
        "(q, t) => !!(q.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING)", toggle.element_handle()
    )
    tab_to_control(quiz, toggle, limit=200)
    expect(toggle).to_be_focused()
    quiz.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-pressed", "true")
