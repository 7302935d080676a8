"""The deduplicated JSON Lines dump: merge into the existing file, atomically.

Scrapy's feed machinery stays in charge (FEEDS, `-o`/`-O`, exporters); this
module plugs in a storage for local files. During the crawl, items are
appended, flushed one by one, to a *pending* file (inside JOBDIR when there is
one, so a killed crawl resumed with the same JOBDIR keeps what it had). When
the crawl closes, pending records are merged by key with each other and with
the existing dump, written to a temporary file beside it and moved into place
with `os.replace`: readers see the old dump or the new one, never half of one.

`-o` (and `gov-reports crawl -o`) merges into an existing dump; `-O`
(`overwrite: true`) starts it afresh, still deduplicated.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from scrapy.exporters import JsonLinesItemExporter
from scrapy.extensions.feedexport import FileFeedStorage

from gov_reports.merge import Record, merge_records

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Spider
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)
MERGED_FORMATS = ("jsonlines", "jsonl")


@dataclass
class MergeResult:
    """What a merge did, for the crawl summary."""

    written: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    copies_merged: int = 0
    unreadable_lines: int = 0


def read_jsonl(path: Path) -> Iterator[tuple[str, Record | None]]:
    """(raw line, parsed record or None) for each line; a torn or corrupt line gives None."""
    with path.open("rb") as handle:
        for raw in handle:
            # surrogateescape: a line torn inside a character is written back with its exact bytes.
            line = raw.decode("utf-8", errors="surrogateescape").rstrip("\n")
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                yield line, None
                continue
            yield line, record if isinstance(record, dict) and record.get("key") else None


def group_by_key(records: Iterable[Record]) -> tuple[dict[str, Record], int]:
    """Merge records sharing a key; return them and how many copies were folded in."""
    groups: dict[str, list[Record]] = {}
    for record in records:
        groups.setdefault(record["key"], []).append(record)
    merged = {key: merge_records(copies) for key, copies in groups.items()}
    return merged, sum(len(c) - 1 for c in groups.values())


def _dumps(record: Record) -> str:
    return json.dumps(record, ensure_ascii=False)


class SpilledGroups:
    """Records grouped by key on disk, merged one key at a time: memory holds keys and offsets only.

    A crawl's pending records can run to gigabytes once parsed (20,000 reports: ~1.1 GB of
    Python objects); the merge needs them one key at a time, so they wait in a temporary
    file and only their key -> file offsets stay in memory.
    """

    def __init__(self, records: Iterable[Record], directory: Path) -> None:
        self.file = tempfile.TemporaryFile(dir=directory, prefix=".merge-", suffix=".jsonl")  # noqa: SIM115
        self.offsets: dict[str, list[int]] = {}
        for record in records:
            self.offsets.setdefault(record["key"], []).append(self.file.tell())
            self.file.write(_dumps(record).encode("utf-8", "surrogateescape") + b"\n")
        self.folded = sum(len(offsets) - 1 for offsets in self.offsets.values())

    def __contains__(self, key: str) -> bool:
        return key in self.offsets

    def keys(self) -> list[str]:
        return list(self.offsets)

    def pop(self, key: str) -> Record:
        """The copies of `key` merged into one record (then forgotten)."""
        copies = []
        for offset in self.offsets.pop(key):
            self.file.seek(offset)
            copies.append(json.loads(self.file.readline().decode("utf-8", "surrogateescape")))
        return merge_records(copies)

    def close(self) -> None:
        self.file.close()


@contextmanager
def dump_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock for merging into the dump, across processes: `flock` on its directory.

    Several crawls may merge into one dump at once (the workers of a distributed crawl do):
    without the lock two read-merge-replace rounds overlap and the later one drops the
    earlier one's records. The directory, not a lock file, so that nothing is left beside the
    dump; merges into other dumps of the same directory wait their turn, which costs little.
    """
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def merge_into_file(path: Path, records: Iterable[Record], *, overwrite: bool = False) -> MergeResult:
    """Merge `records` into the JSONL dump at `path` and replace it atomically (under `dump_lock`)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with dump_lock(path):
        return _merge_into_file_locked(path, records, overwrite=overwrite)


def _merge_into_file_locked(path: Path, records: Iterable[Record], *, overwrite: bool = False) -> MergeResult:
    """Merge `records` into the JSONL dump at `path` and replace it atomically.

    Existing records keep their place and their exact bytes unless a new copy
    changes them; new keys are appended in key order. Lines that cannot be
    parsed are kept as they are (never lose data) and counted.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    incoming = SpilledGroups(records, path.parent)
    result = MergeResult(copies_merged=incoming.folded)
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, then renamed into place
        "w",
        encoding="utf-8",
        errors="surrogateescape",
        dir=path.parent,
        prefix=f".{path.name}.",
        suffix=".tmp",
        delete=False,
    )
    try:
        with handle:
            if path.exists() and not overwrite:
                for line, existing in read_jsonl(path):
                    if existing is None:
                        result.unreadable_lines += 1
                        handle.write(line + "\n")
                    elif existing["key"] in incoming:
                        merged = merge_records([existing, incoming.pop(existing["key"])])
                        result.copies_merged += 1
                        if merged == existing:
                            result.unchanged += 1
                            handle.write(line + "\n")
                        else:
                            result.updated += 1
                            handle.write(_dumps(merged) + "\n")
                    else:
                        handle.write(line + "\n")
                    result.written += 1
            for key in sorted(incoming.keys()):
                handle.write(_dumps(incoming.pop(key)) + "\n")
                result.new += 1
                result.written += 1
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    finally:
        incoming.close()
    if result.unreadable_lines:
        logger.warning("%s: kept %d unreadable line(s) as they were", path, result.unreadable_lines)
    return result


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

    def __init__(self, uri: str, *, feed_options: dict[str, Any] | None = None, crawler: Crawler | None = None):
        super().__init__(uri, feed_options=feed_options)
        feed_options = feed_options or {}
        self.crawler = crawler
        self.merging = feed_options.get("format") in MERGED_FORMATS
        self.overwrite = bool(feed_options.get("overwrite", False))
        self.pending: Path | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler, uri: str, *, feed_options: dict[str, Any] | None = None) -> Self:
        return cls(uri, feed_options=feed_options, crawler=crawler)

    def _pending_path(self) -> Path:
        target = Path(self.path).resolve()
        jobdir = self.crawler.settings.get("JOBDIR") if self.crawler else None
        if jobdir:
            digest = hashlib.sha1(str(target).encode()).hexdigest()[:12]
            return Path(jobdir) / f"feed-pending-{digest}.jsonl"
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".pending")
        os.close(fd)
        return Path(name)

    def open(self, spider: Spider) -> IO[bytes]:
        if not self.merging:
            return super().open(spider)
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.pending = self._pending_path()
        self.pending.parent.mkdir(parents=True, exist_ok=True)
        handle = self.pending.open("ab")
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
        records = (record for _, record in read_jsonl(self.pending) if record is not None)
        result = merge_into_file(Path(self.path), records, overwrite=self.overwrite)
        self.pending.unlink(missing_ok=True)
        if self.crawler is not None and self.crawler.stats is not None:
            stats = self.crawler.stats
            for name in ("written", "new", "updated", "unchanged", "copies_merged", "unreadable_lines"):
                stats.inc_value(f"gov_reports/feed/{name}", getattr(result, name))
        logger.info("Merged into %s: %s", self.path, result)
