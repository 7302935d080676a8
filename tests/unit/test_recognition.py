"""Report links recognised by content (ISSUE 13 item 6): broad candidates, the decision on the page.

Every candidate form (a report title, 「关于…的年度报告」, notices carrying the report,
政务公开 wording, 年度 anywhere, short issuers, truncated list titles, bare years and
file links inside a 年报 column) and every trap form (report-formats.md §9 and their
kin) is a case below, on minimal pages of tests/support/recognition_portal.py; the tuned
part of the real corpus (../shared/real-corpus/, never the HOLDOUT files) is read
where present; a crawl of a 年报 column holding each form checks the wiring
(tests/e2e/test_recognition_crawl.py).
"""

from __future__ import annotations

from typing import Any

import pytest

from gov_reports.crawl.portals import parse_listing
from gov_reports.extract.clean import clean_html, clean_text
from gov_reports.extract.documents import read_document
from gov_reports.extract.page import NotAReport, Page, PageSource, RefusedPage, extract
from gov_reports.extract.recognition import (
    decide,
    is_annual_column_page,
    is_article_url,
    is_candidate_link,
    link_verdict,
    title_kind,
)
from tests.support.real_corpus_support import HOLDOUT, TUNED_REPORTS, TUNED_TRAPS, corpus_file
from tests.support.recognition_portal import (
    article,
    old_report_paragraphs,
    report_paragraphs,
    signature,
    table,
)

# --------------------------------------------------------------------------- candidates in listing pages

COLUMN_LINK = "http://www.hulin.gov.cn/xxgk/nb/2022/0125/4101.html"


