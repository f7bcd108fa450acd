"""The course's figures: one or more per module, each an SVG drawn for the course in the module's
folder, placed with a text alternative, a caption and (where it says more than a sentence) a
description; readable on a phone and in both colour schemes; and `check` names each mistake.
The built pages and the browser are checked in tests/browser/test_figures.py."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from krisesenterkurs.authoring.figures import IMAGE, figure_problems, svg_problems
from tests.support import COURSE

SVG = "{http://www.w3.org/2000/svg}"
# The text column of a 390 px phone (Material's 0.8rem padding each side); text there must be
# 12 px or more.
PHONE_COLUMN = 358
MIN_TEXT_PX = 12


def placed_images() -> list[tuple[Path, str]]:
    """(page, image src) for every image on a module page."""
    found = []
    for page in sorted(COURSE.modules.glob("*/*.md")):
        found += [(page, m["src"]) for m in IMAGE.finditer(page.read_text(encoding="utf-8"))]
    return found


def course_svgs() -> list[Path]:
    return sorted(COURSE.modules.glob("*/*.svg"))


def test_every_module_has_a_figure_drawn_for_it_in_its_own_folder():
    modules = sorted(p.parent.name for p in COURSE.modules.glob("*/module.yml"))
    with_figure = {page.parent.name for page, src in placed_images() if (page.parent / src).is_file()}
    assert len(modules) == 5
    assert sorted(with_figure) == modules
    # Every drawing in a module folder is used, and every image a page places is in its own module.
    placed = {(page.parent / src).resolve() for page, src in placed_images()}
    assert {p.resolve() for p in course_svgs()} == placed
    assert all("/" not in src for _, src in placed_images())


def test_the_course_figures_pass_check():
    assert figure_problems(COURSE) == []


@pytest.mark.parametrize("svg", course_svgs(), ids=lambda p: p.name)
def test_each_drawing_is_safe_under_the_security_policy(svg):
    assert svg_problems(svg) == []
    root = ET.parse(svg).getroot()
    assert root.find(f"{SVG}title") is not None and root.find(f"{SVG}title").text.strip()


def _colour(value: str) -> tuple[float, float, float]:
    value = value.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))


def _luminance(rgb) -> float:
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(_colour(a)), _luminance(_colour(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_contrast_is_measured_as_wcag_does():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#767676", "#ffffff"), 1) == 4.5


def _texts_and_backgrounds(svg: Path):
    """(text, font size, text colour, colour of the shape it sits on) for every <text>: the shape
    is the last-drawn rectangle that holds the text's anchor point."""
    root = ET.parse(svg).getroot()
    size, fill = float(root.get("font-size", "16")), root.get("fill", "#000000")
    rects = []
    for element in root.iter():
        if element.tag == f"{SVG}rect" and element.get("fill", "none") not in ("none", "transparent"):
            x, y = float(element.get("x", 0)), float(element.get("y", 0))
            rects.append((x, y, x + float(element.get("width")), y + float(element.get("height")), element))
        if element.tag == f"{SVG}text":
            font = float(element.get("font-size", size))
            px, py = float(element.get("x")), float(element.get("y")) - font / 3
            if element.get("text-anchor") != "middle":
                px += 2
            under = [r for r in rects if r[0] <= px <= r[2] and r[1] <= py <= r[3]]
            background = under[-1][4].get("fill") if under else None
            yield "".join(element.itertext()), font, element.get("fill", fill), background


@pytest.mark.parametrize("svg", course_svgs(), ids=lambda p: p.name)
def test_each_drawing_is_readable_on_a_phone_and_in_both_colour_schemes(svg):
    root = ET.parse(svg).getroot()
    width = float(root.get("viewBox").split()[2])
    # Its own light panel behind everything: the drawing does not take the page's colours, so it
    # reads alike on Material's light and dark (slate) background and on paper.
    panel = root.find(f"{SVG}rect")
    assert float(panel.get("width")) >= width - 1 and float(panel.get("height")) >= float(root.get("height")) - 1
    assert _luminance(_colour(panel.get("fill"))) > 0.9
    texts = list(_texts_and_backgrounds(svg))
    assert texts
    for text, font, colour, background in texts:
        assert background is not None, f"{text!r} sits on no shape"
        assert font * PHONE_COLUMN / width >= MIN_TEXT_PX, (
            f"{text!r} is {font * PHONE_COLUMN / width:.1f} px on a phone"
        )
        assert contrast(colour, background) >= 4.5, f"{text!r}: {contrast(colour, background):.1f}:1"
        assert not re.search(r"\b(voldsmann|voldsmannen|overgriper)\b", text, re.IGNORECASE)


