"""What the printed PDFs hold: the learners' whole course (cover, contents, page numbers, no quiz
leftovers, no answers), the handouts' footers, and the facilitators' guide and answer key."""

import re

import pytest

from krisesenterkurs.course.facilitator import guide_pdf_name, key_pdf_name
from krisesenterkurs.publishing.pdf import COURSE_PDF
from krisesenterkurs.quiz.key import module_scenarios
from krisesenterkurs.quiz.schema import MatchingQuestion, OrderingQuestion, TrueFalseQuestion
from krisesenterkurs.scenario.scenarios import course_scenarios
from tests.browser.quizpage import banks, modules
from tests.publishing.pdftext import page_texts, text_of
from tests.support import COURSE

# Prints with Chromium; in the worker that builds the SCORM package, which prints the PDFs once.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("scorm_package")]


def plain(markdown: str, words: int) -> str:
    """The first words of bank Markdown as they read in a PDF."""
    return " ".join(re.sub(r"[*_`]", "", markdown).split()[:words])


@pytest.fixture(scope="module")
def course_pages(printed):
    return page_texts(printed / COURSE_PDF)


def test_course_pdf_opens_with_a_cover(course_pages):
    cover = course_pages[0]
    assert cover.startswith(COURSE.title)
    assert f"Utgitt av {COURSE.publisher}" in cover
    assert "Utgave " in cover
    for m in modules():
        assert f"{m.meta.title}: Versjon {m.meta.version}" in cover


def test_course_pdf_contents_give_each_pages_number(course_pages):
    contents = " ".join(page for page in course_pages[1:4] if "Innhold" in page or "Side" in page)
    assert course_pages[1].startswith("Innhold")
    for m in modules():
        # The module's entry and its number; that page of the PDF is the module's first page.
        found = re.search(re.escape(m.meta.title) + r" (\d+) ", contents)
        assert found, m.meta.title
        assert course_pages[int(found.group(1)) - 1].startswith(m.meta.title)


def test_every_page_of_the_course_pdf_is_numbered(course_pages):
    total = len(course_pages)
    for n, text in enumerate(course_pages, 1):
        assert f"Side {n} av {total}" in text, n


def test_course_pdf_has_no_quiz_leftovers_and_prints_matching_as_text(printed):
    text = text_of(printed / COURSE_PDF)
    assert "spørsmål sjekket" not in text  # the quiz's status line
    assert "Velg …" not in text  # a matching question's select
    assert text.count("Kategorier:") == sum(
        isinstance(q, MatchingQuestion) for b in banks().values() for q in b.questions
    )


def test_course_pdf_holds_no_answers(printed):
    text = text_of(printed / COURSE_PDF)
    assert "Fasit:" not in text and "ID: " not in text
    for bank in banks().values():
        for q in bank.questions:
            assert plain(q.explanation, 30) not in text, q.id
            for option in getattr(q, "options", None) or []:
                if option.feedback:
                    assert plain(option.feedback, 10) not in text, q.id


@pytest.mark.parametrize("module", modules(), ids=lambda m: m.folder)
def test_each_handout_page_has_its_number_and_the_help_lines(printed, module):
    pages = page_texts(printed / "moduler" / module.folder / f"utdelingsark-{module.folder}.pdf")
    for n, text in enumerate(pages, 1):
        assert f"Side {n} av {len(pages)}" in text
        assert "116 006" in text and "116 111" in text
    assert f"Versjon {module.meta.version} · Sist oppdatert" in pages[0]
    # The case's box may break across pages instead of leaving the first half empty.
    assert "Fiktivt case" in pages[0]


def key_phrases(q) -> list[str]:
    """What the answer key must say about the question's right answer."""
    if isinstance(q, TrueFalseQuestion):
        return [f"Riktig svar: {'Sant' if q.answer else 'Usant'}"]
    if isinstance(q, MatchingQuestion):
        return [f"{plain(item.text, 40)} → {item.category}" for item in q.items]
    if isinstance(q, OrderingQuestion):
        return ["Riktig rekkefølge: 1. " + plain(q.steps[0], 6)]
    return ["Riktig: " + plain(o.text, 6) for o in q.options if o.correct]


@pytest.mark.parametrize("module", modules(), ids=lambda m: m.folder)
def test_answer_key_holds_every_question_with_its_key_and_the_scenario_maps(printed, module):
    text = text_of(printed / "moduler" / module.folder / key_pdf_name(module.folder))
    assert text.startswith(f"Fasit: {module.meta.title}")
    for q in banks()[module.meta.bank].questions:
        at = text.find(f"ID: {q.id} ")
        assert at >= 0, q.id
        entry = text[at : text.find("ID: ", at + 4) if "ID: " in text[at + 4 :] else len(text)]
        for phrase in key_phrases(q):
            assert phrase in entry, (q.id, phrase)
        assert plain(q.explanation, 8) in entry and "Kilde:" in entry, q.id
    scenarios = module_scenarios(module)
    assert scenarios
    for scenario in scenarios:
        title = course_scenarios(COURSE)[scenario].scenario.title
        assert f"Kart over samtaletreningen «{title}»" in text


@pytest.mark.parametrize("module", modules(), ids=lambda m: m.folder)
def test_facilitator_guide_is_printed_and_links_its_pdfs(printed, module):
    folder = printed / "moduler" / module.folder
    pages = page_texts(folder / guide_pdf_name(module.folder))
    assert pages[0].startswith("Veiledning for workshopleder")
    assert all(f"Side {n} av {len(pages)}" in text for n, text in enumerate(pages, 1))
    guide = next(p for p in (folder / "workshopleder" / "index.html", folder / "workshopleder.html") if p.exists())
    html = guide.read_text(encoding="utf-8")
    for name in (guide_pdf_name(module.folder), key_pdf_name(module.folder)):
        assert re.search(rf'href="[^"]*{re.escape(name)}"', html), name
