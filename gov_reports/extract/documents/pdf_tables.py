"""The tables of a PDF page (pdfplumber's finder on ruled pages): their cells' text, expanded over spans, as
blocks placed in the page's reading order; the text outside them."""

from __future__ import annotations

import bisect
from typing import Any

from gov_reports.extract.documents._common import (
    Slot,
    cell_text,
    render_slots,
    table_lines,
)


def outside_tables(char: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    """Whether a character's centre is outside every table box (text inside a table is the table's)."""
    x = (char["x0"] + char["x1"]) / 2
    y = (char["top"] + char["bottom"]) / 2
    return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def tables_as_blocks(found: list[Any], chars: list[dict[str, Any]] | None = None) -> list[tuple[float, list[str]]]:
    """(top, row lines) of each table with rows; with `chars`, cell text by `extract_cells`."""
    blocks = []
    for table in found:
        texts = None if chars is None else extract_cells(table, chars)
        if rows := table_lines(_expand_table(table, texts)):
            blocks.append((table.bbox[1], rows))
    return blocks


def extract_cells(table: Any, chars: list[dict[str, Any]]) -> list[list[str | None]]:
    """What pdfplumber's `Table.extract()` returns, without testing every character against every row.

    `Table.extract` keeps, for each row, the page's characters whose centre
    is inside the row's box, then for each cell those inside the cell, and
    joins them with `extract_text`. Here the centres are computed once (the
    same expressions, so the same floats) and a row's characters are found by
    bisection on the sorted vertical centres, then put back in page order:
    the same characters in the same order, so the same text.
    """
    from pdfplumber.utils import extract_text

    centres = [((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2) for c in chars]
    by_height = sorted(range(len(chars)), key=lambda i: centres[i][1])
    heights = [centres[i][1] for i in by_height]
    out: list[list[str | None]] = []
    for row in table.rows:
        x0, top, x1, bottom = row.bbox
        candidates = by_height[bisect.bisect_left(heights, top) : bisect.bisect_left(heights, bottom)]
        in_row = sorted(i for i in candidates if x0 <= centres[i][0] < x1)
        texts: list[str | None] = []
        for cell in row.cells:
            if cell is None:
                texts.append(None)
                continue
            cx0, ctop, cx1, cbottom = cell
            inside = [chars[i] for i in in_row if cx0 <= centres[i][0] < cx1 and ctop <= centres[i][1] < cbottom]
            texts.append(extract_text(inside) if inside else "")
        out.append(texts)
    return out


def is_grid(table: Any) -> bool:
    """At least two rows and two columns: a real table, not a box around text."""
    rows = table.rows
    return len(rows) >= 2 and max((len(r.cells) for r in rows), default=0) >= 2


def _expand_table(table: Any, texts: list[list[str | None]] | None = None) -> list[list[str]]:
    """The table's rows with merged cells expanded by the policy of `DocumentText`.

    pdfplumber returns None for grid positions no cell starts at: positions
    covered by a merged cell. The covering cell is found by geometry; if it
    starts on an earlier row the merge is vertical. `texts`: the cells' text
    if already extracted (`extract_cells`), else `table.extract()`.
    """
    rows = table.rows
    if texts is None:
        texts = table.extract()
    origin_text: dict[tuple[float, ...], str] = {}
    for row, row_texts in zip(rows, texts, strict=True):
        for bbox, value in zip(row.cells, row_texts, strict=True):
            if bbox is not None:
                origin_text[tuple(bbox)] = cell_text(value)
    xs = sorted({cell[0] for cell in table.cells})
    grid: list[list[Slot]] = []
    for row, row_texts in zip(rows, texts, strict=True):
        top = row.bbox[1]
        slots: list[Slot] = []
        for j, (bbox, value) in enumerate(zip(row.cells, row_texts, strict=True)):
            if bbox is not None:
                slots.append(Slot(cell_text(value), origin=True, vertical=False))
                continue
            cover = _covering_cell(table.cells, xs[j] + 0.5, top + 0.5)
            if cover is None:
                slots.append(Slot("", origin=False, vertical=False))
            else:
                vertical = cover[1] < top - 0.5 and cover[0] <= xs[j] + 0.5 and cover[0] >= xs[j] - 0.5
                slots.append(Slot(origin_text.get(tuple(cover), ""), origin=False, vertical=vertical))
        grid.append(slots)
    return render_slots(grid)


def _covering_cell(cells: list[tuple[float, float, float, float]], x: float, y: float) -> tuple[float, ...] | None:
    for cell in cells:
        if cell[0] <= x < cell[2] and cell[1] <= y < cell[3]:
            return cell
    return None
