"""Tidy CSV exports of the statistics in a JSON Lines dump.

Two files per export, for analysis in pandas/R/Excel:

- the long file: one row per statistic (issuer, year, format, table, row,
  column, value, unit, raw), every table of every report; blank cells are
  kept as rows with an empty value, so "the report left it blank" stays
  distinguishable from "the report has no such table";
- the wide file: one row per report with its `summary`.

Pure functions over record dicts (as read from the JSONL); the CLI only
opens files and calls `export_csv`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from gov_reports.extract.statistics import SUMMARY_KEYS

LONG_COLUMNS: tuple[str, ...] = (
    "key",
    "issuer",
    "year",
    "format",
    "table",
    "row",
    "column",
    "value",
    "unit",
    "raw",
)
SUMMARY_FIELDS: tuple[str, ...] = SUMMARY_KEYS
WIDE_COLUMNS: tuple[str, ...] = (
    "key",
    "issuer",
    "year",
    "format",
    "province",
    "level",
    "published",
    *SUMMARY_FIELDS,
    "failed_checks",
    "url",
)
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
    if fmt in (None, "unknown"):
        fmt = record.get("format") or fmt or "unknown"
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


def summary_path_for(out_path: Path) -> Path:
    """OUT.csv -> OUT.summary.csv (any other name gets '.summary.csv' appended)."""
    if out_path.suffix.lower() == ".csv":
        return out_path.with_name(out_path.stem + ".summary.csv")
    return out_path.with_name(out_path.name + ".summary.csv")


def export_csv(records: Iterable[dict[str, Any]], out_path: Path, *, encoding: str = "utf-8") -> tuple[Path, Path]:
    """Write the long CSV to `out_path` and the wide summary CSV beside it.

    Naming: ``OUT.csv`` gets its summary in ``OUT.summary.csv`` (a name not
    ending in .csv gets ``.summary.csv`` appended). Records are streamed, one
    pass, so a large dump is never held in memory. Returns (long, wide) paths.
    Use encoding='utf-8-sig' for Excel, which otherwise misreads Chinese.
    """
    out_path = Path(out_path)
    wide_path = summary_path_for(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with (
        out_path.open("w", encoding=encoding, newline="") as long_file,
        wide_path.open("w", encoding=encoding, newline="") as wide_file,
    ):
        long_writer = csv.DictWriter(long_file, fieldnames=LONG_COLUMNS)
        wide_writer = csv.DictWriter(wide_file, fieldnames=WIDE_COLUMNS)
        long_writer.writeheader()
        wide_writer.writeheader()
        for record in records:
            long_writer.writerows(iter_long_rows(record))
            wide_writer.writerow(summary_row(record))
    return out_path, wide_path
