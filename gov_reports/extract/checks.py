"""Consistency checks (勾稽关系) over the statutory tables.

Each check is {"name", "ok", "detail", "message"}. `ok` is True or False when every cell
it needs is a number, and None ("not checkable") when one is blank or
unknown: a blank cell is not a 0, so it can neither pass nor fail a sum.
`detail` is the arithmetic (stable, for programs); `message` says the same in the
report's own words, for people: 「总计列：本年新收加上年结转之和 (12) ≠ 总计加结转下年度继续办理之和 (11)」.
Names are stable so that runs can be compared:

- ``applications_balance:<column>``  新收 + 上年结转 = （七）总计 + 结转下年度 (printed)
- ``applications_row_sum:<row>``     总计 column = the six applicant columns
- ``applications_outcome_sum:<column>``  （七）总计 = the outcome rows of the format (§6)
- ``reviews_total:<row>``            总计 = 维持 + 纠正 + 其他 + 尚未审结
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from gov_reports.extract.report_tables import (
    APPLICATION_COLUMNS,
    OUTCOME_ROWS,
    REVIEW_COLUMNS,
    REVIEW_ROWS,
)
from gov_reports.model.vocabulary import FlagPrefix

Number = int | float
_TOLERANCE = 1e-6


# The statutory labels of the cells (report-formats.md §3-§5), for the messages.
COLUMN_LABELS: dict[str, str] = {
    "natural_person": "自然人",
    "commercial": "商业企业",
    "research": "科研机构",
    "social_welfare": "社会公益组织",
    "legal_service": "法律服务机构",
    "other_org": "其他组织",
    "total": "总计",
}
ROW_LABELS: dict[str, str] = {
    "new": "本年新收",
    "carried_over": "上年结转",
    "disclosed": "予以公开",
    "partially_disclosed": "部分公开",
    "withheld_state_secret": "不予公开·属于国家秘密",
    "withheld_prohibited_by_law": "不予公开·其他法律行政法规禁止公开",
    "withheld_three_safeties_one_stability": "不予公开·危及“三安全一稳定”",
    "withheld_third_party": "不予公开·保护第三方合法权益",
    "withheld_internal_affairs": "不予公开·属于三类内部事务信息",
    "withheld_process_info": "不予公开·属于四类过程性信息",
    "withheld_enforcement_files": "不予公开·属于行政执法案卷",
    "withheld_query_matters": "不予公开·属于行政查询事项",
    "unable_not_held": "无法提供·本机关不掌握相关政府信息",
    "unable_needs_creation": "无法提供·没有现成信息需要另行制作",
    "unable_unclear": "无法提供·补正后申请内容仍不明确",
    "rejected_petition": "不予处理·信访举报投诉类申请",
    "rejected_repeated": "不予处理·重复申请",
    "rejected_publication": "不予处理·要求提供公开出版物",
    "rejected_mass_repeated": "不予处理·无正当理由大量反复申请",
    "rejected_confirmation": "不予处理·要求行政机关确认或重新出具已获取信息",
    "other": "其他处理",
    "other_overdue_correction": "其他处理·逾期不补正",
    "other_unpaid_fees": "其他处理·逾期未缴纳费用",
    "other_misc": "其他处理·其他",
    "total": "总计",
    "carried_forward": "结转下年度继续办理",
}
REVIEW_ROW_LABELS: dict[str, str] = {
    "reconsideration": "行政复议",
    "litigation_direct": "行政诉讼（未经复议直接起诉）",
    "litigation_after_reconsideration": "行政诉讼（复议后起诉）",
}
REVIEW_COLUMN_LABELS: dict[str, str] = {
    "upheld": "结果维持",
    "corrected": "结果纠正",
    "other": "其他结果",
    "pending": "尚未审结",
    "total": "总计",
}


def make_check(name: str, ok: bool | None, detail: str, message: str = "") -> dict[str, Any]:
    """One check record; `message` is the readable sentence (the detail when none is given)."""
    return {"name": name, "ok": ok, "detail": detail, "message": message or detail}


def _fmt(value: Number) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _side(labels: Sequence[str], total: Number | None) -> str:
    """「本年新收加上年结转之和 (12)」, 「总计 (5)」, 「自然人、商业企业、…之和 (5)」."""
    shown = f" ({_fmt(total)})" if total is not None else ""
    if len(labels) == 1:
        return f"{labels[0]}{shown}"
    if len(labels) == 2:
        return f"{labels[0]}加{labels[1]}之和{shown}"
    if len(labels) <= 6:
        return f"{'、'.join(labels)}之和{shown}"
    return f"{labels[0]}至{labels[-1]}{len(labels)}项之和{shown}"


def _sum_check(
    name: str,
    left_labels: Sequence[str],
    left_values: Sequence[Any],
    right_labels: Sequence[str],
    right_values: Sequence[Any],
    *,
    where: str = "",
    words: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Compare sum(left) with sum(right); each side's cell labels (distinct) and values, in order.

    `where` names the row or column the cells share (「总计列」), `words` the labels' statutory names.
    """
    words = words or {}
    left_words = [words.get(label, label) for label in left_labels]
    right_words = [words.get(label, label) for label in right_labels]
    prefix = f"{where}：" if where else ""
    if None in left_values or None in right_values:
        labels = (*left_labels, *right_labels)
        blanks = [label for label, v in zip(labels, (*left_values, *right_values), strict=True) if v is None]
        shown = ", ".join(blanks[:4]) + (", …" if len(blanks) > 4 else "")
        blank_words = "、".join(words.get(label, label) for label in blanks[:4]) + ("等" if len(blanks) > 4 else "")
        message = f"{prefix}无法核对 {_side(left_words, None)} 与 {_side(right_words, None)}：{blank_words}为空"
        return make_check(name, None, f"not checkable: blank {shown}", message)
    lsum, rsum = sum(left_values), sum(right_values)
    ok = abs(lsum - rsum) <= _TOLERANCE
    # A sum of ints is an int: then every value is one, and `_fmt` is `str` for each (most tables).
    lhs = " + ".join(map(str if isinstance(lsum, int) else _fmt, left_values)) if len(left_values) <= 4 else _fmt(lsum)
    rhs = (
        " + ".join(map(str if isinstance(rsum, int) else _fmt, right_values)) if len(right_values) <= 4 else _fmt(rsum)
    )
    relation = "=" if ok else "≠"
    message = f"{prefix}{_side(left_words, lsum)} {relation} {_side(right_words, rsum)}"
    return make_check(name, ok, f"{lhs} = {_fmt(lsum)} {relation} {_fmt(rsum)} = {rhs}", message)


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
                where=f"{COLUMN_LABELS[col]}列",
                words=ROW_LABELS,
            )
        )
    parts = APPLICATION_COLUMNS[:-1]
    for key, row in rows.items():
        checks.append(
            _sum_check(
                f"applications_row_sum:{key}",
                _TOTAL,
                (row["total"],),
                parts,
                [row[col] for col in parts],
                where=f"{ROW_LABELS.get(key, key)}行",
                words=COLUMN_LABELS,
            )
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
                where=f"{COLUMN_LABELS[col]}列",
                words=ROW_LABELS,
            )
        )
    return checks


def review_checks(reviews: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Table 四: each 总计 = 维持 + 纠正 + 其他 + 尚未审结."""
    parts = REVIEW_COLUMNS[:-1]
    return [
        _sum_check(
            f"reviews_total:{row}",
            _TOTAL,
            (reviews[row]["total"],),
            parts,
            [reviews[row][col] for col in parts],
            where=REVIEW_ROW_LABELS[row],
            words=REVIEW_COLUMN_LABELS,
        )
        for row in REVIEW_ROWS
    ]


def failed_flags(checks: Iterable[dict[str, Any]]) -> list[str]:
    """'check_failed:<name>' for every check that ran and failed."""
    return [f"{FlagPrefix.CHECK_FAILED}{c['name']}" for c in checks if c["ok"] is False]
