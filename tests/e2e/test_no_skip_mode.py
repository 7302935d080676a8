"""GOV_REPORTS_NO_SKIP=1 (set by .ci/run) turns every skip into a failure, so CI cannot pass by skipping."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.paths import ROOT

CASES = """
import pytest
def test_skips():
    pytest.skip("needs antiword (apt: antiword)")
def test_passes():
    pass
"""
MODULE_SKIP = """
import pytest
pytest.importorskip("a_module_nobody_has", reason="needs a_module_nobody_has")
def test_never_runs():
    pass
"""


def _run(tmp_path: Path, source: str, no_skip: bool) -> subprocess.CompletedProcess[str]:
    test = tmp_path / "test_case.py"
    test.write_text(source, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GOV_REPORTS_NO_SKIP": "1" if no_skip else ""}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "tests.conftest"]
    return subprocess.run(
        [*command, "--rootdir", str(tmp_path), str(test)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("source", [CASES, MODULE_SKIP], ids=["in_test", "at_import"])
def test_a_skip_is_a_failure_only_in_no_skip_mode(tmp_path: Path, source: str) -> None:
    normal = _run(tmp_path, source, no_skip=False)
    assert normal.returncode in (0, 5), normal.stdout  # 5: every test of the module skipped
    assert "skipped" in normal.stdout
    strict = _run(tmp_path, source, no_skip=True)
    assert strict.returncode in (1, 2), strict.stdout  # 2: a module that skips at import is a collection error
    assert "GOV_REPORTS_NO_SKIP=1 makes a skip a failure" in strict.stdout
