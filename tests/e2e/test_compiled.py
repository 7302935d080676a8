"""The mypyc-compiled extraction modules (setup.py) give exactly what the pure-Python ones give.

The README's install compiles `gov_reports/extract/*.py`; the compiled modules are the same source, but mypyc
enforces the type annotations at run time and binds calls between modules early, so this is checked on every
page, text and report file we have, output by output. On a machine that could not compile (no C compiler) the
comparison is skipped, unless GOV_REPORTS_REQUIRE_COMPILED=1 (as in .ci/run) makes that a failure.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gov_reports.extract import PURE_ENV
from tests.support.paths import ROOT


def _outputs(out: Path, *, pure: bool) -> dict:
    env = {k: v for k, v in os.environ.items() if k != PURE_ENV}
    if pure:
        env[PURE_ENV] = "1"
    script = ROOT / "tests" / "support" / "extraction_outputs.py"
    subprocess.run([sys.executable, str(script), str(out)], check=True, cwd=ROOT, env=env, timeout=600)
    return json.loads(out.read_text(encoding="utf-8"))


def test_compiled_and_pure_modules_give_the_same_outputs(tmp_path: Path) -> None:
    pure = _outputs(tmp_path / "pure.json", pure=True)
    assert pure["modules"] == {"compiled": False, "reason": f"{PURE_ENV} is set", "clean": "clean.py"}
    compiled = _outputs(tmp_path / "compiled.json", pure=False)
    if not compiled["modules"]["compiled"]:
        reason = compiled["modules"]["reason"]
        if os.environ.get("GOV_REPORTS_REQUIRE_COMPILED") == "1":
            pytest.fail(f"the extraction modules are not compiled: {reason}")
        pytest.skip(f"the extraction modules are not compiled here: {reason}")
    assert compiled["modules"]["clean"].endswith(".so") or compiled["modules"]["clean"].endswith(".pyd")
    assert len(pure["outputs"]) > 150
    assert compiled["outputs"].keys() == pure["outputs"].keys()
    different = [key for key in pure["outputs"] if compiled["outputs"][key] != pure["outputs"][key]]
    assert different == []
    # Records really were extracted (not every input failing the same way in both).
    records = [v for k, v in pure["outputs"].items() if k.endswith("|record") and isinstance(v, dict)]
    assert len(records) >= 30
