"""Bounded memory for every document type: each bomb is read in a subprocess whose peak RSS
(resource.getrusage: the reader's own, and RUSAGE_CHILDREN for Tesseract) must stay under 500 MB.

The bombs are built here (tests/support/faults/bombs.py): a 3 MB DOCX whose document.xml is 40 MB of empty
paragraphs, an XLSX sheet of the same, a 17 MB PDF of 120,000 pages, a 300 KB PNG of 256 million
pixels, a PDF page 5 m wide for the scanned-PDF renderer.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.faults import bombs
from tests.support.paths import ROOT

PEAK_RSS_LIMIT_MB = 500

READER = """
import json, resource, sys
kind, path = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
outcome = None
if kind == "document":
    from gov_reports.extract.documents import UnreadableDocument
    from gov_reports.extract.documents.record import document_report
    from gov_reports.extract.page import NotAReport
    try:
        record, _ = document_report(data, name=sys.argv[3])
        outcome = "record " + record.key
    except (UnreadableDocument, NotAReport) as error:
        outcome = error.reason
elif kind == "ocr":
    from gov_reports.extract.documents.ocr import verified_statistics
    outcome = verified_statistics([data]).reason
elif kind == "page":
    from gov_reports.extract.page import extract, NotAReport, Page
    try:
        record = extract(Page(data.decode("utf-8")))
        outcome = "expanded" if "lollol" in record.text else "not expanded"
    except NotAReport as error:
        outcome = error.reason
elif kind == "render":
    import struct
    from gov_reports.extract.documents.ocr import pdf_page_images
    sizes = [struct.unpack(">II", png[16:24]) for png in pdf_page_images(data)]  # IHDR: width, height
    outcome = "pixels " + ",".join(str(width * height) for width, height in sizes)
# This process's own peak: VmHWM belongs to the memory image exec made. ru_maxrss keeps the peak of the
# forked parent's copy across exec (Linux), i.e. the size of the pytest process that started this one.
try:
    status = open("/proc/self/status", encoding="ascii").read()
    own = int(status.split("VmHWM:")[1].split()[0]) // 1024
except (OSError, IndexError, ValueError):
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
print(json.dumps({"outcome": outcome, "self_mb": own, "children_mb": children}))
"""


def read_in_subprocess(tmp_path: Path, kind: str, data: bytes, name: str = "") -> dict:
    path = tmp_path / (name or "bomb")
    path.write_bytes(data)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", READER, kind, str(path), name],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def assert_bounded(measured: dict) -> None:
    peak = max(measured["self_mb"], measured["children_mb"])
    assert peak < PEAK_RSS_LIMIT_MB, measured


def test_docx_with_a_huge_document_xml_is_refused_within_bounded_memory(tmp_path: Path):
    data = bombs.docx_bomb(40_000_000)
    assert len(data) < 4_000_000  # passes the download limit and the zip-bomb ratio check (~13)
    measured = read_in_subprocess(tmp_path, "document", data, "report.docx")
    assert_bounded(measured)
    assert measured["outcome"] == "xml_too_large"


def test_xlsx_with_a_huge_sheet_is_refused_within_bounded_memory(tmp_path: Path):
    measured = read_in_subprocess(tmp_path, "document", bombs.xlsx_bomb(40_000_000), "table.xlsx")
    assert_bounded(measured)
    assert measured["outcome"] == "xml_too_large"


def test_pdf_with_120000_pages_is_refused_within_bounded_memory(tmp_path: Path):
    data = bombs.pdf_pages_bomb(120_000)
    assert len(data) < 30 * 1024 * 1024  # under GOV_REPORTS_ATTACHMENT_MAXSIZE
    measured = read_in_subprocess(tmp_path, "document", data, "report.pdf")
    assert_bounded(measured)
    assert measured["outcome"] == "too_many_pages"


@pytest.mark.skipif(not shutil.which("tesseract"), reason="tesseract is not installed")
def test_an_image_of_256_million_pixels_never_reaches_tesseract(tmp_path: Path):
    measured = read_in_subprocess(tmp_path, "ocr", bombs.png_bomb(16_000, 16_000), "table.png")
    assert_bounded(measured)
    assert measured["outcome"].startswith("no image could be read")


def test_a_huge_scanned_page_is_rendered_within_the_pixel_cap(tmp_path: Path):
    """A 14400-point page (5 m) at 216 dpi would be 1.9 billion pixels; it is rendered at the scale that fits."""
    measured = read_in_subprocess(tmp_path, "render", bombs.pdf_pages_bomb(1, size=14_400), "scan.pdf")
    assert_bounded(measured)
    [pixels] = measured["outcome"].removeprefix("pixels ").split(",")
    assert 40_000_000 < int(pixels) <= 50_000_000  # GOV_REPORTS_OCR_MAX_PIXELS, less rounding


@pytest.mark.parametrize(
    ("name", "build", "outcome"),
    [
        ("report.docx", bombs.laughs_docx, "corrupt_docx"),
        ("table.xlsx", bombs.laughs_xlsx, "corrupt_xlsx"),
    ],
)
def test_billion_laughs_in_office_xml_is_refused(tmp_path: Path, name: str, build, outcome: str):
    """Entities nested ten deep (10^9 "lol"s, 3 GB expanded): libxml2's amplification limit refuses the part."""
    measured = read_in_subprocess(tmp_path, "document", build(), name)
    assert_bounded(measured)
    assert measured["outcome"] == outcome


def test_billion_laughs_in_a_page_is_never_expanded(tmp_path: Path):
    measured = read_in_subprocess(tmp_path, "page", bombs.laughs_html().encode(), "page.html")
    assert_bounded(measured)
    assert measured["outcome"] == "not expanded"