@pytest.mark.parametrize(
    ("title", "url", "in_column", "verdict"),
    [
        # The report's own name, in its variants (report-formats.md §8) and beyond.
        ("哈尔滨市2020年政府信息公开工作年度报告", COLUMN_LINK, False, "candidate"),
        ("秦皇岛市政府信息公开工作2017年度报告", COLUMN_LINK, False, "candidate"),
        ("关于2020年度政府信息公开情况的报告", COLUMN_LINK, False, "candidate"),
        ("关于市民政局信息公开的年度报告", COLUMN_LINK, False, "candidate"),
        ("关于2022年政务公开工作的年度报告", COLUMN_LINK, False, "candidate"),
        # A notice whose body is the report.
        ("关于印发虎林市2020年政府信息公开工作年度报告的通知", COLUMN_LINK, False, "candidate"),
        ("关于公布虎林市2021年度政府信息公开工作年度报告的公告", COLUMN_LINK, False, "candidate"),
        # 政务公开 wording.
        ("虎林市2021年政务公开工作年度报告", COLUMN_LINK, False, "candidate"),
        ("虎林市审计局2022年度政务公开工作报告", COLUMN_LINK, False, "candidate"),
        # 年度 placed anywhere, short issuers.
        ("政府信息公开工作年度报告（2021年）", COLUMN_LINK, False, "candidate"),
        ("年度报告2021——虎林市教育局", COLUMN_LINK, False, "candidate"),
        ("审计局2021年报", COLUMN_LINK, False, "candidate"),
        ("2021年报_审计局", COLUMN_LINK, False, "candidate"),
        ("教育局2020年度报告", COLUMN_LINK, False, "candidate"),
        ("虎林市虎头镇2021年度", COLUMN_LINK, True, "candidate"),
        # Truncated list titles (no title attribute).
        ("虎林市财政局2020年政府信息公…", COLUMN_LINK, False, "candidate"),
        ("平潭综合实验区2021年度政府信息...", COLUMN_LINK, False, "candidate"),
        ("…年度报告…", COLUMN_LINK, False, "candidate"),
        # Bare years inside a 年报 column, not elsewhere.
        ("2021年", COLUMN_LINK, True, "candidate"),
        ("2020年度", COLUMN_LINK, True, "candidate"),
        ("（2019年）", COLUMN_LINK, True, "candidate"),
        ("2018", COLUMN_LINK, True, "candidate"),
        ("2021年", COLUMN_LINK, False, None),
        # …but a bare year that points at a column is a sub-column, read as a list page, never fetched as a report.
        ("2022年度", "http://www.hulin.gov.cn/xxgk/nb/zjnb/2022/index.html", True, None),
        ("2021年", "http://www.hulin.gov.cn/xxgk/nb/2021/", True, None),
        # File links inside a 年报 column, not elsewhere.
        ("附件下载", "http://www.hulin.gov.cn/uploadfiles/2022/01/hl2021nb.pdf", True, "candidate"),
        ("点击下载", "http://www.hulin.gov.cn/uploadfiles/nb2019.docx", True, "candidate"),
        ("附件下载", "http://www.hulin.gov.cn/uploadfiles/2022/01/hl2021nb.pdf", False, None),
        # Look-alikes that only the page can tell: fetched, then refused by content.
        ("关于2014年政府信息公开工作要点落实情况的函", COLUMN_LINK, True, "candidate"),
        ("关于做好2021年度政府信息公开工作年度报告编制发布工作的通知", COLUMN_LINK, False, "candidate"),
        ("虎林市人民政府网站2021年政务公开工作年度报告", COLUMN_LINK, False, "candidate"),
        ("虎林市法治政府建设2021年度报告", COLUMN_LINK, False, "candidate"),
        # Report-formats.md §9 traps, refused by the title alone.
        ("文字解读：哈尔滨市2021年政府信息公开工作年度报告", COLUMN_LINK, True, "trap"),
        ("【图解】哈尔滨市2021年政府信息公开工作年度报告", COLUMN_LINK, True, "trap"),
        ("哈尔滨市政府信息公开工作年度报告制度", COLUMN_LINK, True, "trap"),
        (
            "国务院办公厅政府信息与政务公开办公室关于印发《中华人民共和国政府信息公开工作年度报告格式》的通知",
            COLUMN_LINK,
            True,
            "trap",
        ),
        ("秦皇岛市人民政府门户网站2021年政府网站工作年度报表", COLUMN_LINK, True, "trap"),
        ("秦皇岛市财政局2022年上半年政府信息公开数据统计", COLUMN_LINK, True, "trap"),
        ("哈尔滨市2022年政府信息公开工作年度报告（征求意见稿）", COLUMN_LINK, True, "trap"),
        # Clearly not reports: navigation, column names, contact pages, news of meetings.
        ("首页", "http://www.hulin.gov.cn/index.html", True, None),
        ("更多>>", "http://www.hulin.gov.cn/xxgk/nb/more.html", True, None),
        ("下一页", "http://www.hulin.gov.cn/xxgk/nb/list.html?page=2", True, None),
        ("2", "http://www.hulin.gov.cn/xxgk/nb/list.html?page=2", True, None),
        ("联系我们", "http://www.hulin.gov.cn/lxwm.html", True, None),
        ("网站地图", "http://www.hulin.gov.cn/wzdt.html", True, None),
        ("公安备案号：35012899001-19002", "http://www.beian.gov.cn/portal", True, None),
        ("政府信息 公开指南", "http://www.hulin.gov.cn/xxgk/zn/", True, None),
        ("政府信息 公开制度", "http://www.hulin.gov.cn/xxgk/zd/", True, None),
        ("部门年报", "http://www.hulin.gov.cn/xxgk/nb/bmnb/", True, None),
        ("虎林市召开政务公开工作推进会", COLUMN_LINK, True, None),
        ("江干区召开2021年政务公开工作部署会", COLUMN_LINK, True, None),
    ],
)
def test_link_verdict(title: str, url: str, in_column: bool, verdict: str | None) -> None:
    assert link_verdict(title, url, in_column) == verdict
    assert is_candidate_link(title, url, in_column) is (verdict == "candidate")


@pytest.mark.parametrize(
    ("html", "url", "annual"),
    [
        ("<title>政府信息公开年报_哈尔滨市人民政府</title>", "http://www.harbin.gov.cn/col/col4971/index.html", True),
        ("<title>部门年报_秦皇岛市人民政府</title>", "http://www.qhd.gov.cn/zwgk/bmnb/index.shtml", True),
        (
            "<title>政府信息公开年度报告 - 杭州市江干区人民政府</title>",
            "http://www.jianggan.gov.cn/zwgk/list.html",
            True,
        ),
        ("<title>栏目</title><div>当前位置：<a>首页</a> > <a>政府信息公开年报</a></div>", "http://x.gov.cn/a/", True),
        ("<title>虎林市人民政府</title>", "http://www.hulin.gov.cn/zwgk/zfxxgknb/index.html", True),
        ("<title>虎林市人民政府</title>", "http://www.hulin.gov.cn/index.html", False),
        ("<title>政务公开_虎林市人民政府</title>", "http://www.hulin.gov.cn/zwgk/index.html", False),
    ],
)
def test_annual_column_page(html: str, url: str, annual: bool) -> None:
    assert is_annual_column_page(html, url) is annual


