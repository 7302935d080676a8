"""Reports published as files (a DOC, a PDF, a DOCX) and the bad files that hang under good pages.

One module for the sites' files rather than one per site: they are added after every site's pages, in this
order, which is the order of expected.json's reports and bad files.
"""

from __future__ import annotations

import gzip

from gov_reports.demo.builder.bodies import Modern, modern_body, row
from gov_reports.demo.builder.generic import HULIN_2021
from gov_reports.demo.builder.hanweb import hanweb_art
from gov_reports.demo.builder.model import SRC, Page, Report
from gov_reports.demo.builder.report_files import PdfPage, blocks, fixed_zip, make_pdf, to_docx, to_pdf
from gov_reports.demo.builder.sites import SITES
from gov_reports.demo.builder.tables import table2_2019, table3, table4
from gov_reports.demo.builder.text import is_heading, para
from gov_reports.model.vocabulary import ReportFormat

HRB_2020_ATTACHMENT = Modern(  # only the tables: the text is the seed's
    issuer="哈尔滨市人民政府",
    who="市政府",
    year=2020,
    fmt=ReportFormat.Y2019,
    t2={
        "gz": [2, 2, 114],
        "gf": [15, 15, 329],
        "xk": [647, "增 28", 201337],
        "qt": [115, "减 9", 38952],
        "cf": [966, "增 7", 10452],
        "qz": [64, "增 3", 812],
        "sf": [35, "减 2"],
        "cg": [1207, "254318.66万元"],
    },
    t3={
        "new": row(2581, 187, 19),
        "carry": row(41, 4),
        "open": row(1003, 77, 6),
        "part": row(131, 12, 1),
        "n1": row(2),
        "n4": row(28, 3),
        "n6": row(19, 2),
        "u1": row(994, 64, 8),
        "u3": row(77, 9),
        "d1": row(113, 6, 1),
        "d2": row(36, 3),
        "o": row(71, 5, 2),
    },
    t4=[[42, 7, 11, 6], [15, 3, 5, 8], [6, 2, 1, 3]],
    sig_date="2021年3月5日",
    active=0,
    portal="",
    office="",
    phone="",
    focus="",
    problem="",
)
QHD_2020_PDF = Modern(
    issuer="秦皇岛市人民政府",
    who="市政府",
    year=2020,
    fmt=ReportFormat.Y2019,
    t2={
        "gz": [1, 1, 57],
        "gf": [12, 12, 188],
        "xk": [433, "增 17", 96542],
        "qt": [88, "减 3", 20117],
        "cf": [512, "增 9", 6021],
        "qz": [41, 0, 377],
        "sf": [26, "减 1"],
        "cg": [736, "98765.43万元"],
    },
    t3={
        "new": row(934, 66, 7),
        "carry": row(21, 2),
        "open": row(402, 28, 2),
        "part": row(57, 5),
        "n4": row(11, 1),
        "u1": row(361, 22, 3),
        "u3": row(29, 3),
        "d1": row(44, 2, 1),
        "o": row(23, 4),
    },
    t4=[[18, 3, 4, 2], [7, 1, 2, 3], [2, 1, 0, 1]],
    sig_date="2021年2月5日",
    active=52318,
    portal="中国秦皇岛",
    office="秦皇岛市人民政府办公室",
    phone="0335-3220519",
    focus="以政务公开标准化规范化为抓手，做好疫情防控、复工复产和“六稳”“六保”信息发布。",
    problem="（一）主要问题。政策解读的针对性还不够强。（二）改进措施。推行多元化解读，提高解读质量。",
)
JG_2019_DOCX = Modern(
    issuer="杭州市江干区人民政府",
    who="区政府",
    year=2019,
    fmt=ReportFormat.Y2019,
    t2={
        "gz": [0, 0, 0],
        "gf": [9, 9, 61],
        "xk": [221, "增 14", 30567],
        "qt": [37, 0, 4412],
        "cf": [301, "增 6", 2789],
        "qz": [18, 0, 96],
        "sf": [11, 0],
        "cg": [154, "12345.6万元"],
    },
    t3={
        "new": row(377, 41, 3),
        "carry": row(9, 1),
        "open": row(161, 17, 1),
        "part": row(23, 2),
        "n4": row(5),
        "u1": row(139, 15, 2),
        "u3": row(12, 2),
        "d1": row(21, 3),
        "o": row(11, 1),
    },
    t4=[[6, 1, 2, 1], [3, 0, 1, 2], [1, 0, 0, 1]],
    sig_date="2020年1月15日",
    active=7312,
    portal="杭州市江干区",
    office="杭州市江干区人民政府办公室",
    phone="0571-86974321",
    focus="围绕基层政务公开标准化规范化试点，梳理公开事项目录，推进决策、执行、管理、服务、结果公开。",
    problem="（一）主要问题。基层公开事项目录还需细化。（二）改进措施。加强业务培训和督查指导。",
)
HTML_AS_PDF = (
    b'<!DOCTYPE html><html><head><meta charset="utf-8"><title>\xe7\x94\xa8\xe6\x88\xb7\xe7\x99\xbb\xe5\xbd\x95'
    b'</title></head><body><form action="/login"><input name="user"><input name="pwd" type="password">'
    b"</form></body></html>\n"
)
CORRUPT_PDF = (
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R"
    + bytes(range(256)) * 4
    + b"\nxref\n0 0\ntrailer\n<< /Root 9 0 R >>\nstartxref\n999999\n%%EOF\n"
)


