# ruff: noqa: E501  (HTML templates and Chinese report text: long lines are content)
"""Render the offline demo portal (data/demo/<site>/…, sites.json, expected.json).

Why a generator: page chrome must be identical across a site's pages, the
Hanweb list must agree with its dataproxy records, the TRS site must be GBK,
and expected.json must agree with the pages. Everything is declared once here
(sites, columns, pages) and written out; the output is committed so the demo
works without running this. Run ``python data/demo/build.py`` after editing and
``python data/demo/build.py --check`` to verify the committed output is current.

Adding a report: write its body (a ``src/*.txt`` file, or a generated body via
``modern_body``/``old_body``), then add a ``Page`` to ``PAGES`` and, if it is a
report, a ``Report`` to ``REPORTS`` that names the page(s).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import html
import json
import shutil
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
# The repo root (gov_reports) and this folder (report_files), also when another script imports this one.
sys.path[:0] = [str(HERE.parent.parent), str(HERE)]

from gov_reports.demo.server import render_datastore  # noqa: E402

SRC = HERE / "src"
# A 1x1 transparent PNG: the "table as image" on the partial copy.
PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)

# ---------------------------------------------------------------------------------------
# Sites and columns
# ---------------------------------------------------------------------------------------


@dataclass
class Site:
    """One demo host."""

    key: str
    style: str  # hanweb | trs | generic
    name: str  # SiteName
    domain: str  # the real-world domain it imitates (only printed in chrome)
    idcode: str  # SiteIDCode / 网站标识码
    charset: str | None  # HTTP charset; None = only <meta http-equiv> (the GBK site)
    encoding: str  # file encoding
    sponsor: str
    undertaker: str
    icp: str
    police: str
    robots: str = "User-agent: *\nDisallow:\n"
    intro: str = "走进虎林"  # generic sites: the 走进… menu item
    errors: dict[str, int] = field(default_factory=dict)
    # path -> how the server sends that file: Content-Disposition name and charset, Content-Type,
    # or a cut-off body ("send_bytes": fewer bytes than the Content-Length it announces).
    downloads: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Pages that list sub-columns instead of reports (a 年报 hub column, 部门年报 → departments): path ->
    # (title, breadcrumb, [(link text, href)]); rendered as generic menus.
    hubs: dict[str, tuple[str, list[str], list[tuple[str, str]]]] = field(default_factory=dict)
    home_links: list[tuple[str, str]] | None = None  # the home page's links, when not the columns themselves
    start: list[str] | None = None  # start paths (sites.json), when not every column's


@dataclass
class Column:
    """A list of links: a Hanweb column, a TRS column or a generic list."""

    site: str
    key: str
    name: str
    path: str  # the start URL path (first list page)
    crumb: list[str]
    per_page: int
    scheme: str  # hanweb | trs-classic | trs-6arg | generic
    columnid: int = 0
    unitid: str = ""


SITES = {
    s.key: s
    for s in [
        Site(
            key="hanweb",
            style="hanweb",
            name="哈尔滨市人民政府",
            domain="www.harbin.gov.cn",
            idcode="2301000004",
            charset="utf-8",
            encoding="utf-8",
            sponsor="哈尔滨市人民政府办公厅",
            undertaker="哈尔滨市信息中心",
            icp="黑ICP备05000026号",
            police="黑公网安备 23010202000201号",
            robots="User-agent: *\nDisallow: /private/\n",
        ),
        Site(
            key="trs",
            style="trs",
            name="秦皇岛市人民政府",
            domain="www.qhd.gov.cn",
            idcode="1303000012",
            charset=None,
            encoding="gbk",
            sponsor="秦皇岛市人民政府办公室",
            undertaker="秦皇岛市政务服务和数据管理局",
            icp="冀ICP备05007896号",
            police="冀公网安备 13030202000145号",
            errors={"/zwgk/zfxxgknb/201903/t20190320_5010.html": 500},
        ),
        Site(
            key="generic",
            style="generic",
            name="虎林市人民政府",
            domain="www.hulin.gov.cn",
            idcode="2303810001",
            charset="utf-8",
            encoding="utf-8",
            sponsor="虎林市人民政府办公室",
            undertaker="虎林市融媒体中心",
            icp="黑ICP备12003456号-1",
            police="黑公网安备 23038102000011号",
        ),
        Site(
            key="jianggan",
            style="generic",
            name="杭州市江干区人民政府",
            domain="www.jianggan.gov.cn",
            idcode="3301040001",
            charset="utf-8",
            encoding="utf-8",
            sponsor="杭州市江干区人民政府办公室",
            undertaker="杭州市江干区数据资源管理局",
            icp="浙ICP备05011234号",
            police="浙公网安备 33010402000321号",
            intro="走进江干",
        ),
        Site(
            key="hub",
            style="generic",
            name="重庆市九龙坡区人民政府",
            domain="www.cqjlp.gov.cn",
            idcode="5001070012",
            charset="utf-8",
            encoding="utf-8",
            sponsor="重庆市九龙坡区人民政府办公室",
            undertaker="重庆市九龙坡区大数据应用发展管理局",
            icp="渝ICP备05003300号",
            police="渝公网安备 50010702500001号",
            intro="走进九龙坡",
            hubs={
                "/zwgk/index.html": (
                    "政务公开",
                    ["首页", "政务公开"],
                    [("政府信息公开", "/zwgk/zfxxgk/index.html"), ("重点领域信息公开", "/zwgk/zdly/index.html")],
                ),
                "/zwgk/zfxxgk/index.html": (
                    "政府信息公开",
                    ["首页", "政务公开", "政府信息公开"],
                    [
                        ("政府信息公开指南", "/zwgk/zfxxgk/zn/index.html"),
                        ("政府信息公开年报", "/zwgk/zfxxgk/zfxxgknb/index.html"),
                    ],
                ),
                "/zwgk/zfxxgk/zfxxgknb/index.html": (
                    "政府信息公开年报",
                    ["首页", "政务公开", "政府信息公开", "政府信息公开年报"],
                    [
                        ("区政府年报", "/zwgk/zfxxgk/zfxxgknb/qzfnb/index.html"),
                        ("部门年报", "/zwgk/zfxxgk/zfxxgknb/bmnb/index.html"),
                        ("镇街年报", "/zwgk/zfxxgk/zfxxgknb/zjnb/index.html"),
                    ],
                ),
                "/zwgk/zfxxgk/zfxxgknb/bmnb/index.html": (
                    "部门年报",
                    ["首页", "政务公开", "政府信息公开", "政府信息公开年报", "部门年报"],
                    [
                        ("区教育委员会", "/zwgk/zfxxgk/zfxxgknb/bmnb/jw/index.html"),
                        ("区民政局", "/zwgk/zfxxgk/zfxxgknb/bmnb/mzj/index.html"),
                    ],
                ),
                "/zwgk/zfxxgk/zfxxgknb/zjnb/index.html": (
                    "镇街年报",
                    ["首页", "政务公开", "政府信息公开", "政府信息公开年报", "镇街年报"],
                    [("2022年度", "/zwgk/zfxxgk/zfxxgknb/zjnb/2022/index.html")],
                ),
                "/zwgk/zfxxgk/zfxxgknb/zjnb/2022/index.html": (
                    "2022年度",
                    ["首页", "政务公开", "政府信息公开", "政府信息公开年报", "镇街年报", "2022年度"],
                    [("九龙镇", "/zwgk/zfxxgk/zfxxgknb/zjnb/2022/jlz/index.html")],
                ),
            },
            home_links=[("政务公开", "/zwgk/index.html"), ("走进九龙坡", "/zjjlp/index.html")],
            start=["/zwgk/zfxxgk/zfxxgknb/index.html"],
        ),
    ]
}

COLUMNS = {
    c.key: c
    for c in [
        Column(
            site="hanweb",
            key="col4971",
            name="政府信息公开年报",
            path="/col/col4971/index.html",
            crumb=["首页", "政务公开", "政府信息公开平台", "政府信息公开年报"],
            per_page=4,
            scheme="hanweb",
            columnid=4971,
            unitid="8976",
        ),
        Column(
            site="trs",
            key="szfnb",
            name="政府信息公开年报",
            path="/zwgk/zfxxgknb/index.html",
            crumb=["首页", "政务公开", "政府信息公开年报"],
            per_page=4,
            scheme="trs-classic",
        ),
        Column(
            site="trs",
            key="bmnb",
            name="部门年报",
            path="/zwgk/zfxxgknb/bmnb/index.shtml",
            crumb=["首页", "政务公开", "政府信息公开年报", "部门年报"],
            per_page=3,
            scheme="trs-6arg",
        ),
        Column(
            site="generic",
            key="nb",
            name="政府信息公开年报",
            path="/xxgk/nb/list.html",
            crumb=["首页", "信息公开", "政府信息公开年报"],
            per_page=4,
            scheme="generic",
        ),
        Column(
            site="jianggan",
            key="jg",
            name="政府信息公开年度报告",
            path="/zwgk/zfxxgkndbg/index.html",
            crumb=["首页", "政务公开", "政府信息公开年度报告"],
            per_page=10,
            scheme="generic",
        ),
        # 九龙坡 (a 重庆-style hub): the reports sit one to three sub-columns below the 年报 column.
        *(
            Column(
                site="hub",
                key=key,
                name=name,
                path=f"/zwgk/zfxxgk/zfxxgknb/{sub}/index.html",
                crumb=["首页", "政务公开", "政府信息公开", "政府信息公开年报", *trail, name],
                per_page=10,
                scheme="generic",
            )
            for key, name, sub, trail in (
                ("jlp_qzf", "区政府年报", "qzfnb", []),
                ("jlp_jw", "区教育委员会", "bmnb/jw", ["部门年报"]),
                ("jlp_mzj", "区民政局", "bmnb/mzj", ["部门年报"]),
                ("jlp_jlz", "九龙镇", "zjnb/2022/jlz", ["镇街年报", "2022年度"]),
            )
        ),
    ]
}

# ---------------------------------------------------------------------------------------
# Body text helpers
# ---------------------------------------------------------------------------------------

E = html.escape
HEADING_CHARS = "一二三四五六七八九十"


def para(text: str, strong: bool = False) -> str:
    """One paragraph as Word-pasted CMS content writes it."""
    inner = f"<strong>{E(text)}</strong>" if strong else E(text)
    return f'<p style="text-indent: 2em;">{inner}</p>'


def is_heading(line: str) -> bool:
    return len(line) < 40 and line[:1] in HEADING_CHARS and "、" in line[:4]


def render_lines(lines: list[str], keep_tabs: bool = False) -> str:
    """Plain text lines to paragraphs; section headings in <strong>."""
    out = []
    for raw in lines:
        line = raw.rstrip("\n") if keep_tabs else raw.strip()
        if not line.strip():
            continue
        out.append(para(line, strong=is_heading(line.strip())))
    return "\n".join(out)


def seed(name: str) -> list[str]:
    return (SRC / name).read_text(encoding="utf-8").splitlines()


def cell(v: Any, blank_zero: bool) -> str:
    if v is None or (blank_zero and v == 0):
        return "<td>&nbsp;</td>"
    return f"<td>{E(str(v))}</td>"


TABLE_ATTR = 'border="1" cellspacing="0" cellpadding="0" width="100%"'


def table2_2019(v: dict[str, list[Any]], blank_zero: bool = False) -> str:
    """表二, 2019 试行 layout: 22 numbers in five blocks."""
    rows = [f"<table {TABLE_ATTR}><tbody>"]

    def block(caption: str, headers: list[str], items: list[tuple[str, str]]) -> None:
        width = len(headers) + 1
        rows.append(f'<tr><td colspan="4">{caption}</td></tr>')
        hdr = "".join(f"<td>{h}</td>" for h in headers)
        pad = "" if width == 4 else f'<td colspan="{4 - width}">&nbsp;</td>'
        rows.append(f"<tr><td>信息内容</td>{hdr}{pad}</tr>")
        for label, key in items:
            cells = "".join(cell(x, blank_zero) for x in v[key])
            rows.append(f"<tr><td>{label}</td>{cells}{pad}</tr>")

    three = ["上一年项目数量", "本年增/减", "处理决定数量"]
    block(
        "第二十条第（一）项",
        ["本年新<br />制作数量", "本年新<br />公开数量", "对外公开总数量"],
        [("规章", "gz"), ("规范性文件", "gf")],
    )
    block("第二十条第（五）项", three, [("行政许可", "xk"), ("其他对外管理服务事项", "qt")])
    block("第二十条第（六）项", three, [("行政处罚", "cf"), ("行政强制", "qz")])
    block("第二十条第（八）项", ["上一年项目数量", "本年增/减"], [("行政事业性收费", "sf")])
    block("第二十条第（九）项", ["采购项目数量", "采购总金额"], [("政府集中采购", "cg")])
    rows.append("</tbody></table>")
    return "\n".join(rows)


def table2_2021(v: dict[str, list[Any]], blank_zero: bool = False) -> str:
    """表二, 2021 layout: 10 numbers."""
    r = [f"<table {TABLE_ATTR}><tbody>"]
    r.append('<tr><td colspan="4">第二十条第（一）项</td></tr>')
    r.append("<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>")
    for label, key in (("规章", "gz"), ("行政规范性文件", "gf")):
        r.append(f"<tr><td>{label}</td>{''.join(cell(x, blank_zero) for x in v[key])}</tr>")
    for caption, header, items in (
        ("第二十条第（五）项", "本年处理决定数量", [("行政许可", "xk")]),
        ("第二十条第（六）项", "本年处理决定数量", [("行政处罚", "cf"), ("行政强制", "qz")]),
        ("第二十条第（八）项", "本年收费金额（单位：万元）", [("行政事业性收费", "sf")]),
    ):
        r.append(f'<tr><td colspan="4">{caption}</td></tr>')
        r.append(f'<tr><td>信息内容</td><td colspan="3">{header}</td></tr>')
        for label, key in items:
            r.append(f'<tr><td>{label}</td><td colspan="3">{E(str(v[key][0]))}</td></tr>')
    r.append("</tbody></table>")
    return "\n".join(r)


T3_LABELS_2019 = [
    ("open", "（一）予以公开"),
    ("part", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("n1", "1.属于国家秘密"),
    ("n2", "2.其他法律行政法规禁止公开"),
    ("n3", "3.危及“三安全一稳定”"),
    ("n4", "4.保护第三方合法权益"),
    ("n5", "5.属于三类内部事务信息"),
    ("n6", "6.属于四类过程性信息"),
    ("n7", "7.属于行政执法案卷"),
    ("n8", "8.属于行政查询事项"),
    ("u1", "1.本机关不掌握相关政府信息"),
    ("u2", "2.没有现成信息需要另行制作"),
    ("u3", "3.补正后申请内容仍不明确"),
    ("d1", "1.信访举报投诉类申请"),
    ("d2", "2.重复申请"),
    ("d3", "3.要求提供公开出版物"),
    ("d4", "4.无正当理由大量反复申请"),
    ("d5", "5.要求行政机关确认或重新出具已获取信息"),
]
T3_OTHER_2021 = [
    ("o1", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("o2", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("o3", "3.其他"),
]


def t3_values(fmt: str, t3: dict[str, list[int]]) -> dict[str, list[int]]:
    """Fill table 三: zeros for omitted rows, 总计 column, （七）总计 and 结转 rows.

    ``total``/``out`` in the spec override the computed rows: that is how a
    report breaks the 勾稽关系 on purpose.
    """
    keys = [k for k, _ in T3_LABELS_2019] + ([k for k, _ in T3_OTHER_2021] if fmt == "2021" else ["o"])
    rows: dict[str, list[int]] = {}
    for k in ["new", "carry", *keys]:
        rows[k] = list(t3.get(k, [0] * 6))
    total = t3.get("total") or [sum(rows[k][i] for k in keys) for i in range(6)]
    out = t3.get("out") or [rows["new"][i] + rows["carry"][i] - total[i] for i in range(6)]
    rows["total"], rows["out"] = list(total), list(out)
    return {k: [*v, sum(v)] for k, v in rows.items()}


def table3(fmt: str, t3: dict[str, list[int]], blank_zero: bool = False) -> str:
    """表三 with the official merged cells (rowspan 20 in 2019, 22 in 2021)."""
    v = t3_values(fmt, t3)

    def nums(k: str) -> str:
        return "".join(cell(x, blank_zero) for x in v[k])

    span = 22 if fmt == "2021" else 20
    r = [f"<table {TABLE_ATTR}><tbody>"]
    r.append(
        '<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，'
        '等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>'
    )
    r.append('<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>')
    r.append("<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>")
    r.append(f'<tr><td colspan="3">一、本年新收政府信息公开申请数量</td>{nums("new")}</tr>')
    r.append(f'<tr><td colspan="3">二、上年结转政府信息公开申请数量</td>{nums("carry")}</tr>')
    labels = dict(T3_LABELS_2019)
    r.append(
        f'<tr><td rowspan="{span}">三、本年度办理结果</td><td colspan="2">{labels["open"]}</td>{nums("open")}</tr>'
    )
    r.append(f'<tr><td colspan="2">{labels["part"]}</td>{nums("part")}</tr>')
    for group, prefix, n in (
        ("（三）不予公开", "n", 8),
        ("（四）无法提供", "u", 3),
        ("（五）不予处理", "d", 5),
    ):
        for i in range(1, n + 1):
            k = f"{prefix}{i}"
            head = f'<td rowspan="{n}">{group}</td>' if i == 1 else ""
            r.append(f"<tr>{head}<td>{labels[k]}</td>{nums(k)}</tr>")
    if fmt == "2021":
        for i, (k, label) in enumerate(T3_OTHER_2021):
            head = '<td rowspan="3">（六）其他处理</td>' if i == 0 else ""
            r.append(f"<tr>{head}<td>{label}</td>{nums(k)}</tr>")
    else:
        r.append(f'<tr><td colspan="2">（六）其他处理</td>{nums("o")}</tr>')
    r.append(f'<tr><td colspan="2">（七）总计</td>{nums("total")}</tr>')
    r.append(f'<tr><td colspan="3">四、结转下年度继续办理</td>{nums("out")}</tr>')
    r.append("</tbody></table>")
    return "\n".join(r)


def t4_values(t4: list[list[int]]) -> list[int]:
    """Three groups of 维持/纠正/其他/尚未审结, each followed by its 总计."""
    out: list[int] = []
    for group in t4:
        out += [*group, sum(group)]
    return out


def table4(t4: list[list[int]], blank_zero: bool = False) -> str:
    """表四: 15 numbers under the official three-row header (colspan 5 / 10)."""
    group = "<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>"
    vals = "".join(cell(x, blank_zero) for x in t4_values(t4))
    return "\n".join(
        [
            f"<table {TABLE_ATTR}><tbody>",
            '<tr><td colspan="5" rowspan="2">行政复议</td><td colspan="10">行政诉讼</td></tr>',
            '<tr><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>',
            f"<tr>{group * 3}</tr>",
            f"<tr>{vals}</tr>",
            "</tbody></table>",
        ]
    )


# ---------------------------------------------------------------------------------------
# Generated report bodies (2019/2021 formats and pre-2019 prose)
# ---------------------------------------------------------------------------------------


@dataclass
class Modern:
    """Parameters of a generated 2019- or 2021-format report."""

    issuer: str  # full name, used in the signature
    who: str  # how the body refers to itself: 我市 / 我局 / 我镇
    year: int
    fmt: str  # 2019 | 2021
    t2: dict[str, list[Any]]
    t3: dict[str, list[int]]
    t4: list[list[int]]
    sig_date: str
    active: int
    portal: str
    office: str
    phone: str
    focus: str  # a sentence on the year's focus work
    problem: str
    blank_zero: bool = False
    heading4: str = "四、政府信息公开行政复议、行政诉讼情况"
    heading5: str = "五、存在的主要问题及改进情况"
    fee: str | None = None
    extra: list[str] = field(default_factory=list)
    images: list[str] | None = None  # tables pasted as images: <img> instead of <table>


def modern_body(m: Modern) -> str:
    """Six headings, real tables, signature: the shape of a 2019/2021-format page."""
    notice = (
        "《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》"
        "（国办公开办函〔2021〕30号）"
        if m.fmt == "2021"
        else "《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》"
        "（国办公开办函〔2019〕60号）"
    )
    y = m.year
    v3 = t3_values(m.fmt, m.t3)
    new_total, done_total = v3["new"][6], v3["total"][6]
    t4_total = t4_values(m.t4)
    review = t4_total[4]
    suits = t4_total[9] + t4_total[14]
    if m.images:
        tables = [f'<p style="text-align: center;"><img src="{src}" /></p>' for src in m.images]
    else:
        tables = [
            (table2_2021 if m.fmt == "2021" else table2_2019)(m.t2, m.blank_zero),
            table3(m.fmt, m.t3, m.blank_zero),
            table4(m.t4, m.blank_zero),
        ]
    body = [
        para(
            f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和{notice}要求编制。"
            "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
            "政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。"
            f"本报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。"
            f"本报告电子版可在“{m.portal}”门户网站查阅或下载。如对本报告有疑问，"
            f"请与{m.office}联系（电话：{m.phone}）。"
        ),
        para("一、总体情况", strong=True),
        para(f"{y}年，{m.who}坚持以公开为常态、不公开为例外，认真落实《条例》和上级政务公开工作要点，{m.focus}"),
        para(
            f"（一）主动公开。全年通过政府网站、政务新媒体、政府信息公开栏等渠道主动公开政府信息"
            f"{m.active}条，其中政策文件及解读、财政预决算、重点项目、民生保障等重点领域信息均按要求及时公开。"
        ),
        para(
            f"（二）依申请公开。全年新收政府信息公开申请{new_total}件，办结{done_total}件，"
            "所有申请均在法定期限内答复，答复文书格式统一、告知救济渠道完整。"
        ),
        para(
            "（三）政府信息管理。严格落实公开前保密审查和合法性审查制度，"
            "定期清理行政规范性文件并向社会公布清理结果，动态更新政府信息公开指南和目录。"
        ),
        para(
            "（四）政府信息公开平台建设。按照国办公开办函〔2019〕61号要求规范政府信息公开专栏，"
            "统一设置政府信息公开指南、政府信息公开制度、法定主动公开内容、政府信息公开年报等栏目。"
        ),
        para(
            "（五）监督保障。将政务公开工作纳入年度绩效考核，全年组织业务培训2次，"
            f"开展专项检查{2 + y % 3}次，未发生因政务公开工作不到位被追究责任的情况。"
        ),
        *[para(x) for x in m.extra],
        para("二、主动公开政府信息情况", strong=True),
        tables[0],
        para("三、收到和处理政府信息公开申请情况", strong=True),
        tables[1],
        para(m.heading4, strong=True),
        tables[2],
        para(f"{y}年，{m.who}因政府信息公开工作被申请行政复议{review}件，被提起行政诉讼{suits}件。"),
        para(m.heading5, strong=True),
        para(m.problem),
        para("六、其他需要报告的事项", strong=True),
        para(m.fee or f"{y}年，{m.who}未收取政府信息公开信息处理费。"),
        f'<p style="text-align: right;">{E(m.issuer)}</p>',
        f'<p style="text-align: right;">{E(m.sig_date)}</p>',
    ]
    return "\n".join(body)


@dataclass
class Old:
    """Parameters of a generated pre-2019 prose report."""

    issuer: str
    who: str
    year: int
    active: int
    channels: str
    applications: int
    agreed: int
    partly: int
    refused: int
    review: int
    lawsuit: int
    focus: str
    problem: str
    signature: bool = True
    sig_date: str = ""
    fee: str = "未向申请人收取任何费用"


def old_body(o: Old) -> str:
    """Free-form 2007-regulation prose with the numbers written into sentences."""
    y = o.year
    rest = o.applications - o.agreed - o.partly - o.refused
    lines = [
        para(
            f"本报告根据《中华人民共和国政府信息公开条例》要求，由{o.issuer}编制。"
            "全文包括概述，主动公开政府信息情况，依申请公开政府信息情况，政府信息公开的收费及减免情况，"
            "因政府信息公开申请行政复议、提起行政诉讼的情况，存在的主要问题及改进措施等内容。"
            f"本报告中所列数据统计期限自{y}年1月1日起至{y}年12月31日止。"
        ),
        para("一、概述", strong=True),
        para(f"{y}年，{o.who}按照《条例》要求，{o.focus}"),
        para("二、主动公开政府信息情况", strong=True),
        para(f"全年主动公开政府信息{o.active}条，{o.channels}"),
        para("三、依申请公开政府信息情况", strong=True),
        para(
            f"全年共受理政府信息公开申请{o.applications}件，已全部按期答复。其中，"
            f"“同意公开”的{o.agreed}件，“同意部分公开”的{o.partly}件，“不予公开”的{o.refused}件，"
            f"“非本机关政府信息”或“信息不存在”的{rest}件。"
        ),
        para("四、政府信息公开的收费及减免情况", strong=True),
        para(f"{y}年，{o.who}在受理依申请公开工作中{o.fee}。"),
        para("五、因政府信息公开申请行政复议、提起行政诉讼的情况", strong=True),
        para(
            f"全年因政府信息公开申请行政复议{o.review}件，提起行政诉讼{o.lawsuit}件。"
            if o.review or o.lawsuit
            else f"{y}年，未发生因政府信息公开申请行政复议和提起行政诉讼的情况。"
        ),
        para("六、存在的主要问题及改进措施", strong=True),
        para(o.problem),
    ]
    if o.signature:
        lines += [
            f'<p style="text-align: right;">{E(o.issuer)}</p>',
            f'<p style="text-align: right;">{E(o.sig_date)}</p>',
        ]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------------------


@dataclass
class Page:
    """One detail page and the list entries that link to it."""

    site: str
    path: str  # site-relative; for TRS the list links to it relatively
    title: str
    body: str  # HTML of the content
    lists: list[tuple[str, str]]  # (column key, list date) — twice = listed twice
    pubdate: str | None = None  # PubDate meta, e.g. "2021-03-05 13:32"
    label_date: str | None = None  # the date in the 日期/发布日期 line
    source: str = ""  # 来源
    meta_table: dict[str, str] | None = None  # the 信息公开 metadata block
    crumb_tail: list[str] = field(default_factory=list)
    after_content: str = ""  # inside the container but after the content markers
    tail: str = ""  # at the very end of <body>, after the chatbot
    attach_text: str = ""  # 年报下载 line (text only)
    exists: bool = True  # False: listed but absent (404)
    list_title: str | None = None  # the list's link text when it differs from the title
    related: list[str] = field(default_factory=list)  # paths of related pages (相关文章)
    extra_files: dict[str, bytes] = field(default_factory=dict)
    attachments: list[tuple[str, str]] = field(default_factory=list)  # (href, link text) after the body
    attach_label: str = "附件："  # the caption before the attachment links
    file: bytes | None = None  # the path serves this file (a report published only as a file)
    platform_published: str | None = None  # the portal platform's publish date (gkmlpt's API), YYYY-MM-DD


@dataclass
class Report:
    """Ground truth for one (issuer, year) report."""

    issuer: str
    year: int
    fmt: str
    pages: list[str]  # page paths (site-relative) where the report is found
    best: str
    spam: list[str] = field(default_factory=list)
    note: str = ""
    t3: tuple[str, dict[str, list[int]]] | None = None  # (fmt, spec) of the winning copy
    files: list[tuple[str, str]] = field(default_factory=list)  # (linked path, served path) of files read
    converter: bool = False  # a file needs LibreOffice or antiword (DOC/WPS): its numbers need them too
    linked_from: list[str] = field(default_factory=list)  # pages that only link the file (「详见附件」)
    # The report's page is also a list page (a platform's per-year, per-issuer view such as xxgkAnnualReport.jsp):
    # fetched as a list on every crawl, so never revalidated with a conditional request.
    listing_page: bool = False
    evidence: dict[str, str] = field(default_factory=dict)  # what the platform says of the issuer (issuer_evidence)


def hanweb_art(y: int, m: int, d: int, n: int) -> str:
    return f"/art/{y}/{m}/{d}/art_4971_{n}.html"


# -- the spam -------------------------------------------------------------------------
SPAM_TAIL = "类似亚博的台子"
SPAM_MAJIANG = "麻将胡了最新官方版下载"
SPAM_LINK_TEXT = "亚博体育官网"
SPAM_LINK = f'<a href="http://www.xx-bet.com/" target="_blank">{SPAM_LINK_TEXT}</a>'
SPAM_HIDDEN_TEXT = "bet365体育投注 欧洲杯买球平台 九游娱乐官网入口"
SPAM_HIDDEN = (
    '<div style="display:none"><a href="http://www.365-bet.cc/">bet365体育投注</a> '
    '<a href="http://www.ozb-2024.com/">欧洲杯买球平台</a> '
    '<a href="http://www.j9-yule.net/">九游娱乐官网入口</a></div>'
)
SPAM_KAIYUN = "开云体育app下载"


# -- numbers ----------------------------------------------------------------------------
Z6 = [0, 0, 0, 0, 0, 0]


def row(natural: int, business: int = 0, other: int = 0) -> list[int]:
    return [natural, business, 0, 0, 0, other]


HRB_2019 = Modern(
    issuer="哈尔滨市人民政府",
    who="市政府",
    year=2019,
    fmt="2019",
    t2={
        "gz": [3, 3, 112],
        "gf": [18, 18, 342],
        "xk": [612, "增 35", 185230],
        "qt": [121, "减 6", 40211],
        "cf": [954, "增 12", 9876],
        "qz": [64, 0, 733],
        "sf": [39, "减 4"],
        "cg": [1312, "286543.21万元"],
    },
    t3={
        "new": row(1796, 121, 12),
        "carry": row(37, 4),
        "open": row(702, 51, 4),
        "part": row(96, 10),
        "n1": row(3),
        "n4": row(21, 2),
        "n6": row(18, 1),
        "u1": row(688, 41, 6),
        "u3": row(54, 6),
        "d1": row(92, 4, 1),
        "d2": row(27, 2),
        "o": row(49, 3, 1),
    },
    t4=[[31, 6, 9, 5], [12, 2, 4, 9], [4, 1, 0, 2]],
    sig_date="2020年3月27日",
    active=186457,
    portal="中国·哈尔滨",
    office="哈尔滨市政务公开办公室",
    phone="0451-84664049",
    focus="围绕“放管服”改革、优化营商环境和重点民生领域，全面推进决策、执行、管理、服务、结果公开。",
    problem="（一）主要问题。一是部分单位政策解读形式单一；二是基层政务公开标准化规范化工作进展不平衡。"
    "（二）改进措施。一是丰富政策解读形式，推行图解、视频解读；二是加强对区县（市）的业务指导和督查。",
    heading4="四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
)
HRB_2021 = Modern(
    issuer="哈尔滨市人民政府",
    who="市政府",
    year=2021,
    fmt="2021",
    t2={
        "gz": [4, 2, 118],
        "gf": [22, 9, 301],
        "xk": [198765],
        "cf": [11234],
        "qz": [802],
        "sf": [5321.46],
    },
    t3={
        "new": row(2611, 187, 20),
        "carry": row(52, 6),
        "open": row(1102, 79, 9),
        "part": row(143, 14, 1),
        "n1": row(2),
        "n3": row(1),
        "n4": row(33, 3),
        "n6": row(26, 2),
        "n7": row(11),
        "u1": row(921, 52, 6),
        "u2": row(48, 5),
        "u3": row(71, 8, 1),
        "d1": row(105, 6),
        "d2": row(38, 3),
        "d4": row(4),
        "o1": row(57, 4, 1),
        "o3": row(29, 3),
    },
    t4=[[41, 8, 12, 7], [15, 3, 6, 11], [6, 1, 1, 3]],
    sig_date="2022年3月28日",
    active=201384,
    portal="中国·哈尔滨",
    office="哈尔滨市政务公开办公室",
    phone="0451-84664049",
    focus="聚焦疫情防控、惠企政策和民生保障，推进基层政务公开标准化规范化，提升政务公开实效。",
    problem="一是政策解读的针对性有待增强；二是依申请公开办理质量仍需提高。下一步将加强培训指导，"
    "完善依申请公开办理全流程规范，提升答复文书质量。",
    heading5="五、存在问题及改进情况",
    fee="2021年，全市各级行政机关未收取政府信息公开信息处理费。",
)
MZJ_2021 = Modern(
    issuer="哈尔滨市民政局",
    who="我局",
    year=2021,
    fmt="2021",
    t2={"gz": [0, 0, 0], "gf": [2, 1, 14], "xk": [412], "cf": [6], "qz": [0], "sf": [0]},
    # Deliberately inconsistent: 结转 should be 3 (15 + 1 - 13), the page prints 2.
    t3={
        "new": row(13, 2),
        "carry": row(1),
        "open": row(7, 1),
        "part": row(1),
        "u1": row(3, 1),
        "o3": row(1),
        "out": row(2, 1),
    },
    t4=[[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
    sig_date="2022年1月25日",
    active=1748,
    portal="中国·哈尔滨",
    office="哈尔滨市民政局办公室",
    phone="0451-84664407",
    focus="围绕“放管服”改革信息公开、社会救助、养老服务和社会组织管理等重点领域推进公开。",
    problem="一是信息发布的及时性有待提高；二是基层民政服务事项公开不够细。下一步将完善信息发布审核机制，"
    "指导区县（市）民政部门细化公开事项。",
)
QHD_2019 = Modern(
    issuer="秦皇岛市人民政府",
    who="市政府",
    year=2019,
    fmt="2019",
    t2={
        "gz": [1, 1, 58],
        "gf": [12, 12, 196],
        "xk": [388, "增 14", 52314],
        "qt": [57, 0, 8120],
        "cf": [1206, "减 18", 6423],
        "qz": [31, 0, 208],
        "sf": [24, "减 2"],
        "cg": [642, "98765.4万元"],
    },
    t3={
        "new": row(402, 33, 3),
        "carry": row(11, 1),
        "open": row(168, 14, 1),
        "part": row(22, 3),
        "n4": row(9),
        "n6": row(5),
        "u1": row(121, 8, 2),
        "u3": row(17, 2),
        "d1": row(31, 2),
        "d2": row(12),
        "o": row(9, 1),
    },
    t4=[[8, 2, 1, 1], [3, 1, 0, 2], [1, 0, 0, 1]],
    sig_date="2020年3月30日",
    active=24318,
    portal="中国秦皇岛",
    office="秦皇岛市政府办公室",
    phone="0335-3220519",
    focus="围绕优化营商环境、乡村振兴和生态环境保护推进重点领域信息公开，全面推进基层政务公开标准化规范化试点。",
    problem="一是部分单位对新《条例》学习不深入；二是政策解读质量不高。下一步将加强培训，推行“图文+音视频”解读方式。",
)
QHD_2021_ORIG_T3 = {
    "new": row(516, 41, 4),
    "carry": row(19, 2),
    "open": row(231, 19, 2),
    "part": row(35, 4),
    "n4": row(12, 1),
    "n6": row(8),
    "u1": row(143, 11, 1),
    "u3": row(23, 2),
    "d1": row(28, 1),
    "d2": row(10),
    "o1": row(14, 2),
    "o3": row(9),
    # the original's 结转 row repeats last year's figures: 勾稽关系 broken
    "out": row(19, 2),
}
QHD_2021_FIX_T3 = {
    "new": row(516, 41, 4),
    "carry": row(19, 2),
    "open": row(231, 19, 2),
    "part": row(35, 4),
    "n4": row(12, 1),
    "n6": row(8),
    "u1": row(143, 11, 1),
    "u3": row(23, 2),
    "d1": row(28, 1),
    "d2": row(10),
    "o1": row(14, 2),
    "o3": row(9),
}
QHD_2021_T2_FIX = {
    "gz": [2, 1, 57],
    "gf": [15, 6, 203],
    "xk": [61873],
    "cf": [7012],
    "qz": [166],
    "sf": [2145.8],
}
QHD_2021_T2_ORIG = {**QHD_2021_T2_FIX, "gf": [15, 6, 230]}


def qhd_2021(t2: dict[str, list[Any]], t3: dict[str, list[int]], sig: str) -> Modern:
    return Modern(
        issuer="秦皇岛市人民政府",
        who="市政府",
        year=2021,
        fmt="2021",
        t2=t2,
        t3=t3,
        t4=[[9, 3, 2, 2], [4, 1, 1, 1], [2, 0, 0, 1]],
        sig_date=sig,
        active=27654,
        portal="中国秦皇岛",
        office="秦皇岛市政府办公室",
        phone="0335-3220519",
        focus="持续推进重点领域信息公开，及时发布疫情防控、惠企纾困和民生保障信息。",
        problem="一是部分县区政务新媒体更新不及时；二是依申请公开答复的规范性有待提高。"
        "下一步将加强监测通报，组织答复文书专项评查。",
    )


CZJ_2020 = Modern(
    issuer="秦皇岛市财政局",
    who="我局",
    year=2020,
    fmt="2019",
    t2={
        "gz": [0, 0, 0],
        "gf": [4, 4, 37],
        "xk": [0, 0, 0],
        "qt": [2, 0, 118],
        "cf": [3, "增 1", 2],
        "qz": [0, 0, 0],
        "sf": [1, 0],
        "cg": [87, "1265.3万元"],
    },
    t3={"new": row(21, 3), "open": row(12, 2), "part": row(2), "u1": row(5, 1), "d1": row(1)},
    t4=[[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
    sig_date="2021年1月28日",
    active=1312,
    portal="中国秦皇岛",
    office="秦皇岛市财政局办公室",
    phone="0335-3031234",
    focus="重点做好预决算公开、政府采购信息公开和减税降费政策公开。",
    problem="一是预决算公开的细化程度有待提高；二是政策解读形式较为单一。下一步将细化公开内容，丰富解读形式。",
    blank_zero=True,
)
CZJ_2021 = Modern(
    issuer="秦皇岛市财政局",
    who="我局",
    year=2021,
    fmt="2021",
    t2={"gz": [0, 0, 0], "gf": [3, 2, 38], "xk": [0], "cf": [1], "qz": [0], "sf": [0]},
    t3={
        "new": row(18, 2),
        "carry": row(0),
        "open": row(11, 1),
        "part": row(1),
        "u1": row(4, 1),
        "o3": row(1),
    },
    t4=[[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
    sig_date="2022年1月27日",
    active=1405,
    portal="中国秦皇岛",
    office="秦皇岛市财政局办公室",
    phone="0335-3031234",
    focus="围绕预决算公开、政府采购、财政资金直达机制等重点工作推进信息公开。",
    problem="一是部分预算单位公开时间不统一；二是财政政策解读的通俗性不够。下一步将统一公开时限，推出图解解读。",
)
HBJ_2022 = Modern(
    issuer="秦皇岛市生态环境局",
    who="我局",
    year=2022,
    fmt="2021",
    t2={"gz": [0, 0, 0], "gf": [1, 0, 6], "xk": [356], "cf": [128], "qz": [7], "sf": [0]},
    t3={
        "new": row(34, 6, 2),
        "carry": row(2),
        "open": row(19, 3, 1),
        "part": row(3, 1),
        "n4": row(1),
        "u1": row(8, 1, 1),
        "u3": row(2),
        "d2": row(1),
        "o1": row(1, 1),
    },
    t4=[[2, 0, 1, 0], [1, 0, 0, 0], [0, 0, 0, 0]],
    sig_date="2023年1月30日",
    active=2210,
    portal="中国秦皇岛",
    office="秦皇岛市生态环境局办公室",
    phone="0335-3660210",
    focus="重点公开空气质量、水环境质量、建设项目环评审批和环境行政处罚信息。",
    problem="一是环境信息公开的时效性有待提高；二是政策解读互动不足。下一步将完善信息发布机制，加强与公众的互动交流。",
    blank_zero=True,
    heading4="四、政府信息公开行政复议和行政诉讼情况",
)
HULIN_2021 = Modern(
    issuer="虎林市人民政府",
    who="我市",
    year=2021,
    fmt="2021",
    t2={"gz": [0, 0, 0], "gf": [7, 3, 41], "xk": [4721], "cf": [903], "qz": [12], "sf": [386.2]},
    t3={"new": row(6, 1), "open": row(3, 1), "u1": row(2), "o3": row(1)},
    t4=[[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
    sig_date="2022年1月27日",
    active=6021,
    portal="虎林市人民政府",
    office="虎林市政务公开办公室",
    phone="0467-5822101",
    focus="全面推进基层政务公开标准化规范化，做好疫情防控、乡村振兴和惠企政策信息公开。",
    problem="一是乡镇政务公开专职人员不足；二是政务新媒体互动性不强。下一步将加强队伍建设和业务培训。",
)
HUTOU_2022 = Modern(
    issuer="虎林市虎头镇人民政府",
    who="我镇",
    year=2022,
    fmt="2021",
    t2={"gz": [0, 0, 0], "gf": [0, 0, 0], "xk": [0], "cf": [3], "qz": [0], "sf": [0]},
    t3={},
    t4=[[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
    sig_date="2023年1月16日",
    active=214,
    portal="虎林市人民政府",
    office="虎头镇党政办公室",
    phone="0467-5861002",
    focus="依托市政府门户网站乡镇专栏和村务公开栏，公开惠农补贴、低保救助和村级财务信息。",
    problem="一是公开内容不够细化；二是工作人员业务水平有待提高。下一步将细化公开目录，参加市级培训。",
    blank_zero=True,
)
JYJ_2019 = Modern(
    issuer="虎林市教育局",
    who="我局",
    year=2019,
    fmt="2019",
    t2={
        "gz": [0, 0, 0],
        "gf": [2, 2, 9],
        "xk": [16, 0, 21],
        "qt": [3, 0, 4],
        "cf": [1, 0, 0],
        "qz": [0, 0, 0],
        "sf": [2, "减 1"],
        "cg": [14, "376.5万元"],
    },
    t3={"new": row(4), "open": row(3), "u1": row(1)},
    t4=[[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
    sig_date="2020年1月20日",
    active=512,
    portal="虎林市人民政府",
    office="虎林市教育局办公室",
    phone="0467-5822316",
    focus="重点公开义务教育招生入学、学生资助、教育收费和校园安全信息。",
    problem="一是学校信息公开工作发展不平衡；二是信息更新不够及时。下一步将加强对学校的指导检查。",
)

OLD_QHD_2017 = Old(
    issuer="秦皇岛市人民政府办公室",
    who="我市",
    year=2017,
    active=19264,
    channels="其中通过市政府门户网站公开11803条，通过“秦皇岛发布”政务微博、微信公开6527条，"
    "通过《秦皇岛政务》等其他方式公开934条。",
    applications=187,
    agreed=121,
    partly=14,
    refused=9,
    review=3,
    lawsuit=2,
    focus="以推进决策、执行、管理、服务、结果公开为重点，围绕重点领域信息公开，"
    "深化政策解读和回应关切，政府信息公开工作取得新进展。",
    problem="一是部分县区和部门公开信息更新不及时；二是依申请公开答复的规范性有待加强。"
    "2018年，我市将进一步完善公开制度，加强督导考核。",
    signature=False,
)
OLD_CZJ_2018 = Old(
    issuer="秦皇岛市财政局",
    who="我局",
    year=2018,
    active=846,
    channels="其中通过局门户网站公开612条，通过政务新媒体公开203条，通过其他方式公开31条。",
    applications=9,
    agreed=6,
    partly=1,
    refused=0,
    review=0,
    lawsuit=0,
    focus="重点推进预决算公开、政府采购和减税降费信息公开，建立健全信息发布审核机制。",
    problem="一是部分预算单位公开不够细化；二是信息公开队伍力量薄弱。下一步将加强督促指导，提升公开质量。",
    sig_date="2019年1月30日",
)
OLD_HULIN_2009 = Old(
    issuer="虎林市人民政府",
    who="我市",
    year=2009,
    active=1873,
    channels="其中通过政府网站公开1452条，通过政府公报、公开栏等其他方式公开421条。",
    applications=5,
    agreed=3,
    partly=1,
    refused=0,
    review=0,
    lawsuit=0,
    focus="建立健全政府信息公开工作机构，编制政府信息公开指南和目录，"
    "设立政府信息公开查阅点，政府信息公开工作有序推进。",
    problem="一是部分单位对政府信息公开工作认识不足；二是公开内容不够全面。"
    "2010年，我市将进一步完善制度，加大监督检查力度。",
    sig_date="二〇一〇年一月十九日",
)


JLP_2021 = Modern(
    issuer="重庆市九龙坡区人民政府",
    who="我区",
    year=2021,
    fmt="2021",
    t2={"gz": [0, 0, 0], "gf": [12, 4, 86], "xk": [3812], "cf": [1294], "qz": [41], "sf": [52.8]},
    t3={
        "new": row(64, 7, 2),
        "carry": row(3),
        "open": row(31, 4),
        "part": row(9, 1),
        "u1": row(18, 2, 1),
        "o3": row(6),
    },
    t4=[[2, 1, 0, 0], [1, 0, 0, 1], [0, 0, 0, 0]],
    sig_date="2022年3月28日",
    active=9634,
    portal="重庆市九龙坡区人民政府",
    office="重庆市九龙坡区人民政府办公室",
    phone="023-68780000",
    focus="围绕城市更新、营商环境和民生实事，推进决策、执行、管理、服务、结果公开。",
    problem="一是部分部门政策解读质量不高；二是镇街公开平台内容更新不及时。下一步将加强培训和督查。",
)
JLP_2020 = Modern(
    issuer="重庆市九龙坡区人民政府",
    who="我区",
    year=2020,
    fmt="2019",
    t2={
        "gz": [0, 0, 0],
        "gf": [9, 9, 78],
        "xk": [2954, "增 188", 31022],
        "qt": [412, "减 9", 5120],
        "cf": [1102, "增 31", 6633],
        "qz": [37, 0, 402],
        "sf": [48, "减 3"],
        "cg": [106, "18231.5万元"],
    },
    t3={"new": row(51, 5, 1), "carry": row(2), "open": row(24, 3), "part": row(7), "u1": row(15, 2, 1), "o": row(7)},
    t4=[[1, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 0]],
    sig_date="2021年3月26日",
    active=8711,
    portal="重庆市九龙坡区人民政府",
    office="重庆市九龙坡区人民政府办公室",
    phone="023-68780000",
    focus="做好疫情防控、复工复产和惠企政策信息公开，推进基层政务公开标准化规范化。",
    problem="一是公开平台栏目设置不够统一；二是依申请公开答复规范性有待提高。下一步将统一栏目并加强审核。",
)
OLD_JLP_2018 = Old(
    issuer="重庆市九龙坡区人民政府",
    who="我区",
    year=2018,
    active=7402,
    channels="其中通过区政府门户网站公开6318条，通过政务新媒体、公开栏等其他方式公开1084条。",
    applications=38,
    agreed=21,
    partly=6,
    refused=2,
    review=1,
    lawsuit=0,
    focus="深化重点领域信息公开，完善政府信息公开目录，规范依申请公开办理流程。",
    problem="一是部分单位公开意识有待增强；二是信息更新不够及时。2019年，我区将进一步健全工作机制。",
    sig_date="2019年3月25日",
)
JLP_JW_2022 = Modern(
    issuer="重庆市九龙坡区教育委员会",
    who="我委",
    year=2022,
    fmt="2021",
    t2={"gz": [0, 0, 0], "gf": [3, 0, 17], "xk": [286], "cf": [4], "qz": [0], "sf": [0]},
    t3={"new": row(14, 1), "open": row(8, 1), "part": row(2), "u1": row(3), "o3": row(1)},
    t4=[[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
    sig_date="2023年1月20日",
    active=1265,
    portal="重庆市九龙坡区人民政府",
    office="重庆市九龙坡区教育委员会办公室",
    phone="023-68781234",
    focus="公开招生入学、教育收费、学校安全和教育惠民政策信息。",
    problem="一是政策解读形式较单一；二是学校信息公开不够均衡。下一步将丰富解读形式，加强对学校的指导。",
)
JLP_MZJ_2021 = Modern(
    issuer="重庆市九龙坡区民政局",
    who="我局",
    year=2021,
    fmt="2021",
    t2={"gz": [0, 0, 0], "gf": [1, 0, 6], "xk": [512], "cf": [2], "qz": [0], "sf": [0]},
    t3={"new": row(9), "open": row(5), "u1": row(3), "o3": row(1)},
    t4=[[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
    sig_date="2022年1月25日",
    active=904,
    portal="重庆市九龙坡区人民政府",
    office="重庆市九龙坡区民政局办公室",
    phone="023-68785678",
    focus="公开低保、特困供养、临时救助、养老服务和社会组织管理信息。",
    problem="一是救助信息公开的及时性有待提高；二是政务新媒体互动不足。下一步将完善更新机制。",
)
JLP_JLZ_2022 = Modern(
    issuer="重庆市九龙坡区九龙镇人民政府",
    who="我镇",
    year=2022,
    fmt="2021",
    t2={"gz": [0, 0, 0], "gf": [0, 0, 0], "xk": [0], "cf": [6], "qz": [0], "sf": [0]},
    t3={"new": row(2), "open": row(1), "u1": row(1)},
    t4=[[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
    sig_date="2023年1月16日",
    active=318,
    portal="重庆市九龙坡区人民政府",
    office="九龙镇党政办公室",
    phone="023-68789012",
    focus="依托区政府门户网站镇街专栏和村（居）务公开栏，公开惠民补贴、低保救助和村（社区）财务信息。",
    problem="一是公开内容不够细化；二是工作人员业务水平有待提高。下一步将细化公开目录，参加区级培训。",
    blank_zero=True,
)


def qhd_meta(index_no: str, org: str, date: str, genre: str = "市政府年度报告") -> dict[str, str]:
    """The 秦皇岛 信息公开 header block (seed 004 layout, NBSP-padded labels)."""
    return {
        "发布时间": date,
        "发布机构": org,
        "体裁分类": genre,
        "主题分类": "综合政务",
        "文号": "",
        "索引号": index_no,
    }


def build_pages() -> tuple[list[Page], list[Report], list[dict[str, str]]]:
    """Every page of the demo and the ground truth about it."""
    pages: list[Page] = []
    reports: list[Report] = []
    traps: list[dict[str, str]] = []

    def trap(page: Page, kind: str) -> None:
        pages.append(page)
        traps.append({"site": page.site, "path": page.path, "title": page.title, "kind": kind})

    # ---------------- hanweb: 哈尔滨市人民政府 -----------------------------------------
    h2020 = hanweb_art(2021, 3, 5, 1001)
    pages.append(
        Page(
            site="hanweb",
            path=h2020,
            title="哈尔滨市2020年政府信息公开工作报告",
            body=render_lines(seed("harbin_2020.txt")),
            lists=[("col4971", "2021-03-05")],
            pubdate="2021-03-05 13:32",
            label_date="2021-03-05 13:32",
            crumb_tail=["2020年", "市本级"],
            attach_text="年报下载:哈尔滨市2020政府信息公开工作报告.doc",
            after_content=f"<p>{SPAM_TAIL}</p>",
            related=[hanweb_art(2020, 3, 27, 1008), hanweb_art(2022, 3, 28, 1011)],
        )
    )
    reports.append(
        Report(
            issuer="哈尔滨市人民政府",
            year=2020,
            fmt="2019",
            pages=[h2020],
            best=h2020,
            spam=[SPAM_TAIL],
            note="seed 000: tables 二/三/四 missing (headings adjacent); body names the mirror "
            "domain http://www.tgflt.cn; spam tail inside #zoom after ZJEG_RSS.content.end",
        )
    )

    h2019 = hanweb_art(2020, 3, 27, 1008)
    anchor = '<p style="text-indent: 2em;">（二）依申请公开。'
    body = modern_body(HRB_2019).replace(anchor, SPAM_HIDDEN + "\n" + anchor, 1)
    pages.append(
        Page(
            site="hanweb",
            path=h2019,
            title="哈尔滨市人民政府2019年政府信息公开工作年度报告",
            body=body,
            lists=[("col4971", "2020-03-27")],
            pubdate="2020-03-27 09:15",
            label_date="2020-03-27 09:15",
            crumb_tail=["2019年", "市本级"],
            meta_table={
                "索引号": "00231657-4/2020-00087",
                "发布机构": "哈尔滨市人民政府办公厅",
                "发布日期": "2020-03-27",
                "组配分类": "政府信息公开年报",
                "文号": "",
            },
            related=[h2020],
        )
    )
    reports.append(
        Report(
            issuer="哈尔滨市人民政府",
            year=2019,
            fmt="2019",
            pages=[h2019],
            best=h2019,
            spam=["bet365体育投注", "欧洲杯买球平台", "九游娱乐官网入口"],
            note="2019 format with real tables; a hidden display:none spam block of off-site links "
            "between two paragraphs of section 一",
            t3=("2019", HRB_2019.t3),
        )
    )

    h2021 = hanweb_art(2022, 3, 28, 1011)
    pages.append(
        Page(
            site="hanweb",
            path=h2021,
            title="哈尔滨市2021年政府信息公开工作年度报告",
            body=modern_body(HRB_2021),
            lists=[("col4971", "2022-03-28")],
            pubdate="2022-03-28 16:02",
            label_date="2022-03-28 16:02",
            crumb_tail=["2021年", "市本级"],
            related=[h2019, h2020],
        )
    )
    reports.append(
        Report(
            issuer="哈尔滨市人民政府",
            year=2021,
            fmt="2021",
            pages=[h2021],
            best=h2021,
            note="2021 format with real tables; 五 heading variant 「五、存在问题及改进情况」",
            t3=("2021", HRB_2021.t3),
        )
    )

    m2017 = hanweb_art(2018, 3, 12, 1003)
    pages.append(
        Page(
            site="hanweb",
            path=m2017,
            title="哈尔滨市民政局2017年政府信息公开工作年度报告",
            body=render_lines(seed("harbin_mzj_2017.txt")),
            lists=[("col4971", "2018-03-12"), ("col4971", "2018-03-12")],
            pubdate="2018-03-12 10:20",
            label_date="2018-03-12 10:20",
            crumb_tail=["部门年报"],
        )
    )
    reports.append(
        Report(
            issuer="哈尔滨市民政局",
            year=2017,
            fmt="pre2019",
            pages=[m2017],
            best=m2017,
            note="seed 001: pre-2019 prose, signature 哈尔滨市民政局 2018年3月9日; "
            "listed twice in col4971; body names http://www.tgflt.cn/col/col4971/index.html",
        )
    )

    m2021 = hanweb_art(2022, 1, 25, 1010)
    body = modern_body(MZJ_2021).replace(
        "围绕“放管服”改革信息公开、社会救助", f"围绕“放管服”改革信息公开、{SPAM_LINK}社会救助", 1
    )
    pages.append(
        Page(
            site="hanweb",
            path=m2021,
            title="哈尔滨市民政局政府信息公开工作2021年度报告",
            body=body,
            lists=[("col4971", "2022-01-25")],
            pubdate="2022-01-25 08:47",
            label_date="2022-01-25 08:47",
            crumb_tail=["部门年报"],
            meta_table={
                "索引号": "00231689-X/2022-00012",
                "发布机构": "哈尔滨市民政局",
                "发布日期": "2022-01-25",
                "组配分类": "政府信息公开年报",
                "文号": "",
            },
        )
    )
    reports.append(
        Report(
            issuer="哈尔滨市民政局",
            year=2021,
            fmt="2021",
            pages=[m2021],
            best=m2021,
            spam=[SPAM_LINK_TEXT],
            note="2021 format; an off-site <a href=http://www.xx-bet.com/> inside a paragraph; "
            "表三 breaks the 勾稽关系 on purpose in the 商业企业 and 总计 columns "
            "(总计: 15 + 1 ≠ 14 + 3)",
            t3=("2021", MZJ_2021.t3),
        )
    )

    trap(
        Page(
            site="hanweb",
            path=hanweb_art(2017, 6, 15, 1002),
            title="哈尔滨市政府信息公开工作年度报告制度",
            body=render_lines(
                [
                    "第一条 为规范政府信息公开工作年度报告的编制和发布，根据《中华人民共和国政府信息公开条例》，制定本制度。",
                    "第二条 市政府各部门、各区县（市）政府应当于每年1月31日前编制并公布本机关上一年度政府信息公开工作年度报告。",
                    "第三条 年度报告应当包括主动公开政府信息的情况，依申请公开政府信息的情况，"
                    "政府信息公开的收费及减免情况，因政府信息公开申请行政复议、提起行政诉讼的情况，"
                    "存在的主要问题及改进情况等内容。",
                    "第四条 年度报告由本机关政府信息公开工作机构负责编制，经本机关主要负责人审定后公布。",
                    "第五条 本制度自发布之日起施行。",
                ]
            ),
            lists=[("col4971", "2017-06-15")],
            pubdate="2017-06-15 14:00",
            label_date="2017-06-15 14:00",
            crumb_tail=["政府信息公开制度"],
        ),
        "rule",
    )
    trap(
        Page(
            site="hanweb",
            path=hanweb_art(2022, 3, 30, 1012),
            title="文字解读：哈尔滨市2021年政府信息公开工作年度报告",
            body=render_lines(
                [
                    "近日，哈尔滨市政府办公厅发布《哈尔滨市2021年政府信息公开工作年度报告》。现就报告主要内容解读如下。",
                    "一、主动公开情况。2021年全市主动公开政府信息201384条，重点领域信息公开更加全面。",
                    "二、依申请公开情况。2021年全市新收政府信息公开申请2818件，全部在法定期限内答复。",
                    "三、下一步工作。将围绕优化营商环境和民生保障，进一步提升政务公开质量。",
                ]
            ),
            lists=[("col4971", "2022-03-30")],
            pubdate="2022-03-30 09:00",
            label_date="2022-03-30 09:00",
            crumb_tail=["政策解读"],
        ),
        "interpretation",
    )

    draft = "/private/art_4971_2001.html"
    pages.append(
        Page(
            site="hanweb",
            path=draft,
            title="哈尔滨市2022年政府信息公开工作年度报告（征求意见稿）",
            body=render_lines(
                [
                    "本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。（内部征求意见稿，请勿转发）",
                    "一、总体情况",
                    "（略）",
                ]
            ),
            lists=[("col4971", "2023-01-10")],
            pubdate="2023-01-10 17:30",
            label_date="2023-01-10 17:30",
            crumb_tail=["2022年"],
        )
    )
    missing_hanweb = Page(
        site="hanweb",
        path=hanweb_art(2019, 3, 28, 1006),
        title="哈尔滨市2018年政府信息公开工作年度报告",
        body="",
        lists=[("col4971", "2019-03-28")],
        exists=False,
    )
    pages.append(missing_hanweb)

    # ---------------- trs: 秦皇岛市人民政府 (GBK) -------------------------------------
    base = "/zwgk/zfxxgknb"
    q2016 = f"{base}/201702/t20170222_5001.html"
    pages.append(
        Page(
            site="trs",
            path=q2016,
            title="秦皇岛市2016年政府信息公开工作年度报告",
            body=render_lines(seed("qhd_2016.txt")),
            lists=[("szfnb", "2017-02-22")],
            pubdate="2017-02-22 16:41",
            label_date="2017-02-22",
            meta_table=qhd_meta("58/2017-092426", "市政府办公厅", "2017-02-22"),
            source="秦皇岛市人民政府办公厅",
        )
    )
    reports.append(
        Report(
            issuer="秦皇岛市人民政府",
            year=2016,
            fmt="pre2019",
            pages=[q2016],
            best=q2016,
            note="seed 004: metadata block (发布时间/发布机构 市政府办公厅/索引号 58/2017-092426); "
            "dropped characters 「)围绕…」; numbers in prose (162件, 复议4件, 诉讼4件)",
        )
    )

    q2017 = f"{base}/t19700101_5008.html"
    body = old_body(OLD_QHD_2017).replace("围绕重点领域信息公开，", f"围绕重点领域信息公开，{SPAM_MAJIANG}", 1)
    pages.append(
        Page(
            site="trs",
            path=q2017,
            title="秦皇岛市政府信息公开工作2017年度报告",
            body=body,
            lists=[("szfnb", "2018-03-20")],
            pubdate="2018-03-20 11:05",
            label_date="2018-03-20",
            source="秦皇岛市人民政府办公室",
        )
    )
    reports.append(
        Report(
            issuer="秦皇岛市人民政府",
            year=2017,
            fmt="pre2019",
            pages=[q2017],
            best=q2017,
            spam=[SPAM_MAJIANG],
            note="pre-2019 prose, no signature; epoch date in the URL (t19700101_…); "
            "「麻将胡了最新官方版下载」 injected mid-sentence",
        )
    )

    q2019 = f"{base}/202003/t20200330_5014.html"
    pages.append(
        Page(
            site="trs",
            path=q2019,
            title="秦皇岛市2019年政府信息公开工作年度报告",
            body=modern_body(QHD_2019),
            lists=[("szfnb", "2020-03-30")],
            pubdate="2020-03-30 15:12",
            label_date="2020-03-30",
            meta_table=qhd_meta("58/2020-011873", "市政府办公室", "2020-03-30"),
            source="秦皇岛市人民政府办公室",
        )
    )
    reports.append(
        Report(
            issuer="秦皇岛市人民政府",
            year=2019,
            fmt="2019",
            pages=[q2019],
            best=q2019,
            note="2019 format with real tables, served as GBK",
            t3=("2019", QHD_2019.t3),
        )
    )

    q2021 = f"{base}/202203/t20220325_5020.html"
    q2021c = f"{base}/202204/t20220408_5021.html"
    pages.append(
        Page(
            site="trs",
            path=q2021,
            title="秦皇岛市2021年政府信息公开工作年度报告",
            body=modern_body(qhd_2021(QHD_2021_T2_ORIG, QHD_2021_ORIG_T3, "2022年3月25日")),
            lists=[("szfnb", "2022-03-25")],
            pubdate="2022-03-25 10:00",
            label_date="2022-03-25",
            source="秦皇岛市人民政府办公室",
        )
    )
    pages.append(
        Page(
            site="trs",
            path=q2021c,
            title="秦皇岛市2021年政府信息公开工作年度报告（更正）",
            body=para(
                "更正说明：原报告“二、主动公开政府信息情况”表中行政规范性文件现行有效件数、"
                "“三、收到和处理政府信息公开申请情况”表中结转下年度继续办理数据有误，现予更正。"
            )
            + "\n"
            + modern_body(qhd_2021(QHD_2021_T2_FIX, QHD_2021_FIX_T3, "2022年4月8日")),
            lists=[("szfnb", "2022-04-08")],
            pubdate="2022-04-08 09:30",
            label_date="2022-04-08",
            source="秦皇岛市人民政府办公室",
        )
    )
    reports.append(
        Report(
            issuer="秦皇岛市人民政府",
            year=2021,
            fmt="2021",
            pages=[q2021, q2021c],
            best=q2021c,
            note="「更正」 republication wins: the original has 现行有效件数 230 (corrected 203) and a "
            "结转 row that breaks the 勾稽关系; the correction is consistent",
            t3=("2021", QHD_2021_FIX_T3),
        )
    )

    trap(
        Page(
            site="trs",
            path=f"{base}/202110/t20211008_5018.html",
            title="国务院办公厅政府信息与政务公开办公室关于印发《中华人民共和国政府信息公开工作年度报告格式》的通知",
            body=render_lines(
                [
                    "国办公开办函〔2021〕30号",
                    "各省、自治区、直辖市人民政府办公厅，国务院各部委、各直属机构办公厅（室）：",
                    "为进一步做好政府信息公开工作年度报告编制发布工作，我们对《中华人民共和国政府信息公开工作年度报告格式（试行）》"
                    "进行了修订，形成了《中华人民共和国政府信息公开工作年度报告格式》，现印发给你们，请遵照执行。",
                    "年度报告内容，要严格按照《中华人民共和国政府信息公开条例》第五十条的规定确定，不能遗漏，也不宜泛化。",
                    "（一）总体情况。这一项报告本机关政府信息公开工作总体情况。",
                    "二、主动公开政府信息情况：第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数",
                    "三、收到和处理政府信息公开申请情况：（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                    "国务院办公厅政府信息与政务公开办公室",
                    "2021年9月26日",
                ]
            ),
            lists=[("szfnb", "2021-10-08")],
            pubdate="2021-10-08 08:30",
            label_date="2021-10-08",
            source="中国政府网",
        ),
        "format_notice",
    )
    trap(
        Page(
            site="trs",
            path=f"{base}/202201/t20220120_5019.html",
            title="秦皇岛市人民政府门户网站2021年政府网站工作年度报表",
            body=render_lines(
                [
                    "政府网站工作年度报表（2021年度）",
                    "填报单位：秦皇岛市人民政府办公室",
                    "网站名称\t秦皇岛市人民政府",
                    "首页网址\twww.qhd.gov.cn",
                    "网站标识码\t1303000012",
                    "独立用户访问总量（单位：个）\t2871364",
                    "网站总访问量（单位：次）\t15873201",
                    "信息发布总数（单位：条）\t27654",
                    "办事服务 注册用户数（单位：个）\t86321",
                ],
                keep_tabs=True,
            ),
            lists=[("szfnb", "2022-01-20")],
            pubdate="2022-01-20 17:10",
            label_date="2022-01-20",
            source="秦皇岛市人民政府办公室",
        ),
        "website_report",
    )
    error_trs = Page(
        site="trs",
        path=f"{base}/201903/t20190320_5010.html",
        title="秦皇岛市2018年政府信息公开工作年度报告",
        body=para("（服务器错误时不可用）"),
        lists=[("szfnb", "2019-03-20")],
        pubdate="2019-03-20 10:00",
        label_date="2019-03-20",
    )
    pages.append(error_trs)

    # 部门年报: the 财政局 2020 report on the department column (complete) and on the
    # city column (tables pasted as images: partial).
    bm = f"{base}/bmnb"
    c2020 = f"{bm}/202101/t20210128_5101.shtml"
    c2020_city = f"{base}/202101/t20210128_5016.html"
    czj_meta = qhd_meta("000572311/2021-00018", "秦皇岛市财政局", "2021-01-28", "部门年度报告")
    pages.append(
        Page(
            site="trs",
            path=c2020,
            title="关于2020年度政府信息公开情况的报告",
            body=modern_body(CZJ_2020),
            lists=[("bmnb", "2021-01-28")],
            pubdate="2021-01-28 11:20",
            label_date="2021-01-28",
            meta_table=czj_meta,
            source="秦皇岛市财政局",
        )
    )
    img_names = [
        "W020210128382211345678.png",
        "W020210128382211356789.png",
        "W020210128382211367890.png",
    ]
    partial = modern_body(replace(CZJ_2020, images=[f"./{n}" for n in img_names]))
    pages.append(
        Page(
            site="trs",
            path=c2020_city,
            title="关于2020年度政府信息公开情况的报告",
            body=partial,
            lists=[("szfnb", "2021-01-28")],
            pubdate="2021-01-28 11:20",
            label_date="2021-01-28",
            meta_table=czj_meta,
            source="秦皇岛市财政局",
            extra_files={f"{base}/202101/{n}": PNG_1X1 for n in img_names},
        )
    )
    reports.append(
        Report(
            issuer="秦皇岛市财政局",
            year=2020,
            fmt="2019",
            pages=[c2020, c2020_city],
            best=c2020,
            note="title 「关于2020年度政府信息公开情况的报告」 names no issuer: take it from 发布机构/"
            "signature; on the department column with real tables (blank cells for 0) and on the "
            "city column with the tables as <img> (partial copy, tables_missing)",
            t3=("2019", CZJ_2020.t3),
        )
    )

    c2021 = f"{bm}/202201/t20220127_5110.shtml"
    pages.append(
        Page(
            site="trs",
            path=c2021,
            title="秦皇岛市财政局2021年政府信息公开工作年度报告",
            body=modern_body(CZJ_2021),
            lists=[("bmnb", "2022-01-27")],
            pubdate="2022-01-27 15:03",
            label_date="2022-01-27",
            meta_table=qhd_meta("000572311/2022-00009", "秦皇岛市财政局", "2022-01-27", "部门年度报告"),
            source="秦皇岛市财政局",
        )
    )
    reports.append(
        Report(
            issuer="秦皇岛市财政局",
            year=2021,
            fmt="2021",
            pages=[c2021],
            best=c2021,
            note="2021 format, department column (.shtml, 6-argument createPageHTML)",
            t3=("2021", CZJ_2021.t3),
        )
    )
    c2018 = f"{bm}/201901/t20190130_5090.shtml"
    pages.append(
        Page(
            site="trs",
            path=c2018,
            title="秦皇岛市财政局2018年政府信息公开工作报告",
            body=old_body(OLD_CZJ_2018),
            lists=[("bmnb", "2019-01-30")],
            pubdate="2019-01-30 09:40",
            label_date="2019-01-30",
            source="秦皇岛市财政局",
        )
    )
    reports.append(
        Report(
            issuer="秦皇岛市财政局",
            year=2018,
            fmt="pre2019",
            pages=[c2018],
            best=c2018,
            note="pre-2019 prose; title without 年度 (「…2018年政府信息公开工作报告」)",
        )
    )
    e2022 = f"{bm}/202301/t20230130_5130.shtml"
    pages.append(
        Page(
            site="trs",
            path=e2022,
            title="秦皇岛市生态环境局2022年政府信息公开工作年度报告",
            body=modern_body(HBJ_2022),
            lists=[("bmnb", "2023-01-30")],
            pubdate="2023-01-30 16:26",
            label_date="2023-01-30",
            meta_table=qhd_meta("MB1A12345/2023-00004", "秦皇岛市生态环境局", "2023-01-30", "部门年度报告"),
            source="秦皇岛市生态环境局",
        )
    )
    reports.append(
        Report(
            issuer="秦皇岛市生态环境局",
            year=2022,
            fmt="2021",
            pages=[e2022],
            best=e2022,
            note="2021 format with blank cells for zeros; 四 heading 「…行政复议和行政诉讼情况」",
            t3=("2021", HBJ_2022.t3),
        )
    )
    trap(
        Page(
            site="trs",
            path=f"{bm}/202207/t20220715_5121.shtml",
            title="秦皇岛市财政局2022年上半年政府信息公开数据统计",
            body=render_lines(
                [
                    "2022年1月至6月，我局主动公开政府信息712条，收到政府信息公开申请9件，已办结8件，结转1件。",
                    "未发生因政府信息公开被申请行政复议或提起行政诉讼的情况。",
                ]
            ),
            lists=[("bmnb", "2022-07-15")],
            pubdate="2022-07-15 10:10",
            label_date="2022-07-15",
            source="秦皇岛市财政局",
        ),
        "half_year_statistics",
    )

    # ---------------- generic: 虎林市人民政府 -----------------------------------------
    g2020 = "/xxgk/nb/2021/0205/28765.html"
    pages.append(
        Page(
            site="generic",
            path=g2020,
            title="虎林市2020年政府信息公开工作年度报告",
            body=render_lines(seed("hulin_2020.txt"), keep_tabs=True),
            lists=[("nb", "2021-02-05")],
            label_date="2021-02-05",
            source="虎林市人民政府办公室",
        )
    )
    reports.append(
        Report(
            issuer="虎林市人民政府",
            year=2020,
            fmt="2019",
            pages=[g2020],
            best=g2020,
            note="seed 003: tables as tab-separated text with split cells, 「**…**」 markers, "
            "「3929. 08 万元」; 发布日期 label only (no <meta>); signature 2021年2月4日",
        )
    )
    g2009 = "/xxgk/nb/2010/0119/1024.html"
    pages.append(
        Page(
            site="generic",
            path=g2009,
            title="虎林市2009年政府信息公开工作年度报告",
            body=old_body(OLD_HULIN_2009),
            lists=[("nb", "2010-01-19")],
        )
    )
    reports.append(
        Report(
            issuer="虎林市人民政府",
            year=2009,
            fmt="pre2019",
            pages=[g2009],
            best=g2009,
            note="the only date on the page is the signature 「二〇一〇年一月十九日」 (Chinese numerals)",
        )
    )
    g2021 = "/xxgk/nb/2022/0128/29876.html"
    pages.append(
        Page(
            site="generic",
            path=g2021,
            title="虎林市人民政府2021年政府信息公开工作年度报告",
            body=modern_body(HULIN_2021),
            lists=[("nb", "2022-01-28")],
            label_date="2022-01-28",
            source="虎林市人民政府办公室",
        )
    )
    reports.append(
        Report(
            issuer="虎林市人民政府",
            year=2021,
            fmt="2021",
            pages=[g2021],
            best=g2021,
            note="2021 format with real tables on a plain county site",
            t3=("2021", HULIN_2021.t3),
        )
    )
    g2022 = "/xxgk/nb/2023/0116/30571.html"
    pages.append(
        Page(
            site="generic",
            path=g2022,
            title="虎林市虎头镇人民政府2022年政府信息公开工作年度报告",
            body=modern_body(HUTOU_2022),
            lists=[("nb", "2023-01-16")],
            label_date="2023-01-16",
            source="虎头镇人民政府",
        )
    )
    reports.append(
        Report(
            issuer="虎林市虎头镇人民政府",
            year=2022,
            fmt="2021",
            pages=[g2022],
            best=g2022,
            note="township report; 表三 all zero, printed as blank cells",
            t3=("2021", HUTOU_2022.t3),
        )
    )
    g2019 = "/jyj/xxgk/ndbg/2020/0120/26003.html"
    body = modern_body(JYJ_2019).replace("学生资助、", f"学生资助、{SPAM_KAIYUN}", 1)
    pages.append(
        Page(
            site="generic",
            path=g2019,
            title="虎林市教育局2019年政府信息公开工作年度报告",
            body=body,
            lists=[("nb", "2020-01-20")],
            label_date="2020-01-20",
            source="虎林市教育局",
        )
    )
    reports.append(
        Report(
            issuer="虎林市教育局",
            year=2019,
            fmt="2019",
            pages=[g2019],
            best=g2019,
            spam=[SPAM_KAIYUN],
            note="2019 format; keyword injection 「开云体育app下载」 mid-sentence",
            t3=("2019", JYJ_2019.t3),
        )
    )
    trap(
        Page(
            site="generic",
            path="/xxgk/tzgg/2021/1220/29701.html",
            title="关于做好2021年度政府信息公开工作年度报告编制发布工作的通知",
            body=render_lines(
                [
                    "各乡镇人民政府、市政府各部门：",
                    "根据《中华人民共和国政府信息公开条例》第四十九条规定，各部门应当于2022年1月31日前公布本机关"
                    "2021年度政府信息公开工作年度报告，请严格按照国办公开办函〔2021〕30号规定的格式编制。",
                    "虎林市政务公开办公室",
                    "2021年12月20日",
                ]
            ),
            lists=[("nb", "2021-12-20")],
            label_date="2021-12-20",
            source="虎林市政务公开办公室",
        ),
        "notice",
    )
    trap(
        Page(
            site="generic",
            path="/xxgk/nb/2019/0115/25110.html",
            title="虎林市人民政府网站2018年政府网站工作年度报表",
            body=render_lines(
                [
                    "网站名称：虎林市人民政府",
                    "网站标识码：2303810001",
                    "信息发布总数（单位：条）：3526",
                    "独立用户访问总量（单位：个）：184302",
                ]
            ),
            lists=[("nb", "2019-01-15")],
            label_date="2019-01-15",
            source="虎林市人民政府办公室",
        ),
        "website_report",
    )
    for path, title, date, text in (
        (
            "/news/2022/1102/30412.html",
            "虎林市召开政务公开工作推进会",
            "2022-11-02",
            "11月2日，虎林市召开政务公开工作推进会，部署基层政务公开标准化规范化和年度报告编制工作。",
        ),
        (
            "/news/2020/0928/27544.html",
            "虎林市开展“政务公开日”活动",
            "2020-09-28",
            "9月28日，虎林市在政务服务中心开展“政务公开日”活动，邀请群众代表走进政府、体验办事流程。",
        ),
        (
            "/news/2009/1230/998.html",
            "市政府召开第十二次常务会议",
            "2009-12-30",
            "12月30日，市政府召开第十二次常务会议，研究部署年终岁尾各项工作。",
        ),
    ):
        trap(
            Page(
                site="generic",
                path=path,
                title=title,
                body=para(text),
                lists=[("nb", date)],
                label_date=date,
                source="虎林市融媒体中心",
            ),
            "news",
        )
    # ---------------- jianggan: 杭州市江干区人民政府 (one-page generic list) --------------
    j2020 = "/zwgk/zfxxgkndbg/202101/t20210129_8651234.html"
    pages.append(
        Page(
            site="jianggan",
            path=j2020,
            title="杭州市江干区2020年政府信息公开工作年度报告",
            body=render_lines(seed("jianggan_2020.txt")),
            lists=[("jg", "2021-01-29")],
            label_date="2021-01-29",
            source="杭州市江干区人民政府办公室",
        )
    )
    reports.append(
        Report(
            issuer="杭州市江干区人民政府",
            year=2020,
            fmt="unknown",
            pages=[j2020],
            best=j2020,
            spam=[SPAM_MAJIANG],
            note="seed 002: no section headings and no tables survived (format unknown by the "
            "text rule; 2019 era by year); 「麻将胡了最新官方版下载」 injected mid-sentence; "
            "damaged spans 「视频线.深入」, 「电线年未收到」; typo 「国开公开办函〔2019〕61号」; "
            "no signature",
        )
    )
    trap(
        Page(
            site="jianggan",
            path="/zwgk/zfxxgkndbg/202101/t20210105_8640001.html",
            title="杭州市江干区2020年上半年政府信息公开数据统计",
            body=render_lines(["2020年1月至6月，全区主动公开政府信息3216条，收到政府信息公开申请247件。"]),
            lists=[("jg", "2020-07-10")],
            label_date="2020-07-10",
            source="杭州市江干区人民政府办公室",
        ),
        "half_year_statistics",
    )
    trap(
        Page(
            site="jianggan",
            path="/art/2021/1/12/art_1229160_5862.html",
            title="江干区召开2021年政务公开工作部署会",
            body=para("1月12日，江干区召开2021年政务公开工作部署会，总结2020年工作，部署年度报告编制发布等重点任务。"),
            lists=[("jg", "2021-01-12")],
            label_date="2021-01-12",
            source="江干发布",
        ),
        "news",
    )
    # ---------------- hub: 重庆市九龙坡区人民政府 (年报 column → sub-columns → departments, years) -------
    for spec, col, path, date in (
        (JLP_2021, "jlp_qzf", "/zwgk/zfxxgk/zfxxgknb/qzfnb/202203/t20220328_10543.html", "2022-03-28"),
        (JLP_2020, "jlp_qzf", "/zwgk/zfxxgk/zfxxgknb/qzfnb/202103/t20210326_9012.html", "2021-03-26"),
        (OLD_JLP_2018, "jlp_qzf", "/zwgk/zfxxgk/zfxxgknb/qzfnb/201903/t20190325_6210.html", "2019-03-25"),
        (JLP_JW_2022, "jlp_jw", "/zwgk/zfxxgk/zfxxgknb/bmnb/jw/202301/t20230120_11876.html", "2023-01-20"),
        (JLP_MZJ_2021, "jlp_mzj", "/zwgk/zfxxgk/zfxxgknb/bmnb/mzj/202201/t20220125_10120.html", "2022-01-25"),
        (JLP_JLZ_2022, "jlp_jlz", "/zwgk/zfxxgk/zfxxgknb/zjnb/2022/jlz/202301/t20230116_11790.html", "2023-01-16"),
    ):
        old = isinstance(spec, Old)
        pages.append(
            Page(
                site="hub",
                path=path,
                title=f"{spec.issuer}{spec.year}年政府信息公开工作年度报告",
                body=old_body(spec) if old else modern_body(spec),
                lists=[(col, date)],
                label_date=date,
                source=spec.issuer,
            )
        )
        reports.append(
            Report(
                issuer=spec.issuer,
                year=spec.year,
                fmt="pre2019" if old else spec.fmt,
                pages=[path],
                best=path,
                note="九龙坡 hub: reached only through sub-columns of the 年报 column",
                t3=None if old else (spec.fmt, spec.t3),
            )
        )
    trap(
        Page(
            site="hub",
            path="/zwgk/zfxxgk/zfxxgknb/bmnb/jw/202212/t20221209_11502.html",
            title="关于做好2022年度政府信息公开工作年度报告编制发布工作的通知",
            body=render_lines(
                [
                    "各学校、委属各单位：",
                    "根据《中华人民共和国政府信息公开条例》和国办公开办函〔2021〕30号要求，现就做好2022年度"
                    "政府信息公开工作年度报告编制发布工作通知如下：",
                    "一、各单位于2023年1月15日前将本单位年度报告报送委办公室。",
                    "二、年度报告应严格按照规定格式编制，统计数据应真实准确。",
                    "重庆市九龙坡区教育委员会办公室",
                    "2022年12月9日",
                ]
            ),
            lists=[("jlp_jw", "2022-12-09")],
            label_date="2022-12-09",
            source="重庆市九龙坡区教育委员会",
        ),
        "compile_notice",
    )

    add_attachments(pages, reports)
    return pages, reports, traps


# ---------------------------------------------------------------------------------------
# Reports published as files, and bad files (see report_files.py)
# ---------------------------------------------------------------------------------------

HRB_2020_ATTACHMENT = Modern(  # only the tables: the text is the seed's
    issuer="哈尔滨市人民政府",
    who="市政府",
    year=2020,
    fmt="2019",
    t2={
        "gz": [2, 2, 114],
        "gf": [15, 15, 329],
        "xk": [647, "增 28", 201337],
        "qt": [115, "减 9", 38952],
        "cf": [966, "增 7", 10452],
        "qz": [64, "增 3", 812],
        "sf": [35, "减 2"],
        "cg": [1207, "254318.66万元"],
    },
    t3={
        "new": row(2581, 187, 19),
        "carry": row(41, 4),
        "open": row(1003, 77, 6),
        "part": row(131, 12, 1),
        "n1": row(2),
        "n4": row(28, 3),
        "n6": row(19, 2),
        "u1": row(994, 64, 8),
        "u3": row(77, 9),
        "d1": row(113, 6, 1),
        "d2": row(36, 3),
        "o": row(71, 5, 2),
    },
    t4=[[42, 7, 11, 6], [15, 3, 5, 8], [6, 2, 1, 3]],
    sig_date="2021年3月5日",
    active=0,
    portal="",
    office="",
    phone="",
    focus="",
    problem="",
)
QHD_2020_PDF = Modern(
    issuer="秦皇岛市人民政府",
    who="市政府",
    year=2020,
    fmt="2019",
    t2={
        "gz": [1, 1, 57],
        "gf": [12, 12, 188],
        "xk": [433, "增 17", 96542],
        "qt": [88, "减 3", 20117],
        "cf": [512, "增 9", 6021],
        "qz": [41, 0, 377],
        "sf": [26, "减 1"],
        "cg": [736, "98765.43万元"],
    },
    t3={
        "new": row(934, 66, 7),
        "carry": row(21, 2),
        "open": row(402, 28, 2),
        "part": row(57, 5),
        "n4": row(11, 1),
        "u1": row(361, 22, 3),
        "u3": row(29, 3),
        "d1": row(44, 2, 1),
        "o": row(23, 4),
    },
    t4=[[18, 3, 4, 2], [7, 1, 2, 3], [2, 1, 0, 1]],
    sig_date="2021年2月5日",
    active=52318,
    portal="中国秦皇岛",
    office="秦皇岛市人民政府办公室",
    phone="0335-3220519",
    focus="以政务公开标准化规范化为抓手，做好疫情防控、复工复产和“六稳”“六保”信息发布。",
    problem="（一）主要问题。政策解读的针对性还不够强。（二）改进措施。推行多元化解读，提高解读质量。",
)
JG_2019_DOCX = Modern(
    issuer="杭州市江干区人民政府",
    who="区政府",
    year=2019,
    fmt="2019",
    t2={
        "gz": [0, 0, 0],
        "gf": [9, 9, 61],
        "xk": [221, "增 14", 30567],
        "qt": [37, 0, 4412],
        "cf": [301, "增 6", 2789],
        "qz": [18, 0, 96],
        "sf": [11, 0],
        "cg": [154, "12345.6万元"],
    },
    t3={
        "new": row(377, 41, 3),
        "carry": row(9, 1),
        "open": row(161, 17, 1),
        "part": row(23, 2),
        "n4": row(5),
        "u1": row(139, 15, 2),
        "u3": row(12, 2),
        "d1": row(21, 3),
        "o": row(11, 1),
    },
    t4=[[6, 1, 2, 1], [3, 0, 1, 2], [1, 0, 0, 1]],
    sig_date="2020年1月15日",
    active=7312,
    portal="杭州市江干区",
    office="杭州市江干区人民政府办公室",
    phone="0571-86974321",
    focus="围绕基层政务公开标准化规范化试点，梳理公开事项目录，推进决策、执行、管理、服务、结果公开。",
    problem="（一）主要问题。基层公开事项目录还需细化。（二）改进措施。加强业务培训和督查指导。",
)
HTML_AS_PDF = (
    b'<!DOCTYPE html><html><head><meta charset="utf-8"><title>\xe7\x94\xa8\xe6\x88\xb7\xe7\x99\xbb\xe5\xbd\x95'
    b'</title></head><body><form action="/login"><input name="user"><input name="pwd" type="password">'
    b"</form></body></html>\n"
)
CORRUPT_PDF = (
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R"
    + bytes(range(256)) * 4
    + b"\nxref\n0 0\ntrailer\n<< /Root 9 0 R >>\nstartxref\n999999\n%%EOF\n"
)


BAD_FILES: list[dict[str, str]] = []
"""Filled by add_attachments: attachments that must be skipped, with the reason the crawl counts."""


def with_tables(lines: list[str], m: Modern) -> str:
    """The seed's text with tables 二/三/四 of `m` back under their headings: the full version
    of a page that lost its tables (its attachment)."""
    tables = {
        "二、": table2_2019(m.t2),
        "三、": table3(m.fmt, m.t3),
        "四、": table4(m.t4),
    }
    out = []
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        out.append(para(line, strong=is_heading(line)))
        if is_heading(line) and line[:2] in tables:
            out.append(tables.pop(line[:2]))
    return "\n".join(out)


def file_bytes(pages: list[Page], site: str, path: str) -> bytes:
    for page in pages:
        if page.site == site and page.file is not None and page.path == path:
            return page.file
        if page.site == site and path in page.extra_files:
            return page.extra_files[path]
    raise SystemExit(f"no file {site}{path}")


def add_attachments(pages: list[Page], reports: list[Report]) -> None:
    """A DOC whose page lost its tables, a PDF-only and a DOCX-only report, and five bad files."""
    from report_files import blocks, fixed_zip, to_docx, to_pdf

    from tests.support.pdf_writer import PdfPage, make_pdf

    by_path = {(p.site, p.path): p for p in pages}
    report_of = {(r.issuer, r.year): r for r in reports}

    # 哈尔滨 2020: the page has no tables; 「年报下载:」 links the full Word 97 version through
    # Hanweb's downfile.jsp (302 to /attach/0/…), named by a GBK Content-Disposition.
    h2020 = by_path[("hanweb", hanweb_art(2021, 3, 5, 1001))]
    doc_link = "/module/download/downfile.jsp?classid=0&filename=2103051332467731.doc"
    doc_path = "/attach/0/2103051332467731.doc"
    doc_name = "哈尔滨市2020政府信息公开工作报告.doc"
    h2020.attach_text = ""
    h2020.attach_label = "年报下载:"
    h2020.attachments = [(doc_link, doc_name)]
    h2020.extra_files[doc_path] = gzip.decompress((SRC / "harbin_2020.doc.gz").read_bytes())
    SITES["hanweb"].downloads[doc_path] = {"filename": doc_name, "charset": "gbk"}
    r = report_of[("哈尔滨市人民政府", 2020)]
    r.files.append((doc_link, doc_path))
    r.t3 = ("2019", HRB_2020_ATTACHMENT.t3)
    r.converter = True
    r.note += "; the full version with tables 二/三/四 is the .doc behind 「年报下载:」 (stats_from_attachment)"

    # 秦皇岛 2020: published only as a PDF, linked from the list itself (TRS P0….pdf naming).
    pdf_path = "/zwgk/zfxxgknb/202102/P020210205563201234567.pdf"
    qhd_title = "秦皇岛市2020年政府信息公开工作年度报告"
    qhd_body = modern_body(QHD_2020_PDF)
    pages.append(
        Page(
            site="trs",
            path=pdf_path,
            title=qhd_title,
            body=qhd_body,
            lists=[("szfnb", "2021-02-05")],
            file=to_pdf([qhd_title, *blocks(qhd_body)]),
        )
    )
    reports.append(
        Report(
            issuer="秦皇岛市人民政府",
            year=2020,
            fmt="2019",
            pages=[pdf_path],
            best=pdf_path,
            note="published only as a PDF (the list links the file); tables read by pdfplumber",
            t3=("2019", QHD_2020_PDF.t3),
            files=[(pdf_path, pdf_path)],
        )
    )

    # 江干 2019: a Zhejiang-style page whose body is only 「详见附件」; the report is the DOCX.
    jg_page = "/zwgk/zfxxgkndbg/202001/t20200115_8100123.html"
    jg_docx = "/zwgk/zfxxgkndbg/202001/W020200115367891234567.docx"
    jg_title = "杭州市江干区2019年政府信息公开工作年度报告"
    jg_body = modern_body(JG_2019_DOCX)
    pages.append(
        Page(
            site="jianggan",
            path=jg_page,
            title=jg_title,
            body=para("详见附件。"),
            lists=[("jg", "2020-01-15")],
            label_date="2020-01-15",
            source="杭州市江干区人民政府办公室",
            attachments=[(jg_docx, jg_title + ".docx")],
        )
    )
    pages.append(
        Page(
            site="jianggan",
            path=jg_docx,
            title=jg_title,
            body=jg_body,
            lists=[],
            file=to_docx([jg_title, *blocks(jg_body)]),
        )
    )
    reports.append(
        Report(
            issuer="杭州市江干区人民政府",
            year=2019,
            fmt="2019",
            pages=[jg_docx],
            best=jg_docx,
            linked_from=[jg_page],
            note="the page says only 「详见附件。」 (not a report by itself); the record is the DOCX's",
            t3=("2019", JG_2019_DOCX.t3),
            files=[(jg_docx, jg_docx)],
        )
    )

    # Bad files beside good pages: each is a counted skip, each page's record stays.
    BAD_FILES.clear()

    def attach(site: str, page_path: str, href: str, name: str, path: str, data: bytes, reason: str) -> None:
        page = by_path[(site, page_path)]
        page.attachments.append((href, name))
        page.extra_files[path] = data
        BAD_FILES.append({"site": site, "page": page_path, "path": path, "reason": reason})

    qhd2016 = "/zwgk/zfxxgknb/201702/t20170222_5001.html"
    attach(
        "trs",
        qhd2016,
        "./P020170222384512345678.pdf",
        "秦皇岛市2016年政府信息公开工作年度报告.pdf",
        "/zwgk/zfxxgknb/201702/P020170222384512345678.pdf",
        CORRUPT_PDF,
        "corrupt_pdf",
    )
    secret = PdfPage()
    secret.text(60, 780, "秦皇岛市2019年政府信息公开工作年度报告")
    qhd2019 = "/zwgk/zfxxgknb/202003/t20200330_5014.html"
    attach(
        "trs",
        qhd2019,
        "./P020200330512345678901.pdf",
        "秦皇岛市2019年政府信息公开工作年度报告.pdf",
        "/zwgk/zfxxgknb/202003/P020200330512345678901.pdf",
        make_pdf([secret], user_password="gov2020"),
        "encrypted_pdf",
    )
    html_path = "/uploadfiles/2021/02/hl2020nb.pdf"
    attach(
        "generic",
        "/xxgk/nb/2021/0205/28765.html",
        html_path,
        "虎林市2020年政府信息公开工作年度报告.pdf",
        html_path,
        HTML_AS_PDF,
        "not_a_pdf_but_html",
    )
    SITES["generic"].downloads[html_path] = {"content_type": "text/html; charset=utf-8"}
    cut_path = "/uploadfiles/2022/01/hl2021nb.pdf"
    full = to_pdf(blocks(modern_body(HULIN_2021)))
    attach(
        "generic",
        "/xxgk/nb/2022/0128/29876.html",
        cut_path,
        "虎林市2021年政府信息公开工作年度报告.pdf",
        cut_path,
        full,
        "truncated",
    )
    SITES["generic"].downloads[cut_path] = {"send_bytes": len(full) // 2}
    bomb = fixed_zip(to_docx(["哈尔滨市2021年政府信息公开工作年度报告"]), {"word/media/image1.bin": bytes(3_000_000)})
    bomb_path = "/attach/0/2203281021553.docx"
    attach(
        "hanweb",
        hanweb_art(2022, 3, 28, 1011),
        "/module/download/downfile.jsp?classid=0&filename=2203281021553.docx",
        "哈尔滨市2021年政府信息公开工作年度报告.docx",
        bomb_path,
        bomb,
        "zip_bomb",
    )
    SITES["hanweb"].downloads[bomb_path] = {
        "filename": "哈尔滨市2021年政府信息公开工作年度报告.docx",
        "charset": "rfc5987",
    }


# ---------------------------------------------------------------------------------------
# Chrome templates
# ---------------------------------------------------------------------------------------


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
    import posixpath

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


# ---------------------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------------------


def platform_builders() -> tuple[Any, ...]:
    """The platform sites' builders (data/demo/platforms/), imported once this module is complete."""
    sys.modules.setdefault("build", sys.modules[__name__])  # they import this module as `build`
    from platforms import PLATFORMS

    return PLATFORMS


