"""Benchmarks of the quiz extension against plain Material and mkdocs-quiz (`python -m bench`)."""
