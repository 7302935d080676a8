# ruff: noqa: E501  (HTML templates and Chinese report text: long lines are content)
"""The ASP.NET demo site: 资阳市雁江区人民政府's 政府信息公开年报 list, a WebForms GridView.

What the crawler meets on a 四川 county's ASP.NET 信息公开 platform (``gk/default.aspx`` lists,
``year_details.aspx?dept=…&id=…`` pages):

* the list is a GridView of four entries per page over three pages; the next pages are postbacks,
  ``javascript:__doPostBack('ctl00$ContentPlaceHolder1$GridView1','Page$N')`` (quotes written ``&#39;``),
  beside a 下一页 LinkButton (``…$lbtnNext``) that stays active on the last page (it posts back to the last
  page again: an endless next link);
* the page's ``<form id="form1">`` holds ``__VIEWSTATE``, ``__VIEWSTATEGENERATOR`` and ``__EVENTVALIDATION``,
  and a site-search ``<form>`` comes before it in the header (the first form of the page is the wrong one);
  the server (gov_reports/demo/endpoints/aspnet.py) answers a postback only with the view state and event validation of
  a page it issued and only for a postback that page offered, and answers the page ``__EVENTARGUMENT`` asks
  for;
* the GridView cuts titles to 18 characters and a 「...」, with no title attribute: 「资阳市雁江区2022年政府信息公开工...」
  is the district's 2022 report, 「资阳市雁江区2021年政府信息公开工...」 once its 2021 report and once the
  interpretation of it, 「关于做好2022年度政府信息公开工作...」 the compile notice: only the pages tell;
* report pages carry the title and a 发布日期 label (no PubDate meta): the record's ``published``.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass

from gov_reports.demo.builder.aspnet_reports import (
    COMPILE_NOTICE,
    DISTRICT,
    INTERPRETATION,
    JT_2021,
    OFFICE,
    RULE,
    ST_2022,
    WJ_2020,
    WORK_PLAN,
    YJ_2016,
    YJ_2020,
    YJ_2021,
    YJ_2022,
)
from gov_reports.demo.builder.bodies import Modern, Old, spec_body, spec_report
from gov_reports.demo.builder.chrome import footer, menu_tail, site_metas
from gov_reports.demo.builder.model import Page, Report, Site, Truth
from gov_reports.demo.builder.text import E

LIST = "/gk/default.aspx"
GRID = "ctl00$ContentPlaceHolder1$GridView1"
NEXT = "ctl00$ContentPlaceHolder1$lbtnNext"
PREVIOUS = "ctl00$ContentPlaceHolder1$lbtnPrev"
PER_PAGE = 4
SHOWN_CHARS = 18  # the GridView template: Title.Length > 18 ? Title.Substring(0, 18) + "..." : Title

SITE = Site(
    key="aspnet",
    style="aspnet",
    name=DISTRICT,
    domain="www.yanjiang.gov.cn",
    idcode="5120020001",
    charset="utf-8",
    encoding="utf-8",
    sponsor="资阳市雁江区人民政府办公室",
    undertaker="资阳市雁江区大数据中心",
    icp="蜀ICP备05029915号",
    police="川公网安备 51200202000115号",
    intro="走进雁江",
    hubs={
        "/zwgk/index.html": (
            "政务公开",
            ["首页", "政务公开"],
            [
                ("政府信息公开指南", "/gk/zn.aspx"),
                ("政府信息公开制度", "/gk/zd.aspx"),
                ("政府信息公开年报", LIST),
            ],
        )
    },
    home_links=[("政务公开", "/zwgk/index.html"), ("走进雁江", "/zjyj/index.html")],
    start=[LIST],
)
START = SITE.start


@dataclass(frozen=True)
class Entry:
    """One GridView row and the page it links to."""

    dept: int
    article: int
    date: str
    title: str
    body: str
    source: str
    report: Modern | Old | None = None
    trap: str | None = None

    @property
    def href(self) -> str:
        return f"year_details.aspx?dept={self.dept}&id={self.article}"

    @property
    def path(self) -> str:
        return f"/gk/{self.href}"

    @property
    def shown(self) -> str:
        return self.title if len(self.title) <= SHOWN_CHARS else self.title[:SHOWN_CHARS] + "..."


def _report(dept: int, article: int, date: str, spec: Modern | Old, title: str | None = None) -> Entry:
    title = (
        title
        or f"{spec.issuer.removesuffix('人民政府') if spec.issuer == DISTRICT else spec.issuer}{spec.year}年政府信息公开工作年度报告"
    )
    return Entry(dept, article, date, title, spec_body(spec), spec.issuer, report=spec)


ENTRIES = [
    _report(38, 91674, "2023-01-16", YJ_2022),
    _report(105, 91520, "2023-01-12", ST_2022, "资阳市雁江区松涛镇2022年政府信息公开工作年度报告"),
    Entry(38, 90877, "2022-12-20", "关于做好2022年度政府信息公开工作年度报告编制发布工作的通知", COMPILE_NOTICE, OFFICE, trap="compile_notice"),
    Entry(38, 86102, "2022-04-08", "资阳市雁江区2022年政务公开工作要点", WORK_PLAN, OFFICE, trap="work_plan"),
    _report(52, 83315, "2022-01-25", JT_2021),
    Entry(38, 83287, "2022-01-21", "资阳市雁江区2021年政府信息公开工作年度报告解读", INTERPRETATION, OFFICE, trap="interpretation"),
    _report(38, 83240, "2022-01-20", YJ_2021),
    Entry(38, 79016, "2021-06-01", "政府信息公开工作年度报告制度", RULE, OFFICE, trap="rule"),
    _report(61, 71582, "2021-01-28", WJ_2020),
    _report(38, 71366, "2021-01-22", YJ_2020),
    _report(38, 52018, "2017-03-28", YJ_2016, "资阳市雁江区2016年政府信息公开工作报告"),
]  # fmt: skip
PAGES = [ENTRIES[i : i + PER_PAGE] for i in range(0, len(ENTRIES), PER_PAGE)]


def _token(prefix: str, seed: str, length: int) -> str:
    """A view state / event validation value: base64 as ASP.NET writes it, fixed per page."""
    digest = b"".join(hashlib.sha256(f"{seed}/{i}".encode()).digest() for i in range(length // 32 + 1))
    return prefix + base64.b64encode(digest[:length]).decode()


def viewstate(page: int) -> str:
    return _token(
        "/wEPDwUKLTM4NjQ3MzYwOQ9kFgJmD2QWAgIDD2QWAgIBDzwrABEDAA8WBB4LXyFEYXRhQm91bmRnHgtfIUl0ZW1Db3VudAIL",
        f"{LIST}#viewstate#{page}",
        180,
    )


def eventvalidation(page: int) -> str:
    return _token("/wEdAA", f"{LIST}#eventvalidation#{page}", 60)


def postbacks(page: int) -> list[list[str]]:
    """The postbacks page `page` (1-based) renders, as its event validation admits them."""
    offered = [[GRID, f"Page${n}"] for n in range(1, len(PAGES) + 1) if n != page]
    if page > 1:
        offered.append([PREVIOUS, ""])
    offered.append([NEXT, ""])  # never disabled, not even on the last page
    return offered


def _postback_link(target: str, argument: str, text: str, element_id: str = "") -> str:
    ident = f' id="{element_id}"' if element_id else ""
    return f'<a{ident} href="javascript:__doPostBack(&#39;{target}&#39;,&#39;{argument}&#39;)">{text}</a>'


def head(title: str, article: str | None = None, source: str = "") -> str:
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" /><title>
	{E(title)}_{SITE.name}
</title>
{site_metas(SITE, "政府信息公开年报", article, None, source)}
</head>
<body>
<div class="top"><div class="logo">{SITE.name}</div>
<div class="nav"><a href="/">首页</a> <span>{SITE.intro}</span> <a href="/zwgk/index.html">政务公开</a> <span>政务服务</span> <span>互动交流</span></div>
<form action="/search/search.aspx" method="get" id="searchform" target="_blank"><input type="text" name="keyword" value="" /><input type="submit" value="搜索" /></form>
</div>"""


