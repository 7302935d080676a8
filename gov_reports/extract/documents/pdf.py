"""PDF attachments: tables as tab-separated rows, the rest as paragraphs.

Each page's ruled tables are found first (pdfplumber's line strategy: the
statutory tables are always ruled); the text outside them is read as lines
and interleaved with the tables by their vertical position, so a table sits
between the heading above it and the paragraph below it, as on the page.
Text inside a table area is never emitted twice.

Who parses the page. pdfplumber's words, lines and tables are pure Python
over objects pdfminer parses from the content stream, and that parse, also
pure Python, is what costs (~40-60 ms a page of a real report). PDFium
(pypdfium2, C++) parses a page in a few ms; `_pdfium` turns its objects into
the characters and edges pdfplumber would have, and the same pdfplumber code
reads them (`_read_objects`), so the output is the same. pdfminer still opens
every file (its errors are the skip reasons the crawl has always counted) and
parses the pages PDFium would see differently (`_pdfium` lists them) and
any page the fast path stumbles on (`_read_page`).

Which pages carry a table is decided from PDFium's paths before the table
reader runs: a ruled grid of two rows and two columns needs three horizontal
and three vertical rules (`_pdfium.has_rules`), a necessary condition for the
line strategy to find any grid, so no table page is missed and pdfplumber's
table finder runs on table pages only; a page border, an underline or a header
rule stays below it. A text test for the 表二/三/四 headings would miss tables
whose heading is on the page before, and the 部门决算 tables that have none.

A PDF line is a visual line, not a paragraph: lines that reach the right
margin are joined to the next one (geometry knows where a paragraph ends,
which the text-only mender in `clean_text` has to guess).
"""

from __future__ import annotations

import io
import re
import unicodedata
import warnings
from typing import Any

from gov_reports.extract.documents import _pdfium
from gov_reports.extract.documents._common import (
    MAX_PDF_PAGES_READ,
    DocumentText,
    UnreadableDocument,
)
from gov_reports.extract.documents.pdf_tables import extract_cells, is_grid, outside_tables, tables_as_blocks
from gov_reports.model.vocabulary import ReadFailure

__all__ = ["extract_cells"]


_EOF_TAIL = 4096
"""%%EOF must be near the end; a download cut short has none."""
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|\d{1,4})$"
)
# Kangxi radicals and compatibility ideographs that some PDF fonts map text to
# (「⼈民政府」 with U+2F08): visually identical, but no regex would match them.
_LOOKALIKE_CJK = re.compile(r"[\u2e80-\u2ef3\u2f00-\u2fd5\uf900-\ufaff]")
_STARTS_ITEM = re.compile(
    r"\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．](?!\d))"
)
_ENDS_SENTENCE = ("。", "；", "！", "？", "：", ";", "!", "?", ":")


_UNMAPPED = re.compile(r"\(cid:\d+\)")


def _drop_unmapped(text: str) -> tuple[str, int]:
    """Remove pdfminer's 「(cid:1975)」 placeholders (glyphs whose font has no Unicode map).

    A few are stray symbols; when they outnumber the real characters the
    text layer is unusable (fonts embedded without ToUnicode), which the
    caller should treat like a scan.
    """
    if "(cid:" not in text:
        return text, 0
    count = len(_UNMAPPED.findall(text))
    return _UNMAPPED.sub("", text), count


