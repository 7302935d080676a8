# ruff: noqa: E501  (HTML templates and Chinese report text: long lines are content)
"""The demo's Hanweb 信息公开 module site (site style `hanweb_xxgk`): 丽水市莲都区人民政府.

reference/portals.md §2.4. What the crawler has to get through, as a real 浙江 county serves it:
* the home page links 「政务公开」/「政府信息公开」 to the 信息公开 directory, whose tree links the
  「政府信息公开年报」 column (`/col/col1229288480/index.html`, the site's start URL);
* the column page carries the list only as a POST form to `/module/xxgk/search.jsp` (hidden `infotypeId`,
  `jdid`, `area`, `divid`, `sortfield`, `currpage`…; the site's script would load the answer into the `div`):
  three answers of three entries, 「共3页」 between `&nbsp;`s, rows `tr.tr_main_value_odd/even` whose link text
  is cut short (the `title` attribute is whole), answered by gov_reports/demo/endpoints/xxgk.py from
  `_xxgk/lists.json`. Four reports (2019 format 2020 and 2019, pre-2019 2018 and 2017) under `/art/…` as
  Hanweb writes them, and three traps (a 通知 on compiling the reports, a 图解, a 工作要点);
* the column page links the dedicated annual-report view `xxgkAnnualReport.jsp?fbtime=2023&area={code}`:
  three year tabs (2023, 2022, 2021) and a unit `<select>` of three issuers, each with its own
  统一社会信用代码 as `area` (the government, its 发展和改革局 and its 教育局). Eight (year, unit) pages are
  2021-format reports; 教育局 2021 says 「暂无数据」 and is no record.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import urlencode

from gov_reports.demo.builder.bodies import modern_body, old_body
from gov_reports.demo.builder.chrome import footer, meta_table_html, site_metas
from gov_reports.demo.builder.model import Page, Report, Site, Truth
from gov_reports.demo.builder.text import E
from gov_reports.demo.builder.xxgk_reports import (
    ACTION_QUERY,
    COLUMN_ID,
    FORM,
    GOV,
    GRAPHIC_BODY,
    NO_REPORT,
    NOTICE_BODY,
    PLAN_BODY,
    UNITS,
    Unit,
    annual_modern,
    gov_2019_format,
    gov_old,
)
from gov_reports.model.vocabulary import ReportFormat

KEY = "xxgk"
STYLE = "hanweb_xxgk"
HUB = "/col/col1229288473/index.html"
COLUMN = "/col/col1229288480/index.html"
SEARCH = "/module/xxgk/search.jsp"
ANNUAL = "/module/xxgk/xxgkAnnualReport.jsp"
LISTS_FILE = "/_xxgk/lists.json"
PER_PAGE = 3
YEARS = (2023, 2022, 2021)

SITE = Site(
    key=KEY,
    style=STYLE,
    name="丽水市莲都区人民政府",
    domain="www.liandu.gov.cn",
    idcode="3311020001",
    charset="utf-8",
    encoding="utf-8",
    sponsor="丽水市莲都区人民政府办公室",
    undertaker="丽水市莲都区大数据发展中心",
    icp="浙ICP备12028736号",
    police="浙公网安备 33110202000123号",
    intro="走进莲都",
)
START = [COLUMN]


def annual_path(year: int, unit: Unit) -> str:
    return f"{ANNUAL}?fbtime={year}&area={unit.code}"


def art(y: int, m: int, d: int, n: int) -> str:
    return f"/art/{y}/{m}/{d}/art_{COLUMN_ID}_{n}.html"


# ------------------------------------------------------------------------- declarations


@dataclass
class XxgkDemo:
    """The declarations render.py lists with the other sites', and the renderer of this site's files."""

    pages: list[Page] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    traps: list[dict[str, str]] = field(default_factory=list)
    entries: list[tuple[Page, str]] = field(default_factory=list)  # (page, list date) of the search.jsp list
    annual: dict[tuple[int, str], Page | None] = field(default_factory=dict)  # (year, unit name) -> its page, or None

    def render(self) -> dict[str, bytes]:
        """Every file of the site (path relative to data/demo) and its bytes."""
        files: dict[str, bytes] = {}

        def put(path: str, text: str) -> None:
            files[f"{SITE.key}{path.replace('?', '@')}"] = text.encode(SITE.encoding)

        put("/index.html", self.home())
        put(HUB, self.hub())
        put(COLUMN, self.column_page())
        for page, _date in self.entries:
            put(page.path, self.detail(page))
        for (year, name), view in self.annual.items():
            unit = next(u for u in UNITS if u.name == name)
            put(annual_path(year, unit), self.annual_page(year, unit, view))
        files[f"{SITE.key}/robots.txt"] = SITE.robots.encode()
        entries = sorted(self.entries, key=lambda e: e[1], reverse=True)
        lists = {
            "about": "The search.jsp list of the 政府信息公开年报 column, answered by gov_reports/demo/endpoints/xxgk.py.",
            "lists": [
                {
                    **{k: v for k, v in FORM if k in ("infotypeId", "jdid", "area", "divid")},
                    "per_page": PER_PAGE,
                    "entries": [{"href": p.path, "title": p.list_title or p.title, "date": d} for p, d in entries],
                }
            ],
        }
        files[f"{SITE.key}{LISTS_FILE}"] = (json.dumps(lists, ensure_ascii=False, indent=1) + "\n").encode()
        return files

    # -- chrome ------------------------------------------------------------------

    def head(self, title: str, column: str | None, article: str | None = None, pubdate: str | None = None) -> str:
        metas = site_metas(SITE, column, article, pubdate, SITE.name) if column else ""
        return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{E(title)}</title>
{metas}
<link rel="stylesheet" href="/script/xxgk.css">
</head>
<body>
<div class="top"><span>丽水市人民政府</span> <span>浙江政务服务网</span> <span>无障碍</span> <span>长者模式</span></div>
<div class="header"><div class="logo">{SITE.name}</div>
<div class="nav"><a href="/">首页</a> <a href="{HUB}">政务公开</a> <span>政务服务</span> <span>互动交流</span> <span>{SITE.intro}</span></div></div>"""

    def foot(self) -> str:
        return f"""{footer(SITE)}
</body>
</html>
"""

    def crumb(self, *tail: str) -> str:
        parts = ['<a href="/">首页</a>', f'<a href="{HUB}">政府信息公开</a>', *tail]
        return f'<div class="position">当前位置：{"&nbsp;&gt;&nbsp;".join(parts)}</div>'

    def tree(self) -> str:
        return f"""<div class="xxgk_left"><h3>政府信息公开</h3><ul class="xxgk_tree">
<li><span>政府信息公开指南</span></li>
<li><span>政府信息公开制度</span></li>
<li><span>法定主动公开内容</span></li>
<li class="on"><a href="{COLUMN}">政府信息公开年报</a></li>
</ul></div>"""

    # -- pages -------------------------------------------------------------------

    def home(self) -> str:
        return f"""{self.head(SITE.name, None)}
<div class="banner"><p>绿水青山就是金山银山</p></div>
<div class="block"><h3>政务公开</h3><ul>
<li><a href="{HUB}">政府信息公开</a></li>
<li><span>政策文件</span></li>
<li><span>政策解读</span></li>
<li><span>重点领域信息公开</span></li>
</ul></div>
<div class="block"><h3>莲都要闻</h3><ul>
<li><span>莲都区召开2024年经济工作会议</span><span>2024-01-05</span></li>
<li><span>莲都区推进“最多跑一次”改革再深化</span><span>2023-12-28</span></li>
</ul></div>
{self.foot()}"""

    def hub(self) -> str:
        return f"""{self.head("政府信息公开_" + SITE.name, "政府信息公开")}
{self.crumb()}
<div class="xxgk_main">
{self.tree()}
<div class="xxgk_right"><h3>信息公开目录</h3>
<p>本目录按照《中华人民共和国政府信息公开条例》规定编制，列明本机关主动公开的政府信息。</p>
</div>
</div>
{self.foot()}"""

    def column_page(self) -> str:
        hidden = "\n".join(f'<input type="hidden" name="{k}" value="{E(v)}">' for k, v in FORM)
        action = E(f"{SEARCH}?{urlencode(ACTION_QUERY, safe=',:')}")
        entry = E(annual_path(YEARS[0], GOV))
        return f"""{self.head("政府信息公开年报_" + SITE.name, "政府信息公开年报")}
{self.crumb(f'<a href="{COLUMN}">政府信息公开年报</a>')}
<div class="xxgk_main">
{self.tree()}
<div class="xxgk_right">
<div class="nb_tab"><span class="on">年报列表</span> <a href="{entry}">按年度、按单位查看年报</a></div>
<form id="searchform" name="searchform" action="{action}" method="post">
{hidden}
<div class="search_bar">标题：<input type="text" name="keyWord" value="" size="20"> <input type="submit" value="搜索"></div>
</form>
<div id="div{COLUMN_ID}"><p>正在加载……</p></div>
<script type="text/javascript">
$(function () {{ $('#div{COLUMN_ID}').load($('#searchform').attr('action'), $('#searchform').serialize()); }});
function goPage(n) {{ $('#searchform input[name=currpage]').val(n); $('#div{COLUMN_ID}').load($('#searchform').attr('action').replace(/currpage=\\d+/, 'currpage=' + n), $('#searchform').serialize()); }}
</script>
</div>
</div>
{self.foot()}"""

    def detail(self, page: Page) -> str:
        meta = meta_table_html(page.meta_table, "hanweb") if page.meta_table else ""
        articleid = page.path.rsplit("_", 1)[-1].split(".")[0]
        return f"""{self.head(page.title + "_" + SITE.name, "政府信息公开年报", page.title, page.pubdate)}
<meta name="i_columnid" content="{COLUMN_ID}">
<meta name="i_articleid" content="{articleid}">
{self.crumb(f'<a href="{COLUMN}">政府信息公开年报</a>')}
{meta}
<div class="article">
<h1 class="title">{E(page.title)}</h1>
<div class="info"><span>发布日期：{page.pubdate}</span>&nbsp;<span>来源：{E(page.source)}</span>&nbsp;<span>字号：<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a></span></div>
<div id="zoom">
<!--ZJEG_RSS.content.begin--><meta name="ContentStart">
{page.body}
<meta name="ContentEnd"><!--ZJEG_RSS.content.end-->
</div>
<div class="tools"><a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
{self.foot()}"""

    def annual_page(self, year: int, unit: Unit, page: Page | None) -> str:
        options = "\n".join(
            f'<option value="{u.code}"{" selected" if u is unit else ""}>{u.name}</option>' for u in UNITS
        )
        current = ' class="on"'
        tabs = "\n".join(
            f'<li{current if y == year else ""}><a href="{E(annual_path(y, unit))}">{y}年度</a></li>' for y in YEARS
        )
        if page is None:
            body = '<div id="zoom" class="nb_content"><p class="nodata">暂无数据</p></div>'
        else:
            body = f"""<div class="nb_title"><h1>{E(page.title)}</h1></div>
<div class="nb_info">发布机构：{unit.name}&nbsp;&nbsp;&nbsp;&nbsp;发布时间：{page.label_date}</div>
<div id="zoom" class="nb_content">
{page.body}
</div>
<div class="nb_voice"><a href="javascript:void(0)" onclick="playVoice()">点击收听年报语音朗读</a></div>"""
        return f"""{self.head("政府信息公开年报_" + SITE.name, "政府信息公开年报")}
{self.crumb(f'<a href="{COLUMN}">政府信息公开年报</a>')}
<div class="nb_main">
<div class="nb_unit">单位：<select id="unitSelect" name="area" onchange="window.location.href='{ANNUAL}?fbtime={year}&amp;area='+this.value">
{options}
</select></div>
<ul class="nb_year">
{tabs}
</ul>
{body}
</div>
{self.foot()}"""


