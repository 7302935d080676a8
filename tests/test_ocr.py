"""Tables as images: Tesseract OCR, numbers kept only when the 勾稽关系 pass.

The table image is rendered here with Pillow and a CJK font (fonts-wqy-zenhei
or fonts-noto-cjk, .ci/packages/ocr.txt); the tests skip when tesseract with
chi_sim or the font is missing (CI installs them).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from gov_reports.extract.documents.ocr import _digits_in_number_cells, ocr_available, verified_statistics
from tests.test_documents import APPLICANT_COLUMNS, APPLICATIONS

FONTS = (
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
)
FONT = next((f for f in FONTS if f.exists()), None)
needs_ocr = pytest.mark.skipif(
    not ocr_available("chi_sim") or FONT is None,
    reason="needs tesseract with chi_sim and a CJK font (apt: tesseract-ocr tesseract-ocr-chi-sim fonts-wqy-zenhei)",
)


def table_image(rows: tuple = APPLICATIONS) -> bytes:
    """Table 三 as a screenshot: one line per row, the label then the seven numbers in columns."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), 18)
    lines = [["", *APPLICANT_COLUMNS]]
    for group, sub, label, numbers in rows:
        name = group if sub is None else (f"{sub}{label}" if label else sub)
        lines.append([name, *map(str, numbers)])
    image = Image.new("L", (1150, 28 * len(lines) + 20), 255)
    draw = ImageDraw.Draw(image)
    for r, line in enumerate(lines):
        y = 10 + r * 28
        draw.text((10, y), line[0][:30], font=font, fill=0)
        for c, value in enumerate(line[1:]):
            draw.text((600 + c * 75, y), value, font=font, fill=0)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


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
