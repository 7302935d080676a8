"""Table 三 (applications) from flattened text: rows placed by label or by the layout's row order, runs
split by the table's sums, stray cells placed where the sums say."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise, product

from gov_reports.extract.flat_cells import MAX_READINGS, Row, Values, can_fill, cell_numbers, pieces, settle
from gov_reports.extract.numbers import parse_cell
from gov_reports.extract.report_tables import (
    APPLICATION_COLUMNS,
    APPLICATION_ROWS,
    OUTCOME_ROWS,
    TableRead,
    match_application_row,
    match_application_segment,
)
from gov_reports.extract.tables import normalise_text, strip_numbering
from gov_reports.model.vocabulary import FlagPrefix, ReportFormat

# --- Table 三 ----------------------------------------------------------------

NEW_ROW = re.compile(r"本\s*年\s*新\s*收")
REVIEW_WORD = re.compile(r"行\s*政\s*复\s*议")
_SENTENCE = re.compile(r"。")
_HEADER_WORDS = ("申请人情况", "自然人", "商业企业", "科研机构", "勾稽")


_ROW_LEAD = frozenset("|\t 一1、.．,，(（)）")
"""What may stand before a row's label on its line: a Markdown or tab cell's start, its numbering."""


def _row_start(text: str, at: int) -> int:
    """Where the row whose label words start at `at` begins: back over its numbering and cell marks."""
    while at > 0 and text[at - 1] in _ROW_LEAD:
        at -= 1
    return at


_APPLICATION_WORDS = re.compile(r"予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|总\s*计|结转下年|本年新收")
_LOOKAHEAD = 300
"""A sentence ends a table only when no row label of it follows within this many characters (a footnote
between a table's two page halves does not)."""


def table_end(text: str, start: int, stop: re.Pattern[str], words: re.Pattern[str]) -> int:
    """Where a table that starts at `start` ends: at `stop` (the next table), or at a sentence end that
    no more of the table's `words` follow."""
    end = len(text)
    found = stop.search(text, start)
    if found is not None:
        end = found.start()
    at = start
    while (sentence := _SENTENCE.search(text, at, end)) is not None:
        if words.search(text, sentence.end(), min(end, sentence.end() + _LOOKAHEAD)) is None:
            return sentence.start()
        at = sentence.end()
    return end


def _applications_regions(text: str) -> Iterator[str]:
    """Each stretch from a 「一、本年新收」 row (the headers are above it) to table 四 or the prose after it."""
    at = 0
    while (found := NEW_ROW.search(text, at)) is not None:
        end = table_end(text, found.end(), REVIEW_WORD, _APPLICATION_WORDS)
        yield text[_row_start(text, found.start()) : end]
        at = max(end, found.end())


def _known(values: list[int | float | None]) -> list[int | float] | None:
    """The values when every one is a number, else None."""
    known = [v for v in values if v is not None]
    return known if len(known) == len(values) else None


def row_check(values: list[int | float | None]) -> bool | None:
    known = _known(values)
    if known is None:
        return None
    return abs(sum(known[:-1]) - known[-1]) < 1e-6


def _label_key(label: str, previous: str | None) -> tuple[str | None, int]:
    """(row key, how many rows the label's numbered parts name) of a label text.

    A label naming two rows (「5.属于三类内部事务信息1.本机关不掌握相关政府信息」: labels broken away from
    their numbers) names none; the row is then placed by its order, if at all.
    """
    parts = _label_parts(label)
    named = {k for k in (match_application_segment(p) for p in parts) if k is not None}
    if len(named) == 1:
        return named.pop(), 1
    if named:
        return None, len(named)
    if not parts or any(w in label for w in _HEADER_WORDS):
        return None, 0
    last = normalise_text(parts[-1])
    if len(parts) > 1 and _SUB_ROW.match(last) and strip_numbering(last) != "其他":
        return None, 0  # 「（六）其他处理1.申请人无正当理」: a sub-row whose words were cut off, not the group's row
    key = match_application_row(parts, previous)  # 「3.其他」 after 其他处理's rows, 2019's 「（六）其他处理」
    return key, 1 if key else 0


_SUB_ROW = re.compile(r"\d[.,]")


_PART = re.compile(r"(?=(?:[一二三四五六七八九十]+[、.,，]|[(（][一二三四五六七八九十]+[)）]|\d[.、]))")


def _label_parts(label: str) -> list[str]:
    """A label text cut before each numbering.

    「（三）不予公开1.属于国家秘密」 -> 「（三）不予公开」, 「1.属于国家秘密」.
    """
    return [p for p in _PART.split(label) if p.strip()]


def read_flat_applications(text: str, layout_hint: str = ReportFormat.Y2021) -> TableRead:
    """Table 三 from text whose grid is lost (see the module doc); `layout_hint` when its rows do not say.

    Prose may name 本年新收 before the table does: every stretch that starts so is read, and the one that
    gives the most rows is the table.
    """
    best = TableRead()
    for region in _applications_regions(text):
        read = _read_applications_region(region, layout_hint)
        if read.data and (best.data is None or len(read.data) > len(best.data)):
            best = read
    return best


def _read_applications_region(region: str, layout_hint: str) -> TableRead:
    out = TableRead()
    placed: list[tuple[str | None, Values]] = []
    pending: list[str] = []
    strays: list[str] = []
    previous: str | None = None
    for piece in pieces(region):
        if isinstance(piece, str):
            pending.append(piece)
            continue
        if not can_fill(piece, len(APPLICATION_COLUMNS)):
            # a stray number (a cell torn from its row, a page number): the label waits for its row
            strays += [g for g in piece.groups if g and parse_cell(g) is not None]
            continue
        merged = _merged_rows(piece, piece.label or "".join(pending), len(APPLICATION_COLUMNS))
        if merged is not None:
            pending = []
            placed += merged
            previous = next((k for k, _ in reversed(merged) if k), previous)
            continue
        if piece.label:
            key, named = _label_key(piece.label, previous)
            if key is None and not named:  # the end of a label the page break cut: 「政府信息」
                key, _ = _label_key("".join(pending) + piece.label, previous)
        else:
            key, _ = _label_key("".join(pending), previous)
            piece.raw = [p for p in ("".join(pending),) if p] + piece.raw
        pending = []
        placed.append((key, piece))
        previous = key or previous
    keys = [k for k, _ in placed if k is not None]
    if not keys:
        return out
    if any(k in keys for k in ("other_overdue_correction", "other_unpaid_fees", "other_misc")):
        out.evidence.add("2021")
    elif "other" in keys:
        out.evidence.add("2019")
    layout = APPLICATION_ROWS[next(iter(out.evidence)) if out.evidence else layout_hint]
    placed = _align(placed, layout, out)
    rows: dict[str, Row] = {}
    for key, values in placed:
        if key is None:
            continue
        if key in rows:
            out.flags.append(f"{FlagPrefix.DUPLICATE_ROW}applications.{key}")
            continue
        settled = settle(values, len(APPLICATION_COLUMNS), row_check, False)
        assert settled is not None
        cells, problem, readings = settled
        rows[key] = Row(key, cells, readings, problem, values.raw)
    _settle_jointly(rows, layout)
    _place_strays(rows, strays, layout, out)
    data: dict[str, dict[str, int | float | None]] = {}
    for key, row in rows.items():
        if row.problem:
            out.flags.append(f"{row.problem}_{'cells' if row.problem == 'ambiguous' else 'row'}:applications.{key}")
            out.incomplete.append({"table": "applications", "row": key, "cells": row.raw})
        values_read = [parse_cell(c) if c is not None else None for c in row.cells]
        data[key] = {}
        for column, read in zip(APPLICATION_COLUMNS, values_read, strict=True):
            data[key][column] = read[0] if read is not None else None
            out.blank_cells += read is not None and read[0] is None
    out.data = data
    return out


def _merged_rows(values: Values, label: str, width: int) -> list[tuple[str | None, Values]] | None:
    """Rows a dump merged into one (「| 2.重复申请 3.要求提供公开出版物 | 0 | … 14 cells |」): as many cells as k
    rows have, each row's share holding a number, and a label naming k rows, or one (the first share's: its
    label leads its numbers), or none; the rows named get their shares in order, the others are unlabelled
    (placed by order, if at all). None: not merged rows."""
    groups = list(values.groups)
    while groups and not groups[-1]:
        groups.pop()  # blank cells a wider header left at the end of a Markdown row
    count = len(groups)
    if count < 2 * width or count % width:
        return None
    rows = count // width
    shares = [groups[i * width : (i + 1) * width] for i in range(rows)]
    if not all(any(c for c in share) for share in shares):
        return None
    names = [k for k in (match_application_segment(p) for p in _label_parts(label)) if k is not None]
    names = list(dict.fromkeys(names))
    if len(names) not in (0, 1, rows):
        return None
    keys: list[str | None] = [*names, *[None] * (rows - len(names))]
    return [
        (key, Values(share, values.explicit, False, values.line, "", list(share)))
        for key, share in zip(keys, shares, strict=True)
    ]


def _align(
    placed: list[tuple[str | None, Values]], layout: tuple[str, ...], out: TableRead
) -> list[tuple[str | None, Values]]:
    """Give unlabelled rows the layout's rows between the labelled rows around them, when the count matches."""
    order = {key: i for i, key in enumerate(layout)}
    labelled = {k for k, _ in placed if k is not None}
    result = list(placed)
    anchors = [-1] + [i for i, (k, _) in enumerate(placed) if k is not None and k in order] + [len(placed)]
    for left, right in pairwise(anchors):
        gap = [i for i in range(left + 1, right) if placed[i][0] is None]
        if not gap:
            continue
        left_key = placed[left][0] if left >= 0 else None
        right_key = placed[right][0] if right < len(placed) else None
        low = order[left_key] + 1 if left_key is not None else 0
        high = order[right_key] if right_key is not None else len(layout)
        missing = [k for k in layout[low:high] if k not in labelled]
        if len(missing) == len(gap):
            for i, key in zip(gap, missing, strict=True):
                result[i] = (key, placed[i][1])
            out.flags.append("rows_by_order:applications")
        else:
            out.flags.append("unplaced_rows:applications")
    out.flags = list(dict.fromkeys(out.flags))
    return result


def _constraints(layout: tuple[str, ...]) -> list[tuple[tuple[str, ...], tuple[str, ...], int]]:
    fmt = ReportFormat.Y2021 if "other_misc" in layout else ReportFormat.Y2019
    found: list[tuple[tuple[str, ...], tuple[str, ...], int]] = []
    for column in range(len(APPLICATION_COLUMNS)):
        found.append((("new", "carried_over"), ("total", "carried_forward"), column))
        found.append((("total",), OUTCOME_ROWS[fmt], column))
    return found


def _settle_jointly(rows: dict[str, Row], layout: tuple[str, ...]) -> None:
    """Rows left with several readings: keep the combinations the column sums allow, cells they agree on."""
    open_rows = [key for key, row in rows.items() if row.readings]
    if not open_rows:
        return
    combinations = 1
    for key in open_rows:
        combinations *= len(rows[key].readings)
    if combinations > MAX_READINGS:
        return
    known = {key: cell_numbers(row.cells) for key, row in rows.items() if not row.readings}
    choices = [[cell_numbers(r) for r in rows[key].readings] for key in open_rows]
    rules = [(a, b, c) for a, b, c in _constraints(layout) if all(k in rows for k in a + b)]
    passing = []
    for combination in product(*choices):
        table = dict(known)
        table.update(zip(open_rows, combination, strict=True))
        ok = True
        for left, right, column in rules:
            cells = _known([table[k][column] for k in left + right])
            if cells is None:
                continue
            if abs(sum(cells[: len(left)]) - sum(cells[len(left) :])) > 1e-6:
                ok = False
                break
        if ok:
            passing.append(combination)
    if not passing:
        return
    for position, key in enumerate(open_rows):
        readings = {tuple(c[position]) for c in passing}
        if len(readings) == 1:
            index = [cell_numbers(r) for r in rows[key].readings].index(list(next(iter(readings))))
            rows[key].cells = list(rows[key].readings[index])
            rows[key].problem = None
            rows[key].readings = []


def _sum_says(rows: dict[str, Row], layout: tuple[str, ...], key: str, column: int) -> set[int | float]:
    """What the sums that hold this blank cell say it is (each sum whose other cells are all numbers)."""
    said: set[int | float] = set()
    row = cell_numbers(rows[key].cells)
    others = _known([v for i, v in enumerate(row) if i != column])
    if others is not None:
        said.add(sum(others) if column == len(row) - 1 else others[-1] - sum(others[:-1]))
    for left, right, col in _constraints(layout):
        if col != column or key not in left + right or not all(k in rows for k in left + right):
            continue
        lefts = _known([cell_numbers(rows[k].cells)[col] for k in left if k != key])
        rights = _known([cell_numbers(rows[k].cells)[col] for k in right if k != key])
        if lefts is None or rights is None:
            continue
        lhs, rhs = sum(lefts), sum(rights)
        said.add(rhs - lhs if key in left else lhs - rhs)
    return said


def _place_strays(rows: dict[str, Row], strays: list[str], layout: tuple[str, ...], out: TableRead) -> None:
    """A printed number torn from its row goes into a blank cell when the sums say that cell is that number,
    and it fits no other blank cell: 「四、结转下年度继续办理 | 1 | 0 | … |  |」 with a stray 「1」 above it."""
    blanks = [
        (key, i) for key, row in rows.items() if not row.readings for i, cell in enumerate(row.cells) if cell == ""
    ]
    for stray in strays:
        value = cell_numbers([stray])[0]
        fits = [(key, i) for key, i in blanks if _sum_says(rows, layout, key, i) == {value}]
        if len(fits) == 1:
            key, i = fits[0]
            rows[key].cells[i] = stray
            blanks.remove(fits[0])
            out.flags.append(f"{FlagPrefix.CELL_PLACED_BY_SUMS}applications.{key}")