def form_open(action: str, page: int | None) -> str:
    state = viewstate(page) if page else _token("/wEPDwULLTE2MTY2ODcyMjlkZA", f"{action}#detail", 40)
    validation = (
        f'<div class="aspNetHidden">\n<input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" value="CA0B0334" />\n'
        f'<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="{eventvalidation(page)}" />\n</div>'
        if page
        else ""
    )
    script = (
        """<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['form1'];
if (!theForm) {
    theForm = document.form1;
}
function __doPostBack(eventTarget, eventArgument) {
    if (!theForm.onsubmit || (theForm.onsubmit() != false)) {
        theForm.__EVENTTARGET.value = eventTarget;
        theForm.__EVENTARGUMENT.value = eventArgument;
        theForm.submit();
    }
}
//]]>
</script>"""
        if page
        else ""
    )
    targets = (
        '<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />\n'
        '<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />\n'
        if page
        else ""
    )
    return f"""<form method="post" action="{E(action)}" id="form1">
<div class="aspNetHidden">
{targets}<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="{state}" />
</div>
{script}
{validation}"""


def crumb(tail: str = "") -> str:
    return (
        '<div class="crumb">您现在的位置：<a href="/">首页</a> &gt; <a href="/zwgk/index.html">政务公开</a> &gt; '
        f'<a href="{LIST}">政府信息公开年报</a>{tail}</div>'
    )


