"""Tables 二/三/四 whose grid was lost in the text: a cell per line, Markdown rows, or cells run together.

Real copies of the statutory tables often reach us as text that kept the cells but not the grid:

- one cell per line (text dumps of PDFs), labels broken over several lines, page footers (「— 1 —」) between rows;
- Markdown rows (`| 1.属于国家秘密 | 0 | … |`) whose labels may sit lines away from their numbers;
- a whole table on one line, cells run together (crawler dumps): 「规章 000行政规范性文件693665」,
  「一、本年新收政府信息公开申请数量640020470二、上年结转…」, the next row's numbering glued on
  (「00000002.其他法律…」: the 2 is the label's, not a cell's).

Rows are placed by the table's fixed row identities: a row's own label, else its place in the format's row
order between two labelled rows (only when exactly as many unlabelled rows sit there as the layout has).
A run of digits is split into cells by the table's sums (总计 = the six applicant columns; 新收 + 上年结转 =
（七）总计 + 结转下年度; （七）总计 = the outcome rows; table 四's 总计 = 维持 + 纠正 + 其他 + 尚未审结), and a
reading is kept only where it is the only one the digits and the sums allow. Otherwise the cells are null
and the row is flagged (`ambiguous_cells:<table>.<row>`): a number is never guessed.

A run is read as several cells only when the row has too few cells otherwise; cells kept apart by spaces,
tabs or `|` are never joined. A zero never starts a longer number (reports print 0, not 05), which is what
makes most runs readable at all: 「0000000」 can only be seven zeros.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise, product
from typing import Any

from gov_reports.extract.numbers import parse_cell, to_halfwidth_digits
from gov_reports.extract.report_tables import (
    APPLICATION_COLUMNS,
    APPLICATION_ROWS,
    DISCLOSURE_LAYOUT,
    OUTCOME_ROWS,
    REVIEW_COLUMNS,
    REVIEW_ROWS,
    TableRead,
    disclosure_cell,
    match_application_row,
    match_application_segment,
)
from gov_reports.extract.tables import fit_values, normalise_text, split_row, strip_numbering

MAX_READINGS = 4096
"""Readings of one row (or combinations of ambiguous rows) tried at most; past it the cells stay null."""

# --- Text into pieces --------------------------------------------------------

_FOOTER = re.compile(
    r"^(?:[-—–－]+\s*\d{1,4}\s*[-—–－]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})$"
)
"""A page footer or header line (「— 1 —」, 「第2页 共5页」, 「2/5」): PDF page furniture between rows."""
_INLINE_FOOTER = re.compile(r"[—–－]{1,2}\s*\d{1,3}\s*[—–－]{1,2}|(?<![\d-])-\s+\d{1,3}\s+-(?![\d-])")
"""A page number between dashes inside a line of run-together text: 「…0000000— 3 —（四）无法提供…」."""
_RUNNING_HEADER = re.compile(r"[^|\t]{0,40}年度报告")
"""A line that is the report's title, short (a running page header): no table row ends in 年度报告."""
_MARKDOWN_RULE = re.compile(r"^\|?(?:\s*:?-{2,}:?\s*\|)+\s*(?::?-{2,}:?\s*)?\|?$")
# One printed value: a number, with the sign words and units table 二 prints (「增 71」, 「3929. 08 万元」);
# not a date's (「2023年政府信息公开工作年度报告」, a running page header, prints no cell).
_VALUE = re.compile(r"(?:(?:增加?|减少?|[+＋])\s*)?\d+(?:\s?\.\s?\d+)?(?![\d年月日])(?:\s*(?:万元|亿元|元))?")
# After a digit, 「.」「、」 and no digit: that digit numbers the next label (「2.其他」, 「1、当面」, 「1. 属于」).
_NUMBERING_AFTER = re.compile(r"\s*[.、](?!\s*\d)")
_DIGIT_RUN = re.compile(r"\d+(?:\.\d+)?")


