# ruff: noqa: E501  (HTML templates and Chinese report text: long lines are content)
"""The gkmlpt demo site: 乳源瑶族自治县人民政府's 政府信息公开目录 (reference/portals.md §4).

What the crawler meets on a 广东 county's directory:

* ``/gkmlpt/index`` renders in the browser: the page holds only ``window._CONFIG = {SID: '751025',
  TREE: [...]}`` (the tree as JSON); the mobile ``/gkmlpt/mindex`` writes ``window.SID`` and
  ``window.TREE`` as JavaScript literals (unquoted keys, single quotes);
* the tree: 政府信息公开 › 政府信息公开年报 (id 2761) › 乡镇年报 (2762), 历年年报 (2763), beside
  categories that are not 年报 — among them 政府网站工作年度报表 (2758), a trap by name;
* the list API ``/gkmlpt/api/all/{id}?page={n}&sid=751025`` (gov_reports/demo/endpoints/gkmlpt.py) answers
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

from gov_reports.demo.builder.bodies import modern_body, old_body
from gov_reports.demo.builder.chrome import footer, site_metas
from gov_reports.demo.builder.gkmlpt_reports import (
    ANNUAL,
    BROKEN,
    COUNTY,
    CZJ_2021,
    GRAPHIC,
    GRAPHIC_BODY,
    JYJ_2020,
    NOTICE_BODY,
    RCZ_2021,
    RY_2017,
    RY_2019,
    RY_2020,
    RY_2021,
    TOWNS,
    TREE,
    WEBSITE_BODY,
    WEBSITE_REPORTS,
)
from gov_reports.demo.builder.model import PNG_1X1, Page, Report, Site, Truth
from gov_reports.demo.builder.text import E

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
PAGE_SIZE = 5
CHINA = timezone(timedelta(hours=8))


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


def ground_truth() -> Truth:
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
