"""Reports published as attachments: the spider's side (which files to follow, the request, the item).

Many 年报 exist only, or only completely, as a file: 「年报下载：….doc」, 附件,
点击下载, Hanweb `downfile.jsp?filename=….pdf` (a 302 to `/attach/…`), TRS
`./P0….pdf` beside the article, a listing entry that links the PDF itself,
a Zhejiang page whose body is only 「详见附件」 (reference/portals.md §2.6, §3.4, §8).

- Which links are report files, and a file's name, are decided once, in
  `gov_reports.extract.attachment_links` (pure); the functions here apply them
  to a Scrapy response.
- The spider fetches the files with `attachment_request` (a per-request
  `download_maxsize`), then turns each response into a `FetchedDocument`
  with `fetched_document`.
- `gov_reports.crawl.pipelines.attachments.AttachmentExtractionPipeline` reads
  the file off the reactor thread and extracts its record.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from scrapy.http import Request, Response, TextResponse

from gov_reports.extract import attachment_links as links
from gov_reports.extract.attachment_links import AttachmentLink, file_type
from gov_reports.model.record import FetchedDocument

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from scrapy.settings import BaseSettings

ATTACHMENT_ROLE = "attachment"


def attachment_links(response: TextResponse, hosts: Iterable[str]) -> list[AttachmentLink]:
    """Links of a report page to report files on the configured hosts (gov_reports.extract.attachment_links)."""
    return links.attachment_links(response.selector, response.url, hosts)


def image_links(response: TextResponse, hosts: Iterable[str]) -> list[str]:
    """Images of the page on the configured hosts, each once (gov_reports.extract.attachment_links)."""
    return links.image_links(response.selector, response.url, hosts)


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


def file_name(response: Response) -> str | None:
    """Content-Disposition, else the download script's showname/filename, else the link text or path."""
    linked = (response.meta.get("redirect_urls") or [response.url])[0]
    disposition = response.headers.get("Content-Disposition")
    return links.file_name(disposition, linked, response.meta.get("attachment_name"), response.url)


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


__all__ = [
    "ATTACHMENT_ROLE",
    "AttachmentLink",
    "attachment_links",
    "attachment_request",
    "fetched_document",
    "file_name",
    "file_type",
    "image_links",
]
