"""Skip reasons that name the cause, per-source budgets, cookies without the network: real crawls of
tests/support/faults/servers.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest_twisted
from scrapy.utils.defer import deferred_from_coro

from gov_reports.crawl.summary import skipped_reasons
from tests.support.crawling import crawl, read_records
from tests.support.faults.servers import HostileServer
from tests.support.paths import ROOT


@pytest_twisted.inlineCallbacks
def test_a_gzip_bomb_is_cut_at_the_size_limit_and_counted_too_large(tmp_path: Path):
    """64 MB inflated from ~70 KB: cut at DOWNLOAD_MAXSIZE (8 MB here), skipped as report_too_large."""
    with HostileServer() as server:
        assert len(server.bomb) < 1024 * 1024
        stats = yield deferred_from_coro(
            crawl([server.url("/bomb/index.html")], tmp_path / "out.jsonl", overrides=["DOWNLOAD_MAXSIZE=8388608"])
        )
    assert skipped_reasons(stats) == {"report_too_large": 1}
    assert read_records(tmp_path / "out.jsonl") == {}


@pytest_twisted.inlineCallbacks
def test_a_slow_drip_times_out(tmp_path: Path):
    """A byte every 0.2 s never trips a read timeout: the download timeout ends it, skipped as report_timeout."""
    with HostileServer(drip_interval=0.2) as server:
        stats = yield deferred_from_coro(
            crawl([server.url("/drip/index.html")], tmp_path / "out.jsonl", overrides=["DOWNLOAD_TIMEOUT=1"])
        )
        tries = server.hits["/drip/report.html"]
    assert tries == 2  # RETRY_TIMES=1 in the LocalPortal add-on
    assert skipped_reasons(stats) == {"report_timeout": 1}


@pytest_twisted.inlineCallbacks
def test_a_412_javascript_challenge_is_a_waf_page(tmp_path: Path):
    """Not parsed as a 412 error: counted as a block (kind waf_412), retried after a pause, skipped waf_blocked."""
    with HostileServer() as server:
        stats = yield deferred_from_coro(crawl([server.url("/challenge/index.html")], tmp_path / "out.jsonl"))
        tries = server.hits["/challenge/report.html"]
    assert stats["gov_reports/blocked_kind/waf_412"] == tries == 3  # 1 + GOV_REPORTS_WAF_RETRIES
    assert skipped_reasons(stats) == {"waf_blocked": 1}


@pytest_twisted.inlineCallbacks
def test_the_listing_budget_holds_per_source(tmp_path: Path):
    """A trap column paginating for ever stops at its own budget; the honest column next to it is crawled whole."""
    with HostileServer(honest=3) as server:
        stats = yield deferred_from_coro(
            crawl(
                [server.url("/trap/0.html"), server.url("/honest/index.html")],
                tmp_path / "out.jsonl",
                overrides=["GOV_REPORTS_MAX_LISTING_PAGES_PER_SOURCE=5"],
            )
        )
        trap_pages = sum(n for path, n in server.hits.items() if path.startswith("/trap/"))
        honest = server.honest
    assert trap_pages == 5
    assert stats[f"gov_reports/source/listing_pages/{server.url('/trap/0.html')}"] == 5
    assert skipped_reasons(stats)["listing_over_budget"] == 1  # the trap's next page, refused
    assert set(read_records(tmp_path / "out.jsonl")) == {r.key for r in honest}


PROBE = """
import json, socket, sys
attempts = []
real_getaddrinfo, real_connect = socket.getaddrinfo, socket.socket.connect
def getaddrinfo(host, *args, **kwargs):
    if host not in ("127.0.0.1", "localhost"):
        attempts.append(str(host))
        raise socket.gaierror(socket.EAI_NONAME, "the network is unavailable in this test")
    return real_getaddrinfo(host, *args, **kwargs)
def connect(self, address):
    if isinstance(address, tuple) and address[0] not in ("127.0.0.1", "::1"):
        attempts.append(str(address[0]))
        raise OSError("the network is unavailable in this test")
    return real_connect(self, address)
socket.getaddrinfo, socket.socket.connect = getaddrinfo, connect
from gov_reports.cli import main
code = main(sys.argv[1:])
print("ATTEMPTS=" + json.dumps(attempts))
raise SystemExit(code)
"""


def test_set_cookie_never_makes_the_crawl_reach_the_network(tmp_path: Path):
    """Scrapy's CookiesMiddleware would fetch the public-suffix list on the first Set-Cookie; ours never does.

    A fresh process with an empty tldextract cache and every non-loopback address refused: the crawl
    gets its record, the .gov.cn cookie is refused as a public suffix's, and nothing else was reached.
    """
    out = tmp_path / "out.jsonl"
    env = {**os.environ, "TLDEXTRACT_CACHE": str(tmp_path / "tld-cache"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    with HostileServer(honest=1) as server:
        result = subprocess.run(
            [sys.executable, "-c", PROBE, "crawl", "--start-url", server.url("/cookie/index.html"), "-o", str(out)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        title = server.honest[0].title
    assert result.returncode == 0, result.stderr[-2000:]
    attempts = json.loads(result.stdout.rsplit("ATTEMPTS=", 1)[1])
    assert attempts == []
    assert not (tmp_path / "tld-cache").exists()
    assert [r["title"] for r in read_records(out).values()] == [title]
