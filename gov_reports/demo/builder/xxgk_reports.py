"""The issuers of the xxgk site (丽水市莲都区) with their 统一社会信用代码, their reports' numbers,
the column's search form and the texts of the traps it lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gov_reports.demo.builder.bodies import Modern, Old, row
from gov_reports.demo.builder.text import para
from gov_reports.model.vocabulary import ReportFormat

DIVISION = "331102"  # 丽水市莲都区


# GB 32100-2015: 统一社会信用代码 = 登记管理部门 + 机构类别 + 行政区划 + 组织机构代码 (GB 11714) + check character.
_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def organization_code(body: str) -> str:
    """The 9-character 组织机构代码: 8 characters and their GB 11714 check digit."""
    value = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(body, _ORG_WEIGHTS, strict=True))
    check = 11 - value % 11
    return body + {10: "X", 11: "0"}.get(check, str(check))


def credit_code(division: str, org_body: str) -> str:
    """A government organ's (1 机构编制, 1 机关) 18-character code with its check character."""
    head = "11" + division + organization_code(org_body)
    value = sum(_CODE_CHARS.index(c) * w for c, w in zip(head, _CODE_WEIGHTS, strict=True))
    return head + _CODE_CHARS[(31 - value % 31) % 31]


@dataclass(frozen=True)
class Unit:
    """One issuer in the annual-report view's unit select."""

    name: str
    who: str
    org_body: str
    office: str
    phone: str
    focus: str
    problem: str
    scale: int  # how many requests it gets: the government many, a department few
    published_day: int  # its reports come out on this day of January (departments by 1月31日)

    @property
    def code(self) -> str:
        return credit_code(DIVISION, self.org_body)


GOV = Unit(
    name="丽水市莲都区人民政府",
    who="我区",
    org_body="00260123",
    office="丽水市莲都区人民政府办公室",
    phone="0578-2135017",
    focus="围绕“最多跑一次”改革、优化营商环境和民生实事，推进决策、执行、管理、服务、结果公开。",
    problem="一是部分乡镇（街道）公开内容更新不够及时；二是政策解读形式仍较单一。下一步将加强日常监测和通报，"
    "推广图文、音视频解读。",
    scale=40,
    published_day=18,
)
FGJ = Unit(
    name="丽水市莲都区发展和改革局",
    who="我局",
    org_body="00260157",
    office="丽水市莲都区发展和改革局办公室",
    phone="0578-2135266",
    focus="重点做好重大建设项目批准和实施、价格收费、粮食储备等领域信息公开。",
    problem="一是重大项目信息公开的颗粒度有待细化；二是公开栏目维护力量不足。下一步将细化项目公开清单，"
    "明确专人负责栏目更新。",
    scale=6,
    published_day=24,
)
JYJ = Unit(
    name="丽水市莲都区教育局",
    who="我局",
    org_body="00260182",
    office="丽水市莲都区教育局办公室",
    phone="0578-2133520",
    focus="重点做好招生入学、学校收费、教育经费使用和教育督导等领域信息公开。",
    problem="一是招生政策解读的针对性有待增强；二是学校信息公开指导不够。下一步将加强对学校的业务指导，"
    "在招生季集中开展政策解读。",
    scale=9,
    published_day=27,
)
UNITS = (GOV, FGJ, JYJ)
NO_REPORT = frozenset({(2021, JYJ.name)})  # the view says 「暂无数据」 for 教育局 2021


# ------------------------------------------------------------------------- report bodies


