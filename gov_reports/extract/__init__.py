"""Extraction: pure code from a page (HTML or text) to a record, no crawler inside.

The modules of this package may be compiled to C by mypyc at install time (see setup.py). A compiled module
is used only while it was built from the source beside it: the build writes the SHA-256 of every source it
compiled to `_compiled_sources.json`, and when any source has changed since (an edited checkout), or when
``GOV_REPORTS_PURE_PYTHON=1`` is set, *every* module of the package is loaded from its ``.py`` instead.
All or none: compiled modules call each other directly, so one stale module would run old code.
`COMPILED` says which, `PURE_REASON` why not.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
MANIFEST = "_compiled_sources.json"
PURE_ENV = "GOV_REPORTS_PURE_PYTHON"


def has_extensions(directory: Path) -> bool:
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    return any(path.name.endswith(suffixes) for path in directory.iterdir())


def compiled_sources(directory: Path) -> tuple[dict[str, str], str | None]:
    """({module: sha256 of the source it was built from}, None) when the compiled modules in `directory` can
    be used, else ({}, why not)."""
    if os.environ.get(PURE_ENV, "").strip() not in ("", "0"):
        return {}, f"{PURE_ENV} is set"
    if not has_extensions(directory):
        return {}, "not compiled (a pure-Python install)"
    try:
        built = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}, f"no readable {MANIFEST}"
    if not isinstance(built, dict) or not built:
        return {}, f"{MANIFEST} lists no module"
    for module, digest in built.items():
        source = directory / f"{module}.py"
        try:
            current = hashlib.sha256(source.read_bytes()).hexdigest()
        except OSError:
            return {}, f"{source.name} is missing"
        if current != digest:
            return {}, f"{source.name} changed since it was compiled: reinstall to compile it again"
    return built, None


class _SourceFinder(importlib.abc.MetaPathFinder):
    """Loads this package's modules from their .py files, ahead of any compiled module beside them."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> importlib.machinery.ModuleSpec | None:
        package, _, module = name.rpartition(".")
        if package != __name__ or not (_HERE / f"{module}.py").is_file():
            return None
        return importlib.util.spec_from_file_location(name, _HERE / f"{module}.py")


_BUILT, PURE_REASON = compiled_sources(_HERE)
COMPILED = PURE_REASON is None
if not COMPILED and has_extensions(_HERE):
    sys.meta_path.insert(0, _SourceFinder())
