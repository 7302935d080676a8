"""An ASP.NET WebForms site (demo site `aspnet`, 资阳市雁江区人民政府): a GridView paged by postback.

The 年报 list (``/gk/default.aspx``) shows four rows a page over three pages; page 2 and 3 are postbacks of
the page's ``<form id="form1">`` (a site-search form comes first) with its ``__VIEWSTATE`` and
``__EVENTVALIDATION``, which the demo server checks; the 下一页 button stays active on the last page. Every
title is cut to 18 characters, so the report pages decide: the look-alikes behind cut titles (the compile
notice, the interpretation, the work plan) are refused by their pages.
Crawled from the column URL and from the home page (首页 → 政务公开 → 政府信息公开年报).
"""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import pytest_twisted
from scrapy.crawler import AsyncCrawlerRunner
from scrapy.utils.defer import deferred_from_coro

from gov_reports.crawl.progress import format_sources
from gov_reports.crawl.run import crawl_settings
from gov_reports.crawl.spiders.annual_reports import AnnualReportsSpider
from gov_reports.demo.server import DemoPortal
from tests.support.crawling import crawl, read_records

LIST = "/gk/default.aspx"
HIDDEN_RE = re.compile(r'<input type="hidden" name="(__\w+)" id="\w+" value="([^"]*)" />')


def aspnet_reports(expected: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["key"]: r for r in expected["reports"] if r["site"] == "aspnet"}


@pytest.mark.parametrize("start", [LIST, "/"], ids=["column", "home_page"])
@pytest_twisted.inlineCallbacks
def test_every_report_of_the_postback_pages_once(
    start: str, demo_portal: DemoPortal, demo_expected: dict[str, Any], tmp_path: Path
):
    output = tmp_path / "aspnet.jsonl"
    since = len(demo_portal.request_log)
    stats = yield deferred_from_coro(crawl([demo_portal.url("aspnet", start)], output))
    records = read_records(output)
    want = aspnet_reports(demo_expected)
    assert len(want) == 7
    assert set(records) == set(want)
    for key, record in records.items():
        assert record["published"] == want[key]["published"], key
        assert want[key]["published_source"] == "label"
        assert record["format"] == want[key]["format"], key
        assert record["url"] == demo_portal.url("aspnet", want[key]["best_path"]), key
    urls = {u for r in records.values() for u in r["urls"]}
    traps = [t for t in demo_expected["traps"] if t["site"] == "aspnet"]
    assert len(traps) == 4
    assert not {demo_portal.url("aspnet", t["path"]) for t in traps} & urls
    # Page 2, page 3, and the last page's 下一页 (answered with page 3 again): three postbacks, none refused.
    posts = [(path, status) for site, method, path, status in demo_portal.request_log[since:] if method == "POST"]
    assert posts == [(LIST, 200)] * 3
    ended = {k: v for k, v in stats.items() if k.startswith("gov_reports/listing_ended/")}
    assert ended == {"gov_reports/listing_ended/aspnet/repeated_page": 1}
    # Cut titles fetched and refused by their pages: the compile notice, the interpretation (listed by the same
    # cut text as the 2021 report) and the work plan; 「政府信息公开工作年度报告制度」 is whole, refused as a link.
    refused = {k.rsplit("/", 1)[-1]: v for k, v in stats.items() if k.startswith("gov_reports/refused/")}
    assert refused == {"compilation_notice": 1, "interpretation": 1, "plan": 1}
    assert stats["gov_reports/skipped/trap_link"] == 1
    lines = "\n".join(format_sources(stats))
    assert "adapter aspnet" in lines and "7 reports" in lines
    if start == "/":
        assert f"column found: {demo_portal.url('aspnet', LIST)}" in lines


async def crawl_with(start_urls: Sequence[str], output: Path, **spider_args: Any) -> dict[str, Any]:
    """tests.support.crawling.crawl with spider arguments (max_listing_pages)."""
    settings = crawl_settings(output, overwrite=False, jobdir=None, overrides=[], local=True)
    settings.set("LOG_LEVEL", "WARNING", priority="cmdline")
    crawler = AsyncCrawlerRunner(settings).create_crawler(AnnualReportsSpider)
    await crawler.crawl_async(start_urls=list(start_urls), **spider_args)
    assert crawler.stats is not None
    return crawler.stats.get_stats()


@pytest_twisted.inlineCallbacks
def test_the_list_page_budget_ends_the_postbacks(
    demo_portal: DemoPortal, demo_expected: dict[str, Any], tmp_path: Path
):
    output = tmp_path / "budget.jsonl"
    stats = yield deferred_from_coro(crawl_with([demo_portal.url("aspnet", LIST)], output, max_listing_pages=2))
    assert stats["gov_reports/listing_pages"] == 2
    assert stats["gov_reports/listing_ended/aspnet/page_budget"] == 1
    first_two = {r["key"] for r in aspnet_reports(demo_expected).values() if "page 3" not in r["note"]}
    assert set(read_records(output)) == first_two and len(first_two) == 4


def _post(url: str, form: dict[str, str]) -> tuple[int, str]:
    request = urllib.request.Request(url, data=urllib.parse.urlencode(form).encode())
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def test_the_demo_server_checks_the_view_state_and_answers_the_page_asked_for(demo_portal: DemoPortal) -> None:
    url = demo_portal.url("aspnet", LIST)
    with urllib.request.urlopen(url, timeout=10) as response:
        first = dict(HIDDEN_RE.findall(response.read().decode("utf-8")))
    hidden = {"__EVENTTARGET", "__EVENTARGUMENT", "__VIEWSTATE", "__VIEWSTATEGENERATOR", "__EVENTVALIDATION"}
    assert set(first) == hidden
    grid = "ctl00$ContentPlaceHolder1$GridView1"

    def post(state: dict[str, str], target: str, argument: str) -> tuple[int, str]:
        return _post(url, {**state, "__EVENTTARGET": target, "__EVENTARGUMENT": argument})

    status, page3 = post(first, grid, "Page$3")  # page 1 offers 2 and 3
    assert status == 200 and "第3/3页" in page3
    status, page2 = post(first, grid, "Page$2")
    assert status == 200 and "第2/3页" in page2
    # The view state did not come back, or another page's event validation, or a postback page 1 did not offer.
    assert post({k: v for k, v in first.items() if k != "__VIEWSTATE"}, grid, "Page$2")[0] == 500
    second = dict(HIDDEN_RE.findall(page2))
    assert post({**first, "__EVENTVALIDATION": second["__EVENTVALIDATION"]}, grid, "Page$2")[0] == 500
    assert post(first, grid, "Page$4")[0] == 500
    assert post(first, "ctl00$ContentPlaceHolder1$lbtnPrev", "")[0] == 500  # page 1's 上一页 is disabled
    # 下一页 from the last page answers the last page again.
    status, again = post(dict(HIDDEN_RE.findall(page3)), "ctl00$ContentPlaceHolder1$lbtnNext", "")
    assert status == 200 and again == page3
