"""The PDFs the tests make, and shapes the PDF reader must treat alike with PDFium and with pdfminer.

`sample_pdfs()` is what tests/unit/test_pdf_reader.py and bench/pdf_speed.py read
both ways (`read_pdf(fast=True)` and `fast=False`). It holds every PDF the
test suite builds with gov_reports/demo/builder/pdf_writer.py (test_documents, test_attachments,
test_flat_tables, test_ocr) or commits (tests/fixtures), the files of the
demo portal (data/demo), and pages drawn to reach
each branch of `gov_reports.extract.documents._pdfium`: text state operators,
forms, rules that are no table, tables drawn with lines, a rounded frame, and
the pages PDFium must hand back to pdfminer (rotated text, a rotated page, a
MediaBox off the origin, a font without a Unicode map, images only).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gov_reports.demo.builder.pdf_writer import PdfPage, make_pdf
from tests.support import documents
from tests.support.paths import DEMO_ROOT as DEMO
from tests.support.paths import FIXTURES
from tests.support.table_images import FONT, scanned_report_pdf
from tests.support.table_three import split_table_pdf

TITLE = "虎林市2021年政府信息公开工作年度报告"


def pdfium_sees_cjk_text() -> bool:
    """Whether PDFium reads the CJK text of a PDF whose CJK font is not embedded (as pdf_writer's are).

    PDFium needs a system CJK font for such text and drops it without one; the reader then leaves
    those pages to pdfminer (same text, slower), so tests of the PDFium path itself need the font.
    """
    import pypdfium2

    page = PdfPage()
    page.text(60, 800, "表")
    document = pypdfium2.PdfDocument(make_pdf([page]))
    try:
        return "表" in document[0].get_textpage().get_text_range()
    finally:
        document.close()


NEEDS_CJK_SYSTEM_FONT = "PDFium reads non-embedded CJK text only with a CJK system font (apt: fonts-wqy-zenhei)"


@dataclass(frozen=True)
class Sample:
    data: bytes
    max_pages: int = 200


def _hex(text: str) -> str:
    return text.encode("utf-16-be").hex()


def _text_state() -> bytes:
    """Horizontal scaling, rise, character spacing, TJ kerning, a scaled CTM, decimals, word spacing."""
    page = PdfPage()
    page.ops += [
        f"BT /F1 10 Tf 50 Tz 60 800 Td <{_hex('横向缩放五十')}> Tj ET",
        f"BT /F1 10 Tf 100 Tz 3 Ts 60 780 Td <{_hex('上标文字')}> Tj ET",
        f"BT /F1 10 Tf 0 Ts 2 Tc 60 760 Td [<{_hex('字')}> -500 <{_hex('间距')}> 2000 <{_hex('分开')}>] TJ ET",
        f"q 1.5 0 0 1.5 10 10 cm BT /F1 8 Tf 0 Tc 40 400 Td <{_hex('缩放变换的文字')}> Tj ET Q",
        f"BT /F1 10.5 Tf 1 0 0 1 72.35 701.27 Tm <{_hex('小数坐标的一行字')}> Tj ET",
        f"BT /F1 10 Tf 5 Tw 60 680 Td <{_hex('英文 words and 数字 123')}> Tj ET",
    ]
    page.text(60, 650, "（一）主动公开情况。全年主动公开政府信息3092条。")
    return make_pdf([page])


def _rules_but_no_table() -> bytes:
    """A page border, a red header rule and an underline: too few rules for any grid."""
    page = PdfPage()
    page.rect(40, 40, 515, 760)
    page.ops.append("1 0 0 RG 2 w 60 760 m 535 760 l S 0 G 1 w")
    page.text(150, 780, TITLE, size=14)
    page.text(60, 730, "一、总体情况")
    page.ops.append("60 727 m 120 727 l S")
    page.text(60, 710, "全年主动公开政府信息3092条，依申请公开工作规范有序。")
    page.text(290, 30, "- 1 -")
    return make_pdf([page])


def _lined_table() -> bytes:
    """A table ruled with separate lines (m/l S), not rectangles, and text above and below."""
    page = PdfPage()
    page.text(60, 800, "二、主动公开政府信息情况")
    xs, ys = [40, 200, 300, 400, 500], [780, 760, 740, 720]
    for y in ys:
        page.ops.append(f"{xs[0]} {y} m {xs[-1]} {y} l S")
    for x in xs:
        page.ops.append(f"{x} {ys[0]} m {x} {ys[-1]} l S")
    rows = (
        ("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
        ("规章", "0", "0", "0"),
        ("规范性文件", "9", "1", "45"),
    )
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            page.text(xs[c] + 3, ys[r] - 14, cell, size=8)
    page.text(60, 700, "以上为主动公开情况。")
    return make_pdf([page])


def _rounded_frame() -> bytes:
    """A frame with rounded corners (Bézier curves) around a note, and a small ruled table."""
    page = PdfPage()
    page.ops.append("60 700 m 520 700 l 530 700 540 710 540 720 c 540 780 l 540 790 530 800 520 800 c 60 800 l h S")
    page.text(80, 760, "说明：本表数据统计期限为2021年1月1日至12月31日。")
    y = page.table(60, 650, [120, 80, 80], [["项目", "数量", "备注"], ["行政复议", "1", ""], ["行政诉讼", "0", "无"]])
    page.text(60, y - 20, "五、存在的主要问题及改进情况")
    return make_pdf([page])


def _form_table() -> bytes:
    """A heading on the page, and a ruled table with its text inside a form XObject drawn scaled."""
    page = PdfPage()
    page.text(60, 800, "四、政府信息公开行政复议、行政诉讼情况")
    form = PdfPage()
    form.table(
        40,
        700,
        [100, 60, 60, 60],
        [["行政复议", None, None, None], ["结果维持", "结果纠正", "其他结果", "总计"], ["1", "0", "0", "1"]],
    )
    form.text(40, 640, "表格下方的说明文字。")
    page.forms.append(form.ops)
    page.ops.append("q 0.9 0 0 0.9 20 40 cm /Fm0 Do Q")
    return make_pdf([page])


def _rotated_text() -> bytes:
    """A line of text turned 90° beside normal text (PDFium's boxes would differ: pdfminer reads it)."""
    page = PdfPage()
    page.text(60, 800, TITLE, size=14)
    page.ops.append(f"BT /F1 10 Tf 0 1 -1 0 560 300 Tm <{_hex('侧边竖排文字')}> Tj ET")
    page.text(60, 760, "正文第一段。")
    return make_pdf([page])


def _line_end_hyphen() -> bytes:
    """A word broken by a hyphen at the end of a line (PDFium rewrites the hyphen: pdfminer reads it)."""
    page = PdfPage()
    page.text(60, 800, "Government information disclosure is infor-")
    page.text(60, 788, "mation made public.")
    return make_pdf([page])


def _kerned_space() -> bytes:
    """A tiny note whose space follows a kerning gap: PDFium deletes the space (pdfminer reads the page)."""
    page = PdfPage()
    page.text(60, 800, "小字注释")
    page.ops.append(f"BT /F1 2 Tf 60 780 Td [<{_hex('note')}> -250 <{_hex(' 12')}>] TJ ET")
    return make_pdf([page])


def _fake_bold() -> bytes:
    """A heading drawn twice, 0.3 pt apart (fake bold): PDFium drops the copy, pdfminer keeps both."""
    page = PdfPage()
    page.text(60, 800, "一、总体情况")
    page.text(60.3, 800, "一、总体情况")
    page.text(60, 780, "全年主动公开政府信息3092条。")
    return make_pdf([page])


def _rotated_page() -> bytes:
    page = PdfPage(rotate=90)
    page.text(60, 800, TITLE, size=14)
    page.text(60, 770, "横向页面上的正文。")
    return make_pdf([page])


def _offset_mediabox() -> bytes:
    page = PdfPage(mediabox=(0, 100, 595, 942))
    page.text(60, 900, TITLE, size=14)
    page.text(60, 870, "页面框不从原点开始。")
    return make_pdf([page])


def _text_and_image() -> bytes:
    page = PdfPage(image=True)
    page.text(60, 800, TITLE, size=14)
    page.text(60, 780, "附图：办理流程。")
    return make_pdf([page, PdfPage(image=True)])


def _two_tables() -> bytes:
    page = PdfPage()
    page.text(60, 810, "表一")
    y = page.table(40, 800, [160, 80, 80], [["项目", "上年", "本年"], ["行政许可", "154", "225"]])
    page.text(60, y - 15, "表二")
    page.table(40, y - 25, [160, 80, 80], [["项目", "上年", "本年"], ["行政处罚", "987", "1007"]])
    return make_pdf([page])


def _test_documents_pdfs() -> dict[str, Sample]:
    """The PDFs tests/unit/test_documents.py builds (its report from tests/support/documents.py)."""

    def page_with(*texts: tuple[float, float, str], frame: bool = False) -> PdfPage:
        page = PdfPage()
        if frame:
            page.rect(40, 40, 515, 780)
        for x, y, text in texts:
            page.text(x, y, text)
        return page

    three = [page_with((60, 800, f"第{n + 1}页正文")) for n in range(3)]
    report = documents.make_report_pdf()
    return {
        "test_documents:report": Sample(report),
        "test_documents:frame": Sample(
            make_pdf([page_with((60, 800, documents.TITLE), (60, 780, "一、总体情况"), frame=True)])
        ),
        "test_documents:owner_password": Sample(make_pdf([page_with((60, 800, documents.TITLE))], user_password="")),
        "test_documents:user_password": Sample(make_pdf([PdfPage()], user_password="secret")),
        "test_documents:image_only": Sample(make_pdf([PdfPage(image=True), PdfPage(image=True)])),
        "test_documents:max_pages": Sample(make_pdf(three), max_pages=2),
        "test_documents:unmapped_font": Sample(make_pdf([page_with((60, 800, documents.TITLE))], font="unmapped")),
        "test_documents:truncated": Sample(report[: len(report) // 2]),
        "test_documents:corrupt": Sample(documents.corrupt_pdf()),
    }


def _test_flat_tables_pdfs() -> dict[str, Sample]:
    """test_flat_tables.py's table 三 split over two pages, table 四 after it."""
    return {"test_flat_tables:split_table": Sample(split_table_pdf())}


def _fixture_pdfs() -> dict[str, Sample]:
    """PDFs committed under tests/fixtures (the real-shapes cover report)."""
    return {f"fixture:{p.relative_to(FIXTURES)}": Sample(p.read_bytes()) for p in sorted(FIXTURES.rglob("*.pdf"))}


def _test_ocr_pdfs() -> dict[str, Sample]:
    """test_ocr.py's scanned report, when its font is there to draw it."""
    if FONT is None:
        return {}
    return {"test_ocr:scanned_report": Sample(scanned_report_pdf())}


_SHAPES: dict[str, Callable[[], bytes]] = {
    "shape:text_state": _text_state,
    "shape:rules_but_no_table": _rules_but_no_table,
    "shape:lined_table": _lined_table,
    "shape:rounded_frame": _rounded_frame,
    "shape:form_table": _form_table,
    "shape:two_tables": _two_tables,
    "shape:rotated_text": _rotated_text,
    "shape:rotated_page": _rotated_page,
    "shape:line_end_hyphen": _line_end_hyphen,
    "shape:fake_bold": _fake_bold,
    "shape:kerned_space": _kerned_space,
    "shape:offset_mediabox": _offset_mediabox,
    "shape:text_and_image": _text_and_image,
}


def demo_pdfs() -> dict[str, Sample]:
    return {f"demo:{p.relative_to(DEMO)}": Sample(p.read_bytes()) for p in sorted(DEMO.rglob("*.pdf"))}


def sample_pdfs() -> dict[str, Sample]:
    """Name → sample: the tests' PDFs, the demo portal's, and the shapes above."""
    samples = _test_documents_pdfs() | _test_flat_tables_pdfs() | _fixture_pdfs() | _test_ocr_pdfs() | demo_pdfs()
    samples |= {name: Sample(make()) for name, make in _SHAPES.items()}
    return samples
