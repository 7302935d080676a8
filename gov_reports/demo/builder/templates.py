# ruff: noqa: E501  (HTML templates and Chinese report text: long lines are content)
"""The page templates of the Hanweb, TRS and generic sites (sites.py): details, lists, home and hub pages."""

from __future__ import annotations

from gov_reports.demo.builder.chrome import attach_html, footer, meta_table_html, rel, site_metas
from gov_reports.demo.builder.model import Column, Page, Site
from gov_reports.demo.builder.sites import COLUMNS
from gov_reports.demo.builder.text import E
from gov_reports.demo.hanweb import render_datastore


def crumb_html(site: Site, names: list[str], column: Column | None, sep: str) -> str:
    """当前位置: only 首页 and the column are links; the rest are plain text."""
    parts = []
    for i, name in enumerate(names):
        if i == 0:
            parts.append(f'<a href="/">{name}</a>')
        elif column is not None and name == column.name:
            parts.append(f'<a href="{column.path}">{name}</a>')
        elif any(title == name for title, _, _ in site.hubs.values()):
            path = next(path for path, (title, _, _) in site.hubs.items() if title == name)
            parts.append(f'<a href="{path}">{name}</a>')
        elif any(c.site == site.key and c.name == name for c in COLUMNS.values()):
            other = next(c for c in COLUMNS.values() if c.site == site.key and c.name == name)
            parts.append(f'<a href="{other.path}">{name}</a>')
        else:
            parts.append(f"<span>{name}</span>")
    return sep.join(parts)


def hanweb_detail(site: Site, col: Column, page: Page, related: str) -> str:
    crumb = crumb_html(site, col.crumb + page.crumb_tail, col, "&nbsp;&gt;&nbsp;")
    meta = meta_table_html(page.meta_table, "hanweb") if page.meta_table else ""
    attach = attach_html(page)
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{E(page.title)}_{site.name}</title>
{site_metas(site, col.name, page.title, page.pubdate, page.source)}
<meta name="i_columnid" content="{col.columnid}">
<meta name="i_articleid" content="{page.path.rsplit("_", 1)[-1].split(".")[0]}">
</head>
<body>
<div class="top"><span>中国·哈尔滨</span> <span>中国政府网</span> <span>黑龙江省政府网</span> <span>English</span> <span>Русская версия</span> <span>无障碍</span> <span>长者模式</span></div>
<div class="nav"><a href="/">首 页</a> <span>政 务 公 开</span> <span>网 上 办 事</span> <span>互 动 交 流</span> <span>走 进 冰 城</span></div>
<div class="position">当前位置:&nbsp;{crumb}</div>
{meta}
<div class="article">
<h1 class="title">{E(page.title)}</h1>
<div class="info"><span>日期:{page.label_date or ""}</span>&nbsp;<span>来源:{E(page.source)}</span>&nbsp;<span>字号:<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a></span>&nbsp;<span>点击数:<script>document.write(Math.round(Math.random()*1000))</script></span></div>
<div id="zoom">
<!--ZJEG_RSS.content.begin--><meta name="ContentStart">
{page.body}
<meta name="ContentEnd"><!--ZJEG_RSS.content.end-->
{page.after_content}
</div>
{attach}
<div class="tools"><a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a> <span>收藏</span> <span>分享到：微信 微博 QQ空间</span></div>
<div class="qrcode"><p>扫一扫在手机打开当前页</p></div>
{related}
</div>
<div id="znwd">智小龙问答机器人 hi!我是智小龙</div>
{footer(site)}
{page.tail}
</body>
</html>
"""


def hanweb_column(site: Site, col: Column, records: list[dict[str, str]]) -> str:
    first = records[: col.per_page]
    column_data = {"columnid": col.columnid, "unitid": col.unitid, "webid": 1, "webname": site.name}
    store = render_datastore(column_data, first)
    crumb = crumb_html(site, col.crumb, col, "&nbsp;&gt;&nbsp;")
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{col.name}_{site.name}</title>
{site_metas(site, col.name, None, None)}
</head>
<body>
<div class="top"><span>中国·哈尔滨</span> <span>中国政府网</span> <span>黑龙江省政府网</span> <span>无障碍</span></div>
<div class="nav"><a href="/">首 页</a> <span>政 务 公 开</span> <span>网 上 办 事</span> <span>互 动 交 流</span></div>
<div class="position">当前位置:&nbsp;{crumb}</div>
<div class="lm_title">{col.name}</div>
<div class="lm_list">
<div id="{col.unitid}"><script type="text/xml">{store}</script></div>
<script>var param_{col.unitid}={{col:1,appid:1,webid:1,path:'/',columnid:{col.columnid},sourceContentType:1,unitid:'{col.unitid}',webname:'{site.name}',permissiontype:0}}; $('#{col.unitid}').jpage({{proxyUrl:'/module/web/jpage/dataproxy.jsp',width:'100%',perPage:{col.per_page},totalRecord:{len(records)},groupSize:3,barPosition:'bottom',ajaxParam:param_{col.unitid},showMode:'full',allRecord:{len(records)}}});</script>
</div>
{footer(site)}
</body>
</html>
"""