@cache
def declared() -> XxgkDemo:
    """The site's pages and their ground truth, in the builder's own types (model.py; declared once)."""
    demo = XxgkDemo()

    def listed(page: Page, date: str) -> Page:
        demo.pages.append(page)
        demo.entries.append((page, date))
        return page

    def meta(number: str, date: str) -> dict[str, str]:
        return {
            "索引号": f"{GOV.code}/{number}",
            "发布机构": GOV.name,
            "生成日期": date,
            "组配分类": "政府信息公开年报",
        }

    # -- the search.jsp list: the government's own reports before the annual-report view, and traps
    dated = (
        (2020, art(2021, 2, 3, 58931201), "2021-02-03 16:20", "2021-00012", "2019"),
        (2019, art(2020, 3, 18, 58710332), "2020-03-18 09:30", "2020-00031", "2019"),
        (2018, art(2019, 3, 25, 58506417), "2019-03-25 10:05", "2019-00027", "pre2019"),
        (2017, art(2018, 3, 28, 58301958), "2018-03-28 15:40", "2018-00035", "pre2019"),
    )
    for year, path, pubdate, number, fmt in dated:
        modern = gov_2019_format(year) if fmt == ReportFormat.Y2019 else None
        title = f"{GOV.name}{year}年政府信息公开工作年度报告"
        body = modern_body(modern) if modern else old_body(gov_old(year))
        listed(
            Page(
                site=KEY,
                path=path,
                title=title,
                body=body,
                lists=[],
                pubdate=pubdate,
                source=GOV.office,
                meta_table=meta(number, pubdate[:10]),
            ),
            pubdate[:10],
        )
        demo.reports.append(
            Report(
                issuer=GOV.name,
                year=year,
                fmt=fmt,
                pages=[path],
                best=path,
                note="xxgk search.jsp list (POST form, 共3页): a Hanweb /art/ page with the 信息公开 metadata table"
                + ("; real tables" if fmt == ReportFormat.Y2019 else "; pre-2019 prose"),
                t3=(fmt, modern.t3) if modern else None,
                evidence={"credit_code": GOV.code},  # the list is the government's catalogue (form area)
            )
        )

    def trap(path: str, title: str, body: str, date: str, kind: str) -> None:
        page = Page(
            site=KEY,
            path=path,
            title=title,
            body=body,
            lists=[],
            pubdate=date + " 10:00",
            source=GOV.office,
            meta_table=meta("2020-00099", date),
        )
        listed(page, date)
        demo.traps.append({"site": KEY, "path": path, "title": title, "kind": kind})

    trap(
        art(2020, 11, 16, 58812077),
        "关于做好2020年度政府信息公开工作年度报告编制和发布工作的通知",
        NOTICE_BODY,
        "2020-11-16",
        "notice",
    )
    trap(
        art(2020, 3, 20, 58711590),
        "图解：丽水市莲都区人民政府2019年政府信息公开工作年度报告",
        GRAPHIC_BODY,
        "2020-03-20",
        "interpretation",
    )
    trap(
        art(2021, 3, 1, 58990421),
        "丽水市莲都区2021年政务公开工作要点",
        PLAN_BODY,
        "2021-03-01",
        "plan",
    )

    # -- the annual-report view: every (year, unit) page; the one with no report says 「暂无数据」
    for year in YEARS:
        for unit in UNITS:
            path = annual_path(year, unit)
            if (year, unit.name) in NO_REPORT:
                demo.annual[(year, unit.name)] = None
                demo.traps.append(
                    {"site": KEY, "path": path, "title": f"{unit.name}{year}年度（暂无数据）", "kind": "no_report"}
                )
                continue
            spec = annual_modern(unit, year)
            page = Page(
                site=KEY,
                path=path,
                title=f"{unit.name}{year}年政府信息公开工作年度报告",
                body=modern_body(spec),
                lists=[],
                label_date=f"{year + 1}-01-{unit.published_day:02d}",
            )
            demo.pages.append(page)
            demo.annual[(year, unit.name)] = page
            demo.reports.append(
                Report(
                    issuer=unit.name,
                    year=year,
                    fmt=ReportFormat.Y2021,
                    pages=[path],
                    best=path,
                    note="xxgkAnnualReport.jsp: the page is the report (year tab × unit select); "
                    f"area={unit.code} is the issuer's credit code",
                    t3=("2021", spec.t3),
                    listing_page=True,
                    evidence={"credit_code": unit.code, "publisher": unit.name},
                )
            )
    return demo


def render() -> dict[str, bytes]:
    """Every file of the site, by path relative to data/demo."""
    return declared().render()


def ground_truth() -> Truth:
    demo = declared()
    return list(demo.pages), list(demo.reports), list(demo.traps)
