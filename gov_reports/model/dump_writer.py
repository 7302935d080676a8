"""The deduplicated JSON Lines dump: merge into the existing file, atomically.

No Scrapy here. The crawl's feed storage (gov_reports.crawl.feeds) appends
records, flushed one by one, to a *pending* file (inside JOBDIR when there is
one, so a killed crawl resumed with the same JOBDIR keeps what it had) and
hands it to `merge_pending` when the crawl closes. Pending records are merged
by key with each other and with the existing dump, written to a temporary file
beside it and moved into place with `os.replace`: readers see the old dump or
the new one, never half of one. `overwrite=True` (`-O`) starts the dump
afresh, still deduplicated.

Every line read from a dump (or a pending file) is checked against the record
schema (`record_problem`, gov_reports.model.dump_reader): a line that is not
JSON, not a record, or a record the merge cannot trust (a `key` that is a
list, `urls` that is a number…) is moved, verbatim and with its line number,
to `<dump>.rejected` and reported in one log line; the good lines are merged
as if it were not there. The dump is written through its symlink to the real
file, keeps that file's mode and owner, and its temporary file lives beside it
and is removed on failure; a temporary file left by a killed merge is removed
by the next merge or crawl into the dump. A pending file whose crawl died or
whose merge failed (a full disk) is replayed into the dump by the next crawl
(`replay_pending`), so its records are not lost.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import logging
import os
import re
import secrets
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from gov_reports.model.dump_reader import DumpLine, read_dump
from gov_reports.model.merge import Record, merge_records

logger = logging.getLogger(__name__)
REJECTED_SUFFIX = ".rejected"
PENDING_SUFFIX = ".pending"
TEMP_SUFFIX = ".tmp"


@dataclass
class MergeResult:
    """What a merge did, for the crawl summary."""

    written: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    copies_merged: int = 0
    unreadable_lines: int = 0
    """Lines of the dump (or of the incoming pending file) that failed the record schema."""
    rejected_path: Path | None = None
    """Where those lines went (`<dump>.rejected`), when there were any."""


def rejected_path(dump: Path) -> Path:
    return dump.with_name(dump.name + REJECTED_SUFFIX)


class RejectedLines:
    """Lines that failed the schema, appended verbatim to `<dump>.rejected` as `<file>:<line>\t<why>\t<line>`.

    `cut -f3-` gives the lines back byte for byte; the first two fields say where
    each came from and why it was refused.
    """

    def __init__(self, dump: Path) -> None:
        self.path = rejected_path(dump)
        self.numbers: list[int] = []
        self.handle: IO[str] | None = None

    def add(self, source: Path, line: DumpLine) -> None:
        if self.handle is None:
            self.handle = self.path.open("a", encoding="utf-8", errors="surrogateescape")
        why = " ".join((line.problem or "").split())
        self.handle.write(f"{source.name}:{line.number}\t{why}\t{line.raw}\n")
        self.numbers.append(line.number)

    def close(self) -> None:
        if self.handle is not None:
            self.handle.flush()
            os.fsync(self.handle.fileno())
            self.handle.close()
            self.handle = None


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


def dump_target(path: Path) -> Path:
    """The file a dump path stands for: a symlinked dump is written where the link points."""
    return Path(os.path.realpath(path))


def stale_temporaries(target: Path) -> list[Path]:
    """Temporary files of merges into `target` (`.<name>.<random>.tmp` beside it)."""
    return _beside(target, TEMP_SUFFIX)


def _beside(target: Path, suffix: str) -> list[Path]:
    """`.<name>.<token><suffix>` files beside `target` (token: mkstemp's or ours, no dots: not another dump's)."""
    shape = re.compile(re.escape(f".{target.name}.") + r"[A-Za-z0-9_]+" + re.escape(suffix))
    return sorted(p for p in target.parent.glob(f".*{suffix}") if shape.fullmatch(p.name))


def remove_stale_temporaries(target: Path) -> int:
    """Remove what a killed merge left (call under `dump_lock`: no live merge has a temporary then)."""
    removed = 0
    for stale in stale_temporaries(target):
        with contextlib.suppress(FileNotFoundError):
            stale.unlink()
            removed += 1
    if removed:
        logger.warning("%s: removed %d temporary file(s) left by a killed merge", target, removed)
    return removed


def merge_into_file(
    path: Path, records: Iterable[Record], *, overwrite: bool = False, rejected: RejectedLines | None = None
) -> MergeResult:
    """Merge `records` into the JSONL dump at `path` and replace it atomically (under `dump_lock`).

    `rejected` collects lines that fail the schema (the caller's, when it reads a pending file
    too); by default they go to `<dump>.rejected`.
    """
    target = dump_target(Path(path))
    target.parent.mkdir(parents=True, exist_ok=True)
    own = rejected is None
    rejected = rejected or RejectedLines(target)
    try:
        with dump_lock(target):
            remove_stale_temporaries(target)
            result = _merge_into_file_locked(target, records, overwrite=overwrite, rejected=rejected)
    finally:
        if own:
            rejected.close()
    if rejected.numbers:
        result.unreadable_lines = len(rejected.numbers)
        result.rejected_path = rejected.path
        shown = ", ".join(map(str, rejected.numbers[:10])) + (", …" if len(rejected.numbers) > 10 else "")
        logger.warning(
            "%s: %d line(s) failed the record schema and were moved to %s (line %s); the others were merged",
            path,
            len(rejected.numbers),
            rejected.path,
            shown,
        )
    return result


def _open_temporary(target: Path) -> tuple[IO[str], Path]:
    """A new file beside `target` with the target's mode and owner (or the umask's mode for a new dump)."""
    while True:
        temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}{TEMP_SUFFIX}")
        try:
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies
            break
        except FileExistsError:
            continue
    try:
        try:
            current = os.stat(target)
        except FileNotFoundError:
            current = None
        if current is not None:
            os.fchmod(fd, current.st_mode & 0o7777)
            created = os.fstat(fd)
            if (created.st_uid, created.st_gid) != (current.st_uid, current.st_gid):
                try:
                    os.fchown(fd, current.st_uid, current.st_gid)
                except PermissionError:
                    logger.warning(
                        "%s: cannot keep its owner %d:%d (not permitted)", target, current.st_uid, current.st_gid
                    )
        return os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape"), temporary
    except BaseException:
        os.close(fd)
        temporary.unlink(missing_ok=True)
        raise


def _merge_into_file_locked(
    path: Path, records: Iterable[Record], *, overwrite: bool, rejected: RejectedLines
) -> MergeResult:
    """Merge `records` into the JSONL dump at `path` (the real file) and replace it atomically.

    Existing records keep their place and their exact bytes unless a new copy
    changes them; new keys are appended in key order. Lines that fail the record
    schema go to `rejected` (never lost) and the others are merged.
    """
    incoming = SpilledGroups(records, path.parent)
    result = MergeResult(copies_merged=incoming.folded)
    handle, temporary = _open_temporary(path)
    try:
        with handle:
            if path.exists() and not overwrite:
                for line in read_dump(path):
                    existing = line.record
                    if existing is None:
                        rejected.add(path, line)
                        continue
                    if existing["key"] in incoming:
                        merged = merge_records([existing, incoming.pop(existing["key"])])
                        result.copies_merged += 1
                        if merged == existing:
                            result.unchanged += 1
                            handle.write(line.raw + "\n")
                        else:
                            result.updated += 1
                            handle.write(_dumps(merged) + "\n")
                    else:
                        handle.write(line.raw + "\n")
                    result.written += 1
            for key in sorted(incoming.keys()):
                handle.write(_dumps(incoming.pop(key)) + "\n")
                result.new += 1
                result.written += 1
            handle.flush()
            os.fsync(handle.fileno())
        # The rejected lines are safe on disk before the dump stops holding them.
        if rejected.handle is not None:
            rejected.handle.flush()
            os.fsync(rejected.handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    finally:
        incoming.close()
    return result


def pending_records(pending: Path, rejected: RejectedLines) -> Iterator[Record]:
    """The good records of a pending file; the others go to `rejected`."""
    for line in read_dump(pending):
        if line.record is None:
            rejected.add(pending, line)
        else:
            yield line.record


def merge_pending(dump: Path, pending: Path, *, overwrite: bool = False) -> MergeResult:
    """Merge a pending file into the dump; the pending file is removed only once the dump holds its records."""
    rejected = RejectedLines(dump_target(dump))
    try:
        result = merge_into_file(dump, pending_records(pending, rejected), overwrite=overwrite, rejected=rejected)
    finally:
        rejected.close()
    pending.unlink(missing_ok=True)
    return result


def leftover_pending(dump: Path) -> list[Path]:
    """Pending files beside the dump whose crawl is gone (no process holds their lock)."""
    target = dump_target(dump)
    found = []
    for pending in _beside(target, PENDING_SUFFIX):
        try:
            fd = os.open(pending, os.O_RDONLY)
        except FileNotFoundError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            if error.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise
            continue  # a running crawl's: it merges it itself
        finally:
            os.close(fd)
        found.append(pending)
    return found


def replay_pending(dump: Path) -> list[tuple[Path, MergeResult]]:
    """Merge every leftover pending file of `dump` into it (before a crawl starts): records are never lost."""
    replayed = []
    for pending in leftover_pending(dump):
        if pending.stat().st_size == 0:
            pending.unlink(missing_ok=True)
            continue
        result = merge_pending(dump, pending)
        logger.warning("Replayed %s, left by an earlier crawl, into %s: %s", pending, dump, result)
        replayed.append((pending, result))
    return replayed