@dataclass(slots=True)
class _Values:
    """The value cells between two labels: one row's cells, or (unlabelled) cells whose row is unknown."""

    groups: list[str]
    """Printed values in order; '' is a blank cell; a digit run may hold several cells run together."""
    explicit: bool
    """The cells come from a tab or Markdown row: their boundaries are certain and blank cells count."""
    line_row: bool
    """A text line holding a label and then these values, and nothing else: the line is the row."""
    line: int
    """The last text line the values came from."""
    label: str = ""
    """The row's own label (tab and Markdown rows)."""
    raw: list[str] = field(default_factory=list)


_Piece = str | _Values
"""A label text, or values."""


def _cells_of(line: str) -> list[str] | None:
    """The cells of a tab-separated or Markdown row, else None."""
    if line.startswith("|"):
        inner = line[1:-1] if line.endswith("|") and len(line) > 1 else line[1:]
        return [c.strip() for c in inner.split("|")]
    if "\t" in line:
        return [c.strip() for c in line.split("\t")]
    return None


def _scan(line: str) -> list[tuple[bool, str]]:
    """A text line as (is_value, text) pieces: the labels (blank gaps dropped) and the printed values."""
    out: list[tuple[bool, str]] = []
    at = 0
    for m in _VALUE.finditer(line):
        start, end, token = m.start(), m.end(), m.group()
        if _NUMBERING_AFTER.match(line, end) and token[-1] in "123456789" and "." not in token:
            # the last digit numbers the next label: 「00000002.其他…」 is 0000000 and 「2.其他…」
            end -= 1
            token = token[:-1]
            if not token.strip():
                continue
        if line[at:start].strip():
            out.append((False, line[at:start].strip()))
        out.append((True, re.sub(r"\s+", "", token)))
        at = end
    if line[at:].strip():
        out.append((False, line[at:].strip()))
    return out


def pieces(text: str) -> list[_Piece]:
    """Label texts and values of a table's text, in order.

    Values of one line with only blanks between them are one piece; so are the values of lines that hold
    nothing but values (a cell per line), joined to the values just above them.
    """
    out: list[_Piece] = []
    text = _INLINE_FOOTER.sub(" ", to_halfwidth_digits(text))
    for number, raw_line in enumerate(text.splitlines()):
        line = raw_line.strip()
        if not line or _FOOTER.match(line) or _MARKDOWN_RULE.match(line) or _RUNNING_HEADER.fullmatch(line):
            continue
        cells = _cells_of(line)
        if cells is not None:
            labels, values = split_row(cells)
            if any(values):
                out.append(_Values(list(values), True, False, number, "".join(labels), [c for c in cells if c]))
            elif labels:
                out.append("".join(labels))
            continue
        scanned = _scan(line)
        line_row = len(scanned) > 1 and not scanned[0][0] and all(v for v, _ in scanned[1:])
        for is_value, piece in scanned:
            if not is_value:
                out.append(piece)
                continue
            last = out[-1] if out else None
            if isinstance(last, _Values) and not last.explicit and (last.line == number or scanned[0][0]):
                last.groups.append(piece)
                last.raw.append(piece)
                last.line_row = last.line_row and last.line == number
                last.line = number
                continue
            out.append(_Values([piece], False, line_row, number, "", [piece]))
    return out


# --- Splitting runs of digits ------------------------------------------------


def _valid_cell(cell: str, decimals: bool) -> bool:
    if "." in cell:
        return decimals and not cell.startswith(".") and not cell.endswith(".") and cell.count(".") == 1
    return cell == "0" or not cell.startswith("0")


def _partitions(run: str, parts: int, decimals: bool) -> Iterator[tuple[str, ...]]:
    """Every way to cut `run` into `parts` valid cells, left to right."""
    if parts == 1:
        if _valid_cell(run, decimals):
            yield (run,)
        return
    for cut in range(1, len(run) - parts + 2):
        head = run[:cut]
        if head[0] == "0" and cut > 1 and head[1] != ".":
            break  # a longer head starting with 0 is never a number
        if _valid_cell(head, decimals):
            for rest in _partitions(run[cut:], parts - 1, decimals):
                yield (head, *rest)


def _splittable(group: str) -> bool:
    return len(group) > 1 and _DIGIT_RUN.fullmatch(group) is not None


