"""The 虎林市 2020 report the document tests read: its text and tables, built as a DOCX and as a PDF.

Shared by tests/unit/test_documents.py (the readers), tests/unit/test_ocr.py (table 三 as a picture),
tests/unit/test_attachments.py and tests/e2e/test_attachments_cli.py (reports published as files) and
tests/support/pdf_samples.py (every PDF the tests build). The DOCX is written with python-docx, the PDF with
gov_reports/demo/builder/pdf_writer.py.
"""

from __future__ import annotations

import io

from gov_reports.demo.builder.pdf_writer import PdfPage, make_pdf

# --- The report the generated documents carry --------------------------------------------

TITLE = "虎林市2020年政府信息公开工作年度报告"
ISSUER = "虎林市人民政府"
SIGNED = "2021年2月4日"
INTRO = (
    "按照《中华人民共和国政府信息公开条例》（以下简称《条例》）规定和《国务院办公厅政府信息与政务公开办公室"
    "关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）要求，现发布《虎林市2020年政府信息"
    "公开工作年度报告》。本报告中所列数据统计期限为2020年1月1日至12月31日。"
)
SECTIONS = (
    (
        "一、总体情况",
        "2020年，我市坚持以公开为常态、不公开为例外，全年主动公开政府信息3092条，依申请公开工作规范有序。",
    ),
    ("二、主动公开政府信息情况", None),
    ("三、收到和处理政府信息公开申请情况", None),
    ("四、政府信息公开行政复议、行政诉讼情况", None),
    ("五、存在的主要问题及改进情况", "一是基础工作不够扎实。二是政策解读形式不够多样。下一步将加大督查考核力度。"),
    ("六、其他需要报告的事项", "无。"),
)

# Table 二, 2019 layout: (caption, header, rows); a None header cell is merged into the one before it.
DISCLOSURE = (
    (
        "第二十条第（一）项",
        ("信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"),
        (("规章", "0", "0", "0"), ("规范性文件", "9", "9", "45")),
    ),
    (
        "第二十条第（五）项",
        ("信息内容", "上一年项目数量", "本年增/减", "处理决定数量"),
        (("行政许可", "154", "增71", "4567"), ("其他对外管理服务事项", "0", "增5", "0")),
    ),
    (
        "第二十条第（六）项",
        ("信息内容", "上一年项目数量", "本年增/减", "处理决定数量"),
        (("行政处罚", "987", "增20", "862"), ("行政强制", "10", "0", "0")),
    ),
    ("第二十条第（八）项", ("信息内容", "上一年项目数量", "本年增/减", None), (("行政事业性收费", "5", "0", None),)),
    (
        "第二十条第（九）项",
        ("信息内容", "采购项目数量", "采购总金额", None),
        (("政府集中采购", "208", "3929.08万元", None),),
    ),
)
APPLICANT_COLUMNS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
_ZERO = (0, 0, 0, 0, 0, 0, 0)
# Table 三, 2019 layout: (group, sub-group, label, numbers); groups are vertically merged cells.
APPLICATIONS = (
    ("一、本年新收政府信息公开申请数量", None, None, (12, 3, 0, 0, 1, 0, 16)),
    ("二、上年结转政府信息公开申请数量", None, None, (2, 0, 0, 0, 0, 0, 2)),
    ("三、本年度办理结果", "（一）予以公开", None, (7, 2, 0, 0, 1, 0, 10)),
    ("三、本年度办理结果", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None, (1, 0, 0, 0, 0, 0, 1)),
    ("三、本年度办理结果", "（三）不予公开", "1.属于国家秘密", _ZERO),
    ("三、本年度办理结果", "（三）不予公开", "2.其他法律行政法规禁止公开", _ZERO),
    ("三、本年度办理结果", "（三）不予公开", "3.危及“三安全一稳定”", _ZERO),
    ("三、本年度办理结果", "（三）不予公开", "4.保护第三方合法权益", (1, 0, 0, 0, 0, 0, 1)),
    ("三、本年度办理结果", "（三）不予公开", "5.属于三类内部事务信息", _ZERO),
    ("三、本年度办理结果", "（三）不予公开", "6.属于四类过程性信息", _ZERO),
    ("三、本年度办理结果", "（三）不予公开", "7.属于行政执法案卷", _ZERO),
    ("三、本年度办理结果", "（三）不予公开", "8.属于行政查询事项", _ZERO),
    ("三、本年度办理结果", "（四）无法提供", "1.本机关不掌握相关政府信息", (2, 1, 0, 0, 0, 0, 3)),
    ("三、本年度办理结果", "（四）无法提供", "2.没有现成信息需要另行制作", _ZERO),
    ("三、本年度办理结果", "（四）无法提供", "3.补正后申请内容仍不明确", _ZERO),
    ("三、本年度办理结果", "（五）不予处理", "1.信访举报投诉类申请", (1, 0, 0, 0, 0, 0, 1)),
    ("三、本年度办理结果", "（五）不予处理", "2.重复申请", _ZERO),
    ("三、本年度办理结果", "（五）不予处理", "3.要求提供公开出版物", _ZERO),
    ("三、本年度办理结果", "（五）不予处理", "4.无正当理由大量反复申请", _ZERO),
    ("三、本年度办理结果", "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息", _ZERO),
    ("三、本年度办理结果", "（六）其他处理", None, _ZERO),
    ("三、本年度办理结果", "（七）总计", None, (12, 3, 0, 0, 1, 0, 16)),
    ("四、结转下年度继续办理", None, None, (2, 0, 0, 0, 0, 0, 2)),
)
APPLICATIONS_CAPTION = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
REVIEW_MEASURES = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
REVIEWS = (1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0)


