# ruff: noqa: E501  (HTML templates and Chinese report text: long lines are content)
"""The trs site (秦皇岛市人民政府, GBK): its pages on the city column and the 部门年报 column."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from gov_reports.demo.builder.bodies import SPAM_MAJIANG, modern_body, old_body
from gov_reports.demo.builder.model import PNG_1X1, Page, Report, seed
from gov_reports.demo.builder.text import para, render_lines
from gov_reports.demo.builder.trs_reports import (
    CZJ_2020,
    CZJ_2021,
    HBJ_2022,
    OLD_CZJ_2018,
    OLD_QHD_2017,
    QHD_2019,
    QHD_2021_FIX_T3,
    QHD_2021_ORIG_T3,
    QHD_2021_T2_FIX,
    QHD_2021_T2_ORIG,
    qhd_2021,
    qhd_meta,
)
from gov_reports.model.vocabulary import ReportFormat


def declare(pages: list[Page], reports: list[Report], trap: Callable[[Page, str], None]) -> None:
    """Append the site's pages, reports and traps (its PDF-only report and bad files: attachments.py)."""
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
            fmt=ReportFormat.PRE2019,
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
            fmt=ReportFormat.PRE2019,
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
            fmt=ReportFormat.Y2019,
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
            fmt=ReportFormat.Y2021,
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
            fmt=ReportFormat.Y2019,
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
            fmt=ReportFormat.Y2021,
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
            fmt=ReportFormat.PRE2019,
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
            fmt=ReportFormat.Y2021,
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
