"""Run a real crawl in-process (asyncio reactor, installed by pytest-twisted's --reactor=asyncio)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from scrapy.crawler import AsyncCrawlerRunner

from gov_reports.crawl.run import crawl_settings
from gov_reports.crawl.spiders.annual_reports import AnnualReportsSpider


async def crawl(
    start_urls: Sequence[str],
    output: Path,
    *,
    overwrite: bool = False,
    jobdir: str | None = None,
    overrides: Sequence[str] = (),
) -> dict[str, Any]:
    """Crawl `start_urls` into `output` with the project's settings (local mode); return the stats."""
    settings = crawl_settings(output, overwrite=overwrite, jobdir=jobdir, overrides=list(overrides), local=True)
    settings.set("LOG_LEVEL", "WARNING", priority="cmdline")
    runner = AsyncCrawlerRunner(settings)
    crawler = runner.create_crawler(AnnualReportsSpider)
    await crawler.crawl_async(start_urls=list(start_urls))
    assert crawler.stats is not None
    return crawler.stats.get_stats()


def read_records(path: Path) -> dict[str, dict[str, Any]]:
    """The dump as key -> record; fails if a key appears twice."""
    records: dict[str, dict[str, Any]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert record["key"] not in records, f"duplicate key {record['key']}"
        records[record["key"]] = record
    return records
