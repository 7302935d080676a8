"""The statutory tables 二/三/四 of a 2019 or 2021 format report, read from grids.

Rows and columns are found by their labels (report-formats.md §3-§5), never by
position alone: labels are normalised (`tables.normalise_label`) and matched
by ordered keyword rules that tolerate the typos seen in the wild
(「（区分处理的,只计这一情况,…）」, 「5.属于三类内容事务信息」).

Cell values: int/float for numbers, None for blank (never 0). Table 二 cells
that were more than a bare number (「增 71」, 「3929. 08 万元」) and all amount
cells become {"value", "unit", "raw"}.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from gov_reports.extract.numbers import parse_cell
from gov_reports.extract.tables import (
    Grid,
    fit_values,
    is_value_cell,
    looks_like_table_label,
    normalise_label,
    split_row,
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
_APPLICATION_COLUMN_RULES: tuple[tuple[str, Callable[[str], bool]], ...] = (
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


def _review_group(stack: str) -> str | None:
    if "复议后" in stack:
        return "litigation_after_reconsideration"
    if "未经复议" in stack or "直接起诉" in stack:
        return "litigation_direct"
    if "行政复议" in stack:
        return "reconsideration"
    return None


def _review_measure(label: str) -> str | None:
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
_UNIT_IN_HEADER = re.compile(r"单位[:：]?(万元|亿元|元)")


@lru_cache(maxsize=8192)
def _match_disclosure_row(label: str) -> str | None:
    text = strip_numbering(normalise_label(label))
    for key, test in _DISCLOSURE_ROW_RULES:
        if test(text):
            return key
    return None


@lru_cache(maxsize=8192)
def _match_disclosure_column(label: str) -> tuple[str, str | None] | None:
    text = normalise_label(label)
    for key, evidence, test in _DISCLOSURE_COLUMN_RULES:
        if test(text):
            return key, evidence
    return None


# --- Results -----------------------------------------------------------------


@dataclass
class TableRead:
    """One table's reading: its data, the problems found, and its format evidence."""

    data: dict[str, Any] | None = None
    flags: list[str] = field(default_factory=list)
    evidence: set[str] = field(default_factory=set)
    blank_cells: int = 0
    incomplete: list[dict[str, Any]] = field(default_factory=list)


def _number(cell: str | None) -> tuple[int | float | None, bool]:
    """(value, was_blank) for a value cell; unknown cells (None) are not blank."""
    if cell is None:
        return None, False
    parsed = parse_cell(cell)
    if parsed is None:
        return None, False
    value, _, _ = parsed
    return value, value is None


# --- Table 三 reader ---------------------------------------------------------


def _application_column_map(grid: Grid, data_start: int) -> dict[int, str]:
    """Grid column -> column key, from the header rows above the first data row."""
    found: dict[str, int] = {}
    width = len(grid.rows[0]) if grid.rows else 0
    for j in range(width):
        stack = [normalise_label(grid.rows[r][j]) for r in range(data_start)]
        stack = [s for s in stack if s]
        if not stack:
            continue
        for key, test in _APPLICATION_COLUMN_RULES:
            if test(stack[-1]) and key not in found:
                found[key] = j
                break
    return {j: key for key, j in found.items()}


def _first_data_row(grid: Grid) -> int:
    """The 「一、本年新收」 row, else the first row holding a number: headers are above it."""
    first_number = None
    for r, cells in enumerate(grid.rows):
        labels = [c for c in cells if c and parse_cell(c) is None]
        if labels and match_application_row(labels[:1], None) == "new":
            return r
        if first_number is None and any(c and parse_cell(c) is not None and c.strip() for c in cells):
            first_number = r
    return first_number or 0


