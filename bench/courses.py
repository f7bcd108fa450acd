"""Synthetic courses: N pages, each with one bank of 10 questions, written three ways with the same text.

The course with this project's extension builds with MkDocs and with Zensical from the same files.
"""

from __future__ import annotations

from pathlib import Path

import yaml

import krisesenterkurs

THEME = Path(krisesenterkurs.__file__).parent / "theme"
PARAGRAPH = (
    "Krisesenteret er mer enn et bosted. Kommunen har ansvaret for reetableringen, og tjenestene må "
    "samarbeide om bolig, økonomi, helse og oppfølging av barna. "
)


KINDS = ("single", "single", "multiple", "truefalse", "single")
# Every type the course has: the page the readiness timing loads (the other variants have no
# matching or ordering, so the build comparison keeps KINDS).
ALL_KINDS = ("single", "multiple", "truefalse", "matching", "ordering")


def questions(page: int, count: int = 10, kinds: tuple[str, ...] = KINDS) -> list[dict]:
    out = []
    for q in range(count):
        kind = kinds[q % len(kinds)]
        prompt = f"Spørsmål {q + 1} på side {page}: hva er *riktig* om samarbeidet rundt reetablering?"
        base = {
            "id": f"s{q + 1}",
            "type": kind,
            "prompt": prompt,
            "explanation": f"Forklaring {q + 1}: kommunen har ansvaret, og krisesenteret er en fagressurs.",
            "source": "RVTS Sør, presentasjon 20. mars 2026",
        }
        if kind == "truefalse":
            base["answer"] = q % 2 == 0
        elif kind == "matching":
            base["categories"] = ["NAV", "Barnevernstjenesten", "Krisesenteret"]
            base["items"] = [{"text": f"Oppgave {i + 1}", "category": base["categories"][i % 3]} for i in range(4)]
        elif kind == "ordering":
            base["steps"] = [f"Trinn {i + 1} i spørsmål {q + 1}" for i in range(5)]
        else:
            base["options"] = [
                {
                    "text": f"Alternativ {o + 1} til spørsmål {q + 1}",
                    "correct": o == 0 or (kind == "multiple" and o == 2),
                    "feedback": f"Tilbakemelding {o + 1}.",
                }
                for o in range(4)
            ]
        out.append(base)
    return out


def _options(q: dict) -> list[tuple[str, bool]]:
    if q["type"] == "truefalse":
        return [("Sant", q["answer"]), ("Usant", not q["answer"])]
    return [(o["text"], o["correct"]) for o in q["options"]]


def page_text(page: int) -> str:
    return f"# Side {page}\n\n" + "\n\n".join(PARAGRAPH * 2 for _ in range(3)) + "\n\n"


def plain(q: dict) -> str:
    lines = [f"**{q['prompt']}**", ""] + [f"- {text}" for text, _ in _options(q)] + ["", q["explanation"], ""]
    return "\n".join(lines)


def mkdocs_quiz(q: dict) -> str:
    lines = ["<quiz>", q["prompt"]] + [f"- [{'x' if right else ' '}] {text}" for text, right in _options(q)]
    return "\n".join([*lines, "", q["explanation"], "</quiz>", ""])


CONFIG = """site_name: Benchmark
site_url: http://127.0.0.1:8000/
docs_dir: docs
theme:
  name: material
  language: nb
  font: false
{theme_extra}plugins:
  - search:
      lang: ["no"]
{plugins}markdown_extensions:
  - admonition
{extensions}"""


def bank_file(root: Path, page: int) -> Path:
    return root / "quizzes" / f"side-{page}.yml"


def page_html(site: Path, page: int) -> Path:
    """Where a page of the course lands in a built site."""
    return site / ("index.html" if page == 1 else f"side-{page}/index.html")


def edit_marker(edit: int) -> str:
    return f"(endring {edit})"


def write_bank(root: Path, page: int, per_page: int = 10, edit: int = 0, kinds: tuple[str, ...] = KINDS) -> None:
    """Write the bank placed on `page`; edit > 0 changes the first question's text (an author's edit)."""
    qs = questions(page, per_page, kinds)
    if edit:
        qs[0]["prompt"] = qs[0]["prompt"].replace(":", f" {edit_marker(edit)}:", 1)
    bank = {"id": f"side-{page}", "title": f"Side {page}", "questions": qs}
    bank_file(root, page).write_text(yaml.safe_dump(bank, allow_unicode=True), encoding="utf-8")


def write_course(
    root: Path, variant: str, pages: int, per_page: int = 10, without_quiz: int = 0, kinds: tuple[str, ...] = KINDS
) -> Path:
    """Write one variant ('plain', 'ours' or 'mkdocs-quiz') of an N-page course into `root`,
    plus `without_quiz` pages of text only (om-1.md, ...); `kinds` (ours only) are the question types."""
    docs = root / "docs"
    docs.mkdir(parents=True)
    (root / "quizzes").mkdir()
    for n in range(1, pages + 1):
        qs = questions(n, per_page)
        text = page_text(n)
        if variant == "plain":
            text += "\n".join(plain(q) for q in qs)
        elif variant == "mkdocs-quiz":
            text += "\n".join(mkdocs_quiz(q) for q in qs)
        else:
            write_bank(root, n, per_page, kinds=kinds)
            text += f"/// quiz | side-{n}\n///\n"
        (docs / ("index.md" if n == 1 else f"side-{n}.md")).write_text(text, encoding="utf-8")
    for n in range(1, without_quiz + 1):
        (docs / f"om-{n}.md").write_text(page_text(n), encoding="utf-8")
    if variant == "ours":
        # The scenario extension is loaded too (with no scenario placed), so its cost on every page counts.
        (root / "scenarios").mkdir()
        # The theme brings the quiz's script and styles to the pages that hold a quiz. Zensical runs no
        # plugins and reuses a page it rendered before while the page's Markdown and the configuration
        # (with the times of the files under `watch`) are unchanged; a bank is not a page, so without
        # this `watch` a rebuild after a bank edit would keep the old page. MkDocs reads `watch` only
        # in `mkdocs serve`; both engines build from this same file.
        config = CONFIG.format(
            theme_extra=f"  custom_dir: {THEME}\n",
            plugins="  - krisesenterkurs\n",
            extensions=(
                "  - krisesenterkurs.quiz\n  - krisesenterkurs.scenario\n"
                "extra:\n  course:\n    quizzes: quizzes\n    scenarios: scenarios\nwatch:\n  - quizzes\n"
            ),
        )
    elif variant == "mkdocs-quiz":
        config = CONFIG.format(theme_extra="", plugins="  - mkdocs_quiz\n", extensions="")
    else:
        config = CONFIG.format(theme_extra="", plugins="", extensions="")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root
