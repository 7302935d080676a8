"""Shared pieces of the document readers: the result, the error, and table rows as text.

Every reader produces the same text shape as the HTML cleaner renders: one
line per paragraph, one line per table row with the cells joined by tabs.
That is the shape `gov_reports.extract.tables.text_grid` and the rest of the
text pipeline (`clean_text`, `extract_statistics`, `build_record`) already
read, so attachments reuse the HTML path instead of forking it.
"""

from __future__ import annotations

import re
import threading
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from gov_reports.extract.numbers import parse_cell
from gov_reports.model.vocabulary import ReadFailure, ReadFailurePrefix

MAX_ZIP_ENTRIES = 5_000
"""A DOCX/XLSX has tens of parts; thousands means something built to hurt."""
MAX_UNCOMPRESSED = 200_000_000
"""Declared uncompressed total of an OOXML package; a 年报 is well under 10 MB."""
MAX_RATIO = 200
"""Per-part compression ratio; XML deflates ~10-30x, zeros or spaces ~1000x."""
RATIO_FLOOR = 2_000_000
"""Parts smaller than this are never a bomb, whatever their ratio."""
MAX_XML_BYTES = 8_000_000
"""Largest XML part of a DOCX/XLSX read (GOV_REPORTS_DOCUMENT_XML_MAXSIZE): a 年报's document.xml is
well under 2 MB. Parsed XML costs tens to hundreds of bytes of memory per byte (one element per `<w:p/>`),
and a part within the size and ratio limits above (183 MB at ratio 43 in a 4 MB DOCX) took 16 GB."""
MAX_PDF_PAGES = 2_000
"""PDFs with more pages are refused before pdfplumber enumerates them (GOV_REPORTS_PDF_MAX_PAGES):
a 年报 has tens of pages, and 100,000 pages sharing one content stream (a 15 MB file) took 560 MB."""
MAX_PDF_PAGES_READ = 200
"""Pages of a PDF that are read (`read_document`'s default `max_pages`): a 年报 has tens. The
rest of a longer PDF (up to MAX_PDF_PAGES, beyond which it is refused) is skipped with a
`pages_limited:200/N` note."""
PDFIUM_LOCK = threading.Lock()
"""PDFium is not thread-safe and attachments are read on Scrapy's thread pool: every use of
pypdfium2 (the page count check, the PDF reader, OCR page rendering) holds this lock."""


class UnreadableDocument(Exception):
    """A downloaded file the readers skip; `reason` is a short code for crawl stats.

    Reasons: empty_file, too_large, truncated, not_a_<kind>_but_html,
    corrupt_<kind> (pdf, docx, xlsx, doc, wps, xls, zip), encrypted_pdf,
    encrypted_document, zip_bomb, xml_too_large, too_many_pages, unsupported_type,
    converter_missing, converter_failed, empty_text, image_only_pdf.
    """

    def __init__(self, reason: str, detail: str = "", *, kind: str | None = None) -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail
        self.kind = kind


@dataclass(kw_only=True)
class DocumentText:
    """A document's text in the shape the text pipeline reads.

    Paragraphs are lines; each table row is one line of tab-joined cells.
    Merged cells:
    - a horizontally merged cell appears once and the columns it covers
      produce no cell, as in the text the HTML cleaner renders from colspan
      markup. Blanks there would sit inside the run of numbers the text table
      readers take from the end of a row: Word and LibreOffice split columns
      into slivers when edges do not line up, and a number spanning a sliver
      came out as 「2\t\t0」, shifting table 四 by one column;
    - a vertically merged *label* is repeated on every row it covers: group
      cells such as 「三、本年度办理结果」 or 「（六）其他处理」 then reach each
      row, the context the table-三 reader needs and that flattened PDF text
      loses (seeds/003). A vertically merged *number* is kept on its first row
      only ("" below it, so the row keeps its other cells in place).
    """

    text: str
    kind: str
    """pdf | docx | doc | wps | xlsx | xls (the format actually read, not the file name's)."""
    pages: int | None
    """Pages read (PDF), or None when the format has no pages."""
    tables: int
    image_only_pages: int = 0
    """PDF pages with images but no text: scanned pages, or tables pasted as pictures."""
    sha256: str
    size: int
    notes: list[str] = field(default_factory=list)
    """How it was read and what was cut: 'converter:antiword', 'pages_limited:200/350', …"""


