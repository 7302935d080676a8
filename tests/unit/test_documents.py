"""Attachments (PDF, DOCX, DOC/WPS, XLSX) read into the text the extractors read, and bad files skipped.

Inputs are generated here: DOCX and XLSX with python-docx/openpyxl, PDFs
with the tiny writer below (ruled tables, CJK text in the standard
STSong-Light font, optional RC4 encryption), so the tests show exactly what
each reader receives. The one binary fixture, a Word 97 DOC, is committed
under tests/fixtures/documents/ (see its README for how it was made).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import shutil
import struct
import time
import zipfile
from pathlib import Path

import pytest

from gov_reports.extract.documents import (
    DocumentText,
    UnreadableDocument,
    clear_cache,
    legacy,
    read_document,
    sniff_kind,
)
from gov_reports.extract.page import extract_report
from gov_reports.extract.report_tables import APPLICATION_ROWS
from gov_reports.extract.statistics import extract_statistics
from tests.support.pdf_writer import PdfPage, make_pdf

FIXTURES = Path(__file__).parents[1] / "fixtures" / "documents"


@pytest.fixture(autouse=True)
def _fresh_document_cache() -> None:
    """read_document remembers results by content; these tests swap converters under the same bytes."""
    clear_cache()


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


# The statistics' row keys for APPLICATIONS, in order (a 2019-format table 三).
APPLICATION_KEYS = APPLICATION_ROWS["2019"]


def _expected_applications() -> dict[str, tuple[int, ...]]:
    return {key: row[3] for key, row in zip(APPLICATION_KEYS, APPLICATIONS, strict=True)}


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


# --- PDF builder: tests/support/pdf_writer.py (shared with the demo builder) -----------------------


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


# --- Sniffing --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "name", "content_type", "kind"),
    [
        (b"%PDF-1.7\n...", "report", None, "pdf"),
        (b"\r\n%PDF-1.4\n", "x.doc", None, "pdf"),
        (b"<!DOCTYPE html><html><body>404</body></html>", "P020210204.pdf", "application/pdf", "html"),
        (b"\xef\xbb\xbf  <html><head><title>\xe7\x99\xbb\xe5\xbd\x95</title>", "a.docx", None, "html"),
        (b"<script>location.href='/login'</script>", "downfile.jsp?filename=a.pdf", None, "html"),
        (b"{\\rtf1\\ansi ...}", "report.doc", None, "rtf"),
        (b"MIME-Version: 1.0\r\nContent-Type: multipart/related;", "report.doc", None, "mht"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64 + "WordDocument".encode("utf-16-le"), "a.doc", None, "doc"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64 + "WordDocument".encode("utf-16-le"), "a.wps", None, "wps"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64 + "Workbook".encode("utf-16-le"), "a.xls", None, "xls"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"),
            "a.docx",
            None,
            "encrypted_office",
        ),
        (b"garbage", None, "application/msword", "doc"),
        (b"garbage", None, None, "unknown"),
    ],
)
def test_sniff_kind_trusts_bytes_first(data: bytes, name: str | None, content_type: str | None, kind: str) -> None:
    assert sniff_kind(data, name, content_type) == kind


def test_sniff_kind_ooxml() -> None:
    assert sniff_kind(make_report_docx(), "x.pdf") == "docx"
    assert sniff_kind(_xlsx_bytes(), None) == "xlsx"


# --- DOCX ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def report_docx() -> bytes:
    return make_report_docx()


def test_docx_body_order_and_merged_cells(report_docx: bytes) -> None:
    doc = read_document(report_docx, name="downfile.jsp?filename=abc.docx")
    assert (doc.kind, doc.tables, doc.pages, doc.size) == ("docx", 3, None, len(report_docx))
    assert doc.sha256 == hashlib.sha256(report_docx).hexdigest()
    lines = doc.text.splitlines()
    assert lines[0] == TITLE
    # Tables sit under their headings, in body order.
    assert (
        lines.index("二、主动公开政府信息情况")
        < lines.index("第二十条第（一）项")
        < lines.index("三、收到和处理政府信息公开申请情况")
    )
    # Horizontal merge: the cell once, nothing for the columns it covers (as HTML colspan renders).
    assert "一、本年新收政府信息公开申请数量\t12\t3\t0\t0\t1\t0\t16" in lines
    # Vertical merges: group labels repeated on every row they cover.
    assert "三、本年度办理结果\t（三）不予公开\t4.保护第三方合法权益\t1\t0\t0\t0\t0\t0\t1" in lines
    assert "三、本年度办理结果\t（五）不予处理\t5.要求行政机关确认或重新出具已获取信息\t0\t0\t0\t0\t0\t0\t0" in lines
    assert f"{APPLICATIONS_CAPTION}\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计" in lines
    assert "\t".join(map(str, REVIEWS)) in lines


def test_docx_statistics(report_docx: bytes) -> None:
    statistics = extract_statistics(read_document(report_docx, name="r.docx").text)
    stats = statistics.stats
    assert stats is not None and stats["format"] == "2019"
    assert {key: tuple(row.values()) for key, row in stats["applications"].items()} == _expected_applications()
    assert [tuple(row.values()) for row in stats["reviews"].values()] == [REVIEWS[:5], REVIEWS[5:10], REVIEWS[10:]]
    disclosure = stats["disclosure"]
    assert disclosure["normative_documents"] == {"new_made": 9, "new_published": 9, "published_total": 45}
    assert disclosure["licensing"]["decisions"] == 4567
    assert disclosure["procurement"]["amount"] == {"value": 3929.08, "unit": "万元", "raw": "3929.08万元"}
    assert statistics.flags == []


def test_docx_report_record(report_docx: bytes) -> None:
    record = extract_report(read_document(report_docx, name="r.docx").text, kind="text")
    assert record.key == f"{ISSUER}|2020"
    assert record.published == "2021-02-04"
    assert record.format == "2019"
    assert record.summary["applications_new"] == 16
    assert record.summary["applications_carried_over"] == 2
    assert record.summary["reconsideration_total"] == 2
    assert record.summary["litigation_total"] == 1
    assert not [f for f in record.flags if f.startswith(("check_failed", "short_row", "long_row", "table_missing"))]


# --- XLSX ----------------------------------------------------------------------------------


def _xlsx_bytes() -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "表三"
    sheet.append([APPLICATIONS_CAPTION, None, None, "申请人情况"])
    sheet.append([None, None, None, "自然人", "法人或其他组织", None, None, None, None, "总计"])
    sheet.append([None, None, None, None, *APPLICANT_COLUMNS[1:6]])
    sheet.merge_cells("A1:C3")
    sheet.merge_cells("D1:J1")
    sheet.merge_cells("D2:D3")
    sheet.merge_cells("E2:I2")
    sheet.merge_cells("J2:J3")
    for i, (group, sub, label, numbers) in enumerate(APPLICATIONS, start=4):
        sheet.append([group, sub, label, *numbers])
        if sub is None:
            sheet.merge_cells(f"A{i}:C{i}")
        elif label is None:
            sheet.merge_cells(f"B{i}:C{i}")
    # vertical group cells: keep the text in the first row only, as Excel does
    for column, index in (("A", 0), ("B", 1)):
        start = None
        for i in range(4, 4 + len(APPLICATIONS) + 1):
            value = APPLICATIONS[i - 4][index] if i - 4 < len(APPLICATIONS) else None
            prev = APPLICATIONS[start - 4][index] if start else None
            if start and value != prev:
                if (
                    i - 1 > start
                    and prev
                    and APPLICATIONS[start - 4][1] is not None
                    and (index == 0 or APPLICATIONS[start - 4][2])
                ):
                    for j in range(start + 1, i):
                        sheet[f"{column}{j}"] = None
                    sheet.merge_cells(f"{column}{start}:{column}{i - 1}")
                start = None
            if start is None and value:
                start = i
    hidden = workbook.create_sheet("hidden")
    hidden["A1"] = "不应出现"
    hidden.sheet_state = "hidden"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_xlsx_merged_cells_and_statistics() -> None:
    data = _xlsx_bytes()
    doc = read_document(data, name="附件.xlsx")
    assert (doc.kind, doc.tables) == ("xlsx", 1)
    lines = doc.text.splitlines()
    assert "不应出现" not in doc.text
    assert "三、本年度办理结果\t（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0" in lines
    assert "三、本年度办理结果\t（七）总计\t12\t3\t0\t0\t1\t0\t16" in lines
    stats = extract_statistics(doc.text).stats
    assert stats is not None
    for row, numbers in _expected_applications().items():
        assert tuple(stats["applications"][row].values()) == numbers, row


# --- PDF -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def report_pdf() -> bytes:
    return make_report_pdf()


def test_pdf_tables_as_rows_text_in_reading_order(report_pdf: bytes) -> None:
    doc = read_document(report_pdf, name="P020210204.pdf")
    assert (doc.kind, doc.pages, doc.tables, doc.image_only_pages) == ("pdf", 2, 2, 0)
    lines = doc.text.splitlines()
    assert lines[0] == TITLE
    # the wrapped paragraph is one line again; page numbers are gone
    assert lines[1] == "按照《中华人民共和国政府信息公开条例》规定，现发布本年度报告。" * 3
    assert "- 1 -" not in doc.text
    heading = lines.index("三、收到和处理政府信息公开申请情况")
    assert lines[heading + 1].startswith("申请人情况")
    assert lines[heading + 2] == "\t" + "\t".join(APPLICANT_COLUMNS)
    assert lines[heading + 3] == "一、本年新收政府信息公开申请数量\t12\t3\t0\t0\t1\t0\t16"
    assert lines.index("以上为申请办理情况。") > heading + 5
    assert "\t".join(map(str, REVIEWS)) in lines
    assert lines[-2:] == [ISSUER, SIGNED]


def test_pdf_statistics(report_pdf: bytes) -> None:
    stats = extract_statistics(read_document(report_pdf, name="a.pdf").text).stats
    assert stats is not None
    assert tuple(stats["applications"]["new"].values()) == APPLICATIONS[0][3]
    assert stats["reviews"]["litigation_direct"]["total"] == 1


def test_pdf_frame_around_text_is_not_a_table() -> None:
    page = PdfPage()
    page.rect(40, 40, 515, 780)  # a page border
    page.text(60, 800, TITLE)
    page.text(60, 780, "一、总体情况")
    doc = read_document(make_pdf([page]), name="a.pdf")
    assert (doc.tables, doc.text.splitlines()) == (0, [TITLE, "一、总体情况"])


def test_pdf_paragraph_joining_stops_at_items() -> None:
    from gov_reports.extract.documents.pdf import _paragraphs

    def line(top: float, x0: float, x1: float, text: str) -> dict:
        return {"top": top, "bottom": top + 10, "x0": x0, "x1": x1, "text": text}

    lines = [
        line(100, 80, 535, "（一）高度重视，深化主动公开。全面推进基层政务公开标准化规范化工作，贯彻落实"),
        line(114, 60, 535, "文件要求，在市政府门户网站开辟专栏，方便企业和群众获取信息、了解政策和网上"),
        line(128, 60, 200, "办事。"),
        line(142, 60, 535, "二是进一步深化重点领域政府信息公开，督促市政府各直属单位做好重大建设项目批准"),
        line(156, 60, 300, "1.健全政府网站功能"),
    ]
    paragraphs = [p[1][0] for p in _paragraphs(lines, 595)]
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("（一）") and paragraphs[0].endswith("网上办事。")
    assert paragraphs[1].startswith("二是") and paragraphs[2] == "1.健全政府网站功能"


def test_pdf_owner_password_only_is_readable() -> None:
    page = PdfPage()
    page.text(60, 800, TITLE)
    doc = read_document(make_pdf([page], user_password=""), name="a.pdf")
    assert doc.text == TITLE


def test_pdf_image_only() -> None:
    with pytest.raises(UnreadableDocument) as caught:
        read_document(make_pdf([PdfPage(image=True), PdfPage(image=True)]), name="scan.pdf")
    assert caught.value.reason == "image_only_pdf"


def test_pdf_max_pages_noted() -> None:
    pages = []
    for n in range(3):
        page = PdfPage()
        page.text(60, 800, f"第{n + 1}页正文")
        pages.append(page)
    doc = read_document(make_pdf(pages), max_pages=2)
    assert doc.pages == 2 and "第3页正文" not in doc.text
    assert "pages_limited:2/3" in doc.notes


def test_pdf_font_without_unicode_map() -> None:
    page = PdfPage()
    page.text(60, 800, TITLE)
    with pytest.raises(UnreadableDocument) as caught:
        read_document(make_pdf([page], font="unmapped"), name="a.pdf")
    assert caught.value.reason == "unmapped_font_pdf"


def test_kangxi_radicals_folded() -> None:
    from gov_reports.extract.documents.pdf import fold_lookalike_cjk

    # 「⼈」 U+2F08 and 「⽂」 U+2F42 are Kangxi radicals some PDF fonts map text to.
    assert fold_lookalike_cjk("虎林市⼈民政府⽂件（一）") == "虎林市人民政府文件（一）"


# --- DOC / WPS ------------------------------------------------------------------------------

needs_antiword = pytest.mark.skipif(
    shutil.which("antiword") is None, reason="antiword not installed (apt-get install antiword)"
)
needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice not installed (apt-get install libreoffice-writer-nogui)"
)


def _fixture(name: str) -> bytes:
    return gzip.decompress((FIXTURES / f"{name}.gz").read_bytes())


@needs_soffice
def test_doc_with_libreoffice() -> None:
    """LibreOffice turns the DOC into a DOCX: all three tables, merged cells and all."""
    doc = read_document(_fixture("hulin_2020.doc"), name="downfile.jsp?filename=1.doc")
    assert (doc.kind, doc.tables) == ("doc", 3)
    assert "converter:soffice" in doc.notes
    stats = extract_statistics(doc.text).stats
    assert stats is not None
    for row, numbers in _expected_applications().items():
        assert tuple(stats["applications"][row].values()) == numbers, row
    assert tuple(stats["reviews"]["reconsideration"].values()) == REVIEWS[:5]
    record = extract_report(doc.text, kind="text")
    assert (record.key, record.published) == (f"{ISSUER}|2020", "2021-02-04")


@needs_antiword
@pytest.mark.parametrize("name", ["hulin_2020.doc", "hulin_2020.wps"])
def test_doc_and_wps_with_antiword(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """antiword alone: the text, the title, the signature and table 二 (its simple ruled table).

    Its tables with vertically merged cells lose their rows (legacy.py), so
    tables 三/四 are not asserted here.
    """
    monkeypatch.setattr(legacy, "CONVERTER_ORDER", ("antiword",))
    doc = read_document(_fixture("hulin_2020.doc"), name=name)
    assert doc.kind == name.rsplit(".", 1)[1]
    assert "converter:antiword" in doc.notes
    lines = doc.text.splitlines()
    assert lines[0] == TITLE
    assert lines[-2:] == [ISSUER, SIGNED]
    assert "行政许可\t154\t增71\t4567" in lines
    record = extract_report(doc.text, kind="text")
    assert (record.key, record.published) == (f"{ISSUER}|2020", "2021-02-04")
    assert record.stats is not None and record.stats["disclosure"] is not None


def test_antiword_wrapped_cells_are_rejoined() -> None:
    output = (
        "标题\n\n|（本列数据的勾稽关 |申请人情况 |\n|系为：第一项加第二 |           |\n"
        "|规章              |0          |\n|规范性文件        |9          |\n\n虎林市人民政府\n"
    )
    text, tables = legacy._antiword_text(output)
    assert tables == 1
    assert text.splitlines() == [
        "标题",
        "（本列数据的勾稽关系为：第一项加第二\t申请人情况",
        "规章\t0",
        "规范性文件\t9",
        ISSUER,
    ]


def test_doc_without_converters(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    with pytest.raises(UnreadableDocument) as caught:
        read_document(_fixture("hulin_2020.doc"), name="a.doc")
    assert caught.value.reason == "converter_missing"


def _libreoffice_has_calc() -> bool:
    soffice = shutil.which("soffice")
    return soffice is not None and (Path(soffice).resolve().parent / "libsclo.so").exists()


@pytest.mark.skipif(not _libreoffice_has_calc(), reason="LibreOffice Calc not installed (libreoffice-calc-nogui)")
def test_xls_with_libreoffice() -> None:
    doc = read_document(_fixture("table3_2019.xls"), name="附件2.xls")
    assert (doc.kind, doc.tables) == ("xls", 1)
    assert "converter:soffice" in doc.notes
    stats = extract_statistics(doc.text).stats
    assert stats is not None
    assert {key: tuple(row.values()) for key, row in stats["applications"].items()} == _expected_applications()


def test_xls_without_libreoffice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    with pytest.raises(UnreadableDocument) as caught:
        read_document(_fixture("table3_2019.xls"), name="a.xls")
    assert caught.value.reason == "unsupported_type"


@needs_soffice
def test_rtf_named_doc() -> None:
    """Word files saved as RTF keep their .doc name; LibreOffice reads them."""
    rtf = (
        r"{\rtf1\ansi\ansicpg936\uc1 {\pard \u34382?\u26519?\u24066?\u20154?\u27665?\u25919?\u24220?\par}"
        r"{\pard 2021\u24180?2\u26376?4\u26085?\par}}"
    ).encode("ascii")
    doc = read_document(rtf, name="report.doc")
    assert doc.kind == "rtf"
    assert doc.text.splitlines() == [ISSUER, SIGNED]


def test_converter_timeout_kills_the_process_group(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A hanging converter (and the children it started) is killed; the caller gets a reason."""
    fake = tmp_path / "antiword"
    fake.write_text("#!/bin/sh\nsleep 30 &\nwait\n")
    fake.chmod(0o755)
    monkeypatch.setattr(legacy, "_soffice", lambda: None)
    monkeypatch.setattr(legacy, "ANTIWORD_TIMEOUT", 0.5)
    monkeypatch.setattr(shutil, "which", lambda name: str(fake) if name == "antiword" else None)
    started = time.monotonic()
    with pytest.raises(UnreadableDocument) as caught:
        read_document(_fixture("hulin_2020.doc"), name="a.doc")
    assert caught.value.reason == "converter_failed"
    assert time.monotonic() - started < 10


