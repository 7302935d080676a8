"""Running `gov-reports` as a user does: the installed entry point, in its own process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.support.paths import ROOT


def gov_reports_command() -> list[str]:
    """The console script installed beside this interpreter (CI does not activate the virtualenv, so it is not
    on PATH), or the module when the package is not installed (a bare checkout run with PYTHONPATH)."""
    script = Path(sys.executable).with_name("gov-reports")
    return [str(script)] if script.exists() else [sys.executable, "-m", "gov_reports.cli"]


def gov_reports(*args: str | Path, cwd: Path = ROOT, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """`gov-reports ARGS…`: exit code, stdout and stderr (text)."""
    command = [*gov_reports_command(), *map(str, args)]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False)
