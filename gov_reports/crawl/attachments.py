"""Reports published as attachments: which files to follow, and reading them in the pipeline.

Many 年报 exist only, or only completely, as a file: 「年报下载：….doc」, 附件,
点击下载, Hanweb `downfile.jsp?filename=….pdf` (a 302 to `/attach/…`), TRS
`./P0….pdf` beside the article, a listing entry that links the PDF itself,
a Zhejiang page whose body is only 「详见附件」 (reference/portals.md §2.6, §3.4, §8).

- The spider asks `attachment_links` which links of a report page are report
  files (on the configured hosts only) and fetches them with
  `attachment_request` (a per-request `download_maxsize`), then turns each
  response into a `FetchedDocument` with `fetched_document`.
- `AttachmentExtractionPipeline` reads the file off the reactor thread
  (pdfplumber, python-docx, LibreOffice/antiword take 50 ms to seconds) and
  extracts its record through the same path as pages
  (`gov_reports.extract.documents.record`). The page and its file yield
  records with the same key; `gov_reports.model.merge` joins them.
- A bad file (corrupt, encrypted, truncated, HTML served as .pdf, a zip
  bomb, too large) is a counted skip `attachment_<reason>`; the page's own
  record is a separate item and is never affected.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, NoReturn
from urllib.parse import parse_qs, unquote, unquote_to_bytes, urljoin, urlsplit

from scrapy.exceptions import DropItem, NotConfigured
from scrapy.http import Request, Response, TextResponse
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

from gov_reports.crawl.pipelines import official_hosts
from gov_reports.crawl.summary import REFUSED, SKIPPED, TRUST
from gov_reports.extract.documents import UnreadableDocument
from gov_reports.extract.documents.record import document_report
from gov_reports.extract.page import NotAReport, PageSource, RefusedPage
from gov_reports.model.record import AnnualReport, FetchedDocument

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Self

    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)

READABLE_TYPES = frozenset({"pdf", "docx", "doc", "wps", "xlsx", "xls", "et"})
"""File types the document readers handle (.et is a WPS spreadsheet, OLE Excel inside)."""
ATTACHMENT_ROLE = "attachment"
_EXT = re.compile(r"\.([A-Za-z]{2,4})$")
# Query parameters naming the file behind a download script (Hanweb downfile.jsp: filename, showname).
_NAME_PARAMS = ("showname", "filename", "fileName", "name", "file")


@dataclass(frozen=True)
class AttachmentLink:
    """A link to a report file: absolute URL, link text, and the type it announces."""

    url: str
    text: str
    type: str


def file_type(url: str, text: str = "") -> str | None:
    """The readable type a link announces by its path, its download parameters or its text; else None."""
    parts = urlsplit(url)
    candidates = [unquote(parts.path)]
    query = parse_qs(parts.query)
    candidates += [v for key in _NAME_PARAMS for v in query.get(key, [])]
    candidates.append(text.strip())
    for candidate in candidates:
        match = _EXT.search(candidate.strip().rstrip("」』)）"))
        if match and match.group(1).lower() in READABLE_TYPES:
            return match.group(1).lower()
    return None


def attachment_links(response: TextResponse, hosts: Iterable[str]) -> list[AttachmentLink]:
    """Links of a report page to report files on the configured hosts, in page order, each once."""
    allowed = {h.lower() for h in hosts}
    found: dict[str, AttachmentLink] = {}
    for anchor in response.css("a[href]"):
        href = (anchor.attrib.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "mailto:", "#")):
            continue
        url = urljoin(response.url, href)
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.netloc.lower() not in allowed:
            continue
        text = " ".join(t.strip() for t in anchor.css("::text").getall() if t.strip())
        kind = file_type(url, text)
        if kind and url.split("#", 1)[0] not in found:
            found[url.split("#", 1)[0]] = AttachmentLink(url.split("#", 1)[0], text, kind)
    return list(found.values())


def image_links(response: TextResponse, hosts: Iterable[str]) -> list[str]:
    """Images of the page on the configured hosts, each once (tables pasted as pictures are among them)."""
    allowed = {h.lower() for h in hosts}
    urls: dict[str, None] = {}
    for src in response.css("img::attr(src)").getall():
        url = urljoin(response.url, src.strip())
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") and parts.netloc.lower() in allowed:
            urls[url] = None
    return list(urls)


def attachment_request(
    url: str,
    *,
    settings: BaseSettings,
    callback: Callable[..., Any],
    errback: Callable[..., Any],
    name: str | None = None,
    parent_url: str | None = None,
    parent_title: str | None = None,
    listing_date: str | None = None,
    meta: dict[str, Any] | None = None,
) -> Request:
    """A request for a report file, bounded by GOV_REPORTS_ATTACHMENT_MAXSIZE."""
    return Request(
        url,
        callback=callback,
        errback=errback,
        meta={
            **(meta or {}),
            "role": ATTACHMENT_ROLE,
            "download_maxsize": settings.getint("GOV_REPORTS_ATTACHMENT_MAXSIZE"),
            # A cut-off file arrives flagged (not retried forever) and is skipped as truncated.
            "download_fail_on_dataloss": False,
            "attachment_name": name,
            "parent_url": parent_url,
            "listing_title": parent_title,
            "listing_date": listing_date,
        },
    )


def disposition_filename(header: bytes | str | None) -> str | None:
    """The file name of a Content-Disposition header.

    RFC 6266/5987 `filename*=UTF-8''%E5%93%88…` wins over `filename=`; a plain
    `filename` may be percent-encoded (common) or raw UTF-8 or GBK bytes (IIS
    and Java servers send both), so bytes are tried as UTF-8, then GB18030.
    """
    if not header:
        return None
    raw = header if isinstance(header, bytes) else header.encode("utf-8", "surrogateescape")
    extended = re.search(rb"filename\*\s*=\s*([\w-]+)'[^']*'([^;]+)", raw, re.IGNORECASE)
    if extended:
        charset = extended.group(1).decode("ascii", "replace").lower()
        data = unquote_to_bytes(extended.group(2).strip().strip(b'"').decode("latin-1"))
        return _decode_name(data, charset)
    plain = re.search(rb'filename\s*=\s*(?:"([^"]*)"|([^;]+))', raw, re.IGNORECASE)
    if not plain:
        return None
    value = (plain.group(1) if plain.group(1) is not None else plain.group(2)).strip()
    if b"%" in value:
        value = unquote_to_bytes(value.decode("latin-1"))
    return _decode_name(value, "utf-8") or None


def _decode_name(data: bytes, charset: str) -> str:
    for encoding in dict.fromkeys((charset, "utf-8", "gb18030")):
        try:
            return data.decode(encoding).strip()
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("latin-1").strip()


def file_name(response: Response) -> str | None:
    """Content-Disposition, else the download script's showname/filename, else the link text or path."""
    name = disposition_filename(response.headers.get("Content-Disposition"))
    if name:
        return PurePosixPath(name.replace("\\", "/")).name
    first_url = (response.meta.get("redirect_urls") or [response.url])[0]
    query = parse_qs(urlsplit(first_url).query)
    for key in _NAME_PARAMS:
        if query.get(key):
            return PurePosixPath(query[key][0].replace("\\", "/")).name
    text = response.meta.get("attachment_name")
    if text and file_type("", text):
        return text
    return PurePosixPath(unquote(urlsplit(response.url).path)).name or None


