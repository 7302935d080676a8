"""A feature whose extra is not installed says which extra to install (issue 17 rule 3, docs/cli.md): one line
on stderr, exit code 2, nothing written. The extra's package is made unimportable for the command's process."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.support.cli_support import ROOT, gov_reports_command
from tests.support.stats_support import HULIN, export_record, seed


def without(package: str, tmp_path: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """`gov-reports ARGS…` in a process where importing `package` fails as if it were not installed."""
    blocker = tmp_path / f"no_{package}" / package
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text(f"raise ModuleNotFoundError(\"No module named '{package}'\")\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(blocker.parent), os.environ.get("PYTHONPATH", "")])}
    command = [*gov_reports_command(), *map(str, args)]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_report_without_matplotlib_asks_for_the_report_extra(tmp_path: Path, out: Path) -> None:
    dump = tmp_path / "reports.jsonl"
    record = export_record(seed(HULIN), "虎林市人民政府", 2020, "2019", "2021-02-04")
    dump.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    done = without("matplotlib", tmp_path, "report", dump, "-o", out / "report.html")
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "matplotlib" in lines[0] and "pip install 'gov-reports[report]'" in lines[0], lines
    assert list(out.iterdir()) == []


def test_crawl_redis_without_redis_asks_for_the_redis_extra(tmp_path: Path, out: Path) -> None:
    done = without(
        "redis",
        tmp_path,
        *("crawl", "--start-url", "http://127.0.0.1:9/nb/", "--redis", "redis://127.0.0.1:9/0"),
        *("-o", out / "reports.jsonl"),
    )
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "pip install 'gov-reports[redis]'" in lines[0], lines
    assert list(out.iterdir()) == []
