"""Tidy CSV and Parquet exports of the statistics in a JSON Lines dump.

Two tables per export, each written as CSV and as Parquet (typed columns:
nullable integers, dates as dates), for analysis in pandas/R/Excel:

- the long file: one row per statistic (issuer, year, format, table, row,
  column, value, unit, raw), every table of every report; blank cells are
  kept as rows with an empty value, so "the report left it blank" stays
  distinguishable from "the report has no such table";
- the wide file: one row per report with its `summary`.

Pure functions over record dicts (as read from the JSONL); the CLI only
opens files and calls `export_tables`. Every column is described and typed in
gov_reports.outputs.columns; the data dictionary (docs/data-dictionary.md)
and the Parquet field metadata (gov_reports.outputs.parquet) are made from it.
"""

from __future__ import annotations

import contextlib
import csv
import os
import secrets
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from gov_reports.model.vocabulary import ExportFormat, ReportFormat
from gov_reports.outputs.columns import LONG_COLUMNS, SUMMARY_FIELDS, WIDE_COLUMNS
from gov_reports.outputs.parquet import ParquetTable, long_schema, require_pyarrow, typed_long, typed_wide, wide_schema

_TABLES: tuple[str, ...] = ("disclosure", "applications", "reviews")


def format_value(value: Any) -> str:
    """A number as printed: 12, 3929.08 (no 12.0, no exponent); None as ''."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _record_format(record: dict[str, Any]) -> str:
    stats = record.get("stats") or {}
    fmt = stats.get("format")
    if fmt in (None, ReportFormat.UNKNOWN):
        fmt = record.get("format") or fmt or ReportFormat.UNKNOWN
    return str(fmt)


def iter_long_rows(record: dict[str, Any]) -> Iterator[dict[str, str]]:
    """The record's statistics in long form, one dict per cell (keys: LONG_COLUMNS).

    Tables are 'disclosure' (表二), 'applications' (表三), 'reviews' (表四) and
    'prose' (numbers stated in prose; column 'value', fees with unit 元).
    Table-二 cells printed with more than a number carry their unit and the
    printed text in `raw`.
    """
    stats = record.get("stats")
    if not stats:
        return
    base = {
        "key": str(record.get("key") or ""),
        "issuer": str(record.get("issuer") or ""),
        "year": format_value(record.get("year")),
        "format": _record_format(record),
    }
    for table in _TABLES:
        rows = stats.get(table) or {}
        for row, columns in rows.items():
            for column, cell in (columns or {}).items():
                unit, raw = "", ""
                if isinstance(cell, dict):
                    unit = cell.get("unit") or ""
                    raw = cell.get("raw") or ""
                    cell = cell.get("value")
                yield {
                    **base,
                    "table": table,
                    "row": row,
                    "column": column,
                    "value": format_value(cell),
                    "unit": unit,
                    "raw": raw,
                }
    for row, value in (stats.get("prose") or {}).items():
        if value is None:
            continue
        yield {
            **base,
            "table": "prose",
            "row": row,
            "column": "value",
            "value": format_value(value),
            "unit": "元" if row == "fees" else "",
            "raw": "",
        }


def summary_row(record: dict[str, Any]) -> dict[str, str]:
    """The record's one row in the wide summary file (keys: WIDE_COLUMNS)."""
    summary = record.get("summary") or {}
    failed = [c.get("name", "") for c in record.get("checks") or [] if c.get("ok") is False]
    row = {
        "key": str(record.get("key") or ""),
        "issuer": str(record.get("issuer") or ""),
        "year": format_value(record.get("year")),
        "format": _record_format(record),
        "province": str(record.get("province") or ""),
        "level": str(record.get("level") or ""),
        "published": str(record.get("published") or ""),
    }
    row.update({name: format_value(summary.get(name)) for name in SUMMARY_FIELDS})
    row["failed_checks"] = ";".join(failed)
    row["url"] = str(record.get("url") or "")
    return row


def summary_path_for(out_path: Path, suffix: str = ".csv") -> Path:
    """OUT.csv -> OUT.summary.csv (a name without the suffix gets '.summary' + suffix appended)."""
    if out_path.suffix.lower() == suffix:
        return out_path.with_name(out_path.stem + ".summary" + suffix)
    return out_path.with_name(out_path.name + ".summary" + suffix)


def export_csv(records: Iterable[dict[str, Any]], out_path: Path, *, encoding: str = "utf-8") -> tuple[Path, Path]:
    """Write the long CSV to `out_path` and the wide summary CSV beside it.

    Naming: ``OUT.csv`` gets its summary in ``OUT.summary.csv`` (a name not
    ending in .csv gets ``.summary.csv`` appended). Records are streamed, one
    pass, so a large dump is never held in memory. Returns (long, wide) paths.
    Use encoding='utf-8-sig' for Excel, which otherwise misreads Chinese.
    """
    written = export(records, Path(out_path), "csv", encoding=encoding)
    return written[0], written[1]


