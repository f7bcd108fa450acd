"""What the course's Markdown extensions share: the one option they take.

Everything else comes from the course's settings (core.settings), read when a
page is rendered, so the extensions need no options in mkdocs.yml.
"""

from __future__ import annotations


def course_options() -> dict[str, list]:
    """A fresh config table for an extension (Python-Markdown fills it in place)."""
    return {"config_file": ["", "The course's mkdocs.yml, when it is not the build's own (tests, plain Markdown)."]}