def fetched_document(response: Response, *, official: bool) -> FetchedDocument:
    """The spider's item for a downloaded file. Its URL is the one linked (before redirects),
    so it matches the page's `attachments` entry."""
    meta = response.meta
    linked = (meta.get("redirect_urls") or [response.url])[0]
    content_type = response.headers.get("Content-Type")
    return FetchedDocument(
        url=linked,
        body=response.body,
        name=file_name(response),
        content_type=content_type.decode("latin-1") if content_type else None,
        parent_url=meta.get("parent_url"),
        parent_title=meta.get("listing_title"),
        listing_date=meta.get("listing_date"),
        official=official,
        truncated="dataloss" in (response.flags or []),
    )


def document_limits(settings: BaseSettings) -> dict[str, int]:
    """The document readers' memory bounds from the settings (`document_report`'s `limits`)."""
    return {
        "max_xml_bytes": settings.getint("GOV_REPORTS_DOCUMENT_XML_MAXSIZE"),
        "max_pdf_pages": settings.getint("GOV_REPORTS_PDF_MAX_PAGES"),
        "ocr_max_pixels": settings.getint("GOV_REPORTS_OCR_MAX_PIXELS"),
    }


class AttachmentExtractionPipeline:
    """FetchedDocument -> AnnualReport (read in a thread), or a counted skip `attachment_<reason>`."""

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.getbool("GOV_REPORTS_ATTACHMENTS_ENABLED"):
            raise NotConfigured("GOV_REPORTS_ATTACHMENTS_ENABLED is off")
        self.crawler = crawler
        self.max_bytes = crawler.settings.getint("GOV_REPORTS_ATTACHMENT_MAXSIZE")
        self.limits = document_limits(crawler.settings)
        # page URL -> key of the record extracted from it (records pass through this pipeline too)
        self.page_keys: dict[str, str] = {}
        self.hosts: frozenset[str] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    async def process_item(self, item: Any) -> Any:
        if isinstance(item, AnnualReport):
            self.page_keys[item.url] = item.key
            return item
        if not isinstance(item, FetchedDocument):
            return item
        if item.truncated:
            self._skip("truncated", item, "fewer bytes than announced")
        if self.hosts is None:
            self.hosts = official_hosts(self.crawler)
        source = PageSource(
            url=item.url,
            listing_title=item.parent_title,
            listing_date=item.listing_date,
            official=item.official,
            official_hosts=self.hosts,
        )
        try:
            record, document = await maybe_deferred_to_future(
                deferToThread(
                    document_report,
                    item.body,
                    url=item.url,
                    name=item.name,
                    content_type=item.content_type,
                    source=source,
                    max_bytes=self.max_bytes,
                    limits=self.limits,
                )
            )
        except UnreadableDocument as error:
            self._skip(error.reason, item, error.detail)
        except RefusedPage as error:  # a file that is a look-alike (a 部门决算 linked from a 年报 column)
            self.crawler.stats.inc_value(REFUSED + error.reason)
            raise DropItem(
                f"Attachment refused ({error.reason}): {item.url}: {error.detail}", log_level="INFO"
            ) from error
        except NotAReport as error:
            self._skip(error.reason, item, error.detail)
        except Exception as error:  # a reader bug must not stop the crawl
            logger.exception("Attachment extraction failed on %s", item.url)
            self._skip("extraction_error", item, repr(error))
        if item.parent_url and self.page_keys.get(item.parent_url, record.key) == record.key:
            # The page is where the file was published (a 「详见附件」 page that is no record by
            # itself, or the same report's page): the record lists it.
            record.urls = sorted({*record.urls, item.parent_url})
        stats = self.crawler.stats
        stats.inc_value("gov_reports/attachments_read")
        stats.inc_value(f"gov_reports/attachments_read/{document.kind}")
        stats.inc_value("gov_reports/reports_extracted")
        stats.inc_value(TRUST + record.trust["verdict"])
        return record

    def _skip(self, reason: str, item: FetchedDocument, detail: str) -> NoReturn:
        self.crawler.stats.inc_value(f"{SKIPPED}attachment_{reason}")
        raise AttachmentSkipped(
            reason,
            f"Attachment skipped ({reason}): {item.url} (linked from {item.parent_url or 'a listing'}): {detail}",
        )


class AttachmentSkipped(DropItem):
    """A file that gave no record; `reason` (converter_missing, truncated…) tells the seen-store whether a
    later crawl should try it again (gov_reports.crawl.downloader.incremental.RETRYABLE_READ_REASONS)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message, log_level="INFO")
        self.reason = reason
