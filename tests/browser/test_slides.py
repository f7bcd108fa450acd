"""A facilitator shows a page as slides: one section, question or scenario step at a time,
stepped through with a presentation clicker's keys, in type the back row can read."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.quizpage import tab_to_control
from tests.browser.test_accessibility import violations
from tests.browser.test_workshop import SMALL_TEXT, SMALLEST
from tests.support import COURSE

pytestmark = pytest.mark.browser
SLIDE = {"width": 1280, "height": 720}
PHONE = {"width": 390, "height": 844}
STATUS = re.compile(r"^Lysbilde (\d+) av (\d+)$")
# What the slide's focus lands on: its heading (a box's title or a question's legend count).
ON_A_HEADING = """() => document.activeElement.matches(
    "h1, h2, h3, h4, h5, h6, legend, .admonition-title, summary, .kk-scenario__step, .kk-scenario__heading")"""
# Everything on the slide is above the bar at the foot, and nothing scrolls.
OUT_OF_THE_SLIDE = """() => {
    const bar = document.querySelector(".kk-slidebar").getBoundingClientRect();
    const out = [];
    const page = document.documentElement;
    if (page.scrollHeight > innerHeight + 1) out.push(`the page scrolls: ${page.scrollHeight}px`);
    if (page.scrollWidth > innerWidth + 1) out.push(`the page is ${page.scrollWidth}px wide`);
    for (const el of document.querySelectorAll("article.md-content__inner *")) {
        const r = el.getBoundingClientRect();
        if (r.width <= 1 || r.height <= 1 || !el.checkVisibility()) continue;
        if (r.bottom > bar.top + 1) out.push(`${el.localName}.${el.className} ends at ${Math.round(r.bottom)}px`);
    }
    return out.slice(0, 5);
}"""


def status(page):
    bar = page.locator(".kk-slidebar__status")
    expect(bar).to_have_text(STATUS)
    n, total = STATUS.match(bar.inner_text()).groups()
    return int(n), int(total)


def open_slides(page, base_url, path, load=True):
    page.set_viewport_size(SLIDE)
    if load:
        page.goto(base_url + path)
    expect(page.locator(".kk-quiz:not([data-ready]), .kk-scenario:not([data-ready])")).to_have_count(0)
    toggle = page.locator(".kk-slides-toggle")
    if toggle.get_attribute("aria-pressed") != "true":  # on already when a page before left it on
        page.get_by_role("button", name="Lysbildevisning", exact=True).click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    assert status(page)[0] == 1


def every_slide(page):
    """Steps through the slides from the first with Page Down, yielding each slide's number."""
    n, total = status(page)
    assert n == 1
    for i in range(1, total + 1):
        expect(page.locator(".kk-slidebar__status")).to_have_text(f"Lysbilde {i} av {total}")
        yield i
        if i < total:
            page.keyboard.press("PageDown")
    expect(page.get_by_role("button", name="Neste lysbilde")).to_be_disabled()


