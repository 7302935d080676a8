"""No silent success, no lost work: exit codes, the .pending file and its replay, dumps validated when
read, writes that keep the dump's mode, owner and symlink, leftovers of killed merges and kill -9 during
a merge. Concurrent writers: tests/e2e/test_redis_shared_dump.py."""

from __future__ import annotations

import hashlib
import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest_twisted
from scrapy.utils.defer import deferred_from_coro

from gov_reports.cli import ExitCode
from gov_reports.crawl.feeds import merge_into_file, read_jsonl
from tests.support.crawling import crawl, read_records
from tests.support.dump_files import record, write_dump
from tests.support.faults.fault_portal import FaultPortal, demo_reports
from tests.support.paths import ROOT

DEAD = "http://127.0.0.1:9/col/col1/index.html"  # the discard port: connection refused


def gov_reports(*args: str, file_size_limit: int | None = None) -> subprocess.CompletedProcess[str]:
    def limit() -> None:  # in the child: RLIMIT_FSIZE makes writes past it fail with EFBIG (Python ignores SIGXFSZ)
        if file_size_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    return subprocess.run(
        [sys.executable, "-m", "gov_reports.cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        preexec_fn=limit,
    )


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith((".tmp", ".pending")))


# --------------------------------------------------------------------------- exit codes


def test_a_failed_merge_exits_4_names_the_pending_file_and_the_next_crawl_replays_it(tmp_path: Path):
    """The file-size limit (a full disk alike) makes the merge fail: exit 4, not 0; the records wait in .pending."""
    out = tmp_path / "reports.jsonl"
    old = [record(f"旧报告{i}|2019", "旧" * 30_000) for i in range(25)]  # ~2.3 MB: the merge's copy exceeds 1 MB
    write_dump(out, old)
    before = out.read_bytes()
    with FaultPortal(good=3) as portal:
        column = portal.url("/good/index.html")
        failed = gov_reports("crawl", "--start-url", column, "-o", str(out), file_size_limit=1024 * 1024)
        assert failed.returncode == ExitCode.NOT_STORED == 4, failed.stderr[-3000:]
        assert out.read_bytes() == before  # the old dump, whole
        [pending] = [p for p in tmp_path.iterdir() if p.name.endswith(".pending")]
        assert f"the records are in {pending}" in failed.stdout
        assert "exit code:           4 (not_stored)" in failed.stdout
        assert len(list(read_jsonl(pending))) == 3
        assert leftovers(tmp_path) == [pending.name]  # no temporary file left by the failed merge

        again = gov_reports("crawl", "--start-url", column, "-o", str(out))
    assert again.returncode == ExitCode.OK, again.stderr[-3000:]
    assert f"Replayed {pending} into {out} before crawling: 3 new" in again.stderr
    assert set(read_records(out)) == {r["key"] for r in old} | {r.key for r in demo_reports()[:3]}
    assert leftovers(tmp_path) == []


def test_some_dead_sources_exit_3_all_dead_exit_1(tmp_path: Path):
    with FaultPortal(good=2) as portal:
        partial = gov_reports(
            "crawl", "--start-url", portal.url("/good/index.html"), "--start-url", DEAD, "-o", str(tmp_path / "a.jsonl")
        )
    assert partial.returncode == ExitCode.DEAD_SOURCES == 3, partial.stderr[-3000:]
    assert "exit code:           3 (dead_sources)" in partial.stdout
    assert len(read_records(tmp_path / "a.jsonl")) == 2
    dead = gov_reports("crawl", "--start-url", DEAD, "-o", str(tmp_path / "b.jsonl"), "-s", "ROBOTSTXT_OBEY=0")
    assert dead.returncode == ExitCode.NOTHING_FETCHED == 1


# --------------------------------------------------------------------------- dumps validated when read


BAD_LINES = [
    '{"key": ["哈尔滨市人民政府", 2020], "url": "http://a.gov.cn/1.html"}',  # a key that is a list
    '{"key": "哈尔滨市民政局|2020", "urls": 7}',  # urls a number
    '{"key": "哈尔滨市财政局|2020", "trust": "official"}',  # trust not an object
    '{"key": "x|2020", "url": ',  # torn
]


