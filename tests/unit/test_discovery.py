"""Finding the 年报 column from a home page (portals.discovery): column and hub names told apart, hub links
bounded. The crawls from a home page are in tests/e2e/test_discovery.py.
"""

from __future__ import annotations

from gov_reports.crawl.portals.base import ListingLink
from gov_reports.crawl.portals.discovery import MAX_GATEWAYS_PER_PAGE, discover


def links(*pairs: tuple[str, str]) -> list[ListingLink]:
    return [ListingLink(url=f"http://x.gov.cn{href}", title=title) for href, title in pairs]


def test_column_and_hub_names_are_told_apart() -> None:
    found = discover(
        links(
            ("/a", "政府信息公开年报"),
            ("/b", "信息公开年度报告"),
            ("/c", "年报"),
            ("/d", "政务公开"),
            ("/e", " 政府信息公开 "),
            ("/f", "政府信息公开平台"),
            ("/g", "某某市2020年政府信息公开工作年度报告"),  # a report, not a column
            ("/h", "政府信息公开年度报告制度"),  # a trap
            ("/i", "新闻中心"),
            ("/a", "政府信息公开年报"),
        ),
        "http://x.gov.cn/",
    )
    assert [link.url.rsplit("/", 1)[1] for link in found.columns] == ["a", "b", "c"]
    assert [link.url.rsplit("/", 1)[1] for link in found.gateways] == ["d", "e", "f"]


def test_hub_links_per_page_are_bounded_and_self_links_ignored() -> None:
    many = links(*((f"/{i}", "信息公开") for i in range(10)), ("/", "政务公开"))
    found = discover(many, "http://x.gov.cn/")
    assert len(found.gateways) == MAX_GATEWAYS_PER_PAGE
    assert all(not link.url.endswith(".cn/") for link in found.gateways)
