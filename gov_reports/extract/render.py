"""Render an lxml element to display lines: blocks start new lines, tables become tab-separated rows.

One walk also reads the grid of every innermost table (`tables.html_grids`), each cell once for both."""

from __future__ import annotations

from lxml import etree

from gov_reports.extract.tables import SPACE_RE as _GRID_SPACE_RE
from gov_reports.extract.tables import Grid, RowSpec, Spans, expand_rows, html_grids, spanned_cells, table_rows
from gov_reports.extract.tables import cell_text as table_cell_text
from gov_reports.extract.text import clean_line

_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "section",
        "article",
        "blockquote",
        "center",
        "pre",
        "dl",
        "dt",
        "dd",
        "header",
        "footer",
        "address",
        "form",
        "fieldset",
        "figure",
        "figcaption",
        "hr",
        "main",
        "nav",
        "aside",
        "caption",
        "tr",
        "table",
        "tbody",
        "thead",
        "tfoot",
    ]
)
_NOT_INLINE = _BLOCK_TAGS | {"table", "br"}
"""What `render` does more with than take its text: blocks, tables, line breaks."""
_LEAF_BLOCKS = _BLOCK_TAGS - {"table"}
"""Blocks whose text, when they have no children, is simply a line (a table's own text is not read)."""


def _cell_text(cell: etree._Element) -> str:
    """A table cell's text on one display line: its text nodes joined by spaces, blanks normalised."""
    if len(cell):
        return _line_cell(" ".join(filter(None, cell.itertext())))
    text = cell.text  # the common case (a number, a short label): no text nodes to gather
    return _line_cell(text) if text else ""


def _line_cell(text: str) -> str:
    text = clean_line(text)
    return text.replace("\t", " ") if "\t" in text else text


def render(el: etree._Element, lines: list[str], depth: int = 0, grids: list[Grid] | None = None) -> bool:
    """Append `el`'s text to `lines`: blocks start new lines, tables become tab-separated rows.

    With `grids`, also append the grid of every innermost table (what `tables.html_grids(el)` gives),
    reading each cell once for both; returns False when some table was not reached (then `grids`
    is incomplete).
    """
    renderer = _Renderer(lines, grids)
    renderer.walk(el, depth)
    renderer.flush()
    return renderer.complete


class _Renderer:
    """The state of one `render` call: the text of the current line, buffered until a block ends it.

    A class rather than nested functions: a recursive closure is a reference cycle that only the garbage
    collector frees, on every page.
    """

    def __init__(self, lines: list[str], grids: list[Grid] | None) -> None:
        self.lines = lines
        self.grids = grids
        self.buf: list[str] = []
        self.complete = True

    def flush(self) -> None:
        buf = self.buf
        if not buf:
            return
        text = "".join(buf)
        buf.clear()
        if "\n" in text:
            self.lines.extend(part for part in text.split("\n") if part.strip())
        elif text.strip():
            self.lines.append(text)

    def walk(self, node: etree._Element, level: int) -> None:
        tag = node.tag  # for a comment or processing instruction, a function: equal to none of the names below
        buf = self.buf
        if tag == "table":
            self.flush()
            if self.grids is None:
                for row in node.iter("tr"):
                    cells = [_cell_text(c) for c in row.iterchildren("td", "th")]
                    if any(cells):
                        self.lines.append("\t".join(cells))
            else:
                _render_table(node, self.lines, self.grids)
            return
        if tag == "br":
            buf.append("\n")
            return
        block = tag in _BLOCK_TAGS
        if block and buf:  # `flush()` does nothing on an empty buffer: spare the call
            self.flush()
        text = node.text
        if text and tag != "script" and tag != "style":
            buf.append(text)
        if len(node):
            deep = level > 300
            for child in node:
                if deep:
                    self.complete = False
                    buf.append(" ".join(child.itertext()))
                elif len(child):
                    self.walk(child, level + 1)
                elif (leaf_tag := child.tag) not in _NOT_INLINE:  # read once: lxml builds the name per read
                    # An inline leaf (most <span>, <a>, <font>): what `walk(child)` does, without the call.
                    leaf_text = child.text
                    if leaf_text and leaf_tag != "script" and leaf_tag != "style":
                        buf.append(leaf_text)
                elif leaf_tag in _LEAF_BLOCKS:
                    # A block leaf (most <p>): its text is a line of its own, as `walk(child)` makes it.
                    if buf:
                        self.flush()
                    leaf_text = child.text
                    if leaf_text:
                        buf.append(leaf_text)
                        self.flush()
                else:
                    self.walk(child, level + 1)
                tail = child.tail
                if tail:
                    buf.append(tail)
        if block and buf:
            self.flush()


def _render_table(table: etree._Element, lines: list[str], grids: list[Grid]) -> None:
    """A table's rows as lines (every <tr> inside it, nested ones too), and its innermost tables as grids."""
    trs = list(table.iter("tr"))
    own = table_rows(table) if table.find(".//table") is None else None
    if own is None or len(own) != len(trs):
        # Nested tables (or rows outside thead/tbody/tfoot): the lines and the grids read different rows.
        for row in trs:
            row_cells = [_cell_text(c) for c in row.iterchildren("td", "th")]
            if any(row_cells):
                lines.append("\t".join(row_cells))
        grids.extend(html_grids(table))
        return
    spanned = spanned_cells(table)
    grid_rows: list[RowSpec] = []
    for row in trs:
        cells: list[str] = []
        grid_texts: list[str] = []
        spans: list[Spans] | None = None
        for cell in row.iterchildren("td", "th"):
            text = cell.text
            if len(cell):
                cells.append(_cell_text(cell))
                grid_texts.append(table_cell_text(cell, restore=True))
            elif not text:
                cells.append("")
                grid_texts.append("")
            elif text.isprintable() and "  " not in text and text[0] != " " and text[-1] != " ":
                cells.append(text)  # no blank to normalise (see text.clean_line): most cells
                grid_texts.append(text)
            else:
                cells.append(_line_cell(text))
                grid_texts.append(_GRID_SPACE_RE.sub(" ", text).strip())
            if cell in spanned:
                if spans is None:
                    spans = [(None, None)] * (len(grid_texts) - 1)
                spans.append((cell.get("rowspan"), cell.get("colspan")))
            elif spans is not None:
                spans.append((None, None))
        grid_rows.append((grid_texts, spans))
        if any(cells):
            lines.append("\t".join(cells))
    if trs:
        grids.append(Grid(expand_rows(grid_rows), positional=True))
