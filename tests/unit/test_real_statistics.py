"""Statistics of the real corpus's tuned documents (issue 14), one rule per test, against the truth a person read.

The documents are read from ../shared/real-corpus (skipped when absent; holdout files are never opened);
the expected figures are tests/fixtures/real/truth.json's. Statistics are taken from the cleaned text the
way the pipeline does (`extract_statistics`), so these tests do not depend on the record's other fields.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from gov_reports.extract.clean import clean_html, clean_text
from gov_reports.extract.statistics import Statistics, extract_statistics
from tests.support.real_corpus_support import ROOT, corpus_file

TRUTH = json.loads((ROOT / "tests" / "fixtures" / "real" / "truth.json").read_text(encoding="utf-8"))["documents"]


def statistics_of(name: str) -> Statistics:
    path: Path = corpus_file(name)
    raw = path.read_text(encoding="utf-8")
    page = clean_html(raw, "") if path.suffix == ".html" else clean_text(raw)
    return extract_statistics("\n".join(page.lines), html=page.body, grids=page.grids, year=TRUTH[name]["year"])


def cell(value: Any) -> Any:
    return value["value"] if isinstance(value, dict) and set(value) == {"value", "unit", "raw"} else value


def mismatches(got: dict[str, Any] | None, truth: dict[str, Any], prefix: str, unreadable: set[str]) -> list[str]:
    """Every truth leaf under `prefix` the statistics do not have (unreadable cells aside)."""
    wrong = []
    for key, expected in truth.items():
        path = f"{prefix}.{key}"
        value = (got or {}).get(key, "<missing>")
        if isinstance(expected, dict):
            wrong += mismatches(value if isinstance(value, dict) else None, expected, path, unreadable)
        elif path not in unreadable and cell(value) != expected:
            wrong.append(f"{path}: {cell(value)!r} != {expected!r}")
    return wrong


def assert_truth(name: str, result: Statistics, *tables: str) -> None:
    truth = TRUTH[name]
    unreadable = set(truth.get("unreadable") or [])
    wrong = []
    for table in tables:
        if table == "summary":
            wrong += mismatches(result.summary, truth["summary"], "summary", unreadable)
        else:
            wrong += mismatches(result.stats[table], truth["stats"][table], f"stats.{table}", unreadable)
    assert not wrong, wrong


def test_cells_run_together_split_by_the_sums() -> None:
    """80613: every table a run of digits, the next row's numbering glued on (「00000002.其他…」)."""
    name = "pingtan_80613_report.txt"
    result = statistics_of(name)
    assert_truth(name, result, "applications", "reviews", "summary")
    assert result.stats["format"] == "2021"
    # 「270020130」 and 「220000325」 have two readings each by their row sums; the column sums decide
    assert result.stats["applications"]["disclosed"]["total"] == 30
    assert not [f for f in result.flags if f.startswith(("check_failed", "ambiguous_cells:applications"))]


def test_a_run_nothing_splits_is_null_and_flagged() -> None:
    """80613: 行政规范性文件 「693665」 (table 二 has no sums): null, never a guessed split."""
    name = "pingtan_80613_report.txt"
    result = statistics_of(name)
    assert_truth(name, result, "disclosure")
    assert result.stats["disclosure"]["normative_documents"] == dict.fromkeys(("issued", "repealed", "in_force"))
    assert "ambiguous_cells:disclosure.normative_documents" in result.flags
    assert {"table": "disclosure", "row": "normative_documents", "cells": ["行政规范性文件", "693665"]} in result.stats[
        "incomplete_rows"
    ]


def test_a_run_split_by_the_reports_own_words() -> None:
    """80629: 「8855698」 read as 88|55|698 because the report says 现行有效…698件 and 制发…88件."""
    name = "pingtan_80629_report.txt"
    result = statistics_of(name)
    assert_truth(name, result, "disclosure", "applications", "reviews", "summary")
    assert "cells_by_prose:disclosure.normative_documents" in result.flags


def test_markdown_rows_with_labels_apart_and_a_stray_cell() -> None:
    """Kewei 2024: labels printed away from their rows, unlabelled rows, a 总计 cell printed lines away."""
    name = "shanghai_kewei2024_report.md"
    result = statistics_of(name)
    assert_truth(name, result, "disclosure", "applications", "reviews", "summary")
    assert "rows_by_order:applications" in result.flags
    assert "cell_placed_by_sums:applications.carried_forward" in result.flags
    assert all(c["ok"] is True for c in result.checks if c["name"] != "tables_missing")


@pytest.mark.parametrize(
    "name",
    ["pingtan_80506_report.txt", "pingtan_80678_report.txt", "pingtan_80734_report.txt", "pingtan_80774_report.txt"],
)
def test_old_reports_prose_and_indicator_table(name: str) -> None:
    result = statistics_of(name)
    assert result.stats["format"] == "pre2019"
    assert_truth(name, result, "prose", "summary")


def test_counts_from_other_sentences_are_not_taken() -> None:
    """80774: 「共受理审批事项117件」 (window approvals) is no application count, 「…费用1万元」 (spending) no fee."""
    result = statistics_of("pingtan_80774_report.txt")
    assert result.stats["prose"]["applications_received"] == 0  # 「未收到政府信息公开申请」
    assert result.stats["prose"]["fees"] is None
    assert result.stats["prose"]["not_disclosed"] == 0  # 「我局无不予公开政府信息情况」
    assert result.summary["litigation_total"] is None  # the heading names 行政诉讼, no sentence counts it


def test_the_proactive_total_of_its_own_section() -> None:
    """80734: 门户网站公开政府信息3636条 (a channel), 主动公开政府信息1913条 (the total), 统计表 739."""
    result = statistics_of("pingtan_80734_report.txt")
    assert result.summary["proactive_total"] == 1913
    assert result.stats["prose"]["litigation"] == 0  # said only by the 统计表's 行政诉讼数


def test_indicator_table_run_together() -> None:
    """80506: 「主动公开文件数条212210037」 has no one split (prose gives 2122); 「条00」 rows are 0."""
    result = statistics_of("pingtan_80506_report.txt")
    assert result.stats["prose"]["proactive_total"] == 2122  # 「2017年全区主动公开政府信息2122条」
    assert result.stats["prose"]["disclosed"] == 0
    assert result.stats["prose"]["not_disclosed"] == 0
