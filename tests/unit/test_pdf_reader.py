"""PDFium reads PDF pages for pdfplumber's code; the result must be what pdfminer's parse gives.

Every PDF the tests make, the demo portal's files and shapes drawn for the
purpose (tests/support/pdf_samples.py) are read both ways: `read_pdf(fast=True)`,
PDFium's characters and edges through pdfplumber's word, line and table code,
and `read_pdf(fast=False)`, pdfplumber's own page objects (pdfminer), as the
reader was before. The real corpus's 24-page 部门决算 PDF is read both ways
too when ../shared/real-corpus is there (not its holdout files).
"""

from __future__ import annotations

import io
import os
import threading
import warnings
from pathlib import Path
from typing import Any

import pytest

from gov_reports.demo.builder.pdf_writer import PdfPage, make_pdf
from gov_reports.extract.documents import UnreadableDocument, _pdfium, clear_cache, pdf
from tests.support.paths import ROOT
from tests.support.pdf_samples import NEEDS_CJK_SYSTEM_FONT, Sample, pdfium_sees_cjk_text, sample_pdfs

SAMPLES = sample_pdfs()
needs_cjk_system_font = pytest.mark.skipif(not pdfium_sees_cjk_text(), reason=NEEDS_CJK_SYSTEM_FONT)
REAL_CORPUS = Path(os.environ.get("GOV_REPORTS_REAL_CORPUS") or ROOT.parent / "shared" / "real-corpus")
REAL_TABLES_PDF = REAL_CORPUS / "001_trap_ptq_shgzb2024_bmjs.pdf"
HOLDOUT = {
    line.strip()
    for line in (ROOT / "tests" / "fixtures" / "real" / "HOLDOUT").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}


def _read(sample: Sample, *, fast: bool) -> Any:
    try:
        return pdf.read_pdf(sample.data, max_pages=sample.max_pages, fast=fast)
    except UnreadableDocument as error:
        return ("unreadable", error.reason, error.detail, error.kind)


def _page_objects(data: bytes) -> list[_pdfium.PageObjects | None]:
    """What PDFium makes of each page (None: pdfminer reads it)."""
    import pdfplumber

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with (
            pdfplumber.open(io.BytesIO(data)) as document,
            _pdfium.PdfiumDocument(data, len(document.pages)) as pdfium_document,
        ):
            return [pdfium_document.page_objects(i, page) for i, page in enumerate(document.pages)]


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_pdfium_reading_equals_pdfminer_reading(name: str) -> None:
    sample = SAMPLES[name]
    assert _read(sample, fast=True) == _read(sample, fast=False)


def test_the_fast_path_is_taken() -> None:
    """The comparison above is no tautology: PDFium reads these pages, pdfminer does not."""
    for name in ("test_documents:report", "shape:text_state", "shape:lined_table", "shape:form_table"):
        assert all(objects is not None for objects in _page_objects(SAMPLES[name].data)), name


def test_table_pages_are_detected() -> None:
    """The report's two table pages are ruled; a page of text with a border, a header rule and an underline is not."""
    report = _page_objects(SAMPLES["test_documents:report"].data)
    assert [objects.ruled for objects in report if objects is not None] == [True, True]
    assert report[0] is not None and report[0].edges  # the table reader gets the rules as pdfplumber's edges
    (plain,) = _page_objects(SAMPLES["shape:rules_but_no_table"].data)
    assert plain is not None and not plain.ruled and not plain.edges
    (framed,) = _page_objects(SAMPLES["test_documents:frame"].data)
    assert framed is not None and not framed.ruled


@needs_cjk_system_font
def test_rule_count_is_the_minimum_a_grid_needs() -> None:
    """A 2 x 2 grid needs 3 horizontal and 3 vertical rules; a box or a line short of that is no table."""
    grid = PdfPage()
    grid.table(40, 700, [80, 80], [["a", "b"], ["c", "d"]])
    grid.text(60, 800, "表")
    box = PdfPage()
    box.rect(40, 600, 160, 32)  # 2 + 2
    box.ops.append("40 616 m 200 616 l S")  # one more horizontal: still 2 vertical
    box.text(60, 800, "框")
    (ruled,) = _page_objects(make_pdf([grid]))
    (boxed,) = _page_objects(make_pdf([box]))
    assert ruled is not None and ruled.ruled
    assert boxed is not None and not boxed.ruled


@needs_cjk_system_font
def test_edges_are_pdfplumbers() -> None:
    """PDFium's paths become the same edges as pdfplumber's `page.edges` (rectangles, lines, curves)."""
    import pdfplumber

    for name in ("test_documents:report", "shape:lined_table", "shape:rounded_frame", "shape:form_table"):
        data = SAMPLES[name].data
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with pdfplumber.open(io.BytesIO(data)) as document:
                expected = [_edge_key(e) for page in document.pages for e in page.edges]
        got = [_edge_key(e) for objects in _page_objects(data) if objects is not None for e in objects.edges]
        assert got == expected, name


