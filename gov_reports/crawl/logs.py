"""A crawl's log at the default level: what happened, not how Scrapy is set up, and failures at their weight.

- Expected failures are no ERROR: a 500 or a dead host after Scrapy's retries is WARNING
  (RETRY_GIVE_UP_LOG_LEVEL in gov_reports.crawl.settings), an unreachable robots.txt too (`ExpectedFailures`
  lowers Scrapy's ERROR with a traceback to a WARNING line); each is counted in the crawl summary.
- A dropped item is logged by its reason, not by its repr (`QuietLogFormatter`).
- `quiet_scrapy_setup` silences the start-up dump (versions, overridden settings, enabled components)
  unless the user asked for it (-v).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy.logformatter import LogFormatter

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler

# Scrapy's loggers that describe its set-up at INFO: the versions, "Overridden settings", "Enabled …".
SETUP_LOGGERS = ("scrapy.utils.log", "scrapy.crawler", "scrapy.middleware", "scrapy.addons", "scrapy.extensions.telnet")
ROBOTS_LOGGER = "scrapy.downloadermiddlewares.robotstxt"


def quiet_scrapy_setup(quiet: bool = True) -> None:
    for name in SETUP_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING if quiet else logging.NOTSET)


class QuietLogFormatter(LogFormatter):
    """Scrapy's log formatter, without the item in a dropped item's line (a record's repr is kilobytes)."""

    def dropped(self, item: Any, exception: BaseException, response: Any, spider: Any) -> Any:
        entry = super().dropped(item, exception, response, spider)
        if entry is not None:
            entry = {**entry, "msg": "Dropped: %(exception)s", "args": {"exception": exception}}
        return entry


class _ExpectedFailureFilter(logging.Filter):
    """An unreachable robots.txt is the host's failure, not ours: WARNING, one line (the traceback at DEBUG)."""

    def __init__(self, keep_traceback: bool) -> None:
        super().__init__()
        self.keep_traceback = keep_traceback

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.ERROR and record.getMessage().startswith("Error downloading"):
            record.levelno, record.levelname = logging.WARNING, "WARNING"
            if not self.keep_traceback:
                record.exc_info, record.exc_text = None, None
        return True


class ExpectedFailures:
    """Extension: install the filter above for the crawl's lifetime (on the logger, kept by this object)."""

    def __init__(self, *, keep_traceback: bool) -> None:
        self.filter = _ExpectedFailureFilter(keep_traceback=keep_traceback)
        logger = logging.getLogger(ROBOTS_LOGGER)
        if not any(isinstance(f, _ExpectedFailureFilter) for f in logger.filters):
            logger.addFilter(self.filter)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(keep_traceback=crawler.settings.get("LOG_LEVEL") == "DEBUG")
