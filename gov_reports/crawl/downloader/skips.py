"""Requests refused by a downloader middleware, with the reason already recorded.

A middleware that gives up on a request (a WAF page after its retries, a
private address, an undecodable page) counts the reason under
`gov_reports/skipped/<reason>` itself and raises `RecordedSkip`: the spider's
errback sees an `IgnoreRequest` it must not count a second time.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy.exceptions import IgnoreRequest

from gov_reports.crawl.summary import SKIPPED

if TYPE_CHECKING:
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)


class RecordedSkip(IgnoreRequest):
    """A refused request whose skip reason is already counted in the stats."""

    def __init__(self, reason: str, url: str) -> None:
        super().__init__(f"{reason}: {url}")
        self.reason = reason
        self.url = url


def skip_request(stats: StatsCollector | None, reason: str, url: str) -> RecordedSkip:
    """Count and log the skip; return the exception for the caller to raise."""
    if stats is not None:
        stats.inc_value(SKIPPED + reason)
    logger.info("Skipped %s: %s", url, reason)
    return RecordedSkip(reason, url)
