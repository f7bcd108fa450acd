"""Bank text as Moodle gets it: the quiz's own Markdown rendering and sanitising, nothing else."""

from __future__ import annotations

from ..core.strings import table
from ..quiz.render import TextRenderer, default_text
from ..quiz.schema import Bank, MatchingQuestion, Question


class BankText:
    """Renders one bank's fields to HTML with the site's `TextRenderer` (raw HTML off, nh3 after)."""

    def __init__(self, lang: str, text: TextRenderer | None = None):
        self._text = text or default_text()
        self._words = table(lang)

    def block(self, markdown: str) -> str:
        """A field that may hold paragraphs and lists (prompt, feedback, explanation)."""
        return str(self._text.block(markdown))

    def inline(self, markdown: str) -> str:
        """A one-paragraph field (an option, a matching item, a step), without its <p>."""
        return str(self._text.inline(markdown))

    def general_feedback(self, q: Question) -> str:
        """The explanation and «Kilde: …», as the quiz shows them after the question is checked."""
        return f"{self.block(q.explanation)}\n<p>{self._words['source']}: {self.inline(q.source)}</p>"


def category_path(bank: Bank) -> str:
    """The question bank category for a bank: its title under the course's top category.

    Moodle splits a category path at '/' and reads '//' as a '/' in a name
    (qformat_default::split_category_path)."""
    title = " ".join(bank.title.split()).replace("/", "//")
    return f"$course$/top/{title}"


# Moodle's form asks a matching question for at least this many answers (edit_match_form.php).
MATCHING_MIN_ANSWERS = 3


def extra_answers(q: MatchingQuestion) -> list[str]:
    """The categories to add as answers without an item (Moodle's distractors).

    A subquestion with no text is an extra answer: the categories no item belongs to become
    choices that way. Moodle shows each answer text once, so padding with a used category up
    to the form's minimum changes nothing the learner sees and lets the question be edited.
    """
    used = {item.category for item in q.items}
    extra = [c for c in q.categories if c not in used]
    while len(q.items) + len(extra) < MATCHING_MIN_ANSWERS:
        extra.append(q.categories[len(extra) % len(q.categories)])
    return extra
