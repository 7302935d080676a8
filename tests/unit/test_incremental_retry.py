"""Which skipped files the incremental store lets the next crawl retry (issue 16, item 7): the store's side.

A file skipped for a missing converter or a passing failure is forgotten with its page, so the next crawl
fetches both again; a file failing crawl after crawl is given up. The crawls themselves, run as a user runs
them, are in tests/e2e/test_incremental_retry.py.
"""

from __future__ import annotations

from pathlib import Path

from gov_reports.crawl.downloader.incremental import IncrementalMiddleware, SeenPage, SeenStore
from gov_reports.crawl.pipelines.attachments import AttachmentSkipped
from gov_reports.model.record import FetchedDocument


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
