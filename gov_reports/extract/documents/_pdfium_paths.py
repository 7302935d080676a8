"""A page's paths in pdfminer's shapes (lines, rectangles, curves) and pdfplumber's table edges."""

from __future__ import annotations

import ctypes
import itertools
from typing import Any

from gov_reports.extract.documents._pdfium_walk import MIN_RULES, RULE_TOLERANCE, Matrix, Point

# --- Paths: pdfminer's lines, rectangles and curves, and pdfplumber's edges ---------------------

Subpath = tuple[str, list[Point]]
"""pdfminer's view of one subpath: its operators ('m', 'l', 'c', 'h') and their end points
(a curve's control points are not among them; 'h' stands at the subpath's start)."""


def path_pieces(path: Any, matrix: Matrix) -> list[Subpath]:
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


def page_edges(subpaths: list[Subpath], page: Any) -> list[dict[str, Any]]:
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
