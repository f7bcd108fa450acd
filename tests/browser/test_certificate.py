"""A learner finishes the whole course and prints the certificate."""

import datetime
import io
import json

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from krisesenterkurs.core.settings import Settings
from krisesenterkurs.course.orientation import course_times
from tests.browser.quizpage import modules, take_quiz
from tests.support import ROOT

# mkdocs_only: the learner-record logic (record.js, storage.js and the page's script) on the
# extensions' own markup, which both engines write alike; the Zensical run would repeat it unchanged.
pytestmark = [pytest.mark.browser, pytest.mark.mkdocs_only]
MONTHS = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
]


def norwegian_date(day: datetime.date) -> str:
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def test_full_run_ends_in_a_printable_certificate(page, base_url):
    course = modules()
    for module in course:
        take_quiz(page, base_url, module.meta.bank)
    page.goto(base_url + "kursbevis/")
    page.get_by_label("Navnet ditt på kursbeviset").fill("Kari Nordmann")
    sheet = page.locator(".kk-certificate__sheet")
    expect(sheet.locator(".kk-certificate__name")).to_have_text("Kari Nordmann")
    expect(sheet).to_contain_text("Krisesentertilbudet i kommunene")
    for module in course:
        line = sheet.locator(f'.kk-certificate__modules li[data-module="{module.folder}"]')
        expect(line).to_have_text(f"{module.meta.number} {module.meta.title}: versjon {module.meta.version}, 100 %")
    today = norwegian_date(datetime.date.today())
    expect(sheet).to_contain_text(f"Fullført {today}")
    expect(sheet).to_contain_text("Utgitt av RVTS Sør")

    page.reload()  # the name is kept in the browser
    expect(page.locator(".kk-certificate__name")).to_have_text("Kari Nordmann")

    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert len(pdf.pages) == 1
    assert "Kari Nordmann" in text and "Kursbevis" in text and today in text
    for left_out in ("Slik bruker du kurset", "Skriv ut eller lagre som PDF", "Navnet ditt", "Søk", "Neste"):
        assert left_out not in text, left_out


def test_printing_another_page_is_not_reduced_to_a_certificate(page, base_url):
    page.goto(base_url + "fremdrift/")
    page.emulate_media(media="print")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
    assert "Min fremdrift" in text


def passed_everything(at_of) -> dict:
    """Stored records that pass every module, each pass dated by at_of(module) (None: no date)."""
    from tests.browser.quizpage import banks

    entries = {}
    for n, module in enumerate(modules()):
        bank = banks()[module.meta.bank]
        passed = {"h": bank.content_hash()}
        if at_of(n) is not None:
            passed["at"] = at_of(n)
        entries[f"krisesenterkurs:/:quiz:{bank.id}"] = json.dumps({"v": 1, "answers": {}, "passed": passed})
    return entries


def seed(page, entries: dict) -> None:
    page.add_init_script(f"""if (!sessionStorage.getItem('seeded')) {{
        for (const [k, v] of Object.entries({json.dumps(entries)})) localStorage.setItem(k, v);
        sessionStorage.setItem('seeded', '1');
    }}""")


def one_a4_page(page) -> str:
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    assert len(pdf.pages) == 1
    return pdf.pages[0].extract_text()


ODD_DATES = [lambda n: "ikke en dato", lambda n: None, lambda n: 12345, lambda n: "2026-03-01" if n else "x"]


@pytest.mark.parametrize("at_of", ODD_DATES, ids=["text", "missing", "number", "one-bad"])
def test_odd_stored_data_gives_a_one_page_certificate_with_a_clear_message(page, base_url, at_of):
    entries = passed_everything(at_of)
    # A name far beyond what the field takes, in one unbreakable word.
    entries["krisesenterkurs:/:progress"] = json.dumps({"v": 1, "visited": {}, "name": "W" * 10_000})
    seed(page, entries)
    page.goto(base_url + "kursbevis/")
    name = page.get_by_label("Navnet ditt på kursbeviset")
    limit = int(name.get_attribute("maxlength"))
    expect(name).to_have_value("W" * limit)
    expect(page.locator(".kk-certificate__name")).to_have_text("W" * limit)
    expect(page.locator(".kk-certificate__notice")).to_contain_text("kunne ikke leses")
    expect(page.locator(".kk-certificate__date")).to_have_count(0)
    text = one_a4_page(page)
    assert "Kursbevis" in text and "Utgitt av RVTS Sør" in text
    assert "Invalid" not in text and "NaN" not in text


