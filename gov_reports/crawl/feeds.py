"""The crawl's feed storage and exporter: Scrapy's side of the deduplicated JSON Lines dump.

Scrapy's feed machinery stays in charge (FEEDS, `-o`/`-O`, exporters); this module plugs in a storage for
local files and an exporter that flushes every line. The dump itself (the pending file's merge, atomic
replacement, locks, rejected lines) is gov_reports.model.dump_writer, which does not import Scrapy, so the
commands that only read or write dumps (`export`, `report`) start without it.

During the crawl, items are appended, flushed one by one, to a *pending* file (inside JOBDIR when there is
one, so a killed crawl resumed with the same JOBDIR keeps what it had); when the crawl closes it is merged
into the dump. `-o` (and `gov-reports crawl -o`) merges into an existing dump; `-O` (`overwrite: true`)
starts it afresh, still deduplicated.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import tempfile
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from scrapy.exporters import JsonLinesItemExporter
from scrapy.extensions.feedexport import FileFeedStorage

from gov_reports.model.dump_writer import (
    PENDING_SUFFIX,
    dump_lock,
    dump_target,
    merge_pending,
    remove_stale_temporaries,
)
from gov_reports.model.vocabulary import Stat, StatPrefix

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Spider
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)
MERGED_FORMATS = ("jsonlines", "jsonl")
# Stats the CLI reads: where the records are when the merge failed, and why; where rejected lines went.
STORE_FAILED = Stat.FEED_STORE_FAILED
STORE_ERROR = Stat.FEED_STORE_ERROR
REJECTED_STAT = Stat.FEED_REJECTED_PATH


class FlushingJsonLinesExporter(JsonLinesItemExporter):
    """JSON Lines, UTF-8, flushed after every item so a killed crawl loses at most one line."""

    def __init__(self, file: IO[bytes], **kwargs: Any) -> None:
        kwargs.setdefault("ensure_ascii", False)
        kwargs.setdefault("encoding", "utf-8")
        super().__init__(file, **kwargs)

    def export_item(self, item: Any) -> None:
        super().export_item(item)
        flush = getattr(self.file, "flush", None)
        if flush is not None:
            flush()


class MergingFileFeedStorage(FileFeedStorage):
    """Local-file storage that deduplicates and merges JSON Lines dumps (see module doc)."""

    def __init__(
        self,
        uri: str,
        *,
        feed_options: dict[str, Any] | None = None,
        jobdir: str | None = None,
        stats: StatsCollector | None = None,
    ):
        super().__init__(uri, feed_options=feed_options)
        feed_options = feed_options or {}
        self.jobdir = jobdir
        self.stats = stats
        self.merging = feed_options.get("format") in MERGED_FORMATS
        self.overwrite = bool(feed_options.get("overwrite", False))
        self.pending: Path | None = None
        self.pending_lock: int | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler, uri: str, *, feed_options: dict[str, Any] | None = None) -> Self:
        return cls(uri, feed_options=feed_options, jobdir=crawler.settings.get("JOBDIR"), stats=crawler.stats)

    def _pending_path(self) -> Path:
        target = dump_target(Path(self.path))
        if self.jobdir:
            digest = hashlib.sha1(str(target).encode()).hexdigest()[:12]
            return Path(self.jobdir) / f"feed-pending-{digest}.jsonl"
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=PENDING_SUFFIX)
        os.close(fd)
        return Path(name)

    def open(self, spider: Spider) -> IO[bytes]:
        if not self.merging:
            return super().open(spider)
        target = dump_target(Path(self.path))
        target.parent.mkdir(parents=True, exist_ok=True)
        with dump_lock(target):
            remove_stale_temporaries(target)
        self.pending = self._pending_path()
        self.pending.parent.mkdir(parents=True, exist_ok=True)
        handle = self.pending.open("ab")
        # Held until the records are merged: `replay_pending` of another crawl leaves a live pending file alone.
        self.pending_lock = os.open(self.pending, os.O_RDONLY)
        fcntl.flock(self.pending_lock, fcntl.LOCK_EX)
        if handle.tell() and not self._ends_with_newline(self.pending):
            handle.write(b"\n")  # a line torn by a kill: keep the next record on its own line
        return handle

    @staticmethod
    def _ends_with_newline(path: Path) -> bool:
        with path.open("rb") as handle:
            handle.seek(-1, os.SEEK_END)
            return handle.read(1) == b"\n"

    def store(self, file: IO[bytes]) -> None:
        file.close()
        if not self.merging or self.pending is None:
            return
        stats = self.stats
        try:
            result = merge_pending(Path(self.path), self.pending, overwrite=self.overwrite)
        except BaseException as error:
            # The records stay in the pending file: say where, for the summary, the exit code and the next run.
            if stats is not None:
                stats.set_value(STORE_FAILED, str(self.pending))
                stats.set_value(STORE_ERROR, f"{type(error).__name__}: {error}"[:300])
            logger.error(
                "Could not merge into %s (%s: %s); the records are kept in %s and merged by the next crawl",
                self.path,
                type(error).__name__,
                error,
                self.pending,
            )
            raise
        finally:
            if self.pending_lock is not None:
                os.close(self.pending_lock)  # releases the lock
                self.pending_lock = None
        if stats is not None:
            for name in ("written", "new", "updated", "unchanged", "copies_merged", "unreadable_lines"):
                stats.inc_value(f"{StatPrefix.FEED}{name}", getattr(result, name))
            if result.rejected_path is not None:
                stats.set_value(REJECTED_STAT, str(result.rejected_path))
        logger.info("Merged into %s: %s", self.path, result)
