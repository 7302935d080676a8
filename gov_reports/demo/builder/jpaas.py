# ruff: noqa: E501  (HTML templates and Chinese report text: long lines are content)
"""The JPaaS demo site: 湖州市南浔区人民政府's 政府信息公开年报 (reference/portals.md §2.5).

What the crawler meets on a newer 浙江 column (``/col/col{id}/index.html``):

* no list in the page: a ``unitbuild.js`` script tag per unit, its ``url``, ``queryData`` (single-quoted
  JSON, written ``queryData`` on the list unit and ``querydata`` on the navigation unit) and ``paramJson``
  (HTML-escaped JSON with the unit's pageSize); the header carries a navigation unit (tagId 导航) beside the
  list unit (tagId 信息列表);
* the endpoint (gov_reports/demo/endpoints/jpaas.py) answers ``{"success": true, "data": {"html": "<ul>…</ul>"}}``:
  政府信息公开年报 (col1229560123) holds the district's reports, a town's report and three look-alikes over
  three pages of three, and states its ``total``; its sub-column 部门年报 (col1229560124) holds three
  departments' reports and three look-alikes over two pages, states no total and answers its last page
  again when asked for a third (a server that clamps pageNo: the crawler stops on the repeated page);
  乡镇年报 (col1229560125) answers the site's HTML error page with status 200;
* list entries truncate long titles with 「…」 but carry the whole title in ``title``;
* report pages ``/art/{Y}/{M}/{D}/art_{column}_{id}.html`` with ArticleTitle/PubDate meta tags (the
  record's ``published``) and the 信息公开 header table;
* the home page links 政务公开 (a hub, ``Site.hubs``), which links the 年报 column.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from gov_reports.demo.builder.bodies import Modern, Old, spec_body, spec_report
from gov_reports.demo.builder.chrome import footer, menu_tail, meta_table_html, site_metas
from gov_reports.demo.builder.jpaas_reports import (
    COMPILE_NOTICE,
    CZ_2020,
    DISTRICT,
    FINAL_ACCOUNTS,
    INTERPRETATION,
    JY_2022,
    LS_2022,
    MZ_2021,
    NX_2017,
    NX_2020,
    NX_2021,
    NX_2022,
    OFFICE,
    WEBSITE_REPORT,
    WORK_PLAN,
    WORK_SUMMARY,
)
from gov_reports.demo.builder.model import Page, Report, Site, Truth
from gov_reports.demo.builder.text import E

ANNUAL, DEPARTMENTS, TOWNS, HUB = 1229560123, 1229560124, 1229560125, 1229560001
WEB_ID = "3630"
TPL_SET_ID = "5HrZiFGOR8vHklhTYqM4B"
UNIT_PATH = "/api-gateway/jpaas-publish-server/front/page/build/unit"
UNITBUILD_JS = "/cms_files/jcms1/web3630/site/script/AuthorizedRead/unitbuild.js"


def col_path(column: int) -> str:
    return f"/col/col{column}/index.html"


SITE = Site(
    key="jpaas",
    style="jpaas",
    name=DISTRICT,
    domain="www.nanxun.gov.cn",
    idcode="3305030001",
    charset="utf-8",
    encoding="utf-8",
    sponsor="湖州市南浔区人民政府办公室",
    undertaker="湖州市南浔区大数据发展管理局",
    icp="浙ICP备05020718号",
    police="浙公网安备 33050302000102号",
    intro="走进南浔",
    hubs={
        col_path(HUB): (
            "政务公开",
            ["首页", "政务公开"],
            [
                ("政府信息公开指南", "/col/col1229560010/index.html"),
                ("政府信息公开制度", "/col/col1229560011/index.html"),
                ("政府信息公开年报", col_path(ANNUAL)),
            ],
        )
    },
    home_links=[("政务公开", col_path(HUB)), ("走进南浔", "/col/col1229560002/index.html")],
    start=[col_path(ANNUAL)],
)
START = SITE.start


@dataclass(frozen=True)
class Column:
    id: int
    name: str
    page_size: int
    states_total: bool = False
    past_end: str = "empty"  # empty | repeat: what the endpoint answers past the last page
    broken: bool = False  # the endpoint answers an HTML error page

    @property
    def path(self) -> str:
        return col_path(self.id)


COLUMNS = {
    c.id: c
    for c in (
        Column(ANNUAL, "政府信息公开年报", page_size=3, states_total=True),
        Column(DEPARTMENTS, "部门年报", page_size=3, past_end="repeat"),
        Column(TOWNS, "乡镇年报", page_size=3, broken=True),
    )
}


@dataclass(frozen=True)
class Entry:
    """One list entry and the page it links to."""

    column: int
    article: int
    date: str  # list date and the page's PubDate day
    time: str  # the PubDate time
    title: str
    body: str
    source: str
    report: Modern | Old | None = None
    trap: str | None = None  # the trap's kind

    @property
    def path(self) -> str:
        y, m, d = (int(x) for x in self.date.split("-"))
        return f"/art/{y}/{m}/{d}/art_{self.column}_{self.article}.html"

    @property
    def pubdate(self) -> str:
        return f"{self.date} {self.time}"


def _report(column: int, article: int, date: str, time: str, spec: Modern | Old) -> Entry:
    title = f"{spec.issuer}{spec.year}年政府信息公开工作年度报告"
    return Entry(column, article, date, time, title, spec_body(spec), spec.issuer, report=spec)


ENTRIES = [
    _report(ANNUAL, 59126431, "2023-01-16", "09:12", NX_2022),
    _report(ANNUAL, 59120877, "2023-01-13", "16:40", LS_2022),
    Entry(ANNUAL, 59114302, "2023-01-10", "10:05", "南浔区人民政府门户网站政府网站工作年度报表（2022年度）", WEBSITE_REPORT, OFFICE, trap="website_report"),
    Entry(ANNUAL, 59043118, "2022-12-12", "15:30", "关于做好2022年度政府信息公开工作年度报告编制发布工作的通知", COMPILE_NOTICE, OFFICE, trap="compile_notice"),
    Entry(ANNUAL, 58211605, "2022-04-15", "08:50", "湖州市南浔区2022年政务公开工作要点", WORK_PLAN, OFFICE, trap="work_plan"),
    _report(ANNUAL, 57698342, "2022-01-24", "14:26", NX_2021),
    _report(ANNUAL, 55842170, "2021-01-27", "11:03", NX_2020),
    _report(ANNUAL, 51307726, "2018-03-20", "09:45", NX_2017),
    Entry(DEPARTMENTS, 59131250, "2023-01-20", "17:15", "南浔区教育局关于2022年度政府信息公开工作年度报告的解读", INTERPRETATION, "湖州市南浔区教育局", trap="interpretation"),
    _report(DEPARTMENTS, 59128804, "2023-01-19", "10:21", JY_2022),
    _report(DEPARTMENTS, 57684419, "2022-01-20", "15:48", MZ_2021),
    Entry(DEPARTMENTS, 57602233, "2022-01-10", "09:30", "湖州市南浔区民政局2021年工作总结和2022年工作思路", WORK_SUMMARY, "湖州市南浔区民政局", trap="work_summary"),
    _report(DEPARTMENTS, 55861937, "2021-01-22", "16:02", CZ_2020),
    Entry(DEPARTMENTS, 55790016, "2021-01-08", "10:10", "湖州市南浔区财政局2021年度部门预算公开", FINAL_ACCOUNTS, "湖州市南浔区财政局", trap="budget"),
]  # fmt: skip

# -- templates -----------------------------------------------------------------------------------------

NAV_UNIT = (
    f'<script type="text/javascript" id="unit_nav_{WEB_ID}" src="{UNITBUILD_JS}" webid="{WEB_ID}" '
    f'url="{UNIT_PATH}" '
    f"querydata=\"{{'parseType':'bulidstatic','webId':'{WEB_ID}','pageId':'1229560000','tplSetId':'{TPL_SET_ID}','pageType':'index','tagId':'导航','editType':'null'}}\"></script>"
)


def head(title: str, column: str, article: Entry | None = None) -> str:
    metas = site_metas(
        SITE,
        column,
        article.title if article else None,
        article.pubdate if article else None,
        article.source if article else "",
    )
    if article is not None:
        metas += f'\n<meta name="i_columnid" content="{article.column}">\n<meta name="i_articleid" content="{article.article}">'
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{E(title)}_{SITE.name}</title>
{metas}
<script src="/cms_files/jcms1/web3630/site/script/jquery.min.js"></script>
</head>
<body>
<div class="header"><div class="logo">{SITE.name}</div>
{NAV_UNIT}
<div class="nav"><a href="/">首页</a> <span>{SITE.intro}</span> <a href="{col_path(HUB)}">政务公开</a> <span>政务服务</span> <span>互动交流</span></div></div>"""


