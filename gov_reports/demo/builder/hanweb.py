# ruff: noqa: E501  (HTML templates and Chinese report text: long lines are content)
"""The hanweb site (哈尔滨市人民政府): its reports' numbers and its pages (column col4971, POST dataproxy)."""

from __future__ import annotations

from collections.abc import Callable

from gov_reports.demo.builder.bodies import (
    SPAM_HIDDEN,
    SPAM_LINK,
    SPAM_LINK_TEXT,
    SPAM_TAIL,
    Modern,
    modern_body,
    row,
)
from gov_reports.demo.builder.model import Page, Report, seed
from gov_reports.demo.builder.text import render_lines
from gov_reports.model.vocabulary import ReportFormat


def hanweb_art(y: int, m: int, d: int, n: int) -> str:
    return f"/art/{y}/{m}/{d}/art_4971_{n}.html"


HRB_2019 = Modern(
    issuer="哈尔滨市人民政府",
    who="市政府",
    year=2019,
    fmt=ReportFormat.Y2019,
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
    fmt=ReportFormat.Y2021,
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
    fmt=ReportFormat.Y2021,
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


def declare(pages: list[Page], reports: list[Report], trap: Callable[[Page, str], None]) -> None:
    """Append the site's pages, reports and traps (its attachments: attachments.py)."""
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
            fmt=ReportFormat.Y2019,
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
            fmt=ReportFormat.Y2019,
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
            fmt=ReportFormat.Y2021,
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
            fmt=ReportFormat.PRE2019,
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
            fmt=ReportFormat.Y2021,
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
