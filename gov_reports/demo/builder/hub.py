"""The hub site (重庆市九龙坡区人民政府): reports one to three sub-columns below the 年报 column."""

from __future__ import annotations

from collections.abc import Callable

from gov_reports.demo.builder.bodies import Modern, Old, row, spec_body, spec_report
from gov_reports.demo.builder.model import Page, Report
from gov_reports.demo.builder.text import render_lines
from gov_reports.model.vocabulary import ReportFormat

JLP_2021 = Modern(
    issuer="重庆市九龙坡区人民政府",
    who="我区",
    year=2021,
    fmt=ReportFormat.Y2021,
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
    fmt=ReportFormat.Y2019,
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
    fmt=ReportFormat.Y2021,
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
    fmt=ReportFormat.Y2021,
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
    fmt=ReportFormat.Y2021,
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


def declare(pages: list[Page], reports: list[Report], trap: Callable[[Page, str], None]) -> None:
    """Append the site's pages, reports and traps."""
    for spec, col, path, date in (
        (JLP_2021, "jlp_qzf", "/zwgk/zfxxgk/zfxxgknb/qzfnb/202203/t20220328_10543.html", "2022-03-28"),
        (JLP_2020, "jlp_qzf", "/zwgk/zfxxgk/zfxxgknb/qzfnb/202103/t20210326_9012.html", "2021-03-26"),
        (OLD_JLP_2018, "jlp_qzf", "/zwgk/zfxxgk/zfxxgknb/qzfnb/201903/t20190325_6210.html", "2019-03-25"),
        (JLP_JW_2022, "jlp_jw", "/zwgk/zfxxgk/zfxxgknb/bmnb/jw/202301/t20230120_11876.html", "2023-01-20"),
        (JLP_MZJ_2021, "jlp_mzj", "/zwgk/zfxxgk/zfxxgknb/bmnb/mzj/202201/t20220125_10120.html", "2022-01-25"),
        (JLP_JLZ_2022, "jlp_jlz", "/zwgk/zfxxgk/zfxxgknb/zjnb/2022/jlz/202301/t20230116_11790.html", "2023-01-16"),
    ):
        pages.append(
            Page(
                site="hub",
                path=path,
                title=f"{spec.issuer}{spec.year}年政府信息公开工作年度报告",
                body=spec_body(spec),
                lists=[(col, date)],
                label_date=date,
                source=spec.issuer,
            )
        )
        reports.append(spec_report(spec, path, "九龙坡 hub: reached only through sub-columns of the 年报 column"))
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
