# ruff: noqa: E501  (HTML templates and Chinese report text: long lines are content)
"""The numbers and texts of the jpaas site's (湖州市南浔区) list entries: its reports and its traps."""

from __future__ import annotations

from gov_reports.demo.builder.bodies import Modern, Old, row
from gov_reports.demo.builder.text import para
from gov_reports.model.vocabulary import ReportFormat

DISTRICT = "湖州市南浔区人民政府"


PORTAL = "湖州市南浔区人民政府"
OFFICE = "湖州市南浔区人民政府办公室"
PHONE = "0572-3022101"

NX_2022 = Modern(
    issuer=DISTRICT,
    who="我区",
    year=2022,
    fmt=ReportFormat.Y2021,
    t2={"gz": [0, 0, 0], "gf": [7, 3, 52], "xk": [9126], "cf": [1873], "qz": [64], "sf": [418.36]},
    t3={
        "new": row(112, 9, 2),
        "carry": row(5),
        "open": row(47, 4),
        "part": row(11, 1),
        "n4": row(3),
        "u1": row(33, 2, 1),
        "u3": row(6),
        "d2": row(4),
        "o3": row(2),
    },
    t4=[[3, 1, 0, 0], [1, 0, 1, 1], [0, 0, 0, 0]],
    sig_date="2023年1月16日",
    active=8127,
    portal=PORTAL,
    office=OFFICE,
    phone=PHONE,
    focus="围绕共同富裕示范区建设、营商环境优化和民生实事项目，推进决策、执行、管理、服务、结果公开。",
    problem="一是部分部门政策解读形式较为单一；二是镇级政务公开专区内容更新不够及时。下一步将推行图解、视频解读，加强对镇（街道）的业务指导。",
)
NX_2021 = Modern(
    issuer=DISTRICT,
    who="我区",
    year=2021,
    fmt=ReportFormat.Y2021,
    t2={"gz": [0, 0, 0], "gf": [9, 2, 48], "xk": [8541], "cf": [1702], "qz": [58], "sf": [396.12]},
    t3={
        "new": row(97, 6, 1),
        "carry": row(3),
        "open": row(41, 3),
        "part": row(8),
        "n6": row(2),
        "u1": row(29, 2, 1),
        "u3": row(5),
        "d1": row(3),
        "o1": row(2),
    },
    t4=[[2, 1, 0, 0], [1, 0, 0, 1], [0, 0, 0, 0]],
    sig_date="2022年1月24日",
    active=7635,
    portal=PORTAL,
    office=OFFICE,
    phone=PHONE,
    focus="做好疫情防控、惠企政策和乡村振兴信息公开，推进基层政务公开标准化规范化。",
    problem="一是依申请公开答复文书规范性有待提高；二是政策文件解读的及时性还需加强。下一步将完善答复模板，落实解读与文件同步发布。",
)
NX_2020 = Modern(
    issuer=DISTRICT,
    who="我区",
    year=2020,
    fmt=ReportFormat.Y2019,
    t2={
        "gz": [0, 0, 0],
        "gf": [8, 8, 41],
        "xk": [2318, "增 104", 7986],
        "qt": [406, "减 11", 2317],
        "cf": [877, "增 36", 1518],
        "qz": [49, 0, 61],
        "sf": [21, "减 2"],
        "cg": [263, "7421.58万元"],
    },
    t3={
        "new": row(84, 5, 1),
        "carry": row(2),
        "open": row(36, 2),
        "part": row(7),
        "n4": row(2),
        "u1": row(25, 2),
        "u3": row(4),
        "d1": row(4),
        "o": row(3, 1),
    },
    t4=[[1, 0, 1, 0], [1, 0, 0, 0], [0, 0, 0, 0]],
    sig_date="2021年1月27日",
    active=6904,
    portal=PORTAL,
    office=OFFICE,
    phone=PHONE,
    focus="以政务公开助力疫情防控和复工复产，及时发布防控措施、惠企政策和民生保障信息。",
    problem="一是政府信息公开平台栏目设置还不够统一；二是部分单位公开意识有待加强。下一步将规范栏目设置，加强培训考核。",
)
NX_2017 = Old(
    issuer=DISTRICT,
    who="我区",
    year=2017,
    active=5216,
    channels="其中通过区政府门户网站公开4387条，通过政务微博、微信和政府信息公开栏等方式公开829条。",
    applications=46,
    agreed=27,
    partly=5,
    refused=3,
    review=1,
    lawsuit=0,
    focus="深化行政权力清单和财政预决算信息公开，完善政府信息公开目录，规范依申请公开办理流程。",
    problem="一是部分部门主动公开内容不够全面；二是公开信息的更新还不够及时。2018年，我区将进一步健全公开工作机制。",
    sig_date="2018年3月20日",
)
LS_2022 = Modern(
    issuer="湖州市南浔区练市镇人民政府",
    who="我镇",
    year=2022,
    fmt=ReportFormat.Y2021,
    t2={"gz": [0, 0, 0], "gf": [0, 0, 0], "xk": [312], "cf": [46], "qz": [0], "sf": [0]},
    t3={"new": row(9), "open": row(5), "part": row(1), "u1": row(2), "o3": row(1)},
    t4=[[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
    sig_date="2023年1月13日",
    active=684,
    portal=PORTAL,
    office="湖州市南浔区练市镇人民政府党政办公室",
    phone="0572-3681002",
    focus="围绕美丽城镇建设、村级工程项目和惠民补贴发放，做好镇村两级信息公开。",
    problem="一是村务公开栏内容更新不够及时；二是公开信息的可读性有待提升。下一步将建立村务公开月度检查制度。",
)
JY_2022 = Modern(
    issuer="湖州市南浔区教育局",
    who="我局",
    year=2022,
    fmt=ReportFormat.Y2021,
    t2={"gz": [0, 0, 0], "gf": [2, 0, 11], "xk": [203], "cf": [3], "qz": [0], "sf": [0]},
    t3={"new": row(18, 1), "open": row(9, 1), "part": row(2), "u1": row(4), "d2": row(1), "o3": row(1)},
    t4=[[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
    sig_date="2023年1月19日",
    active=1136,
    portal=PORTAL,
    office="湖州市南浔区教育局办公室",
    phone="0572-3029516",
    focus="做好义务教育招生入学、学校建设和教育收费信息公开，回应社会关切。",
    problem="一是招生政策解读的针对性有待增强；二是学校信息公开栏目建设不够均衡。下一步将加强对各学校的指导检查。",
)
MZ_2021 = Modern(
    issuer="湖州市南浔区民政局",
    who="我局",
    year=2021,
    fmt=ReportFormat.Y2021,
    t2={"gz": [0, 0, 0], "gf": [1, 1, 6], "xk": [88], "cf": [0], "qz": [0], "sf": [0]},
    t3={"new": row(7), "carry": row(1), "open": row(4), "u1": row(2), "o3": row(1)},
    t4=[[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
    sig_date="2022年1月20日",
    active=842,
    portal=PORTAL,
    office="湖州市南浔区民政局办公室",
    phone="0572-3022836",
    focus="做好社会救助、养老服务和社会组织管理信息公开，及时公布救助标准和资金发放情况。",
    problem="一是部分救助信息公开格式不够统一；二是基层经办人员业务能力有待提升。下一步将统一公开格式，开展专题培训。",
)
CZ_2020 = Modern(
    issuer="湖州市南浔区财政局",
    who="我局",
    year=2020,
    fmt=ReportFormat.Y2019,
    t2={
        "gz": [0, 0, 0],
        "gf": [3, 3, 17],
        "xk": [0, 0, 0],
        "qt": [12, 0, 31],
        "cf": [2, 0, 2],
        "qz": [0, 0, 0],
        "sf": [4, "减 1"],
        "cg": [118, "3126.07万元"],
    },
    t3={"new": row(11, 1), "carry": row(1), "open": row(5), "part": row(2), "u1": row(3, 1), "o": row(1)},
    t4=[[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
    sig_date="2021年1月22日",
    active=1027,
    portal=PORTAL,
    office="湖州市南浔区财政局办公室",
    phone="0572-3022667",
    focus="做好财政预决算、政府债务和惠企资金信息公开，推进预算绩效信息公开。",
    problem="一是部分部门预决算公开说明不够详细；二是专项资金信息公开的及时性有待提高。下一步将加强审核把关。",
)

COMPILE_NOTICE = "\n".join(
    para(t)
    for t in (
        "各镇（街道），区政府各部门，各直属单位：",
        "根据《中华人民共和国政府信息公开条例》和国办公开办函〔2021〕30号要求，现就做好2022年度政府信息公开工作年度报告编制发布工作通知如下：",
        "一、各单位于2023年1月20日前在区政府门户网站本单位政府信息公开年报栏目发布年度报告。",
        "二、年度报告应严格按照规定格式编制，统计数据应真实准确，文字表述规范。",
        "湖州市南浔区人民政府办公室",
        "2022年12月12日",
    )
)
WEBSITE_REPORT = "\n".join(
    para(t)
    for t in (
        "网站名称：湖州市南浔区人民政府门户网站　首页网址：http://www.nanxun.gov.cn　主办单位：湖州市南浔区人民政府办公室",
        "独立用户访问总量：1286544个　网站总访问量：6031875次　信息发布总数：7316条。",
        "办事服务：发布服务事项目录1426个，注册用户数318622个。互动交流：收到留言2316条，办结留言2316条。",
    )
)
WORK_PLAN = "\n".join(
    para(t)
    for t in (
        "为深入贯彻落实党中央、国务院关于全面推进政务公开的决策部署，现将2022年全区政务公开工作要点通知如下：",
        "一、围绕稳住经济大盘加强政策公开。及时发布稳增长、稳市场主体、保就业等政策措施，做好政策解读和执行情况公开。",
        "二、围绕优化营商环境加强信息公开。全面公开涉企政策、行政许可和行政处罚信息，推进惠企政策“免申即享”。",
        "三、加强政策解读回应关切。落实重要政策文件与解读材料同步组织、同步审签、同步发布，健全政务舆情回应机制。",
        "湖州市南浔区人民政府办公室",
        "2022年4月15日",
    )
)
INTERPRETATION = "\n".join(
    para(t)
    for t in (
        "一图读懂《湖州市南浔区教育局2022年度政府信息公开工作年度报告》。",
        "2022年，区教育局主动公开政府信息1136条，收到政府信息公开申请19件，全部按期答复。",
    )
)
WORK_SUMMARY = "\n".join(
    para(t)
    for t in (
        "2021年，区民政局坚持以人民为中心，兜牢民生底线，各项工作取得新成效。",
        "一、社会救助体系不断完善。二、养老服务能力稳步提升。三、基层治理持续加强。",
        "2022年，我局将围绕共同富裕示范区建设，进一步提升民政服务水平。",
    )
)
FINAL_ACCOUNTS = "\n".join(
    para(t)
    for t in (
        "一、部门基本情况。湖州市南浔区财政局主要职责是贯彻执行国家财政税收方针政策……",
        "二、2021年度部门决算表。收入总计3126.07万元，支出总计3098.52万元。",
    )
)