TRS_PAGE_JS = """<script type="text/javascript">
function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){
	if(_nPageCount == null || _nPageCount<=1){ return; }
	var nCurrIndex = _nCurrIndex || 0;
	if(nCurrIndex == 0)
		document.write("<span>首页</span>&nbsp;<span>上一页</span>&nbsp;");
	else {
		document.write("<a href=\\""+_sPageName+"."+_sPageExt+"\\">首页</a>&nbsp;");
		if(nCurrIndex == 1)
			document.write("<a href=\\""+_sPageName+"."+_sPageExt+"\\">上一页</a>&nbsp;");
		else
			document.write("<a href=\\""+_sPageName+"_" + (nCurrIndex-1) + "."+_sPageExt+"\\">上一页</a>&nbsp;");
	}
	if(nCurrIndex == (_nPageCount-1))
		document.write("<span>下一页</span>&nbsp;<span>尾页</span>");
	else {
		document.write("<a href=\\""+_sPageName+"_" + (nCurrIndex+1) + "."+_sPageExt+"\\">下一页</a>&nbsp;");
		document.write("<a href=\\""+_sPageName+"_" + (_nPageCount-1) + "."+_sPageExt+"\\">尾页</a>");
	}
}
</script>"""


def trs_head(site: Site, title: str, column: str, pubdate: str | None, article: str | None, source: str = "") -> str:
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>{E(title)}</title>
{site_metas(site, column, article, pubdate, source)}
</head>
<body>
<div class="header"><div class="logo">中国秦皇岛</div><div class="date">欢迎访问秦皇岛市人民政府门户网站 简体 | 繁体 无障碍</div>
<div class="nav"><a href="/">首页</a> <span>走进港城</span> <span>政务公开</span> <span>政务服务</span> <span>政民互动</span></div></div>"""


def trs_detail(site: Site, col: Column, page: Page, related: str) -> str:
    crumb = crumb_html(site, col.crumb, col, " &gt; ")
    meta = meta_table_html(page.meta_table, "trs") if page.meta_table else ""
    return f"""{trs_head(site, page.title, col.name, page.pubdate, page.title, page.source)}
<div class="location">当前位置：{crumb}</div>
<div class="main">
{meta}
<div class="article">
<h1>{E(page.title)}</h1>
<div class="property"><span>发布日期：{page.label_date}</span>&nbsp;&nbsp;<span>来源：{E(page.source)}</span>&nbsp;&nbsp;<span>字体：[ <a href="javascript:void(0)">大</a> <a href="javascript:void(0)">中</a> <a href="javascript:void(0)">小</a> ]</span></div>
<div class="TRS_Editor"><div class="Custom_UnionStyle">
{page.body}
</div></div>
{page.after_content}{attach_html(page)}
<div class="bottom-tools"><a href="javascript:window.print()">【打印本页】</a>&nbsp;<a href="javascript:window.close()">【关闭窗口】</a></div>
{related}
</div>
</div>
{footer(site)}
{page.tail}
</body>
</html>
"""


def trs_list(site: Site, col: Column, entries: list[tuple[Page, str]], index: int, count: int, total: int) -> str:
    crumb = crumb_html(site, col.crumb, col, " &gt; ")
    here = list_page_path(col, index)
    lis = []
    for page, date in entries:
        href = rel(here, page.path)
        title = page.list_title or page.title
        lis.append(
            f'<li><span class="date">{date}</span><a href="{href}" target="_blank" '
            f'title="{E(title)}">{E(title)}</a></li>'
        )
    if col.scheme == "trs-classic":
        pager = (
            f'{TRS_PAGE_JS}\n<script type="text/javascript">createPageHTML({count}, {index}, "index", "html");</script>'
        )
    else:
        pager = (
            f'<div id="page_div"></div>\n<script type="text/javascript">'
            f"createPageHTML('page_div', {count}, {index + 1}, 'index', 'shtml', {total});</script>"
        )
    items = "\n".join(lis)
    return f"""{trs_head(site, col.name + "_" + site.name, col.name, None, None)}
<div class="location">当前位置：{crumb}</div>
<div class="main">
<div class="column-title">{col.name}</div>
<ul class="list">
{items}
</ul>
<div class="page">{pager}</div>
</div>
{footer(site)}
</body>
</html>
"""


def first_column(site: Site) -> Column:
    return next(c for c in COLUMNS.values() if c.site == site.key)


def generic_head(site: Site, title: str) -> str:
    return f"""<!doctype html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{E(title)}</title>
