"""The real corpus for the tests: where it is, its tuned part, and the scoring of bench/real_corpus.py.

The corpus is third-party data kept beside the clone (`../shared/real-corpus/`, or
`$GOV_REPORTS_REAL_CORPUS`), never in the repository: tests that read it skip when it is absent.
Only the tuned part is ever opened here; a holdout file asked for is an error, not a skip.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.support.paths import ROOT


def _load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_real_corpus", ROOT / "bench" / "real_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


bench = _load_bench()
HOLDOUT = bench.load_holdout()
CORPUS = bench.corpus_dir({"corpus": bench.DEFAULT_CORPUS})

# The tuned part's files the recognition tests read: the traps with the kind they are refused as, the reports.
TUNED_TRAPS = {
    "pingtan_80787_trap.txt": "letter",
    "pingtan_45634_trap.txt": "work_report",
    "pingtan_83269_trap.txt": "work_report",
    "001_trap_ptq_shgzb2024_bmjs.pdf": "budget",
}
TUNED_REPORTS = (
    "pingtan_80678_report.txt",
    "pingtan_80734_report.txt",
    "pingtan_80774_report.txt",
    "pingtan_80506_report.txt",
    "pingtan_80613_report.txt",
    "pingtan_80629_report.txt",
    "shanghai_kewei2024_report.md",
)


def require_corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"no real corpus at {CORPUS} (../shared/real-corpus beside the clone, or ${bench.CORPUS_ENV})")
    return CORPUS


def corpus_file(name: str) -> Path:
    """A tuned-part document of the corpus (skip when the corpus is absent)."""
    assert name not in HOLDOUT, f"{name} is in the holdout: tests never open it"
    path = require_corpus() / name
    if not path.is_file():
        pytest.skip(f"{name} is not in {CORPUS}")
    return path


@cache
def tuned_results() -> list[Any]:
    """bench/real_corpus.py's results on the tuned part (skip when the corpus is absent), computed once."""
    require_corpus()
    results = bench.run(bench.load_truth(), HOLDOUT, "tuned", CORPUS)
    assert results and not {r.name for r in results} & HOLDOUT
    return results
