"""The gkmlpt site's (乳源瑶族自治县) category tree, and the numbers and texts of its articles (reports, traps)."""

from __future__ import annotations

from typing import Any

from gov_reports.demo.builder.bodies import Modern, Old, row
from gov_reports.demo.builder.text import para
from gov_reports.model.vocabulary import ReportFormat

ANNUAL = 2761
TOWNS = 2762
BROKEN = 2763
WEBSITE_REPORTS = 2758  # 政府网站工作年度报表: a 年度 category that is not the 年报 one

TREE: list[dict[str, Any]] = [
    {"id": 2751, "name": "机构职能", "children": []},
    {
        "id": 2752,
        "name": "法规文件",
        "children": [
            {"id": 2753, "name": "规范性文件", "children": []},
            {"id": 2754, "name": "其他文件", "children": []},
        ],
    },
    {"id": 2755, "name": "规划计划", "children": []},
    {"id": 2756, "name": "财政信息", "children": [{"id": 2757, "name": "财政预决算", "children": []}]},
    {"id": WEBSITE_REPORTS, "name": "政府网站工作年度报表", "children": []},
    {
        "id": 2759,
        "name": "政府信息公开",
        "children": [
            {"id": 2760, "name": "政府信息公开指南", "children": []},
            {
                "id": ANNUAL,
                "name": "政府信息公开年报",
                "children": [
                    {"id": TOWNS, "name": "乡镇年报", "children": []},
                    {"id": BROKEN, "name": "历年年报", "children": []},
                ],
            },
            {"id": 2764, "name": "政府信息公开制度", "children": []},
        ],
    },
]

COUNTY = "乳源瑶族自治县人民政府"


