"""`--years 2016-2024`: keep a backfill to the report years asked for.

The spider drops report links whose listing title names a year outside the
range (no download at all); `YearRangePipeline` drops records whose extracted
year is outside it (titles that name no year are fetched, then judged on the
page). Both count under `gov_reports/skipped/year_out_of_range`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from scrapy.exceptions import DropItem, NotConfigured

from gov_reports.crawl.summary import SKIPPED
from gov_reports.model.record import AnnualReport

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)
_RANGE_RE = re.compile(r"^\s*(\d{4})\s*(?:(-|–|\.\.)\s*(\d{4})?)?\s*$")


@dataclass(frozen=True)
class YearRange:
    """Inclusive report-year range; an open end (or no range at all) admits everything on that side."""

    first: int | None = None
    last: int | None = None

    @classmethod
    def parse(cls, text: Any) -> YearRange:
        """'2016-2024', '2020' (one year), '2016-' (from 2016 on); empty or None: every year."""
        if text is None or not str(text).strip():
            return cls()
        match = _RANGE_RE.match(str(text))
        if not match:
            raise ValueError(f"years must look like 2016-2024, 2020 or 2016-, got {text!r}")
        first = int(match.group(1))
        last = first if not match.group(2) else (int(match.group(3)) if match.group(3) else None)
        if last is not None and last < first:
            raise ValueError(f"years {text!r}: the range ends before it starts")
        return cls(first, last)

    def __str__(self) -> str:
        return f"{self.first or ''}-{self.last or ''}"

    @property
    def unbounded(self) -> bool:
        return self.first is None and self.last is None

    def admits(self, year: int | None) -> bool:
        """Unknown years are admitted: the page itself decides (YearRangePipeline)."""
        if year is None:
            return True
        return (self.first is None or year >= self.first) and (self.last is None or year <= self.last)


class YearRangePipeline:
    """Drop records whose report year lies outside GOV_REPORTS_YEARS."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.years = YearRange.parse(crawler.settings.get("GOV_REPORTS_YEARS"))
        if self.years.unbounded:
            raise NotConfigured  # no message: Scrapy would log a warning for a normal, unfiltered crawl

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, AnnualReport):
            return item
        if self.years.admits(item.year):
            return item
        self.crawler.stats.inc_value(SKIPPED + "year_out_of_range")
        raise DropItem(f"Report year {item.year} outside {self.years}: {item.url}", log_level="INFO")
