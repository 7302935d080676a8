"""A PDF page as PDFium (pypdfium2) reads it, in the shapes pdfplumber's own code takes.

pdfplumber parses content streams with pdfminer, in pure Python: ~40-60 ms a
page of a real report. PDFium parses them in C++ in a few. This module turns
PDFium's objects into what pdfplumber builds from pdfminer's: characters
(`page.chars`: text, box, upright) and table edges (`page.edges`: from
pdfminer's lines, rectangles and curves), so that pdfplumber's word, line and
table code runs on them unchanged (`gov_reports.extract.documents.pdf`).

Each value is computed with pdfminer's formula, in the same order, from the
numbers PDFium holds (origins, matrices, font sizes, /Descent, /W widths, path
points). PDFium holds them in single precision, so they are pdfminer's bit
for bit where the file's numbers are exact in single precision (integers,
halves: the project's generated PDFs), and within ~1e-4 pt otherwise (the
real 部门决算 PDF). Where PDFium is known to see a page otherwise than
pdfminer, `PdfiumDocument.page_objects` returns None and the caller reads the
page with pdfminer, as before:

- a rotated page, or a MediaBox not at the origin (other coordinate systems);
- a page without text (image-only or empty: pdfminer says which);
- rotated, mirrored or right-to-left text (PDFium reorders right-to-left runs);
- a glyph without a Unicode mapping (pdfminer writes 「(cid:N)」, which the
  reader counts), a line-end hyphen PDFium rewrote, ActualText (PDFium
  substitutes it);
- a font pdfminer measures with its built-in metrics (the standard 14 and
  their aliases) or without a name (Type 3), and an embedded font whose
  width for a character PDFium reports two ways (`_advance_end`);
- a text object PDFium dropped (as empty, or as a copy of the one drawn just
  before: fake bold), which pdfminer keeps;
- a real space PDFium deleted after a space it generated for a kerning gap
  (pdfminer's space would split the words where the gap alone may not); a
  second space in a row it deletes too, which changes nothing: one splits;
- a path that does not start with a move, forms nested deeper than 16.

Left, because PDFium does not show it: PDFium also drops a *glyph* drawn
again at nearly the same place within seven glyphs of one line, which
pdfminer keeps twice; pdfminer ignores the obsolete fill operator `F`, PDFium
paints it; and a gap within 1e-4 pt of one of pdfplumber's thresholds (word
gap 3 pt, line clustering 3 pt, snapping 3 pt, a cell's edge) can fall on the
other side. The tests (tests/unit/test_pdf_reader.py) and bench/pdf_speed.py
check that none of this happens on any PDF the project has.
"""

from __future__ import annotations

import ctypes
import itertools
import unicodedata
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from gov_reports.extract.documents._common import PDFIUM_LOCK

RULE_TOLERANCE = 0.5
"""Points a path piece may be off the horizontal/vertical and still count as a rule. pdfplumber
takes exactly axis-aligned pieces only (and any 2-point line that is not horizontal as vertical);
PDFium's coordinates are off by far less, so the count never misses a piece pdfplumber would use."""
MIN_RULES = 3
"""Horizontal and vertical rules a ruled table of 2 rows x 2 columns needs at least."""
_MAX_FORM_DEPTH = 16
_STANDARD_14 = frozenset(
    {
        "Courier",
        "Courier-Bold",
        "Courier-BoldOblique",
        "Courier-Oblique",
        "Helvetica",
        "Helvetica-Bold",
        "Helvetica-BoldOblique",
        "Helvetica-Oblique",
        "Symbol",
        "Times-Bold",
        "Times-BoldItalic",
        "Times-Italic",
        "Times-Roman",
        "ZapfDingbats",
        "Arial",
        "Arial,Bold",
        "Arial,BoldItalic",
        "Arial,Italic",
        "CourierNew",
        "CourierNew,Bold",
        "CourierNew,BoldItalic",
        "CourierNew,Italic",
        "TimesNewRoman",
        "TimesNewRoman,Bold",
        "TimesNewRoman,BoldItalic",
        "TimesNewRoman,Italic",
    }
)
"""Font names pdfminer measures with its built-in AFM metrics (pdfminer.fontmetrics) instead of the
PDF's font dictionary (PDFium measures them with its own font files); subset-tagged names too."""

Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass(slots=True)
class PageObjects:
    """A page's characters and (when it has rules enough for a table) its edges, pdfplumber-shaped.

    Also the `page` that pdfplumber's `TableFinder` and `Table.extract` read
    (they use `.edges` and `.chars` only).
    """

    chars: list[dict[str, Any]]
    edges: list[dict[str, Any]] = field(default_factory=list)
    ruled: bool = False
    """Enough horizontal and vertical rules for a ruled table: the table reader runs on the page."""


