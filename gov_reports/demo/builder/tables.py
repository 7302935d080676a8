"""The statutory tables 二/三/四 as HTML, with the official merged cells, from a report's numbers."""

from __future__ import annotations

from typing import Any

from gov_reports.demo.builder.text import E
from gov_reports.model.vocabulary import ReportFormat


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
    keys = [k for k, _ in T3_LABELS_2019] + ([k for k, _ in T3_OTHER_2021] if fmt == ReportFormat.Y2021 else ["o"])
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

    span = 22 if fmt == ReportFormat.Y2021 else 20
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
    if fmt == ReportFormat.Y2021:
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
