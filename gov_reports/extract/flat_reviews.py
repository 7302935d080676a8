"""Table 四 (reconsideration and litigation) from flattened text."""

from __future__ import annotations

import re
from typing import Any

from gov_reports.extract.flat_applications import NEW_ROW, REVIEW_WORD, row_check, table_end
from gov_reports.extract.flat_cells import Values, can_fill, pieces, settle
from gov_reports.extract.numbers import parse_cell
from gov_reports.extract.report_tables import (
    REVIEW_COLUMNS,
    REVIEW_ROWS,
    TableRead,
)

# --- Table 四 ----------------------------------------------------------------

_REVIEW_HEADER = re.compile(r"维\s*持|审\s*结|纠\s*正")
_SECTION_FIVE = re.compile(r"五\s*[、.．]")


def _reviews_region(text: str, after: int) -> str | None:
    """From the first 行政复议 (after table 三) whose header words follow, to section 五 or the prose after it."""
    for m in REVIEW_WORD.finditer(text, after):
        window = text[m.start() : m.start() + 400]
        if len(_REVIEW_HEADER.findall(window)) >= 2:
            return text[m.start() : table_end(text, m.end(), _SECTION_FIVE, _REVIEW_HEADER)]
    return None


def _review_check(values: list[int | float | None]) -> bool | None:
    results = [row_check(values[g * 5 : g * 5 + 5]) for g in range(3)]
    if False in results:
        return False
    return None if None in results else True


def read_flat_reviews(text: str) -> TableRead:
    """Table 四: the last run of values after its header that can be its 15 cells."""
    out = TableRead()
    start = NEW_ROW.search(text)
    region = _reviews_region(text, start.start() if start else 0)
    if region is None:
        return out
    width = len(REVIEW_ROWS) * len(REVIEW_COLUMNS)
    found = None
    for piece in pieces(region):
        if isinstance(piece, Values) and can_fill(piece, 10):
            settled = settle(piece, width, _review_check, False)
            if settled is not None:
                found = (piece, settled)
    if found is None:
        return out
    piece, (cells, problem, _) = found
    if problem:
        out.flags.append(f"{problem}_{'cells' if problem == 'ambiguous' else 'row'}:reviews")
        out.incomplete.append({"table": "reviews", "row": "*", "cells": piece.raw})
    data: dict[str, dict[str, Any]] = {row: {} for row in REVIEW_ROWS}
    keys = [(row, col) for row in REVIEW_ROWS for col in REVIEW_COLUMNS]
    for (row, col), cell in zip(keys, cells, strict=True):
        read = parse_cell(cell) if cell is not None else None
        data[row][col] = read[0] if read is not None else None
        out.blank_cells += read is not None and read[0] is None
    out.data = data
    return out
