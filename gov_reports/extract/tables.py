"""Tables as grids of cell strings, from HTML markup or from flattened text.

The statutory tables reach us in two shapes: real ``<table>`` markup with
rowspan/colspan (HTML pages), and text where each row is a line of tab- or
space-separated cells (PDF/Word text, the seeds, the body text the cleaner
renders). Both become a `Grid`: rows of cell strings. An HTML grid is
*positional* (spans are expanded, so column j is the same column in every
row); a text grid is not (merged cells shift the cells of a line), so readers
must go by labels and by the run of numbers at the end of a line.

This module knows nothing about which table is which; `report_tables` does.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import lxml.html
from lxml import etree

from gov_reports.extract.numbers import parse_cell

MAX_SPAN = 200
"""rowspan/colspan above this are typos (「rowspan=2000」); they are clamped."""


@dataclass(slots=True)
class Grid:
    """Rows of cell texts. `positional` is True when columns line up (HTML)."""

    rows: list[list[str]]
    positional: bool


# --- Labels ----------------------------------------------------------------

SPACE_RE = re.compile(r"[\s\u3000\xa0\u200b]+")
_SPACE = SPACE_RE
_QUOTES = (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"), ("「", '"'), ("」", '"'), ("、", ","))
_CN = "一二三四五六七八九十"
_NUMBERING = re.compile(rf"^(?:[{_CN}]+[,.]|\(?[{_CN}]+\)|\d+[.,)]|\(\d+\))+")


_NFKC_ASCII = tuple(
    (wide, unicodedata.normalize("NFKC", wide)) for wide in "（）：，；．／％＋－０１２３４５６７８９\u3000\xa0"
)


def normalise_text(text: str) -> str:
    """`normalise_label` without the cache, for long text (a whole table)."""
    # NFKC works character by character through Unicode tables once a string needs any change, slow on
    # a whole table; the full-width forms and blanks these tables are full of are mapped first to what
    # NFKC maps them to (ASCII), which changes nothing in the result and mostly leaves NFKC nothing to do.
    for wide, narrow in _NFKC_ASCII:
        if wide in text:
            text = text.replace(wide, narrow)
    text = unicodedata.normalize("NFKC", text)
    if "\u200b" in text:
        text = text.replace("\u200b", "")
    # `SPACE_RE.sub("", text)`, faster: str.split splits on exactly the other characters SPACE_RE matches.
    text = "".join(text.split())
    for quote, plain in _QUOTES:  # str.translate with a dict is a Python-level lookup per character
        if quote in text:
            text = text.replace(quote, plain)
    return text


@lru_cache(maxsize=8192)
def normalise_label(text: str) -> str:
    """Compare labels whatever their width, spacing or quotes.

    NFKC folds full-width brackets and punctuation to ASCII; whitespace is
    dropped entirely (letter-spaced headers 「结 果」, `<br>` inside headers,
    「三、 本年 度办 理结 果」). 「、」 becomes ',' so 「，」/「、」 variants meet.
    Cached: the same few hundred labels recur on every page.
    """
    return normalise_text(text)


def strip_numbering(label: str) -> str:
    """「(七)总计」 -> 「总计」, 「3.其他」 -> 「其他」 (on a normalised label)."""
    return _NUMBERING.sub("", label)


# --- HTML ------------------------------------------------------------------

_SECTIONS = frozenset({"thead", "tbody", "tfoot"})
_SPAN_DIGITS = re.compile(r"\s*(\d+)")


def table_rows(table: etree._Element) -> list[etree._Element]:
    """The table's own <tr>s (directly or in thead/tbody/tfoot), not a nested table's."""
    rows = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in _SECTIONS:
            rows.extend(tr for tr in child if tr.tag == "tr")
    return rows


def cell_text(cell: etree._Element, *, restore: bool = False) -> str:
    """All text of a cell; `<br>` becomes a space (labels drop spaces later).

    Other inline nodes are joined without a space: Word paste splits one
    number over several spans. The space goes into the `<br>`'s tail; with
    `restore`, the tails are put back as they were (the tree is left unchanged).
    """
    if len(cell) == 0:
        text = cell.text or ""
    else:
        tails = [(br, br.tail) for br in cell.iter("br")]
        for br, tail in tails:
            br.tail = " " + (tail or "")
        text = "".join(cell.itertext())
        if restore:
            for br, tail in tails:
                br.tail = tail
    return _SPACE.sub(" ", text).strip()


def _span(raw: str | None) -> int:
    """A rowspan/colspan attribute's value, clamped to 1..MAX_SPAN."""
    if raw is None or raw == "1":
        return 1
    digits = _SPAN_DIGITS.match(raw)
    return max(1, min(int(digits.group(1)), MAX_SPAN)) if digits else 1


