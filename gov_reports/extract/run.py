"""`gov-reports extract`: records from saved files, merged into a dump (gov_reports.extract.saved_files)."""

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
