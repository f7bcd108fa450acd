"""What every part of the course tooling shares.

errors.py (the one error type, one line per problem), yamlfile.py (YAML with
line numbers), validation.py and messages.py (models checked, mistakes worded
for editors), model.py (the models' base), settings.py (the course's settings,
from mkdocs.yml), cache.py (files read once per build), blocks.py (the
`/// name | argument` syntax), page.py (the page being rendered) and strings/
(UI words, one table per language).
"""
