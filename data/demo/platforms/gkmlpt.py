# ruff: noqa: E501  (HTML templates and Chinese report text: long lines are content)
"""The gkmlpt demo site: 乳源瑶族自治县人民政府's 政府信息公开目录 (reference/portals.md §4).

What the crawler meets on a 广东 county's directory:

* ``/gkmlpt/index`` renders in the browser: the page holds only ``window._CONFIG = {SID: '751025',
  TREE: [...]}`` (the tree as JSON); the mobile ``/gkmlpt/mindex`` writes ``window.SID`` and
  ``window.TREE`` as JavaScript literals (unquoted keys, single quotes);
* the tree: 政府信息公开 › 政府信息公开年报 (id 2761) › 乡镇年报 (2762), 历年年报 (2763), beside
  categories that are not 年报 — among them 政府网站工作年度报表 (2758), a trap by name;
* the list API ``/gkmlpt/api/all/{id}?page={n}&sid=751025`` (demo_endpoints/gkmlpt.py) answers
  from ``_gkmlpt/api.json``: 2761 holds the county's own reports, two departments' reports
  (another ``publisher``) and two traps over two pages of five, and its second page states a
  different total (10) from the first (8); 2762 holds a town's report; 2763 answers the site's
  「页面不存在」 HTML page with status 200;
* every article's ``display_publish_time`` (epoch seconds, some of them early in the morning, China
  time: the UTC date is the day before) differs from its ``create_time`` and from every date the
  report page prints (its 发布日期 is the first publication, its 成文日期 the signature): the
  record's ``published`` can only come from the API. One migrated article has no display time
  (0) and a text ``first_publish_time``; another has only ``post_url``;
* report pages ``/gkmlpt/content/2/{id // 1000}/post_{id}.html`` with the site's meta tags and the
  索引号/分类/发布机构/成文日期/名称/文号/发布日期 header;
* the home page links 政务公开 (``/zwgk/index.html``), which links 政府信息公开目录 (``/gkmlpt/index``)
  and 政府信息公开年报 (``/gkmlpt/mindex#2761``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from build import PNG_1X1, E, Modern, Old, Page, Report, Site, footer, modern_body, old_body, para, row, site_metas

SITE = Site(
    key="gkmlpt",
    style="gkmlpt",
    name="乳源瑶族自治县人民政府",
    domain="www.ruyuan.gov.cn",
    idcode="4402320001",
    charset="utf-8",
    encoding="utf-8",
    sponsor="乳源瑶族自治县人民政府办公室",
    undertaker="乳源瑶族自治县政务服务数据管理局",
    icp="粤ICP备05083571号",
    police="粤公网安备 44023202000018号",
)
START = ["/gkmlpt/index"]
SID = "751025"
ANNUAL = 2761
TOWNS = 2762
BROKEN = 2763
WEBSITE_REPORTS = 2758  # 政府网站工作年度报表: a 年度 category that is not the 年报 one
PAGE_SIZE = 5
CHINA = timezone(timedelta(hours=8))
COUNTY = "乳源瑶族自治县人民政府"

TREE: list[dict[str, Any]] = [
    {"id": 2751, "name": "机构职能", "children": []},
    {
        "id": 2752,
        "name": "法规文件",
        "children": [
            {"id": 2753, "name": "规范性文件", "children": []},
            {"id": 2754, "name": "其他文件", "children": []},
        ],
    },
    {"id": 2755, "name": "规划计划", "children": []},
    {"id": 2756, "name": "财政信息", "children": [{"id": 2757, "name": "财政预决算", "children": []}]},
    {"id": WEBSITE_REPORTS, "name": "政府网站工作年度报表", "children": []},
    {
        "id": 2759,
        "name": "政府信息公开",
        "children": [
            {"id": 2760, "name": "政府信息公开指南", "children": []},
            {
                "id": ANNUAL,
                "name": "政府信息公开年报",
                "children": [
                    {"id": TOWNS, "name": "乡镇年报", "children": []},
                    {"id": BROKEN, "name": "历年年报", "children": []},
                ],
            },
            {"id": 2764, "name": "政府信息公开制度", "children": []},
        ],
    },
]

# -- report bodies ---------------------------------------------------------------------------

PORTAL = "乳源瑶族自治县人民政府门户网站"
RY_2021 = Modern(
    issuer=COUNTY,
    who="县政府",
    year=2021,
    fmt="2021",
    t2={"gz": [0, 0, 0], "gf": [6, 2, 41], "xk": [8734], "cf": [1265], "qz": [87], "sf": [312.47]},
    t3={
        "new": row(96, 7, 1),
        "carry": row(4),
        "open": row(41, 3),
        "part": row(9, 1),
        "n4": row(3),
        "n6": row(2),
        "u1": row(27, 2, 1),
        "u3": row(5),
        "d1": row(6),
        "d2": row(2),
        "o1": row(1),
    },
    t4=[[2, 1, 0, 0], [1, 0, 0, 1], [0, 0, 0, 0]],
    sig_date="2022年1月18日",
    active=6218,
    portal=PORTAL,
    office="乳源瑶族自治县人民政府办公室",
    phone="0751-5362133",
    focus="围绕乡村振兴、生态保护和民族地区发展，推进重点领域信息公开，及时发布疫情防控和惠企政策信息。",
    problem="一是部分乡镇政务公开专栏更新不及时；二是政策解读形式较为单一。下一步将加强对乡镇和部门的业务指导，"
    "推行图解、视频等多种解读方式。",
)
RY_2020 = Modern(
    issuer=COUNTY,
    who="县政府",
    year=2020,
    fmt="2019",
    t2={
        "gz": [0, 0, 0],
        "gf": [5, 5, 37],
        "xk": [2114, "增 96", 8102],
        "qt": [318, "减 12", 2271],
        "cf": [903, "增 41", 1177],
        "qz": [52, 0, 79],
        "sf": [18, "减 1"],
        "cg": [214, "6312.85万元"],
    },
    t3={
        "new": row(81, 5),
        "carry": row(2),
        "open": row(36, 2),
        "part": row(7),
        "n4": row(2),
        "u1": row(24, 2),
        "u3": row(4),
        "d1": row(5),
        "o": row(2, 1),
    },
    t4=[[1, 0, 1, 0], [1, 0, 0, 0], [0, 0, 0, 0]],
    sig_date="2021年2月1日",
    active=5473,
    portal=PORTAL,
    office="乳源瑶族自治县人民政府办公室",
    phone="0751-5362133",
    focus="围绕疫情防控、复工复产和脱贫攻坚，做好重点领域信息公开，推进基层政务公开标准化规范化工作。",
    problem="一是政务公开队伍业务水平有待提高；二是依申请公开答复的规范性仍需加强。"
    "下一步将组织专题培训，完善依申请公开工作流程。",
)
RY_2019 = Modern(
    issuer=COUNTY,
    who="县政府",
    year=2019,
    fmt="2019",
    t2={
        "gz": [0, 0, 0],
        "gf": [4, 4, 32],
        "xk": [2018, "增 63", 7416],
        "qt": [330, "增 5", 2106],
        "cf": [862, "减 27", 1044],
        "qz": [52, "增 3", 68],
        "sf": [19, "减 2"],
        "cg": [187, "5107.32万元"],
    },
    t3={
        "new": row(64, 3),
        "carry": row(1),
        "open": row(29, 1),
        "part": row(5),
        "n6": row(1),
        "u1": row(20, 2),
        "u3": row(3),
        "d1": row(4),
        "o": row(1),
    },
    t4=[[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
    sig_date="2020年1月16日",
    active=4921,
    portal=PORTAL,
    office="乳源瑶族自治县人民政府办公室",
    phone="0751-5362133",
    focus="贯彻落实新修订的《条例》，全面推进决策、执行、管理、服务、结果公开，规范政府信息公开专栏。",
    problem="一是对新《条例》的学习理解还不够深入；二是部分单位公开内容不够全面。下一步将加强学习培训，"
    "对照公开目录逐项梳理，确保应公开尽公开。",
    heading4="四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
)
RY_2017 = Old(
    issuer=COUNTY,
    who="我县",
    year=2017,
    active=3816,
    channels="其中通过县政府门户网站公开2954条，通过“乳源发布”政务微信公开611条，通过政府信息公开栏等其他方式公开251条。",
    applications=23,
    agreed=14,
    partly=3,
    refused=1,
    review=0,
    lawsuit=0,
    focus="围绕县委、县政府中心工作，加大重点领域信息公开力度，做好政策解读和回应关切。",
    problem="一是部分单位对政府信息公开工作重视不够；二是公开内容的及时性有待提高。2018年，我县将进一步完善工作机制，加强督促检查。",
    sig_date="2018年3月20日",
)
CZJ_2021 = Modern(
    issuer="乳源瑶族自治县财政局",
    who="我局",
    year=2021,
    fmt="2021",
    t2={"gz": [0, 0, 0], "gf": [1, 0, 6], "xk": [0], "cf": [3], "qz": [0], "sf": [0]},
    t3={"new": row(7, 1), "open": row(4, 1), "u1": row(2), "d1": row(1)},
    t4=[[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
    sig_date="2022年1月12日",
    active=412,
    portal=PORTAL,
    office="乳源瑶族自治县财政局办公室",
    phone="0751-5381026",
    focus="重点做好财政预决算、政府债务和惠民惠农财政补贴资金信息公开。",
    problem="一是预决算公开的解读说明不够通俗；二是信息发布审核流程有待细化。下一步将编制预决算公开图解，完善发布审核制度。",
)
JYJ_2020 = Modern(
    issuer="乳源瑶族自治县教育局",
    who="我局",
    year=2020,
    fmt="2019",
    t2={
        "gz": [0, 0, 0],
        "gf": [2, 2, 9],
        "xk": [41, "增 6", 118],
        "qt": [0, 0, 0],
        "cf": [2, 0, 2],
        "qz": [0, 0, 0],
        "sf": [0, 0],
        "cg": [23, "867.40万元"],
    },
    t3={"new": row(12), "open": row(6), "part": row(1), "u1": row(4), "d2": row(1)},
    t4=[[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
    sig_date="2021年1月22日",
    active=687,
    portal=PORTAL,
    office="乳源瑶族自治县教育局办公室",
    phone="0751-5362571",
    focus="围绕义务教育招生入学、学生资助和疫情期间线上教学，及时公开群众关注的教育信息。",
    problem="一是学校信息公开工作发展不平衡；二是公开栏目设置有待规范。下一步将指导各学校规范设置信息公开栏目。",
)
RCZ_2021 = Modern(
    issuer="乳源瑶族自治县乳城镇人民政府",
    who="我镇",
    year=2021,
    fmt="2021",
    t2={"gz": [0, 0, 0], "gf": [0, 0, 0], "xk": [57], "cf": [4], "qz": [0], "sf": [0]},
    t3={"new": row(3), "open": row(2), "u1": row(1)},
    t4=[[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
    sig_date="2022年1月25日",
    active=236,
    portal=PORTAL,
    office="乳城镇党政综合办公室",
    phone="0751-5322018",
    focus="重点公开乡村振兴、农村低保、危房改造和村级财务等群众关心的信息。",
    problem="一是村级公开栏更新不及时；二是工作人员业务能力有待提升。下一步将定期检查村级公开情况。",
)

# -- the directory's articles ---------------------------------------------------------------------


@dataclass
class Article:
    """One entry of the list API and the page it points to."""

    post_id: int
    category: int
    title: str
    publisher: str
    body: str
    written: str  # 成文日期 on the page
    page_date: str  # 发布日期 on the page (its first publication): never the API's display time
    create: str  # the API's create_time: when the draft was made (misleading)
    display: str | None  # the API's display_publish_time; None: 0 (not set), first_publish_time is used
    first: str  # the API's first_publish_time
    index_no: str
    first_as_text: bool = False  # first_publish_time as text (a migrated record), not epoch seconds
    post_url_only: bool = False  # the article gives post_url and no url
    report: tuple[str, int, str, dict[str, list[int]] | None] | None = None  # issuer, year, format, t3
    trap: str | None = None  # the trap's kind

    @property
    def path(self) -> str:
        return f"/gkmlpt/content/{self.post_id // 1_000_000}/{self.post_id // 1000}/post_{self.post_id}.html"

    @property
    def published(self) -> str:
        return (self.display or self.first)[:10]


def epoch(moment: str) -> int:
    """Epoch seconds of a China-time moment (「2022-01-20 07:30」)."""
    return int(datetime.fromisoformat(moment).replace(tzinfo=CHINA).timestamp())


NOTICE_BODY = "\n".join(
    [
        para("各乡镇人民政府，县政府各部门、各直属机构："),
        para(
            "根据《中华人民共和国政府信息公开条例》和上级关于政府信息公开工作年度报告的有关要求，"
            "现就做好2021年度政府信息公开工作年度报告编制和发布工作通知如下："
        ),
        para("一、各单位要严格按照国办公开办函〔2021〕30号印发的格式编制本单位2021年度报告，数据须真实准确。"),
        para(
            "二、各部门年度报告应于2022年1月31日前、各乡镇年度报告应于2022年3月31日前在政府信息公开目录“政府信息公开年报”栏目发布。"
        ),
        para("三、县政务公开办将对各单位年度报告的编制和发布情况进行检查，并纳入年度考核。"),
        '<p style="text-align: right;">乳源瑶族自治县人民政府办公室</p>',
        '<p style="text-align: right;">2021年12月9日</p>',
    ]
)
GRAPHIC = "/gkmlpt/content/2/2190/2190412_tujie.png"
GRAPHIC_BODY = "\n".join(
    [
        para("一图读懂乳源瑶族自治县2021年政府信息公开工作年度报告。"),
        f'<p style="text-align: center;"><img src="{GRAPHIC}" alt="图解" /></p>',
        para("2021年，全县主动公开政府信息6218条，新收政府信息公开申请104件。"),
    ]
)
WEBSITE_BODY = "\n".join(
    [
        para(
            "根据《政府网站与政务新媒体检查指标》和《政府网站发展指引》要求，现将乳源瑶族自治县人民政府门户网站2021年度工作报表公开如下。"
        ),
        para("一、网站名称：乳源瑶族自治县人民政府门户网站；网站标识码：4402320001。"),
        para("二、独立用户访问总量：412305个；网站总访问量：1873420次。"),
        para("三、信息发布总数：6218条；其中概况类信息87条，政务动态信息2311条，信息公开目录信息3820条。"),
    ]
)

ARTICLES = [
    Article(2189456, ANNUAL, "乳源瑶族自治县2021年政府信息公开工作年度报告", "乳源瑶族自治县人民政府办公室", modern_body(RY_2021),
            written="2022-01-18", page_date="2022-01-24", create="2022-01-17 10:12", display="2022-01-20 07:30",
            first="2022-01-24 16:05", index_no="11440232007084321J/2022-00012",
            report=(COUNTY, 2021, "2021", RY_2021.t3)),
    Article(2190412, ANNUAL, "图解：乳源瑶族自治县2021年政府信息公开工作年度报告", "乳源瑶族自治县人民政府办公室", GRAPHIC_BODY,
            written="2022-01-21", page_date="2022-01-25", create="2022-01-21 09:40", display="2022-01-21 11:00",
            first="2022-01-25 10:00", index_no="11440232007084321J/2022-00013", trap="interpretation"),
    Article(2187304, ANNUAL, "乳源瑶族自治县财政局2021年政府信息公开工作年度报告", "乳源瑶族自治县财政局", modern_body(CZJ_2021),
            written="2022-01-12", page_date="2022-01-19", create="2022-01-11 15:20", display="2022-01-14 08:00",
            first="2022-01-19 09:12", index_no="114402320070843566/2022-00002",
            report=("乳源瑶族自治县财政局", 2021, "2021", CZJ_2021.t3)),
    Article(2176821, ANNUAL, "乳源瑶族自治县人民政府办公室关于做好2021年度政府信息公开工作年度报告编制和发布工作的通知",
            "乳源瑶族自治县人民政府办公室", NOTICE_BODY,
            written="2021-12-09", page_date="2021-12-13", create="2021-12-09 17:02", display="2021-12-10 09:00",
            first="2021-12-13 08:45", index_no="11440232007084321J/2021-00318", trap="notice_about_reports"),
    Article(1893145, ANNUAL, "乳源瑶族自治县2020年政府信息公开工作年度报告", "乳源瑶族自治县人民政府办公室", modern_body(RY_2020),
            written="2021-02-01", page_date="2021-02-08", create="2021-02-01 18:30", display="2021-02-05 07:45",
            first="2021-02-08 10:20", index_no="11440232007084321J/2021-00027",
            report=(COUNTY, 2020, "2019", RY_2020.t3)),
    Article(1889760, ANNUAL, "乳源瑶族自治县教育局政府信息公开工作2020年度报告", "乳源瑶族自治县教育局", modern_body(JYJ_2020),
            written="2021-01-22", page_date="2021-01-29", create="2021-01-22 11:05", display="2021-01-26 06:50",
            first="2021-01-29 15:40", index_no="114402320070845140/2021-00004",
            report=("乳源瑶族自治县教育局", 2020, "2019", JYJ_2020.t3)),
    Article(1654207, ANNUAL, "乳源瑶族自治县2019年政府信息公开工作年度报告", "乳源瑶族自治县人民政府办公室", modern_body(RY_2019),
            written="2020-01-16", page_date="2020-01-23", create="2020-01-16 16:48", display="2020-01-21 09:30",
            first="2020-01-23 11:00", index_no="11440232007084321J/2020-00009",
            report=(COUNTY, 2019, "2019", RY_2019.t3)),
    Article(1201538, ANNUAL, "乳源瑶族自治县2017年政府信息公开工作年度报告", "乳源瑶族自治县人民政府办公室", old_body(RY_2017),
            written="2018-03-20", page_date="2018-03-27", create="2019-11-05 14:00", display="2018-03-23 07:10",
            first="2018-03-27 09:00", index_no="007084321/2018-00041", post_url_only=True,
            report=(COUNTY, 2017, "pre2019", None)),
    Article(2192087, TOWNS, "乳源瑶族自治县乳城镇2021年政府信息公开工作年度报告", "乳源瑶族自治县乳城镇人民政府", modern_body(RCZ_2021),
            written="2022-01-25", page_date="2022-01-29", create="2022-01-25 10:30", display=None,
            first="2022-01-27 19:40:00", first_as_text=True, index_no="114402320070850311/2022-00001",
            report=("乳源瑶族自治县乳城镇人民政府", 2021, "2021", RCZ_2021.t3)),
    Article(2186530, WEBSITE_REPORTS, "乳源瑶族自治县人民政府门户网站2021年度工作报表", "乳源瑶族自治县政务服务数据管理局", WEBSITE_BODY,
            written="2022-01-15", page_date="2022-01-15", create="2022-01-14 16:00", display="2022-01-15 10:00",
            first="2022-01-15 10:00", index_no="11440232007084321J/2022-00007", trap="website_yearly_statistics"),
]  # fmt: skip
# The county's own list shows its reports newest first, as the API does.
ARTICLES.sort(key=lambda a: (a.category, a.display or a.first), reverse=True)
# The second page of 2761 states a total that differs from the first page's (the crawler keeps the first).
STATED_TOTALS = {ANNUAL: [8, 10]}

# -- templates -------------------------------------------------------------------------------------

NAV = (
    '<div class="header"><div class="logo">乳源瑶族自治县人民政府</div>\n'
    '<div class="nav"><a href="/">首页</a> <span>走进乳源</span> <a href="/zwgk/index.html">政务公开</a> '
    "<span>政务服务</span> <span>互动交流</span> <span>专题专栏</span></div></div>"
)
CATEGORY_NAMES = {
    c["id"]: c["name"]
    for top in TREE
    for c in [top, *top["children"], *(g for ch in top["children"] for g in ch["children"])]
}


def content_page(article: Article) -> str:
    column = CATEGORY_NAMES[article.category]
    title = E(article.title)
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}-{SITE.name}门户网站</title>
{site_metas(SITE, column, article.title, article.page_date + " " + article.first[11:16], article.publisher)}
<meta name="Url" content="http://{SITE.domain}{article.path}">
</head>
<body>
{NAV}
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/index.html">政务公开</a> &gt; <a href="/gkmlpt/index">政府信息公开目录</a> &gt; <span>{column}</span></div>
<div class="content-container">
<div class="classify">
<table class="introduce">
<tr><td class="first">索引号：</td><td>{article.index_no}</td><td class="first">分类：</td><td>{column}</td></tr>
<tr><td class="first">发布机构：</td><td>{E(article.publisher)}</td><td class="first">成文日期：</td><td>{article.written}</td></tr>
<tr><td class="first">名称：</td><td colspan="3">{title}</td></tr>
<tr><td class="first">文号：</td><td></td><td class="first">发布日期：</td><td>{article.page_date}</td></tr>
<tr><td class="first">主题词：</td><td colspan="3"></td></tr>
</table>
</div>
<div class="content">
<h1 class="title">{title}</h1>
<div class="info"><span>来源：{E(article.publisher)}</span> <span>发布时间：{article.page_date}</span> <span>【字号：<a href="javascript:void(0)">大</a> <a href="javascript:void(0)">中</a> <a href="javascript:void(0)">小</a>】</span></div>
<div class="article-content">
{article.body}
</div>
<div class="tools"><a href="javascript:window.print()">【打印】</a> <a href="javascript:window.close()">【关闭】</a></div>
</div>
</div>
{footer(SITE)}
<script>window._CONFIG = {{SID: '{SID}', POST_ID: '{article.post_id}', TYPE: 'content'}};</script>
</body>
</html>
"""


