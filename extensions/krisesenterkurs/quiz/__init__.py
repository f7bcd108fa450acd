"""Quizzes: question banks (YAML) placed on pages with `/// quiz | <bank id>`.

schema.py is the bank model; banks.py loads a course's banks; render.py and
html.py write a quiz's HTML; markup.py is the contract with quiz.js;
extension.py is the Python-Markdown extension (`krisesenterkurs.quiz`).
"""

from .extension import makeExtension

__all__ = ["makeExtension"]
