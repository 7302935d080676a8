"""Read report attachments (PDF, DOCX, DOC/WPS, XLSX/XLS) into the text the extractors read.

Pure code, no crawler inside: bytes in, `DocumentText` out, or
`UnreadableDocument` with a short `reason` for the crawl stats. Whatever is
wrong with a download (an HTML error page saved as .pdf, a cut-off file, a
password, a zip bomb, a missing converter), the caller gets that exception
and nothing else, so one bad attachment never stops a crawl.

The text has the shape of the HTML cleaner's output (paragraph lines, table
rows as tab-joined cells), so the caller runs it through the same
`clean_text` → `build_record` → `extract_statistics` path as a page.

Formats:
- pdf: pdfplumber's table and text code (`pdf.py`) on pages parsed by PDFium (`_pdfium.py`), or by
  pdfminer where PDFium would read them otherwise: ruled tables as rows, text in reading order.
- docx: python-docx (`word.py`), body order, gridSpan/vMerge expanded.
- xlsx: openpyxl read-only (`spreadsheet.py`), merged ranges expanded.
- doc/wps (OLE Word binary, which is what WPS Office writes for .wps):
  antiword, else LibreOffice → DOCX (`legacy.py`). rtf: LibreOffice.
- xls (OLE Excel): LibreOffice → XLSX when installed, else unsupported_type
  (no maintained pure-Python reader is installed; xlrd is not a dependency).
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import threading
from collections import OrderedDict

from gov_reports.extract.documents._common import (
    MAX_PDF_PAGES,
    MAX_PDF_PAGES_READ,
    MAX_XML_BYTES,
    PDFIUM_LOCK,
    DocumentText,
    UnreadableDocument,
)
from gov_reports.model.vocabulary import ReadFailure, ReadFailurePrefix

__all__ = ["KINDS", "DocumentText", "UnreadableDocument", "clear_cache", "read_document", "sniff_kind"]

KINDS = ("pdf", "docx", "doc", "wps", "xlsx", "xls", "rtf", "html", "mht", "zip", "ole", "encrypted_office", "unknown")
"""What `sniff_kind` can answer. 'ole' is an OLE file that is neither Word nor Excel;
'encrypted_office' a password-protected DOCX/XLSX (an OLE wrapper around the package)."""

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_START = re.compile(
    rb"^(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|script|style|link|div|table|p|a|iframe|frameset|form)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_ANYWHERE = re.compile(rb"<html\b|<body\b|<script\b|<meta\s+http-equiv", re.IGNORECASE)
_EXTENSIONS = {
    "pdf": "pdf",
    "docx": "docx",
    "doc": "doc",
    "wps": "wps",
    "xlsx": "xlsx",
    "xls": "xls",
    "et": "xls",  # WPS spreadsheet: OLE Excel inside
    "rtf": "rtf",
    "htm": "html",
    "html": "html",
    "shtml": "html",
    "mht": "mht",
    "mhtml": "mht",
}
_CONTENT_TYPES = (
    ("application/pdf", "pdf"),
    ("wordprocessingml", "docx"),
    ("spreadsheetml", "xlsx"),
    ("application/msword", "doc"),
    ("application/vnd.ms-works", "wps"),
    ("application/kswps", "wps"),
    ("application/wps", "wps"),
    ("application/vnd.ms-excel", "xls"),
    ("rtf", "rtf"),
    ("text/html", "html"),
    ("application/xhtml", "html"),
    ("multipart/related", "mht"),
)


def _claimed_kind(name: str | None, content_type: str | None) -> str | None:
    """The kind the file name's extension or the Content-Type announce (not trusted for content)."""
    if name:
        base = name.split("?", 1)[0].split("#", 1)[0].rstrip().lower()
        ext = base.rsplit(".", 1)[-1] if "." in base else ""
        if ext in _EXTENSIONS:
            return _EXTENSIONS[ext]
    if content_type:
        lowered = content_type.lower()
        for marker, kind in _CONTENT_TYPES:
            if marker in lowered:
                return kind
    return None