def _page(tmp_path: Path, text: str, svg: str | None = None):
    """A one-page course folder for figure_problems: only the pages are read."""
    page = tmp_path / "side.md"
    page.write_text(text, encoding="utf-8")
    if svg is not None:
        (tmp_path / "figur.svg").write_text(svg, encoding="utf-8")

    class Pages:
        def pages(self):
            return [(page, "side.md")]

    return Pages()


WORDY = '<svg xmlns="http://www.w3.org/2000/svg">' + "<text>a</text>" * 5 + "</svg>"
GOOD = '![Det figuren viser](figur.svg){ width="440" height="100" }\n\n/// caption\nFigurtekst.\n///\n'
DESCRIBED = GOOD + '\n??? info "Beskrivelse av figuren"\n    Med ord.\n'


def messages(settings) -> list[str]:
    return [f"{p.line}: {p.message}" for p in figure_problems(settings)]


def test_a_well_placed_figure_passes_also_inside_a_box_or_tab(tmp_path):
    assert messages(_page(tmp_path, DESCRIBED, WORDY)) == []
    boxed = '!!! note "Boks"\n' + "".join(f"    {line}\n" if line else "\n" for line in DESCRIBED.splitlines())
    assert messages(_page(tmp_path, boxed, WORDY)) == []
    # A short drawing needs no description; an example in fenced code is no figure.
    assert messages(_page(tmp_path, GOOD, "<svg><text>a</text></svg>")) == []
    assert messages(_page(tmp_path, "```markdown\n![](finnes-ikke.svg)\n```\n")) == []


@pytest.mark.parametrize(
    ("text", "svg", "expected"),
    [
        (
            "![Kart](https://example.org/kart.svg)\n",
            None,
            "1: bildet «https://example.org/kart.svg» kommer fra en annen vert",
        ),
        ("![Kart](//example.org/kart.svg)\n", None, "kommer fra en annen vert"),
        (DESCRIBED.replace("Det figuren viser", ""), WORDY, "1: bildet «figur.svg» har ingen tekstalternativ"),
        (DESCRIBED.replace("figur.svg", "feil.svg"), WORDY, "1: bildet «feil.svg» finnes ikke"),
        ("Se ![Kart](figur.svg) her.\n", WORDY, "står ikke på en egen linje"),
        ("![Kart](figur.svg)\n\nTekst.\n", WORDY, "1: bildet «figur.svg» har ingen bildetekst"),
        ("![Kart](figur.svg)\n\n/// caption\n///\n", WORDY, "bildeteksten til «figur.svg» er tom eller ikke avsluttet"),
        (GOOD, WORDY, "1: figuren «figur.svg» sier mer enn en setning, men har ingen beskrivelse"),
        (DESCRIBED, WORDY.replace("<text>", '<text style="fill:red">', 1), "har et style-attributt"),
        (DESCRIBED, WORDY.replace("</svg>", "<script>x()</script></svg>"), "har et skript"),
        (
            DESCRIBED,
            WORDY.replace("</svg>", '<image href="https://example.org/a.png"/></svg>'),
            "viser til en annen fil eller vert",
        ),
    ],
)
def test_check_names_each_figure_mistake_with_its_line_and_fix(tmp_path, text, svg, expected):
    found = messages(_page(tmp_path, text, svg))
    assert len(found) == 1 and expected in found[0] and "Rett:" in found[0], found


def test_the_author_guide_shows_the_message_check_gives_for_a_figure_without_caption(tmp_path):
    real = COURSE.modules / "mandat" / "mer-enn-et-bosted.md"
    text = real.read_text(encoding="utf-8")
    start = text.index("/// caption\nKrisesenteret er mer enn")
    end = text.index("///\n", start + 4) + 4
    (tmp_path / "krisesenteret-mer-enn-et-bosted.svg").write_text(
        (real.parent / "krisesenteret-mer-enn-et-bosted.svg").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (found,) = figure_problems(_page(tmp_path, text[:start] + text[end:]))
    guide = (COURSE.root / "FORFATTERVEILEDNING.md").read_text(encoding="utf-8")
    assert f"course/moduler/mandat/mer-enn-et-bosted.md:{found.line}: {found.message}" in guide
