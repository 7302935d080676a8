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

from typing import Any

from gov_reports.extract.numbers import parse_cell
from gov_reports.extract.table_labels import (
    ALL_APPLICATION_ROWS,
    AMOUNT_COLUMNS,
    APPLICATION_COLUMN_RULES,
    APPLICATION_COLUMNS,
    APPLICATION_ROWS,
    DISCLOSURE_LAYOUT,
    OUTCOME_ROWS,
    REVIEW_COLUMNS,
    REVIEW_ROWS,
    UNIT_IN_HEADER,
    match_application_row,
    match_application_segment,
    match_disclosure_column,
    match_disclosure_row,
    review_group,
    review_measure,
)
from gov_reports.extract.table_read import TableRead, cell_value
from gov_reports.extract.tables import (
    Grid,
    fit_values,
    is_value_cell,
    looks_like_table_label,
    normalise_label,
    split_row,
)
from gov_reports.model.vocabulary import FlagPrefix

__all__ = [
    "ALL_APPLICATION_ROWS",
    "APPLICATION_COLUMNS",
    "APPLICATION_ROWS",
    "DISCLOSURE_LAYOUT",
    "OUTCOME_ROWS",
    "REVIEW_COLUMNS",
    "REVIEW_ROWS",
    "TableRead",
    "complete_applications",
    "complete_disclosure",
    "disclosure_cell",
    "match_application_row",
    "match_application_segment",
    "read_applications",
    "read_disclosure",
    "read_reviews",
]


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
        for key, test in APPLICATION_COLUMN_RULES:
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
            out.flags.append(f"{FlagPrefix.DUPLICATE_ROW}applications.{key}")
            continue
        if problem:
            out.flags.append(f"{problem}_row:applications.{key}")
            out.incomplete.append({"table": "applications", "row": key, "cells": [c for c in cells if c]})
        row: dict[str, int | float | None] = {}
        if read_values is None:
            read_values = [parse_cell(cell) if cell is not None else None for cell in values]
        for col, cell_read in zip(APPLICATION_COLUMNS, read_values, strict=True):  # `cell_value` inlined: hottest loop
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
            out.flags.append(f"{FlagPrefix.MISSING_ROW}applications.{key}")
    for key in rows:
        if key not in result:
            out.flags.append(f"{FlagPrefix.UNEXPECTED_ROW}applications.{key}")
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
        group, measure = review_group("".join(stack)), review_measure(stack[-1])
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
        value, blank = cell_value(cell)
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
        header = [(offset, match_disclosure_column(cell)) for offset, cell in enumerate(cells[label_at + 1 :])]
        first_column = match_disclosure_column(cells[label_at])
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
                unit = UNIT_IN_HEADER.search(normalise_label(cell))
                header_unit = unit.group(1) if unit else header_unit
            continue
        key = match_disclosure_row(cells[label_at])
        if key is None:
            continue
        tail = cells[label_at + 1 :]
        if not grid.positional and not all(is_value_cell(c) for c in tail):
            continue
        if key in rows:
            out.flags.append(f"{FlagPrefix.DUPLICATE_ROW}disclosure.{key}")
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
            out.flags.append(f"{FlagPrefix.MISSING_ROW}disclosure.{key}")
            result[key] = dict.fromkeys(cols)
            continue
        if "_cells" in row:
            tail = row["_cells"]
            row = {}
            for i, col in enumerate(cols):
                value, blank = disclosure_cell(tail[i] if i < len(tail) else None, col, None)
                row[col] = value
                out.blank_cells += blank
            out.flags.append(f"{FlagPrefix.COLUMNS_BY_POSITION}disclosure.{key}")
        result[key] = {col: row.get(col) for col in cols}
        extra = set(row) - set(cols)
        if extra:
            out.flags.append(f"{FlagPrefix.UNEXPECTED_COLUMNS}disclosure.{key}")
    for key in rows:
        if key not in layout:
            out.flags.append(f"{FlagPrefix.UNEXPECTED_ROW}disclosure.{key}")
    return result