def _looks_like_html(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n\x00")
    if text.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 HTML error pages exist too
        text = text[2:].replace(b"\x00", b"")
    if text.startswith(b"<?xml") and b"<html" in text[:1024].lower():
        return True
    return bool(_HTML_START.match(text)) or bool(_HTML_ANYWHERE.search(text[:1024]))


def _ole_kind(data: bytes) -> str:
    """Which OLE document: by the stream names in its directory (UTF-16LE, anywhere in the file)."""

    def has(name: str) -> bool:
        return name.encode("utf-16-le") in data

    if has("EncryptedPackage"):
        return "encrypted_office"
    if has("WordDocument"):
        return "doc"
    if has("Workbook") or has("Book\x00"):
        return "xls"
    return "ole"


def sniff_kind(data: bytes, name: str | None = None, content_type: str | None = None) -> str:
    """The file's real kind, by its bytes first; the name and Content-Type only break ties.

    Portals serve login pages, 404 pages and WAF challenges with a .pdf URL
    and `application/pdf`, and Word files as .wps or as .doc that are really
    RTF or HTML; magic bytes are the only thing to trust. The name decides
    only what bytes cannot: 'wps' vs 'doc' for the same OLE Word stream.
    """
    claimed = _claimed_kind(name, content_type)
    head = data[:4096]
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        for marker, kind in (
            (b"word/document.xml", "docx"),
            (b"xl/workbook.xml", "xlsx"),
            (b"word/", "docx"),
            (b"xl/", "xlsx"),
        ):
            if marker in data:
                return kind
        return "zip"
    if head.startswith(_OLE_MAGIC):
        kind = _ole_kind(data)
        if kind == "doc" and claimed == "wps":
            return "wps"
        return kind
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{\\rtf"):
        return "rtf"
    if stripped[:200].lower().startswith(b"mime-version:") or b"multipart/related" in stripped[:1024].lower():
        return "mht"
    if _looks_like_html(head):
        return "html"
    return claimed or "unknown"


_CACHE_SIZE = 32
_cache: OrderedDict[tuple[str, str, int, int, int, int], DocumentText] = OrderedDict()
_cache_lock = threading.Lock()


def clear_cache() -> None:
    """Forget remembered results (tests that swap converters; a long-lived process that wants memory back)."""
    with _cache_lock:
        _cache.clear()


def read_document(
    data: bytes,
    *,
    name: str | None = None,
    content_type: str | None = None,
    max_bytes: int = 50_000_000,
    max_pages: int = MAX_PDF_PAGES_READ,
    max_xml_bytes: int = MAX_XML_BYTES,
    max_pdf_pages: int = MAX_PDF_PAGES,
) -> DocumentText:
    """Read one downloaded attachment; raises only `UnreadableDocument`.

    `name` (the URL or its file name) and `content_type` are hints, never
    paths: converters get the bytes in a private temporary directory under
    a fixed name. `max_pages` bounds PDF work (a 年报 has tens of pages; the
    rest of a longer PDF is skipped with a note). Memory is bounded for every
    type: XML parts of DOCX/XLSX (and of the DOCX LibreOffice makes of a DOC/WPS)
    above `max_xml_bytes` are refused (`xml_too_large`), and so are PDFs of more
    than `max_pdf_pages` pages (`too_many_pages`), counted before they are parsed.
    """
    if not data or not data.strip():
        raise UnreadableDocument(ReadFailure.EMPTY_FILE, f"{len(data)} bytes")
    if len(data) > max_bytes:
        raise UnreadableDocument(ReadFailure.TOO_LARGE, f"{len(data)} bytes > {max_bytes}")
    claimed = _claimed_kind(name, content_type)
    kind = sniff_kind(data, name, content_type)
    # The same file is met again (several pages link it, copies of a page, a re-crawl in the
    # same process) and a LibreOffice conversion costs seconds: remember recent results by content.
    sha256 = hashlib.sha256(data).hexdigest()
    cache_key = (sha256, kind, max_bytes, max_pages, max_xml_bytes, max_pdf_pages)
    with _cache_lock:
        cached = _cache.get(cache_key)
        if cached is not None:
            _cache.move_to_end(cache_key)
            return dataclasses.replace(cached, notes=list(cached.notes))
    try:
        limits = {"max_bytes": max_bytes, "max_pages": max_pages, "max_xml_bytes": max_xml_bytes}
        doc = _dispatch(data, kind, claimed, max_pdf_pages=max_pdf_pages, **limits)
    except UnreadableDocument as exc:
        if exc.kind is None:
            exc.kind = kind
        raise
    except (RecursionError, MemoryError) as exc:
        raise UnreadableDocument(f"{ReadFailurePrefix.CORRUPT}{kind}", type(exc).__name__, kind=kind) from exc
    except Exception as exc:  # a reader bug or an unforeseen library error: still never crash the caller
        raise UnreadableDocument(
            f"{ReadFailurePrefix.CORRUPT}{kind}", f"{type(exc).__name__}: {exc}"[:300], kind=kind
        ) from exc
    doc.sha256 = sha256
    doc.size = len(data)
    with _cache_lock:
        _cache[cache_key] = dataclasses.replace(doc, notes=list(doc.notes))
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return doc


def _dispatch(
    data: bytes,
    kind: str,
    claimed: str | None,
    *,
    max_bytes: int,
    max_pages: int,
    max_xml_bytes: int,
    max_pdf_pages: int,
) -> DocumentText:
    from gov_reports.extract.documents import legacy, pdf, spreadsheet, word

    if kind == "pdf":
        _check_pdf_pages(data, max_pdf_pages)
        return pdf.read_pdf(data, max_pages=max_pages)
    if kind == "docx":
        return word.read_docx(data, max_bytes=max_bytes, max_xml_bytes=max_xml_bytes)
    if kind == "xlsx":
        return spreadsheet.read_xlsx(data, max_bytes=max_bytes, max_xml_bytes=max_xml_bytes)
    if kind in ("doc", "wps"):
        return legacy.read_word_binary(data, kind=kind, max_bytes=max_bytes, max_xml_bytes=max_xml_bytes)
    if kind in ("xls", "rtf"):
        return legacy.read_with_libreoffice(data, kind=kind, max_bytes=max_bytes, max_xml_bytes=max_xml_bytes)
    if kind == "html":
        raise UnreadableDocument(
            f"{ReadFailurePrefix.NOT_A}{claimed or 'document'}_but_html", "an HTML page was served", kind="html"
        )
    if kind == "encrypted_office":
        raise UnreadableDocument(ReadFailure.ENCRYPTED_DOCUMENT, "password-protected Office file", kind=kind)
    if kind == "zip" and claimed in ("docx", "xlsx"):
        raise UnreadableDocument(f"{ReadFailurePrefix.CORRUPT}{claimed}", "zip without the OOXML parts", kind=claimed)
    if claimed in ("pdf", "docx", "xlsx", "doc", "wps", "xls") and kind == "unknown":
        raise UnreadableDocument(
            f"{ReadFailurePrefix.CORRUPT}{claimed}", "content does not match the announced type", kind=claimed
        )
    raise UnreadableDocument(ReadFailure.UNSUPPORTED_TYPE, f"{kind} (announced {claimed or 'nothing'})", kind=kind)


def _check_pdf_pages(data: bytes, max_pdf_pages: int) -> None:
    """Refuse a PDF with more pages than `max_pdf_pages`, counted by PDFium (C, lazy) before any parsing.

    pdfplumber builds an object per page of the whole page tree even to read a few: a small file
    of 100,000 pages sharing one content stream costs half a gigabyte. A file PDFium cannot open is
    left to the reader, which says why (encrypted, truncated, corrupt).
    """
    import pypdfium2

    with PDFIUM_LOCK:
        try:
            document = pypdfium2.PdfDocument(data)
        except Exception:  # pypdfium2.PdfiumError and friends: the reader gives the precise reason
            return
        try:
            pages = len(document)
        finally:
            document.close()
    if pages > max_pdf_pages:
        raise UnreadableDocument(ReadFailure.TOO_MANY_PAGES, f"{pages} pages > {max_pdf_pages}", kind="pdf")
