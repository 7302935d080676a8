"""The export's tables as typed Parquet (nullable integers, dates as dates), written in batches.

pyarrow is the `parquet` extra: nothing here imports it before a Parquet file is to be written, and a
missing pyarrow is `MissingExtra` naming the extra (gov_reports.extras).
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gov_reports.extras import MissingExtra
from gov_reports.outputs.columns import (
    COUNT_FIELDS,
    LONG_DOCS,
    LONG_TYPES,
    SUMMARY_FIELDS,
    WIDE_DOCS,
    WIDE_TYPES,
    ColumnType,
)

if TYPE_CHECKING:
    import pyarrow as pa

PARQUET_EXTRA = "pip install 'gov-reports[parquet]'"
"""How to get what Parquet needs (pyarrow, and pandas to read it as docs/loading.md does)."""


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


def _optional(text: str) -> str | None:
    return text or None


def _integer(value: Any, what: str) -> int | None:
    if value is None or value == "":
        return None
    number = float(value)
    if not number.is_integer():
        raise ValueError(f"{what}: {value!r} is not a whole number")
    return int(number)


def typed_long(row: dict[str, str]) -> dict[str, Any]:
    return {
        **row,
        "year": _integer(row["year"], f"{row['key']} year"),
        "format": _optional(row["format"]),
        "value": float(row["value"]) if row["value"] != "" else None,
        "unit": _optional(row["unit"]),
        "raw": _optional(row["raw"]),
    }


def typed_wide(record: dict[str, Any], row: dict[str, str]) -> dict[str, Any]:
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
        if name in COUNT_FIELDS:
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


class ParquetTable:
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
