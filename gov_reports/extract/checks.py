"""Consistency checks (勾稽关系) over the statutory tables.

Each check is {"name", "ok", "detail"}. `ok` is True or False when every cell
it needs is a number, and None ("not checkable") when one is blank or
unknown: a blank cell is not a 0, so it can neither pass nor fail a sum.
Names are stable so that runs can be compared:

- ``applications_balance:<column>``  新收 + 上年结转 = （七）总计 + 结转下年度 (printed)
- ``applications_row_sum:<row>``     总计 column = the six applicant columns
- ``applications_outcome_sum:<column>``  （七）总计 = the outcome rows of the format (§6)
- ``reviews_total:<row>``            总计 = 维持 + 纠正 + 其他 + 尚未审结
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from gov_reports.extract.report_tables import (
    APPLICATION_COLUMNS,
    OUTCOME_ROWS,
    REVIEW_COLUMNS,
    REVIEW_ROWS,
)

Number = int | float
_TOLERANCE = 1e-6


def make_check(name: str, ok: bool | None, detail: str) -> dict[str, Any]:
    """One check record."""
    return {"name": name, "ok": ok, "detail": detail}


def _fmt(value: Number) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _sum_check(
    name: str,
    left_labels: Sequence[str],
    left_values: Sequence[Any],
    right_labels: Sequence[str],
    right_values: Sequence[Any],
) -> dict[str, Any]:
    """Compare sum(left) with sum(right); each side's cell labels (distinct) and values, in order."""
    if None in left_values or None in right_values:
        labels = (*left_labels, *right_labels)
        blanks = [label for label, v in zip(labels, (*left_values, *right_values), strict=True) if v is None]
        shown = ", ".join(blanks[:4]) + (", …" if len(blanks) > 4 else "")
        return make_check(name, None, f"not checkable: blank {shown}")
    lsum, rsum = sum(left_values), sum(right_values)
    ok = abs(lsum - rsum) <= _TOLERANCE
    # A sum of ints is an int: then every value is one, and `_fmt` is `str` for each (most tables).
    lhs = " + ".join(map(str if isinstance(lsum, int) else _fmt, left_values)) if len(left_values) <= 4 else _fmt(lsum)
    rhs = (
        " + ".join(map(str if isinstance(rsum, int) else _fmt, right_values)) if len(right_values) <= 4 else _fmt(rsum)
    )
    relation = "=" if ok else "≠"
    return {"name": name, "ok": ok, "detail": f"{lhs} = {_fmt(lsum)} {relation} {_fmt(rsum)} = {rhs}"}


_BALANCE_LEFT = ("new", "carried_over")
_BALANCE_RIGHT = ("total", "carried_forward")
_TOTAL = ("total",)


def application_checks(applications: dict[str, dict[str, Any]], fmt: str) -> list[dict[str, Any]]:
    """The printed balance, row sums and outcome sums of table 三."""
    checks: list[dict[str, Any]] = []
    rows = applications
    for col in APPLICATION_COLUMNS:
        checks.append(
            _sum_check(
                f"applications_balance:{col}",
                _BALANCE_LEFT,
                (rows["new"][col], rows["carried_over"][col]),
                _BALANCE_RIGHT,
                (rows["total"][col], rows["carried_forward"][col]),
            )
        )
    parts = APPLICATION_COLUMNS[:-1]
    for key, row in rows.items():
        checks.append(
            _sum_check(f"applications_row_sum:{key}", _TOTAL, (row["total"],), parts, [row[col] for col in parts])
        )
    outcome_rows = OUTCOME_ROWS[fmt]
    for col in APPLICATION_COLUMNS:
        checks.append(
            _sum_check(
                f"applications_outcome_sum:{col}",
                _TOTAL,
                (rows["total"][col],),
                outcome_rows,
                [rows[key][col] for key in outcome_rows],
            )
        )
    return checks


def review_checks(reviews: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Table 四: each 总计 = 维持 + 纠正 + 其他 + 尚未审结."""
    parts = REVIEW_COLUMNS[:-1]
    return [
        _sum_check(
            f"reviews_total:{row}", _TOTAL, (reviews[row]["total"],), parts, [reviews[row][col] for col in parts]
        )
        for row in REVIEW_ROWS
    ]


def failed_flags(checks: Iterable[dict[str, Any]]) -> list[str]:
    """'check_failed:<name>' for every check that ran and failed."""
    return [f"check_failed:{c['name']}" for c in checks if c["ok"] is False]