def test_a_valid_date_beside_results_of_odd_shape_still_prints_on_one_page(page, base_url):
    entries = passed_everything(lambda n: f"2026-03-0{n + 1}T10:00:00.000Z")
    first = next(iter(entries))
    record = json.loads(entries[first])
    record["best"] = {"h": record["passed"]["h"], "percent": 1e308}
    entries[first] = json.dumps(record)
    seed(page, entries)
    page.goto(base_url + "kursbevis/")
    expect(page.locator(".kk-certificate__date")).to_have_text(f"Fullført {len(modules())}. mars 2026")
    expect(page.locator(".kk-certificate__notice")).to_have_count(0)
    text = one_a4_page(page)
    assert "e+308" not in text and "Infinity" not in text


def versioned_passes(version_of=lambda module: module.meta.version, hash_of=None) -> dict:
    """Stored records passing every module on 1–5 March 2026, each pass with the module version
    version_of(module) and the bank hash hash_of(bank) (default: the current one)."""
    from tests.browser.quizpage import banks

    entries = {}
    for n, module in enumerate(modules()):
        bank = banks()[module.meta.bank]
        passed = {"h": hash_of(bank) if hash_of else bank.content_hash(), "at": f"2026-03-0{n + 1}T10:00:00.000Z"}
        if version_of(module) is not None:
            passed["version"] = version_of(module)
        entries[f"krisesenterkurs:/:quiz:{bank.id}"] = json.dumps({"v": 1, "answers": {}, "passed": passed})
    return entries


def test_a_long_name_still_gives_one_a4_page_with_everything_a_certificate_says(page, base_url):
    entries = versioned_passes()
    name = ("Anne-Kristine Marie Østby-Haugland Sørensen " * 3)[:120]
    assert len(name) == 120
    entries["krisesenterkurs:/:progress"] = json.dumps({"v": 1, "visited": {}, "name": name})
    seed(page, entries)
    page.goto(base_url + "kursbevis/")
    sheet = page.locator(".kk-certificate__sheet")
    expect(sheet.locator(".kk-certificate__name")).to_have_text(name.strip())
    expect(sheet.locator(".kk-certificate__issuer")).to_have_text("RVTS Sør")
    # The pages' reading time, to the half hour, as the front page states it.
    times = course_times(Settings.load(ROOT / "mkdocs.yml"))
    hours = f"{int(sum(t.total for t in times) / 30 + 0.5) / 2:g}".replace(".", ",")
    expect(sheet.locator(".kk-certificate__hours")).to_have_text(f"Omfang: ca. {hours} timer")
    expect(sheet.locator(".kk-certificate__certifies")).to_contain_text("selvstudium i et åpent nettkurs")
    expect(sheet.locator(".kk-certificate__certifies")).to_contain_text("læringsplattform (LMS)")
    text = one_a4_page(page)
    flat = " ".join(text.split())
    for words in (
        "Kursbevis",
        "Krisesentertilbudet i kommunene",
        "RVTS Sør",
        f"Omfang: ca. {hours} timer",
        f"Fullført {len(modules())}. mars 2026",
        "Utgitt av RVTS Sør",
        "den formelle",
    ):
        assert words in flat, words
    for module in modules():
        assert f"versjon {module.meta.version}" in flat
    # Only the sheet prints: no site chrome, no form.
    for left_out in ("Skriv ut eller lagre som PDF", "Navnet ditt", "Søk", "Hopp til innhold"):
        assert left_out not in flat, left_out


def test_the_certificate_stays_valid_when_a_bank_is_edited_and_names_the_version_passed(page, base_url):
    # Passed in an earlier version of each module, whose bank has since been edited (another hash).
    entries = versioned_passes(version_of=lambda module: "1.0", hash_of=lambda bank: "0ld0ld0ld0ld")
    first = next(iter(entries))
    record = json.loads(entries[first])
    del record["passed"]["version"]  # and one from before versions were kept: it still counts
    entries[first] = json.dumps(record)
    seed(page, entries)
    page.goto(base_url + "kursbevis/")
    sheet = page.locator(".kk-certificate__sheet")
    expect(sheet).to_be_visible()
    course = modules()
    expect(sheet.locator(f'li[data-module="{course[0].folder}"]')).to_have_text(
        f"{course[0].meta.number} {course[0].meta.title}: bestått"
    )
    for module in course[1:]:
        expect(sheet.locator(f'li[data-module="{module.folder}"]')).to_have_text(
            f"{module.meta.number} {module.meta.title}: versjon 1.0, bestått"
        )
    page.goto(base_url + "fremdrift/")
    expect(page.get_by_role("progressbar")).to_have_attribute("value", str(len(course)))
    expect(page.locator('.kk-progress__changed[data-changed="updated"]')).to_have_count(len(course))
