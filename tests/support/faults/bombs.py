"""Small files that would take gigabytes to read: built by the memory tests, never stored."""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"'
    ' Target="{target}"/></Relationships>'
)


def _dense_elements(size: int, element: str, attribute: str) -> bytes:
    """`size` bytes of one tiny element repeated, every tenth with a random attribute (a ratio of ~40, not ~1000)."""
    rng = random.Random(15)
    pieces, total, plain = [], 0, f"<{element}/>"
    while total < size:
        piece = f'<{element} {attribute}="{rng.getrandbits(32):08X}"/>' if len(pieces) % 10 == 0 else plain
        pieces.append(piece)
        total += len(piece)
    return "".join(pieces).encode()


def docx_bomb(xml_bytes: int = 40_000_000) -> bytes:
    """A DOCX whose document.xml is `xml_bytes` of empty paragraphs: one lxml element per 6 bytes."""
    body = _dense_elements(xml_bytes, "w:p", "w:rsidR")
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>'.encode()
    document += body + b"</w:body></w:document>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS.format(target="word/document.xml"))
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


def xlsx_bomb(xml_bytes: int = 40_000_000) -> bytes:
    """An XLSX whose one sheet is `xml_bytes` of empty rows."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    workbook = (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{rel}">'
        '<sheets><sheet name="表三" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    workbook_rels = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    )
    sheet = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}"><sheetData>'.encode()
    sheet += _dense_elements(xml_bytes, "row", "spans") + b"</sheetData></worksheet>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS.format(target="xl/workbook.xml"))
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", workbook_rels)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return buffer.getvalue()


def pdf_pages_bomb(pages: int = 120_000, *, size: float = 100.0) -> bytes:
    """A PDF of `pages` pages sharing one content stream (~145 bytes a page), each `size` points square."""
    content = b"BT /F1 12 Tf 10 10 Td (x) Tj ET"
    objects = {
        1: b"<</Type/Catalog/Pages 2 0 R>>",
        3: b"<</Length %d>>stream\n%s\nendstream" % (len(content), content),
        4: b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
    }
    page = b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 %g %g]/Resources<</Font<</F1 4 0 R>>>>/Contents 3 0 R>>"
    for number in range(5, 5 + pages):
        objects[number] = page % (size, size)
    kids = b" ".join(b"%d 0 R" % n for n in range(5, 5 + pages))
    objects[2] = b"<</Type/Pages/Count %d/Kids[%s]>>" % (pages, kids)
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref, count = len(out), max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % count
    out += b"".join(b"%010d 00000 n \n" % offsets[n] for n in range(1, count))
    out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (count, xref)
    return bytes(out)


def png_bomb(width: int = 16_000, height: int = 16_000) -> bytes:
    """An 8-bit grayscale PNG of white pixels: ~300 KB declaring `width`×`height` (256 MB decoded)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" + b"\xff" * width
    compressor = zlib.compressobj(9)
    idat = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


LAUGHS_DTD = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    + "]>"
)
"""Billion laughs: &lol9; expands to 10^9 "lol"s (3 GB) if entities are expanded."""


def laughs_docx() -> bytes:
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?>{LAUGHS_DTD}<w:document xmlns:w="{W}"><w:body>'
        "<w:p><w:r><w:t>哈尔滨市人民政府2020年政府信息公开工作年度报告</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS.format(target="word/document.xml"))
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


def laughs_xlsx() -> bytes:
    data = xlsx_bomb(100)
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in source.namelist():
            content = source.read(name)
            if name == "xl/worksheets/sheet1.xml":
                main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
                content = (
                    f'<?xml version="1.0" encoding="UTF-8"?>{LAUGHS_DTD}<worksheet xmlns="{main}"><sheetData>'
                    '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>'
                ).encode()
            archive.writestr(name, content)
    return buffer.getvalue()


def laughs_html() -> str:
    return (
        f'<?xml version="1.0"?>{LAUGHS_DTD}<html><head><title>哈尔滨市人民政府2020年政府信息公开工作年度报告</title>'
        "</head><body><p>本报告所列数据统计期限为2020年1月1日至12月31日。主动公开政府信息&lol9;条，依申请公开5件。</p>"
        "</body></html>"
    )
