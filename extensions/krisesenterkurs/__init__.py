"""Course tooling for «Krisesentertilbudet i kommunene» (RVTS Sør).

core/ is shared by everything; quiz/ renders question banks; course/ holds the
course-wide Markdown extensions (progress, glossary, versions, handouts);
authoring/ is what editors run (check, new-module); publishing/ builds with
either engine and makes PDFs, packages and SCORM; plugin.py is the thin,
optional MkDocs glue; cli.py the `krisesenterkurs` command; theme/ the static
assets and template overrides.
"""
