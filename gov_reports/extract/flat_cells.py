"""Text whose table grid was lost, read into labelled pieces and cells: runs of digits split into cells
only where the table's sums leave one reading (see `flat_tables`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from gov_reports.extract.numbers import parse_cell, to_halfwidth_digits
from gov_reports.extract.tables import fit_values, split_row

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
class Values:
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


_Piece = str | Values
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
                out.append(Values(list(values), True, False, number, "".join(labels), [c for c in cells if c]))
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
            if isinstance(last, Values) and not last.explicit and (last.line == number or scanned[0][0]):
                last.groups.append(piece)
                last.raw.append(piece)
                last.line_row = last.line_row and last.line == number
                last.line = number
                continue
            out.append(Values([piece], False, line_row, number, "", [piece]))
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


def can_fill(values: Values, width: int) -> bool:
    """Whether the values can be a row of `width` cells (a row of its own line or cells always can)."""
    if values.explicit or values.line_row:
        return True
    return sum(len(g.replace(".", "")) if _splittable(g) else 1 for g in values.groups) >= width


def cell_numbers(cells: tuple[str, ...] | list[str | None]) -> list[int | float | None]:
    out: list[int | float | None] = []
    for cell in cells:
        parsed = parse_cell(cell) if cell is not None else None
        out.append(parsed[0] if parsed is not None else None)
    return out


Check = Callable[[list[int | float | None]], bool | None]
"""A row's own sum: True/False, or None when a cell it needs is blank."""


@dataclass(slots=True)
class Row:
    key: str
    cells: list[str | None]
    """The row's cells (None: unknown), when one reading is left."""
    readings: list[tuple[str, ...]]
    """The readings still possible when several are (cells are then all None)."""
    problem: str | None
    raw: list[str]


def settle(values: Values, width: int, check: Check | None, decimals: bool) -> tuple[list, str | None, list] | None:
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
        passing = [r for r in readings if check(cell_numbers(r))]
        if passing or len(groups) > 1:
            readings = passing
    if len(readings) == 1:
        return list(readings[0]), None, []
    if not readings:
        return [None] * width, "ambiguous", []
    return [None] * width, "ambiguous", readings


def labelled_values(text: str) -> Iterator[tuple[str, Values]]:
    """Each values piece of `text` with the label text printed since the values before it."""
    label = ""
    for piece in pieces(text):
        if isinstance(piece, str):
            label += piece
            continue
        yield (piece.label or label), piece
        label = ""


def read_cells(values: Values, width: int, check: Check | None = None) -> list[int | float | None] | None:
    """`values` as a row of `width` numbers (None where unknown, see `settle`); None if they cannot be one."""
    settled = settle(values, width, check, True)
    return None if settled is None else cell_numbers(settled[0])
