"""Attachments (PDF, DOCX, DOC/WPS, XLSX) read into the text the extractors read, and bad files skipped.

Inputs are generated: the 虎林市 report as DOCX and PDF by tests/support/documents.py, XLSX here with
openpyxl, PDFs with the tiny writer gov_reports/demo/builder/pdf_writer.py (ruled tables, CJK text in the standard
STSong-Light font, optional RC4 encryption), so the tests show exactly what each reader receives. The one
binary fixture, a Word 97 DOC, is committed under tests/fixtures/documents/ (see its README for how it was
made).
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

from gov_reports.demo.builder.pdf_writer import PdfPage, make_pdf
from gov_reports.extract.documents import (
    DocumentText,
    UnreadableDocument,
    clear_cache,
    legacy,
    read_document,
    sniff_kind,
)
from gov_reports.extract.page import Page, extract
from gov_reports.extract.report_tables import APPLICATION_ROWS
from gov_reports.extract.statistics import extract_statistics
from tests.support.documents import (
    APPLICANT_COLUMNS,
    APPLICATIONS,
    APPLICATIONS_CAPTION,
    ISSUER,
    REVIEWS,
    SIGNED,
    TITLE,
    corrupt_pdf,
    make_report_docx,
    make_report_pdf,
)
from tests.support.paths import DOCUMENTS as FIXTURES


@pytest.fixture(autouse=True)
def _fresh_document_cache() -> None:
    """read_document remembers results by content; these tests swap converters under the same bytes."""
    clear_cache()


# The statistics' row keys for APPLICATIONS, in order (a 2019-format table 三).
APPLICATION_KEYS = APPLICATION_ROWS["2019"]


def _expected_applications() -> dict[str, tuple[int, ...]]:
    return {key: row[3] for key, row in zip(APPLICATION_KEYS, APPLICATIONS, strict=True)}


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
    record = extract(Page(read_document(report_docx, name="r.docx").text, kind="text"))
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
    record = extract(Page(doc.text, kind="text"))
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
    record = extract(Page(doc.text, kind="text"))
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


@pytest.mark.parametrize(
    ("make", "name", "reason"),
    [
        (lambda: b"", "a.pdf", "empty_file"),
        (lambda: b"  \r\n ", "a.docx", "empty_file"),
        (corrupt_pdf, "a.pdf", "corrupt_pdf"),
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