def _readings(groups: list[str], width: int, decimals: bool) -> list[tuple[str, ...]] | None:
    """Every reading of `groups` as `width` cells, runs of digits cut where needed; None past MAX_READINGS."""
    spans = [(1, len(g.replace(".", ""))) if _splittable(g) else (1, 1) for g in groups]
    found: list[tuple[str, ...]] = []

    def walk(i: int, left: int, head: tuple[str, ...]) -> bool:
        if i == len(groups):
            if left == 0:
                found.append(head)
            return len(found) <= MAX_READINGS
        rest_min = len(groups) - i - 1
        rest_max = sum(hi for _, hi in spans[i + 1 :])
        low, high = spans[i]
        for parts in range(max(low, left - rest_max), min(high, left - rest_min) + 1):
            cuts = _partitions(groups[i], parts, decimals) if parts > 1 or _splittable(groups[i]) else [(groups[i],)]
            for cells in cuts:
                if not walk(i + 1, left - parts, head + cells):
                    return False
        return True

    return found if walk(0, width, ()) else None


def _can_fill(values: _Values, width: int) -> bool:
    """Whether the values can be a row of `width` cells (a row of its own line or cells always can)."""
    if values.explicit or values.line_row:
        return True
    return sum(len(g.replace(".", "")) if _splittable(g) else 1 for g in values.groups) >= width


def _numbers(cells: tuple[str, ...] | list[str | None]) -> list[int | float | None]:
    out: list[int | float | None] = []
    for cell in cells:
        parsed = parse_cell(cell) if cell is not None else None
        out.append(parsed[0] if parsed is not None else None)
    return out


Check = Callable[[list[int | float | None]], bool | None]
"""A row's own sum: True/False, or None when a cell it needs is blank."""


@dataclass(slots=True)
class _Row:
    key: str
    cells: list[str | None]
    """The row's cells (None: unknown), when one reading is left."""
    readings: list[tuple[str, ...]]
    """The readings still possible when several are (cells are then all None)."""
    problem: str | None
    raw: list[str]


def _settle(values: _Values, width: int, check: Check | None, decimals: bool) -> tuple[list, str | None, list] | None:
    """(cells, problem, readings left) of a row's values; None when they cannot be a row of `width` cells.

    As many values as columns: they are the cells. More: the last ones (`fit_values`). Fewer: runs of
    digits are cut, keeping the readings the row's sum allows; a reading of cells that were apart
    (spaces, tabs) must pass the sum, a single run passes if it is the only reading there is.
    """
    groups = values.groups
    if len(groups) > width and not (values.explicit or values.line_row):
        return [None] * width, "long", []  # values over several lines and one too many: which one is not known
    if len(groups) >= width:
        cells, problem = fit_values(groups, width)
        return cells, problem, []
    readings = _readings(groups, width, decimals)
    if readings is None:
        return [None] * width, "ambiguous", []
    if not readings:
        if values.explicit or values.line_row:
            cells, problem = fit_values(groups, width)
            return cells, problem, []
        return None
    if check is not None:
        passing = [r for r in readings if check(_numbers(r))]
        if passing or len(groups) > 1:
            readings = passing
    if len(readings) == 1:
        return list(readings[0]), None, []
    if not readings:
        return [None] * width, "ambiguous", []
    return [None] * width, "ambiguous", readings


def labelled_values(text: str) -> Iterator[tuple[str, _Values]]:
    """Each values piece of `text` with the label text printed since the values before it."""
    label = ""
    for piece in pieces(text):
        if isinstance(piece, str):
            label += piece
            continue
        yield (piece.label or label), piece
        label = ""


def read_cells(values: _Values, width: int, check: Check | None = None) -> list[int | float | None] | None:
    """`values` as a row of `width` numbers (None where unknown, see `_settle`); None if they cannot be one."""
    settled = _settle(values, width, check, True)
    return None if settled is None else _numbers(settled[0])


# --- Table 三 ----------------------------------------------------------------

_NEW_ROW = re.compile(r"本\s*年\s*新\s*收")
_REVIEW_WORD = re.compile(r"行\s*政\s*复\s*议")
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


def _table_end(text: str, start: int, stop: re.Pattern[str], words: re.Pattern[str]) -> int:
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
    while (found := _NEW_ROW.search(text, at)) is not None:
        end = _table_end(text, found.end(), _REVIEW_WORD, _APPLICATION_WORDS)
        yield text[_row_start(text, found.start()) : end]
        at = max(end, found.end())


