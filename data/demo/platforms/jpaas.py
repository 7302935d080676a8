# ruff: noqa: E501  (HTML templates and Chinese report text: long lines are content)
"""The JPaaS demo site: 湖州市南浔区人民政府's 政府信息公开年报 (reference/portals.md §2.5).

What the crawler meets on a newer 浙江 column (``/col/col{id}/index.html``):

* no list in the page: a ``unitbuild.js`` script tag per unit, its ``url``, ``queryData`` (single-quoted
  JSON, written ``queryData`` on the list unit and ``querydata`` on the navigation unit) and ``paramJson``
  (HTML-escaped JSON with the unit's pageSize); the header carries a navigation unit (tagId 导航) beside the
  list unit (tagId 信息列表);
* the endpoint (demo_endpoints/jpaas.py) answers ``{"success": true, "data": {"html": "<ul>…</ul>"}}``:
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

from build import (
    E,
    Modern,
    Old,
    Page,
    Report,
    Site,
    footer,
    meta_table_html,
    modern_body,
    old_body,
    para,
    row,
    site_metas,
)

ANNUAL, DEPARTMENTS, TOWNS, HUB = 1229560123, 1229560124, 1229560125, 1229560001
WEB_ID = "3630"
TPL_SET_ID = "5HrZiFGOR8vHklhTYqM4B"
UNIT_PATH = "/api-gateway/jpaas-publish-server/front/page/build/unit"
UNITBUILD_JS = "/cms_files/jcms1/web3630/site/script/AuthorizedRead/unitbuild.js"
DISTRICT = "湖州市南浔区人民政府"


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

# -- report bodies -------------------------------------------------------------------------------------

PORTAL = "湖州市南浔区人民政府"
OFFICE = "湖州市南浔区人民政府办公室"
PHONE = "0572-3022101"

NX_2022 = Modern(
    issuer=DISTRICT,
    who="我区",
    year=2022,
    fmt="2021",
    t2={"gz": [0, 0, 0], "gf": [7, 3, 52], "xk": [9126], "cf": [1873], "qz": [64], "sf": [418.36]},
    t3={
        "new": row(112, 9, 2),
        "carry": row(5),
        "open": row(47, 4),
        "part": row(11, 1),
        "n4": row(3),
        "u1": row(33, 2, 1),
        "u3": row(6),
        "d2": row(4),
        "o3": row(2),
    },
    t4=[[3, 1, 0, 0], [1, 0, 1, 1], [0, 0, 0, 0]],
    sig_date="2023年1月16日",
    active=8127,
    portal=PORTAL,
    office=OFFICE,
    phone=PHONE,
    focus="围绕共同富裕示范区建设、营商环境优化和民生实事项目，推进决策、执行、管理、服务、结果公开。",
    problem="一是部分部门政策解读形式较为单一；二是镇级政务公开专区内容更新不够及时。下一步将推行图解、视频解读，加强对镇（街道）的业务指导。",
)
NX_2021 = Modern(
    issuer=DISTRICT,
    who="我区",
    year=2021,
    fmt="2021",
    t2={"gz": [0, 0, 0], "gf": [9, 2, 48], "xk": [8541], "cf": [1702], "qz": [58], "sf": [396.12]},
    t3={
        "new": row(97, 6, 1),
        "carry": row(3),
        "open": row(41, 3),
        "part": row(8),
        "n6": row(2),
        "u1": row(29, 2, 1),
        "u3": row(5),
        "d1": row(3),
        "o1": row(2),
    },
    t4=[[2, 1, 0, 0], [1, 0, 0, 1], [0, 0, 0, 0]],
    sig_date="2022年1月24日",
    active=7635,
    portal=PORTAL,
    office=OFFICE,
    phone=PHONE,
    focus="做好疫情防控、惠企政策和乡村振兴信息公开，推进基层政务公开标准化规范化。",
    problem="一是依申请公开答复文书规范性有待提高；二是政策文件解读的及时性还需加强。下一步将完善答复模板，落实解读与文件同步发布。",
)
NX_2020 = Modern(
    issuer=DISTRICT,
    who="我区",
    year=2020,
    fmt="2019",
    t2={
        "gz": [0, 0, 0],
        "gf": [8, 8, 41],
        "xk": [2318, "增 104", 7986],
        "qt": [406, "减 11", 2317],
        "cf": [877, "增 36", 1518],
        "qz": [49, 0, 61],
        "sf": [21, "减 2"],
        "cg": [263, "7421.58万元"],
    },
    t3={
        "new": row(84, 5, 1),
        "carry": row(2),
        "open": row(36, 2),
        "part": row(7),
        "n4": row(2),
        "u1": row(25, 2),
        "u3": row(4),
        "d1": row(4),
        "o": row(3, 1),
    },
    t4=[[1, 0, 1, 0], [1, 0, 0, 0], [0, 0, 0, 0]],
    sig_date="2021年1月27日",
    active=6904,
    portal=PORTAL,
    office=OFFICE,
    phone=PHONE,
    focus="以政务公开助力疫情防控和复工复产，及时发布防控措施、惠企政策和民生保障信息。",
    problem="一是政府信息公开平台栏目设置还不够统一；二是部分单位公开意识有待加强。下一步将规范栏目设置，加强培训考核。",
)
NX_2017 = Old(
    issuer=DISTRICT,
    who="我区",
    year=2017,
    active=5216,
    channels="其中通过区政府门户网站公开4387条，通过政务微博、微信和政府信息公开栏等方式公开829条。",
    applications=46,
    agreed=27,
    partly=5,
    refused=3,
    review=1,
    lawsuit=0,
    focus="深化行政权力清单和财政预决算信息公开，完善政府信息公开目录，规范依申请公开办理流程。",
    problem="一是部分部门主动公开内容不够全面；二是公开信息的更新还不够及时。2018年，我区将进一步健全公开工作机制。",
    sig_date="2018年3月20日",
)
LS_2022 = Modern(
    issuer="湖州市南浔区练市镇人民政府",
    who="我镇",
    year=2022,
    fmt="2021",
    t2={"gz": [0, 0, 0], "gf": [0, 0, 0], "xk": [312], "cf": [46], "qz": [0], "sf": [0]},
    t3={"new": row(9), "open": row(5), "part": row(1), "u1": row(2), "o3": row(1)},
    t4=[[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
    sig_date="2023年1月13日",
    active=684,
    portal=PORTAL,
    office="湖州市南浔区练市镇人民政府党政办公室",
    phone="0572-3681002",
    focus="围绕美丽城镇建设、村级工程项目和惠民补贴发放，做好镇村两级信息公开。",
    problem="一是村务公开栏内容更新不够及时；二是公开信息的可读性有待提升。下一步将建立村务公开月度检查制度。",
)
JY_2022 = Modern(
    issuer="湖州市南浔区教育局",
    who="我局",
    year=2022,
    fmt="2021",
    t2={"gz": [0, 0, 0], "gf": [2, 0, 11], "xk": [203], "cf": [3], "qz": [0], "sf": [0]},
    t3={"new": row(18, 1), "open": row(9, 1), "part": row(2), "u1": row(4), "d2": row(1), "o3": row(1)},
    t4=[[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
    sig_date="2023年1月19日",
    active=1136,
    portal=PORTAL,
    office="湖州市南浔区教育局办公室",
    phone="0572-3029516",
    focus="做好义务教育招生入学、学校建设和教育收费信息公开，回应社会关切。",
    problem="一是招生政策解读的针对性有待增强；二是学校信息公开栏目建设不够均衡。下一步将加强对各学校的指导检查。",
)
MZ_2021 = Modern(
    issuer="湖州市南浔区民政局",
    who="我局",
    year=2021,
    fmt="2021",
    t2={"gz": [0, 0, 0], "gf": [1, 1, 6], "xk": [88], "cf": [0], "qz": [0], "sf": [0]},
    t3={"new": row(7), "carry": row(1), "open": row(4), "u1": row(2), "o3": row(1)},
    t4=[[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
    sig_date="2022年1月20日",
    active=842,
    portal=PORTAL,
    office="湖州市南浔区民政局办公室",
    phone="0572-3022836",
    focus="做好社会救助、养老服务和社会组织管理信息公开，及时公布救助标准和资金发放情况。",
    problem="一是部分救助信息公开格式不够统一；二是基层经办人员业务能力有待提升。下一步将统一公开格式，开展专题培训。",
)
CZ_2020 = Modern(
    issuer="湖州市南浔区财政局",
    who="我局",
    year=2020,
    fmt="2019",
    t2={
        "gz": [0, 0, 0],
        "gf": [3, 3, 17],
        "xk": [0, 0, 0],
        "qt": [12, 0, 31],
        "cf": [2, 0, 2],
        "qz": [0, 0, 0],
        "sf": [4, "减 1"],
        "cg": [118, "3126.07万元"],
    },
    t3={"new": row(11, 1), "carry": row(1), "open": row(5), "part": row(2), "u1": row(3, 1), "o": row(1)},
    t4=[[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
    sig_date="2021年1月22日",
    active=1027,
    portal=PORTAL,
    office="湖州市南浔区财政局办公室",
    phone="0572-3022667",
    focus="做好财政预决算、政府债务和惠企资金信息公开，推进预算绩效信息公开。",
    problem="一是部分部门预决算公开说明不够详细；二是专项资金信息公开的及时性有待提高。下一步将加强审核把关。",
)

COMPILE_NOTICE = "\n".join(
    para(t)
    for t in (
        "各镇（街道），区政府各部门，各直属单位：",
        "根据《中华人民共和国政府信息公开条例》和国办公开办函〔2021〕30号要求，现就做好2022年度政府信息公开工作年度报告编制发布工作通知如下：",
        "一、各单位于2023年1月20日前在区政府门户网站本单位政府信息公开年报栏目发布年度报告。",
        "二、年度报告应严格按照规定格式编制，统计数据应真实准确，文字表述规范。",
        "湖州市南浔区人民政府办公室",
        "2022年12月12日",
    )
)
WEBSITE_REPORT = "\n".join(
    para(t)
    for t in (
        "网站名称：湖州市南浔区人民政府门户网站　首页网址：http://www.nanxun.gov.cn　主办单位：湖州市南浔区人民政府办公室",
        "独立用户访问总量：1286544个　网站总访问量：6031875次　信息发布总数：7316条。",
        "办事服务：发布服务事项目录1426个，注册用户数318622个。互动交流：收到留言2316条，办结留言2316条。",
    )
)
WORK_PLAN = "\n".join(
    para(t)
    for t in (
        "为深入贯彻落实党中央、国务院关于全面推进政务公开的决策部署，现将2022年全区政务公开工作要点通知如下：",
        "一、围绕稳住经济大盘加强政策公开。及时发布稳增长、稳市场主体、保就业等政策措施，做好政策解读和执行情况公开。",
        "二、围绕优化营商环境加强信息公开。全面公开涉企政策、行政许可和行政处罚信息，推进惠企政策“免申即享”。",
        "三、加强政策解读回应关切。落实重要政策文件与解读材料同步组织、同步审签、同步发布，健全政务舆情回应机制。",
        "湖州市南浔区人民政府办公室",
        "2022年4月15日",
    )
)
INTERPRETATION = "\n".join(
    para(t)
    for t in (
        "一图读懂《湖州市南浔区教育局2022年度政府信息公开工作年度报告》。",
        "2022年，区教育局主动公开政府信息1136条，收到政府信息公开申请19件，全部按期答复。",
    )
)
WORK_SUMMARY = "\n".join(
    para(t)
    for t in (
        "2021年，区民政局坚持以人民为中心，兜牢民生底线，各项工作取得新成效。",
        "一、社会救助体系不断完善。二、养老服务能力稳步提升。三、基层治理持续加强。",
        "2022年，我局将围绕共同富裕示范区建设，进一步提升民政服务水平。",
    )
)
FINAL_ACCOUNTS = "\n".join(
    para(t)
    for t in (
        "一、部门基本情况。湖州市南浔区财政局主要职责是贯彻执行国家财政税收方针政策……",
        "二、2021年度部门决算表。收入总计3126.07万元，支出总计3098.52万元。",
    )
)


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
    body = old_body(spec) if isinstance(spec, Old) else modern_body(spec)
    title = f"{spec.issuer}{spec.year}年政府信息公开工作年度报告"
    return Entry(column, article, date, time, title, body, spec.issuer, report=spec)


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
    items = "\n".join(f'<li><a href="{path}">{E(name)}</a></li>' for name, path in menu)
    trail = [("首页", "/")] + [(name, col_path(HUB)) for name in names[1:]]
    return f"""{head(title, title)}
{crumb(trail)}
<div class="zwgk-menu"><h3>{E(title)}</h3><ul>
{items}
</ul></div>
{footer(SITE)}
</body>
</html>
"""


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


def ground_truth() -> tuple[list[Page], list[Report], list[dict[str, str]]]:
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
            spec = e.report
            old = isinstance(spec, Old)
            reports.append(
                Report(
                    issuer=spec.issuer,
                    year=spec.year,
                    fmt="pre2019" if old else spec.fmt,
                    pages=[e.path],
                    best=e.path,
                    note=f"JPaaS unitbuild column {column.name} (col{column.id}): listed only by the unit endpoint",
                    t3=None if old else (spec.fmt, spec.t3),
                )
            )
        elif e.trap is not None:
            traps.append({"site": SITE.key, "path": e.path, "title": e.title, "kind": e.trap})
    return pages, reports, traps