@pytest.mark.parametrize(
    ("url", "article"),
    [
        ("http://x.gov.cn/xxgk/nb/2022/0125/4101.html", True),
        ("http://x.gov.cn/zwgk/zfxxgknb/202203/t20220325_5020.html", True),
        ("http://x.gov.cn/art/2022/3/28/art_4971_1011.html", True),
        ("http://x.gov.cn/gkmlpt/content/1/1234/post_1234567.html", True),
        ("http://x.gov.cn/module/xxgk/xxgkAnnualReport.jsp?fbtime=2021&area=11330000002482870A", True),
        ("http://x.gov.cn/show.aspx?id=12", True),
        ("http://x.gov.cn/module/xxgk/search.jsp?infotypeId=A001&currpage=2", False),
        ("http://x.gov.cn/xxgk/nb/2020nd/index.html", False),
        ("http://x.gov.cn/xxgk/nb/2021/", False),
        ("http://x.gov.cn/col/col4971/index.html", False),
    ],
)
def test_article_url(url: str, article: bool) -> None:
    assert is_article_url(url) is article


# --------------------------------------------------------------------------- the decision on the page

SALUTE = "<p>各乡镇人民政府，市直各单位：</p>"
SIG = signature("虎林市人民政府", "2022年2月10日")


def page_case(name: str, title: str | None, body: list[str], reason: str, listing: str | None = None) -> Any:
    return pytest.param(article(title, body), listing, reason, id=name)


