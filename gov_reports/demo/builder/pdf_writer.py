"""Just enough PDF to place CJK text and ruled tables: the test documents and the demo portal's PDFs.

The font is the standard CJK font STSong-Light, not embedded (pdfminer maps
its CIDs itself), so files stay a few KB and are byte-for-byte reproducible
(fixed file ID, no dates). Optional RC4 encryption (standard security
handler, revision 2) makes a password-protected file as real reports have.
"""

from __future__ import annotations

import hashlib
import re
import struct
from dataclasses import dataclass, field

_PAD = bytes.fromhex("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


@dataclass
class PdfPage:
    """Drawing operations of one A4 page (origin at the bottom left, like PDF itself)."""

    ops: list[str] = field(default_factory=list)
    image: bool = False
    scan: tuple[bytes, int, int] | None = None
    """(JPEG bytes, width, height) drawn across the page: a scanned page, or a table pasted as a picture."""
    forms: list[list[str]] = field(default_factory=list)
    """Drawing operations of form XObjects /Fm0, /Fm1, … that `ops` may draw (`/Fm0 Do`)."""
    mediabox: tuple[float, float, float, float] = (0, 0, 595, 842)
    rotate: int = 0

    def text(self, x: float, y: float, s: str, size: float = 10) -> None:
        self.ops.append(f"BT /F1 {size} Tf {x} {y} Td <{s.encode('utf-16-be').hex()}> Tj ET")

    def rect(self, x: float, y: float, w: float, h: float) -> None:
        self.ops.append(f"{x} {y} {w} {h} re S")

    def table(self, x: float, top: float, widths: list[float], rows: list[list[str | None]], h: float = 16) -> float:
        """Ruled cells; None continues the cell to its left (a horizontal merge). Returns the bottom y."""
        for r, row in enumerate(rows):
            y = top - (r + 1) * h
            c = 0
            while c < len(row):
                span = 1
                while c + span < len(row) and row[c + span] is None:
                    span += 1
                cx = x + sum(widths[:c])
                self.rect(cx, y, sum(widths[c : c + span]), h)
                if row[c]:
                    self.text(cx + 2, y + 4, str(row[c]), size=8)
                c += span
        return top - len(rows) * h


def make_pdf(pages: list[PdfPage], *, user_password: str | None = None, font: str = "cjk") -> bytes:
    """A PDF with the standard CJK font STSong-Light (not embedded: pdfminer maps CIDs itself).

    With `user_password`, the file is encrypted with the standard security
    handler (revision 2, RC4 40-bit), as a real password-protected report is.
    font="unmapped": an Identity-H font without ToUnicode, whose glyphs no
    reader can turn into text.
    """
    encoding, ordering = (b"UniGB-UCS2-H", b"GB1") if font == "cjk" else (b"Identity-H", b"Identity")
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")
    pages_obj = add(b"")
    font = add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /%s /DescendantFonts ["
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo "
        b"<< /Registry (Adobe) /Ordering (%s) /Supplement 2 >> /DW 1000 /FontDescriptor "
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 "
        b"/Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >> >> ] >>" % (encoding, ordering)
    )
    image = add(
        b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 "
        b"/Length 1 >>\nstream\n\x80\nendstream"
    )
    kids = []
    for page in pages:
        ops = list(page.ops)
        if page.image:
            ops.append("q 400 0 0 500 100 200 cm /Im1 Do Q")
        picture = image
        if page.scan is not None:
            jpeg, width, height = page.scan
            picture = add(
                b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n"
                % (width, height, len(jpeg))
                + jpeg
                + b"\nendstream"
            )
            shown = 555 * height / width
            ops.append(f"q 555 0 0 {shown:.2f} 20 {822 - shown:.2f} cm /Im1 Do Q")
        stream = "\n".join(ops).encode("ascii")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        forms = b""
        for number, form_ops in enumerate(page.forms):
            body = "\n".join(form_ops).encode("ascii")
            form = add(
                b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> "
                b"/Length %d >>\nstream\n" % (font, len(body)) + body + b"\nendstream"
            )
            forms += b" /Fm%d %d 0 R" % (number, form)
        box = " ".join(f"{v:g}" for v in page.mediabox).encode("ascii")
        rotate = b" /Rotate %d" % page.rotate if page.rotate else b""
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [%s]%s /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R >> /XObject << /Im1 %d 0 R%s >> >> >>"
                % (pages_obj, box, rotate, content, font, picture, forms)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    objects[pages_obj - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    file_id = hashlib.md5(b"gov-reports test").digest()
    trailer_extra = b""
    if user_password is not None:
        objects, encrypt = _encrypt(objects, user_password, file_id)
        trailer_extra = b" /Encrypt %d 0 R" % encrypt
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R /ID [<%s> <%s>]%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        file_id.hex().encode(),
        file_id.hex().encode(),
        trailer_extra,
        xref,
    )
    return bytes(out)


def _encrypt(objects: list[bytes], user: str, file_id: bytes) -> tuple[list[bytes], int]:
    """Standard security handler R2: owner/user entries and every stream RC4-encrypted."""
    padded_user = (user.encode("latin-1") + _PAD)[:32]
    owner_key = hashlib.md5((b"owner" + _PAD)[:32]).digest()[:5]
    o_entry = _rc4(owner_key, padded_user)
    permissions = -44
    key = hashlib.md5(padded_user + o_entry + struct.pack("<i", permissions) + file_id).digest()[:5]
    u_entry = _rc4(key, _PAD)
    encrypted = []
    for number, body in enumerate(objects, start=1):
        object_key = hashlib.md5(key + struct.pack("<i", number)[:3] + b"\x00\x00").digest()[:10]
        if b"\nstream\n" in body:
            head, rest = body.split(b"\nstream\n", 1)
            stream = rest[: -len(b"\nendstream")]
            body = head + b"\nstream\n" + _rc4(object_key, stream) + b"\nendstream"
        else:  # strings are encrypted too (the font's (Adobe) (GB1))
            body = re.sub(rb"\(([^()]*)\)", lambda m, k=object_key: b"<" + _rc4(k, m[1]).hex().encode() + b">", body)
        encrypted.append(body)
    encrypted.append(
        b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>"
        % (o_entry.hex().encode(), u_entry.hex().encode(), permissions)
    )
    return encrypted, len(encrypted)
