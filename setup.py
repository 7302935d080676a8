"""Build gov-reports: pure Python by default; the extraction modules compiled to C with mypyc on request.

The metadata lives in pyproject.toml; this file adds two things:

- The project's top-level `data/` (sources registry, demo portal, JSON Schema) is copied into the package as
  `gov_reports/_data` when a wheel is built, so an installed copy works from any directory
  (`gov_reports/paths.py` finds the checkout's `data/` first, then this copy).
- With ``GOV_REPORTS_COMPILE=1`` at install time, `gov_reports/extract/*.py` is compiled with mypyc (about
  4.6x -> 5.4x trafilatura's speed, docs/benchmarks.md; needs a C compiler and the Python headers, and a
  minute or two). mypy is not in the build requirements (every pure install would download it), so the
  compiled build is made in the installing environment: ``pip install mypy 'setuptools>=70.1' &&
  GOV_REPORTS_COMPILE=1 pip install --no-build-isolation -e .`` (README). It is the same, fully typed
  source (as Black ships), so the compiled and the pure modules give the same records
  (tests/e2e/test_compiled.py checks it on every page and text we have; CI compiles).
  Compiled modules land beside their sources with `_compiled_sources.json`, the SHA-256 of each source
  compiled: `gov_reports/extract/__init__.py` loads the pure modules instead whenever a source has changed
  since (edit a checkout and the edit runs; reinstall to compile it again). Where compiling fails (no C
  compiler): a warning, then the pure modules. ``GOV_REPORTS_PURE_PYTHON=1`` at run time uses the pure ones.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
# Every module of the extraction package (pure functions over text and lxml trees): where crawl time goes.
# Not `documents/` (pdfplumber, python-docx and LibreOffice do its work) nor the Scrapy side, nor the
# package's own `__init__.py` and `_compiled.py`, which decide whether the compiled modules are used.
EXTRACT = ROOT / "gov_reports" / "extract"
COMPILED_MODULES = sorted(str(path.relative_to(ROOT)) for path in EXTRACT.glob("*.py") if not path.name.startswith("_"))

# The package's own rules (manifest name, GOV_REPORTS_PURE_PYTHON, source digests), loaded by path: nothing is
# installed yet, and the package's __init__ would import more than the standard library.
_spec = importlib.util.spec_from_file_location("gov_reports_compiled_rules", EXTRACT / "_compiled.py")
assert _spec is not None and _spec.loader is not None
rules = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(rules)


def _warn(message: str) -> None:
    print(f"gov-reports: {message}; installing the pure-Python extraction modules", file=sys.stderr)


def compiled_extensions() -> list:
    """The mypyc extensions of COMPILED_MODULES, or [] when they cannot be built here."""
    try:
        from mypyc.build import mypycify
    except ImportError:
        _warn(
            "mypyc is not available (to compile: pip install mypy 'setuptools>=70.1', then "
            "GOV_REPORTS_COMPILE=1 pip install --no-build-isolation -e .)"
        )
        return []
    try:
        return mypycify(["--ignore-missing-imports", *COMPILED_MODULES], opt_level="3")
    except BaseException as exc:  # mypyc reports type errors by SystemExit
        _warn(f"mypyc could not compile the extraction modules ({exc!r})")
        return []


class OptionalBuildExt(build_ext):
    """Fall back to the pure modules when the C compiler fails: they are the same code, only slower."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:
            _warn(f"compiling failed ({exc})")
            self.extensions = []
            return
        if self.extensions:
            self._write_manifest()

    def _manifest_path(self) -> Path:
        return Path(self.get_ext_fullpath("gov_reports.extract.page")).parent / rules.MANIFEST

    def _write_manifest(self) -> None:
        """What was compiled, by source hash: the package trusts its compiled modules only while they match."""
        digests = {Path(path).stem: rules.source_digest(ROOT / path) for path in COMPILED_MODULES}
        self._manifest_path().write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n", encoding="utf-8")

    def get_outputs(self) -> list[str]:
        outputs = super().get_outputs()
        if self.extensions:
            outputs.append(str(self._manifest_path()))
        return outputs


class BuildPyWithData(build_py):
    """Ship the top-level `data/` inside the wheel as `gov_reports/_data` (the demo builder's sources too)."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "gov_reports" / "_data"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(ROOT / "data", target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


def compile_requested() -> bool:
    return os.environ.get("GOV_REPORTS_COMPILE", "").strip() not in ("", "0") and not rules.pure_python_requested()


setup(
    ext_modules=compiled_extensions() if compile_requested() else [],
    cmdclass={"build_ext": OptionalBuildExt, "build_py": BuildPyWithData},
)