_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t]*[\r\n]+[ \t]*(?=[{_CJK}])")
_CELL_SPACE = re.compile(r"[\t\r\n\x0b\x0c]+")
_RUN_SPACE = re.compile(r"[ \u3000\xa0]{2,}")


def cell_text(text: str | None) -> str:
    """A cell as one tab-free line: a tab inside a cell would split it into two cells.

    A line break between Chinese characters is a wrapped word 「本年新 / 制作数量」
    and disappears; other breaks become a space.
    """
    if not text:
        return ""
    if "\n" in text or "\r" in text:
        text = _CJK_BREAK.sub("", text)
    return _RUN_SPACE.sub(" ", _CELL_SPACE.sub(" ", text)).strip()


def paragraph_lines(text: str) -> list[str]:
    """A paragraph's visual lines, tabs made spaces (a tab line is read as a table row)."""
    return [line for raw in text.splitlines() if (line := raw.replace("\t", " ").strip())]


def is_number_cell(text: str) -> bool:
    """A non-empty numeric cell, by the same rule the table readers use."""
    return bool(text) and parse_cell(text) is not None


def table_lines(rows: Iterable[Sequence[str]]) -> list[str]:
    """Rows of cell strings as tab-joined lines; empty rows dropped, trailing blanks trimmed."""
    lines = []
    for row in rows:
        cells = [cell_text(c) for c in row]
        while cells and not cells[-1]:
            cells.pop()
        if any(cells):
            lines.append("\t".join(cells))
    return lines


@dataclass(slots=True)
class Slot:
    """One position of a table grid after span expansion."""

    text: str
    origin: bool
    """True for the cell's own (top-left) position, False for a position it covers."""
    vertical: bool
    """True when the position is covered from the row above (a vertical merge)."""


def render_slots(grid: list[list[Slot]]) -> list[list[str]]:
    """Apply the merged-cell policy of `DocumentText` to an expanded grid."""
    out = []
    for row in grid:
        cells = []
        for slot in row:
            if slot.origin:
                cells.append(slot.text)
            elif slot.vertical:
                cells.append("" if is_number_cell(slot.text) else slot.text)
            # else: covered by a horizontal merge, no cell
        out.append(cells)
    return out


def check_zip(data: bytes, kind: str, *, max_bytes: int, max_xml_bytes: int = MAX_XML_BYTES) -> zipfile.ZipFile:
    """Open an OOXML package after checking it cannot blow up memory.

    python-docx and openpyxl inflate whole parts; the declared sizes are
    trustworthy limits because `zipfile` stops at the declared size and then
    fails the CRC, so checking them before opening is enough. A zip that
    cannot be opened at all is truncated when its end record is missing.
    """
    import io

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        if b"PK\x05\x06" not in data[-70_000:]:
            raise UnreadableDocument(ReadFailure.TRUNCATED, "zip end record missing", kind=kind) from exc
        raise UnreadableDocument(f"{ReadFailurePrefix.CORRUPT}{kind}", str(exc), kind=kind) from exc
    except (OSError, ValueError, NotImplementedError) as exc:
        raise UnreadableDocument(f"{ReadFailurePrefix.CORRUPT}{kind}", str(exc), kind=kind) from exc
    infos = archive.infolist()
    if len(infos) > MAX_ZIP_ENTRIES:
        raise UnreadableDocument(ReadFailure.ZIP_BOMB, f"{len(infos)} entries", kind=kind)
    total = sum(i.file_size for i in infos)
    limit = max(MAX_UNCOMPRESSED, 4 * max_bytes)
    if total > limit:
        raise UnreadableDocument(ReadFailure.ZIP_BOMB, f"declares {total} bytes uncompressed", kind=kind)
    for info in infos:
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise UnreadableDocument(
                ReadFailure.ZIP_BOMB,
                f"{info.filename}: {info.file_size} bytes from {info.compress_size} (ratio > {MAX_RATIO})",
                kind=kind,
            )
    for info in infos:  # within the ratio: XML is parsed, and parsed XML costs many times its size
        if info.filename.lower().endswith((".xml", ".rels")) and info.file_size > max_xml_bytes:
            raise UnreadableDocument(
                ReadFailure.XML_TOO_LARGE, f"{info.filename}: {info.file_size} bytes > {max_xml_bytes}", kind=kind
            )
    return archive
