"""A worker's side of the pending-file registry (`pending`): list its own files, merge the dead workers'."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from gov_reports.crawl.distributed import scripts
from gov_reports.crawl.distributed.pending import (
    Adoption,
    HeldLocks,
    PendingFile,
    adopt,
    is_pending_file_of,
    open_pending_files,
    pending_files_from_json,
    pending_files_to_json,
)

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    import redis
    from scrapy.extensions.feedexport import FeedExporter

logger = logging.getLogger(__name__)


class WorkerRecords:
    """This worker's pending files, listed under the crawl's `pending` key before its leases are acknowledged."""

    def __init__(
        self, server: redis.Redis, key: str, worker: str, dumps: set[Path], count: Callable[[str, int], None]
    ) -> None:
        self.server = server
        self.key = key
        self.worker = worker
        self.dumps = dumps  # the dumps this worker merges into: a dead worker's files for others are not its own
        self.count = count
        self.exporter: FeedExporter | None = None  # known once the crawl runs
        self.registered: list[PendingFile] = []
        self.locks = HeldLocks()
        self._set_pending = server.register_script(scripts.SET_PENDING)

    def register(self) -> None:
        """List the pending files that appeared since the last call (their records are about to be acknowledged)."""
        new = [f for f in open_pending_files(self.exporter) if f not in self.registered]
        if not new:
            return
        for pending_file in new:
            self.locks.hold(pending_file.pending)
        self.registered += new
        self.server.hset(self.key, self.worker, pending_files_to_json(self.registered))

    def settle(self) -> None:
        """Unlist the pending files this worker merged (gone); one still there was not merged: it stays listed."""
        self.locks.release_all()
        unmerged = [f for f in self.registered if f.pending.exists()]
        for pending_file in unmerged:
            logger.error(
                "The records of this worker were not merged into %s; they are in %s, listed in Redis for the "
                "next worker to merge",
                pending_file.dump,
                pending_file.pending,
            )
        if unmerged:
            self.server.hset(self.key, self.worker, pending_files_to_json(unmerged))
        else:
            self.server.hdel(self.key, self.worker)

    def adopt_dead(self, live: set[str]) -> None:
        """Merge into this worker's dumps the pending files of workers not in `live` (dead ones)."""
        for worker, raw in self.server.hgetall(self.key).items():
            name = worker.decode()
            if name == self.worker or name in live:
                continue
            try:
                files = pending_files_from_json(raw)
            except ValueError as error:
                logger.warning("Dropped the pending-file entry of %s: %s", name, error)
                self.count("dropped/bad_pending_entry", 1)
                self._set_pending(keys=[self.key], args=[name, raw, ""])
                continue
            remaining = [pending_file for pending_file in files if not self._adopted(pending_file, name)]
            new_value = pending_files_to_json(remaining) if remaining else ""
            self._set_pending(keys=[self.key], args=[name, raw, new_value])

    def _adopted(self, pending_file: PendingFile, owner: str) -> bool:
        """Merge one dead worker's file; False if it stays listed (not this worker's dump, locked, failed)."""
        if pending_file.dump not in self.dumps or not is_pending_file_of(pending_file.pending, pending_file.dump):
            # Another output than this worker's, or not a pending file: left alone (and listed).
            self.count("pending_refused", 1)
            logger.warning(
                "Not merging %s into %s: not a pending file of this worker's dump",
                pending_file.pending,
                pending_file.dump,
            )
            return False
        outcome, records = adopt(pending_file)
        if outcome is Adoption.MERGED:
            self.count("pending_adopted", 1)
            self.count("pending_adopted_records", records)
            logger.warning(
                "Merged %d record(s) of dead worker %s from %s into %s",
                records,
                owner,
                pending_file.pending,
                pending_file.dump,
            )
        elif outcome in (Adoption.LOCKED, Adoption.FAILED):
            self.count(f"pending_{outcome.value}", 1)  # records not merged by this worker: keys stay
            return False
        return True
