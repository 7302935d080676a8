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

import contextlib
import csv
import datetime as dt
import os
import secrets
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gov_reports.extract.statistics import SUMMARY_KEYS

if TYPE_CHECKING:
    import pyarrow as pa

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


@dataclass(frozen=True)
class ColumnType:
    """A column's Parquet type, named as pyarrow prints it (the data dictionary shows these names)."""

    name: str
    nullable: bool = True


# Parquet types without importing pyarrow: CSV export and the data dictionary need no pyarrow (an extra).
LONG_TYPES: dict[str, ColumnType] = {
    "key": ColumnType("string", nullable=False),
    "issuer": ColumnType("string", nullable=False),
    "year": ColumnType("int32"),
    "format": ColumnType("string"),
    "table": ColumnType("string", nullable=False),
    "row": ColumnType("string", nullable=False),
    "column": ColumnType("string", nullable=False),
    "value": ColumnType("double"),
    "unit": ColumnType("string"),
    "raw": ColumnType("string"),
}
WIDE_TYPES: dict[str, ColumnType] = {
    "key": ColumnType("string", nullable=False),
    "issuer": ColumnType("string", nullable=False),
    "year": ColumnType("int32"),
    "format": ColumnType("string"),
    "province": ColumnType("string"),
    "level": ColumnType("string"),
    "published": ColumnType("date32[day]"),
    **{name: ColumnType("int64" if name in _COUNT_FIELDS else "double") for name in SUMMARY_FIELDS},
    "failed_checks": ColumnType("list<string>", nullable=False),
    "url": ColumnType("string"),
}
assert tuple(LONG_TYPES) == LONG_COLUMNS and tuple(WIDE_TYPES) == WIDE_COLUMNS

PARQUET_EXTRA = "pip install 'gov-reports[parquet]'"
"""How to get what Parquet needs (pyarrow, and pandas to read it as docs/loading.md does)."""


class MissingExtra(ImportError):
    """An optional dependency is not installed; the message says which and how to install it."""


def require_pyarrow() -> Any:
    """The pyarrow module, or a MissingExtra that names the extra to install."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as error:
        raise MissingExtra(
            f"Parquet needs pyarrow, which is not installed: {PARQUET_EXTRA} (or use --format csv)"
        ) from error
    return pyarrow


def _arrow_type(pa: Any, name: str) -> Any:
    types = {
        "string": pa.string(),
        "int32": pa.int32(),
        "int64": pa.int64(),
        "double": pa.float64(),
        "date32[day]": pa.date32(),
        "list<string>": pa.list_(pa.string()),
    }
    return types[name]


def _schema(types: dict[str, ColumnType], docs: dict[str, str]) -> pa.Schema:
    pa = require_pyarrow()
    return pa.schema(
        [
            pa.field(name, _arrow_type(pa, t.name), nullable=t.nullable, metadata={"description": docs[name]})
            for name, t in types.items()
        ]
    )


@cache
def long_schema() -> pa.Schema:
    """The long table's Parquet schema (needs pyarrow)."""
    return _schema(LONG_TYPES, LONG_DOCS)


@cache
def wide_schema() -> pa.Schema:
    """The summary table's Parquet schema (needs pyarrow)."""
    return _schema(WIDE_TYPES, WIDE_DOCS)


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


FORMATS = ("csv", "parquet", "both")


def output_paths(out_path: Path, fmt: str) -> dict[str, tuple[Path, Path]]:
    """{format: (long table, summary table)} that `export` writes for `-o out_path --format fmt`.

    One format: `out_path` is the long table's name exactly (``-o n.parquet`` writes ``n.parquet``), the
    summary is beside it (``n.summary.parquet``). Both: `out_path` without its .csv/.parquet suffix, plus
    each format's (``-o n.csv`` writes ``n.csv``, ``n.summary.csv``, ``n.parquet``, ``n.summary.parquet``).
    """
    if fmt not in FORMATS:
        raise ValueError(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
    if fmt != "both":
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
        pa = require_pyarrow()
        self.pa, self.path, self.schema, self.rows = pa, path, schema, []
        self.writer = pa.parquet.ParquetWriter(path, schema, compression="zstd")

    def add(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        if len(self.rows) >= PARQUET_BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.writer.write_table(self.pa.Table.from_pylist(self.rows, schema=self.schema))
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
    long_table = _ParquetTable(temps[parquet[0]], long_schema()) if parquet else None
    wide_table = _ParquetTable(temps[parquet[1]], wide_schema()) if parquet else None
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
                        long_table.add(_typed_long(row))
                row = summary_row(record)
                if wide_writer is not None:
                    wide_writer.writerow(row)
                if wide_table is not None:
                    wide_table.add(_typed_wide(record, row))
    finally:
        for table in (long_table, wide_table):
            if table is not None:
                table.close()