def annual_modern(unit: Unit, year: int) -> Modern:
    """A 2021-format report of `unit` on `year`, its numbers scaled to the unit (and 勾稽关系 consistent)."""
    k, d = unit.scale, year - 2020
    gov = unit is GOV
    new_nat, new_biz = 3 * k + 7 * d, k // 4 + d
    # Carried over = what the year before carried forward (the government's 2020 report, in the list, carried 7).
    carry = (7 if year == 2021 else 1) if gov else 0
    opened, part = 2 * k + 3 * d, k // 5 + 1
    unknown = new_nat + new_biz + carry - opened - part - 2 - (2 if gov else 0)  # the government carries one over
    t3 = {
        "new": row(new_nat, new_biz),
        "carry": row(carry),
        "open": row(opened, 0),
        "part": row(part),
        "u1": row(unknown - new_biz, new_biz),
        "d2": row(1),
        "o3": row(1),
    }
    if gov:
        t3["n4"] = row(1)
    t2: dict[str, list[Any]] = (
        {
            "gz": [1, 0, 6 + d],
            "gf": [9 + d, 4, 47 + 2 * d],
            "xk": [2310 + 117 * d],
            "cf": [486 + 21 * d],
            "qz": [37 + d],
            "sf": [112.4 + d],
        }
        if gov
        else {"gz": [0, 0, 0], "gf": [d % 2, 0, 3 + d], "xk": [41 * k + d], "cf": [2 * k + d], "qz": [0], "sf": [0]}
    )
    review = (
        [[1 + d % 2, 0, 0, 0], [d % 2, 0, 1, 0], [0, 0, 0, 0]]
        if gov
        else [[d % 2, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]
    )
    return Modern(
        issuer=unit.name,
        who=unit.who,
        year=year,
        fmt=ReportFormat.Y2021,
        t2=t2,
        t3=t3,
        t4=review,
        sig_date=f"{year + 1}年1月{unit.published_day - 2}日",
        active=(5200 if gov else 380) + 97 * d * (3 if gov else 1),
        portal="丽水市莲都区人民政府",
        office=unit.office,
        phone=unit.phone,
        focus=unit.focus,
        problem=unit.problem,
        heading5="五、存在的主要问题及改进情况",
    )


GOV_2020: dict[str, list[Any]] = {
    "gz": [0, 0, 4],
    "gf": [11, 11, 52],
    "xk": [1876, "增 113", 9321],
    "qt": [214, "减 9", 1088],
    "cf": [402, "增 17", 1954],
    "qz": [29, 0, 131],
    "sf": [12, "减 1"],
    "cg": [311, "23456.7万元"],
}
GOV_2019: dict[str, list[Any]] = {
    "gz": [0, 0, 4],
    "gf": [13, 13, 41],
    "xk": [1763, "增 88", 8204],
    "qt": [223, "增 5", 1097],
    "cf": [385, "减 12", 1552],
    "qz": [29, "增 3", 108],
    "sf": [13, 0],
    "cg": [287, "19876.5万元"],
}


def gov_2019_format(year: int) -> Modern:
    d = year - 2019
    return Modern(
        issuer=GOV.name,
        who="我区",
        year=year,
        fmt=ReportFormat.Y2019,
        t2=GOV_2020 if year == 2020 else GOV_2019,
        t3={
            "new": row(96 + 21 * d, 8 + d, 1),
            "carry": row(3),
            "open": row(51 + 9 * d, 4),
            "part": row(7 + d, 1),
            "n4": row(2),
            "u1": row(28 + 6 * d, 3, 1),
            "u3": row(3),
            "d1": row(4 + d),
            "o": row(2),
        },
        t4=[[2, 1, 0, 0], [1, 0, 1, 0], [0, 0, 0, 0]],
        sig_date=f"{year + 1}年{3 if d == 0 else 2}月{12 if d == 0 else 1}日",
        active=4630 + 412 * d,
        portal="丽水市莲都区人民政府",
        office=GOV.office,
        phone=GOV.phone,
        focus=GOV.focus,
        problem=GOV.problem,
        heading4="四、政府信息公开行政复议、行政诉讼情况",
    )


def gov_old(year: int) -> Old:
    d = year - 2017
    return Old(
        issuer=GOV.name,
        who="我区",
        year=year,
        active=3870 + 301 * d,
        channels="其中通过政府门户网站公开3100余条，通过政务微博、微信公众号等新媒体公开600余条，"
        "通过政府信息公开栏和档案馆、图书馆查阅点公开其余信息。",
        applications=61 + 14 * d,
        agreed=34 + 8 * d,
        partly=5 + d,
        refused=3,
        review=1 + d,
        lawsuit=d,
        focus="以“最多跑一次”改革为引领，扎实推进重点领域政府信息公开，政府信息公开工作规范化水平进一步提高。",
        problem="一是政府信息公开工作人员业务水平有待提高；二是依申请公开答复还需进一步规范。"
        "下一步将加强业务培训，完善依申请公开办理流程。",
        sig_date=f"{year + 1}年3月{20 + d}日",
    )


# -- the column's search form (its list is only the answer to it)

COLUMN_ID = 1229288480
FORM = (  # the column page's search form, as a real page sends it
    ("infotypeId", "A0116"),
    ("jdid", "3188"),
    ("area", GOV.code),
    ("divid", f"div{COLUMN_ID}"),
    ("vc_title", ""),
    ("vc_number", ""),
    ("sortfield", ",compaltedate:0"),
    ("currpage", "1"),
    ("vc_filenumber", ""),
    ("vc_all", ""),
    ("texttype", "0"),
    ("fbtime", "-1"),
)
ACTION_QUERY = (
    ("standardXxgk", "1"),
    ("isAllList", "1"),
    ("texttype", "0"),
    ("fbtime", "-1"),
    ("vc_all", ""),
    ("vc_filenumber", ""),
    ("vc_title", ""),
    ("vc_number", ""),
    ("currpage", "1"),
    ("sortfield", ",compaltedate:0"),
)


# -- the traps in the search.jsp list

NOTICE_BODY = (
    para("各乡镇人民政府、街道办事处，区政府各部门：")
    + "\n"
    + para(
        "根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》要求，"
        "现就做好2020年度政府信息公开工作年度报告编制和发布工作通知如下：各单位应于2021年1月31日前"
        "在政府信息公开专栏发布本单位2020年度政府信息公开工作年度报告，并报区政务公开办备案。"
    )
    + "\n"
    + para("丽水市莲都区人民政府办公室　2020年11月16日")
)
GRAPHIC_BODY = '<p style="text-align: center;"><img src="/picture/0/2003201015123.jpg" alt="图解"></p>\n' + para(
    "一图读懂莲都区2019年政府信息公开工作。"
)
PLAN_BODY = (
    para("为深入贯彻落实党中央、国务院关于全面推进政务公开的决策部署，结合我区实际，制定本要点。")
    + "\n"
    + para("一、围绕“十四五”规划实施，加强政策公开和解读。二、深化基层政务公开标准化规范化建设。")
)
