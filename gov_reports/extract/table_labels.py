"""The statutory tables' rows and columns (report-formats.md §3-§5) and the keyword rules that match a
printed label to them, tolerating the typos seen in the wild."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from gov_reports.extract.tables import (
    normalise_label,
    strip_numbering,
)

# --- Table 三: 收到和处理政府信息公开申请情况 ---------------------------------

APPLICATION_COLUMNS: tuple[str, ...] = (
    "natural_person",
    "commercial",
    "research",
    "social_welfare",
    "legal_service",
    "other_org",
    "total",
)
_OUTCOMES_COMMON: tuple[str, ...] = (
    "disclosed",
    "partially_disclosed",
    "withheld_state_secret",
    "withheld_prohibited_by_law",
    "withheld_three_safeties_one_stability",
    "withheld_third_party",
    "withheld_internal_affairs",
    "withheld_process_info",
    "withheld_enforcement_files",
    "withheld_query_matters",
    "unable_not_held",
    "unable_needs_creation",
    "unable_unclear",
    "rejected_petition",
    "rejected_repeated",
    "rejected_publication",
    "rejected_mass_repeated",
    "rejected_confirmation",
)
OUTCOME_ROWS: dict[str, tuple[str, ...]] = {
    "2019": (*_OUTCOMES_COMMON, "other"),
    "2021": (*_OUTCOMES_COMMON, "other_overdue_correction", "other_unpaid_fees", "other_misc"),
}
"""The rows that add up to （七）总计, per format (report-formats.md §6)."""
APPLICATION_ROWS: dict[str, tuple[str, ...]] = {
    fmt: ("new", "carried_over", *rows, "total", "carried_forward") for fmt, rows in OUTCOME_ROWS.items()
}
ALL_APPLICATION_ROWS: tuple[str, ...] = tuple(dict.fromkeys(APPLICATION_ROWS["2019"] + APPLICATION_ROWS["2021"]))

# Ordered: the first rule whose pattern is found in the label wins, so the
# specific sub-rows come before anything a group cell could also contain.
_APPLICATION_ROW_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (key, re.compile(pattern))
    for key, pattern in (
        ("new", r"本年新收"),
        ("carried_over", r"上年结转"),
        ("carried_forward", r"结转下年|继续办理"),
        ("partially_disclosed", r"部分公开"),
        ("disclosed", r"予以公开|同意公开"),
        ("withheld_state_secret", r"国家秘密"),
        ("withheld_prohibited_by_law", r"禁止公开"),
        ("withheld_three_safeties_one_stability", r"三安全一稳定|危及"),
        ("withheld_third_party", r"第三方"),
        ("withheld_internal_affairs", r"内部事务|三类内.{0,2}事务"),
        ("withheld_process_info", r"过程性"),
        ("withheld_enforcement_files", r"执法案卷"),
        ("withheld_query_matters", r"查询事项"),
        ("unable_not_held", r"不掌握"),
        ("unable_needs_creation", r"另行制作|没有现成"),
        ("unable_unclear", r"不明确"),
        ("rejected_petition", r"信访|举报投诉"),
        ("rejected_repeated", r"重复申请"),
        ("rejected_publication", r"出版物"),
        ("rejected_mass_repeated", r"大量反复"),
        ("rejected_confirmation", r"确认|重新出具"),
        ("other_overdue_correction", r"不补正"),
        ("other_unpaid_fees", r"缴纳费用|收费通知"),
        ("total", r"总计|合计"),
    )
)
APPLICATION_COLUMN_RULES: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("natural_person", lambda s: "自然人" in s),
    ("commercial", lambda s: "商业企业" in s),
    ("research", lambda s: "科研机构" in s),
    ("social_welfare", lambda s: "公益组织" in s),
    ("legal_service", lambda s: "法律服务" in s),
    ("other_org", lambda s: s == "其他"),
    ("total", lambda s: s in ("总计", "合计")),
)


@lru_cache(maxsize=8192)
def _application_rule(label: str) -> str | None:
    """The first rule found in a normalised label (cached like `normalise_label`: the statutory labels recur)."""
    for key, pattern in _APPLICATION_ROW_RULES:
        if pattern.search(label):
            return key
    return None


@lru_cache(maxsize=8192)
def match_application_segment(label: str) -> str | None:
    """The row one numbered part of a label names by a rule, or None (「（七）总计」 only as the whole part:
    a header's 「总计」 column names no row)."""
    text = normalise_label(label)
    key = _application_rule(text)
    if key == "total" and not strip_numbering(text).startswith(("总计", "合计")):
        return None
    return key


def match_application_row(labels: list[str], previous: str | None) -> str | None:
    """The table-三 row key for a row's label cells (group cells included), or None.

    The most specific (last) label cell is tried first, then all labels
    joined. 「3.其他」 is the 2021 「其他处理」 sub-row when the row's labels
    or the row before it say so; a bare 「（六）其他处理」 is the 2019 row.
    """
    return _match_application_row(tuple(labels), previous)


@lru_cache(maxsize=8192)
def _match_application_row(labels: tuple[str, ...], previous: str | None) -> str | None:
    """`match_application_row`, cached: a format's rows carry the same labels in every report."""
    norm = [normalise_label(label) for label in labels]
    if not norm:
        return None
    joined = "".join(dict.fromkeys(norm))
    for text in (norm[-1], joined):
        key = _application_rule(text)
        if key is not None:
            return key
    if strip_numbering(norm[-1]) == "其他" and (
        "其他处理" in joined or previous in ("other_unpaid_fees", "other_overdue_correction")
    ):
        return "other_misc"
    if "其他处理" in joined:
        return "other"
    return None


# --- Table 四: 行政复议、行政诉讼 ---------------------------------------------

REVIEW_ROWS: tuple[str, ...] = (
    "reconsideration",
    "litigation_direct",
    "litigation_after_reconsideration",
)
REVIEW_COLUMNS: tuple[str, ...] = ("upheld", "corrected", "other", "pending", "total")


def review_group(stack: str) -> str | None:
    if "复议后" in stack:
        return "litigation_after_reconsideration"
    if "未经复议" in stack or "直接起诉" in stack:
        return "litigation_direct"
    if "行政复议" in stack:
        return "reconsideration"
    return None


def review_measure(label: str) -> str | None:
    for key, word in (
        ("upheld", "维持"),
        ("corrected", "纠正"),
        ("pending", "审结"),
        ("other", "其他"),
        ("total", "总计"),
    ):
        if word in label:
            return key
    return None


# --- Table 二: 主动公开政府信息情况 --------------------------------------------

DISCLOSURE_LAYOUT: dict[str, dict[str, tuple[str, ...]]] = {
    "2019": {
        "rules": ("new_made", "new_published", "published_total"),
        "normative_documents": ("new_made", "new_published", "published_total"),
        "licensing": ("previous_year", "change", "decisions"),
        "other_services": ("previous_year", "change", "decisions"),
        "penalties": ("previous_year", "change", "decisions"),
        "coercive_measures": ("previous_year", "change", "decisions"),
        "fees": ("previous_year", "change"),
        "procurement": ("projects", "amount"),
    },
    "2021": {
        "rules": ("issued", "repealed", "in_force"),
        "normative_documents": ("issued", "repealed", "in_force"),
        "licensing": ("decisions",),
        "penalties": ("decisions",),
        "coercive_measures": ("decisions",),
        "fees": ("amount",),
    },
}
"""Table 二's rows and columns per format. The two formats' columns mean different
things (本年新制作数量 is not 本年制发件数), so each keeps its own keys."""
AMOUNT_COLUMNS = frozenset({"amount"})

_DISCLOSURE_ROW_RULES: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("rules", lambda s: s == "规章"),
    ("normative_documents", lambda s: s.endswith("规范性文件") and len(s) <= 8),
    ("licensing", lambda s: s == "行政许可"),
    ("other_services", lambda s: "对外管理服务" in s),
    ("penalties", lambda s: s == "行政处罚"),
    ("coercive_measures", lambda s: s == "行政强制"),
    ("fees", lambda s: s == "行政事业性收费"),
    ("procurement", lambda s: "集中采购" in s),
)
# (key, evidence format or None, test)
_DISCLOSURE_COLUMN_RULES: tuple[tuple[str, str | None, Callable[[str], bool]], ...] = (
    ("new_made", "2019", lambda s: "新制作" in s),
    ("new_published", "2019", lambda s: "新公开" in s),
    ("published_total", "2019", lambda s: "对外公开总" in s),
    ("previous_year", "2019", lambda s: "上一年" in s),
    ("change", "2019", lambda s: "增/减" in s or "增减" in s),
    ("projects", "2019", lambda s: "采购项目" in s),
    ("amount", "2019", lambda s: "采购总金额" in s),
    ("issued", "2021", lambda s: "制发" in s),
    ("repealed", "2021", lambda s: "废止" in s),
    ("in_force", "2021", lambda s: "现行有效" in s),
    ("amount", "2021", lambda s: "收费金额" in s),
    ("decisions", "2021", lambda s: s.startswith("本年处理决定")),
    ("decisions", None, lambda s: "处理决定" in s),
)
UNIT_IN_HEADER = re.compile(r"单位[:：]?(万元|亿元|元)")


@lru_cache(maxsize=8192)
def match_disclosure_row(label: str) -> str | None:
    text = strip_numbering(normalise_label(label))
    for key, test in _DISCLOSURE_ROW_RULES:
        if test(text):
            return key
    return None


@lru_cache(maxsize=8192)
def match_disclosure_column(label: str) -> tuple[str, str | None] | None:
    text = normalise_label(label)
    for key, evidence, test in _DISCLOSURE_COLUMN_RULES:
        if test(text):
            return key, evidence
    return None
