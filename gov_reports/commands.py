"""The commands that need no crawler: `extract`, `export`, `report`, `schema` (gov_reports.cli parses them).

Not in gov_reports/extract/ (setup.py compiles every module there with mypyc) nor in outputs/ (`extract` is
no output). Each command imports only what it runs, and none imports Scrapy: they start fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gov_reports.extract.saved_files import SavedFile, extract_one, extract_saved
from gov_reports.model.dump_writer import merge_into_file


def extract_file(path: Path, url: str | None = None, hosts: Sequence[str] = ()) -> dict[str, Any]:
    """The record of one saved file, as `gov-reports extract` writes it (bench/real_corpus.py scores this).

    Raises `NotAReport`, `UnreadableDocument`, `ValueError` or `OSError` for a file that gives no record.
    """
    return extract_one(path, url, hosts)


def extract_inputs(args: argparse.Namespace) -> list[Any]:
    """The files with their URLs: `--url` once per file, in order (a single file may have one)."""
    urls = args.urls or []
    if urls and len(urls) != len(args.files):
        raise ValueError(
            f"--url: {len(urls)} URL(s) for {len(args.files)} file(s); give one --url per file, in the files' order"
        )
    return [SavedFile(path, urls[i] if urls else path.resolve().as_uri()) for i, path in enumerate(args.files)]


def run_extract(args: argparse.Namespace) -> int:
    """`gov-reports extract`: the records of saved files, merged into the dump as a crawl's are."""
    found = extract_saved(extract_inputs(args), args.hosts)
    for path, reason in found.skipped:
        print(f"skipped {path}: {reason}", file=sys.stderr)
    result = merge_into_file(args.output, found.records, overwrite=args.overwrite)
    print(
        f"{len(found.records)} report(s) extracted, {len(found.skipped)} file(s) skipped; {args.output}: "
        f"{result.written} record(s) ({result.new} new, {result.updated} updated, "
        f"{result.unchanged} unchanged, {result.copies_merged} copies merged)"
        + (
            f"; {result.unreadable_lines} line(s) failing the record schema moved to {result.rejected_path}"
            if result.rejected_path
            else ""
        )
    )
    return 0 if found.records or not found.skipped else 1


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
