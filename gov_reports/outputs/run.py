"""The commands that make something from a dump or from the code: `export`, `report`, `schema`.

No Scrapy here (gov_reports.outputs and gov_reports.model import none), and each command imports only what it
runs (an export needs neither the report's HTML nor the schema generator): these commands start fast.
"""

from __future__ import annotations

import argparse


def run_export(args: argparse.Namespace) -> int:
    """`gov-reports export`: the statistics of a dump as CSV and/or Parquet tables."""
    from gov_reports.model.dump_reader import check_input, dump_records
    from gov_reports.outputs.export import export

    check_input(args.input)
    written = export(dump_records(args.input), args.output, args.format)  # streamed; nothing written on error
    print("wrote " + ", ".join(str(p) for p in written))
    return 0


def run_report(args: argparse.Namespace) -> int:
    """`gov-reports report`: the coverage and timeliness report of a dump, one HTML file."""
    from gov_reports.outputs.coverage.aggregate import parse_years
    from gov_reports.outputs.coverage.build import build_report

    years = parse_years(args.years) if args.years else None
    print(build_report(args.input, args.output, sources_path=args.sources, years=years, crawls_path=args.crawls))
    return 0


def run_schema(args: argparse.Namespace) -> int:
    """`gov-reports schema`: the record's JSON Schema and the data dictionary, written from the code."""
    from gov_reports.model.schema import write_schema
    from gov_reports.outputs.dictionary import write_dictionary

    print(write_schema(args.output))
    print(write_dictionary(args.docs))
    return 0
