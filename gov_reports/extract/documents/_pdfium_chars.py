"""A page's characters as pdfminer computes them (text, box, upright), from PDFium's glyphs and fonts."""

from __future__ import annotations

import ctypes
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from gov_reports.extract.documents._pdfium_walk import STANDARD_14, address

# --- Characters ---------------------------------------------------------------------------------

_SAME_PLACE = 1e-3
"""Points within which two PDFium origins are one place."""
_GENERATED = frozenset((0x20, 0x0A, 0x0D))
"""The characters PDFium generates (word gaps and line breaks it infers): only they can be generated."""
_WIDTH_TOLERANCE = 0.01
"""Points PDFium's box width and the font's advance width may differ by and be the same width."""


@dataclass(slots=True)
class _Font:
    """What pdfminer measures a font's glyphs with, as PDFium reports it."""

    handle: Any
    descent: float
    """/Descent in 1/1000 em, made negative as pdfminer does."""
    embedded: bool
    widths: dict[int, float | None] = field(default_factory=dict)
    """Unicode → advance width in 1/1000 em (None: PDFium finds no glyph for it)."""

    def width(self, code: int) -> float | None:
        import pypdfium2.raw as pdfium_c

        if code not in self.widths:
            width = ctypes.c_float()
            found = pdfium_c.FPDFFont_GetGlyphWidth(self.handle, code, ctypes.c_float(1000.0), width)
            self.widths[code] = width.value if found else None
        return self.widths[code]


def _font(handle: Any) -> _Font | None:
    """The font, or None when pdfminer measures it otherwise than from the PDF (built-in metrics, Type 3)."""
    import pypdfium2.raw as pdfium_c

    size = pdfium_c.FPDFFont_GetBaseFontName(handle, None, 0)
    name_buffer = ctypes.create_string_buffer(max(size, 1))
    pdfium_c.FPDFFont_GetBaseFontName(handle, name_buffer, size)
    name = name_buffer.value.decode("latin-1")
    if not name or name in STANDARD_14 or name.partition("+")[2] in STANDARD_14:
        return None
    descent = ctypes.c_float()
    if not pdfium_c.FPDFFont_GetDescent(handle, ctypes.c_float(1000.0), descent):
        return None
    # pdfminer makes a positive /Descent negative (PScript5 writes them so).
    units = -descent.value if descent.value > 0 else descent.value
    return _Font(handle, units, bool(pdfium_c.FPDFFont_GetIsEmbedded(handle)))


@dataclass(slots=True)
class _TextObject:
    """What every character of a text object shares."""

    order: int
    """Place in the content stream."""
    a: float
    d: float
    """The character matrix's horizontal and vertical scale (text matrix x CTM; a includes Tz)."""
    font_size: float
    descent: float
    """Font size x descent: pdfminer's font.get_descent() * fontsize."""
    font: _Font


def _text_object(
    text_page: Any, index: int, obj: Any, order: int, fonts: dict[int, _Font | None]
) -> _TextObject | None:
    """The text object of character `index`, or None when pdfminer would measure it otherwise."""
    import pypdfium2.raw as pdfium_c

    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFText_GetMatrix(text_page, index, m):
        return None
    # pdfminer's upright, unrotated text: only then is its box the one `chars` computes.
    if m.b != 0 or m.c != 0 or m.a <= 0 or m.d <= 0:
        return None
    handle = pdfium_c.FPDFTextObj_GetFont(obj)
    if not handle:
        return None
    key = address(handle)
    if key not in fonts:
        fonts[key] = _font(handle)
    font = fonts[key]
    if font is None:
        return None
    font_size = pdfium_c.FPDFText_GetFontSize(text_page, index)
    # pdfminer: font.get_descent() * fontsize, get_descent() being /Descent * 0.001.
    return _TextObject(order, m.a, m.d, font_size, font.descent * 0.001 * font_size, font)


def _advance_end(info: _TextObject, code: int, origin: float, loose_right: float) -> float | None:
    """pdfminer's x1 of a character: origin + matrix a x advance, the advance from the font's widths.

    PDFium's loose box ends at the glyph's advance too, but for a font that is
    not embedded it measures the substitute font's glyphs (情 1024/1000 em in
    STSong-Light, whose PDF widths are 1000): there the font's width for the
    character is taken (PDFium maps the character back to its code, the way
    pdfminer looked the width up). For an embedded font the two agree; when
    they do not (a character two codes map to), nothing says which one
    pdfminer used, and the page goes to pdfminer.
    """
    units = info.font.width(code)
    if units is not None:
        # pdfminer: a * (textwidth * fontsize * scaling) + e, textwidth = width * 0.001 (Tz is in PDFium's a).
        end = info.a * (units * 0.001 * info.font_size) + origin
        if not info.font.embedded or abs(end - loose_right) <= _WIDTH_TOLERANCE:
            return end
    return loose_right if units is None and info.font.embedded else None


