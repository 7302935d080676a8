"""Tables as images: Tesseract OCR, numbers kept only when the 勾稽关系 pass.

The table image is rendered by tests/support/table_images.py with Pillow and a CJK font (fonts-wqy-zenhei
or fonts-noto-cjk, .ci/packages/ocr.txt); the tests skip when tesseract with
chi_sim or the font is missing (CI installs them).
"""

from __future__ import annotations

import pytest

from gov_reports.extract.documents.ocr import _digits_in_number_cells, ocr_available, verified_statistics
from gov_reports.extract.documents.record import document_report
from tests.support.documents import APPLICATIONS
from tests.support.table_images import FONT, scanned_report_pdf, table_image

needs_ocr = pytest.mark.skipif(
    not ocr_available() or FONT is None,
    reason="needs tesseract with chi_sim and a CJK font (apt: tesseract-ocr tesseract-ocr-chi-sim fonts-wqy-zenhei)",
)


@needs_ocr
def test_ocr_numbers_that_pass_the_checks_are_kept() -> None:
    result = verified_statistics([table_image()], year=2020)
    assert result.verified, (result.reason, result.text)
    applications = result.stats["applications"]
    assert [applications[row]["total"] for row in ("new", "carried_over", "total", "carried_forward")] == [16, 2, 16, 2]
    assert applications["unable_not_held"]["natural_person"] == 2
    assert all(c["ok"] for c in result.checks if c["name"].startswith("applications_"))


@needs_ocr
def test_ocr_numbers_that_fail_the_checks_are_not_presented() -> None:
    # The printed 总计 row disagrees with the rows above it: whatever OCR reads, it cannot be vouched for.
    wrong_total = (12, 3, 0, 0, 1, 0, 61)
    rows = tuple((g, s, label, wrong_total if s == "（七）总计" else n) for g, s, label, n in APPLICATIONS)
    result = verified_statistics([table_image(rows)], year=2020)
    assert not result.verified and result.stats is None and result.summary == {}
    assert "checks not passed" in result.reason and "61" in result.text


@needs_ocr
def test_an_unreadable_picture_is_no_numbers() -> None:
    result = verified_statistics([b"\x89PNG\r\n\x1a\n broken"], year=2020)
    assert not result.verified and result.stats is None


def test_lookalike_digits_are_mapped_only_in_number_cells() -> None:
    line = "（五）不予处理1.信访举报投诉类申请\t工\t0\tO\t10\t工作\tl"
    assert _digits_in_number_cells(line) == "（五）不予处理1.信访举报投诉类申请\t1\t0\t0\t10\t工作\t1"


@needs_ocr
def test_scanned_pdf_attachment_is_read_and_its_numbers_verified() -> None:
    record, document = document_report(scanned_report_pdf(), url="http://x.gov.cn/P0.pdf", name="P0.pdf")
    assert (document.kind, document.image_only_pages, document.notes) == ("pdf", 1, ["ocr:tesseract"])
    assert record.key == "虎林市人民政府|2020"
    assert {"from_attachment", "tables_as_images", "text_from_ocr", "stats_from_ocr"} <= set(record.flags)
    assert record.summary["applications_new"] == 16 and record.summary["applications_carried_over"] == 2


@needs_ocr
def test_scanned_pdf_with_numbers_that_fail_the_checks_presents_none() -> None:
    wrong_total = (12, 3, 0, 0, 1, 0, 61)
    rows = tuple((g, s, label, wrong_total if s == "（七）总计" else n) for g, s, label, n in APPLICATIONS)
    record, _ = document_report(scanned_report_pdf(rows), url="http://x.gov.cn/P0.pdf", name="P0.pdf")
    assert record.key == "虎林市人民政府|2020"
    assert "ocr_unverified" in record.flags and "stats_from_ocr" not in record.flags
    assert (record.stats, record.summary, record.checks) == (None, {}, [])


