"""kill -9 one of two Redis workers while it holds requests: the survivor finishes the whole crawl.

Two real `gov-reports crawl --redis` processes crawl a slow local portal (each report answers
after REPORT_DELAY seconds, longer than the lease, so leases only survive by being renewed).
Once one worker has records in its pending file *and* holds leases, it is stopped (SIGSTOP, so
what it holds can be read without a race), its leases are read from Redis, and it is killed
with SIGKILL. The survivor must put the dead worker's leases back after their deadline, crawl
them, merge the dead worker's records into the dump, exit 0 and delete the crawl's keys. The
dump then holds every report's key exactly once; pages the dead worker had finished are not
fetched again, and no page is fetched twice except those it held when it died.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import redis

from gov_reports.crawl.distributed.pending import pending_files_from_json
from tests.support.crawling import read_records
from tests.support.faults.fault_portal import FaultPortal, demo_reports
from tests.support.paths import ROOT as REPO
from tests.support.redis_support import RedisForTest
from tests.support.redis_workers import worker_command

REPORTS = 6
REPORT_DELAY = 2.5
LEASE_SECONDS = 2.0


@contextmanager
def workers(command: list[str], count: int) -> Iterator[list[subprocess.Popen[str]]]:
    processes = [
        subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(count)
    ]
    try:
        yield processes
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
            process.communicate()


def held_leases(client: redis.Redis, crawl: str) -> dict[int, list[str]]:
    """pid -> the URLs of the requests it holds (from the crawl's `leased` hash)."""
    held: dict[int, list[str]] = {}
    for entry in client.hvals(f"{crawl}:leased"):
        _, owner, member = entry.decode().split("\n", 2)
        url = re.search(r'"url":"([^"]+)"', member)
        assert url, member
        held.setdefault(int(owner.split(":")[1]), []).append(url.group(1))
    return held


def records_pending(client: redis.Redis, crawl: str) -> dict[int, int]:
    """pid -> complete records in the pending files it listed (its acknowledged work)."""
    counts: dict[int, int] = {}
    for worker, raw in client.hgetall(f"{crawl}:pending").items():
        lines = 0
        for pending_file in pending_files_from_json(raw):
            if pending_file.pending.exists():
                lines += pending_file.pending.read_bytes().count(b"\n")
        counts[int(worker.decode().split(":")[1])] = lines
    return counts


def test_kill_9_of_the_worker_holding_requests_loses_nothing(redis_for_test: RedisForTest, tmp_path: Path):
    output = tmp_path / "reports.jsonl"
    client = redis.Redis.from_url(redis_for_test.url)
    crawl = f"{redis_for_test.prefix}:annual_reports"
    expected = sorted(report.key for report in demo_reports()[:REPORTS])
    with FaultPortal(report_delay=REPORT_DELAY, good=REPORTS) as portal:
        settings = (
            "GOV_REPORTS_REDIS_MIN_WORKERS=2",
            f"GOV_REPORTS_REDIS_LEASE_SECONDS={LEASE_SECONDS}",
            "CONCURRENT_REQUESTS=1",  # one download at a time each: both workers take part
        )
        command = worker_command([portal.url("/good/index.html")], output, redis_for_test, *settings)
        with workers(command, 2) as processes:
            by_pid = {process.pid: process for process in processes}
            deadline = time.monotonic() + 90
            victim = None
            while victim is None:
                for process in processes:
                    assert process.poll() is None, process.communicate()[1][-3000:]
                assert time.monotonic() < deadline, "no worker with records and leases after 90 s"
                held, done = held_leases(client, crawl), records_pending(client, crawl)
                victim = next((pid for pid in held if pid in by_pid and done.get(pid, 0) >= 1), None)
                time.sleep(0.05)
            os.kill(victim, signal.SIGSTOP)  # frozen: what it holds cannot change while we read it
            held_at_kill = held_leases(client, crawl).get(victim, [])
            assert held_at_kill, "the victim holds no lease"
            os.kill(victim, signal.SIGKILL)
            killed = by_pid.pop(victim)
            killed.wait(10)
            assert killed.returncode == -signal.SIGKILL
            (survivor,) = by_pid.values()
            _stdout, stderr = survivor.communicate(timeout=120)
            hits = {path: len(times) for path, times in portal.hits.items()}

    assert survivor.returncode == 0, stderr[-3000:]
    assert sorted(read_records(output)) == expected  # every key, each once (read_records fails on a repeat)
    # The survivor merged the dead worker's acknowledged records (they were nowhere else) ...
    merged = re.search(r"Merged (\d+) record\(s\) of dead worker \S+:(\d+):", stderr)
    assert merged and int(merged.group(2)) == victim and int(merged.group(1)) >= 1, stderr[-3000:]
    assert "back into the queue" in stderr
    # ... and fetched again only what the dead worker held: its finished pages were not, and no lease of
    # the survivor ran out while its 2.5 s downloads outlived the 2 s lease (it renewed them).
    held_paths = {urlsplit(url).path for url in held_at_kill}
    report_paths = [f"/good/{n}.html" for n in range(REPORTS)]
    for path in report_paths:
        assert 1 <= hits.get(path, 0) <= (2 if path in held_paths else 1), (path, hits, held_paths)
    # The crawl is done: no keys left (queue, seen-set, leases, politeness) and no pending file.
    assert list(client.scan_iter(match=f"{redis_for_test.prefix}:*")) == []
    assert not list(tmp_path.glob("*.pending")) and not list(tmp_path.glob(".*.pending"))