def _known(values: list[int | float | None]) -> list[int | float] | None:
    """The values when every one is a number, else None."""
    known = [v for v in values if v is not None]
    return known if len(known) == len(values) else None


def _row_check(values: list[int | float | None]) -> bool | None:
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


def read_flat_applications(text: str, layout_hint: str = "2021") -> TableRead:
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
    placed: list[tuple[str | None, _Values]] = []
    pending: list[str] = []
    strays: list[str] = []
    previous: str | None = None
    for piece in pieces(region):
        if isinstance(piece, str):
            pending.append(piece)
            continue
        if not _can_fill(piece, len(APPLICATION_COLUMNS)):
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
    rows: dict[str, _Row] = {}
    for key, values in placed:
        if key is None:
            continue
        if key in rows:
            out.flags.append(f"duplicate_row:applications.{key}")
            continue
        settled = _settle(values, len(APPLICATION_COLUMNS), _row_check, False)
        assert settled is not None
        cells, problem, readings = settled
        rows[key] = _Row(key, cells, readings, problem, values.raw)
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


def _merged_rows(values: _Values, label: str, width: int) -> list[tuple[str | None, _Values]] | None:
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
        (key, _Values(share, values.explicit, False, values.line, "", list(share)))
        for key, share in zip(keys, shares, strict=True)
    ]


def _align(
    placed: list[tuple[str | None, _Values]], layout: tuple[str, ...], out: TableRead
) -> list[tuple[str | None, _Values]]:
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
    fmt = "2021" if "other_misc" in layout else "2019"
    found: list[tuple[tuple[str, ...], tuple[str, ...], int]] = []
    for column in range(len(APPLICATION_COLUMNS)):
        found.append((("new", "carried_over"), ("total", "carried_forward"), column))
        found.append((("total",), OUTCOME_ROWS[fmt], column))
    return found


def _settle_jointly(rows: dict[str, _Row], layout: tuple[str, ...]) -> None:
    """Rows left with several readings: keep the combinations the column sums allow, cells they agree on."""
    open_rows = [key for key, row in rows.items() if row.readings]
    if not open_rows:
        return
    combinations = 1
    for key in open_rows:
        combinations *= len(rows[key].readings)
    if combinations > MAX_READINGS:
        return
    known = {key: _numbers(row.cells) for key, row in rows.items() if not row.readings}
    choices = [[_numbers(r) for r in rows[key].readings] for key in open_rows]
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
            index = [_numbers(r) for r in rows[key].readings].index(list(next(iter(readings))))
            rows[key].cells = list(rows[key].readings[index])
            rows[key].problem = None
            rows[key].readings = []


def _sum_says(rows: dict[str, _Row], layout: tuple[str, ...], key: str, column: int) -> set[int | float]:
    """What the sums that hold this blank cell say it is (each sum whose other cells are all numbers)."""
    said: set[int | float] = set()
    row = _numbers(rows[key].cells)
    others = _known([v for i, v in enumerate(row) if i != column])
    if others is not None:
        said.add(sum(others) if column == len(row) - 1 else others[-1] - sum(others[:-1]))
    for left, right, col in _constraints(layout):
        if col != column or key not in left + right or not all(k in rows for k in left + right):
            continue
        lefts = _known([_numbers(rows[k].cells)[col] for k in left if k != key])
        rights = _known([_numbers(rows[k].cells)[col] for k in right if k != key])
        if lefts is None or rights is None:
            continue
        lhs, rhs = sum(lefts), sum(rights)
        said.add(rhs - lhs if key in left else lhs - rhs)
    return said


def _place_strays(rows: dict[str, _Row], strays: list[str], layout: tuple[str, ...], out: TableRead) -> None:
    """A printed number torn from its row goes into a blank cell when the sums say that cell is that number,
    and it fits no other blank cell: 「四、结转下年度继续办理 | 1 | 0 | … |  |」 with a stray 「1」 above it."""
    blanks = [
        (key, i) for key, row in rows.items() if not row.readings for i, cell in enumerate(row.cells) if cell == ""
    ]
    for stray in strays:
        value = _numbers([stray])[0]
        fits = [(key, i) for key, i in blanks if _sum_says(rows, layout, key, i) == {value}]
        if len(fits) == 1:
            key, i = fits[0]
            rows[key].cells[i] = stray
            blanks.remove(fits[0])
            out.flags.append(f"cell_placed_by_sums:applications.{key}")


