"""A learner finishes the whole course and prints the certificate."""

import datetime
import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.quizpage import modules, take_quiz

pytestmark = pytest.mark.browser
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
