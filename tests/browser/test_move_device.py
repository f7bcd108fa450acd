"""A learner moves progress to another device with a link or its QR code («Flytt til en annen enhet»)."""

import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.quizpage import banks, modules, our_storage, right, take_quiz

pytestmark = pytest.mark.browser
MODULES = modules()
FIRST, SECOND = MODULES[0], MODULES[1]
PREFIX = "krisesenterkurs:/:"
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
# tests/js/record_move.test.js: a full course's fragment is at most 700 characters, a QR code of
# version 20 (97 modules a side) or less.
FRAGMENT_MAX = 700
QR_MODULES_MAX = 97


def result(bank, correct, passed):
    total = len(bank.questions)
    at = "2026-11-20T10:00:00.000Z"
    return {
        "h": bank.content_hash(),
        "correct": correct,
        "total": total,
        "percent": round(correct * 100 / total),
        "passed": passed,
        "at": at,
    }


def other_device():
    """Device B: the second module passed at 100 %, the first taken at 25 % (not passed), a name."""
    b1, b2 = banks()[FIRST.meta.bank], banks()[SECOND.meta.bank]
    low = result(b1, len(b1.questions) // 4, False)
    full = result(b2, len(b2.questions), True)
    return {
        PREFIX + "progress": {"v": 1, "visited": {SECOND.folder: True}, "name": "Kari B"},
        PREFIX + f"quiz:{b1.id}": {"v": 1, "answers": {}, "best": low, "result": low},
        PREFIX + f"quiz:{b2.id}": {
            "v": 1,
            "answers": {},
            "best": full,
            "result": full,
            "passed": {"h": full["h"], "at": full["at"]},
        },
    }


def fill(page, base_url, records):
    page.goto(base_url)
    page.evaluate(
        "(r) => { for (const [k, v] of Object.entries(r)) localStorage.setItem(k, JSON.stringify(v)); }", records
    )


def stored(page):
    return {k: json.loads(v) for k, v in our_storage(page).items()}


def make_link(page, base_url):
    page.goto(base_url + "fremdrift/")
    show = page.get_by_role("button", name="Lag lenke og QR-kode")
    expect(show).to_have_attribute("aria-expanded", "false")
    show.click()
    expect(show).to_have_attribute("aria-expanded", "true")
    link = page.get_by_label("Lenke med fremdriften din").input_value()
    assert link.startswith(base_url + "fremdrift/#flytt=1;")
    return link


@pytest.fixture
def device_a(page, base_url):
    """Device A: the first module passed at 100 %, with a name."""
    take_quiz(page, base_url, FIRST.meta.bank)
    page.evaluate("""() => { const k = 'krisesenterkurs:/:progress';
        const p = JSON.parse(localStorage.getItem(k)); p.name = 'Kari A'; localStorage.setItem(k, JSON.stringify(p)); }""")
    return page


@pytest.fixture
def device_b(browser, base_url):
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    fill(page, base_url, other_device())
    yield page
    context.close()


def test_the_link_moves_progress_and_the_merge_keeps_the_best_of_each_module(device_a, device_b, base_url):
    link = make_link(device_a, base_url)
    panel = device_a.locator(".kk-move")
    expect(panel).to_contain_text("Lenken inneholder fremdriften din og navnet ditt. Ikke del den med andre.")
    before = stored(device_b)

    device_b.goto(link)
    confirm = device_b.get_by_role("group", name="Fremdrift fra en annen enhet")
    expect(confirm).to_be_focused()
    expect(confirm).to_contain_text(
        "Lenken har bestått for 1 av 5 moduler; nå har du bestått 1. Etter sammenslåing: 2."
    )
    # Read and gone: the fragment is in neither the address bar nor the history entry.
    assert "#" not in device_b.url and device_b.url == base_url + "fremdrift/"
    assert "flytt" not in device_b.evaluate("location.href")
    assert stored(device_b) == before  # nothing until the learner says yes

    confirm.get_by_role("button", name="Ja, slå sammen").click()
    expect(device_b.locator(".kk-move__message")).to_have_text(
        "Fremdriften fra lenken er slått sammen med fremdriften i denne nettleseren."
    )
    expect(device_b.get_by_role("progressbar")).to_have_attribute("value", "2")
    after = stored(device_b)
    first = after[PREFIX + f"quiz:{FIRST.meta.bank}"]
    assert first["best"]["percent"] == 100 and first["passed"]  # the link's better result
    bank = banks()[FIRST.meta.bank]
    assert {q.id: first["answers"][q.id]["a"] for q in bank.questions} == {q.id: right(q) for q in bank.questions}
    second = after[PREFIX + f"quiz:{SECOND.meta.bank}"]
    assert second["best"]["percent"] == 100 and second["passed"]  # B's own, untouched by the link
    assert after[PREFIX + "progress"]["name"] == "Kari B"
    assert set(after[PREFIX + "progress"]["visited"]) >= {FIRST.folder, SECOND.folder}
    # Reloading the page does not ask again: the link is gone.
    device_b.reload()
    expect(device_b.locator(".kk-move")).to_contain_text("Flytt til en annen enhet")
    expect(device_b.get_by_role("group", name="Fremdrift fra en annen enhet")).to_have_count(0)


def test_cancel_keeps_the_other_device_unchanged(device_a, device_b, base_url):
    link = make_link(device_a, base_url)
    before = stored(device_b)
    device_b.goto(link)
    confirm = device_b.get_by_role("group", name="Fremdrift fra en annen enhet")
    confirm.get_by_role("button", name="Avbryt").click()
    expect(device_b.locator(".kk-move__message")).to_have_text(
        "Fremdriften i lenken er ikke hentet inn. Ingenting er endret."
    )
    expect(device_b.locator(".kk-move__message")).to_be_focused()
    expect(confirm).to_have_count(0)
    assert stored(device_b) == before
    assert "#" not in device_b.url
    expect(device_b.get_by_role("progressbar")).to_have_attribute("value", "1")


def test_a_link_opened_on_another_page_goes_on_to_min_fremdrift(device_a, device_b, base_url):
    link = make_link(device_a, base_url)
    device_b.goto(base_url + "#" + link.split("#", 1)[1])
    expect(device_b.get_by_role("group", name="Fremdrift fra en annen enhet")).to_be_visible()
    assert device_b.url == base_url + "fremdrift/"


@pytest.mark.parametrize("cut", ["truncated", "typed over", "not ours"])
def test_a_broken_link_is_refused_and_changes_nothing(device_a, device_b, base_url, cut):
    link = make_link(device_a, base_url)
    bad = {
        "truncated": link[: len(link) * 2 // 3],
        "typed over": link.replace(";", ";9", 1),
        "not ours": base_url + "fremdrift/#flytt=1;<script>alert(1)</script>",
    }[cut]
    before = stored(device_b)
    device_b.goto(bad)
    message = device_b.locator(".kk-move__message")
    expect(message).to_contain_text("Lenken kunne ikke brukes")
    expect(message).to_contain_text("Ingenting er endret.")
    expect(message).to_be_focused()
    expect(device_b.get_by_role("group", name="Fremdrift fra en annen enhet")).to_have_count(0)
    assert stored(device_b) == before
    assert "#" not in device_b.url


def test_the_qr_code_is_drawn_and_the_link_can_be_copied(browser, base_url):
    context = browser.new_context(base_url=base_url)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page = context.new_page()
    try:
        fill(page, base_url, other_device())
        link = make_link(page, base_url)
        expect(page.locator(".kk-move")).to_contain_text("Lenken inneholder fremdriften din og navnet ditt.")
        qr = page.get_by_role("img", name="QR-kode med lenken over")
        expect(qr).to_be_visible()
        n = int(qr.get_attribute("data-modules"))
        assert (n - 17) % 4 == 0 and 21 <= n <= QR_MODULES_MAX
        assert qr.get_attribute("viewBox") == f"0 0 {n + 8} {n + 8}"  # a quiet zone of four modules
        box = qr.bounding_box()
        assert box["width"] >= 200 and abs(box["width"] - box["height"]) < 1
        # The three finder patterns: 7 x 7 dark rings in three corners of the code.
        assert page.evaluate(
            """(n) => { const svg = document.querySelector('.kk-move__qr');
            const d = svg.querySelector('path').getAttribute('d');
            return ['M4 4h7', 'M' + (n - 3) + ' 4h7', 'M4 ' + (n - 3) + 'h7'].every((s) => d.includes(s)); }""",
            n,
        )
        page.get_by_role("button", name="Kopier lenken").click()
        expect(page.locator(".kk-move__copied")).to_have_text("Lenken er kopiert.")
        assert page.evaluate("navigator.clipboard.readText()") == link
    finally:
        context.close()


def test_a_full_course_fits_a_qr_code_a_phone_reads(page, base_url):
    """Every module passed, every question answered, every scenario under way with endings reached."""
    records = {
        PREFIX + "progress": {
            "v": 1,
            "visited": {m.folder: True for m in MODULES},
            "name": "Åse Øyvor Ærlighet-Bjørnstad Kristiansen",
        }
    }
    at = "2026-11-20T10:00:00.000Z"
    manifest = None
    for m in MODULES:
        bank = banks()[m.meta.bank]
        full = result(bank, len(bank.questions), True)
        records[PREFIX + f"quiz:{bank.id}"] = {
            "v": 1,
            "seed": "z9y8x7",
            "cleared": "2026-11-19T10:00:00.000Z",
            "answers": {q.id: {"h": q.content_hash(), "a": right(q), "t": at} for q in bank.questions},
            "best": full,
            "result": full,
            "passed": {"h": full["h"], "at": at},
        }
    fill(page, base_url, records)
    manifest = page.evaluate("JSON.parse(document.querySelector('.kk-course').getAttribute('data-course'))")
    for m in manifest["modules"]:
        if "scenario" in m:
            s = m["scenario"]
            page.evaluate(
                "([k, v]) => localStorage.setItem(k, JSON.stringify(v))",
                [
                    PREFIX + "scenario:" + s["id"],
                    {
                        "v": 1,
                        "h": s["hash"],
                        "path": [0, 1, 0, 1, 0, 1],
                        "open": True,
                        "endings": {e: at for e in s["endings"][:3]},
                    },
                ],
            )
    last = manifest["modules"][3]["pages"][2]
    page.goto(base_url + last)
    link = make_link(page, base_url)
    fragment = link.split("#", 1)[1]
    assert len(fragment) <= FRAGMENT_MAX, len(fragment)
    n = int(page.locator(".kk-move__qr").get_attribute("data-modules"))
    assert n <= QR_MODULES_MAX
    # And it reads back whole on a fresh device.
    other = page.context.browser.new_context(base_url=base_url).new_page()
    try:
        other.goto(link)
        expect(other.get_by_role("group", name="Fremdrift fra en annen enhet")).to_contain_text(
            "Lenken har bestått for 5 av 5 moduler; nå har du bestått 0. Etter sammenslåing: 5."
        )
        other.get_by_role("button", name="Ja, slå sammen").click()
        expect(other.get_by_role("progressbar")).to_have_attribute("value", "5")
        moved = stored(other)
        for m in MODULES:
            bank = banks()[m.meta.bank]
            got = moved[PREFIX + f"quiz:{bank.id}"]["answers"]
            assert {q: v["a"] for q, v in got.items()} == {q.id: right(q) for q in bank.questions}
    finally:
        other.context.close()


def test_hidden_inside_the_scorm_package_frame(page, base_url, served_course):
    """The LMS is the record there: the launch page frames the course in #kk-course-frame."""
    launch = served_course["dir"] / "kk-test-launch.html"
    launch.write_text(
        '<!doctype html><html lang="nb"><title>t</title>'
        '<iframe id="kk-course-frame" title="kurs" src="fremdrift/"></iframe></html>',
        encoding="utf-8",
    )
    try:
        page.goto(base_url + "kk-test-launch.html")
        frame = page.frame_locator("#kk-course-frame")
        expect(frame.locator(".kk-progress__table")).to_be_visible()
        expect(frame.locator(".kk-move")).to_be_hidden()
        expect(frame.get_by_role("button", name="Lag lenke og QR-kode")).to_have_count(0)
    finally:
        launch.unlink()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_panel_and_the_question_pass_axe(browser, base_url, scheme):
    context = browser.new_context(base_url=base_url, color_scheme=scheme, reduced_motion="reduce")
    page = context.new_page()
    try:
        fill(page, base_url, other_device())
        link = make_link(page, base_url)
        found = Axe().run(page, context=".kk-move", options=WCAG).response["violations"]
        assert found == [], [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in found]
        page.goto(link)
        expect(page.get_by_role("group", name="Fremdrift fra en annen enhet")).to_be_visible()
        found = Axe().run(page, context=".kk-move", options=WCAG).response["violations"]
        assert found == [], [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in found]
        assert re.search(r"fremdrift/$", page.url)
    finally:
        context.close()


def test_a_link_opened_on_min_fremdrift_itself_is_read_too(device_a, device_b, base_url):
    """Only the fragment changes (a link pasted into the address bar of the page already open)."""
    link = make_link(device_a, base_url)
    device_b.goto(base_url + "fremdrift/")
    expect(device_b.get_by_role("button", name="Lag lenke og QR-kode")).to_be_visible()
    device_b.evaluate("(hash) => { location.hash = hash; }", link.split("#", 1)[1])
    expect(device_b.get_by_role("group", name="Fremdrift fra en annen enhet")).to_be_visible()
    assert "#" not in device_b.url