def js_literal(value: Any) -> str:
    """A tree as a script writes it by hand: unquoted keys, single-quoted strings."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {js_literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(js_literal(v) for v in value) + "]"
    if isinstance(value, str):
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"
    return json.dumps(value)


def directory_page(mobile: bool) -> str:
    if mobile:
        config = f"window.SID = '{SID}';\nwindow.SITE_NAME = '{SITE.name}';\nwindow.TREE = {js_literal(TREE)};"
        shell = '<div id="mobile-app"><div class="m-loading">加载中…</div></div>'
    else:
        tree = json.dumps(TREE, ensure_ascii=False)
        config = f"window._CONFIG = {{\n    SID: '{SID}',\n    SITE_NAME: '{SITE.name}',\n    POLICY_URL: '/gkmlpt/policy',\n    TREE: {tree}\n}};"
        shell = '<div id="app"><div class="loading">正在加载，请稍候……</div></div>'
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{SITE.name}信息公开目录</title>
<meta name="SiteName" content="{SITE.name}">
<meta name="SiteDomain" content="{SITE.domain}">
<meta name="SiteIDCode" content="{SITE.idcode}">
</head>
<body>
{shell}
<noscript>您的浏览器未启用JavaScript，请启用后访问政府信息公开目录。</noscript>
<script>
{config}
</script>
<script src="/gkmlpt/public/js/vendor.js"></script>
<script src="/gkmlpt/public/js/{"mindex" if mobile else "index"}.js"></script>
</body>
</html>
"""