def crumb(names: list[tuple[str, str]]) -> str:
    links = [f'<a href="{href}">{E(name)}</a>' for name, href in names]
    return '<div class="position">当前位置：' + " &gt; ".join(links) + "</div>"


def column_page(column: Column) -> str:
    trail = [("首页", "/"), ("政务公开", col_path(HUB)), ("政府信息公开年报", col_path(ANNUAL))]
    if column.id != ANNUAL:
        trail.append((column.name, column.path))
    menu = "\n".join(
        f'<li class="{"on" if c.id == column.id else ""}"><a href="{c.path}">{c.name}</a></li>'
        for c in COLUMNS.values()
    )
    query = (
        f"{{'parseType':'bulidstatic','webId':'{WEB_ID}','pageId':'{column.id}','tplSetId':'{TPL_SET_ID}','pageType':'column',"
        "'tagId':'信息列表','editType':'null'}"
    )
    param = E(json.dumps({"pageNo": 1, "pageSize": column.page_size}))
    return f"""{head(column.name, column.name)}
{crumb(trail)}
<div class="main">
<div class="left-menu"><h3>政府信息公开年报</h3><ul>
{menu}
</ul></div>
<div class="right-list">
<div class="lm-title">{column.name}</div>
<div id="div{column.id}">
<script type="text/javascript" id="unit_list_{column.id}" src="{UNITBUILD_JS}" webId="{WEB_ID}" parseType="bulidstatic" url="{UNIT_PATH}" queryData="{query}" paramJson="{param}"></script>
<div class="jpaas-loading">数据加载中……</div>
</div>
</div>
</div>
{footer(SITE)}
</body>
</html>
"""