DECISION_CASES = [
    # Reports, whatever their title says.
    page_case("report_title", "虎林市2021年政府信息公开工作年度报告", report_paragraphs(2021) + SIG, "report"),
    page_case(
        "notice_carrying_the_report",
        "关于印发虎林市2021年政府信息公开工作年度报告的通知",
        [
            SALUTE,
            "<p>现将《虎林市2021年政府信息公开工作年度报告》印发给你们，请认真贯彻执行。</p>",
            *report_paragraphs(2021),
            *SIG,
        ],
        "report",
    ),
    page_case("zhengwu_wording", "虎林市2021年政务公开工作年度报告", report_paragraphs(2021) + SIG, "report"),
    page_case(
        "website_zhengwu_report_with_report_content",
        "虎林市人民政府网站2021年政务公开工作年度报告",
        report_paragraphs(2021) + SIG,
        "report",
    ),
    page_case("about_annual_report", "关于市民政局信息公开的年度报告", old_report_paragraphs(2017) + SIG, "report"),
    page_case("bare_year_listing", None, report_paragraphs(2021) + SIG, "report", listing="2021年"),
    page_case(
        "truncated_listing",
        "虎林市财政局2020年政府信息公开工作年度报告",
        report_paragraphs(2020),
        "report",
        listing="虎林市财政局2020年政府信…",
    ),
    page_case("short_issuer_title", "审计局2019年报", old_report_paragraphs(2019) + SIG, "report"),
    # Look-alikes: the §9 traps…
    page_case(
        "interpretation", "图解：虎林市2021年政府信息公开工作年度报告", report_paragraphs(2021), "interpretation"
    ),
    page_case(
        "rule",
        "虎林市政府信息公开工作年度报告制度",
        ["<p>第一条 为规范政府信息公开工作年度报告，依据《中华人民共和国政府信息公开条例》，制定本制度。</p>"],
        "rule",
    ),
    page_case(
        "format_notice_by_body",
        None,
        [
            "<p>各省、自治区、直辖市人民政府办公厅：</p>",
            "<p>现将《中华人民共和国政府信息公开工作年度报告格式》印发给你们，请遵照执行。</p>",
            *report_paragraphs(2021),
        ],
        "format_notice",
        listing="2021年",
    ),
    page_case(
        "period_statistics", "虎林市2022年上半年政府信息公开数据统计", report_paragraphs(2022), "period_statistics"
    ),
    page_case(
        "website_yearly_form", "虎林市人民政府网站2021年政府网站工作年度报表", ["<p>网站名称</p>"], "website_report"
    ),
    page_case(
        "website_zhengwu_report_by_body",
        "虎林市人民政府网站2021年政务公开工作年度报告",
        [
            table(
                [
                    ["网站名称", "虎林市人民政府"],
                    ["首页网址", "http://www.hulin.gov.cn"],
                    ["主办单位", "虎林市人民政府办公室"],
                    ["独立用户访问总量", "123456"],
                ]
            ),
            "<p>全年主动公开政府信息1200条，依申请公开3件。</p>",
        ],
        "website_report",
    ),
    page_case("draft", "虎林市2022年政府信息公开工作年度报告（征求意见稿）", report_paragraphs(2022), "draft"),
    # …and their kin: notices about compiling the reports, letters, plans, summaries, work reports…
    page_case(
        "compilation_notice_by_title",
        "关于做好2021年度政府信息公开工作年度报告编制发布工作的通知",
        [SALUTE, "<p>根据《中华人民共和国政府信息公开条例》，现就有关事项通知如下：</p>"],
        "compilation_notice",
    ),
    page_case(
        "compilation_notice_by_body",
        None,
        [
            SALUTE,
            "<p>为做好2021年度政府信息公开工作年度报告编制发布工作，依据《中华人民共和国政府信息公开条例》，现将有关事项通知如下：</p>",
            "<p>统计期限为2021年1月1日至2021年12月31日。请各单位于2022年1月20日前报送。特此通知。</p>",
        ],
        "compilation_notice",
        listing="2022年",
    ),
    page_case(
        "letter_by_title",
        "关于2021年政府信息公开工作要点落实情况的函",
        ["<p>市政务公开办：</p><p>现将我局2021年政府信息公开工作要点落实情况报告如下：主动公开政府信息300条。</p>"],
        "letter",
    ),
    page_case(
        "letter_by_body",
        None,
        [
            "<p>省政府办公厅：</p>",
            "<p>根据《中华人民共和国政府信息公开条例》，现将我市2014年政府信息公开工作情况函告如下：主动公开政府信息5300条。</p>",
        ],
        "letter",
        listing="2014年",
    ),
    page_case(
        "plan_by_title",
        "虎林市2022年政务公开工作要点",
        ["<p>一、深化主动公开。二、规范依申请公开。</p>"],
        "plan",
    ),
    page_case(
        "plan_by_body",
        None,
        [SALUTE, "<p>现将《虎林市2022年政务公开工作要点》印发给你们，请结合实际认真贯彻落实。主动公开政府信息。</p>"],
        "plan",
        listing="2022年",
    ),
    page_case(
        "work_summary",
        "虎林市民政局2021年度工作总结",
        ["<p>一年来，我局扎实推进政务公开，主动公开政府信息120条，依申请公开2件。</p>"],
        "work_summary",
    ),
    page_case(
        "work_report_rule_of_law",
        "虎林市司法局关于2021年度法治政府建设工作情况的报告",
        ["<p>我局推进政务公开，主动公开政府信息，依申请公开按时答复，依据《中华人民共和国政府信息公开条例》。</p>"],
        "work_report",
    ),
    page_case(
        "work_report_government",
        "虎林市2023年政府工作报告",
        ["<p>过去一年，我们深化政务公开，主动公开政府信息。</p>"],
        "work_report",
    ),
    page_case(
        "other_annual_report",
        "虎林市法治政府建设2021年度报告",
        ["<p>全面推进政务公开，主动公开政府信息，依法办理依申请公开。</p>"],
        "other_annual_report",
    ),
    page_case(
        "other_notice",
        "关于开展2022年政务公开第三方评估工作的通知",
        [SALUTE, "<p>为推进政务公开，提高主动公开和依申请公开质量，现将有关事项通知如下。</p>"],
        "notice",
    ),
    # …budgets and final accounts, guides.
    page_case(
        "budget_by_title",
        "虎林市民政局2021年度部门决算",
        ["<p>主动公开部门决算，接受社会监督。</p>"],
        "budget",
    ),
    page_case(
        "budget_by_body",
        None,
        ["<p>一、收入支出决算总表</p>", table([["项目", "决算数"], ["一般公共预算财政拨款收入", "307.82"]])],
        "budget",
        listing="附件2",
    ),
    page_case(
        "guide_by_title",
        "虎林市人民政府政府信息公开指南",
        ["<p>一、主动公开。二、依申请公开。受理机构：市政府办公室。办公时间：工作日。联系电话：0467-5822222。</p>"],
        "guide",
    ),
    page_case(
        "guide_by_body",
        None,
        [
            "<p>本指南依据《中华人民共和国政府信息公开条例》编制。</p>",
            "<p>一、主动公开。二、依申请公开：受理机构为市政府办公室，办公时间为工作日，联系电话0467-5822222。</p>",
        ],
        "guide",
        listing="2021年",
    ),
    # A candidate whose page carries no report evidence at all.
    page_case(
        "no_report_evidence",
        "虎林市民政局开展政务公开日活动",
        ["<p>9月28日，市民政局开展政务公开日活动，主动公开政府信息。</p>"],
        "no_report_evidence",
        listing="2019年",
    ),
]


