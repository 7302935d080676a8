"""kill -9 in the middle of a crawl with JOBDIR, then the same command again: every report exactly once.

The crawl runs as a real `gov-reports crawl` process against a slow local
portal (each report answers after 0.2 s); it is killed with SIGKILL once a few
records are in the job directory. The output file is checked for validity
every few milliseconds while both runs go on.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from gov_reports.crawl.downloader.jobdir import collected_urls
from tests.support.faults.fault_portal import FaultPortal, demo_reports

REPORTS = 8


def dump_keys(path: Path) -> list[str]:
    """Keys of a JSONL dump; fails on a line that is not a whole record."""
    if not path.exists():
        return []
    return [json.loads(line)["key"] for line in path.read_text(encoding="utf-8").splitlines()]


def assert_valid(output: Path) -> None:
    keys = dump_keys(output)
    assert len(keys) == len(set(keys)), "a key twice in the dump"


def test_kill_9_then_resume(tmp_path: Path):
    output, jobdir = tmp_path / "reports.jsonl", tmp_path / "job"
    # Reports answer slowly, so records reach JOBDIR a few at a time (items are written in small bursts).
    with FaultPortal(report_delay=0.5, good=REPORTS) as portal:
        command = [
            sys.executable, "-m", "gov_reports.cli", "crawl",
            "--start-url", portal.url("/good/index.html"),
            "--jobdir", str(jobdir),
            "-o", str(output),
            "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1",
            "--log-level", "WARNING",
        ]  # fmt: skip
        first = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while len(collected_urls(jobdir)) < 1:  # records flushed to JOBDIR, read as the resume reads them
            assert first.poll() is None, first.stderr.read().decode() if first.stderr else ""
            assert time.monotonic() < deadline, "no records after 60 s"
            assert_valid(output)
            time.sleep(0.01)
        os.kill(first.pid, signal.SIGKILL)
        first.wait()
        first.stderr.close()
        assert first.returncode == -signal.SIGKILL
        collected_before = collected_urls(jobdir)
        assert 1 <= len(collected_before) < REPORTS
        assert_valid(output)

        second = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        while second.poll() is None:
            assert time.monotonic() < deadline + 60, "the resumed crawl did not finish"
            assert_valid(output)
            time.sleep(0.01)
        assert second.returncode == 0, second.stderr.read().decode() if second.stderr else ""
        second.stderr.close()
        hits = dict(portal.hits)

    keys = dump_keys(output)
    assert sorted(keys) == sorted(r.key for r in demo_reports()[:REPORTS])
    assert not list(jobdir.glob("feed-pending-*"))  # merged into the dump, then removed
    # Reports collected before the kill were not fetched again (those fetched but not yet written were).
    for url in collected_before:
        assert len(hits[urlsplit(url).path]) == 1, url
