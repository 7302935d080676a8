"""Distributed mode: two real worker processes crawl the demo portal through one Redis frontier."""

from __future__ import annotations

import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

from gov_reports.demo.server import DemoPortal
from tests.support.crawling import read_records
from tests.support.paths import ROOT as REPO
from tests.support.redis_support import RedisForTest
from tests.support.redis_workers import summary_count, worker_command


def test_two_workers_crawl_the_demo_portal_once(
    demo_portal: DemoPortal, demo_expected: dict[str, Any], redis_for_test: RedisForTest, tmp_path: Path
):
    output = tmp_path / "reports.jsonl"
    seen_before = len(demo_portal.request_log)
    # Both workers wait for each other (MIN_WORKERS=2); a small shared delay spreads the crawl over a
    # couple of seconds and two requests at a time per worker keep one from taking the whole frontier,
    # so both take part. Without Redis each would crawl everything.
    settings = ("GOV_REPORTS_REDIS_MIN_WORKERS=2", "DOWNLOAD_DELAY=0.05", "CONCURRENT_REQUESTS=2")
    command = worker_command(demo_portal.start_urls, output, redis_for_test, *settings)
    workers = [
        subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)
    ]
    outputs = [worker.communicate(timeout=120) for worker in workers]
    for worker, (_, stderr) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, stderr[-3000:]

    records = read_records(output)  # fails on a key written twice
    assert set(records) == {report["key"] for report in demo_expected["reports"]}

    # Each worker did part of the work ...
    for stdout, _ in outputs:
        assert summary_count(stdout, "listing pages") + summary_count(stdout, "reports extracted") > 0, stdout
    # 11 on the CMS sites, 10 on the hub (its menus and sub-columns), 5 on gkmlpt (its directory, 4 API answers),
    # 13 on xxgk (its column, 3 search.jsp answers, 9 annual-report views),
    # 11 on jpaas (3 columns, their hub, 7 endpoint answers), 4 on aspnet (its list and 3 postbacks)
    assert sum(summary_count(stdout, "listing pages") for stdout, _ in outputs) == 54
    # ... and no page was fetched by both (robots.txt is per worker; the 500 page is retried).
    log = demo_portal.request_log[seen_before:]
    fetched = Counter(
        (site, method, path) for site, method, path, status in log if path != "/robots.txt" and status != 500
    )
    # The ASP.NET postbacks all go to one address (their bodies differ): each was posted once, by one worker.
    postbacks = fetched.pop(("aspnet", "POST", "/gk/default.aspx"), 0)
    assert postbacks == 3
    assert fetched and max(fetched.values()) == 1, [page for page, count in fetched.items() if count > 1]
