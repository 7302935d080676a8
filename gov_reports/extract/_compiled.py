"""Which extraction modules may run compiled: shared by setup.py (which writes the manifest) and the package.

Standard library only, and never compiled itself (setup.py compiles no module whose name starts with ``_``):
setup.py loads this file by path, before anything is installed.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
from pathlib import Path

MANIFEST = "_compiled_sources.json"
"""Beside the compiled modules: {module: SHA-256 of the source it was compiled from}."""
PURE_ENV = "GOV_REPORTS_PURE_PYTHON"


def pure_python_requested() -> bool:
    return os.environ.get(PURE_ENV, "").strip() not in ("", "0")


def source_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def has_extensions(directory: Path) -> bool:
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    return any(path.name.endswith(suffixes) for path in directory.iterdir())


def compiled_sources(directory: Path) -> tuple[dict[str, str], str | None]:
    """({module: sha256 of the source it was built from}, None) when the compiled modules in `directory` can
    be used, else ({}, why not)."""
    if pure_python_requested():
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
            current = source_digest(source)
        except OSError:
            return {}, f"{source.name} is missing"
        if current != digest:
            return {}, f"{source.name} changed since it was compiled: reinstall to compile it again"
    return built, None


class SourceFinder(importlib.abc.MetaPathFinder):
    """Loads the modules of `package` (in `directory`) from their .py files, ahead of any compiled module."""

    def __init__(self, package: str, directory: Path) -> None:
        self.package = package
        self.directory = directory

    def find_spec(self, name: str, path: object = None, target: object = None) -> importlib.machinery.ModuleSpec | None:
        package, _, module = name.rpartition(".")
        source = self.directory / f"{module}.py"
        if package != self.package or not source.is_file():
            return None
        return importlib.util.spec_from_file_location(name, source)