PORTAL = "乳源瑶族自治县人民政府门户网站"
RY_2021 = Modern(
    issuer=COUNTY,
    who="县政府",
    year=2021,
    fmt=ReportFormat.Y2021,
    t2={"gz": [0, 0, 0], "gf": [6, 2, 41], "xk": [8734], "cf": [1265], "qz": [87], "sf": [312.47]},
    t3={
        "new": row(96, 7, 1),
        "carry": row(4),
        "open": row(41, 3),
        "part": row(9, 1),
        "n4": row(3),
        "n6": row(2),
        "u1": row(27, 2, 1),
        "u3": row(5),
        "d1": row(6),
        "d2": row(2),
        "o1": row(1),
    },
    t4=[[2, 1, 0, 0], [1, 0, 0, 1], [0, 0, 0, 0]],
    sig_date="2022年1月18日",
    active=6218,
    portal=PORTAL,
    office="乳源瑶族自治县人民政府办公室",
    phone="0751-5362133",
    focus="围绕乡村振兴、生态保护和民族地区发展，推进重点领域信息公开，及时发布疫情防控和惠企政策信息。",
    problem="一是部分乡镇政务公开专栏更新不及时；二是政策解读形式较为单一。下一步将加强对乡镇和部门的业务指导，"
    "推行图解、视频等多种解读方式。",
)
RY_2020 = Modern(
    issuer=COUNTY,
    who="县政府",
    year=2020,
    fmt=ReportFormat.Y2019,
    t2={
        "gz": [0, 0, 0],
        "gf": [5, 5, 37],
        "xk": [2114, "增 96", 8102],
        "qt": [318, "减 12", 2271],
        "cf": [903, "增 41", 1177],
        "qz": [52, 0, 79],
        "sf": [18, "减 1"],
        "cg": [214, "6312.85万元"],
    },
    t3={
        "new": row(81, 5),
        "carry": row(2),
        "open": row(36, 2),
        "part": row(7),
        "n4": row(2),
        "u1": row(24, 2),
        "u3": row(4),
        "d1": row(5),
        "o": row(2, 1),
    },
    t4=[[1, 0, 1, 0], [1, 0, 0, 0], [0, 0, 0, 0]],
    sig_date="2021年2月1日",
    active=5473,
    portal=PORTAL,
    office="乳源瑶族自治县人民政府办公室",
    phone="0751-5362133",
    focus="围绕疫情防控、复工复产和脱贫攻坚，做好重点领域信息公开，推进基层政务公开标准化规范化工作。",
    problem="一是政务公开队伍业务水平有待提高；二是依申请公开答复的规范性仍需加强。"
    "下一步将组织专题培训，完善依申请公开工作流程。",
)
RY_2019 = Modern(
    issuer=COUNTY,
    who="县政府",
    year=2019,
    fmt=ReportFormat.Y2019,
    t2={
        "gz": [0, 0, 0],
        "gf": [4, 4, 32],
        "xk": [2018, "增 63", 7416],
        "qt": [330, "增 5", 2106],
        "cf": [862, "减 27", 1044],
        "qz": [52, "增 3", 68],
        "sf": [19, "减 2"],
        "cg": [187, "5107.32万元"],
    },
    t3={
        "new": row(64, 3),
        "carry": row(1),
        "open": row(29, 1),
        "part": row(5),
        "n6": row(1),
        "u1": row(20, 2),
        "u3": row(3),
        "d1": row(4),
        "o": row(1),
    },
    t4=[[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
    sig_date="2020年1月16日",
    active=4921,
    portal=PORTAL,
    office="乳源瑶族自治县人民政府办公室",
    phone="0751-5362133",
    focus="贯彻落实新修订的《条例》，全面推进决策、执行、管理、服务、结果公开，规范政府信息公开专栏。",
    problem="一是对新《条例》的学习理解还不够深入；二是部分单位公开内容不够全面。下一步将加强学习培训，"
    "对照公开目录逐项梳理，确保应公开尽公开。",
    heading4="四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
)
RY_2017 = Old(
    issuer=COUNTY,
    who="我县",
    year=2017,
    active=3816,
    channels="其中通过县政府门户网站公开2954条，通过“乳源发布”政务微信公开611条，通过政府信息公开栏等其他方式公开251条。",
    applications=23,
    agreed=14,
    partly=3,
    refused=1,
    review=0,
    lawsuit=0,
    focus="围绕县委、县政府中心工作，加大重点领域信息公开力度，做好政策解读和回应关切。",
    problem="一是部分单位对政府信息公开工作重视不够；二是公开内容的及时性有待提高。2018年，我县将进一步完善工作机制，加强督促检查。",
    sig_date="2018年3月20日",
)
CZJ_2021 = Modern(
    issuer="乳源瑶族自治县财政局",
    who="我局",
    year=2021,
    fmt=ReportFormat.Y2021,
    t2={"gz": [0, 0, 0], "gf": [1, 0, 6], "xk": [0], "cf": [3], "qz": [0], "sf": [0]},
    t3={"new": row(7, 1), "open": row(4, 1), "u1": row(2), "d1": row(1)},
    t4=[[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
    sig_date="2022年1月12日",
    active=412,
    portal=PORTAL,
    office="乳源瑶族自治县财政局办公室",
    phone="0751-5381026",
    focus="重点做好财政预决算、政府债务和惠民惠农财政补贴资金信息公开。",
    problem="一是预决算公开的解读说明不够通俗；二是信息发布审核流程有待细化。下一步将编制预决算公开图解，完善发布审核制度。",
)
JYJ_2020 = Modern(
    issuer="乳源瑶族自治县教育局",
    who="我局",
    year=2020,
    fmt=ReportFormat.Y2019,
    t2={
        "gz": [0, 0, 0],
        "gf": [2, 2, 9],
        "xk": [41, "增 6", 118],
        "qt": [0, 0, 0],
        "cf": [2, 0, 2],
        "qz": [0, 0, 0],
        "sf": [0, 0],
        "cg": [23, "867.40万元"],
    },
    t3={"new": row(12), "open": row(6), "part": row(1), "u1": row(4), "d2": row(1)},
    t4=[[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
    sig_date="2021年1月22日",
    active=687,
    portal=PORTAL,
    office="乳源瑶族自治县教育局办公室",
    phone="0751-5362571",
    focus="围绕义务教育招生入学、学生资助和疫情期间线上教学，及时公开群众关注的教育信息。",
    problem="一是学校信息公开工作发展不平衡；二是公开栏目设置有待规范。下一步将指导各学校规范设置信息公开栏目。",
)
RCZ_2021 = Modern(
    issuer="乳源瑶族自治县乳城镇人民政府",
    who="我镇",
    year=2021,
    fmt=ReportFormat.Y2021,
    t2={"gz": [0, 0, 0], "gf": [0, 0, 0], "xk": [57], "cf": [4], "qz": [0], "sf": [0]},
    t3={"new": row(3), "open": row(2), "u1": row(1)},
    t4=[[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
    sig_date="2022年1月25日",
    active=236,
    portal=PORTAL,
    office="乳城镇党政综合办公室",
    phone="0751-5322018",
    focus="重点公开乡村振兴、农村低保、危房改造和村级财务等群众关心的信息。",
    problem="一是村级公开栏更新不及时；二是工作人员业务能力有待提升。下一步将定期检查村级公开情况。",
)


NOTICE_BODY = "\n".join(
    [
        para("各乡镇人民政府，县政府各部门、各直属机构："),
        para(
            "根据《中华人民共和国政府信息公开条例》和上级关于政府信息公开工作年度报告的有关要求，"
            "现就做好2021年度政府信息公开工作年度报告编制和发布工作通知如下："
        ),
        para("一、各单位要严格按照国办公开办函〔2021〕30号印发的格式编制本单位2021年度报告，数据须真实准确。"),
        para(
            "二、各部门年度报告应于2022年1月31日前、各乡镇年度报告应于2022年3月31日前在政府信息公开目录“政府信息公开年报”栏目发布。"
        ),
        para("三、县政务公开办将对各单位年度报告的编制和发布情况进行检查，并纳入年度考核。"),
        '<p style="text-align: right;">乳源瑶族自治县人民政府办公室</p>',
        '<p style="text-align: right;">2021年12月9日</p>',
    ]
)
GRAPHIC = "/gkmlpt/content/2/2190/2190412_tujie.png"
GRAPHIC_BODY = "\n".join(
    [
        para("一图读懂乳源瑶族自治县2021年政府信息公开工作年度报告。"),
        f'<p style="text-align: center;"><img src="{GRAPHIC}" alt="图解" /></p>',
        para("2021年，全县主动公开政府信息6218条，新收政府信息公开申请104件。"),
    ]
)
WEBSITE_BODY = "\n".join(
    [
        para(
            "根据《政府网站与政务新媒体检查指标》和《政府网站发展指引》要求，现将乳源瑶族自治县人民政府门户网站2021年度工作报表公开如下。"
        ),
        para("一、网站名称：乳源瑶族自治县人民政府门户网站；网站标识码：4402320001。"),
        para("二、独立用户访问总量：412305个；网站总访问量：1873420次。"),
        para("三、信息发布总数：6218条；其中概况类信息87条，政务动态信息2311条，信息公开目录信息3820条。"),
    ]
)
