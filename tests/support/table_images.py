"""Tables as pictures for the OCR tests: table 三 of the 虎林市 report as a PNG, and a one-page scanned PDF.

Drawn with Pillow and a CJK font (fonts-wqy-zenhei or fonts-noto-cjk, .ci/packages/ocr.txt); FONT is None
where neither is installed, and the tests that need it skip.
"""

from __future__ import annotations

import io
from pathlib import Path

from gov_reports.demo.builder.pdf_writer import PdfPage, make_pdf
from tests.support.documents import APPLICANT_COLUMNS, APPLICATIONS

FONTS = (
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
)
FONT = next((f for f in FONTS if f.exists()), None)


def table_image(rows: tuple = APPLICATIONS, scale: float = 1.0) -> bytes:
    """Table 三 as a screenshot: one line per row, the label then the seven numbers in columns."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), round(18 * scale))
    lines = [["", *APPLICANT_COLUMNS]]
    for group, sub, label, numbers in rows:
        name = group if sub is None else (f"{sub}{label}" if label else sub)
        lines.append([name, *map(str, numbers)])
    image = Image.new("L", (round(1150 * scale), round((28 * len(lines) + 20) * scale)), 255)
    draw = ImageDraw.Draw(image)
    for r, line in enumerate(lines):
        y = round((10 + r * 28) * scale)
        draw.text((10, y), line[0][:30], font=font, fill=0)
        for c, value in enumerate(line[1:]):
            draw.text((round((600 + c * 75) * scale), y), value, font=font, fill=0)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def scanned_report_pdf(rows: tuple = APPLICATIONS) -> bytes:
    """A one-page scan: title, the 统计期限 sentence, headings, table 三, the signature — all pixels."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), 27)
    table = Image.open(io.BytesIO(table_image(rows, scale=1.5)))
    lines = [
        "虎林市2020年政府信息公开工作年度报告",
        "本报告中所列数据统计期限为2020年1月1日至12月31日。",
        "一、总体情况",
        "全市依法推进政府信息公开工作。",
        "三、收到和处理政府信息公开申请情况",
    ]
    page = Image.new("L", (table.width, table.height + 60 * len(lines) + 180), 255)
    draw = ImageDraw.Draw(page)
    for i, line in enumerate(lines):
        draw.text((15, 15 + 60 * i), line, font=font, fill=0)
    page.paste(table, (0, 60 * len(lines) + 15))
    draw.text((15, page.height - 135), "五、存在的主要问题及改进情况", font=font, fill=0)
    draw.text((1200, page.height - 75), "虎林市人民政府", font=font, fill=0)
    out = io.BytesIO()
    page.save(out, "JPEG", quality=92)
    return make_pdf([PdfPage(scan=(out.getvalue(), page.width, page.height))])
