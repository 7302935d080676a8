"""The model, the outputs and the extraction import neither Scrapy nor Twisted (issue 17), and the commands
that only read or write dumps start without them: checked in a fresh interpreter, by its sys.modules."""

from __future__ import annotations

import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import gov_reports.extract
import gov_reports.model
import gov_reports.outputs

ROOT = Path(__file__).resolve().parents[2]  # the interpreter runs the checkout's package
CRAWLING = ("scrapy", "twisted")


def _modules(package) -> list[str]:
    found = [package.__name__]
    for info in pkgutil.walk_packages(package.__path__, prefix=package.__name__ + "."):
        found.append(info.name)
    return sorted(found)


def _imported_after(statement: str) -> list[str]:
    """The crawling packages a fresh interpreter has loaded after running `statement`."""
    report = "print(__import__('json').dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    check = f"import sys\n{statement}\n{report}"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    return [name for name in json.loads(done.stdout.splitlines()[-1]) if name in CRAWLING]


@pytest.mark.parametrize("package", [gov_reports.model, gov_reports.outputs, gov_reports.extract])
def test_the_package_and_every_module_import_no_scrapy(package) -> None:
    modules = _modules(package)
    assert len(modules) > 3
    assert _imported_after("\n".join(f"import {name}" for name in modules)) == []


def test_export_and_report_runners_import_no_scrapy() -> None:
    assert _imported_after("import gov_reports.cli, gov_reports.commands") == []


def test_the_check_can_fail() -> None:
    assert _imported_after("import gov_reports.crawl.feeds") == ["scrapy", "twisted"]
