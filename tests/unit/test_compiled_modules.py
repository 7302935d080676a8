"""Which extraction modules a process runs, compiled or pure: the manifest rule (compiled only while the sources
match the build), the opt-out, and what this process reports. The comparison of the two builds' outputs, in
processes of their own, is tests/e2e/test_compiled.py.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from gov_reports import extract
from gov_reports.extract import MANIFEST, PURE_ENV, compiled_sources


def _package(tmp_path: Path, source: str = "X = 1\n") -> Path:
    """A package directory as an install leaves it: a module, its 'compiled' twin and the manifest."""
    (tmp_path / "text.py").write_text(source, encoding="utf-8")
    (tmp_path / "text.cpython-311-x86_64-linux-gnu.so").write_bytes(b"")
    digest = hashlib.sha256(source.encode()).hexdigest()
    (tmp_path / MANIFEST).write_text(json.dumps({"text": digest}), encoding="utf-8")
    return tmp_path


def test_compiled_modules_are_used_while_their_sources_are_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(PURE_ENV, raising=False)
    package = _package(tmp_path)
    built, reason = compiled_sources(package)
    assert (set(built), reason) == ({"text"}, None)
    (package / "text.py").write_text("X = 2\n", encoding="utf-8")  # an edit after the install
    assert compiled_sources(package) == ({}, "text.py changed since it was compiled: reinstall to compile it again")


def test_pure_modules_when_asked_or_when_the_manifest_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = _package(tmp_path)
    monkeypatch.setenv(PURE_ENV, "1")
    assert compiled_sources(package) == ({}, f"{PURE_ENV} is set")
    monkeypatch.delenv(PURE_ENV)
    (package / MANIFEST).unlink()
    assert compiled_sources(package) == ({}, f"no readable {MANIFEST}")
    (package / "text.cpython-311-x86_64-linux-gnu.so").unlink()
    assert compiled_sources(package) == ({}, "not compiled (a pure-Python install)")


def test_this_process_says_which_modules_it_runs() -> None:
    from gov_reports.extract import clean

    compiled_file = not Path(clean.__file__).name.endswith(".py")
    assert compiled_file == extract.COMPILED
    assert (extract.PURE_REASON is None) == extract.COMPILED
