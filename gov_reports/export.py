"""Tidy CSV and Parquet exports of the statistics in a JSON Lines dump.

Two tables per export, each written as CSV and as Parquet (typed columns:
nullable integers, dates as dates), for analysis in pandas/R/Excel:

- the long file: one row per statistic (issuer, year, format, table, row,
  column, value, unit, raw), every table of every report; blank cells are
  kept as rows with an empty value, so "the report left it blank" stays
  distinguishable from "the report has no such table";
- the wide file: one row per report with its `summary`.

Pure functions over record dicts (as read from the JSONL); the CLI only
opens files and calls `export_tables`. Every column is described in
`LONG_DOCS`/`WIDE_DOCS` and typed in `LONG_SCHEMA`/`WIDE_SCHEMA`; the data
dictionary (docs/data-dictionary.md) and the Parquet field metadata are made
from them.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

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

SUMMARY_DOCS: dict[str, str] = {
    "proactive_total": "主动公开 total: government information published proactively in the year (items).",
    "applications_new": "本年新收: information requests received in the year (table 三, 总计 column; or prose).",
    "applications_carried_over": "上年结转: requests carried over from the previous year (table 三).",
    "reconsideration_total": "行政复议 total: administrative reconsiderations about disclosure (table 四 or prose).",
    "litigation_total": "行政诉讼 total: lawsuits, direct plus after reconsideration (table 四 or prose).",
    "fees": "Fees charged for handling requests, in 元 (yuan).",
}
LONG_DOCS: dict[str, str] = {
    "key": "The record's key, issuer|year.",
    "issuer": "The issuing body (record field `issuer`).",
    "year": "The year the report covers.",
    "format": "The statistics' layout: 2019, 2021, pre2019 or unknown (stats.format, else the record's format).",
    "table": "disclosure (表二), applications (表三), reviews (表四), or prose (numbers stated in prose).",
    "row": "The table's row, e.g. new, disclosed, withheld_state_secret, reconsideration; "
    "for prose the quantity (proactive_total, applications_received, …).",
    "column": "The table's column, e.g. natural_person … total (表三), upheld … total (表四); 'value' for prose.",
    "value": "The number as printed; null (empty in CSV) when the report left the cell blank. "
    "Float because table 二 has amounts (万元); counts are whole numbers.",
    "unit": "Unit printed in or above the cell (万元, 元), else null.",
    "raw": "The cell's text as printed when it was more than a bare number (「增 71」, 「3929. 08 万元」), else null.",
}
WIDE_DOCS: dict[str, str] = {
    "key": "The record's key, issuer|year.",
    "issuer": "The issuing body.",
    "year": "The year the report covers.",
    "format": "The statistics' layout: 2019, 2021, pre2019 or unknown.",
    "province": "Province-level division of the issuer; null when unknown.",
    "level": "province | city | county | department | township | unknown.",
    "published": "Publication date (a date in Parquet, YYYY-MM-DD in CSV); null when unknown.",
    **{name: f"summary.{name}: {doc}" for name, doc in SUMMARY_DOCS.items()},
    "failed_checks": "Names of the consistency checks that failed (Parquet: a list; CSV: joined by ';').",
    "url": "The best copy's URL.",
}
_COUNT_FIELDS: frozenset[str] = frozenset(SUMMARY_FIELDS) - {"fees"}


def _field(name: str, type_: pa.DataType, docs: dict[str, str], *, nullable: bool = True) -> pa.Field:
    return pa.field(name, type_, nullable=nullable, metadata={"description": docs[name]})


LONG_SCHEMA: pa.Schema = pa.schema(
    [
        _field("key", pa.string(), LONG_DOCS, nullable=False),
        _field("issuer", pa.string(), LONG_DOCS, nullable=False),
        _field("year", pa.int32(), LONG_DOCS),
        _field("format", pa.string(), LONG_DOCS),
        _field("table", pa.string(), LONG_DOCS, nullable=False),
        _field("row", pa.string(), LONG_DOCS, nullable=False),
        _field("column", pa.string(), LONG_DOCS, nullable=False),
        _field("value", pa.float64(), LONG_DOCS),
        _field("unit", pa.string(), LONG_DOCS),
        _field("raw", pa.string(), LONG_DOCS),
    ]
)
WIDE_SCHEMA: pa.Schema = pa.schema(
    [
        _field("key", pa.string(), WIDE_DOCS, nullable=False),
        _field("issuer", pa.string(), WIDE_DOCS, nullable=False),
        _field("year", pa.int32(), WIDE_DOCS),
        _field("format", pa.string(), WIDE_DOCS),
        _field("province", pa.string(), WIDE_DOCS),
        _field("level", pa.string(), WIDE_DOCS),
        _field("published", pa.date32(), WIDE_DOCS),
        *(_field(name, pa.int64() if name in _COUNT_FIELDS else pa.float64(), WIDE_DOCS) for name in SUMMARY_FIELDS),
        _field("failed_checks", pa.list_(pa.string()), WIDE_DOCS, nullable=False),
        _field("url", pa.string(), WIDE_DOCS),
    ]
)
assert tuple(LONG_SCHEMA.names) == LONG_COLUMNS and tuple(WIDE_SCHEMA.names) == WIDE_COLUMNS
PARQUET_BATCH_ROWS = 50_000


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
    long_path, wide_path, _, _ = _write_tables(records, Path(out_path), encoding=encoding, parquet=False)
    return long_path, wide_path


def parquet_path_for(csv_path: Path) -> Path:
    """OUT.csv -> OUT.parquet; OUT.summary.csv -> OUT.summary.parquet."""
    if csv_path.suffix.lower() == ".csv":
        return csv_path.with_suffix(".parquet")
    return csv_path.with_name(csv_path.name + ".parquet")


def _optional(text: str) -> str | None:
    return text or None


def _integer(value: Any, what: str) -> int | None:
    if value is None or value == "":
        return None
    number = float(value)
    if not number.is_integer():
        raise ValueError(f"{what}: {value!r} is not a whole number")
    return int(number)


def _typed_long(row: dict[str, str]) -> dict[str, Any]:
    return {
        **row,
        "year": _integer(row["year"], f"{row['key']} year"),
        "format": _optional(row["format"]),
        "value": float(row["value"]) if row["value"] != "" else None,
        "unit": _optional(row["unit"]),
        "raw": _optional(row["raw"]),
    }


def _typed_wide(record: dict[str, Any], row: dict[str, str]) -> dict[str, Any]:
    key = row["key"]
    summary = record.get("summary") or {}
    typed: dict[str, Any] = {
        **row,
        "year": _integer(row["year"], f"{key} year"),
        "format": _optional(row["format"]),
        "province": _optional(row["province"]),
        "level": _optional(row["level"]),
        "published": _date(row["published"], key),
        "failed_checks": [name for name in row["failed_checks"].split(";") if name],
        "url": _optional(row["url"]),
    }
    for name in SUMMARY_FIELDS:
        value = summary.get(name)
        if name in _COUNT_FIELDS:
            typed[name] = _integer(value, f"{key} summary.{name}")
        else:
            typed[name] = None if value is None else float(value)
    return typed


def _date(text: str, key: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise ValueError(f"{key}: published {text!r} is not YYYY-MM-DD") from error


class _ParquetTable:
    """Rows buffered and written to a Parquet file in batches, so a large dump is never held in memory."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        self.path, self.schema, self.rows = path, schema, []
        self.writer = pq.ParquetWriter(path, schema, compression="zstd")

    def add(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        if len(self.rows) >= PARQUET_BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self.flush()
        self.writer.close()


def export_tables(
    records: Iterable[dict[str, Any]], out_path: Path, *, encoding: str = "utf-8"
) -> tuple[Path, Path, Path, Path]:
    """`export_csv`, plus the same two tables as typed Parquet beside the CSVs, in one pass.

    ``OUT.csv`` -> ``OUT.csv``, ``OUT.summary.csv``, ``OUT.parquet``, ``OUT.summary.parquet``.
    """
    long_path, wide_path, long_parquet, wide_parquet = _write_tables(records, Path(out_path), encoding=encoding)
    assert long_parquet is not None and wide_parquet is not None
    return long_path, wide_path, long_parquet, wide_parquet


def _write_tables(
    records: Iterable[dict[str, Any]], out_path: Path, *, encoding: str, parquet: bool = True
) -> tuple[Path, Path, Path | None, Path | None]:
    wide_path = summary_path_for(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    long_table = _ParquetTable(parquet_path_for(out_path), LONG_SCHEMA) if parquet else None
    wide_table = _ParquetTable(parquet_path_for(wide_path), WIDE_SCHEMA) if parquet else None
    try:
        with (
            out_path.open("w", encoding=encoding, newline="") as long_file,
            wide_path.open("w", encoding=encoding, newline="") as wide_file,
        ):
            long_writer = csv.DictWriter(long_file, fieldnames=LONG_COLUMNS)
            wide_writer = csv.DictWriter(wide_file, fieldnames=WIDE_COLUMNS)
            long_writer.writeheader()
            wide_writer.writeheader()
            for record in records:
                for row in iter_long_rows(record):
                    long_writer.writerow(row)
                    if long_table is not None:
                        long_table.add(_typed_long(row))
                row = summary_row(record)
                wide_writer.writerow(row)
                if wide_table is not None:
                    wide_table.add(_typed_wide(record, row))
    finally:
        for table in (long_table, wide_table):
            if table is not None:
                table.close()
    return (
        out_path,
        wide_path,
        long_table.path if long_table is not None else None,
        wide_table.path if wide_table is not None else None,
    )