Spans = tuple[str | None, str | None]
"""A cell's rowspan and colspan attributes, as written (None when absent)."""
RowSpec = tuple[list[str], list[Spans] | None]
"""A row as `expand_rows` takes it: its cells' texts, and their spans (None when no cell has any)."""
# `.//@rowspan/..` written so that libxml2 walks the elements only, not every node (same elements, same order).
_SPANNED = etree.XPath("descendant-or-self::*/@rowspan/.. | descendant-or-self::*/@colspan/..")


def expand_table(table: etree._Element) -> list[list[str]]:
    """The table as a rectangular grid, rowspan/colspan cells copied into every slot they cover."""
    rows: list[RowSpec] = []
    for tr in table_rows(table):
        cells = list(tr.iterchildren("td", "th"))
        texts = [cell_text(cell) for cell in cells]
        spans = [(cell.get("rowspan"), cell.get("colspan")) for cell in cells]
        rows.append((texts, spans if any(a is not None or b is not None for a, b in spans) else None))
    return expand_rows(rows)


def spanned_cells(table: etree._Element) -> set[etree._Element]:
    """The cells under `table` that have a rowspan or colspan attribute (most have neither)."""
    return set(_SPANNED(table))


def expand_rows(rows: list[RowSpec]) -> list[list[str]]:
    """`expand_table` on cells already read: each row's texts, and their spans."""
    n_rows = len(rows)
    grid: list[list[str | None]] = [[] for _ in rows]
    for r, (texts, spans) in enumerate(rows):
        row = grid[r]
        if spans is None:
            # No span starts here: the cells fill the slots the rows above left free, then follow on.
            if not row:
                grid[r] = list(texts)
                continue
            c, n = 0, len(row)
            for k, text in enumerate(texts):
                while c < n and row[c] is not None:
                    c += 1
                if c == n:
                    row.extend(texts[k:])
                    break
                row[c] = text
                c += 1
            continue
        c = 0
        for i, text in enumerate(texts):
            while c < len(row) and row[c] is not None:
                c += 1
            rowspan_attr, colspan_attr = spans[i] if spans is not None else (None, None)
            if rowspan_attr is None and colspan_attr is None and c == len(row):
                row.append(text)  # the common case
                c += 1
                continue
            rowspan = min(_span(rowspan_attr), n_rows - r)
            colspan = _span(colspan_attr)
            if rowspan == 1 and colspan == 1 and c == len(row):
                row.append(text)
                c += 1
                continue
            for target in grid[r : r + rowspan]:
                if len(target) < c + colspan:
                    target.extend([None] * (c + colspan - len(target)))
                for dc in range(c, c + colspan):
                    if target[dc] is None:
                        target[dc] = text
            c += colspan
    width = max((len(row) for row in grid), default=0)
    out: list[list[str]] = []
    for row in grid:
        if None in row:  # a slot no cell reached (a short row above a span)
            row = [cell or "" for cell in row]
        if len(row) < width:
            row = row + [""] * (width - len(row))
        out.append(row)  # type: ignore[arg-type]
    return out


def html_grids(html: str | etree._Element) -> list[Grid]:
    """Every innermost `<table>` of an HTML fragment (a string, or an element already parsed), as grids.

    Layout tables that merely wrap other tables are skipped: only tables with
    no nested table carry statistics.
    """
    if not isinstance(html, str):
        root = html  # the cleaner's parsed container: no need to serialise and parse it again
    elif "<table" not in html and "<TABLE" not in html:
        return []
    else:
        try:
            root = lxml.html.fromstring(html)
        except (ValueError, etree.ParserError):
            return []
    tables = [root] if root.tag == "table" else []
    tables += root.iter("table")
    grids: list[Grid] = []
    for table in dict.fromkeys(tables):
        if any(True for _ in table.iterdescendants("table")):
            continue
        rows = expand_table(table)
        if rows:
            grids.append(Grid(rows, positional=True))
    return grids


