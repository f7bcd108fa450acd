"""Course tooling for «Krisesentertilbudet i kommunene» (RVTS Sør).

`quiz` is the Python-Markdown extension that renders YAML question banks;
`plugin` is the thin MkDocs glue around it.
"""
