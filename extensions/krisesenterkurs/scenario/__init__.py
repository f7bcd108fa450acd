"""Samtaletrening: branching conversation exercises (YAML) placed on pages with `/// scenario | <id>`.

schema.py is the scenario model; graph.py checks a scenario's graph as a whole;
scenarios.py loads a course's scenarios; render.py writes the HTML (readable
without JavaScript); extension.py is the Python-Markdown extension
(`krisesenterkurs.scenario`).
"""

from .extension import makeExtension

__all__ = ["makeExtension"]