def read_applications(grid: Grid) -> TableRead:
    """Table 三 from one grid: {row key: {column key: value}} for the rows found.

    Positional grids map columns by their headers (自然人 … 总计); text grids
    take the run of numbers at the end of each line, in the official column
    order, fitted with `fit_values`.
    """
    out = TableRead()
    rows: dict[str, dict[str, int | float | None]] = {}
    previous: str | None = None
    column_map: dict[int, str] = {}
    data_start = 0
    columns: list[int] = []  # the grid column of each of APPLICATION_COLUMNS, in order
    if grid.positional:
        data_start = _first_data_row(grid)
        column_map = _application_column_map(grid, data_start)
        if len(column_map) != len(APPLICATION_COLUMNS):
            column_map = {}
        by_key = {k: j for j, k in column_map.items()}
        columns = [by_key[k] for k in APPLICATION_COLUMNS] if column_map else []
    for cells in grid.rows[data_start:]:
        values: list[str | None]
        read_values: list[tuple[int | float | None, str | None, bool] | None] | None = None
        problem: str | None = None
        if grid.positional:
            parsed = list(map(parse_cell, cells))
            labels = [c for c, read in zip(cells, parsed, strict=True) if c and read is None]
            key = match_application_row(labels, previous)
            if key is None:
                continue
            if column_map:
                read_values = [parsed[j] for j in columns]
                if None in read_values:
                    continue
                values = [cells[j] for j in columns]
            else:
                _, tail = split_row(cells)
                values, problem = fit_values(tail, len(APPLICATION_COLUMNS))
                out.flags.append("columns_by_position:applications")
        else:
            labels, tail = split_row(cells)
            if not labels or not looks_like_table_label(labels):
                continue
            key = match_application_row(labels, previous)
            if key is None:
                continue
            has_number = any(c and is_value_cell(c) for c in tail)
            if not has_number and len(tail) < len(APPLICATION_COLUMNS):
                continue  # a heading or prose line that happens to use a row's words
            values, problem = fit_values(tail, len(APPLICATION_COLUMNS))
        previous = key
        if key in rows:
            out.flags.append(f"duplicate_row:applications.{key}")
            continue
        if problem:
            out.flags.append(f"{problem}_row:applications.{key}")
            out.incomplete.append({"table": "applications", "row": key, "cells": [c for c in cells if c]})
        row: dict[str, int | float | None] = {}
        if read_values is None:
            read_values = [parse_cell(cell) if cell is not None else None for cell in values]
        for col, cell_read in zip(APPLICATION_COLUMNS, read_values, strict=True):  # `_number` inlined: hottest loop
            value = cell_read[0] if cell_read is not None else None
            row[col] = value
            out.blank_cells += cell_read is not None and value is None
        rows[key] = row
    if rows:
        if any(k in rows for k in ("other_overdue_correction", "other_unpaid_fees", "other_misc")):
            out.evidence.add("2021")
        elif "other" in rows:
            out.evidence.add("2019")
        out.data = rows
    return out


def complete_applications(rows: dict[str, dict[str, Any]], fmt: str, out: TableRead) -> dict:
    """All rows of the format's layout in order, missing rows as nulls (flagged)."""
    layout = APPLICATION_ROWS[fmt]
    result: dict[str, dict[str, Any]] = {}
    for key in layout:
        if key in rows:
            result[key] = rows[key]
        else:
            result[key] = dict.fromkeys(APPLICATION_COLUMNS)
            out.flags.append(f"missing_row:applications.{key}")
    for key in rows:
        if key not in result:
            out.flags.append(f"unexpected_row:applications.{key}")
    return result


# --- Table 四 reader ---------------------------------------------------------

_REVIEW_KEYS: tuple[tuple[str, str], ...] = tuple((row, col) for row in REVIEW_ROWS for col in REVIEW_COLUMNS)
_WIDTH_REVIEWS = len(_REVIEW_KEYS)