@pytest.mark.parametrize(("html", "listing", "reason"), DECISION_CASES)
def test_decision_on_the_page(html: str, listing: str | None, reason: str) -> None:
    url = "http://www.hulin.gov.cn/xxgk/nb/2022/0210/4300.html"
    decision = decide(clean_html(html, url), listing_title=listing)
    assert (decision.is_report, decision.reason) == (reason == "report", reason), decision.evidence
    source = PageSource(url=url, listing_title=listing)
    if reason == "report":
        assert extract(Page(html, kind="html", source=source)).year is not None
    else:
        with pytest.raises(RefusedPage) as refused:
            extract(Page(html, kind="html", source=source))
        assert refused.value.reason == reason


def test_decision_says_what_it_read() -> None:
    url = "http://www.hulin.gov.cn/xxgk/nb/2022/0210/4300.html"
    title = "虎林市2021年政府信息公开工作年度报告"
    decision = decide(clean_html(article(title, report_paragraphs(2021)), url))
    assert decision.title == title
    assert {"title", "six_headings", "stat_period", "regulation", "tables"} <= set(decision.evidence)
    letter = decide(clean_html(article("关于2021年政府信息公开工作要点落实情况的函", ["<p>主动公开。</p>"]), url))
    assert letter.evidence[0] == "title_kind:letter"


def test_page_without_report_words_is_still_a_plain_skip() -> None:
    """「not_report_text」 stays a skip (as before), not a refusal: nothing in the page reads as a report."""
    html = article("2021年", ["<p>今日天气晴。</p>"])
    with pytest.raises(NotAReport) as raised:
        extract(Page(html, kind="html", source=PageSource(url="http://www.hulin.gov.cn/a/2021/0101/1.html")))
    assert raised.value.reason == "not_report_text" and not isinstance(raised.value, RefusedPage)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("虎林市统计局2021年政府信息公开工作年度报告", None),  # subject words inside the issuer's name
        ("虎林市住房和城乡建设局2021年度报告", None),
        ("虎林市司法局2021年人大代表建议办理情况报告", "work_report"),
        ("虎林市人民政府网站2021年政务公开工作年度报告", None),  # 政务公开 wording: decided by the content
        ("平潭综合实验区国有资产管理局关于2022年度国资国企监管工作情况的报告", "work_report"),
        ("关于2020年度政府信息公开情况的报告", None),
        ("秦皇岛市2021年政府信息公开工作年度报告（更正）", None),
        ("2024 年度部门决算", "budget"),
    ],
)
def test_title_kind(title: str, kind: str | None) -> None:
    assert title_kind(title) == kind


# --------------------------------------------------------------------------- the real corpus (tuned part only)


def test_tuned_files_are_not_holdout() -> None:
    assert not HOLDOUT & {*TUNED_TRAPS, *TUNED_REPORTS}


def corpus_page(name: str) -> Any:
    path = corpus_file(name)
    if path.suffix == ".pdf":
        return clean_text(read_document(path.read_bytes(), name=name).text)
    return clean_text(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(TUNED_TRAPS))
def test_real_trap_refused_by_content(name: str) -> None:
    decision = decide(corpus_page(name))
    assert (decision.is_report, decision.reason) == (False, TUNED_TRAPS[name]), decision.evidence


@pytest.mark.parametrize("name", TUNED_REPORTS)
def test_real_report_recognised(name: str) -> None:
    decision = decide(corpus_page(name))
    assert decision.is_report, decision


def test_real_column_page_links() -> None:
    """The real 年报 column page: its ten report links are candidates, its navigation none."""
    url = "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/"
    html = corpus_file("pingtan_zfxxgknb_list.html").read_text(encoding="utf-8")
    assert is_annual_column_page(html, url)
    links = parse_listing(html, url).links
    candidates = [link for link in links if link_verdict(link.title, link.url, True) == "candidate"]
    assert len(candidates) == 10
    assert all("/zfxxgknb/20" in link.url and "年度报告" in link.title for link in candidates)


# --------------------------------------------------------------------------- the crawl
