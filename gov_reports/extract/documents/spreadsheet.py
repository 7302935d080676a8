"""XLSX attachments with openpyxl: each sheet's rows as tab-separated lines.

Read-only mode streams the cells (a sheet can declare a million rows), but
it does not expose merged ranges, so those are read from the sheet part's
`<mergeCell ref=…>` elements and expanded by the policy of `DocumentText`.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Any

from gov_reports.extract.documents._common import (
    MAX_XML_BYTES,
    DocumentText,
    Slot,
    UnreadableDocument,
    cell_text,
    check_zip,
    render_slots,
    table_lines,
)
from gov_reports.model.vocabulary import ReadFailure, ReadFailurePrefix

MAX_ROWS = 20_000
MAX_COLUMNS = 200
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"')


def read_xlsx(data: bytes, *, max_bytes: int, kind: str = "xlsx", max_xml_bytes: int = MAX_XML_BYTES) -> DocumentText:
    """Every visible sheet as a table (also the XLSX LibreOffice makes from an XLS).

    openpyxl streams the sheets but loads shared strings and styles whole, and the merged
    ranges are read from the whole sheet part: every XML part is bounded by `max_xml_bytes`.
    """
    import openpyxl

    with check_zip(data, kind, max_bytes=max_bytes, max_xml_bytes=max_xml_bytes) as archive:
        if "xl/workbook.xml" not in set(archive.namelist()):
            raise UnreadableDocument(f"{ReadFailurePrefix.CORRUPT}{kind}", "no xl/workbook.xml", kind=kind)
        try:
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises KeyError, ValueError, TypeError, lxml errors …
            raise UnreadableDocument(
                f"{ReadFailurePrefix.CORRUPT}{kind}", f"{type(exc).__name__}: {exc}"[:300], kind=kind
            ) from exc
        lines: list[str] = []
        notes: list[str] = []
        tables = 0
        try:
            for sheet in workbook.worksheets:
                if getattr(sheet, "sheet_state", "visible") != "visible":
                    continue
                merges = _merged_ranges(archive, getattr(sheet, "_worksheet_path", None))
                if merges is None:
                    notes.append(f"merges_unknown:{sheet.title}")
                rows = _sheet_rows(sheet, merges or [], notes)
                if rows:
                    tables += 1
                    lines.extend(table_lines(rows))
        except Exception as exc:
            raise UnreadableDocument(
                f"{ReadFailurePrefix.CORRUPT}{kind}", f"{type(exc).__name__}: {exc}"[:300], kind=kind
            ) from exc
        finally:
            workbook.close()
    text = "\n".join(lines)
    if not text.strip():
        raise UnreadableDocument(ReadFailure.EMPTY_TEXT, "no cell text", kind=kind)
    return DocumentText(text=text, kind=kind, pages=None, tables=tables, sha256="", size=len(data), notes=notes)


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _merged_ranges(archive: zipfile.ZipFile, path: str | None) -> list[tuple[int, int, int, int]] | None:
    """(min_row, min_col, max_row, max_col), 1-based, of the sheet's merged ranges; None if unknown."""
    if not path:
        return None
    try:
        xml = archive.read(path.lstrip("/"))
    except (KeyError, zipfile.BadZipFile, OSError):
        return None
    ranges = []
    for m in _MERGE.finditer(xml):
        c1, r1, c2, r2 = _column_number(m[1]), int(m[2]), _column_number(m[3]), int(m[4])
        ranges.append((min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)))
    return ranges


def _value_text(value: Any) -> str:
    """A cell value as the text a reader would see (integers without '.0')."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else format(value, ".15g")
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return cell_text(str(value))


def _sheet_rows(sheet: Any, merges: list[tuple[int, int, int, int]], notes: list[str]) -> list[list[str]]:
    """The sheet's cells as a grid with merged ranges expanded (bounded in rows and columns)."""
    values: list[list[str]] = []
    for index, row in enumerate(sheet.iter_rows(values_only=True)):
        if index >= MAX_ROWS:
            notes.append(f"rows_limited:{sheet.title}:{MAX_ROWS}")
            break
        values.append([_value_text(v) for v in row[:MAX_COLUMNS]])
    if not values:
        return []
    width = max(len(r) for r in values)
    grid = [
        [Slot(v, origin=True, vertical=False) for v in r] + [Slot("", True, False)] * (width - len(r)) for r in values
    ]
    for r1, c1, r2, c2 in merges:
        if r1 > len(grid) or c1 > width:
            continue
        text = grid[r1 - 1][c1 - 1].text
        for r in range(r1, min(r2, len(grid)) + 1):
            for c in range(c1, min(c2, width) + 1):
                if (r, c) != (r1, c1):
                    grid[r - 1][c - 1] = Slot(text, origin=False, vertical=r > r1 and c == c1)
    return render_slots(grid)