# --- DOCX builder (python-docx) ------------------------------------------------------------


def _merge(table, r1: int, c1: int, r2: int, c2: int, text: str) -> None:
    cell = table.cell(r1, c1).merge(table.cell(r2, c2)) if (r1, c1) != (r2, c2) else table.cell(r1, c1)
    cell.text = text


def _docx_disclosure(document) -> None:
    rows = sum(2 + len(block[2]) for block in DISCLOSURE)
    table = document.add_table(rows=rows, cols=4)
    table.style = "Table Grid"
    r = 0
    for caption, header, data in DISCLOSURE:
        _merge(table, r, 0, r, 3, caption)
        r += 1
        for line in (header, *data):
            for c, value in enumerate(line):
                if value is None:
                    _merge(table, r, c - 1, r, c, line[c - 1] or "")
                else:
                    table.cell(r, c).text = value
            r += 1


def _docx_applications(document) -> None:
    table = document.add_table(rows=3 + len(APPLICATIONS), cols=10)
    table.style = "Table Grid"
    _merge(table, 0, 0, 2, 2, APPLICATIONS_CAPTION)
    _merge(table, 0, 3, 0, 9, "申请人情况")
    _merge(table, 1, 3, 2, 3, "自然人")
    _merge(table, 1, 4, 1, 8, "法人或其他组织")
    _merge(table, 1, 9, 2, 9, "总计")
    for c, name in enumerate(APPLICANT_COLUMNS[1:6], start=4):
        table.cell(2, c).text = name
    first = 3
    spans: dict[tuple[int, str], list[int]] = {}
    for i, (group, sub, label, numbers) in enumerate(APPLICATIONS):
        r = first + i
        for c, n in enumerate(numbers, start=3):
            table.cell(r, c).text = str(n)
        if sub is None:
            _merge(table, r, 0, r, 2, group)
            continue
        spans.setdefault((0, group), []).append(r)
        if label is None:
            _merge(table, r, 1, r, 2, sub)
        else:
            spans.setdefault((1, sub), []).append(r)
            table.cell(r, 2).text = label
    for (c, text), rows in spans.items():
        _merge(table, rows[0], c, rows[-1], c, text)


def _docx_reviews(document) -> None:
    table = document.add_table(rows=4, cols=15)
    table.style = "Table Grid"
    _merge(table, 0, 0, 1, 4, "行政复议")
    _merge(table, 0, 5, 0, 14, "行政诉讼")
    _merge(table, 1, 5, 1, 9, "未经复议直接起诉")
    _merge(table, 1, 10, 1, 14, "复议后起诉")
    for c in range(15):
        table.cell(2, c).text = REVIEW_MEASURES[c % 5]
        table.cell(3, c).text = str(REVIEWS[c])


def make_report_docx() -> bytes:
    """The 虎林市 2020 report as a Word document: six headings, tables 二/三/四 with merged cells."""
    import docx

    document = docx.Document()
    document.add_heading(TITLE, level=1)
    document.add_paragraph(INTRO)
    for heading, body in SECTIONS:
        document.add_paragraph(heading)
        if body:
            document.add_paragraph(body)
        if heading.startswith("二、"):
            _docx_disclosure(document)
        elif heading.startswith("三、"):
            _docx_applications(document)
        elif heading.startswith("四、"):
            _docx_reviews(document)
    document.add_paragraph(ISSUER)
    document.add_paragraph(SIGNED)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- PDF builder: gov_reports/demo/builder/pdf_writer.py (shared with the demo builder) -----------------------


def make_report_pdf() -> bytes:
    """Two pages: headings and a paragraph, table 三's top rows (ruled, with a merged header), table 四."""
    first = PdfPage()
    y = 800
    first.text(150, y, TITLE, size=14)
    y -= 30
    # One paragraph wrapped over three lines at the right margin (x = 60 .. 540, 10pt CJK = 10 wide).
    para = "按照《中华人民共和国政府信息公开条例》规定，现发布本年度报告。" * 3
    for i in range(0, len(para), 48):
        first.text(60, y, para[i : i + 48])
        y -= 14
    y -= 10
    first.text(60, y, "三、收到和处理政府信息公开申请情况")
    y -= 10
    header = [["申请人情况", None, None, None, None, None, None, None]]
    header.append(["", *APPLICANT_COLUMNS])
    body = [
        [group if sub is None else (label or sub), *map(str, numbers)] for group, sub, label, numbers in APPLICATIONS
    ]
    y = first.table(40, y, [160] + [54] * 7, header + body[:2] + body[-2:])
    first.text(60, y - 20, "以上为申请办理情况。")
    first.text(290, 30, "- 1 -")
    second = PdfPage()
    second.text(60, 800, "四、政府信息公开行政复议、行政诉讼情况")
    rows: list[list[str | None]] = [["行政复议", None, None, None, None, "行政诉讼", *[None] * 9]]
    rows.append(
        ["", None, None, None, None, "未经复议直接起诉", None, None, None, None, "复议后起诉", None, None, None, None]
    )
    rows.append([m[:2] for m in REVIEW_MEASURES] * 3)
    rows.append([str(n) for n in REVIEWS])
    second.table(40, 790, [34] * 15, rows)
    second.text(400, 600, ISSUER)
    second.text(400, 585, SIGNED)
    second.text(290, 30, "- 2 -")
    return make_pdf([first, second])


def corrupt_pdf() -> bytes:
    return b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\n" + b"\x00garbage" * 50 + b"\n%%EOF\n"
