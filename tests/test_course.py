"""The real course: builds strictly, and every bank is placed and valid."""

import re

from krisesenterkurs.loader import load_banks
from tests.support import ROOT


def test_course_builds_strictly_without_warnings(served_course):
    assert "WARNING" not in served_course["log"], served_course["log"]
    assert (served_course["dir"] / "index.html").exists()


def test_every_module_has_a_bank_placed_on_its_pages():
    banks = load_banks(ROOT / "quizzes")
    placed = {}
    for module in sorted(p for p in (ROOT / "modules").iterdir() if p.is_dir()):
        text = "\n".join(p.read_text(encoding="utf-8") for p in module.glob("*.md"))
        placed[module.name] = re.findall(r"^/// quiz \| ([\w-]+)", text, re.M)
    assert all(placed.values()), placed
    assert sorted(b for ids in placed.values() for b in ids) == sorted(banks)


def test_first_module_bank_has_at_least_eight_questions():
    assert len(load_banks(ROOT / "quizzes")["mandat"].bank.questions) >= 8


def test_quiz_assets_are_served_from_the_site_itself(served_course):
    html = (served_course["dir"] / "moduler" / "mandat" / "quiz" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<script src="(\.\./)+assets/krisesenterkurs/quiz\.js"', html)
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
