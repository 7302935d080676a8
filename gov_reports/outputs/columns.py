"""The export's two tables, column by column: names, descriptions and Parquet types.

One place for what `gov-reports export` writes (gov_reports.outputs.export), what its Parquet files
declare (gov_reports.outputs.parquet) and what the data dictionary says (gov_reports.outputs.dictionary).
The types are named as pyarrow prints them, without importing pyarrow: CSV export and the data dictionary
need no pyarrow (an extra).
"""

from __future__ import annotations

from dataclasses import dataclass

from gov_reports.model.schema import published_schema

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
# The record's summary fields (extract.statistics.SUMMARY_KEYS, in order), as the published schema states them:
# importing the statistics extractor for six names would cost every export a quarter of a second of start-up.
SUMMARY_FIELDS: tuple[str, ...] = tuple(published_schema()["properties"]["summary"]["required"])
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
COUNT_FIELDS: frozenset[str] = frozenset(SUMMARY_FIELDS) - {"fees"}


@dataclass(frozen=True)
class ColumnType:
    """A column's Parquet type, named as pyarrow prints it (the data dictionary shows these names)."""

    name: str
    nullable: bool = True


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
    **{name: ColumnType("int64" if name in COUNT_FIELDS else "double") for name in SUMMARY_FIELDS},
    "failed_checks": ColumnType("list<string>", nullable=False),
    "url": ColumnType("string"),
}
assert tuple(LONG_TYPES) == LONG_COLUMNS and tuple(WIDE_TYPES) == WIDE_COLUMNS
