"""What spans the whole course: its modules, and the Markdown extensions that draw on them.

modules.py reads every module.yml; progress.py (the learner's progress, resume,
certificate), versions.py (module versions, «Hva er nytt»), handout.py (printable
handouts) and glossary.py (the glossary) are Python-Markdown extensions, known
to MkDocs and Zensical as `krisesenterkurs.progress`, `.versions`, `.handout`
and `.glossary` (entry points in pyproject.toml).
"""
