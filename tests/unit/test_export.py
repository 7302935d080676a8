"""Tidy CSV export of the statistics (long cells + wide summary)."""

from __future__ import annotations

import csv
from pathlib import Path

from gov_reports.outputs.export import (
    LONG_COLUMNS,
    WIDE_COLUMNS,
    export_csv,
    iter_long_rows,
    summary_path_for,
    summary_row,
)
from tests.support.stats_support import HULIN, QINHUANGDAO, seed
from tests.support.stats_support import export_record as _record


def test_long_rows_hulin() -> None:
    rows = list(iter_long_rows(_record(seed(HULIN), "虎林市人民政府", 2020, "2019")))
    assert all(list(r) == list(LONG_COLUMNS) for r in rows)
    by_cell = {(r["table"], r["row"], r["column"]): r for r in rows}
    assert len([r for r in rows if r["table"] == "disclosure"]) == 22
    assert len([r for r in rows if r["table"] == "applications"]) == 161
    assert len([r for r in rows if r["table"] == "reviews"]) == 15
    amount = by_cell[("disclosure", "procurement", "amount")]
    assert (amount["value"], amount["unit"], amount["raw"]) == ("3929.08", "万元", "3929. 08 万元")
    change = by_cell[("disclosure", "licensing", "change")]
    assert (change["value"], change["raw"]) == ("71", "增 71")
    assert by_cell[("applications", "new", "total")]["value"] == "0"
    assert by_cell[("applications", "rejected_petition", "total")]["value"] == ""
    assert rows[0]["issuer"] == "虎林市人民政府" and rows[0]["year"] == "2020"
    assert rows[0]["format"] == "2019"


def test_long_rows_prose_and_empty() -> None:
    rows = list(iter_long_rows(_record(seed(QINHUANGDAO), "秦皇岛市人民政府", 2016, "pre2019")))
    assert [(r["row"], r["value"], r["unit"]) for r in rows] == [
        ("proactive_total", "16836", ""),
        ("applications_received", "162", ""),
        ("reconsideration", "4", ""),
        ("litigation", "4", ""),
        ("fees", "0", "元"),
    ]
    assert {r["table"] for r in rows} == {"prose"}
    assert list(iter_long_rows({"issuer": "x", "stats": None})) == []


def test_summary_row() -> None:
    row = summary_row(_record(seed(QINHUANGDAO), "秦皇岛市人民政府", 2016, "pre2019"))
    assert list(row) == list(WIDE_COLUMNS)
    assert row["proactive_total"] == "16836"
    assert row["applications_carried_over"] == ""
    assert row["fees"] == "0"
    assert row["format"] == "pre2019"


def test_summary_path_naming() -> None:
    assert summary_path_for(Path("out/reports.csv")) == Path("out/reports.summary.csv")
    assert summary_path_for(Path("reports")) == Path("reports.summary.csv")


def test_export_csv_writes_both_files(tmp_path: Path) -> None:
    records = [
        _record(seed(HULIN), "虎林市人民政府", 2020, "2019"),
        _record(seed(QINHUANGDAO), "秦皇岛市人民政府", 2016, "pre2019"),
    ]
    long_path, wide_path = export_csv(iter(records), tmp_path / "reports.csv")
    assert (long_path, wide_path) == (tmp_path / "reports.csv", tmp_path / "reports.summary.csv")
    with long_path.open(encoding="utf-8", newline="") as f:
        long_rows = list(csv.DictReader(f))
    assert len(long_rows) == 22 + 161 + 15 + 5
    assert list(long_rows[0]) == list(LONG_COLUMNS)
    with wide_path.open(encoding="utf-8", newline="") as f:
        wide = list(csv.DictReader(f))
    assert [(w["issuer"], w["year"], w["applications_new"]) for w in wide] == [
        ("虎林市人民政府", "2020", "0"),
        ("秦皇岛市人民政府", "2016", "162"),
    ]
    assert wide[0]["failed_checks"] == ""


def test_summary_columns_are_the_extractors_summary_keys() -> None:
    """The export reads the summary's fields from the published schema: the extractor's, in its order."""
    from gov_reports.extract.statistics import SUMMARY_KEYS
    from gov_reports.outputs.columns import SUMMARY_FIELDS

    assert SUMMARY_FIELDS == SUMMARY_KEYS
    assert WIDE_COLUMNS[7 : 7 + len(SUMMARY_KEYS)] == SUMMARY_KEYS
