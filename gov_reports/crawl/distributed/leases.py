"""A worker's leases on the requests it took from the shared frontier (see gov_reports.crawl.distributed.scheduler).

A lease is acknowledged (deleted in Redis) once the engine is done with its request, and released
(its request back into the queue) when the worker closes with the request unfinished.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gov_reports.crawl.distributed import scripts

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    import redis
    from scrapy import Request
    from scrapy.core.engine import ExecutionEngine

    from gov_reports.crawl.distributed.records import WorkerRecords

logger = logging.getLogger(__name__)
SEQ_DIGITS = 16  # a queue member starts with its sequence number (the lease id) in hex
EXPIRED_TOO_OFTEN = "lease_expired_too_often"


@dataclass
class Lease:
    request: Request
    member: bytes


class Leases:
    """Lease id -> the request it stands for, while this worker's engine has it; acknowledged when done."""

    def __init__(
        self,
        server: redis.Redis,
        keys: Mapping[str, str],
        worker: str,
        records: WorkerRecords,
        count: Callable[[str, int], None],
        max_expiries: int,
    ) -> None:
        self.keys = keys
        self.worker = worker
        self.records = records
        self.count = count
        self.max_expiries = max_expiries
        self.engine: ExecutionEngine | None = None  # set when the scheduler opens
        self.held: dict[bytes, Lease] = {}
        self._ack = server.register_script(scripts.ACK)
        self._release = server.register_script(scripts.RELEASE)

    def release_unfinished(self) -> None:
        """At close: the requests the engine still has go back into the queue for another worker."""
        in_progress = self.in_progress() or set()
        unfinished = [lease_id for lease_id, lease in self.held.items() if lease.request in in_progress]
        if unfinished:
            released = int(self._release(keys=self._keys("queue", "leases", "leased"), args=[self.worker, *unfinished]))
            self.count("leases_released", released)
            for lease_id in unfinished:
                del self.held[lease_id]

    def in_progress(self) -> set[Request] | None:
        """The requests the engine is working on: taken from here, not yet done with (or None).

        Scrapy 2.19 has no public view of this, nor a signal for "the engine is done with a request":
        response_received and request_left_downloader come before the callback, item_scraped per item,
        and an errback's output passes no spider middleware. The engine's slot (`ExecutionEngine._slot`,
        private) adds a request when it starts its download and removes it after the response (or
        failure) went through the callback, the item pipelines and the item_scraped handlers (the
        feed's flushed write), i.e. exactly when its lease may be acknowledged. Without it (another
        Scrapy), leases are acknowledged when the engine is idle (`spider_idle`) and at close, which is
        safe but later.
        """
        slot = getattr(self.engine, "_slot", None)
        in_progress = getattr(slot, "inprogress", None)
        return in_progress if isinstance(in_progress, set) else None

    def acknowledge_finished(self, *, engine_idle: bool = False) -> None:
        if not self.held:
            return
        in_progress = self.in_progress()
        if in_progress is None:
            finished = list(self.held) if engine_idle else []
        else:
            finished = [lease_id for lease_id, lease in self.held.items() if lease.request not in in_progress]
        self.acknowledge(finished)

    def acknowledge(self, lease_ids: list[bytes]) -> None:
        if not lease_ids:
            return
        entries = {lease_id: self.held.pop(lease_id).member for lease_id in lease_ids}
        # Their records are in this worker's pending file now: list it before the leases go.
        self.records.register()
        self.acknowledge_entries(entries)

    def acknowledge_entries(self, entries: dict[bytes, bytes]) -> None:
        args: list[Any] = [self.worker]
        for lease_id, member in entries.items():
            args += [lease_id, member]
        acked, withdrawn, lost = self._ack(keys=self._keys("queue", "leases", "leased", "expiries"), args=args)
        self.count("leases_acknowledged", int(acked) + int(withdrawn))
        if int(lost):
            # Its lease expired (this worker was stalled longer than the lease) and another worker
            # took it: done twice, which the merge by key absorbs.
            self.count("leases_lost", int(lost))
            logger.warning("%d lease(s) expired while this worker was busy with them", int(lost))

    def count_requeued(self, requeued: int, dropped: list[bytes]) -> None:
        if requeued:
            self.count("leases_requeued", requeued)
            logger.warning("Put %d request(s) of a dead or stalled worker back into the queue", requeued)
        for member in dropped:
            self.count(f"dropped/{EXPIRED_TOO_OFTEN}", 1)
            logger.error(
                "Dropped %s: its lease expired %d times (the workers that took it died)",
                _entry_url(member),
                self.max_expiries,
            )

    def _keys(self, *names: str) -> list[str]:
        return [self.keys[name] for name in names]


def _entry_url(member: bytes) -> str:
    """The URL of a queue entry, for a log line (or the entry's start when it has none)."""
    try:
        url = json.loads(member[SEQ_DIGITS:].decode("utf-8")).get("url")
    except (ValueError, AttributeError):
        url = None
    return url if isinstance(url, str) else repr(member[:80])
