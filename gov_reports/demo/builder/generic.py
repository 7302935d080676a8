"""The generic site (虎林市人民政府): a plain list with 「下一页」 and ``list.html?page=N``."""

from __future__ import annotations

from collections.abc import Callable

from gov_reports.demo.builder.bodies import SPAM_KAIYUN, Modern, Old, modern_body, old_body, row
from gov_reports.demo.builder.model import Page, Report, seed
from gov_reports.demo.builder.text import para, render_lines
from gov_reports.model.vocabulary import ReportFormat

HULIN_2021 = Modern(
    issuer="虎林市人民政府",
    who="我市",
    year=2021,
    fmt=ReportFormat.Y2021,
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
    fmt=ReportFormat.Y2021,
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
    fmt=ReportFormat.Y2019,
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


def declare(pages: list[Page], reports: list[Report], trap: Callable[[Page, str], None]) -> None:
    """Append the site's pages, reports and traps (its bad files: attachments.py)."""
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
            fmt=ReportFormat.Y2019,
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
            fmt=ReportFormat.PRE2019,
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
            fmt=ReportFormat.Y2021,
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
            fmt=ReportFormat.Y2021,
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
            fmt=ReportFormat.Y2019,
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