# --- Table 四 ----------------------------------------------------------------

_REVIEW_HEADER = re.compile(r"维\s*持|审\s*结|纠\s*正")
_SECTION_FIVE = re.compile(r"五\s*[、.．]")


def _reviews_region(text: str, after: int) -> str | None:
    """From the first 行政复议 (after table 三) whose header words follow, to section 五 or the prose after it."""
    for m in _REVIEW_WORD.finditer(text, after):
        window = text[m.start() : m.start() + 400]
        if len(_REVIEW_HEADER.findall(window)) >= 2:
            return text[m.start() : _table_end(text, m.end(), _SECTION_FIVE, _REVIEW_HEADER)]
    return None


def _review_check(values: list[int | float | None]) -> bool | None:
    results = [_row_check(values[g * 5 : g * 5 + 5]) for g in range(3)]
    if False in results:
        return False
    return None if None in results else True


def read_flat_reviews(text: str) -> TableRead:
    """Table 四: the last run of values after its header that can be its 15 cells."""
    out = TableRead()
    start = _NEW_ROW.search(text)
    region = _reviews_region(text, start.start() if start else 0)
    if region is None:
        return out
    width = len(REVIEW_ROWS) * len(REVIEW_COLUMNS)
    found = None
    for piece in pieces(region):
        if isinstance(piece, _Values) and _can_fill(piece, 10):
            settled = _settle(piece, width, _review_check, False)
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


# --- Table 二 ----------------------------------------------------------------

_ARTICLE = re.compile(r"第\s*二\s*十\s*条")
_APPLICATIONS_START = re.compile(r"勾稽|申请人情况|收到和处理政府信息公开申请|本\s*年\s*新\s*收")
_DISCLOSURE_ROW_NAMES: tuple[tuple[str, str], ...] = (
    ("other_services", "其他对外管理服务事项"),
    ("normative_documents", "规范性文件"),
    ("rules", "规章"),
    ("licensing", "行政许可"),
    ("penalties", "行政处罚"),
    ("coercive_measures", "行政强制"),
    ("fees", "行政事业性收费"),
    ("procurement", "集中采购"),
)
_DISCLOSURE_WORDS = re.compile(r"第\s*二\s*十\s*条|信息内容|规章|规范性文件|行政许可|行政处罚|行政强制|行政事业性收费")
_EVIDENCE_WORDS = {
    "2021": ("制发", "废止", "现行有效", "收费金额"),
    "2019": ("新制作", "新公开", "对外公开总", "上一年", "采购项目", "采购总金额", "第二十条第(九)项"),
}
_UNIT = re.compile(r"单位[:：]?(万元|亿元|元)")
_PROSE_MARKS = re.compile(r"[，。；！？,;]")
# What a report says in words about a table-二 (一) row (2021 columns): 「集中公开现行有效行政规范性文件698件，
# 动态更新本年度制发的规范性文件88件」. Used only to choose among the readings a run of digits allows.
_STATED_NAMES = {"rules": r"规章", "normative_documents": r"(?:行政)?规范性文件"}
_STATED_COLUMNS = {
    "in_force": r"现行有效(?:的)?",
    "issued": r"(?:本年度?|全年|年内)?(?:共|新)?制发(?:了)?(?:的)?",
    "repealed": r"(?:本年度?|全年|年内)?(?:共)?废止(?:了)?(?:的)?",
}
_STATED: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (row, column, re.compile(rf"{words}{name}(?:共计?|总数)?(?:为|有|达)?\s*(\d+)\s*(?:件|部|个)"))
    for row, name in _STATED_NAMES.items()
    for column, words in _STATED_COLUMNS.items()
)


def _stated_cells(text: str) -> dict[tuple[str, str], str]:
    """(row, column) -> the number the prose states for that table-二 cell (the first statement)."""
    stated: dict[tuple[str, str], str] = {}
    for row, column, pattern in _STATED:
        found = pattern.search(text)
        if found is not None:
            stated[(row, column)] = found.group(1)
    return stated