</head>
<body>
<div class="header"><div class="logo">{site.name}</div>
<div class="menu"><a href="/">首页</a> | <span>{site.intro}</span> | <a href="{first_column(site).path}">信息公开</a> | <span>政务服务</span> | <span>互动交流</span></div></div>"""


def generic_detail(site: Site, col: Column, page: Page) -> str:
    crumb = crumb_html(site, col.crumb, col, " » ")
    date = f"发布日期：{page.label_date}　" if page.label_date else ""
    container = 'class="article-content"' if page.path.startswith("/xxgk/") else 'id="content" class="con"'
    return f"""{generic_head(site, page.title + " - " + site.name)}
<div class="crumb">您现在的位置：{crumb}</div>
<div class="article">
<h2 class="art-title">{E(page.title)}</h2>
<div class="art-info">{date}来源：{E(page.source)}　浏览次数：<span id="views">--</span>　【字体：<a>大</a> <a>中</a> <a>小</a>】</div>
<div {container}>
{page.body}
</div>{attach_html(page)}
<div class="art-tools">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
</div>
<div class="footer"><p>主办单位：{site.sponsor}　承办单位：{site.undertaker}</p><p>网站标识码：{site.idcode}　{site.icp}　{site.police}</p></div>
</body>
</html>
"""


def generic_list(site: Site, col: Column, entries: list[tuple[Page, str]], index: int, count: int, total: int) -> str:
    crumb = crumb_html(site, col.crumb, col, " » ")
    name = col.path.rsplit("/", 1)[-1]

    def link(i: int) -> str:
        return name if i == 0 else f"{name}?page={i + 1}"

    lis = "\n".join(
        f'<li><a href="{p.path}" target="_blank">{E(p.list_title or p.title)}</a><span class="time">[{d}]</span></li>'
        for p, d in entries
    )
    nums = " ".join(
        f"<strong>{i + 1}</strong>" if i == index else f'<a href="{link(i)}">{i + 1}</a>' for i in range(count)
    )
    prev = f'<a href="{link(index - 1)}">上一页</a>' if index > 0 else "<span>上一页</span>"
    nxt = f'<a href="{link(index + 1)}">下一页</a>' if index < count - 1 else "<span>下一页</span>"
    return f"""{generic_head(site, col.name + " - " + site.name)}
<div class="crumb">您现在的位置：{crumb}</div>
<div class="list-box">
<h3>{col.name}</h3>
<ul class="news-list">
{lis}
</ul>
<div class="pager">共{total}条　第{index + 1}/{count}页　<a href="{link(0)}">首页</a> {prev} {nums} {nxt} <a href="{link(count - 1)}">尾页</a></div>
</div>
<div class="footer"><p>主办单位：{site.sponsor}　承办单位：{site.undertaker}</p><p>网站标识码：{site.idcode}　{site.icp}　{site.police}</p></div>
</body>
</html>
"""


def list_page_path(col: Column, index: int) -> str:
    """Where list page `index` (0-based) lives, as a URL path (with query for generic)."""
    if index == 0:
        return col.path
    stem = col.path.rsplit("/", 1)[0]
    if col.scheme == "trs-classic":
        return f"{stem}/index_{index}.html"
    if col.scheme == "trs-6arg":
        return f"{stem}/index_{index + 1}.shtml"
    if col.scheme == "generic":
        return f"{col.path}?page={index + 1}"
    raise ValueError(col.scheme)


def list_file_path(col: Column, index: int) -> str:
    return list_page_path(col, index).replace("?", "@")


def home_page(site: Site, menu: list[tuple[str, str]]) -> str:
    links = "\n".join(f'<li><a href="{path}">{name}</a></li>' for name, path in menu)
    return f"""<!doctype html>
<html><head><meta charset="utf-8"><title>{site.name}</title></head>
<body><h1>{site.name}</h1><p>离线演示站点（{site.domain}）</p><ul>
{links}
</ul>
{footer(site)}
</body></html>
"""


def hub_page(site: Site, title: str, crumb: list[str], menu: list[tuple[str, str]]) -> str:
    """A column that lists sub-columns (or a 政务公开 hub): a menu, no reports."""
    items = "\n".join(f'<li><a href="{path}">{E(name)}</a></li>' for name, path in menu)
    return f"""{generic_head(site, title + " - " + site.name)}
<div class="crumb">您现在的位置：{crumb_html(site, crumb, None, " » ")}</div>
<div class="list-box">
<h3>{E(title)}</h3>
<ul class="column-list">
{items}
</ul>
</div>
{footer(site)}
</body>
</html>
"""