def _review_column_map(stacks: list[list[str]]) -> dict[tuple[str, str], int]:
    """(group, measure) -> grid column, from each column's header stack (its non-empty labels, top down)."""
    found: dict[tuple[str, str], int] = {}
    for j, stack in enumerate(stacks):
        if not stack:
            continue
        group, measure = _review_group("".join(stack)), _review_measure(stack[-1])
        if group and measure and (group, measure) not in found:
            found[(group, measure)] = j
    return found


def _find_review_row(grid: Grid) -> tuple[list[str], list[str | None], str | None, bool] | None:
    """(row cells, 15 value cells, fit problem, mapped by header) of table 四's data row."""
    header_at: int | None = None
    width = len(grid.rows[0]) if grid.rows else 0
    stacks: list[list[str]] = [[] for _ in range(width)]  # each column's labels in rows header_at .. r-1
    for r, cells in enumerate(grid.rows):
        if header_at is None:
            if "行政复议" in normalise_label("".join(cells)):
                header_at = r
            continue
        if r - header_at > 8:
            return None
        if grid.positional:
            above = grid.rows[r - 1]  # the header rows grow by one row per row tried
            for j, stack in enumerate(stacks):
                label = normalise_label(above[j])
                if label:
                    stack.append(label)
            column_map = _review_column_map(stacks)
            if len(column_map) == _WIDTH_REVIEWS:
                if any(c and not is_value_cell(c) for c in cells):
                    continue
                return cells, [cells[column_map[k]] for k in _REVIEW_KEYS], None, True
        labels, tail = split_row(cells)
        if labels and not looks_like_table_label(labels):
            continue
        if len(tail) < 10 or not any(c and is_value_cell(c) for c in tail):
            continue
        values, problem = fit_values(tail, _WIDTH_REVIEWS)
        return cells, values, problem, False
    return None


def read_reviews(grid: Grid) -> TableRead:
    """Table 四 (15 numbers) from one grid.

    The data row is the first row after a header mentioning 行政复议 that is
    all numbers (or blanks). Positional grids map its columns by the header
    stack (行政复议 / 未经复议直接起诉 / 复议后起诉 × 结果维持 … 总计); otherwise
    the 15 numbers are taken in the official order (report-formats.md §3.4:
    「The last line of 15 numbers is the data.」).
    """
    out = TableRead()
    found = _find_review_row(grid)
    if found is None:
        return out
    cells, values, problem, mapped = found
    if not mapped and grid.positional:
        out.flags.append("columns_by_position:reviews")
    if problem:
        out.flags.append(f"{problem}_row:reviews")
        out.incomplete.append({"table": "reviews", "row": "*", "cells": [c for c in cells if c]})
    data: dict[str, dict[str, int | float | None]] = {row: {} for row in REVIEW_ROWS}
    for (row, col), cell in zip(_REVIEW_KEYS, values, strict=True):
        value, blank = _number(cell)
        data[row][col] = value
        out.blank_cells += blank
    out.data = data
    return out


# --- Table 二 reader ---------------------------------------------------------


def disclosure_cell(cell: str | None, column: str, header_unit: str | None) -> tuple[Any, bool]:
    """A table-二 value: a number, or {"value","unit","raw"} for amounts and non-plain cells."""
    if cell is None:
        return None, False
    parsed = parse_cell(cell)
    if parsed is None:
        return {"value": None, "unit": None, "raw": cell}, False
    value, unit, plain = parsed
    if value is None:
        return None, True
    if column in AMOUNT_COLUMNS:
        return {"value": value, "unit": unit or header_unit, "raw": cell}, False
    if plain:
        return value, False
    return {"value": value, "unit": unit, "raw": cell}, False


def _label_end(cells: list[str]) -> int:
    """Index of the label cell of a row: the first non-empty cell and its span copies."""
    i = next(i for i, c in enumerate(cells) if c)
    while i + 1 < len(cells) and cells[i + 1] == cells[i]:
        i += 1
    return i


def _short_cells(cells: list[str]) -> bool:
    """Every cell short and none a sentence: a table row, not prose split on spaces."""
    return all(len(c) <= 40 for c in cells) and looks_like_table_label(cells)