class PdfiumDocument:
    """A PDF opened by PDFium, read page by page; every PDFium call holds `PDFIUM_LOCK`.

    When PDFium cannot open the file or counts other pages than pdfminer
    (`expected_pages`), every page is pdfminer's (`page_objects` is None).
    Pages and the document are closed explicitly, under the lock: pypdfium2
    would otherwise close them when they are collected, on whatever thread.
    """

    def __init__(self, data: bytes, expected_pages: int) -> None:
        import pypdfium2

        self._document: Any = None
        with PDFIUM_LOCK:
            try:
                self._document = pypdfium2.PdfDocument(data)
            except Exception:  # pdfminer opened it: pdfplumber reads every page, as before
                return
            if len(self._document) != expected_pages:
                self._close()

    def page_objects(self, index: int, page: Any) -> PageObjects | None:
        """Page `index` as `PageObjects` (`page`: pdfplumber's page, for its geometry), or None."""
        if self._document is None or page.rotation or page.mediabox[0] or page.mediabox[1]:
            return None
        with PDFIUM_LOCK:
            pdfium_page = self._document[index]
            try:
                return _page_objects(pdfium_page.raw, page)
            finally:
                pdfium_page.close()

    def close(self) -> None:
        with PDFIUM_LOCK:
            self._close()

    def _close(self) -> None:
        if self._document is not None:
            self._document.close()
            self._document = None

    def __enter__(self) -> PdfiumDocument:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _page_objects(raw_page: Any, page: Any) -> PageObjects | None:
    walk = walk_page(raw_page)
    if walk is None or not walk.text_objects:
        return None
    chars = _chars(raw_page, walk.text_objects, page)
    if not chars:
        return None
    subpaths = [subpath for path, matrix in walk.paths for subpath in _subpaths(path, matrix)]
    if not has_rules(subpaths):
        return PageObjects(chars)
    return PageObjects(chars, _edges(subpaths, page), ruled=True)


def _address(pointer: Any) -> int:
    """The address a ctypes pointer holds (a dict key: PDFium hands out the same pointer for an object)."""
    return ctypes.c_void_p.from_buffer(pointer).value or 0


def _then(first: Matrix, second: Matrix) -> Matrix:
    """The matrix that applies `first`, then `second` (PDF's row-vector convention)."""
    a1, b1, c1, d1, e1, f1 = first
    a2, b2, c2, d2, e2, f2 = second
    return (
        a1 * a2 + b1 * c2,
        a1 * b2 + b1 * d2,
        c1 * a2 + d1 * c2,
        c1 * b2 + d1 * d2,
        e1 * a2 + f1 * c2 + e2,
        e1 * b2 + f1 * d2 + f2,
    )


def _object_matrix(obj: Any) -> Matrix:
    import pypdfium2.raw as pdfium_c

    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
        raise ValueError("page object without a matrix")
    return (m.a, m.b, m.c, m.d, m.e, m.f)


@dataclass(slots=True)
class PageWalk:
    """A page's text objects and paths, in content-stream order (forms entered where drawn)."""

    text_objects: dict[int, int] = field(default_factory=dict)
    """Text object address → order in the content stream (pdfminer's character order)."""
    paths: list[tuple[Any, Matrix]] = field(default_factory=list)
    """Path objects with their matrix to page space (forms' matrices included)."""