def test_slides_are_stepped_through_by_keyboard_alone(page, base_url):
    """Tab to «Lysbildevisning», Enter; then the keys a clicker sends: → PageDown space forward,
    ← PageUp back. «Lysbilde n av m» is announced (aria-live) and the focus lands on the slide's
    heading; the bar's buttons step too; Esc leaves, with the page whole again and the focus on
    the button that starts the slides."""
    page.set_viewport_size(SLIDE)
    page.goto(base_url + "moduler/mandat/case/")
    toggle = page.get_by_role("button", name="Lysbildevisning", exact=True)
    expect(toggle).to_have_attribute("aria-pressed", "false")
    tab_to_control(page, toggle)
    expect(toggle).to_be_focused()
    page.keyboard.press("Enter")
    bar = page.get_by_role("navigation", name="Lysbildevisning")
    expect(bar).to_be_visible()
    live = bar.locator(".kk-slidebar__status")
    expect(live).to_have_attribute("aria-live", "polite")
    n, total = status(page)
    assert (n, total >= 4) == (1, True)
    expect(page.locator("article h1")).to_be_focused()
    expect(page.locator(".md-header")).to_be_hidden()
    for key, at in (("ArrowRight", 2), ("PageDown", 3), ("Space", 4), ("ArrowLeft", 3), ("PageUp", 2)):
        page.keyboard.press(key)
        expect(live).to_have_text(f"Lysbilde {at} av {total}")
        assert page.evaluate(ON_A_HEADING), (key, page.evaluate("document.activeElement.outerHTML.slice(0, 80)"))
    page.keyboard.press("PageUp")
    expect(live).to_have_text(f"Lysbilde 1 av {total}")
    page.keyboard.press("ArrowLeft")  # nothing before the first
    expect(live).to_have_text(f"Lysbilde 1 av {total}")
    expect(bar.get_by_role("button", name="Forrige lysbilde")).to_be_disabled()
    following = bar.get_by_role("button", name="Neste lysbilde")
    following.click()
    expect(live).to_have_text(f"Lysbilde 2 av {total}")
    expect(following).to_be_focused()
    page.keyboard.press("Space")  # presses the focused button: one step, not two
    expect(live).to_have_text(f"Lysbilde 3 av {total}")
    page.keyboard.press("ArrowRight")  # a clicker's arrow still turns the slide from the button
    expect(live).to_have_text(f"Lysbilde 4 av {total}")
    bar.get_by_role("button", name="Forrige lysbilde").press("Enter")
    expect(live).to_have_text(f"Lysbilde 3 av {total}")
    page.keyboard.press("Escape")
    expect(bar).to_have_count(0)
    expect(toggle).to_have_attribute("aria-pressed", "false")
    expect(toggle).to_be_focused()
    expect(page.locator(".kk-slide-off")).to_have_count(0)
    expect(page.locator("article h2").first).to_be_visible()
    expect(page.locator("article .admonition").first).to_be_visible()
    assert page.evaluate("Object.keys(localStorage).filter(k => k.includes('slide'))") == []


def test_on_a_question_slide_the_arrows_choose_and_page_down_turns(page, base_url):
    """The group answers with the keyboard: in a radio group the arrows move the choice and space
    ticks, as always; Page Down (a clicker's «next») still turns the slide."""
    open_slides(page, base_url, "moduler/mandat/gruppe/")
    radio = page.locator(".kk-question:visible input[type=radio]")
    for _ in every_slide(page):
        if radio.count() >= 2:
            break
    at = status(page)
    radio.first.focus()
    page.keyboard.press("Space")
    expect(radio.first).to_be_checked()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowRight")
    expect(radio.nth(2 % radio.count())).to_be_checked()
    assert status(page) == at
    page.keyboard.press("PageDown")
    assert status(page) == (at[0] + 1, at[1])


def test_a_case_its_questions_a_quiz_question_and_a_scenario_step_each_fit_a_slide(page, base_url):
    """At 1280x720 every slide of every case page, of every group page and a quiz (one question a
    slide) and of a scenario fits the screen above the bar without scrolling, and no text is under
    24 px."""
    found = {}
    cases = [f"moduler/{case.parent.name}/case/" for case in sorted(COURSE.modules.glob("*/case.md"))]
    quizzes = [f"moduler/{m.parent.name}/gruppe/" for m in sorted(COURSE.modules.glob("*/gruppe.md"))]
    for path in [*cases, *quizzes, "moduler/mandat/quiz/", "moduler/mandat/samtaletrening/"]:
        open_slides(page, base_url, path)
        questions = steps = 0
        for i in every_slide(page):
            problems = page.evaluate(OUT_OF_THE_SLIDE) + page.evaluate(SMALL_TEXT, SMALLEST)
            if not page.locator("article.md-content__inner").inner_text().strip():
                problems.append("an empty slide")
            if problems:
                found[f"{path} slide {i}"] = problems
            questions += page.locator(".kk-question:visible").count()
            steps += page.locator(".kk-scenario__now:visible").count()
            assert page.locator(".kk-question:visible").count() <= 1
        if path.endswith(("gruppe/", "quiz/")):
            assert questions == page.locator(".kk-question").count()
        if path.endswith("samtaletrening/"):
            assert steps == 1
    # The discussion questions of a case are one slide, with their heading.
    open_slides(page, base_url, "moduler/mandat/case/")
    for _ in every_slide(page):
        if page.locator("article h2:visible").count():
            expect(page.locator("article h2 + ol > li:visible")).to_have_count(6)
            break
    assert not found, "\n".join(f"{where}: {problems}" for where, problems in found.items())


