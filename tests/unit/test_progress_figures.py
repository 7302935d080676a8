"""The progress display's figures from the crawl stats: reports, pages, errors, rate and ETA (the display on a
terminal and the plain lines are tested through the command in tests/e2e/test_cli_errors.py)."""

from __future__ import annotations


def test_the_display_figures() -> None:
    from gov_reports.crawl.progress_display import crawl_figures, format_eta

    stats = {
        "downloader/response_count": 120,
        "downloader/exception_count": 2,
        "downloader/response_status_count/200": 110,
        "downloader/response_status_count/404": 3,
        "downloader/response_status_count/500": 1,
        "gov_reports/reports_extracted": 17,
    }
    figures = crawl_figures(stats, elapsed=60.0, pending=30)
    assert figures == {"reports": 17, "pages": 120, "errors": 6, "rate": 2.0, "eta": 15.0}
    assert (format_eta(15.0), format_eta(3725), format_eta(None)) == ("0:15", "1:02:05", "–")