def walk_page(raw_page: Any) -> PageWalk | None:
    """The page's objects as pdfminer meets them (forms entered where they are drawn), or None.

    None for ActualText and for forms nested deeper than anyone draws them.
    """
    import pypdfium2.raw as pdfium_c

    walk = PageWalk()

    def visit(count: int, get: Any, matrix: Matrix, depth: int) -> bool:
        for index in range(count):
            obj = get(index)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
                if _has_actual_text(obj):
                    return False
                walk.text_objects[_address(obj)] = len(walk.text_objects)
            elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                walk.paths.append((obj, _then(_object_matrix(obj), matrix)))
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                if depth >= _MAX_FORM_DEPTH:
                    return False
                inner = _then(_object_matrix(obj), matrix)
                form_count = pdfium_c.FPDFFormObj_CountObjects(obj)
                if not visit(form_count, partial(pdfium_c.FPDFFormObj_GetObject, obj), inner, depth + 1):
                    return False
        return True

    count = pdfium_c.FPDFPage_CountObjects(raw_page)
    if not visit(count, partial(pdfium_c.FPDFPage_GetObject, raw_page), _IDENTITY, 0):
        return None
    return walk


def _has_actual_text(obj: Any) -> bool:
    import pypdfium2.raw as pdfium_c

    for index in range(pdfium_c.FPDFPageObj_CountMarks(obj)):
        mark = pdfium_c.FPDFPageObj_GetMark(obj, index)
        if pdfium_c.FPDFPageObjMark_GetParamValueType(mark, b"ActualText") != pdfium_c.FPDF_OBJECT_UNKNOWN:
            return True
    return False


# --- Paths: pdfminer's lines, rectangles and curves, and pdfplumber's edges ---------------------

Subpath = tuple[str, list[Point]]
"""pdfminer's view of one subpath: its operators ('m', 'l', 'c', 'h') and their end points
(a curve's control points are not among them; 'h' stands at the subpath's start)."""


def _subpaths(path: Any, matrix: Matrix) -> list[Subpath]:
    """A PDFium path's subpaths as pdfminer records them, in page space.

    PDFium lists a path as points: a move, lines, curves as three points each
    (two control points, then the end), with a close flag on the last point
    of a closed subpath, which for `re` and `h` is an added line back to the
    start. pdfminer records `re` as `mlllh` and drops a line back to the start
    right before `h` (`paint_path`), so the added line reads as `h` and the
    shapes pdfminer classifies come out the same.
    """
    import pypdfium2.raw as pdfium_c

    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    out: list[Subpath] = []
    shape: list[str] = []
    pts: list[Point] = []
    curve_points = 0
    count = pdfium_c.FPDFPath_CountSegments(path)
    for index in range(count):
        segment = pdfium_c.FPDFPath_GetPathSegment(path, index)
        if not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
            raise ValueError("path segment without a point")
        px, py = x.value, y.value
        point = (a * px + c * py + e, b * px + d * py + f)  # pdfminer's apply_matrix_pt
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        closes = bool(pdfium_c.FPDFPathSegment_GetClose(segment))
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            if shape:
                out.append(("".join(shape), pts))
            shape, pts, curve_points = ["m"], [point], 0
            continue
        if not shape:
            raise ValueError("path without a first move")  # pdfminer paints no such path
        if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            curve_points += 1
            if curve_points < 3:
                continue
            curve_points = 0
            shape.append("c")
            pts.append(point)
        elif closes and point == pts[0]:
            shape.append("h")
            pts.append(pts[0])
            continue
        else:
            shape.append("l")
            pts.append(point)
        if closes:
            shape.append("h")
            pts.append(pts[0])
    if shape:
        out.append(("".join(shape), pts))
    # pdfminer paints a subpath only when an operator follows its move (`m[^m]+`).
    return [_drop_redundant_line(s, p) for s, p in out if len(s) > 1]


def _drop_redundant_line(shape: str, pts: list[Point]) -> Subpath:
    """pdfminer's `paint_path`: a line back to the start right before 'h' is dropped."""
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        return shape[:-2] + "h", pts[:-2] + pts[-1:]
    return shape, pts