@pytest_twisted.inlineCallbacks
def test_bad_lines_in_the_dump_never_crash_the_crawl_nor_block_the_merge(tmp_path: Path):
    out = tmp_path / "reports.jsonl"
    good = record("旧报告|2019")
    out.write_text(json.dumps(good, ensure_ascii=False) + "\n" + "\n".join(BAD_LINES) + "\n", encoding="utf-8")
    with FaultPortal(good=2) as portal:
        stats = yield deferred_from_coro(crawl([portal.url("/good/index.html")], out))
    assert set(read_records(out)) == {good["key"]} | {r.key for r in demo_reports()[:2]}
    rejected = (tmp_path / "reports.jsonl.rejected").read_text(encoding="utf-8").splitlines()
    assert [line.split("\t", 2)[2] for line in rejected] == BAD_LINES  # verbatim, with where and why
    assert [line.split("\t", 1)[0] for line in rejected] == [f"reports.jsonl:{n}" for n in (2, 3, 4, 5)]
    assert "urls: 7 is not of type 'array'" in rejected[1]
    assert stats["gov_reports/feed/unreadable_lines"] == 4
    assert stats["gov_reports/feed/rejected_path"] == str(tmp_path / "reports.jsonl.rejected")


# --------------------------------------------------------------------------- how the dump is written


@pytest_twisted.inlineCallbacks
def test_a_stale_tmp_of_a_killed_merge_is_removed_at_the_next_start(tmp_path: Path):
    out = tmp_path / "reports.jsonl"
    write_dump(out, [record("a|2020")])
    stale = tmp_path / ".reports.jsonl.3f2a9c41d0e7.tmp"
    stale.write_bytes(b"x" * 100_000)  # as big as a dump, half written
    other = tmp_path / ".other.jsonl.3f2a9c41d0e7.tmp"  # another dump's: not ours to remove
    other.write_bytes(b"y")
    with FaultPortal(good=1) as portal:
        yield deferred_from_coro(crawl([portal.url("/good/index.html")], out))
    assert not stale.exists() and other.exists()


# --------------------------------------------------------------------------- concurrency and kill -9


MERGER = """
import json, sys
from pathlib import Path
from gov_reports.crawl.feeds import merge_into_file
records = [
    {"key": f"新报告{i}|2021", "issuer": f"新报告{i}", "year": 2021, "text": "新" * 4000, "urls": []}
    for i in range(1200)
]  # valid records (as `record` below): a merge that completes leaves 1600 readable lines
print("start", flush=True)
merge_into_file(Path(sys.argv[1]), records)
print("done", flush=True)
"""


def test_kill_9_during_a_merge_leaves_the_old_or_the_new_dump(tmp_path: Path):
    """SIGKILL at several moments of a merge: the dump is always the old version or the new one, and the
    next merge removes what the killed one left."""
    out = tmp_path / "reports.jsonl"
    write_dump(out, [record(f"旧报告{i}|2019", "旧" * 4000) for i in range(400)])
    old = hashlib.sha256(out.read_bytes()).hexdigest()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    outcomes = set()
    for delay in (0.2, 0.5, 0.8, 1.1):
        with subprocess.Popen(
            [sys.executable, "-c", MERGER, str(out)], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
        ) as child:
            assert child.stdout is not None and child.stdout.readline().strip() == "start"
            time.sleep(delay)
            child.send_signal(signal.SIGKILL)
            child.wait(10)
        digest = hashlib.sha256(out.read_bytes()).hexdigest()
        lines = list(read_jsonl(out))
        assert all(r is not None for _, r in lines)  # every line a record: nothing torn
        if digest == old:
            outcomes.add("old")
        else:
            assert len(lines) == 1600, "neither the old dump nor the new one"
            outcomes.add("new")
            write_dump(out, [record(f"旧报告{i}|2019", "旧" * 4000) for i in range(400)])
    assert "old" in outcomes  # at least one kill landed inside the merge
    merge_into_file(out, [])
    assert leftovers(tmp_path) == []
