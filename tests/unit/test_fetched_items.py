"""What the crawl hands the pipelines: a fetched page or file, whose repr (what Scrapy logs for a dropped item)
leaves its content out."""

from __future__ import annotations

from gov_reports.model.record import FetchedDocument, FetchedPage


def test_dropped_items_are_logged_without_their_content() -> None:
    # Scrapy logs a dropped item whole: a page's HTML or a file's bytes would flood the crawl log.
    assert "<html" not in repr(FetchedPage(url="http://127.0.0.1/a.html", text="<html>" * 1000))
    assert "%PDF" not in repr(FetchedDocument(url="http://127.0.0.1/a.pdf", body=b"%PDF-1.4" * 1000))