def has_rules(subpaths: list[Subpath]) -> bool:
    """Whether the subpaths hold the rules a ruled table of two rows and two columns needs.

    A necessary condition for pdfplumber's line strategy to find such a grid
    (`_is_grid` in pdf.py): three distinct horizontal and three distinct
    vertical edges, every edge being a piece between successive points of a
    subpath (a rectangle's sides, a line, a curve's legs). Pieces are
    counted with a tolerance, so float noise never hides a rule.
    """
    horizontal = vertical = 0
    for shape, pts in subpaths:
        line = shape in ("ml", "mlh")
        for (x0, y0), (x1, y1) in itertools.pairwise(pts):
            flat = abs(y1 - y0) <= RULE_TOLERANCE
            horizontal += flat
            # pdfplumber makes any 2-point line that is not horizontal a vertical edge, slanted or not.
            vertical += abs(x1 - x0) <= RULE_TOLERANCE or (line and not flat)
            if horizontal >= MIN_RULES and vertical >= MIN_RULES:
                return True
    return False


def _bound(pts: list[Point]) -> tuple[float, float, float, float]:
    """pdfminer's get_bound."""
    x0 = y0 = float("inf")
    x1 = y1 = -float("inf")
    for x, y in pts:
        x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
    return x0, y0, x1, y1


def _edges(subpaths: list[Subpath], page: Any) -> list[dict[str, Any]]:
    """pdfplumber's `page.edges` (line edges, then rectangle edges, then curve edges).

    The subpaths are classified as pdfminer's `paint_path` does, their boxes
    turned into pdfplumber's top-down coordinates as `Page.process_object`
    does, and the edges made by pdfplumber's own functions.
    """
    from pdfplumber.utils.geometry import curve_to_edges, line_to_edge, rect_to_edges

    height = page.height
    mediabox_x0, mediabox_top = page.mediabox[0], page.mediabox[1]
    doctop = page.initial_doctop

    def box(bbox: tuple[float, float, float, float]) -> dict[str, Any]:
        x0, y0, x1, y1 = bbox
        top = (height - y1) + mediabox_top
        return {
            "x0": x0,
            "y0": y0,
            "x1": x1,
            "y1": y1,
            "width": x1 - x0,
            "height": y1 - y0,
            "top": top,
            "bottom": (height - y0) + mediabox_top,
            "doctop": doctop + top,
        }

    lines: list[dict[str, Any]] = []
    rects: list[dict[str, Any]] = []
    curves: list[dict[str, Any]] = []
    for shape, pts in subpaths:
        if shape in ("mlh", "ml"):
            lines.append({"object_type": "line", **box(_bound(pts[:2]))})
            continue
        if shape in ("mlllh", "mllll"):
            (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
            square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
                y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
            )
            if pts[0] == pts[4] and square:
                (rx0, ry0), (rx1, ry1) = pts[0], pts[2]
                corners = [(rx0, ry0), (rx1, ry0), (rx1, ry1), (rx0, ry1)]  # LTRect's points
                rects.append({"object_type": "rect", **box(_bound(corners))})
                continue
        curve = {"object_type": "curve", **box(_bound(pts))}
        curve["pts"] = [(mediabox_x0 + x, mediabox_top + height - y) for x, y in pts]  # Page.point2coord
        curves.append(curve)
    edges = [line_to_edge(line) for line in lines]
    for rect in rects:
        edges.extend(rect_to_edges(rect))
    for curve in curves:
        edges.extend(curve_to_edges(curve))
    return edges


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
    if not name or name in _STANDARD_14 or name.partition("+")[2] in _STANDARD_14:
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
    # pdfminer's upright, unrotated text: only then is its box the one `_chars` computes.
    if m.b != 0 or m.c != 0 or m.a <= 0 or m.d <= 0:
        return None
    handle = pdfium_c.FPDFTextObj_GetFont(obj)
    if not handle:
        return None
    key = _address(handle)
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


def _chars(raw_page: Any, text_objects: dict[int, int], page: Any) -> list[dict[str, Any]] | None:
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
            key = _address(obj)
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
