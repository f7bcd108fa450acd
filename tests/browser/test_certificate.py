"""A learner finishes the whole course and prints the certificate."""

import datetime
import io
import json

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.quizpage import modules, take_quiz

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
        expect(sheet).to_contain_text(f"{module.meta.number} {module.meta.title}: 100 %")
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
