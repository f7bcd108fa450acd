"""The real course content: builds strictly; modules, banks, quotes and answers as the course promises."""

import re

from krisesenterkurs.quiz.banks import load_banks
from tests.support import COURSE, ROOT


def test_course_builds_strictly_without_warnings(served_course):
    assert "WARNING" not in served_course["log"], served_course["log"]
    assert (served_course["dir"] / "index.html").exists()


def test_every_module_has_a_bank_placed_on_its_pages():
    banks = load_banks(COURSE.quizzes)
    placed = {}
    for module in sorted(p for p in (COURSE.modules).iterdir() if p.is_dir()):
        text = "\n".join(p.read_text(encoding="utf-8") for p in module.glob("*.md"))
        # A bank may be placed twice in its module (the quiz and the facilitators' group page).
        placed[module.name] = set(re.findall(r"^/// quiz \| ([\w-]+)", text, re.M))
    assert all(placed.values()), placed
    assert sorted(b for ids in placed.values() for b in ids) == sorted(banks)


def test_first_module_bank_has_at_least_eight_questions():
    assert len(load_banks(COURSE.quizzes)["mandat"].bank.questions) >= 8


def test_quiz_assets_are_served_from_the_site_itself(served_course):
    html = (served_course["dir"] / "moduler" / "mandat" / "quiz" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<script src="(\.\./)+assets/krisesenterkurs/quiz\.js"', html)
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


MODULES = sorted(p for p in (COURSE.modules).iterdir() if p.is_dir())


def section(markdown: str, heading: str) -> str:
    match = re.search(rf"^## {heading}\s*$(.*?)(?=^## |\Z)", markdown, re.M | re.S)
    assert match, f"no '## {heading}'"
    return match.group(1)


def test_the_five_modules_of_the_source_are_there():
    names = {m.name for m in MODULES}
    assert {
        "mandat",
        "barn-i-reetablering",
        "voksne-i-reetablering",
        "personer-som-utover-vold",
        "fortsettelsesvold",
    } <= names


def test_every_module_has_goals_time_case_sources_and_quiz():
    for module in MODULES:
        index = (module / "index.md").read_text(encoding="utf-8")
        goals = re.findall(r"^\s*[-*] ", section(index, "Læringsmål"), re.M)
        assert 3 <= len(goals) <= 5, (module.name, len(goals))
        # The time is computed from the pages (tests/course/test_orientation.py checks the sum).
        assert re.search(rf"^/// course-time \| {module.name}$", section(index, "Beregnet tid"), re.M), module.name
        case = (module / "case.md").read_text(encoding="utf-8")
        assert re.search(r'^!!! example "Fiktivt case:', case, re.M), module.name
        assert re.search(r"oppdiktet|fiktiv", case, re.I), module.name
        assert (
            len(re.findall(r"^\s*\d+\. ", section(case, "Refleksjonsspørsmål"), re.M)) >= 4
            or len(re.findall(r"^\s*[-*] ", section(case, "Refleksjonsspørsmål"), re.M)) >= 4
        ), module.name
        summary = (module / "oppsummering.md").read_text(encoding="utf-8")
        assert '!!! abstract "Viktige punkter"' in summary, module.name
        assert re.findall(r"^\s*[-*] ", section(summary, "Kilder"), re.M), module.name


def test_every_bank_has_10_to_14_questions_of_mixed_types_and_the_course_has_matching_and_ordering():
    kinds_in_course = set()
    for loaded in load_banks(COURSE.quizzes).values():
        bank = loaded.bank
        assert 10 <= len(bank.questions) <= 14, bank.id
        kinds = {q.type for q in bank.questions}
        assert len(kinds) >= 3 and {"single", "truefalse"} <= kinds, (bank.id, kinds)
        kinds_in_course |= kinds
    # Matching and ordering test understanding where choosing one option would not.
    assert {"matching", "ordering"} <= kinds_in_course, kinds_in_course


def test_survey_quotes_are_exact():
    text = " ".join((ROOT / "source" / "rvts-sor-presentasjon-2026-03-20.txt").read_text(encoding="utf-8").split())
    course = "\n".join(
        p.read_text(encoding="utf-8") for p in [*ROOT.glob("course/*.md"), *COURSE.modules.glob("*/*.md")]
    )
    quotes = re.findall(r"«([^«»]{25,})»", course)
    survey_like = [
        q for q in quotes if q.startswith(("MYE mer", "Det burde vært", "Veiledning, tydelig", "Samarbeid som handler"))
    ]
    assert survey_like, "the survey quotes are used"
    for q in survey_like:
        assert " ".join(q.split()) in text, q


def test_nav_is_written_one_way_as_in_the_source():
    """«NAV», as the source writes it (the author guide's writing rules); quotes stay word for word."""
    files = [
        *ROOT.glob("course/*.md"),
        *COURSE.modules.glob("*/*.md"),
        *COURSE.modules.glob("*/module.yml"),
        *COURSE.quizzes.glob("*.yml"),
        *COURSE.scenarios.glob("*.yml"),
        COURSE.glossary,
    ]
    other = []
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.match(r"\s*((- )?(id|next|start|learn_more|questions):|///)", line):
                continue  # names, not text
            outside_quotes = re.sub(r"«[^«»]*»", "", line)
            if re.search(r"\b(Nav|nav)\b", outside_quotes) and "nav.no" not in outside_quotes:
                other.append(f"{path.relative_to(ROOT)}:{number}")
    assert other == []


def test_right_answers_cannot_be_guessed_from_their_place():
    """Options are shown in the bank's order, so the bank must vary where the right answer stands."""
    for loaded in load_banks(COURSE.quizzes).values():
        bank = loaded.bank
        singles = [next(i for i, o in enumerate(q.options) if o.correct) for q in bank.questions if q.type == "single"]
        assert singles.count(0) <= len(singles) / 2 and len(set(singles)) >= 2, (bank.id, singles)
        answers = {q.answer for q in bank.questions if q.type == "truefalse"}
        assert answers == {True, False}, (bank.id, "true/false answers are all the same")
        firsts = [
            all(o.correct for o in q.options[: sum(o.correct for o in q.options)])
            for q in bank.questions
            if q.type == "multiple"
        ]
        assert not all(firsts), (bank.id, "every multiple-choice question lists its right options first")


def test_search_does_not_give_away_the_answers(served_course):
    import json

    index = json.loads((served_course["dir"] / "search" / "search_index.json").read_text(encoding="utf-8"))
    quiz_page = [doc for doc in index["docs"] if doc["location"].startswith("moduler/mandat/quiz/")]
    assert quiz_page, "the quiz page itself is findable"
    text = " ".join(doc["text"] for doc in quiz_page)
    bank = load_banks(COURSE.quizzes)["mandat"].bank
    for q in bank.questions:
        assert q.explanation.strip()[:40] not in text
        assert q.source.strip()[:40] not in text