def fold_lookalike_cjk(text: str) -> str:
    """Map Kangxi radicals / compatibility ideographs to the unified ideographs they show."""
    if not _LOOKALIKE_CJK.search(text):
        return text
    return _LOOKALIKE_CJK.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def read_pdf(data: bytes, *, max_pages: int = MAX_PDF_PAGES_READ, fast: bool = True) -> DocumentText:
    """Text and tables of a PDF; raises UnreadableDocument with a pdf-specific reason.

    `fast=False` parses every page with pdfminer (pdfplumber's own page
    objects), as before PDFium was added: the benchmark and the tests read
    both ways, which must agree.
    """
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    if b"%PDF-" not in data[:1024]:
        raise UnreadableDocument(ReadFailure.CORRUPT_PDF, "no %PDF header", kind="pdf")
    if b"%%EOF" not in data[-_EOF_TAIL:]:
        # A partial report is worse than none: the caller retries the download.
        raise UnreadableDocument(ReadFailure.TRUNCATED, "no %%EOF at the end", kind="pdf")
    notes: list[str] = []
    with warnings.catch_warnings():
        # pdfminer warns about harmless font and structure quirks; the project runs with -W error.
        warnings.simplefilter("ignore")
        # pdfminer opens every file, whichever parser then reads the pages: its errors (a password,
        # a broken file, no pages) are the reasons the crawl stats have always counted.
        try:
            pdf = pdfplumber.open(io.BytesIO(data))
        except PdfminerException as exc:
            raise _map_open_error(exc.args[0] if exc.args else exc) from exc
        except Exception as exc:
            raise _map_open_error(exc) from exc
        with pdf:
            try:
                pages = pdf.pages
            except Exception as exc:
                raise _map_open_error(exc) from exc
            total = len(pages)
            if not total:  # pdfminer recovers what it can from a broken file; nothing is not a report
                raise UnreadableDocument(ReadFailure.CORRUPT_PDF, "no page could be found", kind="pdf")
            if total > max_pages:
                notes.append(f"pages_limited:{max_pages}/{total}")
            lines: list[str] = []
            tables = image_only = failed = 0
            with _FastPages(data, total, enabled=fast) as fast_pages:
                for number, page in enumerate(pages[:max_pages], start=1):
                    try:
                        by_pdfium = fast_pages.read(number - 1, page)
                        page_lines, page_tables, is_image_only = by_pdfium or _read_page(page)
                    except Exception as exc:  # one bad content stream must not lose the other pages
                        failed += 1
                        notes.append(f"page_failed:{number}:{type(exc).__name__}")
                        continue
                    finally:
                        page.close()  # frees the page's parsed objects (long reports)
                    tables += page_tables
                    image_only += is_image_only
                    lines.extend(page_lines)  # a sentence broken by the page break is mended by clean_text
    read = min(total, max_pages)
    if read and failed == read:
        raise UnreadableDocument(ReadFailure.CORRUPT_PDF, "no page could be parsed", kind="pdf")
    text, unmapped = _drop_unmapped(fold_lookalike_cjk("\n".join(lines)))
    if unmapped:
        notes.append(f"unmapped_glyphs:{unmapped}")
        if unmapped > len(re.sub(r"\s", "", text)):
            raise UnreadableDocument(
                ReadFailure.UNMAPPED_FONT_PDF, f"{unmapped} glyphs without Unicode mapping", kind="pdf"
            )
    if not text.strip():
        if image_only:
            raise UnreadableDocument(ReadFailure.IMAGE_ONLY_PDF, f"{image_only} of {read} pages are images", kind="pdf")
        raise UnreadableDocument(ReadFailure.EMPTY_TEXT, f"{read} pages without text", kind="pdf")
    return DocumentText(
        text=text,
        kind="pdf",
        pages=read,
        tables=tables,
        image_only_pages=image_only,
        sha256="",
        size=len(data),
        notes=notes,
    )


def _map_open_error(exc: BaseException) -> UnreadableDocument:
    """pdfminer's exception classes to our reasons (they arrive wrapped by pdfplumber)."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    name = type(exc).__name__
    if isinstance(exc, PDFPasswordIncorrect | PDFEncryptionError) or "Encrypt" in name or "Password" in name:
        return UnreadableDocument(ReadFailure.ENCRYPTED_PDF, f"{name}: {exc}", kind="pdf")
    return UnreadableDocument(ReadFailure.CORRUPT_PDF, f"{name}: {exc}"[:300], kind="pdf")


PageRead = tuple[list[str], int, bool]
"""(lines in reading order, tables found, image-only page) of one page."""


class _FastPages:
    """PDFium's reading of the pages it can read like pdfminer (`_pdfium`); None for the others."""

    def __init__(self, data: bytes, total: int, *, enabled: bool) -> None:
        self.document = _pdfium.PdfiumDocument(data, total) if enabled else None

    def read(self, index: int, page: Any) -> PageRead | None:
        if self.document is None:
            return None
        try:
            objects = self.document.page_objects(index, page)
            return None if objects is None else _read_objects(objects, page)
        except Exception:  # whatever PDFium or the emulation stumbles on, pdfminer reads the page, as before
            return None

    def __enter__(self) -> _FastPages:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.document is not None:
            self.document.close()


def _read_page(page: Any) -> PageRead:
    """One page read from pdfplumber's own page objects (pdfminer's parse)."""
    # A frame drawn around the page or a boxed paragraph is found as a one-cell
    # "table"; reading it as a row would glue its paragraphs into one cell.
    found = [t for t in page.find_tables() if is_grid(t)]
    boxes = [t.bbox for t in found]

    def outside(obj: dict[str, Any]) -> bool:
        return obj.get("object_type") != "char" or outside_tables(obj, boxes)

    text_page = page.filter(outside) if boxes else page
    raw_lines = text_page.extract_text_lines(strip=True, return_chars=False)
    image_only = not page.chars and bool(page.images)
    return _page_lines(raw_lines, page, tables_as_blocks(found)), len(found), image_only