def parquet_path_for(csv_path: Path) -> Path:
    """OUT.csv -> OUT.parquet; OUT.summary.csv -> OUT.summary.parquet."""
    if csv_path.suffix.lower() == ".csv":
        return csv_path.with_suffix(".parquet")
    return csv_path.with_name(csv_path.name + ".parquet")


FORMATS = (ExportFormat.CSV, ExportFormat.PARQUET, ExportFormat.BOTH)


def output_paths(out_path: Path, fmt: str) -> dict[str, tuple[Path, Path]]:
    """{format: (long table, summary table)} that `export` writes for `-o out_path --format fmt`.

    One format: `out_path` is the long table's name exactly (``-o n.parquet`` writes ``n.parquet``), the
    summary is beside it (``n.summary.parquet``). Both: `out_path` without its .csv/.parquet suffix, plus
    each format's (``-o n.csv`` writes ``n.csv``, ``n.summary.csv``, ``n.parquet``, ``n.summary.parquet``).
    """
    if fmt not in FORMATS:
        raise ValueError(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
    if fmt != ExportFormat.BOTH:
        return {fmt: (out_path, summary_path_for(out_path, f".{fmt}"))}
    base = out_path.with_suffix("") if out_path.suffix.lower() in (".csv", ".parquet") else out_path
    paths = {}
    for name in ("csv", "parquet"):
        long_path = base.with_name(base.name + f".{name}")
        paths[name] = (long_path, summary_path_for(long_path, f".{name}"))
    return paths


def check_output(path: Path) -> None:
    """A file `export` may write: not a directory, in a directory that exists and can be written."""
    if path.is_dir():
        raise ValueError(f"-o {path}: is a directory; give a file name, e.g. -o {path / 'stats.csv'}")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise ValueError(f"-o {path}: the directory {parent} does not exist; create it first")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise ValueError(f"-o {path}: the directory {parent} is not writable; choose another -o")


def export_tables(
    records: Iterable[dict[str, Any]], out_path: Path, *, encoding: str = "utf-8"
) -> tuple[Path, Path, Path, Path]:
    """`export_csv`, plus the same two tables as typed Parquet beside the CSVs, in one pass.

    ``OUT.csv`` -> ``OUT.csv``, ``OUT.summary.csv``, ``OUT.parquet``, ``OUT.summary.parquet``.
    """
    long_csv, wide_csv, long_parquet, wide_parquet = export(records, Path(out_path), "both", encoding=encoding)
    return long_csv, wide_csv, long_parquet, wide_parquet


def export(records: Iterable[dict[str, Any]], out_path: Path, fmt: str, *, encoding: str = "utf-8") -> list[Path]:
    """Write the long and summary tables in `fmt` (csv, parquet or both; names: `output_paths`), in one pass.

    Nothing is written unless everything is: each table goes to a temporary file beside its target, moved
    into place (`os.replace`) once the last record is in; an error (a bad record, a full disk) removes them
    and leaves any earlier export as it was. Returns the paths written: CSV first, long before summary.
    """
    paths = output_paths(Path(out_path), fmt)
    if "parquet" in paths:
        require_pyarrow()  # before anything is read or written
    targets = [path for pair in paths.values() for path in pair]
    for path in targets:
        check_output(path)
    temps = {path: path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp") for path in targets}
    try:
        _write_tables(records, paths, temps, encoding=encoding)
        for path, temp in temps.items():
            with contextlib.suppress(OSError):
                os.chmod(temp, os.stat(path).st_mode & 0o7777)  # an export written again keeps its mode
            os.replace(temp, path)
    finally:
        for temp in temps.values():
            temp.unlink(missing_ok=True)
    return targets


def _write_tables(
    records: Iterable[dict[str, Any]],
    paths: dict[str, tuple[Path, Path]],
    temps: dict[Path, Path],
    *,
    encoding: str,
) -> None:
    parquet = paths.get("parquet")
    long_table = ParquetTable(temps[parquet[0]], long_schema()) if parquet else None
    wide_table = ParquetTable(temps[parquet[1]], wide_schema()) if parquet else None
    csv_paths = paths.get("csv")
    try:
        with contextlib.ExitStack() as stack:
            long_writer = wide_writer = None
            if csv_paths:
                # "x": a new file, created with the user's umask (mkstemp would make it 0600).
                long_file = stack.enter_context(temps[csv_paths[0]].open("x", encoding=encoding, newline=""))
                wide_file = stack.enter_context(temps[csv_paths[1]].open("x", encoding=encoding, newline=""))
                long_writer = csv.DictWriter(long_file, fieldnames=LONG_COLUMNS)
                wide_writer = csv.DictWriter(wide_file, fieldnames=WIDE_COLUMNS)
                long_writer.writeheader()
                wide_writer.writeheader()
            for record in records:
                for row in iter_long_rows(record):
                    if long_writer is not None:
                        long_writer.writerow(row)
                    if long_table is not None:
                        long_table.add(typed_long(row))
                row = summary_row(record)
                if wide_writer is not None:
                    wide_writer.writerow(row)
                if wide_table is not None:
                    wide_table.add(typed_wide(record, row))
    finally:
        for table in (long_table, wide_table):
            if table is not None:
                table.close()