def list_entry(entry: Entry) -> str:
    shown = entry.title if len(entry.title) <= 24 else entry.title[:23] + "…"
    return (
        f'<li><a href="{entry.path}" title="{E(entry.title)}" target="_blank">{E(shown)}</a>'
        f'<span class="date">{entry.date}</span></li>'
    )


def article_page(entry: Entry) -> str:
    column = COLUMNS[entry.column]
    trail = [("首页", "/"), ("政务公开", col_path(HUB)), ("政府信息公开年报", col_path(ANNUAL))]
    if column.id != ANNUAL:
        trail.append((column.name, column.path))
    meta = meta_table_html(
        {
            "索引号": f"11330503MB{entry.article % 100000:05d}/{entry.date[:4]}-{entry.article % 1000:05d}",
            "发布机构": entry.source,
            "发布日期": entry.date,
            "文号": "",
        },
        "hanweb",
    )
    return f"""{head(entry.title, column.name, entry)}
{crumb(trail)}
{meta}
<div class="article">
<h1 class="article-title">{E(entry.title)}</h1>
<div class="article-info"><span>发布日期：{entry.pubdate}</span> <span>信息来源：{E(entry.source)}</span> <span>浏览次数：<b id="readcount"></b></span> <span>字号：<a href="javascript:;">大</a> <a href="javascript:;">中</a> <a href="javascript:;">小</a></span></div>
<div id="zoom">
<!--ZJEG_RSS.content.begin--><meta name="ContentStart">
{entry.body}
<meta name="ContentEnd"><!--ZJEG_RSS.content.end-->
</div>
<div class="tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
{footer(SITE)}
</body>
</html>
"""


