"""The numbers of the trs site's (秦皇岛) generated reports, and its 信息公开 header block."""

from __future__ import annotations

from typing import Any

from gov_reports.demo.builder.bodies import Modern, Old, row
from gov_reports.model.vocabulary import ReportFormat

QHD_2019 = Modern(
    issuer="秦皇岛市人民政府",
    who="市政府",
    year=2019,
    fmt=ReportFormat.Y2019,
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
# The original's 结转 row repeats last year's figures: 勾稽关系 broken (the correction computes it).
QHD_2021_ORIG_T3 = {**QHD_2021_FIX_T3, "out": row(19, 2)}
QHD_2021_T2_FIX: dict[str, list[Any]] = {
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
        fmt=ReportFormat.Y2021,
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
    fmt=ReportFormat.Y2019,
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
    fmt=ReportFormat.Y2021,
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
    fmt=ReportFormat.Y2021,
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