BAD_FILES: list[dict[str, str]] = []
"""Filled by add_attachments: attachments that must be skipped, with the reason the crawl counts."""


def with_tables(lines: list[str], m: Modern) -> str:
    """The seed's text with tables 二/三/四 of `m` back under their headings: the full version
    of a page that lost its tables (its attachment)."""
    tables = {
        "二、": table2_2019(m.t2),
        "三、": table3(m.fmt, m.t3),
        "四、": table4(m.t4),
    }
    out = []
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        out.append(para(line, strong=is_heading(line)))
        if is_heading(line) and line[:2] in tables:
            out.append(tables.pop(line[:2]))
    return "\n".join(out)


def add_attachments(pages: list[Page], reports: list[Report]) -> None:
    """A DOC whose page lost its tables, a PDF-only and a DOCX-only report, and five bad files."""
    by_path = {(p.site, p.path): p for p in pages}
    report_of = {(r.issuer, r.year): r for r in reports}

    # 哈尔滨 2020: the page has no tables; 「年报下载:」 links the full Word 97 version through
    # Hanweb's downfile.jsp (302 to /attach/0/…), named by a GBK Content-Disposition.
    h2020 = by_path[("hanweb", hanweb_art(2021, 3, 5, 1001))]
    doc_link = "/module/download/downfile.jsp?classid=0&filename=2103051332467731.doc"
    doc_path = "/attach/0/2103051332467731.doc"
    doc_name = "哈尔滨市2020政府信息公开工作报告.doc"
    h2020.attach_text = ""
    h2020.attach_label = "年报下载:"
    h2020.attachments = [(doc_link, doc_name)]
    h2020.extra_files[doc_path] = gzip.decompress((SRC / "harbin_2020.doc.gz").read_bytes())
    SITES["hanweb"].downloads[doc_path] = {"filename": doc_name, "charset": "gbk"}
    r = report_of[("哈尔滨市人民政府", 2020)]
    r.files.append((doc_link, doc_path))
    r.t3 = ("2019", HRB_2020_ATTACHMENT.t3)
    r.converter = True
    r.note += "; the full version with tables 二/三/四 is the .doc behind 「年报下载:」 (stats_from_attachment)"

    # 秦皇岛 2020: published only as a PDF, linked from the list itself (TRS P0….pdf naming).
    pdf_path = "/zwgk/zfxxgknb/202102/P020210205563201234567.pdf"
    qhd_title = "秦皇岛市2020年政府信息公开工作年度报告"
    qhd_body = modern_body(QHD_2020_PDF)
    pages.append(
        Page(
            site="trs",
            path=pdf_path,
            title=qhd_title,
            body=qhd_body,
            lists=[("szfnb", "2021-02-05")],
            file=to_pdf([qhd_title, *blocks(qhd_body)]),
        )
    )
    reports.append(
        Report(
            issuer="秦皇岛市人民政府",
            year=2020,
            fmt=ReportFormat.Y2019,
            pages=[pdf_path],
            best=pdf_path,
            note="published only as a PDF (the list links the file); tables read by pdfplumber",
            t3=("2019", QHD_2020_PDF.t3),
            files=[(pdf_path, pdf_path)],
        )
    )

    # 江干 2019: a Zhejiang-style page whose body is only 「详见附件」; the report is the DOCX.
    jg_page = "/zwgk/zfxxgkndbg/202001/t20200115_8100123.html"
    jg_docx = "/zwgk/zfxxgkndbg/202001/W020200115367891234567.docx"
    jg_title = "杭州市江干区2019年政府信息公开工作年度报告"
    jg_body = modern_body(JG_2019_DOCX)
    pages.append(
        Page(
            site="jianggan",
            path=jg_page,
            title=jg_title,
            body=para("详见附件。"),
            lists=[("jg", "2020-01-15")],
            label_date="2020-01-15",
            source="杭州市江干区人民政府办公室",
            attachments=[(jg_docx, jg_title + ".docx")],
        )
    )
    pages.append(
        Page(
            site="jianggan",
            path=jg_docx,
            title=jg_title,
            body=jg_body,
            lists=[],
            file=to_docx([jg_title, *blocks(jg_body)]),
        )
    )
    reports.append(
        Report(
            issuer="杭州市江干区人民政府",
            year=2019,
            fmt=ReportFormat.Y2019,
            pages=[jg_docx],
            best=jg_docx,
            linked_from=[jg_page],
            note="the page says only 「详见附件。」 (not a report by itself); the record is the DOCX's",
            t3=("2019", JG_2019_DOCX.t3),
            files=[(jg_docx, jg_docx)],
        )
    )

    # Bad files beside good pages: each is a counted skip, each page's record stays.
    BAD_FILES.clear()

    def attach(site: str, page_path: str, href: str, name: str, path: str, data: bytes, reason: str) -> None:
        page = by_path[(site, page_path)]
        page.attachments.append((href, name))
        page.extra_files[path] = data
        BAD_FILES.append({"site": site, "page": page_path, "path": path, "reason": reason})

    qhd2016 = "/zwgk/zfxxgknb/201702/t20170222_5001.html"
    attach(
        "trs",
        qhd2016,
        "./P020170222384512345678.pdf",
        "秦皇岛市2016年政府信息公开工作年度报告.pdf",
        "/zwgk/zfxxgknb/201702/P020170222384512345678.pdf",
        CORRUPT_PDF,
        "corrupt_pdf",
    )
    secret = PdfPage()
    secret.text(60, 780, "秦皇岛市2019年政府信息公开工作年度报告")
    qhd2019 = "/zwgk/zfxxgknb/202003/t20200330_5014.html"
    attach(
        "trs",
        qhd2019,
        "./P020200330512345678901.pdf",
        "秦皇岛市2019年政府信息公开工作年度报告.pdf",
        "/zwgk/zfxxgknb/202003/P020200330512345678901.pdf",
        make_pdf([secret], user_password="gov2020"),
        "encrypted_pdf",
    )
    html_path = "/uploadfiles/2021/02/hl2020nb.pdf"
    attach(
        "generic",
        "/xxgk/nb/2021/0205/28765.html",
        html_path,
        "虎林市2020年政府信息公开工作年度报告.pdf",
        html_path,
        HTML_AS_PDF,
        "not_a_pdf_but_html",
    )
    SITES["generic"].downloads[html_path] = {"content_type": "text/html; charset=utf-8"}
    cut_path = "/uploadfiles/2022/01/hl2021nb.pdf"
    full = to_pdf(blocks(modern_body(HULIN_2021)))
    attach(
        "generic",
        "/xxgk/nb/2022/0128/29876.html",
        cut_path,
        "虎林市2021年政府信息公开工作年度报告.pdf",
        cut_path,
        full,
        "truncated",
    )
    SITES["generic"].downloads[cut_path] = {"send_bytes": len(full) // 2}
    bomb = fixed_zip(to_docx(["哈尔滨市2021年政府信息公开工作年度报告"]), {"word/media/image1.bin": bytes(3_000_000)})
    bomb_path = "/attach/0/2203281021553.docx"
    attach(
        "hanweb",
        hanweb_art(2022, 3, 28, 1011),
        "/module/download/downfile.jsp?classid=0&filename=2203281021553.docx",
        "哈尔滨市2021年政府信息公开工作年度报告.docx",
        bomb_path,
        bomb,
        "zip_bomb",
    )
    SITES["hanweb"].downloads[bomb_path] = {
        "filename": "哈尔滨市2021年政府信息公开工作年度报告.docx",
        "charset": "rfc5987",
    }
