"""`--years`: drop records whose report year lies outside the range asked for (gov_reports.model.years)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from scrapy.exceptions import DropItem, NotConfigured

from gov_reports.crawl.summary import SKIPPED
from gov_reports.model.record import AnnualReport
from gov_reports.model.vocabulary import SkipReason
from gov_reports.model.years import YearRange

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector


class YearRangePipeline:
    """Drop records whose report year lies outside GOV_REPORTS_YEARS (titles that name no year are fetched,
    then judged here on the page); counted under `gov_reports/skipped/year_out_of_range`."""

    def __init__(self, stats: StatsCollector, years: YearRange) -> None:
        if years.unbounded:
            raise NotConfigured  # no message: Scrapy would log a warning for a normal, unfiltered crawl
        self.stats = stats
        self.years = years

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler.stats, YearRange.parse(crawler.settings.get("GOV_REPORTS_YEARS")))

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, AnnualReport):
            return item
        if self.years.admits(item.year):
            return item
        self.stats.inc_value(SKIPPED + SkipReason.YEAR_OUT_OF_RANGE)
        raise DropItem(f"Report year {item.year} outside {self.years}: {item.url}", log_level="INFO")