def test_a_scenario_step_and_its_feedback_stay_on_one_slide(page, base_url):
    """The group picks a choice on the slide: the feedback and «Fortsett» replace the step, and
    the next step is shown alone again, in large type, on the same slide."""
    open_slides(page, base_url, "moduler/mandat/samtaletrening/")
    for _ in every_slide(page):
        if page.locator(".kk-scenario__now:visible").count():
            break
    at = status(page)
    page.locator(".kk-scenario__option").first.click()
    expect(page.locator(".kk-scenario__continue")).to_be_visible()
    expect(page.locator(".kk-scenario__feedback:visible")).to_have_count(1)
    assert status(page) == at
    page.wait_for_function("() => document.documentElement.scrollHeight <= innerHeight + 1")  # set smaller if need be
    assert page.evaluate(OUT_OF_THE_SLIDE) == []
    assert page.evaluate(SMALL_TEXT, SMALLEST) == []
    page.locator(".kk-scenario__continue").click()
    expect(page.locator(".kk-scenario__step:visible")).to_have_text("Steg 2")
    expect(page.locator(".kk-scenario__turn:visible")).to_have_count(0)  # not the way there
    assert page.evaluate(OUT_OF_THE_SLIDE) == []
    assert page.evaluate(SMALL_TEXT, SMALLEST) == []


def test_a_horizontal_rule_starts_a_slide(page, base_url):
    """An author's `---` is a slide break: what follows it starts a new slide."""
    open_slides(page, base_url, "oppsummering/")
    after = page.locator("article.md-content__inner > hr + *")
    expect(after).to_have_count(1)
    for _ in every_slide(page):
        if after.is_visible():
            break
    expect(after).to_be_visible()
    expect(page.locator("article.md-content__inner > :has(+ hr)")).to_be_hidden()  # the list before it


def test_a_horizontal_rule_inside_a_box_starts_a_slide_with_the_boxs_title(page, base_url):
    """`---` inside a box breaks the slide there even when the whole box would fit: the part after
    it is a slide of its own, under the box's title, and the rule is not drawn."""
    page.set_viewport_size(SLIDE)
    page.goto(base_url + "moduler/mandat/case/")
    box = page.locator("article .admonition.tip")  # «Slik kan dere bruke caset»: one short paragraph
    box.evaluate("""box => {
        const after = document.createElement('p');
        after.textContent = 'Etter streken.';
        box.append(document.createElement('hr'), after);
    }""")
    open_slides(page, base_url, "moduler/mandat/case/", load=False)  # the page as edited
    before = box.locator(":scope > p:not(.admonition-title)").first
    after = box.locator(":scope > p", has_text="Etter streken.")
    expect(before).to_be_visible()
    expect(after).to_be_hidden()
    page.keyboard.press("PageDown")
    expect(after).to_be_visible()
    expect(before).to_be_hidden()
    expect(box.locator(".admonition-title")).to_be_visible()
    expect(box.locator("hr")).to_be_hidden()


