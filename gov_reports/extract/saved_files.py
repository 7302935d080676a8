"""`gov-reports extract`: records from saved files, the same records the crawl makes from the same bytes.

The crawl knows three things about a page besides its bytes: its URL, which hosts are official
(the start URLs', `--host`, the sources registry's) and which page linked a file. `extract` is
told the first two (`--url` once per file, `--host`) and finds the third as the spider does: a
saved file whose URL a saved page links (the spider's own `attachment_links` rule) is that page's
attachment, so the page's URL joins the file's record (a 「详见附件」 page is no record by itself)
and the file is named as the crawl would name it. What the listing says is the one thing a saved
page cannot carry: its link text and date, which the extractors use only when the page itself says
nothing (see gov_reports.extract.fields), and what a platform's listing API adds (gkmlpt's publish
time, which beats the page's date; Hanweb xxgk's publisher and credit code, `issuer_evidence`).
Every other field is the crawl's (tests/e2e/test_extract_parity.py checks every demo page).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

from gov_reports.extract.attachment_links import (
    READABLE_TYPES,
    attachment_links,
    file_type,
    image_links,
    script_file_name,
    table_images,
)

DOCUMENT_SUFFIXES = READABLE_TYPES
"""Saved attachments `extract` reads with the document readers (gov_reports.extract.documents)."""
PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".jsp", ".xhtml", ".asp", ".aspx", ".php", ".do", ".action")
# A saved page under another name (a CMS's `index`, a query string cut off) is still HTML by its first bytes.
_HTML_START = (b"<!doctype html", b"<html", b"<?xml", b"<head", b"<meta", b"<!--")


@dataclass(frozen=True)
class SavedFile:
    """A file to extract and the URL it was saved from."""

    path: Path
    url: str


@dataclass
class Extraction:
    """What `extract_saved` made of the files: records in file order, and the files that gave none."""

    records: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)


@dataclass(frozen=True)
class _Link:
    page_url: str
    text: str


def is_document(path: Path) -> bool:
    return path.suffix.lower().lstrip(".") in DOCUMENT_SUFFIXES


def read_page(path: Path) -> tuple[str, str]:
    """(content, kind) of a saved file: HTML decoded like Scrapy does, text as UTF-8 or GB18030."""
    from w3lib.encoding import html_to_unicode

    data = path.read_bytes()
    if path.suffix.lower() in PAGE_SUFFIXES or data.lstrip(b"\xef\xbb\xbf \t\r\n")[:20].lower().startswith(_HTML_START):
        _, text = html_to_unicode(None, data)
        return text, "html"
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding), "text"
        except UnicodeDecodeError:
            continue
    raise ValueError(f"{path}: neither UTF-8 nor GB18030 text")


def official_hosts(hosts: Iterable[str]) -> frozenset[str]:
    """The trust checks' whitelist: the hosts given and, as in a crawl, the sources registry's.

    With no host given nobody vouched for any host (`unverified_host`), as before `--host` existed.
    """
    from gov_reports.sources import registry_hosts

    given = frozenset(h.lower() for h in hosts)
    return given | registry_hosts(None) if given else frozenset()


def page_source(url: str, hosts: frozenset[str], whitelist: frozenset[str]) -> Any:
    """What the crawl would know of a page at `url` besides its bytes (crawl.pipelines.extraction.page_source)."""
    from gov_reports.extract.page import PageSource

    # A crawl fetches from its configured hosts only (a page elsewhere came through a redirect: unofficial).
    official = urlsplit(url).netloc.lower() in hosts if hosts else True
    return PageSource(url=url, official=official, official_hosts=whitelist)


def extract_one(path: Path, url: str | None = None, hosts: Iterable[str] = ()) -> dict[str, Any]:
    """The record of one saved file (no other file to link it); raises like `extract_saved` skips."""
    found = extract_saved([SavedFile(path, url or path.resolve().as_uri())], hosts, raise_errors=True)
    return found.records[0]


def extract_saved(files: Sequence[SavedFile], hosts: Iterable[str] = (), *, raise_errors: bool = False) -> Extraction:
    """Records of saved pages and files, related as the crawl relates them (see the module docstring).

    A file that gives no record (`NotAReport`, `UnreadableDocument`, `ValueError`, `OSError`) is listed
    in `skipped` with the reason, or raised with `raise_errors`.
    """
    from gov_reports.extract.documents import UnreadableDocument
    from gov_reports.extract.page import NotAReport, Page, extract

    configured = frozenset(h.lower() for h in hosts)
    whitelist = official_hosts(configured)
    done = Extraction()
    results: dict[int, dict[str, Any]] = {}
    page_keys: dict[str, str | None] = {}
    links: dict[str, _Link] = {}
    errors = (NotAReport, UnreadableDocument, ValueError, OSError)
    pages = [(i, f) for i, f in enumerate(files) if not is_document(f.path)]
    documents = [(i, f) for i, f in enumerate(files) if is_document(f.path)]
    for index, saved in pages:
        try:
            content, kind = read_page(saved.path)
            images: list[str] = []
            if kind == "html":
                files_linked, images = _page_links(saved.path.read_bytes(), saved.url, configured)
                for link in files_linked:
                    links.setdefault(link.url, _Link(saved.url, link.text))
            source = page_source(saved.url, configured, whitelist)
            record = extract(Page(content, kind=kind, source=source))  # type: ignore[arg-type]  # kind: read_page says html|text
            record.table_images = table_images(record.flags, images)
        except errors as error:
            page_keys[saved.url] = None
            if raise_errors:
                raise
            done.skipped.append((saved.path, str(error)))
            continue
        page_keys[saved.url] = record.key
        results[index] = asdict(record)  # not ItemAdapter's: itemadapter imports Scrapy
    for index, saved in documents:
        link = links.get(saved.url)
        try:
            record = _read_document(saved, link, configured, whitelist)
        except errors as error:
            if raise_errors:
                raise
            done.skipped.append((saved.path, str(error)))
            continue
        if link is not None and page_keys.get(link.page_url) in (None, record.key):
            # The page is where the file was published (the pipeline's rule, gov_reports.crawl.pipelines.attachments).
            record.urls = sorted({*record.urls, link.page_url})
        results[index] = asdict(record)
    done.records = [results[i] for i in sorted(results)]
    return done


def _read_document(saved: SavedFile, link: _Link | None, hosts: frozenset[str], whitelist: frozenset[str]) -> Any:
    from gov_reports.extract.documents.record import document_report

    name = saved_file_name(saved.path, saved.url, link.text if link else "")
    source = page_source(saved.url, hosts, whitelist)
    record, _ = document_report(saved.path.read_bytes(), url=saved.url, name=name, source=source)
    return record


def saved_file_name(path: Path, url: str, link_text: str = "") -> str:
    """The name the crawl gives a file (gov_reports.extract.attachment_links.file_name), from what was saved.

    A browser saves a file under its Content-Disposition name, which the crawl prefers too; a file
    saved under its URL's last part had none, and then the crawl's next choices apply: the download
    script's name parameter, then the link text when it names a file.
    """
    parts = urlsplit(url)
    if url.startswith(("http://", "https://")) and path.name == PurePosixPath(unquote(parts.path)).name:
        named = script_file_name(url)
        if named is not None:
            return named
        if link_text and file_type("", link_text):
            return link_text
    return path.name


def _page_links(data: bytes, url: str, hosts: frozenset[str]) -> tuple[list[Any], list[str]]:
    """The report files and the pictures a page links, by the spider's rules (on the configured hosts, else
    the page's own): the files are read beside it, the pictures go in `table_images` as a crawl puts them."""
    # Decoded as the crawl decodes a page it fetched (Scrapy's rules: declared charset, then detection).
    from scrapy.http import HtmlResponse

    if not url.startswith(("http://", "https://")):
        return [], []
    response = HtmlResponse(url=url, body=data)
    allowed = hosts or {urlsplit(url).netloc.lower()}
    return attachment_links(response.selector, response.url, allowed), image_links(
        response.selector, response.url, allowed
    )
