"""The records a worker has collected but not merged yet: its pending files, and who merges them if it dies.

Each worker collects its records in a pending file (gov_reports.crawl.feeds) and merges them into the
dump when it finishes. A request's lease is acknowledged once its response is processed, i.e.
once its records are flushed to that file; so if the worker is killed, its acknowledged work is
in the file and nowhere else. The worker therefore lists its pending files in Redis (the
crawl's ``pending`` hash: worker id -> JSON list of {"pending", "dump"}) before it acknowledges
anything, and holds an exclusive `flock` on each while it lives. The kernel drops the lock when
the process dies, however it dies, so a surviving worker can tell a dead worker's file (lock
free) from a slow worker's (lock held) without trusting clocks, and merges the dead one's
records into the dump before the crawl's keys may go.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from gov_reports.crawl.feeds import MERGED_FORMATS, MergingFileFeedStorage, merge_into_file, read_jsonl

if TYPE_CHECKING:
    from collections.abc import Iterator

    from scrapy.crawler import Crawler
    from scrapy.extensions.feedexport import FeedExporter
    from scrapy.settings import BaseSettings

    from gov_reports.model.merge import Record

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PendingFile:
    pending: Path
    dump: Path

    def to_json(self) -> dict[str, str]:
        return {"pending": str(self.pending), "dump": str(self.dump)}


def pending_files_from_json(raw: bytes | str) -> list[PendingFile]:
    """The entries of one worker in the registry; ValueError for anything else."""
    entries = json.loads(raw)
    if not isinstance(entries, list):
        raise ValueError("not a list")
    files = []
    for entry in entries:
        if not (isinstance(entry, dict) and all(isinstance(entry.get(name), str) for name in ("pending", "dump"))):
            raise ValueError(f"not a pending-file entry: {str(entry)[:80]}")
        files.append(PendingFile(Path(entry["pending"]), Path(entry["dump"])))
    return files


def pending_files_to_json(files: list[PendingFile]) -> str:
    return json.dumps([f.to_json() for f in files], ensure_ascii=False)


def merged_dumps(settings: BaseSettings) -> set[Path]:
    """The local JSON Lines dumps this crawl merges into (FEEDS, `-o`), resolved."""
    dumps = set()
    for uri, options in settings.getdict("FEEDS").items():
        if not isinstance(options, dict) or options.get("format") not in MERGED_FORMATS:
            continue
        parts = urlsplit(str(uri))
        if parts.scheme == "file":
            dumps.add(Path(unquote(parts.path)).resolve())
        elif not parts.scheme:
            dumps.add(Path(str(uri)).resolve())
    return dumps


def is_pending_file_of(pending: Path, dump: Path) -> bool:
    """`pending` is named as gov_reports.crawl.feeds names the pending files of `dump` (beside it, or in a JOBDIR).

    Entries in Redis are written by whoever can write to it; a worker merges, then removes, only
    files that are what they claim to be.
    """
    if pending.parent == dump.parent and pending.name.startswith(f".{dump.name}.") and pending.suffix == ".pending":
        return True
    digest = hashlib.sha1(str(dump).encode()).hexdigest()[:12]  # MergingFileFeedStorage._pending_path
    return pending.name == f"feed-pending-{digest}.jsonl"


def feed_exporter(crawler: Crawler) -> FeedExporter | None:
    """The crawl's feed exporter (which writes the pending files), or None before its extensions exist."""
    from scrapy.extensions.feedexport import FeedExporter

    try:
        return crawler.get_extension(FeedExporter)
    except RuntimeError:  # Crawler.get_extension before the extension manager is built
        return None


def open_pending_files(exporter: FeedExporter | None) -> list[PendingFile]:
    """This worker's pending files that exist now (merging JSON Lines feeds that have had an item)."""
    files = []
    for slot in exporter.slots if exporter is not None else ():
        storage = slot.storage
        if isinstance(storage, MergingFileFeedStorage) and storage.merging and storage.pending is not None:
            files.append(PendingFile(storage.pending.resolve(), Path(storage.path).resolve()))
    return files


class HeldLocks:
    """Exclusive flocks on this worker's own pending files, held until it has merged them."""

    def __init__(self) -> None:
        self.fds: dict[Path, int] = {}

    def hold(self, path: Path) -> None:
        if path in self.fds:
            return
        fd = os.open(path, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            # Held through another descriptor: the feed storage's own lock (as good as this one), or a
            # worker merging a dead worker's file of the same name (a JOBDIR started again too early).
            os.close(fd)
            logger.warning("%s is locked already; not locking it for this worker", path)
            return
        self.fds[path] = fd

    def release_all(self) -> None:
        for fd in self.fds.values():
            os.close(fd)
        self.fds.clear()


class Adoption(Enum):
    MERGED = "merged"  # the records are in the dump, the file is gone
    GONE = "gone"  # nothing to do: the file was merged (by its owner or another worker) already
    LOCKED = "locked"  # its owner is alive (or another worker is merging it right now)
    FAILED = "failed"  # the merge failed: the file stays


def adopt(entry: PendingFile) -> tuple[Adoption, int]:
    """Merge a dead worker's pending file into its dump and remove it; (outcome, records merged).

    Only with the file's lock taken: a live owner holds it, and so does another worker merging
    the same file; then nothing is done. Torn last lines (killed mid-write) are skipped: their
    requests were not acknowledged, so the crawl has fetched them again.
    """
    try:
        fd = os.open(entry.pending, os.O_RDONLY | os.O_NOFOLLOW)
    except FileNotFoundError:
        return Adoption.GONE, 0
    except OSError as error:
        logger.error("Cannot open the pending records %s: %s", entry.pending, error)
        return Adoption.FAILED, 0
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return Adoption.LOCKED, 0
        try:
            same_file = os.lstat(entry.pending).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same_file = False
        if not same_file:  # merged and removed between our open and our lock
            return Adoption.GONE, 0
        counted = [0]

        def records() -> Iterator[Record]:  # streamed: a pending file may hold a whole crawl
            for _, record in read_jsonl(entry.pending):
                if record is not None:
                    counted[0] += 1
                    yield record

        merge_into_file(entry.dump, records())
        entry.pending.unlink(missing_ok=True)
        return Adoption.MERGED, counted[0]
    except Exception as error:  # a full disk, a bad dump: keep the file, say so, never crash the worker
        logger.error("Could not merge the pending records %s into %s: %s", entry.pending, entry.dump, error)
        return Adoption.FAILED, 0
    finally:
        with contextlib.suppress(OSError):
            os.close(fd)
