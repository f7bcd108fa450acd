"""A reader for GIFT that follows Moodle's import step by step (question/format/gift/format.php).

`readquestions` splits the file at blank lines; `readquestion` blanks comment lines, swaps the
escaped characters for placeholders (`escapedchar_pre`), reads `$CATEGORY:`, the `::name::`,
the answers between the first `{` and `}`, the general feedback after `####`, picks the type
(`~` multichoice, `=` with `->` matching, TRUE/FALSE truefalse) and puts the characters back
(`escapedchar_post`). The tests read the exported files with it.
"""

from __future__ import annotations

import re

_ESCAPED = ["\\:", "\\#", "\\=", "\\{", "\\}", "\\~", "\\n"]
_PLACEHOLDERS = ["&&058;", "&&035;", "&&061;", "&&123;", "&&125;", "&&126;", "&&010"]
_CHARACTERS = [":", "#", "=", "{", "}", "~", "\n"]
_WEIGHT = re.compile(r"^%-*([0-9]{1,2})\.?([0-9]*)%")


def _pre(text: str) -> str:
    text = text.replace("\\\\", "&&092;")
    for escaped, placeholder in zip(_ESCAPED, _PLACEHOLDERS, strict=True):
        text = text.replace(escaped, placeholder)
    return text.replace("&&092;", "\\")


def _post(text: str) -> str:
    for placeholder, char in zip(_PLACEHOLDERS, _CHARACTERS, strict=True):
        text = text.replace(placeholder, char)
    return text


def _formatted(text: str, default: str = "moodle") -> tuple[str, str]:
    text = text.strip()
    fmt = default
    if text.startswith("["):
        end = text.index("]")
        if text[1:end] in ("moodle", "html", "plain", "markdown"):
            fmt, text = text[1:end], text[end + 1 :]
    return _post(text).strip(), fmt


def _comment(answer: str, fmt: str) -> tuple[str, str]:
    text, _, feedback = answer.partition("#")
    return _formatted(text, fmt)[0], _formatted(feedback, fmt)[0]


def readquestion(lines: list[str]) -> dict | None:
    lines = [" " if line.strip().startswith("//") else line for line in lines]
    text = "\n".join(lines).strip()
    if not text:
        return None
    text = _pre(text)
    if text.startswith("$CATEGORY:"):
        return {"type": "category", "category": text[10:].strip()}
    name = None
    if text.startswith("::"):
        text = text[2:]
        end = text.index("::")
        name, text = _post(text[:end]), text[end + 2 :].strip()
    start, finish = text.index("{"), text.index("}")
    answers = text[start + 1 : finish].strip()
    questiontext, fmt = _formatted(text[:start] + text[finish + 1 :])
    general = ""
    if "####" in answers:
        at = answers.rindex("####")
        general, answers = _formatted(answers[at + 4 :], fmt)[0], answers[:at].strip()
    q: dict = {"name": name, "text": questiontext, "format": fmt, "generalfeedback": general}
    if "~" in answers:
        q["type"] = "multichoice"
        q["single"] = "=" in answers
        parts = [a.strip() for a in answers.replace("=", "~=").split("~")]
        q["answers"] = []
        for part in [p for p in parts if p]:
            if part.startswith("="):
                weight, part = 1.0, part[1:]
            elif _WEIGHT.match(part):
                end = part.index("%", 1)
                weight, part = float(part[1:end]) / 100, part[end + 1 :]
            else:
                weight = 0.0
            answer, feedback = _comment(part, fmt)
            q["answers"].append((weight, answer, feedback))
    elif "=" in answers and "->" in answers:
        q["type"] = "match"
        q["pairs"] = []
        for part in [p.strip() for p in answers.split("=") if p.strip()]:
            marker = part.index("->")
            q["pairs"].append((_formatted(part[:marker], fmt)[0], _post(part[marker + 2 :]).strip()))
    elif answers.split("#")[0].strip() in ("T", "TRUE", "F", "FALSE"):
        q["type"] = "truefalse"
        q["answer"] = answers.split("#")[0].strip() in ("T", "TRUE")
    else:
        q["type"] = "other"
    return q


def readquestions(text: str) -> list[dict]:
    """Every question of a GIFT file, as Moodle's import sees them (comment-only blocks are skipped)."""
    questions, block = [], []
    for line in [*text.split("\n"), ""]:
        if line.strip():
            block.append(line)
        elif block:
            if (q := readquestion(block)) is not None:
                questions.append(q)
            block = []
    return questions