@needs_cjk_system_font
def test_characters_are_pdfplumbers() -> None:
    """PDFium's characters are pdfplumber's `page.chars`: same text, same order, same boxes.

    Bit for bit where the file's numbers are exact in single precision (the
    generated report and the demo's); to 1e-3 pt otherwise (decimal positions,
    a form scaled by 0.9, the real PDF: ~1e-4).
    """
    import pdfplumber

    names = ["test_documents:report", "demo:generic/uploadfiles/2022/01/hl2021nb.pdf", "shape:text_state"]
    names.append("shape:form_table")
    exact = {"test_documents:report", "demo:generic/uploadfiles/2022/01/hl2021nb.pdf"}
    datas = {name: SAMPLES[name].data for name in names}
    if REAL_TABLES_PDF.exists():
        datas["real"] = REAL_TABLES_PDF.read_bytes()
    keys = ("x0", "x1", "top", "bottom")
    for name, data in datas.items():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with pdfplumber.open(io.BytesIO(data)) as document:
                expected = [[(c["text"], *(c[k] for k in keys)) for c in page.chars] for page in document.pages]
        got = [[(c["text"], *(c[k] for k in keys)) for c in o.chars] for o in _page_objects(data) if o is not None]
        assert [[c[0] for c in page] for page in got] == [[c[0] for c in page] for page in expected], name
        pairs = [(g, e) for gp, ep in zip(got, expected, strict=True) for g, e in zip(gp, ep, strict=True)]
        worst = max(abs(a - b) for g, e in pairs for a, b in zip(g[1:], e[1:], strict=True))
        assert worst == 0 if name in exact else worst < 1e-3, (name, worst)


def _edge_key(edge: dict[str, Any]) -> tuple[Any, ...]:
    """An edge to 1e-3 pt: PDFium's single precision is off by ~1e-5 under a scaled CTM (the form, 0.9)."""
    numbers = tuple(round(edge[k], 3) for k in ("x0", "x1", "top", "bottom", "width", "height"))
    return (edge["object_type"], edge["orientation"], *numbers)


def test_extract_cells_is_table_extract() -> None:
    """The fast path's cell text (bisection on the rows) is pdfplumber's `Table.extract()`, cell for cell."""
    import pdfplumber

    names = ["test_documents:report", "shape:lined_table", "shape:form_table", "shape:two_tables"]
    datas = [SAMPLES[name].data for name in names]
    if REAL_TABLES_PDF.exists():
        datas.append(REAL_TABLES_PDF.read_bytes())
    tables = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for data in datas:
            with pdfplumber.open(io.BytesIO(data)) as document:
                for page in document.pages:
                    for table in page.find_tables():
                        assert pdf.extract_cells(table, page.chars) == table.extract()
                        tables += 1
    assert tables >= 6


@pytest.mark.parametrize(
    "name",
    [
        "shape:rotated_text",
        "shape:rotated_page",
        "shape:offset_mediabox",
        "shape:line_end_hyphen",
        "shape:fake_bold",
        "shape:kerned_space",
        "test_documents:unmapped_font",
    ],
)
def test_pages_pdfium_would_read_otherwise_go_to_pdfminer(name: str) -> None:
    assert _page_objects(SAMPLES[name].data) == [None]


def test_image_pages_go_to_pdfminer() -> None:
    """pdfminer says whether a page without text is an image (a scan) or empty."""
    assert _page_objects(SAMPLES["shape:text_and_image"].data)[1] is None
    assert _page_objects(SAMPLES["test_documents:image_only"].data) == [None, None]


def test_a_failing_pdfium_page_is_read_by_pdfminer(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args: object) -> None:
        raise RuntimeError("PDFium stumbled")

    sample = SAMPLES["test_documents:report"]
    expected = _read(sample, fast=False)
    monkeypatch.setattr(_pdfium, "_page_objects", fail)
    assert _read(sample, fast=True) == expected


def test_threads_read_alike() -> None:
    """Attachments are read on Scrapy's thread pool; PDFium is used under one lock."""
    data = SAMPLES["test_documents:report"].data
    expected = pdf.read_pdf(data, fast=False)
    results: list[Any] = []

    def read() -> None:
        for _ in range(3):
            results.append(pdf.read_pdf(data))

    threads = [threading.Thread(target=read) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 12 and all(result == expected for result in results)


def test_record_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """What `gov-reports extract` makes of a PDF (document_report) does not depend on the parser."""
    from itemadapter import ItemAdapter

    from gov_reports.extract.documents.record import document_report

    data = SAMPLES["test_documents:report"].data
    clear_cache()
    fast, _ = document_report(data, url="file:///hulin.pdf", name="hulin.pdf")
    read_pdf = pdf.read_pdf
    monkeypatch.setattr(pdf, "read_pdf", lambda data, **kw: read_pdf(data, fast=False, **kw))
    clear_cache()
    slow, _ = document_report(data, url="file:///hulin.pdf", name="hulin.pdf")
    clear_cache()
    assert ItemAdapter(fast).asdict() == ItemAdapter(slow).asdict()
    assert fast.stats  # the statistics tables were read


@pytest.mark.skipif(
    not REAL_TABLES_PDF.exists(),
    reason="no real corpus (../shared/real-corpus beside the clone, or $GOV_REPORTS_REAL_CORPUS)",
)
def test_real_departmental_accounts_pdf() -> None:
    """24 real pages, 13 of them ruled tables: the same text and tables, and PDFium reads every page."""
    assert REAL_TABLES_PDF.name not in HOLDOUT
    sample = Sample(REAL_TABLES_PDF.read_bytes())
    fast = _read(sample, fast=True)
    assert fast == _read(sample, fast=False)
    assert fast.pages == 24 and fast.tables == 13
    pages = _page_objects(sample.data)
    assert all(objects is not None for objects in pages)
    assert sum(objects.ruled for objects in pages if objects is not None) == 13
