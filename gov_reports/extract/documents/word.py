"""DOCX attachments with python-docx: paragraphs and tables in body order.

python-docx's `Document.tables` loses where a table sits and reports a
merged cell once per grid column it covers; neither suits the statistics
readers. So the body XML is walked in order (paragraphs, tables, and the
content controls Word wraps around them), and each table's grid is rebuilt
from `w:gridSpan` / `w:vMerge` so merged cells follow the policy of
`DocumentText` (horizontal copies blank, vertical labels repeated).
"""

from __future__ import annotations

import io
from typing import Any

from gov_reports.extract.documents._common import (
    DocumentText,
    Slot,
    UnreadableDocument,
    cell_text,
    check_zip,
    paragraph_lines,
    render_slots,
    table_lines,
)

_MAX_NESTING = 8
"""Tables nested in table cells deeper than this are flattened to text."""


def read_docx(data: bytes, *, max_bytes: int, kind: str = "docx") -> DocumentText:
    """Text and tables of a DOCX (also the DOCX LibreOffice makes from a DOC/WPS/RTF)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    with check_zip(data, kind, max_bytes=max_bytes) as archive:
        names = set(archive.namelist())
    if "word/document.xml" not in names:
        raise UnreadableDocument(f"corrupt_{kind}", "no word/document.xml", kind=kind)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise UnreadableDocument(f"corrupt_{kind}", f"{type(exc).__name__}: {exc}"[:300], kind=kind) from exc
    except Exception as exc:  # lxml syntax errors, zip CRC errors, …
        raise UnreadableDocument(f"corrupt_{kind}", f"{type(exc).__name__}: {exc}"[:300], kind=kind) from exc
    lines: list[str] = []
    counter = [0]
    _walk(document.element.body, lines, counter)
    text = "\n".join(lines)
    if not text.strip():
        raise UnreadableDocument("empty_text", "no paragraph or table text", kind=kind)
    return DocumentText(text=text, kind=kind, pages=None, tables=counter[0], sha256="", size=len(data))


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _walk(container: Any, lines: list[str], counter: list[int]) -> None:
    """Append the lines of a body (or a content control's content) in document order."""
    p, tbl, sdt, content = _qn("w:p"), _qn("w:tbl"), _qn("w:sdt"), _qn("w:sdtContent")
    for child in container.iterchildren():
        if child.tag == p:
            lines.extend(paragraph_lines(_paragraph_text(child)))
        elif child.tag == tbl:
            counter[0] += 1
            lines.extend(table_lines(_table_rows(child, depth=0)))
        elif child.tag == sdt:
            for inner in child.iterchildren(content):
                _walk(inner, lines, counter)


def _paragraph_text(p: Any) -> str:
    """A paragraph's visible text: runs, hyperlinks, insertions; not deleted text or field codes.

    Reads the XML directly (python-docx's `Paragraph.text` skips runs inside
    `w:ins` and smart tags). `w:br` is a line break, `w:tab` a space.
    """
    t, tab, br, cr, deleted = _qn("w:t"), _qn("w:tab"), _qn("w:br"), _qn("w:cr"), _qn("w:del")
    parts: list[str] = []
    for el in p.iter(t, tab, br, cr):
        if next(el.iterancestors(deleted), None) is not None:
            continue
        if el.tag == t:
            parts.append(el.text or "")
        elif el.tag == tab:
            parts.append(" ")
        else:
            parts.append("\n")
    return "".join(parts)


def _cell_content(tc: Any, depth: int) -> str:
    """All text of a cell (paragraphs joined as wrapped lines, see `cell_text`; nested tables flattened)."""
    p, tbl = _qn("w:p"), _qn("w:tbl")
    parts: list[str] = []
    for child in tc.iterchildren():
        if child.tag == p:
            parts.append(_paragraph_text(child))
        elif child.tag == tbl and depth < _MAX_NESTING:
            parts.extend(" ".join(row) for row in _table_rows(child, depth=depth + 1))
    return cell_text("\n".join(x for x in parts if x.strip()))


def _table_rows(tbl: Any, *, depth: int) -> list[list[str]]:
    """A `w:tbl` as rows of cell strings, gridBefore/gridSpan/vMerge expanded."""
    tr_tag, tc_tag, sdt, content = _qn("w:tr"), _qn("w:tc"), _qn("w:sdt"), _qn("w:sdtContent")
    val = _qn("w:val")
    grid: list[list[Slot]] = []
    # column -> text of the vMerge="restart" cell currently open in that column
    open_merges: dict[int, str] = {}
    for tr in _children(tbl, tr_tag, sdt, content):
        row: list[Slot] = []
        before = _int_prop(tr, "w:trPr/w:gridBefore", val, default=0)
        row.extend(Slot("", origin=True, vertical=False) for _ in range(before))
        for tc in _children(tr, tc_tag, sdt, content):
            span = max(1, min(_int_prop(tc, "w:tcPr/w:gridSpan", val, default=1), 64))
            vmerge = tc.find(f"{_qn('w:tcPr')}/{_qn('w:vMerge')}")
            column = len(row)
            if vmerge is not None and vmerge.get(val) in (None, "continue"):
                text = open_merges.get(column, "")
                row.append(Slot(text, origin=False, vertical=True))
            else:
                text = _cell_content(tc, depth)
                if vmerge is not None:  # restart
                    open_merges[column] = text
                else:
                    open_merges.pop(column, None)
                row.append(Slot(text, origin=True, vertical=False))
            row.extend(Slot(text, origin=False, vertical=False) for _ in range(span - 1))
        grid.append(row)
    return render_slots(grid)


def _children(parent: Any, tag: str, sdt: str, content: str) -> list[Any]:
    """Direct children with `tag`, looking through content controls (`w:sdt`)."""
    out = []
    for child in parent.iterchildren():
        if child.tag == tag:
            out.append(child)
        elif child.tag == sdt:
            for inner in child.iterchildren(content):
                out.extend(c for c in inner.iterchildren(tag))
    return out


def _int_prop(el: Any, path: str, val: str, *, default: int) -> int:
    """An integer `w:val` under `el` at `path` ("w:tcPr/w:gridSpan"); `default` when absent or bad."""
    node = el
    for step in path.split("/"):
        node = node.find(_qn(step))
        if node is None:
            return default
    try:
        return max(0, min(int(node.get(val, str(default))), 64))
    except ValueError:
        return default
