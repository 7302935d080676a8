"""Page chrome shared by every demo site: site meta tags, footer, the 信息公开 block, related and attachment links."""

from __future__ import annotations

import posixpath

from gov_reports.demo.builder.model import Page, Site
from gov_reports.demo.builder.text import E


def site_metas(site: Site, column: str, title: str | None, pubdate: str | None, source: str = "") -> str:
    lines = [
        f'<meta name="SiteName" content="{site.name}">',
        f'<meta name="SiteDomain" content="{site.domain}">',
        f'<meta name="SiteIDCode" content="{site.idcode}">',
        f'<meta name="ColumnName" content="{column}">',
        '<meta name="ColumnType" content="政府信息公开年报">',
    ]
    if title is not None:
        lines.append(f'<meta name="ArticleTitle" content="{E(title)}">')
    if pubdate is not None:
        lines.append(f'<meta name="PubDate" content="{pubdate}">')
    if title is not None:
        lines.append(f'<meta name="ContentSource" content="{E(source)}">')
    return "\n".join(lines)


def footer(site: Site) -> str:
    return (
        '<div class="footer">\n'
        '<p><a href="/">首页</a> | <span>网站地图</span> | <span>网站声明</span> | <span>联系我们</span></p>\n'
        f"<p>主办：{site.sponsor}　承办：{site.undertaker}</p>\n"
        f"<p>网站标识码：{site.idcode}　{site.icp}　{site.police}</p>\n"
        "<p>建议使用1366×768分辨率浏览</p>\n"
        "</div>"
    )


def meta_table_html(meta: dict[str, str], style: str) -> str:
    """The 信息公开 block: letter-spaced labels on the Hanweb site, NBSP padding on TRS."""
    if style == "trs":
        items = list(meta.items())
        cells = []
        for label, value in items:
            if label == "发布机构":
                cells.append(
                    f"<td>{label}:{value}&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;</td>"
                    "<td>字体:[&nbsp;&nbsp;<a>大</a> <a>中</a> <a>小</a>&nbsp;]</td>"
                )
            else:
                cells.append(f"<td>{label}:{value}&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;</td>")
        return (
            '<table class="xxgk-meta" width="100%"><tr>'
            + "".join(cells[:2])
            + "</tr><tr>"
            + "".join(cells[2:])
            + "</tr></table>"
        )
    spaced = {"索引号": "索&nbsp;&nbsp;引&nbsp;&nbsp;号", "文号": "文&nbsp;&nbsp;&nbsp;&nbsp;号"}
    rows = []
    items = list(meta.items())
    for i in range(0, len(items), 2):
        tds = "".join(f"<th>{spaced.get(k, k)}：</th><td>{E(v)}</td>" for k, v in items[i : i + 2])
        rows.append(f"<tr>{tds}</tr>")
    return '<table class="xxgk_table" cellspacing="0">\n' + "\n".join(rows) + "\n</table>"


def related_html(pages_by_path: dict[tuple[str, str], Page], page: Page, relative: bool) -> str:
    if not page.related:
        return ""
    items = []
    for path in page.related:
        other = pages_by_path[(page.site, path)]
        href = rel(page.path, path) if relative else path
        items.append(f'<li><a href="{href}" target="_blank">{E(other.title)}</a></li>')
    return '<div class="xgwz"><h3>相关文章</h3><ul>\n' + "\n".join(items) + "\n</ul></div>"


def rel(from_path: str, to_path: str) -> str:
    """A relative link as TRS writes them (./ and ../)."""
    start = posixpath.dirname(from_path)
    r = posixpath.relpath(to_path, start)
    return r if r.startswith("../") else "./" + r


def attach_html(page: Page) -> str:
    """The attachment block under the body: a 「年报下载:」 text line and/or 「附件：」 links."""
    if page.attachments:
        links = "".join(f'<a href="{E(href)}" target="_blank">{E(text)}</a>' for href, text in page.attachments)
        return f'<div class="attach"><p>{E(page.attach_label)}{links}</p></div>'
    if page.attach_text:
        return f'<div class="attach"><p>{E(page.attach_text)}</p></div>'
    return ""


def menu_tail(site: Site, title: str, menu: list[tuple[str, str]]) -> str:
    """The end of a platform site's 政务公开 hub page: its menu of links, the footer, the closing tags."""
    items = "\n".join(f'<li><a href="{path}">{E(name)}</a></li>' for name, path in menu)
    return f"""<div class="zwgk-menu"><h3>{E(title)}</h3><ul>
{items}
</ul></div>
{footer(site)}
</body>
</html>
"""
