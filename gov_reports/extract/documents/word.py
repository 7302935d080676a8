"""DOCX attachments: paragraphs and tables in body order, `word/document.xml` parsed streaming.

python-docx's `Document.tables` loses where a table sits and reports a
merged cell once per grid column it covers; neither suits the statistics
readers. So the body XML is walked in order (paragraphs, tables, and the
content controls Word wraps around them), and each table's grid is rebuilt
from `w:gridSpan` / `w:vMerge` so merged cells follow the policy of
`DocumentText` (horizontal copies blank, vertical labels repeated).

Memory stays bounded: the part is parsed with `lxml.etree.iterparse` and each
child of `w:body` is freed once read (a whole tree costs hundreds of bytes per
element: `<w:p/>` repeated is the DOCX bomb), the part's size is capped
(`max_xml_bytes`, checked on the zip's declared sizes), entities are not
expanded and no DTD or network is used (billion laughs, XXE).
"""

from __future__ import annotations

from typing import Any

from gov_reports.extract.documents._common import (
    MAX_XML_BYTES,
    DocumentText,
    Slot,
    UnreadableDocument,
    cell_text,
    check_zip,
    paragraph_lines,
    render_slots,
    table_lines,
)
from gov_reports.model.vocabulary import ReadFailure, ReadFailurePrefix

_MAX_NESTING = 8
"""Tables nested in table cells deeper than this are flattened to text."""


def read_docx(data: bytes, *, max_bytes: int, kind: str = "docx", max_xml_bytes: int = MAX_XML_BYTES) -> DocumentText:
    """Text and tables of a DOCX (also the DOCX LibreOffice makes from a DOC/WPS/RTF)."""
    from lxml import etree

    lines: list[str] = []
    counter = [0]
    with check_zip(data, kind, max_bytes=max_bytes, max_xml_bytes=max_xml_bytes) as archive:
        if "word/document.xml" not in set(archive.namelist()):
            raise UnreadableDocument(f"{ReadFailurePrefix.CORRUPT}{kind}", "no word/document.xml", kind=kind)
        try:
            with archive.open("word/document.xml") as stream:
                _stream_body(stream, lines, counter)
        except (etree.XMLSyntaxError, KeyError, ValueError, OSError) as exc:  # broken XML, zip CRC errors, …
            raise UnreadableDocument(
                f"{ReadFailurePrefix.CORRUPT}{kind}", f"{type(exc).__name__}: {exc}"[:300], kind=kind
            ) from exc
    text = "\n".join(lines)
    if not text.strip():
        raise UnreadableDocument(ReadFailure.EMPTY_TEXT, "no paragraph or table text", kind=kind)
    return DocumentText(text=text, kind=kind, pages=None, tables=counter[0], sha256="", size=len(data))


def _stream_body(stream: Any, lines: list[str], counter: list[int]) -> None:
    """Read `w:body`'s children one at a time, each freed once its lines are taken."""
    from lxml import etree

    body = _qn("w:body")
    parser = etree.iterparse(
        stream, events=("start", "end"), resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    depth = 0
    in_body = False
    for event, element in parser:
        if event == "start":
            depth += 1
            in_body = in_body or (depth == 2 and element.tag == body)
            continue
        depth -= 1
        if in_body and depth == 2:  # a child of w:body (w:document is 1, w:body 2) is complete
            _walk_child(element, lines, counter)
            element.clear(keep_tail=False)
            parent = element.getparent()
            while parent is not None and element.getprevious() is not None:
                del parent[0]  # the siblings already read
        elif depth == 1 and element.tag == body:
            in_body = False


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _walk(container: Any, lines: list[str], counter: list[int]) -> None:
    """Append the lines of a body (or a content control's content) in document order."""
    for child in container.iterchildren():
        _walk_child(child, lines, counter)


def _walk_child(child: Any, lines: list[str], counter: list[int]) -> None:
    """Append the lines of one paragraph, table or content control."""
    if child.tag == _qn("w:p"):
        lines.extend(paragraph_lines(_paragraph_text(child)))
    elif child.tag == _qn("w:tbl"):
        counter[0] += 1
        lines.extend(table_lines(_table_rows(child, depth=0)))
    elif child.tag == _qn("w:sdt"):
        for inner in child.iterchildren(_qn("w:sdtContent")):
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
