"""Files skipped for a missing converter or a passing failure are retried by the next crawl (issue 16, item 7).

Run as a user runs it: `gov-reports crawl` in its own process, first with no Word converter on PATH (the demo's
哈尔滨 2020 .doc is skipped, converter_missing), then with the machine's PATH: the second crawl fetches the page
again in full, follows the .doc, reads it and says so in its summary; the third has nothing left to retry.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from gov_reports.crawl.downloader.incremental import SEEN_SUFFIX, IncrementalMiddleware, SeenPage, SeenStore
from gov_reports.crawl.pipelines.attachments import AttachmentSkipped
from gov_reports.demo.server import DemoPortal
from gov_reports.model.record import FetchedDocument
from tests.support.cli_support import ROOT, gov_reports_command

HAVE_WORD_CONVERTER = bool(shutil.which("soffice") or shutil.which("libreoffice") or shutil.which("antiword"))
KEY = "哈尔滨市人民政府|2020"


def crawl(urls: list[str], output: Path, path_variable: str) -> subprocess.CompletedProcess[str]:
    command = [*gov_reports_command(), "crawl", "-o", str(output), "--log-level", "WARNING"]
    for url in urls:
        command += ["--start-url", url]
    env = {**os.environ, "PATH": path_variable}
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)


def records(path: Path) -> dict[str, dict[str, Any]]:
    return {r["key"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


@pytest.mark.skipif(not HAVE_WORD_CONVERTER, reason="needs LibreOffice or antiword (apt: antiword)")
def test_a_file_skipped_for_a_missing_converter_is_read_by_the_next_crawl(
    demo_portal: DemoPortal, demo_expected: dict[str, Any], tmp_path: Path
) -> None:
    hanweb = [u for u in demo_portal.start_urls if u.startswith(demo_portal.sites["hanweb"])]
    want = next(r for r in demo_expected["reports"] if r["key"] == KEY)
    page = demo_portal.url("hanweb", want["best_path"])
    doc = demo_portal.url("hanweb", want["files"][0]["link"])
    output = tmp_path / "hanweb.jsonl"
    no_converter = tmp_path / "bin"  # a PATH with no converter on it
    no_converter.mkdir()

    first = crawl(hanweb, output, str(no_converter))
    assert first.returncode == 0, first.stderr[-3000:]
    assert "attachment_converter_missing" in first.stdout
    assert "files to retry:      1 " in first.stdout
    assert "stats_from_attachment" not in records(output)[KEY]["flags"]
    store = json.loads(Path(str(output) + SEEN_SUFFIX).read_text(encoding="utf-8"))
    assert store["retry"] == {doc: {"page": page, "reason": "converter_missing", "attempts": 1}}
    assert page not in store["pages"]  # not "seen": the next crawl fetches it in full and follows the .doc again

    second = crawl(hanweb, output, os.environ["PATH"])
    assert second.returncode == 0, second.stderr[-3000:]
    assert "retried files:       1 skipped by an earlier crawl" in second.stdout
    assert "retried: 1 read, 0 not yet" in second.stdout
    record = records(output)[KEY]
    assert {"stats_from_attachment", "text_from_attachment"} <= set(record["flags"])
    assert doc in record["urls"]
    store = json.loads(Path(str(output) + SEEN_SUFFIX).read_text(encoding="utf-8"))
    assert "retry" not in store and page in store["pages"] and doc in store["pages"]

    third = crawl(hanweb, output, os.environ["PATH"])
    assert third.returncode == 0, third.stderr[-3000:]
    assert "retried files" not in third.stdout and "files to retry" not in third.stdout


def test_the_store_forgets_a_page_whose_file_must_be_retried(tmp_path: Path) -> None:
    """Whichever comes first, the page's record or its file's failure, the page is not remembered."""
    store = SeenStore(tmp_path / "seen.json")
    store.remember("http://a/page1.html", SeenPage(key="甲|2020"))
    store.retry_later("http://a/f1.doc", "http://a/page1.html", "converter_missing")
    store.retry_later("http://a/f2.doc", "http://a/page2.html", "http_503")
    store.remember("http://a/page2.html", SeenPage(key="乙|2020"))
    store.retry_later("http://a/list.pdf", None, "http_500")  # linked from a listing: no page to forget
    store.save()
    again = SeenStore(tmp_path / "seen.json")
    assert again.pages == {}
    assert set(again.retry) == {"http://a/f1.doc", "http://a/f2.doc", "http://a/list.pdf"}
    again.read_at_last("http://a/f1.doc")
    again.save()
    assert set(SeenStore(tmp_path / "seen.json").retry) == {"http://a/f2.doc", "http://a/list.pdf"}


def test_a_file_failing_crawl_after_crawl_is_given_up(tmp_path: Path) -> None:
    """Three crawls of 503s, then the page is seen again (no full download every crawl for a broken file)."""
    path = tmp_path / "seen.json"
    for crawl_number in range(1, 5):
        store = SeenStore(path)
        kept = store.retry_later("http://a/f.pdf", "http://a/p.html", "http_503", max_attempts=3)
        store.remember("http://a/p.html", SeenPage(key="甲|2020"))
        store.save()
        assert kept is (crawl_number <= 3)
    store = SeenStore(path)
    assert store.retry == {} and "http://a/p.html" in store.pages
    # A missing converter has no limit: it is the user's to install.
    assert all(store.retry_later("http://a/f.doc", "http://a/p.html", "converter_missing") for _ in range(10))


def test_only_passing_failures_are_retried(tmp_path: Path) -> None:
    """A 503 or a timeout after Scrapy's retries, a missing converter: retried. A 404, an encrypted file: not
    (a file that is simply bad is not fetched again and again)."""
    from scrapy.http import Request, Response
    from scrapy.utils.test import get_crawler
    from twisted.internet.error import TimeoutError as TwistedTimeout

    crawler = get_crawler(settings_dict={"FEEDS": {str(tmp_path / "d.jsonl"): {"format": "jsonlines"}}})
    middleware = IncrementalMiddleware.from_crawler(crawler)

    def attachment(name: str) -> Request:
        return Request(f"http://a/{name}", meta={"role": "attachment", "parent_url": "http://a/page.html"})

    middleware.process_response(attachment("busy.pdf"), Response("http://a/busy.pdf", status=503))
    middleware.process_response(attachment("gone.pdf"), Response("http://a/gone.pdf", status=404))
    middleware.process_exception(attachment("slow.pdf"), TwistedTimeout())
    missing = FetchedDocument(url="http://a/f.doc", parent_url="http://a/page.html")
    middleware.item_dropped(missing, None, AttachmentSkipped("converter_missing", "…"), None)
    bad = FetchedDocument(url="http://a/locked.pdf", parent_url="http://a/page.html")
    middleware.item_dropped(bad, None, AttachmentSkipped("encrypted", "…"), None)
    cut = FetchedDocument(url="http://a/half.pdf", parent_url="http://a/page.html")
    middleware.item_dropped(cut, None, AttachmentSkipped("truncated", "…"), None)  # a standing fault: not retried
    assert {url: entry.reason for url, entry in middleware.store.retry.items()} == {
        "http://a/busy.pdf": "http_503",
        "http://a/slow.pdf": "TimeoutError",
        "http://a/f.doc": "converter_missing",
    }
    assert "http://a/page.html" in middleware.store.forgotten