def read_disclosure(grid: Grid) -> TableRead:
    """Table 二 from one grid: {row key: {column key: value}} for the rows found.

    Each block's header row (信息内容 | column labels) sets the columns: a
    header cell and a data cell belong together when they sit at the same
    distance after their row's label cell (the label's span copies skipped),
    which holds for expanded HTML grids and for tab-separated text alike.
    Data rows before any header keep their raw cells (`_cells`) for
    `complete_disclosure` to read in the layout's column order.
    """
    out = TableRead()
    rows: dict[str, dict[str, Any]] = {}
    columns: list[tuple[int, str]] | None = None  # (offset after the label cell, key)
    header_unit: str | None = None
    for cells in grid.rows:
        if not any(cells):
            continue
        label_at = _label_end(cells)
        first = normalise_label(cells[label_at])
        if "勾稽" in first or "申请人情况" in first or "本年新收" in first:
            if not grid.positional:
                break  # table 三 begins
            columns = None
            continue
        if "第二十条" in first and "项" in first:
            if "(九)" in first:
                out.evidence.add("2019")
            continue
        if not grid.positional and not _short_cells(cells):
            continue  # a prose line
        header = [(offset, _match_disclosure_column(cell)) for offset, cell in enumerate(cells[label_at + 1 :])]
        first_column = _match_disclosure_column(cells[label_at])
        if first.startswith("信息内容") or first_column or any(m for _, m in header):
            if first_column:  # no 信息内容 cell: the label column is blank in the header
                header = [(0, first_column)] + [(o + 1, m) for o, m in header]
            columns, header_unit, seen = [], None, set()
            for offset, match in header:
                if match and match[0] not in seen:
                    seen.add(match[0])
                    columns.append((offset, match[0]))
                    if match[1]:
                        out.evidence.add(match[1])
            for cell in cells:
                unit = _UNIT_IN_HEADER.search(normalise_label(cell))
                header_unit = unit.group(1) if unit else header_unit
            continue
        key = _match_disclosure_row(cells[label_at])
        if key is None:
            continue
        tail = cells[label_at + 1 :]
        if not grid.positional and not all(is_value_cell(c) for c in tail):
            continue
        if key in rows:
            out.flags.append(f"duplicate_row:disclosure.{key}")
            continue
        row: dict[str, Any] = {}
        for offset, column in columns or []:
            printed = tail[offset] if offset < len(tail) else None
            value, blank = disclosure_cell(printed, column, header_unit)
            row[column] = value
            out.blank_cells += blank
        if columns is None:
            row["_cells"] = tail
        rows[key] = row
    if rows:
        out.data = rows
    return out


def complete_disclosure(rows: dict[str, dict[str, Any]], fmt: str, out: TableRead) -> dict:
    """Rows and columns of the format's table-二 layout, missing ones null (flagged).

    Rows read before any header row (`_cells`) take the layout's columns in order.
    """
    layout = DISCLOSURE_LAYOUT[fmt]
    result: dict[str, dict[str, Any]] = {}
    for key, cols in layout.items():
        row = rows.get(key)
        if row is None:
            out.flags.append(f"missing_row:disclosure.{key}")
            result[key] = dict.fromkeys(cols)
            continue
        if "_cells" in row:
            tail = row["_cells"]
            row = {}
            for i, col in enumerate(cols):
                value, blank = disclosure_cell(tail[i] if i < len(tail) else None, col, None)
                row[col] = value
                out.blank_cells += blank
            out.flags.append(f"columns_by_position:disclosure.{key}")
        result[key] = {col: row.get(col) for col in cols}
        extra = set(row) - set(cols)
        if extra:
            out.flags.append(f"unexpected_columns:disclosure.{key}")
    for key in rows:
        if key not in layout:
            out.flags.append(f"unexpected_row:disclosure.{key}")
    return result