def test_slide_mode_lasts_across_instant_navigation_and_a_reload_from_the_first_slide(page, base_url):
    """Another page opens in slide mode at its first slide; so does a reload. The choice is kept
    for this tab only (sessionStorage, the course's prefix); Esc leaves it for good."""
    open_slides(page, base_url, "moduler/mandat/case/")
    page.keyboard.press("PageDown")
    assert status(page)[0] == 2
    page.locator("a.md-footer__link--next").evaluate("a => a.click()")  # the footer is hidden, the link still works
    expect(page).to_have_url(re.compile("samtaletrening/$"))
    expect(page.locator(".kk-slidebar__status")).to_have_text(re.compile("^Lysbilde 1 av "))
    expect(page.locator("article h1")).to_be_focused()
    expect(page.locator(".kk-slidebar")).to_have_count(1)
    page.keyboard.press("PageDown")
    assert status(page)[0] == 2
    page.reload()
    expect(page.locator(".kk-slidebar__status")).to_have_text(re.compile("^Lysbilde 1 av "))
    assert "krisesenterkurs:/:slides" in page.evaluate("Object.keys(sessionStorage)")
    page.keyboard.press("Escape")
    expect(page.locator(".kk-slidebar")).to_have_count(0)
    page.reload()
    expect(page.locator(".md-header")).to_be_visible()
    expect(page.get_by_role("button", name="Lysbildevisning", exact=True)).to_have_attribute("aria-pressed", "false")
    expect(page.locator(".kk-slidebar")).to_have_count(0)
    assert "krisesenterkurs:/:slides" not in page.evaluate("Object.keys(sessionStorage)")


def test_slide_mode_has_no_accessibility_violations(page, base_url):
    """axe finds no WCAG 2.1 A/AA violation on a case slide and on a question slide."""
    open_slides(page, base_url, "moduler/mandat/case/")
    page.keyboard.press("PageDown")
    assert violations(page) == []
    open_slides(page, base_url, "moduler/mandat/gruppe/")
    for _ in every_slide(page):
        if page.locator(".kk-question:visible").count():
            break
    page.get_by_role("button", name="Vis svar").locator("visible=true").click()
    assert violations(page) == []


def test_slides_work_on_a_narrow_screen(page, base_url):
    """Slide mode carried to a 390 px screen: the bar fits, nothing is wider than the screen, and
    the slides still step."""
    open_slides(page, base_url, "moduler/mandat/case/")
    page.set_viewport_size(PHONE)
    n, total = status(page)
    bar = page.locator(".kk-slidebar").bounding_box()
    assert bar and bar["width"] <= PHONE["width"] and bar["y"] + bar["height"] <= PHONE["height"] + 1
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.get_by_role("button", name="Neste lysbilde").click()
    assert status(page) == (n + 1, total)


def test_opening_the_discussion_points_on_a_slide_keeps_the_slide_and_fits(page, base_url):
    """«Momenter til diskusjonen» opened on its slide: the page is cut again, the slide with it
    stays, and what it holds goes on over as many slides as it needs, each fitting the screen."""
    open_slides(page, base_url, "moduler/mandat/case/")
    summary = page.locator("article details > summary")
    for _ in every_slide(page):
        if summary.is_visible():
            break
    at, total = status(page)
    summary.press("Enter")
    expect(page.locator("article details")).to_have_attribute("open", "")
    # Cut again: the points need slides of their own.
    expect(page.locator(".kk-slidebar__status")).not_to_have_text(f"Lysbilde {at} av {total}")
    assert status(page)[0] == at
    expect(summary).to_be_visible()
    points = page.locator("article details li")
    seen = set()
    while True:
        assert page.evaluate(OUT_OF_THE_SLIDE) == []
        seen |= {i for i in range(points.count()) if points.nth(i).is_visible()}
        if page.get_by_role("button", name="Neste lysbilde").is_disabled():
            break
        page.keyboard.press("PageDown")
    assert seen == set(range(points.count())), "every point is on a slide"


def test_esc_closes_a_glossary_explanation_before_it_leaves_the_slides(page, base_url):
    open_slides(page, base_url, "moduler/mandat/case/")
    term = page.locator("article button.kk-term:visible").first
    for _ in every_slide(page):
        if term.count():
            break
    term.click()
    explanation = page.locator(".kk-term__pop:popover-open")
    expect(explanation).to_have_count(1)
    page.keyboard.press("Escape")
    expect(explanation).to_have_count(0)
    expect(page.locator(".kk-slidebar")).to_have_count(1)
    page.keyboard.press("Escape")
    expect(page.locator(".kk-slidebar")).to_have_count(0)
