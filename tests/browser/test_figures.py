"""A learner looking at the course's figures, with either engine's build: every figure on every
page is a picture from the site itself that loads under the security policy, with a caption, a
text alternative and, where the drawing says more than a sentence, a description to open; it is
readable on a phone and in both colour schemes, and prints whole on one page.

The screenshots are kept for a person to look at: in KK_SCREENSHOTS when it names a folder, else
in the test run's temporary folder (the path is printed with -s).
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from krisesenterkurs.authoring.figures import svg_needs_description

pytestmark = pytest.mark.browser
DESCRIPTION = "Beskrivelse av figuren"
# The page's own images: everything in the text column (Material's header logo is outside it).
FIGURES_JS = """() => [...document.querySelectorAll('article img')].map(img => {
  const figure = img.closest('figure');
  const after = figure && figure.nextElementSibling;
  return {
    src: img.getAttribute('src'), url: img.currentSrc || img.src, alt: img.alt.trim(),
    loaded: img.complete && img.naturalWidth > 0, natural: img.naturalWidth,
    width: img.getBoundingClientRect().width,
    caption: figure && figure.querySelector(':scope > figcaption')?.textContent.trim(),
    description: after && after.tagName === 'DETAILS' ? after.querySelector('summary').textContent.trim() : null,
  };
})"""


def figure_pages(served_course) -> list[str]:
    root = served_course["dir"]
    pages = [p for p in root.rglob("*.html") if "<img" in p.read_text(encoding="utf-8").partition("<article")[2]]
    return sorted(p.relative_to(root).as_posix().removesuffix("index.html") for p in pages)


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    folder = os.environ.get("KK_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("figures")
    path.mkdir(parents=True, exist_ok=True)
    return path


def test_every_figure_is_from_the_site_with_caption_alternative_and_description(page, base_url, served_course):
    pages = figure_pages(served_course)
    modules = {p.split("/")[1] for p in pages if p.startswith("moduler/")}
    assert len(modules) == 5, pages
    blocked = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
    seen = 0
    for path in pages:
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        for figure in page.evaluate(FIGURES_JS):
            seen += 1
            where = f"{path}: {figure['src']}"
            assert urlsplit(figure["url"]).netloc == urlsplit(base_url).netloc, where
            assert figure["loaded"], f"{where} does not load"
            assert figure["alt"], f"{where} has no text alternative"
            assert figure["caption"], f"{where} has no caption"
            # The file is in the built site, where the page's address says it is.
            built = served_course["dir"] / urlsplit(figure["url"]).path.lstrip("/")
            assert built.is_file(), where
            if built.suffix == ".svg" and svg_needs_description(built):
                assert figure["description"] == DESCRIPTION, f"{where} has no description after it"
    assert seen >= 5
    assert blocked == []


def test_the_description_opens_and_is_read_in_words(page, base_url):
    page.goto(base_url + "moduler/fortsettelsesvold/tre-former/")
    details = page.locator("figure + details")
    summary = details.locator("summary")
    assert summary.inner_text().strip() == DESCRIPTION
    assert not details.locator("ol").is_visible()
    summary.focus()
    page.keyboard.press("Enter")
    assert details.locator("ol").is_visible()
    assert "Systemisk fortsettelsesvold" in details.inner_text()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_figures_are_readable_on_a_phone_and_a_laptop_in_both_schemes(
    browser, base_url, served_course, shots, engine, scheme, width
):
    phone = width < 600
    context = browser.new_context(
        viewport={"width": width, "height": 900}, color_scheme=scheme, is_mobile=phone, has_touch=phone
    )
    page = context.new_page()
    try:
        for path in figure_pages(served_course):
            page.goto(base_url + path)
            page.wait_for_load_state("load")
            figure = page.locator("article figure").first
            figure.scroll_into_view_if_needed()
            name = path.strip("/").replace("/", "-")
            figure.screenshot(path=str(shots / f"{engine}-{name}-{scheme}-{width}.png"))
            # The drawings' smallest text is 15 of their 440 units (tests/course/test_figures.py):
            # at the width drawn, at least 12 px; and nothing wider than the screen.
            for f in page.evaluate(FIGURES_JS):
                assert f["width"] / f["natural"] * 15 >= 12, f"{path}: {f['width']:.0f} px wide"
                assert f["width"] <= width
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
    finally:
        context.close()
    print(f"\nscreenshots: {shots}")


def test_a_figure_prints_whole_on_one_page(page, base_url):
    page.goto(base_url + "moduler/barn-i-reetablering/bolig-og-overganger/")
    page.emulate_media(media="print")
    figure = page.locator("article figure").first
    assert figure.evaluate("f => getComputedStyle(f).breakInside") == "avoid"
    height = figure.locator("img").evaluate("i => i.getBoundingClientRect().height")
    # A4 less 1.5 cm margins is about 26.7 cm, 1009 CSS px; the caption needs room too.
    assert 500 < height <= 22 / 2.54 * 96 + 1
