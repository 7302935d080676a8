"""Which links of a 年报 column page are its sub-columns (portals.subcolumns), and discovery by path token."""

from __future__ import annotations

import pytest

from gov_reports.crawl.portals.base import ListingLink
from gov_reports.crawl.portals.discovery import discover
from gov_reports.crawl.portals.subcolumns import is_subcolumn_name, looks_like_annual_column, subcolumn_links

HOST = "http://www.example.gov.cn"
COLUMN = f"{HOST}/zwgk/zfxxgknb/index.html"


def found(*links: tuple[str, str], page: str = COLUMN) -> list[str]:
    return [link.url for link in subcolumn_links([ListingLink(url=HOST + h, title=t) for h, t in links], page)]


@pytest.mark.parametrize(
    "name",
    [
        "部门年报",
        "市本级",
        "区政府年报",
        "镇街年报",
        "乡镇（街道）",
        "2022年度",
        "2021年",
        "区 教育 委员会",
        "九龙镇",
        "市民政局",
    ],
)
def test_sub_column_names(name: str) -> None:
    assert is_subcolumn_name(name)


@pytest.mark.parametrize(
    "name", ["虎林市2020年政府信息公开工作年度报告", "首页", "下一页", "更多", "政务公开", "", "关于做好年报编制的通知"]
)
def test_not_sub_column_names(name: str) -> None:
    assert not is_subcolumn_name(name)


def test_departments_inside_the_column_are_sub_columns_but_not_in_navigation_elsewhere() -> None:
    assert found(("/zwgk/zfxxgknb/bmnb/jw/index.html", "区教育委员会"), ("/jgsz/jw/index.html", "区教育委员会")) == [
        f"{HOST}/zwgk/zfxxgknb/bmnb/jw/index.html"
    ]


def test_level_names_and_tokens_count_anywhere_on_the_host_but_never_the_parent_or_another_host() -> None:
    page = f"{HOST}/col/col4971/index.html"  # Hanweb: sub-columns are sibling /col/col{id}/ directories
    assert found(
        ("/col/col5000/index.html", "市本级"),
        ("/col/col5001/index.html", "2020年"),
        ("/", "首页"),
        page=page,
    ) == [f"{HOST}/col/col5000/index.html", f"{HOST}/col/col5001/index.html"]
    sub = f"{HOST}/zwgk/zfxxgknb/bmnb/index.html"
    assert found(("/zwgk/zfxxgknb/index.html", "政府信息公开年报"), ("/zwgk/zfxxgknb/qzfnb/", "区政府"), page=sub) == [
        f"{HOST}/zwgk/zfxxgknb/qzfnb/"
    ]
    other = [ListingLink(url="http://other.gov.cn/zwgk/zfxxgknb/bmnb/index.html", title="部门年报")]
    assert subcolumn_links(other, COLUMN) == []


def test_report_pages_and_files_are_never_sub_columns() -> None:
    assert (
        found(
            ("/zwgk/zfxxgknb/bmnb/202301/t20230130_5130.shtml", "市财政局"),
            ("/zwgk/zfxxgknb/2022/1753311688616128514.html", "2022年"),
            ("/zwgk/zfxxgknb/bmnb/report.pdf", "部门年报"),
        )
        == []
    )


def test_a_start_page_is_a_column_by_path_token_or_title_and_a_home_page_is_not() -> None:
    assert looks_like_annual_column(f"{HOST}/zwgk/zfxxgknb/index.html", "<title>九龙坡</title>")
    assert looks_like_annual_column(f"{HOST}/col/col4971/index.html", "<title>政府信息公开年报-哈尔滨</title>")
    assert not looks_like_annual_column(f"{HOST}/", "<html><title>哈尔滨市人民政府</title>")


def test_discovery_finds_a_column_by_its_path_token_but_not_pages_under_it() -> None:
    links = [
        ListingLink(url=f"{HOST}/zwgk/xxgknb/", title="专题专栏"),
        ListingLink(url=f"{HOST}/zwgk/zfxxgknb/qzfnb/index.html", title="信息公开"),
        ListingLink(url="http://elsewhere.cn/ndbg/", title="外部链接"),
    ]
    assert [c.url for c in discover(links, f"{HOST}/").columns] == [f"{HOST}/zwgk/xxgknb/"]
