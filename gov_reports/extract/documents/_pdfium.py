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
  width for a character PDFium reports two ways (`_pdfium_chars._advance_end`);
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

from dataclasses import dataclass, field
from typing import Any

from gov_reports.extract.documents._common import PDFIUM_LOCK
from gov_reports.extract.documents._pdfium_chars import page_chars
from gov_reports.extract.documents._pdfium_paths import has_rules, page_edges, path_pieces
from gov_reports.extract.documents._pdfium_walk import walk_page

__all__ = ["has_rules"]


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
    chars = page_chars(raw_page, walk.text_objects, page)
    if not chars:
        return None
    subpaths = [subpath for path, matrix in walk.paths for subpath in path_pieces(path, matrix)]
    if not has_rules(subpaths):
        return PageObjects(chars)
    return PageObjects(chars, page_edges(subpaths, page), ruled=True)