def test_images_are_read_side_by_side_in_their_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each picture is OCR'd by its own tesseract at the same time; the text keeps the pictures' order, and a
    picture tesseract cannot read (or gets stuck on) is counted, not fatal."""
    import threading

    from gov_reports.extract.documents import ocr

    running = threading.Barrier(4, timeout=10)  # broken (and the test failing) if the pictures go one by one

    def lines(image: bytes, *, lang: str, max_pixels: int) -> list[str]:
        running.wait()
        if image == b"broken":
            raise OSError("tesseract failed")
        if image == b"stuck":
            raise ocr.subprocess.TimeoutExpired("tesseract", 60)  # what subprocess.run raises on its timeout
        return [image.decode(), image.decode() + "!"]

    monkeypatch.setattr(ocr, "ocr_lines", lines)
    monkeypatch.setattr(ocr.os, "cpu_count", lambda: 4)
    monkeypatch.setattr(ocr, "_POOL", None)  # a pool of 4 for this test, whatever the machine has
    images = [b"third", b"broken", b"stuck", b"first"]
    assert ocr.ocr_images(images) == [["third", "third!"], None, None, ["first", "first!"]]
    result = verified_statistics(images)
    assert result.text == "third\nthird!\nfirst\nfirst!"
    assert not result.verified


def test_a_scan_without_tesseract_waits_for_it_as_a_missing_converter(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without Tesseract a scanned PDF is skipped as `converter_missing`, the reason the incremental crawl
    retries (RETRYABLE_READ_REASONS) until a converter is installed, as for a DOC."""
    from gov_reports.crawl.downloader.incremental import RETRYABLE_READ_REASONS
    from gov_reports.demo.builder.pdf_writer import PdfPage, make_pdf
    from gov_reports.extract.documents import UnreadableDocument
    from gov_reports.extract.documents import record as document_record

    monkeypatch.setattr(document_record, "ocr_available", lambda *args: False)
    with pytest.raises(UnreadableDocument) as caught:
        document_report(make_pdf([PdfPage(image=True), PdfPage(image=True)]), url="http://x.gov.cn/P0.pdf")
    assert caught.value.reason == "converter_missing" and "tesseract-ocr" in caught.value.detail
    assert caught.value.reason in RETRYABLE_READ_REASONS


def test_ocr_turned_off_skips_a_scan_without_reading_it() -> None:
    """GOV_REPORTS_OCR_ENABLED off reaches the attachment step too: a scan is skipped as image_only_pdf."""
    from scrapy.utils.test import get_crawler

    from gov_reports.crawl import settings as project_settings
    from gov_reports.crawl.pipelines.attachments import AttachmentExtractionPipeline
    from gov_reports.demo.builder.pdf_writer import PdfPage, make_pdf
    from gov_reports.extract.documents import UnreadableDocument

    names = {name: getattr(project_settings, name) for name in dir(project_settings) if name.isupper()}
    assert AttachmentExtractionPipeline.from_crawler(get_crawler(settings_dict=names)).ocr
    off = AttachmentExtractionPipeline.from_crawler(
        get_crawler(settings_dict={**names, "GOV_REPORTS_OCR_ENABLED": False})
    )
    assert not off.ocr
    with pytest.raises(UnreadableDocument) as caught:
        document_report(make_pdf([PdfPage(image=True)]), url="http://x.gov.cn/P0.pdf", ocr=False)
    assert caught.value.reason == "image_only_pdf"


def test_pages_ocrd_at_once_share_one_tesseract_per_cpu(monkeypatch: pytest.MonkeyPatch) -> None:
    """The crawl reads several pages in threads; together they run no more tesseracts than there are CPUs."""
    import threading
    import time

    from gov_reports.extract.documents import ocr

    lock, running, most = threading.Lock(), [0], [0]

    def lines(image: bytes, *, lang: str, max_pixels: int) -> list[str]:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.02)
        with lock:
            running[0] -= 1
        return [image.decode()]

    monkeypatch.setattr(ocr, "ocr_lines", lines)
    monkeypatch.setattr(ocr.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(ocr, "_POOL", None)
    results: list[list[list[str] | None]] = []
    pages = [threading.Thread(target=lambda: results.append(ocr.ocr_images([b"a", b"b", b"c"]))) for _ in range(4)]
    for page in pages:
        page.start()
    for page in pages:
        page.join(timeout=10)
    assert results == [[["a"], ["b"], ["c"]]] * 4
    assert most[0] == 2
