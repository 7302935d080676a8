"""`gov-reports extract` on the tuned part of the real corpus, in its own process: it writes the records that
bench/real_corpus.py's scoring read (the scoring is tested in tests/unit/test_real_corpus.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from tests.support.real_corpus_support import CORPUS, ROOT, tuned_results


@pytest.fixture(scope="module")
def tuned() -> list[Any]:
    return tuned_results()


def test_the_command_writes_the_records_the_scoring_read(tuned: list[Any], tmp_path: Any) -> None:
    """`gov-reports extract` itself, in its own process, over the tuned files: the same records."""
    out = tmp_path / "tuned.jsonl"
    files = [str(CORPUS / r.name) for r in tuned]
    done = subprocess.run(
        [sys.executable, "-m", "gov_reports.cli", "extract", *files, "-o", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    written = sorted(json.loads(line)["key"] for line in out.read_text(encoding="utf-8").splitlines())
    assert written == sorted(r.key for r in tuned if r.key is not None)