def page_chars(raw_page: Any, text_objects: dict[int, int], page: Any) -> list[dict[str, Any]] | None:
    """The page's characters as pdfplumber's `page.chars` has them (the keys its text and table code read).

    A character's box is pdfminer's: the origin, the advance width, the font
    size and the font's descent (pdfminer makes every glyph as tall as the
    font size), in pdfplumber's top-down coordinates. The characters are put
    in content-stream order (PDFium reorders a line's text objects), which
    only decides ties between characters at the same x.
    """
    import pypdfium2.raw as pdfium_c

    text_page = pdfium_c.FPDFText_LoadPage(raw_page)
    if not text_page:
        return None
    # Looked up once: a page has hundreds of characters and PDFium is called ~6 times for each.
    get_unicode = pdfium_c.FPDFText_GetUnicode
    is_generated = pdfium_c.FPDFText_IsGenerated
    unmapped = pdfium_c.FPDFText_HasUnicodeMapError
    text_object = pdfium_c.FPDFText_GetTextObject
    char_origin = pdfium_c.FPDFText_GetCharOrigin
    loose_box = pdfium_c.FPDFText_GetLooseCharBox
    bidirectional = unicodedata.bidirectional
    try:
        height = page.height
        mediabox_top = page.mediabox[1]
        doctop = page.initial_doctop
        origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
        box = pdfium_c.FS_RECTF()
        objects: dict[int, _TextObject | None] = {}
        fonts: dict[int, _Font | None] = {}
        ordered: list[tuple[int, int, dict[str, Any]]] = []
        kerned_at: float | None = None
        for index in range(pdfium_c.FPDFText_CountChars(text_page)):
            code = get_unicode(text_page, index)
            if code in _GENERATED and is_generated(text_page, index):
                # PDFium's own spaces and line breaks; pdfplumber works word gaps out itself. A space
                # PDFium generates inside a text object (for a kerning gap) stands at the origin of
                # the glyph after the gap; if that glyph was a space, PDFium deletes it (two spaces in
                # a row), and pdfminer's would have split the words: the next glyph is then elsewhere.
                kerned_at = None
                if code == 0x20 and text_object(text_page, index) and char_origin(text_page, index, origin_x, origin_y):
                    kerned_at = origin_x.value
                continue
            # 0: no text; 2: a line-end hyphen PDFium rewrote (its kHyphen characters read U+0002).
            if code in (0, 2) or unmapped(text_page, index):
                return None
            text = chr(code)
            if bidirectional(text) in ("R", "AL"):
                return None
            obj = text_object(text_page, index)
            key = address(obj)
            if key not in objects:
                order = text_objects.get(key)
                objects[key] = None if order is None else _text_object(text_page, index, obj, order, fonts)
            info = objects[key]
            if info is None:
                return None
            if not char_origin(text_page, index, origin_x, origin_y) or not loose_box(text_page, index, box):
                return None
            if kerned_at is not None and abs(origin_x.value - kerned_at) > _SAME_PLACE:
                return None  # a space after a kerning gap was deleted
            kerned_at = None
            # pdfminer's LTChar: bbox (0, descent, adv, descent + size) through the character's matrix.
            x0 = origin_x.value
            x1 = _advance_end(info, code, x0, box.right)
            if x1 is None:
                return None
            if x1 < x0:
                x0, x1 = x1, x0
            y0 = info.d * info.descent + origin_y.value
            y1 = info.d * (info.descent + info.font_size) + origin_y.value
            top = (height - y1) + mediabox_top
            char = {
                "object_type": "char",
                "text": text,
                "x0": x0,
                "x1": x1,
                "top": top,
                "bottom": (height - y0) + mediabox_top,
                "doctop": doctop + top,
                "upright": True,
            }
            ordered.append((info.order, index, char))
        if len(objects) != len(text_objects):  # a text object PDFium dropped (copy, empty): pdfminer has it
            return None
    finally:
        pdfium_c.FPDFText_ClosePage(text_page)
    ordered.sort(key=lambda item: (item[0], item[1]))
    return [char for _, _, char in ordered]
