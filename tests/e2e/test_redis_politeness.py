"""Per-host politeness holds across workers: two worker processes, one Redis, one delay per host."""

from __future__ import annotations

import subprocess
from collections import Counter, defaultdict
from itertools import pairwise
from pathlib import Path

from gov_reports.demo.synthetic import SyntheticPortal
from tests.support.paths import ROOT as REPO
from tests.support.redis_support import RedisForTest
from tests.support.redis_workers import summary_count, worker_command

DELAY = 0.3


def test_two_workers_keep_the_delay_per_host_between_them(redis_for_test: RedisForTest, tmp_path: Path):
    # Two hosts (127.0.0.1 and 127.0.0.2 are both this machine): the delay holds per host, not across
    # hosts. The server runs here, in a process that only waits, so its arrival times are not skewed
    # by the workers' parsing.
    with SyntheticPortal(6, per_page=3, hosts=("127.0.0.1", "127.0.0.2")) as portal:
        # No item pipelines: this test is about when requests leave, and extraction (CPU work in the
        # workers' event loops, ~0.2 s for a process's first report) would only add noise to it.
        settings = (
            f"DOWNLOAD_DELAY={DELAY}",
            "GOV_REPORTS_REDIS_MIN_WORKERS=2",
            "CONCURRENT_REQUESTS=2",
            "ITEM_PIPELINES={}",
        )
        command = worker_command(portal.start_urls, tmp_path / "reports.jsonl", redis_for_test, *settings)
        workers = [
            subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)
        ]
        outputs = [worker.communicate(timeout=120) for worker in workers]
        log = list(portal.log)
    for worker, (_, stderr) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, stderr[-3000:]

    arrivals: dict[str, list[float]] = defaultdict(list)
    for host, _, at in log:
        arrivals[host.split(":")[0]].append(at)
    assert set(arrivals) == {"127.0.0.1", "127.0.0.2"}
    for host, times in arrivals.items():
        times.sort()
        gaps = [b - a for a, b in pairwise(times)]
        shown = (host, [round(g, 3) for g in gaps])
        # Turns are granted DELAY apart (Redis clock); a request leaves its worker a moment after its
        # turn (longer when the machine is loaded: the event loop may be busy, as with Scrapy's own
        # DOWNLOAD_DELAY), so single gaps may shrink by that much, the rate may not. Without the shared
        # limit the two workers' requests would arrive together (gaps near 0) and at twice the rate.
        assert min(gaps) >= DELAY / 2, shown
        assert (times[-1] - times[0]) / len(gaps) >= DELAY * 0.95, shown

    # Both workers fetched pages, and each page was fetched once (robots.txt once per worker and host).
    for stdout, _ in outputs:
        assert summary_count(stdout, "pages fetched") > 2, stdout
    pages = Counter((host, path) for host, path, _ in log if path != "/robots.txt")
    assert len([page for page in pages if page[1].startswith(("/list.html", "/report/"))]) == 2 * (2 + 6)
    assert set(pages.values()) == {1}  # the report template's attachment link too: once per host