def all_sites() -> dict[str, Site]:
    return {**SITES, **{p.SITE.key: p.SITE for p in platform_builders()}}


def render_all() -> dict[str, bytes]:
    """Every output file (path relative to data/demo) and its bytes."""
    pages, reports, traps = build_pages()
    files: dict[str, bytes] = {}
    by_path = {(p.site, p.path): p for p in pages}
    if len(by_path) != len(pages):
        raise SystemExit("duplicate page path")

    def put(site: Site, path: str, text: str) -> None:
        data = text.encode(site.encoding, errors="xmlcharrefreplace")
        files[f"{site.key}{path}"] = data

    # detail pages
    for page in pages:
        site = SITES[page.site]
        for name, data in page.extra_files.items():
            files[f"{site.key}{name}"] = data
        if page.file is not None:
            files[f"{site.key}{page.path}"] = page.file
            continue
        col = COLUMNS[page.lists[0][0]]
        if not page.exists or page.path in site.errors:
            continue
        if site.style == "hanweb":
            put(site, page.path, hanweb_detail(site, col, page, related_html(by_path, page, False)))
        elif site.style == "trs":
            put(site, page.path, trs_detail(site, col, page, related_html(by_path, page, True)))
        else:
            put(site, page.path, generic_detail(site, col, page))

    # lists
    entries_by_col: dict[str, list[tuple[Page, str]]] = {k: [] for k in COLUMNS}
    for page in pages:
        for col_key, date in page.lists:
            entries_by_col[col_key].append((page, date))
    for col_key, entries in entries_by_col.items():
        col = COLUMNS[col_key]
        site = SITES[col.site]
        entries.sort(key=lambda e: e[1], reverse=True)
        total = len(entries)
        count = -(-total // col.per_page)
        if col.scheme == "hanweb":
            records = [{"href": p.path, "title": p.list_title or p.title, "date": d} for p, d in entries]
            put(site, col.path, hanweb_column(site, col, records))
            column_data = {
                "columnid": col.columnid,
                "unitid": col.unitid,
                "webid": 1,
                "webname": site.name,
                "perpage": col.per_page,
                "records": records,
            }
            files[f"{site.key}/_records/col{col.columnid}.json"] = (
                json.dumps(column_data, ensure_ascii=False, indent=1) + "\n"
            ).encode()
            continue
        for i in range(count):
            chunk = entries[i * col.per_page : (i + 1) * col.per_page]
            render = trs_list if site.style == "trs" else generic_list
            put(site, list_file_path(col, i), render(site, col, chunk, i, count, total))

    for site in SITES.values():
        files[f"{site.key}/robots.txt"] = site.robots.encode()
        columns = [c for c in COLUMNS.values() if c.site == site.key]
        links = site.home_links or [(c.name, c.path) for c in columns]
        put(site, "/index.html", home_page(site, links))
        for path, (title, crumb, menu) in site.hubs.items():
            put(site, path, hub_page(site, title, crumb, menu))

    sites_json = {
        "sites": {
            s.key: {
                "style": s.style,
                "name": s.name,
                "charset": s.charset,
                "encoding": s.encoding,
                "start": s.start or [c.path for c in COLUMNS.values() if c.site == s.key],
                "errors": s.errors,
                "downloads": s.downloads,
            }
            for s in SITES.values()
        }
    }
    for platform in platform_builders():
        site = platform.SITE
        files.update(platform.render())
        sites_json["sites"][site.key] = {
            "style": site.style,
            "name": site.name,
            "charset": site.charset,
            "encoding": site.encoding,
            "start": platform.START,
            "errors": site.errors,
            "downloads": site.downloads,
        }
        more_pages, more_reports, more_traps = platform.ground_truth()
        pages, reports, traps = pages + more_pages, reports + more_reports, traps + more_traps
    files["sites.json"] = (json.dumps(sites_json, ensure_ascii=False, indent=2) + "\n").encode()
    files["expected.json"] = (json.dumps(expected(pages, reports, traps), ensure_ascii=False, indent=2) + "\n").encode()
    return files


def expected(pages: list[Page], reports: list[Report], traps: list[dict[str, str]]) -> dict:
    """The ground truth the end-to-end tests assert against."""
    by_path = {(p.site, p.path): p for p in pages}
    out_reports = []
    for r in reports:
        site = next(p.site for p in pages if p.path == r.best)
        best = by_path[(site, r.best)]
        # `published` is the first publication: the earliest copy that is not a 更正/修订 republication;
        # `corrected` is when the (latest) correction came out.
        copies = [by_path[(site, path)] for path in r.pages if (site, path) in by_path]
        originals = [page_date(p) for p in copies if not is_correction_title(p.title)]
        corrections = [page_date(p)[0] for p in copies if is_correction_title(p.title)]
        published, source = min(originals) if originals else (None, None)
        entry: dict[str, Any] = {
            "key": f"{r.issuer}|{r.year}",
            "issuer": r.issuer,
            "year": r.year,
            "published": published,
            "published_source": source,
            "corrected": max(corrections) if corrections else None,
            "title": best.title,
            "site": site,
            "paths": sorted(r.pages),
            "best_path": r.best,
            "format": r.fmt,
            "spam": r.spam,
            "note": r.note,
        }
        if r.t3 is not None:
            v = t3_values(*r.t3)
            entry["table3_total_column"] = {
                "new": v["new"][6],
                "carried_over": v["carry"][6],
                "total": v["total"][6],
                "carried_forward": v["out"][6],
                "consistent": all(v["new"][i] + v["carry"][i] == v["total"][i] + v["out"][i] for i in range(7)),
            }

        if r.converter:
            entry["needs_converter"] = True
        if r.linked_from:
            entry["linked_from"] = r.linked_from
        if r.listing_page:
            entry["listing_page"] = True
        if r.evidence:
            entry["issuer_evidence"] = r.evidence
        if r.files:
            entry["files"] = [
                {
                    "link": link,
                    "path": path,
                    "type": path.rsplit(".", 1)[-1],
                    "size": len(data := file_bytes(pages, site, path)),
                    "sha256": hashlib.sha256(data).hexdigest(),
                }
                for link, path in r.files
            ]
        out_reports.append(entry)
    keys = [r["key"] for r in out_reports]
    if len(set(keys)) != len(keys):
        raise SystemExit("duplicate report key")
    missing = []
    robots = []
    sites = all_sites()
    for p in pages:
        site = sites[p.site]
        if not p.exists:
            missing.append({"site": p.site, "path": p.path, "status": 404, "title": p.title})
        elif p.path in site.errors:
            missing.append({"site": p.site, "path": p.path, "status": site.errors[p.path], "title": p.title})
        elif p.path.startswith("/private/"):
            robots.append({"site": p.site, "path": p.path, "title": p.title})
    return {
        "about": "Ground truth for the demo portal (data/demo). Paths are site-relative; "
        "sites.json maps site names to their start paths. Generated by data/demo/build.py.",
        "reports": out_reports,
        "traps": traps,
        "missing": missing,
        "robots_disallowed": robots,
        "bad_files": BAD_FILES,
    }


def page_date(page: Page) -> tuple[str, str]:
    """(date, source) a page shows: the platform's publish time, else its PubDate meta, else its date line,
    else its signature date."""
    if page.platform_published:
        return page.platform_published, "platform"
    if page.pubdate:
        return page.pubdate[:10], "meta"
    if page.label_date:
        return page.label_date[:10], "label"
    return signature_date(page.body), "signature"


def is_correction_title(title: str) -> bool:
    """A corrected or revised republication, by its title (「…（更正）」, 「…（修订）」)."""
    return "更正" in title or "修订" in title


def signature_date(body: str) -> str:
    """The last date-looking paragraph of a body, as YYYY-MM-DD (Chinese numerals too)."""
    import re

    digits = dict(zip("〇一二三四五六七八九", "0123456789", strict=True))
    text = re.sub(r"<[^>]+>", "\n", body)
    matches = list(
        re.finditer(
            r"([〇一二三四五六七八九\d]{4})年([一二三四五六七八九十\d]{1,3})月"
            r"([一二三四五六七八九十\d]{1,3})日",
            text,
        )
    )
    if not matches:
        raise SystemExit("no signature date")
    m = matches[-1]

    def num(s: str) -> int:
        if s.isdigit():
            return int(s)
        if len(s) == 4:
            return int("".join(digits[c] for c in s))
        if s == "十":
            return 10
        if s.startswith("十"):
            return 10 + int(digits[s[1]])
        if s.endswith("十"):
            return int(digits[s[0]]) * 10
        if "十" in s:
            return int(digits[s[0]]) * 10 + int(digits[s[2]])
        return int(digits[s])

    return f"{num(m.group(1)):04d}-{num(m.group(2)):02d}-{num(m.group(3)):02d}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit 1 when the committed output differs from a fresh render",
    )
    args = parser.parse_args(argv)
    files = render_all()
    outputs = [HERE / s for s in all_sites()] + [HERE / "sites.json", HERE / "expected.json"]
    if args.check:
        current: dict[str, bytes] = {}
        for out in outputs:
            if out.is_file():
                current[out.name] = out.read_bytes()
            elif out.is_dir():
                for f in out.rglob("*"):
                    if f.is_file():
                        current[f.relative_to(HERE).as_posix()] = f.read_bytes()
        stale = sorted(k for k in set(files) | set(current) if files.get(k) != current.get(k))
        for name in stale:
            print(f"stale: {name}", file=sys.stderr)
        return 1 if stale else 0
    for out in outputs:
        if out.is_dir():
            shutil.rmtree(out)
    for name, data in files.items():
        target = HERE / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    print(f"wrote {len(files)} files, {sum(map(len, files.values()))} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