# --- Bad files --------------------------------------------------------------------------------


def _bomb_docx(*, forge: bool) -> bytes:
    """A DOCX whose document.xml inflates to far more than any report.

    forge=False: 30 MB of spaces really deflated (~1000:1); forge=True: a
    small part whose headers declare 3 GB (the declared size is what zipfile
    and our check go by).
    """
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        body = b"<w:document>" + b" " * (0 if forge else 30_000_000) + b"</w:document>"
        archive.writestr("word/document.xml", body)
    data = bytearray(out.getvalue())
    if forge:  # patch the uncompressed size in the local header (offset 22) and the central directory (24)
        name = b"word/document.xml"
        for signature, size_at, name_len_at, header in ((b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46)):
            at = 0
            while (at := data.find(signature, at)) != -1:
                name_len = struct.unpack_from("<H", data, at + name_len_at)[0]
                if data[at + header : at + header + name_len] == name:
                    struct.pack_into("<I", data, at + size_at, 3_000_000_000)
                at += 4
    return bytes(data)


def _corrupt_pdf() -> bytes:
    return b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\n" + b"\x00garbage" * 50 + b"\n%%EOF\n"


@pytest.mark.parametrize(
    ("make", "name", "reason"),
    [
        (lambda: b"", "a.pdf", "empty_file"),
        (lambda: b"  \r\n ", "a.docx", "empty_file"),
        (_corrupt_pdf, "a.pdf", "corrupt_pdf"),
        (lambda: make_pdf([PdfPage()], user_password="secret"), "a.pdf", "encrypted_pdf"),
        (lambda: make_report_pdf()[: len(make_report_pdf()) // 2], "a.pdf", "truncated"),
        (
            lambda: b"<!DOCTYPE html><html><head><title>404</title></head><body>Not found</body></html>",
            "P0202.pdf",
            "not_a_pdf_but_html",
        ),
        (lambda: b"<html><body>login</body></html>", "a.doc", "not_a_doc_but_html"),
        (lambda: _bomb_docx(forge=False), "a.docx", "zip_bomb"),
        (lambda: _bomb_docx(forge=True), "a.docx", "zip_bomb"),
        (lambda: make_report_docx()[:5000], "a.docx", "truncated"),
        (lambda: b"PK\x03\x04" + b"\x00" * 100 + b"PK\x05\x06" + b"\x00" * 18, "a.docx", "corrupt_docx"),
        (lambda: b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "a.png", "unsupported_type"),
        (lambda: b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "a.pdf", "corrupt_pdf"),
        (
            lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"),
            "a.docx",
            "encrypted_document",
        ),
        (lambda: b"%PDF-1.4\n" + b"x" * 200, "a.pdf", "truncated"),
    ],
    ids=[
        "empty",
        "blank",
        "corrupt_pdf",
        "encrypted_pdf",
        "truncated_pdf",
        "html_as_pdf",
        "html_as_doc",
        "zip_bomb_real",
        "zip_bomb_forged",
        "truncated_docx",
        "corrupt_docx",
        "png",
        "png_as_pdf",
        "encrypted_docx",
        "pdf_header_only",
    ],
)
def test_bad_files_are_skipped_with_a_reason(make, name: str, reason: str) -> None:
    with pytest.raises(UnreadableDocument) as caught:
        read_document(make(), name=name)
    assert caught.value.reason == reason, caught.value


def test_encrypted_pdf_is_real() -> None:
    """The writer's encryption is genuine: with the password, pdfplumber reads the text."""
    import pdfplumber

    page = PdfPage()
    page.text(60, 800, TITLE)
    with pdfplumber.open(io.BytesIO(make_pdf([page], user_password="secret")), password="secret") as pdf:
        assert pdf.pages[0].extract_text() == TITLE


def test_too_large() -> None:
    with pytest.raises(UnreadableDocument) as caught:
        read_document(b"%PDF-1.4\n" + b"0" * 100, max_bytes=50)
    assert caught.value.reason == "too_large"


def test_reader_bug_never_escapes(monkeypatch: pytest.MonkeyPatch) -> None:
    from gov_reports.extract.documents import word

    def boom(*_args, **_kwargs):
        raise TypeError("unexpected")

    monkeypatch.setattr(word, "_walk_child", boom)
    with pytest.raises(UnreadableDocument) as caught:
        read_document(make_report_docx(), name="a.docx")
    assert caught.value.reason == "corrupt_docx"


@pytest.mark.parametrize(
    ("raw", "cell"),
    [
        ("本年新\n制作数量", "本年新制作数量"),
        ("3929.\n08 万元", "3929. 08 万元"),
        ("a\tb", "a b"),
        (None, ""),
        ("  规章   ", "规章"),
    ],
)
def test_cell_text(raw: str | None, cell: str) -> None:
    from gov_reports.extract.documents._common import cell_text

    assert cell_text(raw) == cell


def test_document_text_is_a_dataclass() -> None:
    doc = DocumentText(text="x", kind="pdf", pages=1, tables=0, sha256="", size=1)
    assert doc.image_only_pages == 0 and doc.notes == []


def test_docx_table_nested_in_a_cell() -> None:
    """A table inside a table cell (Word's layout tables) is flattened into the cell's text, not a crash."""
    import docx

    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "项目"
    inner = outer.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "行政复议"
    inner.cell(0, 1).text = "3"
    buffer = io.BytesIO()
    document.save(buffer)
    doc = read_document(buffer.getvalue(), name="nested.docx")
    assert doc.text.splitlines() == ["项目\t行政复议 3"]
