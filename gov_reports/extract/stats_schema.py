"""The shape of a record's statistics: the summary keys, the formats, and the JSON Schemas of `stats`,
`summary` and `checks` (the dump's schema includes them)."""

from __future__ import annotations

from typing import Any

from gov_reports.extract.formats import STATS_FORMATS
from gov_reports.extract.prose_stats import PROSE_KEYS
from gov_reports.extract.report_tables import (
    ALL_APPLICATION_ROWS,
    APPLICATION_COLUMNS,
    DISCLOSURE_LAYOUT,
    REVIEW_COLUMNS,
    REVIEW_ROWS,
)

SUMMARY_KEYS: tuple[str, ...] = (
    "proactive_total",
    "applications_new",
    "applications_carried_over",
    "reconsideration_total",
    "litigation_total",
    "fees",
)


# --- JSON Schemas ------------------------------------------------------------

_NUMBER = {"type": ["number", "null"]}
_STRING = {"type": ["string", "null"]}
_PRINTED = {
    "type": "object",
    "description": "A cell that was more than a bare number, or an amount: "
    "value as read, unit (万元/元) if printed or given in the header, raw text as printed.",
    "properties": {"value": _NUMBER, "unit": _STRING, "raw": _STRING},
    "required": ["value", "unit", "raw"],
    "additionalProperties": False,
}
_DISCLOSURE_CELL = {"anyOf": [_NUMBER, _PRINTED]}


def _strict_object(properties: dict[str, Any], description: str | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": ["object", "null"],
        "properties": properties,
        "additionalProperties": False,
    }
    if description:
        schema["description"] = description
    return schema


def _disclosure_schema() -> dict[str, Any]:
    rows: dict[str, list[str]] = {}
    for layout in DISCLOSURE_LAYOUT.values():
        for row, cols in layout.items():
            rows.setdefault(row, [])
            rows[row] += [c for c in cols if c not in rows[row]]
    return _strict_object(
        {row: _strict_object({c: _DISCLOSURE_CELL for c in cols}) for row, cols in rows.items()},
        "Table 二 (主动公开). Columns are the format's own: 2019 new_made/new_published/"
        "published_total, previous_year/change/decisions, projects/amount; 2021 issued/repealed/"
        "in_force, decisions, amount (万元).",
    )


_APPLICATION_ROW = _strict_object({c: _NUMBER for c in APPLICATION_COLUMNS})
_REVIEW_ROW = _strict_object({c: _NUMBER for c in REVIEW_COLUMNS})

STATS_JSON_SCHEMA: dict[str, Any] = {
    "type": ["object", "null"],
    "description": "The statutory statistics: tables 二/三/四 and prose numbers. Blank cells are null.",
    "properties": {
        "format": {"enum": list(STATS_FORMATS)},
        "disclosure": _disclosure_schema(),
        "applications": _strict_object(
            {row: _APPLICATION_ROW for row in ALL_APPLICATION_ROWS},
            "Table 三 (收到和处理政府信息公开申请): row -> applicant column -> count.",
        ),
        "reviews": _strict_object(
            {row: _REVIEW_ROW for row in REVIEW_ROWS},
            "Table 四 (行政复议/行政诉讼): row -> result column -> count.",
        ),
        "prose": _strict_object(
            {key: _NUMBER for key in PROSE_KEYS},
            "Numbers stated in prose; fees in 元.",
        ),
        "incomplete_rows": {
            "type": "array",
            "description": "Rows whose cells could not all be placed (see the flags short_row/long_row, and "
            "ambiguous_cells where a run of digits allows more than one reading).",
            "items": {
                "type": "object",
                "properties": {
                    "table": {"type": "string"},
                    "row": {"type": "string"},
                    "cells": {"type": "array", "items": {"type": "string"}},
                },
                "required": ["table", "row", "cells"],
                "additionalProperties": False,
            },
        },
    },
    "required": ["format", "disclosure", "applications", "reviews", "prose"],
    "additionalProperties": False,
}

SUMMARY_JSON_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "Headline numbers comparable across formats; fees in 元; null where not stated.",
    "properties": {key: _NUMBER for key in SUMMARY_KEYS},
    "required": list(SUMMARY_KEYS),
    "additionalProperties": False,
}

CHECK_JSON_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "ok": {"type": ["boolean", "null"], "description": "null: not checkable (blank cells)"},
        "detail": {"type": "string", "description": "the arithmetic, e.g. '10 + 2 = 12 ≠ 11 = 9 + 2'"},
        "message": {
            "type": "string",
            "description": "the check in the report's words, e.g. '总计列：本年新收加上年结转之和 (12) ≠ "
            "总计加结转下年度继续办理之和 (11)' (absent in records written before it existed)",
        },
    },
    "required": ["name", "ok", "detail"],
    "additionalProperties": False,
}