def _by_statements(
    key: str, columns: tuple[str, ...], readings: list[tuple[str, ...]], stated: dict[tuple[str, str], str]
) -> tuple[str, ...] | None:
    """The one reading that agrees with every cell the prose states for the row, if exactly one does."""
    said = {i: stated[(key, column)] for i, column in enumerate(columns) if (key, column) in stated}
    if not said:
        return None
    agreeing = [r for r in readings if all(r[i] == value for i, value in said.items())]
    return agreeing[0] if len(agreeing) == 1 else None


def _disclosure_regions(text: str) -> list[str]:
    regions: list[str] = []
    at = 0
    while (m := _ARTICLE.search(text, at)) is not None:
        end = _table_end(text, m.end(), _APPLICATIONS_START, _DISCLOSURE_WORDS)
        regions.append(text[m.start() : end])
        at = max(end, m.end())
    return regions


def _disclosure_key(label: str, explicit: bool) -> str | None:
    name = normalise_text(label)
    name = re.sub(r"^(?:[一二三四五六七八九十]+[,.]|\([一二三四五六七八九十\d]+\)|\d+[.,])+", "", name)
    for key, word in _DISCLOSURE_ROW_NAMES:
        if (name == word or name.endswith(word)) if not explicit else name in (word, "行政" + word):
            return key
    return None


def _printed_name(label: str, key: str) -> str:
    """The row's name as the label text prints it at its end (「…现行有效件数规章」 -> 「规章」)."""
    word = dict(_DISCLOSURE_ROW_NAMES)[key]
    at = label.rfind(word)
    if at >= 2 and label[at - 2 : at] == "行政":
        at -= 2
    return label[at:].strip() if at >= 0 else label.strip()


def read_flat_disclosure(text: str, layout_hint: str = "2021") -> TableRead:
    """Table 二 from text whose grid is lost: each row's cells in the format's column order."""
    out = TableRead()
    regions = _disclosure_regions(text)
    if not regions:
        return out
    words = normalise_text("".join(regions))
    for fmt, evidence in _EVIDENCE_WORDS.items():
        if any(w in words for w in evidence):
            out.evidence.add(fmt)
    layout = DISCLOSURE_LAYOUT[next(iter(out.evidence)) if len(out.evidence) == 1 else layout_hint]
    stated = _stated_cells(to_halfwidth_digits(text))
    rows: dict[str, dict[str, Any]] = {}
    for region in regions:
        pending = ""
        unit: str | None = None
        for piece in pieces(region):
            if isinstance(piece, str):
                pending += piece
                found = _UNIT.search(normalise_text(piece))
                unit = found.group(1) if found else unit
                continue
            if piece.label:
                key = _disclosure_key(piece.label, True)
            else:  # a label in a sentence is prose (「按照第二十条…，全年办理行政许可1800件」), not a row
                key = None if _PROSE_MARKS.search(pending) else _disclosure_key(pending, False)
            row_label, pending = pending, ""
            if key is None or key not in layout:
                continue
            columns = layout[key]
            settled = _settle(piece, len(columns), None, key in ("fees", "procurement"))
            if settled is None:
                continue
            if key in rows:
                out.flags.append(f"duplicate_row:disclosure.{key}")
                continue
            cells, problem, readings = settled
            chosen = _by_statements(key, columns, readings, stated) if readings else None
            if chosen is not None:
                cells, problem = list(chosen), None
                out.flags.append(f"cells_by_prose:disclosure.{key}")
            if problem:
                label = "cells" if problem == "ambiguous" else "row"
                out.flags.append(f"{problem}_{label}:disclosure.{key}")
                printed = piece.raw if piece.label else [_printed_name(row_label, key), *piece.raw]
                out.incomplete.append({"table": "disclosure", "row": key, "cells": printed})
            row: dict[str, Any] = {}
            for column, cell in zip(columns, cells, strict=True):
                value, blank = disclosure_cell(cell, column, unit)
                row[column] = value
                out.blank_cells += blank
            rows[key] = row
    if rows:
        out.data = rows
    return out
