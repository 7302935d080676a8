"""Extraction: pure code from a page (HTML or text) to a record, no crawler inside.

The modules of this package may be compiled to C by mypyc at install time (see setup.py). A compiled module
is used only while it was built from the source beside it: the build writes the SHA-256 of every source it
compiled to `_compiled_sources.json`, and when any source has changed since (an edited checkout), or when
``GOV_REPORTS_PURE_PYTHON=1`` is set, *every* module of the package is loaded from its ``.py`` instead.
All or none: compiled modules call each other directly, so one stale module would run old code.
`COMPILED` says which, `PURE_REASON` why not.

The one entry: ``extract(Page(content=…, kind="html"|"text", source=PageSource(…))) -> AnnualReport`` (or
`NotAReport`), from `page.py`; imported on first use, so that importing a module of the package (or this
package for `COMPILED`) does not import every extraction module.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from gov_reports.extract._compiled import MANIFEST, PURE_ENV, SourceFinder, compiled_sources, has_extensions

__all__ = [
    "COMPILED",
    "MANIFEST",
    "PURE_ENV",
    "PURE_REASON",
    "NotAReport",
    "Page",
    "PageSource",
    "RefusedPage",
    "compiled_sources",
    "extract",
]
_ENTRY = frozenset(("NotAReport", "Page", "PageSource", "RefusedPage", "extract"))

_HERE = Path(__file__).resolve().parent
_BUILT, PURE_REASON = compiled_sources(_HERE)
COMPILED = PURE_REASON is None
if not COMPILED and has_extensions(_HERE):
    sys.meta_path.insert(0, SourceFinder(__name__, _HERE))


def __getattr__(name: str) -> Any:
    if name in _ENTRY:
        from gov_reports.extract import page

        return getattr(page, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
