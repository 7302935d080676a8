"""Incremental recrawls: list pages are always fetched, unchanged reports are not downloaded again.

A *seen-store* beside the dump (`OUT.jsonl.seen.json`, or GOV_REPORTS_SEEN_STORE)
remembers, for every report URL that gave a record, the record's key, the
page's ETag and Last-Modified and a SHA-256 of its body. On the next crawl into
the same dump, a report request whose URL is in the store *and whose key is
still in the dump* is revalidated rather than skipped:

* it is sent with If-None-Match / If-Modified-Since; a 304 answer (no body) ends
  it: the record in the dump stays as it is (`gov_reports/incremental/not_modified`);
* a server that ignores conditional requests answers 200 with the full page; if
  the body hashes to the stored SHA-256 the page is dropped before extraction
  (`gov_reports/incremental/unchanged_body`);
* anything else is a changed page: it is extracted and merged into the dump like
  a new one (`gov_reports/incremental/changed`).

Revalidating costs one small request per known report and catches corrections
republished at the same URL, which skipping known URLs outright would miss. A
key that is no longer in the dump (the dump was deleted or written with
`--overwrite`) is fetched in full, so a dump can always be rebuilt. Listing
pages are never revalidated: they are how new reports are found.

Files that could not be read for a reason that may be gone next time — no converter
installed (LibreOffice or antiword for a .doc), a converter that failed or timed out,
a timeout, a lost connection or a 5xx after Scrapy's retries — are never "seen": the
store lists them under `retry` and forgets the page that links them, so the next
crawl fetches that page in full, follows the file again and counts it
(`gov_reports/incremental/retried`, and `retry_read` when it is read this time; the
summary's "retried files" line). A file read at last leaves the list. A missing
converter is retried until one is installed; a failure of the server or the converter
GOV_REPORTS_RETRY_CRAWLS times (3) in a row, then the file is given up (`retry_gave_up`)
and its page is seen again, so a file that always fails does not cost a full download
of its page on every crawl. A file cut short of its Content-Length (`truncated`) is a
server's standing fault more often than a passing one, and is not retried.

The store is rewritten atomically when the crawl closes; a killed crawl leaves
the previous store, which only means a few more full downloads next time.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import IgnoreRequest, NotConfigured

from gov_reports.crawl.attachments import ATTACHMENT_ROLE
from gov_reports.crawl.feeds import MERGED_FORMATS
from gov_reports.crawl.progress import SOURCE_META, count_for_source
from gov_reports.model.dump_reader import read_jsonl
from gov_reports.model.dump_writer import dump_lock
from gov_reports.model.record import FetchedDocument
from gov_reports.model.vocabulary import ReadFailure, StatPrefix

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)
NOT_MODIFIED_META = "gov_reports_not_modified"
_REVALIDATING_META = "gov_reports_revalidating"
STATS = StatPrefix.INCREMENTAL
SEEN_SUFFIX = ".seen.json"


@dataclass(frozen=True)
class SeenPage:
    """What the last crawl learnt about one report URL."""

    key: str
    etag: str | None = None
    last_modified: str | None = None
    sha256: str | None = None


@dataclass(frozen=True)
class RetryFile:
    """A file to fetch and read again next crawl: the page that links it (None: a listing does), why, and
    how many crawls in a row it failed."""

    page: str | None
    reason: str
    attempts: int = 1


class SeenStore:
    """report URL -> SeenPage, and file URL -> RetryFile, kept as one JSON object in a file."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.pages, self.retry = self._read()
        self.learnt: dict[str, SeenPage] = {}
        """What this crawl learnt; only these entries overwrite the file's on save."""
        self.forgotten: set[str] = set()
        """Pages whose files must be followed again: never remembered by this crawl, removed on save."""
        self.retry_learnt: dict[str, RetryFile] = {}
        self.resolved: set[str] = set()
        """Files on the retry list that this crawl read."""

    def _read(self) -> tuple[dict[str, SeenPage], dict[str, RetryFile]]:
        if not self.path.exists():
            return {}, {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            pages = {url: SeenPage(**entry) for url, entry in data["pages"].items()}
            retry = {url: RetryFile(**entry) for url, entry in (data.get("retry") or {}).items()}
            return pages, retry
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            # A broken store only costs full downloads; the dump itself is never touched.
            logger.warning("Ignoring unreadable seen-store %s (%s): reports will be fetched in full", self.path, error)
            return {}, {}

    def get(self, url: str) -> SeenPage | None:
        return self.pages.get(url)

    def remember(self, url: str, page: SeenPage) -> None:
        if url in self.forgotten:
            return  # one of its files must be fetched again: so must the page, in full
        self.pages[url] = page
        self.learnt[url] = page

    def retry_later(self, url: str, page: str | None, reason: str, *, max_attempts: int = 0) -> bool:
        """`url` could not be read for a passing reason: not seen, and its page not either.

        False (and nothing kept) when it failed `max_attempts` crawls in a row already (0: no limit).
        """
        if url in self.retry_learnt:
            return True  # failed twice in one crawl (two pages link it): one attempt
        before = self.retry.get(url)
        attempts = before.attempts + 1 if before is not None else 1
        if max_attempts and attempts > max_attempts:
            self.resolved.add(url)
            return False
        self.retry[url] = self.retry_learnt[url] = RetryFile(page, reason, attempts)
        self.resolved.discard(url)
        if page:
            self.forgotten.add(page)
            self.pages.pop(page, None)
            self.learnt.pop(page, None)
        return True

    def read_at_last(self, url: str) -> None:
        if url in self.retry and url not in self.retry_learnt:
            self.resolved.add(url)

    def save(self) -> None:
        """Write the file again with what this crawl learnt on top of what the file holds now.

        Re-reading first keeps entries another crawl into the same dump (another
        process, or a worker of a distributed crawl) saved in the meantime.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with dump_lock(self.path):  # no other process's save may fall between the re-read and the replace
            pages, retry = self._read()
            self.pages = {url: page for url, page in {**pages, **self.learnt}.items() if url not in self.forgotten}
            retry = {**retry, **self.retry_learnt}
            self.retry = {url: entry for url, entry in retry.items() if url not in self.resolved}
            data: dict[str, Any] = {"pages": {url: asdict(page) for url, page in sorted(self.pages.items())}}
            if self.retry:
                data["retry"] = {url: asdict(entry) for url, entry in sorted(self.retry.items())}
            fd, name = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(data, handle, ensure_ascii=False, indent=0, sort_keys=True)
                    handle.write("\n")
                os.replace(name, self.path)
            except BaseException:
                Path(name).unlink(missing_ok=True)
                raise


def local_dump(feeds: Mapping[str, Any]) -> tuple[Path, bool] | None:
    """(path, overwrite) of the first local JSON Lines feed, the dump the seen-store belongs to."""
    for uri, options in feeds.items():
        options = options or {}
        if options.get("format") not in MERGED_FORMATS:
            continue
        parts = urlsplit(str(uri))
        if parts.scheme == "file":
            return Path(parts.path), bool(options.get("overwrite"))
        if parts.scheme == "" or len(parts.scheme) == 1:  # a plain path (or a Windows drive letter)
            return Path(str(uri)), bool(options.get("overwrite"))
    return None


def body_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


class IncrementalMiddleware:
    """Downloader middleware: conditional requests for reports already in the dump (see module doc)."""

    def __init__(
        self,
        store: SeenStore,
        stats: StatsCollector,
        *,
        dump_keys: frozenset[str],
        retry_crawls: int,
        transient_codes: frozenset[int],
        transient_exceptions: tuple[type[BaseException], ...],
    ) -> None:
        self.store = store
        self.stats = stats
        self.dump_keys = dump_keys
        self.retried: set[str] = set()
        self.retry_crawls = retry_crawls
        self.transient_codes = transient_codes
        self.transient_exceptions = transient_exceptions

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        if not settings.getbool("GOV_REPORTS_INCREMENTAL_ENABLED", True):
            raise NotConfigured("GOV_REPORTS_INCREMENTAL_ENABLED is off")
        dump = local_dump(settings.getdict("FEEDS"))
        store_path = settings.get("GOV_REPORTS_SEEN_STORE") or (
            str(dump[0]) + SEEN_SUFFIX if dump is not None else None
        )
        if not store_path:
            raise NotConfigured("no local JSON Lines dump and no GOV_REPORTS_SEEN_STORE")
        assert crawler.stats is not None
        middleware = cls(
            SeenStore(Path(store_path)),
            crawler.stats,
            # With --overwrite the dump starts empty: every report must be fetched in full.
            dump_keys=cls._keys_in(dump[0]) if dump is not None and not dump[1] else frozenset(),
            retry_crawls=settings.getint("GOV_REPORTS_RETRY_CRAWLS", 3),
            transient_codes=frozenset(int(code) for code in settings.getlist("RETRY_HTTP_CODES")),
            transient_exceptions=transient_exceptions(settings),
        )
        # Bound methods of this middleware, which the crawler keeps: signal receivers are weak references.
        crawler.signals.connect(middleware.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(middleware.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    @staticmethod
    def _keys_in(dump: Path) -> frozenset[str]:
        if not dump.exists():
            return frozenset()
        return frozenset(record["key"] for _, record in read_jsonl(dump) if record is not None)

    def process_request(self, request: Request) -> None:
        if request.meta.get("role") not in ("report", "attachment"):  # attachments: gov_reports.crawl.attachments
            return
        if request.url in self.store.retry and request.url not in self.retried:
            self.retried.add(request.url)
            self.stats.inc_value(STATS + "retried")
        seen = self.store.get(request.url)
        if seen is None or seen.key not in self.dump_keys:
            return
        request.meta[_REVALIDATING_META] = seen
        if seen.etag and b"If-None-Match" not in request.headers:
            request.headers[b"If-None-Match"] = seen.etag
        if seen.last_modified and b"If-Modified-Since" not in request.headers:
            request.headers[b"If-Modified-Since"] = seen.last_modified
        self.stats.inc_value(STATS + "revalidated")

    def process_response(self, request: Request, response: Response) -> Request | Response:
        if request.meta.get("role") == ATTACHMENT_ROLE and response.status in self.transient_codes:
            # What Scrapy's retry middleware (it runs before us) retries and still got: worth a try next time.
            self._retry_file(request, f"http_{response.status}")
        seen: SeenPage | None = request.meta.get(_REVALIDATING_META)
        if seen is None:
            return response
        if response.status == 304:
            self._unchanged(request, "not_modified")
        if response.status == 200 and seen.sha256 and body_hash(response.body) == seen.sha256:
            self._unchanged(request, "unchanged_body")
        if 200 <= response.status < 300:
            self.stats.inc_value(STATS + "changed")
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        if request.meta.get("role") == ATTACHMENT_ROLE and isinstance(exception, self.transient_exceptions):
            self._retry_file(request, type(exception).__name__)

    def _retry_file(self, request: Request, reason: str) -> None:
        url = (request.meta.get("redirect_urls") or [request.url])[0]
        self._retry(url, request.meta.get("parent_url"), reason)

    def item_dropped(self, item: Any, response: Response, exception: BaseException, spider: Spider) -> None:
        reason = getattr(exception, "reason", None)
        if isinstance(item, FetchedDocument) and reason in RETRYABLE_READ_REASONS:
            self._retry(item.url, item.parent_url, reason)

    def _retry(self, url: str, page: str | None, reason: str) -> None:
        # A missing converter is the user's to install: retried until then. Anything else is given up in time.
        limit = 0 if reason == ReadFailure.CONVERTER_MISSING else self.retry_crawls
        if self.store.retry_later(url, page, reason, max_attempts=limit):
            self.stats.inc_value(STATS + "retry_later")
        else:
            self.stats.inc_value(STATS + "retry_gave_up")
            logger.info("Given up on %s after %d crawls failing (%s)", url, limit, reason)

    def _unchanged(self, request: Request, how: str) -> None:
        stats = self.stats
        stats.inc_value(STATS + how)
        source = request.meta.get(SOURCE_META)
        if source:
            count_for_source(stats, source, "unchanged")
        request.meta[NOT_MODIFIED_META] = True
        raise IgnoreRequest(f"unchanged since the last crawl ({how}): {request.url}")

    def item_scraped(self, item: Any, response: Response, spider: Spider) -> None:
        key = getattr(item, "key", None)
        if not key or response is None or response.request is None or response.status != 200:
            return
        # The URL the spider asks for next time: the first one, before any redirect.
        url = (response.meta.get("redirect_urls") or [response.request.url])[0]
        if url in self.store.retry and url in self.retried:
            self.stats.inc_value(STATS + "retry_read")
        self.store.read_at_last(url)
        headers = response.headers
        self.store.remember(
            url,
            SeenPage(
                key=key,
                etag=_header(headers.get(b"ETag")),
                last_modified=_header(headers.get(b"Last-Modified")),
                sha256=body_hash(response.body),
            ),
        )

    def spider_closed(self, spider: Spider, reason: str) -> None:
        self.store.save()
        logger.info("Seen-store %s: %d report URL(s)", self.store.path, len(self.store.pages))


RETRYABLE_READ_REASONS = frozenset({ReadFailure.CONVERTER_MISSING, ReadFailure.CONVERTER_FAILED})
"""Why a downloaded file could not be read, when a later crawl may read it: a converter installed since, one
that timed out under load (gov_reports.crawl.attachments skips files with these reasons)."""


def transient_exceptions(settings: Any) -> tuple[type[BaseException], ...]:
    """The download errors Scrapy's retry middleware retries (RETRY_EXCEPTIONS): they may pass by next time."""
    from scrapy.utils.misc import load_object

    found: list[type[BaseException]] = []
    for name in settings.getlist("RETRY_EXCEPTIONS"):
        try:
            cls = load_object(name) if isinstance(name, str) else name
        except (ImportError, AttributeError, ValueError, NameError):
            continue  # an exception class of an optional dependency that is not installed
        if isinstance(cls, type) and issubclass(cls, BaseException):
            found.append(cls)
    return tuple(found)


def _header(value: bytes | None) -> str | None:
    return value.decode("latin-1") if value else None


def format_incremental(stats: Mapping[str, Any]) -> list[str]:
    """Summary lines: what the revalidation of known reports found; files retried, and left to retry."""
    lines = []
    revalidated = stats.get(STATS + "revalidated", 0)
    if revalidated:
        unchanged = stats.get(STATS + "not_modified", 0) + stats.get(STATS + "unchanged_body", 0)
        lines.append(
            f"  known reports:       {revalidated} revalidated, {unchanged} unchanged "
            f"({stats.get(STATS + 'not_modified', 0)} answered 304), {stats.get(STATS + 'changed', 0)} changed"
        )
    retried = stats.get(STATS + "retried", 0)
    if retried:
        read = stats.get(STATS + "retry_read", 0)
        lines.append(
            f"  retried files:       {retried} skipped by an earlier crawl (no converter, a transient failure) "
            f"retried: {read} read, {retried - read} not yet"
        )
    later = stats.get(STATS + "retry_later", 0)
    if later:
        lines.append(f"  files to retry:      {later} (no converter, a transient failure): the next crawl retries them")
    gave_up = stats.get(STATS + "retry_gave_up", 0)
    if gave_up:
        lines.append(f"  files given up:      {gave_up}, failing crawl after crawl (GOV_REPORTS_RETRY_CRAWLS)")
    return lines
