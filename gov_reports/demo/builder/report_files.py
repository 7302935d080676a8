"""Demo report files: a report body (the HTML the builder renders) as a PDF or a DOCX, and the bad files.

Reproducible byte for byte, so ``python -m gov_reports.demo.builder --check`` can compare them: the PDF
writer has no dates and a fixed file ID (pdf_writer.py, which the tests' document builders use too);
the DOCX is re-zipped with fixed timestamps.

The body is read as blocks: paragraphs (their text) and tables (cells with
rowspan/colspan), which both writers lay out with the merged cells the HTML
has, as a Word or PDF export of the same report would.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from lxml import html as lxml_html

from gov_reports.demo.builder.pdf_writer import PdfPage, make_pdf

ZIP_DATE = (2021, 1, 1, 0, 0, 0)


@dataclass
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1


Table = list[list[Cell]]
Block = str | Table


def _text(el) -> str:
    return "".join(el.itertext()).replace("\xa0", " ").strip()


def blocks(body_html: str) -> list[Block]:
    """Paragraphs and tables of a body, in order."""
    out: list[Block] = []

    def walk(el) -> None:
        if el.tag == "table":
            rows = []
            for tr in el.iter("tr"):
                rows.append(
                    [
                        Cell(_text(td), int(td.get("rowspan", 1)), int(td.get("colspan", 1)))
                        for td in tr
                        if td.tag in ("td", "th")
                    ]
                )
            out.append(rows)
        elif el.find(".//table") is not None:
            for child in el:
                walk(child)
        elif _text(el):
            out.append(_text(el))

    for el in lxml_html.fragments_fromstring(body_html):
        if isinstance(el, str):
            if el.strip():
                out.append(el.strip())
            continue
        walk(el)
    return out


def grid(table: Table) -> tuple[int, list[tuple[int, int, Cell]]]:
    """(column count, [(row, column, cell)]) with the positions rowspan/colspan leave taken."""
    taken: set[tuple[int, int]] = set()
    placed = []
    for r, row in enumerate(table):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            placed.append((r, c, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
    return max(c for _, c in taken) + 1, placed


# --- DOCX ------------------------------------------------------------------------------------


def to_docx(body: list[Block]) -> bytes:
    import docx

    document = docx.Document()
    for block in body:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        columns, placed = grid(block)
        table = document.add_table(rows=len(block), cols=columns)
        table.style = "Table Grid"
        for r, c, cell in placed:
            target = table.cell(r, c)
            if cell.rowspan > 1 or cell.colspan > 1:
                target = target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
            target.text = cell.text
    out = io.BytesIO()
    document.save(out)
    return fixed_zip(out.getvalue())


def fixed_zip(data: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    """The same package with fixed timestamps (and `extra` parts added): reproducible bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            zinfo = zipfile.ZipInfo(info.filename, ZIP_DATE)
            zinfo.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(zinfo, source.read(info.filename))
        for name, part in (extra or {}).items():
            zinfo = zipfile.ZipInfo(name, ZIP_DATE)
            zinfo.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(zinfo, part)
    return out.getvalue()


# --- PDF -------------------------------------------------------------------------------------

LEFT, RIGHT, TOP, BOTTOM = 60.0, 535.0, 800.0, 60.0
TEXT_SIZE, CELL_SIZE = 10.0, 7.0


def _wrap(text: str, width: float, size: float) -> list[str]:
    per_line = max(1, int(width // size))
    return [text[i : i + per_line] for i in range(0, len(text), per_line)] or [""]


def to_pdf(body: list[Block]) -> bytes:
    """A4 pages: paragraphs wrapped at the right margin, tables ruled with their merged cells."""
    pages = [PdfPage()]
    y = TOP

    def room(height: float) -> None:
        nonlocal y
        if y - height < BOTTOM:
            pages.append(PdfPage())
            y = TOP

    for block in body:
        if isinstance(block, str):
            for line in _wrap(block, RIGHT - LEFT, TEXT_SIZE):
                room(TEXT_SIZE + 4)
                pages[-1].text(LEFT, y - TEXT_SIZE, line, size=TEXT_SIZE)
                y -= TEXT_SIZE + 4
            y -= 4
            continue
        columns, placed = grid(block)
        width = (RIGHT - LEFT + 20) / columns
        heights = [CELL_SIZE + 6.0] * len(block)
        for r, _c, cell in placed:
            if cell.rowspan == 1:
                lines = len(_wrap(cell.text, width * cell.colspan - 4, CELL_SIZE))
                heights[r] = max(heights[r], lines * (CELL_SIZE + 2) + 4)
        room(sum(heights) + 10)
        top = y - 4
        page = pages[-1]
        for r, c, cell in placed:
            x0 = LEFT - 10 + c * width
            y_top = top - sum(heights[:r])
            h = sum(heights[r : r + cell.rowspan])
            w = width * cell.colspan
            page.rect(x0, y_top - h, w, h)
            for i, line in enumerate(_wrap(cell.text, w - 4, CELL_SIZE)):
                if line:
                    page.text(x0 + 2, y_top - (i + 1) * (CELL_SIZE + 2), line, size=CELL_SIZE)
        y = top - sum(heights) - 10
    return make_pdf(pages)
