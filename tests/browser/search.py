"""Searching the course as a learner does, in either engine's search."""

from __future__ import annotations


def search(page, engine: str, word: str):
    """Type `word` into the search and return the locator of the first result's link."""
    if engine == "zensical":
        # Zensical draws its own dialog (in a shadow root, which Playwright's locators enter).
        page.locator(".md-search__button").click()
        page.get_by_role("combobox").press_sequentially(word, delay=20)
        return page.get_by_role("listbox").locator("a").first
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially(word, delay=20)
    return page.locator(".md-search-result__item").first.locator("a").first