def _read_objects(objects: _pdfium.PageObjects, page: Any) -> PageRead:
    """The same reading as `_read_page`, of PDFium's objects, by the same pdfplumber code.

    The table finder runs only on pages with rules enough for a table; the
    characters outside the tables become lines as `Page.extract_text_lines`
    makes them (`Page.filter` keeps the page's box). Pages without characters
    never come here, so none is image-only.
    """
    from pdfplumber.table import TableFinder, TableSettings
    from pdfplumber.utils.text import chars_to_textmap

    # PageObjects carries the attributes TableFinder reads from a pdfplumber Page (duck-typed, not a subclass).
    finder_page: Any = objects
    found = (
        [t for t in TableFinder(finder_page, TableSettings.resolve(None)).tables if is_grid(t)] if objects.ruled else []
    )
    boxes = [t.bbox for t in found]
    chars = [c for c in objects.chars if outside_tables(c, boxes)] if boxes else objects.chars
    textmap = chars_to_textmap(chars, layout_bbox=page.bbox, layout_width=page.width, layout_height=page.height)
    raw_lines = textmap.extract_text_lines(strip=True, return_chars=False)
    return _page_lines(raw_lines, page, tables_as_blocks(found, objects.chars)), len(found), False


def _page_lines(raw_lines: list[dict[str, Any]], page: Any, table_blocks: list[tuple[float, list[str]]]) -> list[str]:
    """A page's text lines (pdfplumber's `extract_text_lines` shape) and tables, in reading order."""
    raw_lines = [ln for ln in raw_lines if ln["text"].strip()]
    raw_lines = _drop_page_numbers(raw_lines, page.height)
    blocks = [*_paragraphs(raw_lines, page.width), *table_blocks]
    blocks.sort(key=lambda block: block[0])
    return [line for _, block in blocks for line in block]


def _drop_page_numbers(lines: list[dict[str, Any]], height: float) -> list[dict[str, Any]]:
    """Page-number lines at the top or bottom edge (「- 3 -」, 「第3页 共12页」) are not text."""
    margin = height * 0.12
    return [
        ln
        for ln in lines
        if not (_PAGE_NUMBER.match(ln["text"].strip()) and (ln["top"] < margin or ln["bottom"] > height - margin))
    ]


def _paragraphs(lines: list[dict[str, Any]], width: float) -> list[tuple[float, list[str]]]:
    """Join visual lines into paragraphs: a line that reaches the right margin continues below.

    The right margin is where several lines end together, or (one wrapped
    line on the page) the mirror of the left margin; a lone long title that
    stops short of both is never glued to the heading under it.
    Returns (top of the paragraph, [its text]) so tables can be placed between paragraphs.
    """
    if not lines:
        return []
    right = max(ln["x1"] for ln in lines)
    left = min(ln["x0"] for ln in lines)
    mirror = width - left
    ends_together = sum(1 for ln in lines if ln["x1"] >= right - 1.5 * _size(ln)) >= 2
    out: list[tuple[float, list[str]]] = []
    current: dict[str, Any] | None = None
    text = ""
    start = lines[0]["top"]
    for ln in lines:
        size = _size(ln)
        if current is not None:
            full = (
                current["x1"] >= right - 1.5 * size
                and (ends_together or current["x1"] >= mirror - 2 * size)
                and not text.endswith(_ENDS_SENTENCE)
            )
            below = 0 <= ln["top"] - current["bottom"] < 1.2 * size
            if full and below and ln["x0"] <= left + 1.2 * size and not _STARTS_ITEM.match(ln["text"]):
                text = _join(text, ln["text"].strip())
                current = ln
                continue
            out.append((start, [text]))
        current, start, text = ln, ln["top"], ln["text"].strip()
    out.append((start, [text]))
    return out


def _size(line: dict[str, Any]) -> float:
    return max(line["bottom"] - line["top"], 1.0)


def _join(first: str, second: str) -> str:
    """Join a wrapped line: no space between CJK, one space between Latin words."""
    if first and second and first[-1].isascii() and first[-1].isalnum() and second[0].isascii() and second[0].isalnum():
        return f"{first} {second}"
    return first + second