def home_page() -> str:
    news = "\n".join(
        f'<li><span>{t}</span><span class="date">{d}</span></li>'
        for t, d in [
            ("乳源瑶族自治县召开2022年全县经济工作会议", "2022-01-21"),
            ("我县开展冬春季森林防火专项检查", "2022-01-19"),
            ("乳源瑶族自治县2022年春运工作部署会召开", "2022-01-14"),
        ]
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>{SITE.name}门户网站</title>
<meta name="SiteName" content="{SITE.name}"><meta name="SiteDomain" content="{SITE.domain}"><meta name="SiteIDCode" content="{SITE.idcode}">
</head>
<body>
{NAV}
<div class="banner"><span>世界过山瑶之乡 · 乳源</span></div>
<div class="news"><h3>乳源要闻</h3><ul>
{news}
</ul></div>
{footer(SITE)}
</body></html>
"""


def hub_page() -> str:
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>政务公开-{SITE.name}门户网站</title>
<meta name="SiteName" content="{SITE.name}"><meta name="ColumnName" content="政务公开">
</head>
<body>
{NAV}
<div class="position">当前位置：<a href="/">首页</a> &gt; <span>政务公开</span></div>
<div class="zwgk-menu"><ul>
<li><a href="/gkmlpt/index">政府信息公开目录</a></li>
<li><a href="/gkmlpt/index#2760">政府信息公开指南</a></li>
<li><a href="/gkmlpt/index#2764">政府信息公开制度</a></li>
<li><a href="/gkmlpt/mindex#{ANNUAL}">政府信息公开年报</a></li>
<li><span>依申请公开</span></li>
<li><span>政务公开工作</span></li>
</ul></div>
{footer(SITE)}
</body></html>
"""


ERROR_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>页面不存在</title></head>
<body><div class="error-page"><p>抱歉，您访问的页面不存在或已被删除！</p><p><a href="/">返回首页</a></p></div></body></html>
"""


def api_article(article: Article) -> dict[str, Any]:
    """The article as the list API gives it (paths are made absolute by the server, from its Host)."""
    entry: dict[str, Any] = {
        "id": article.post_id,
        "title": article.title,
        "publisher": article.publisher,
        "identifier": article.index_no,
        "document_number": "",
        "classify_main": article.category,
        "type": "normal",
        "date": epoch(article.written + " 00:00"),
        "create_time": epoch(article.create),
        "display_publish_time": epoch(article.display) if article.display else 0,
        "first_publish_time": article.first if article.first_as_text else epoch(article.first),
        "attachment": [],
    }
    if article.post_url_only:
        entry["post_url"] = article.path
    else:
        entry["url"] = article.path
    return entry


def api_data() -> dict[str, Any]:
    categories: dict[str, Any] = {str(BROKEN): {"broken": True}}
    for category in sorted({a.category for a in ARTICLES}):
        listed = [a for a in ARTICLES if a.category == category]
        chunks = [listed[i : i + PAGE_SIZE] for i in range(0, len(listed), PAGE_SIZE)]
        totals = STATED_TOTALS.get(category, [len(listed)] * len(chunks))
        categories[str(category)] = {
            "classify": {"id": category, "name": CATEGORY_NAMES[category], "post_count": len(listed), "jump_url": ""},
            "pages": [
                {"total": total, "articles": [api_article(a) for a in chunk]}
                for total, chunk in zip(totals, chunks, strict=True)
            ],
        }
    return {"sid": SID, "page_size": PAGE_SIZE, "categories": categories}


def render() -> dict[str, bytes]:
    """Every file of the site, by path relative to data/demo."""
    texts = {
        "/index.html": home_page(),
        "/zwgk/index.html": hub_page(),
        "/gkmlpt/index.html": directory_page(mobile=False),
        "/gkmlpt/mindex.html": directory_page(mobile=True),
        "/_gkmlpt/error.html": ERROR_PAGE,
        "/_gkmlpt/api.json": json.dumps(api_data(), ensure_ascii=False, indent=1) + "\n",
        "/robots.txt": SITE.robots,
    }
    texts.update({a.path: content_page(a) for a in ARTICLES})
    files = {f"{SITE.key}{path}": text.encode(SITE.encoding) for path, text in texts.items()}
    files[f"{SITE.key}{GRAPHIC}"] = PNG_1X1
    return files


def ground_truth() -> tuple[list[Page], list[Report], list[dict[str, str]]]:
    pages, reports, traps = [], [], []
    for a in ARTICLES:
        pages.append(
            Page(
                site=SITE.key,
                path=a.path,
                title=a.title,
                body=a.body,
                lists=[],
                pubdate=a.page_date,
                label_date=a.page_date,
                source=a.publisher,
                platform_published=a.published,
            )
        )
        if a.report:
            issuer, year, fmt, t3 = a.report
            note = f"gkmlpt category {a.category} ({CATEGORY_NAMES[a.category]}); published from the API's "
            note += "display_publish_time" if a.display else "first_publish_time (text; display time 0)"
            reports.append(
                Report(issuer, year, fmt, pages=[a.path], best=a.path, note=note, t3=(fmt, t3) if t3 else None)
            )
        elif a.trap:
            traps.append({"site": SITE.key, "path": a.path, "title": a.title, "kind": a.trap})
    return pages, reports, traps
