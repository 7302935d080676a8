"""A PDF page's objects as pdfminer meets them: text objects and paths in content-stream order, forms
entered where drawn, with their matrices to page space (see `_pdfium`)."""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from functools import partial
from typing import Any

RULE_TOLERANCE = 0.5
"""Points a path piece may be off the horizontal/vertical and still count as a rule. pdfplumber
takes exactly axis-aligned pieces only (and any 2-point line that is not horizontal as vertical);
PDFium's coordinates are off by far less, so the count never misses a piece pdfplumber would use."""
MIN_RULES = 3
"""Horizontal and vertical rules a ruled table of 2 rows x 2 columns needs at least."""
_MAX_FORM_DEPTH = 16
STANDARD_14 = frozenset(
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


def address(pointer: Any) -> int:
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
                walk.text_objects[address(obj)] = len(walk.text_objects)
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
