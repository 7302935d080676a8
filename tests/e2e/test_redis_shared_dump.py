"""Workers of a distributed crawl merge into one dump at once: no merge may drop another's records."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

from gov_reports.crawl.feeds import merge_into_file
from tests.support.crawling import read_records
from tests.support.report_copies import copy

MERGES_PER_WORKER = 10
EXISTING = 2000


def merge_one_at_a_time(dump: str, worker: int, go: Any) -> None:
    """A worker process: many small read-merge-replace rounds, as close together as they come."""
    go.wait(30)
    for n in range(MERGES_PER_WORKER):
        key = f"测试县第{worker}局|{2000 + n}"
        merge_into_file(Path(dump), [copy(f"http://w{worker}.example.gov.cn/{n}.html", key=key)])


def test_concurrent_merges_into_one_dump_lose_nothing(tmp_path: Path):
    dump = tmp_path / "reports.jsonl"
    # A dump of some size, so that each round takes a while and unlocked rounds would overlap.
    merge_into_file(dump, [copy(f"http://x.gov.cn/{n}.html", key=f"旧县第{n}局|2020") for n in range(EXISTING)])
    # spawn, not fork: the test process runs threads (the demo portal, the reactor).
    context = multiprocessing.get_context("spawn")
    go = context.Event()
    workers = [context.Process(target=merge_one_at_a_time, args=(str(dump), w, go)) for w in range(3)]
    for worker in workers:
        worker.start()
    go.set()
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    records = read_records(dump)
    assert len(records) == EXISTING + 3 * MERGES_PER_WORKER
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports.jsonl"]
