"""The coverage and timeliness report: one self-contained HTML file from a JSON Lines dump.

`aggregate` turns records into numbers (pure, tested directly), `deadlines` holds
the statutory publication deadlines, `charts` draws the numbers with matplotlib
as inline SVG, and `html` lays everything out with escaped string templates.
`build_report` is the one entry point the CLI calls.
"""
