"""A report record from a downloaded attachment: the document readers, then the HTML path.

Pure code: bytes in, `AnnualReport` out (or `UnreadableDocument` / `NotAReport`
with a reason). The document's text goes through the same `clean_text` →
`build_record` → `extract_statistics` path as a page, so an attachment and
the page that links it yield records with the same key and comparable
fields; `gov_reports.model.merge` then joins them.

The record is marked `from_attachment` (merging uses that to keep the page's
URL and metadata in front) and lists the file first in `attachments` with its
byte size and SHA-256, so the dump says which bytes the numbers came from.
"""

from __future__ import annotations

from collections.abc import Mapping

from gov_reports.extract.clean import clean_text
from gov_reports.extract.documents import DocumentText, UnreadableDocument, read_document
from gov_reports.extract.documents.ocr import (
    MAX_OCR_PIXELS,
    ocr_available,
    ocr_images,
    pdf_page_images,
    unverified_reason,
)
from gov_reports.extract.page import NotAReport, PageSource, build_record, content_hash
from gov_reports.model.merge import is_table_flag
from gov_reports.model.record import AnnualReport
from gov_reports.model.vocabulary import Flag, FlagPrefix, ReadFailure, SkipReason

FROM_ATTACHMENT = Flag.FROM_ATTACHMENT
"""Flag of a record read from an attachment (merging keeps the page in front of it)."""
TABLES_AS_IMAGES = Flag.TABLES_AS_IMAGES
"""Flag: the statistics tables are pictures (no table text anywhere, images where they belong)."""


def attachment_entry(url: str | None, name: str | None, document: DocumentText) -> dict[str, object]:
    """The `attachments` entry of a file that was downloaded and read."""
    return {"url": url, "name": name, "type": document.kind, "size": document.size, "sha256": document.sha256}


def document_report(
    data: bytes,
    *,
    url: str = "",
    name: str | None = None,
    content_type: str | None = None,
    source: PageSource | None = None,
    max_bytes: int = 50_000_000,
    limits: Mapping[str, int] | None = None,
    ocr: bool = True,
) -> tuple[AnnualReport, DocumentText]:
    """Read one attachment and extract its record.

    `ocr` False (GOV_REPORTS_OCR_ENABLED off): a scan is skipped as `image_only_pdf`, not read by Tesseract.

    `limits` are `read_document`'s memory bounds (max_xml_bytes, max_pdf_pages) and, for a scan,
    `ocr_max_pixels` (gov_reports.extract.documents.ocr), from the crawl's settings.

    `name` is the file name (Content-Disposition, link text or the URL's last
    part); `source` carries what the crawler knows (the linking page's title
    as `listing_title`, so a file whose text names no year still gets one).
    Raises `UnreadableDocument` for a bad file, `NotAReport` for a file that
    is no report (a form, a price list).
    """
    source = source or PageSource(url=url)
    limits = dict(limits or {})
    max_pixels = limits.pop("ocr_max_pixels", MAX_OCR_PIXELS)
    try:
        document = read_document(data, name=name or url, content_type=content_type, max_bytes=max_bytes, **limits)
    except UnreadableDocument as error:
        if error.reason != ReadFailure.IMAGE_ONLY_PDF or not ocr:
            raise
        if not ocr_available():
            # Tesseract is the converter a scan needs: a missing converter, which the next crawl retries.
            raise UnreadableDocument(
                ReadFailure.CONVERTER_MISSING,
                f"{error.detail}: a scan, read only by OCR (apt: tesseract-ocr tesseract-ocr-chi-sim)",
                kind="pdf",
            ) from error
        return scanned_pdf_report(data, url=url, name=name, source=source, max_pixels=max_pixels)
    page = clean_text(document.text)
    if not page.lines:
        raise NotAReport(SkipReason.EMPTY_BODY, url)
    record = build_record(page, document.text, source)
    record.attachments = [attachment_entry(url or None, name, document)] + [
        a for a in record.attachments if a.get("url") != url
    ]
    flags = [FROM_ATTACHMENT]
    if document.image_only_pages and Flag.TABLES_MISSING in record.flags:
        flags.append(TABLES_AS_IMAGES)
    record.flags = flags + [f for f in record.flags if f not in flags]
    return record, document


def scanned_pdf_report(
    data: bytes, *, url: str = "", name: str | None = None, source: PageSource, max_pixels: int = MAX_OCR_PIXELS
) -> tuple[AnnualReport, DocumentText]:
    """A PDF of page images (a scan): Tesseract reads it, and its numbers stay only if verified.

    The OCR'd text gives the title, issuer, year and sections (flag
    `text_from_ocr`). Its statistics are kept when table 三's (and 四's)
    checks all pass (`stats_from_ocr`); otherwise no OCR'd number is
    presented — not the tables, not the prose counts (`ocr_unverified`).
    """
    import hashlib

    images = pdf_page_images(data, max_pixels=max_pixels)
    # An unreadable page is left out; the others may still make a report.
    text = "\n".join(line for lines in ocr_images(images, max_pixels=max_pixels) if lines for line in lines)
    document = DocumentText(
        text=text,
        kind="pdf",
        pages=len(images),
        tables=0,
        image_only_pages=len(images),
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        notes=["ocr:tesseract"],
    )
    page = clean_text(text)
    if not page.lines:
        raise UnreadableDocument(
            ReadFailure.IMAGE_ONLY_PDF, f"{len(images)} page images, no text read by OCR", kind="pdf"
        )
    record = build_record(page, text, source)
    record.attachments = [attachment_entry(url or None, name, document)]
    if unverified_reason(record.stats, record.checks):
        record.stats, record.summary, record.checks = None, {}, []
        record.flags = [f for f in record.flags if not is_table_flag(f)] + [Flag.OCR_UNVERIFIED]
    else:
        prose = {f.split(":", 1)[1] for f in record.flags if f.startswith(FlagPrefix.SUMMARY_FROM_PROSE)}
        record.summary = {k: (None if k in prose else v) for k, v in record.summary.items()}
        record.flags = [f for f in record.flags if not f.startswith(FlagPrefix.SUMMARY_FROM_PROSE)] + [
            Flag.STATS_FROM_OCR
        ]
    flags = [FROM_ATTACHMENT, TABLES_AS_IMAGES, "text_from_ocr"]
    record.flags = flags + [f for f in record.flags if f not in flags]
    record.content_sha1 = content_hash(record)
    return record, document