def home_page() -> str:
    links = "\n".join(f'<li><a href="{path}">{E(name)}</a></li>' for name, path in SITE.home_links or [])
    return f"""{head("首页", "首页")}
<div class="banner"><span>江南古镇 · 湖笔之乡 · 丝绸之府</span></div>
<div class="quick"><ul>
{links}
</ul></div>
<div class="news"><h3>南浔要闻</h3><ul>
<li><span>南浔区召开2023年全区经济工作会议</span><span class="date">2023-01-18</span></li>
<li><span>我区开展春节前安全生产大检查</span><span class="date">2023-01-12</span></li>
</ul></div>
{footer(SITE)}
</body>
</html>
"""


def hub_page(title: str, names: list[str], menu: list[tuple[str, str]]) -> str:
    trail = [("首页", "/")] + [(name, col_path(HUB)) for name in names[1:]]
    return f"""{head(title, title)}
{crumb(trail)}
{menu_tail(SITE, title, menu)}"""


ERROR_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>系统提示</title></head>
<body><div class="error"><p>系统繁忙，请稍后再试！</p><p><a href="/">返回首页</a></p></div></body></html>
"""


def units_data() -> dict[str, object]:
    units: dict[str, object] = {}
    for column in COLUMNS.values():
        listed = sorted((e for e in ENTRIES if e.column == column.id), key=lambda e: e.pubdate, reverse=True)
        units[str(column.id)] = {
            "webId": WEB_ID,
            "tplSetId": TPL_SET_ID,
            "tagId": "信息列表",
            "pageType": "column",
            "parseType": "bulidstatic",
            "states_total": column.states_total,
            "past_end": column.past_end,
            "broken": column.broken,
            "entries": [list_entry(e) for e in listed],
        }
    units["1229560000"] = {  # the navigation unit in every page's header
        "webId": WEB_ID,
        "tplSetId": TPL_SET_ID,
        "tagId": "导航",
        "pageType": "index",
        "parseType": "bulidstatic",
        "entries": ['<li><a href="/">首页</a></li>', f'<li><a href="{col_path(HUB)}">政务公开</a></li>'],
    }
    return {"units": units}


def render() -> dict[str, bytes]:
    """Every file of the site, by path relative to data/demo."""
    texts = {
        "/index.html": home_page(),
        "/robots.txt": SITE.robots,
        "/_jpaas/units.json": json.dumps(units_data(), ensure_ascii=False, indent=1) + "\n",
        "/_jpaas/error.html": ERROR_PAGE,
    }
    for path, (title, names, menu) in SITE.hubs.items():
        texts[path] = hub_page(title, names, menu)
    for column in COLUMNS.values():
        texts[column.path] = column_page(column)
    texts.update({e.path: article_page(e) for e in ENTRIES})
    return {f"{SITE.key}{path}": text.encode(SITE.encoding) for path, text in texts.items()}


def ground_truth() -> Truth:
    pages: list[Page] = []
    reports: list[Report] = []
    traps: list[dict[str, str]] = []
    for e in ENTRIES:
        pages.append(
            Page(
                site=SITE.key,
                path=e.path,
                title=e.title,
                body=e.body,
                lists=[],
                pubdate=e.pubdate,
                label_date=e.pubdate,
                source=e.source,
            )
        )
        column = COLUMNS[e.column]
        if e.report is not None:
            note = f"JPaaS unitbuild column {column.name} (col{column.id}): listed only by the unit endpoint"
            reports.append(spec_report(e.report, e.path, note))
        elif e.trap is not None:
            traps.append({"site": SITE.key, "path": e.path, "title": e.title, "kind": e.trap})
    return pages, reports, traps