def list_page(page: int) -> str:
    """GridView page `page` (1-based) of the 年报 list."""
    rows = "\n".join(
        f'<tr>\n<td class="title"><a href="{E(e.href)}" target="_blank">{E(e.shown)}</a></td><td class="date">{e.date}</td>\n</tr>'
        for e in PAGES[page - 1]
    )
    pager = "".join(
        f"<td><span>{n}</span></td>" if n == page else f"<td>{_postback_link(GRID, f'Page${n}', str(n))}</td>"
        for n in range(1, len(PAGES) + 1)
    )
    previous = (
        _postback_link(PREVIOUS, "", "上一页", "ContentPlaceHolder1_lbtnPrev")
        if page > 1
        else '<a id="ContentPlaceHolder1_lbtnPrev" disabled="disabled">上一页</a>'
    )
    following = _postback_link(NEXT, "", "下一页", "ContentPlaceHolder1_lbtnNext")
    return f"""{head("政府信息公开年报")}
{form_open("./default.aspx", page)}
{crumb()}
<div class="gk-list">
<h3>政府信息公开年报</h3>
<div>
	<table class="grid" cellspacing="0" rules="all" border="1" id="ContentPlaceHolder1_GridView1" style="width:100%;border-collapse:collapse;">
		<tr>
			<th scope="col">标题</th><th scope="col">发布日期</th>
		</tr>
{rows}
<tr class="pager">
<td colspan="2"><table><tr>{pager}</tr></table></td>
</tr>
	</table>
</div>
<div class="pagebar">共{len(ENTRIES)}条记录　第{page}/{len(PAGES)}页　{previous}　{following}</div>
</div>
</form>
{footer(SITE)}
</body>
</html>
"""


def detail_page(entry: Entry) -> str:
    return f"""{head(entry.title, entry.title, entry.source)}
{form_open(f"./{entry.href}", None)}
{crumb(" &gt; <span>正文</span>")}
<table class="xxgk-info" cellspacing="0">
<tr><td class="label">索&nbsp;引&nbsp;号：</td><td>{entry.dept:03d}/{entry.date[:4]}-{entry.article:06d}</td><td class="label">发布机构：</td><td>{E(entry.source)}</td></tr>
<tr><td class="label">公开方式：</td><td>主动公开</td><td class="label">发布日期：</td><td>{entry.date}</td></tr>
</table>
<div class="article">
<h1 id="lblTitle">{E(entry.title)}</h1>
<div class="info">发布时间：{entry.date}　来源：{E(entry.source)}　点击数：<span id="lblHits">--</span></div>
<div id="lblContent" class="content">
{entry.body}
</div>
<div class="tools"><a href="javascript:window.print()">【打印】</a> <a href="javascript:window.close()">【关闭】</a></div>
</div>
</form>
{footer(SITE)}
</body>
</html>
"""


def home_page() -> str:
    links = "\n".join(f'<li><a href="{path}">{E(name)}</a></li>' for name, path in SITE.home_links or [])
    return f"""{head("首页")}
<div class="banner"><span>千年古城 · 幸福雁江</span></div>
<div class="quick"><ul>
{links}
</ul></div>
<div class="news"><h3>雁江要闻</h3><ul>
<li><span>雁江区召开2023年经济工作会议</span><span class="date">2023-01-17</span></li>
<li><span>我区开展节前安全生产检查</span><span class="date">2023-01-11</span></li>
</ul></div>
{footer(SITE)}
</body>
</html>
"""


def hub_page(title: str, menu: list[tuple[str, str]]) -> str:
    return f"""{head(title)}
<div class="crumb">您现在的位置：<a href="/">首页</a> &gt; <span>{E(title)}</span></div>
{menu_tail(SITE, title, menu)}"""


def render() -> dict[str, bytes]:
    """Every file of the site, by path relative to data/demo (query variants as ``name@query``)."""
    texts = {"/index.html": home_page(), "/robots.txt": SITE.robots, LIST: list_page(1)}
    for path, (title, _names, menu) in SITE.hubs.items():
        texts[path] = hub_page(title, menu)
    files = [LIST.lstrip("/")] + [f"_aspnet/default_{n}.html" for n in range(2, len(PAGES) + 1)]
    for n in range(2, len(PAGES) + 1):
        texts[f"/_aspnet/default_{n}.html"] = list_page(n)
    lists = {
        LIST: [
            {
                "viewstate": viewstate(n),
                "eventvalidation": eventvalidation(n),
                "postbacks": postbacks(n),
                "file": files[n - 1],
            }
            for n in range(1, len(PAGES) + 1)
        ]
    }
    texts["/_aspnet/postbacks.json"] = json.dumps(lists, ensure_ascii=False, indent=1) + "\n"
    texts.update({e.path.replace("?", "@"): detail_page(e) for e in ENTRIES})
    return {f"{SITE.key}{path}": text.encode(SITE.encoding) for path, text in texts.items()}


def ground_truth() -> Truth:
    pages: list[Page] = []
    reports: list[Report] = []
    traps: list[dict[str, str]] = []
    for e in ENTRIES:
        pages.append(
            Page(site=SITE.key, path=e.path, title=e.title, body=e.body, lists=[], label_date=e.date, source=e.source)
        )
        number = 1 + ENTRIES.index(e) // PER_PAGE
        where = f"GridView page {number} of {len(PAGES)}" + (" (a postback)" if number > 1 else "")
        if e.report is not None:
            cut = f", listed as 「{e.shown}」" if e.shown != e.title else ""
            reports.append(spec_report(e.report, e.path, f"ASP.NET GridView list, {where}{cut}"))
        elif e.trap is not None:
            traps.append({"site": SITE.key, "path": e.path, "title": e.title, "kind": e.trap})
    return pages, reports, traps