# --- Text ------------------------------------------------------------------

_JOIN_SIGN = re.compile(r"(增加?|减少?)\s+(?=\d)")
_JOIN_DECIMAL = re.compile(r"(\d)\s*\.\s+(?=\d)")
_JOIN_UNIT = re.compile(r"(\d)\s+(?=万元|亿元|元(?:\s|$))")
_SENTENCE_END = re.compile(r"[。；;！？!?]")


def _rejoin(text: str) -> str:
    """Undo the spaces PDF text puts inside one value: 「增 71」, 「3929. 08 万元」."""
    text = _JOIN_SIGN.sub(r"\1", text)
    text = _JOIN_DECIMAL.sub(r"\1.", text)
    return _JOIN_UNIT.sub(r"\1", text)


def split_line(line: str) -> list[str]:
    """One text line as cells: tabs split cells; without tabs, runs of spaces do."""
    if "\t" in line:
        return [c.strip() for c in line.split("\t")]
    return _rejoin(line.strip()).split()


MAX_UNTABBED_ROW = 160
"""A line without tabs longer than this is prose, not a table row."""


def text_grid(text: str) -> Grid:
    """The lines of `text` that can be table rows, as rows of cells (non-positional).

    Tab-separated lines are always kept. Lines without tabs are split on
    spaces (PDF text) unless they are sentences (contain 「。」) or long:
    prose never holds a table row, and skipping it keeps this cheap.
    """
    rows = [
        split_line(line)
        for line in text.splitlines()
        if "\t" in line or (len(line) <= MAX_UNTABBED_ROW and "。" not in line)
    ]
    return Grid([row for row in rows if any(row)], positional=False)


def is_value_cell(text: str) -> bool:
    """A cell holding a number or printed blank (not a label)."""
    return parse_cell(text) is not None


def split_row(cells: list[str]) -> tuple[list[str], list[str]]:
    """(labels, values) of a text row: labels up to the last non-numeric cell, then the values.

    Empty cells before the last label are dropped from labels; the values keep
    their empty cells (blank table cells).
    """
    last_label = -1
    for i, cell in enumerate(cells):
        if cell and parse_cell(cell) is None:
            last_label = i
    labels = [c for c in cells[: last_label + 1] if c]
    return labels, cells[last_label + 1 :]


def looks_like_table_label(labels: list[str]) -> bool:
    """Row labels are short and are not sentences (keeps prose lines out of text tables)."""
    joined = "".join(labels)
    return len(joined) <= 90 and not _SENTENCE_END.search(joined)


def fit_values(values: list[str], width: int) -> tuple[list[str | None], str | None]:
    """Fit a text row's value cells to a table's `width` columns.

    Returns the cells (None where the column cannot be known) and a problem
    tag: None, 'short' or 'long'.

    - Extra empty cells (merged cells flattened into spare tabs) are dropped,
      trailing ones first, then leading ones.
    - A long row keeps its last `width` cells (the total column is last).
    - A short row (seeds/003, 「(五)」 row: 6 numbers for 7 columns) cannot be
      placed: the lost cell may be at either end. It is read both
      left-aligned and right-aligned, and only the columns where both
      readings give the same cell are kept; the others are None. The
      caller flags the row. Nothing is shifted into a column on a guess.
    """
    vals = list(values)
    while len(vals) > width and not vals[-1]:
        vals.pop()
    while len(vals) > width and not vals[0]:
        vals.pop(0)
    if len(vals) == width:
        return list(vals), None
    if len(vals) > width:
        return list(vals[-width:]), "long"
    shift = width - len(vals)
    fitted: list[str | None] = []
    for i in range(width):
        left = vals[i] if i < len(vals) else None
        right = vals[i - shift] if i >= shift else None
        same = left is not None and right is not None and parse_cell(left) == parse_cell(right)
        fitted.append(left if same else None)
    return fitted, "short"
