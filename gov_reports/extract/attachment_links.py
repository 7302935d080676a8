"""Which links of a report page are report files, and what a file is called: the one decision.

The spider follows these links (gov_reports.crawl.attachments wraps them for a Scrapy response),
and `gov-reports extract` relates saved files to saved pages by the same rule
(gov_reports.extract.saved_files). Pure code over a parsed page (a parsel `Selector`), URLs and
header values: no Scrapy import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, unquote, unquote_to_bytes, urljoin, urlsplit

from gov_reports.model.vocabulary import Flag

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from parsel import Selector

READABLE_TYPES = frozenset({"pdf", "docx", "doc", "wps", "xlsx", "xls", "et"})
"""File types the document readers handle (.et is a WPS spreadsheet, OLE Excel inside)."""
NAME_PARAMS = ("showname", "filename", "fileName", "name", "file")
"""Query parameters naming the file behind a download script (Hanweb downfile.jsp: filename, showname)."""
_EXT = re.compile(r"\.([A-Za-z]{2,4})$")


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
    candidates += [v for key in NAME_PARAMS for v in query.get(key, [])]
    candidates.append(text.strip())
    for candidate in candidates:
        match = _EXT.search(candidate.strip().rstrip("」』)）"))
        if match and match.group(1).lower() in READABLE_TYPES:
            return match.group(1).lower()
    return None


def attachment_links(page: Selector, page_url: str, hosts: Iterable[str]) -> list[AttachmentLink]:
    """Links of a report page to report files on the configured hosts, in page order, each once."""
    allowed = {h.lower() for h in hosts}
    found: dict[str, AttachmentLink] = {}
    for anchor in page.css("a[href]"):
        href = (anchor.attrib.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "mailto:", "#")):
            continue
        url = urljoin(page_url, href)
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.netloc.lower() not in allowed:
            continue
        text = " ".join(t.strip() for t in anchor.css("::text").getall() if t.strip())
        kind = file_type(url, text)
        if kind and url.split("#", 1)[0] not in found:
            found[url.split("#", 1)[0]] = AttachmentLink(url.split("#", 1)[0], text, kind)
    return list(found.values())


def image_links(page: Selector, page_url: str, hosts: Iterable[str]) -> list[str]:
    """Images of the page on the configured hosts, each once (tables pasted as pictures are among them)."""
    allowed = {h.lower() for h in hosts}
    urls: dict[str, None] = {}
    for src in page.css("img::attr(src)").getall():
        url = urljoin(page_url, src.strip())
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") and parts.netloc.lower() in allowed:
            urls[url] = None
    return list(urls)


MAX_TABLE_IMAGES = 12
"""The most pictures a record carries for the OCR step: a report's tables fit in a dozen."""


def table_images(flags: Sequence[str], image_urls: Sequence[str]) -> list[str]:
    """What a page's record carries in `table_images`: its pictures (up to 12, in page order) when its
    tables are flagged `tables_as_images`, else none. One rule for the crawl and `gov-reports extract`."""
    return list(image_urls[:MAX_TABLE_IMAGES]) if Flag.TABLES_AS_IMAGES in flags else []


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


def script_file_name(url: str) -> str | None:
    """The name a download script's query gives its file (`downfile.jsp?filename=…`); None when it names none."""
    query = parse_qs(urlsplit(url).query)
    for key in NAME_PARAMS:
        if query.get(key):
            return PurePosixPath(query[key][0].replace("\\", "/")).name
    return None


def file_name(disposition: bytes | str | None, linked_url: str, link_text: str | None, final_url: str) -> str | None:
    """Content-Disposition, else the download script's showname/filename, else the link text or path.

    `linked_url` is the URL the page linked (before redirects), `final_url` the one that answered.
    """
    name = disposition_filename(disposition)
    if name:
        return PurePosixPath(name.replace("\\", "/")).name
    named = script_file_name(linked_url)
    if named is not None:
        return named
    if link_text and file_type("", link_text):
        return link_text
    return PurePosixPath(unquote(urlsplit(final_url).path)).name or None
