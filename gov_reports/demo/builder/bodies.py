"""Generated report bodies (2019/2021 formats with real tables, pre-2019 prose) and the spam put into them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gov_reports.demo.builder.model import Report
from gov_reports.demo.builder.tables import t3_values, t4_values, table2_2019, table2_2021, table3, table4
from gov_reports.demo.builder.text import E, para
from gov_reports.model.vocabulary import ReportFormat


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
        if m.fmt == ReportFormat.Y2021
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
            (table2_2021 if m.fmt == ReportFormat.Y2021 else table2_2019)(m.t2, m.blank_zero),
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


def spec_body(spec: Modern | Old) -> str:
    """The body a spec generates, whichever its kind."""
    return old_body(spec) if isinstance(spec, Old) else modern_body(spec)


def spec_report(spec: Modern | Old, path: str, note: str) -> Report:
    """The ground truth of a generated report found at `path` alone (its t3 only when it has real tables)."""
    fmt, t3 = ("pre2019", None) if isinstance(spec, Old) else (spec.fmt, (spec.fmt, spec.t3))
    return Report(issuer=spec.issuer, year=spec.year, fmt=fmt, pages=[path], best=path, note=note, t3=t3)


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


def row(natural: int, business: int = 0, other: int = 0) -> list[int]:
    return [natural, business, 0, 0, 0, other]
