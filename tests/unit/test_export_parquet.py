"""Parquet beside the CSVs: typed columns (nullable ints, dates, lists) holding the same values."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from gov_reports.cli import main
from gov_reports.outputs.export import LONG_COLUMNS, WIDE_COLUMNS, export_tables, parquet_path_for
from tests.support.stats_support import HULIN, QINHUANGDAO, export_record, seed

# One failed check besides the seed's own: the summary table counts failures.
_FAILED = ({"name": "applications_balance:total", "ok": False, "detail": "x"},)


def _record(text: str, issuer: str, year: int, fmt: str, published: str | None) -> dict:
    return export_record(text, issuer, year, fmt, published, extra_checks=_FAILED)


@pytest.fixture
def exported(tmp_path: Path) -> tuple[Path, Path, Path, Path]:
    records = [
        _record(seed(HULIN), "虎林市人民政府", 2020, "2019", "2021-02-04"),
        _record(seed(QINHUANGDAO), "秦皇岛市人民政府", 2016, "pre2019", None),
    ]
    return export_tables(iter(records), tmp_path / "reports.csv")


def test_paths(exported: tuple[Path, Path, Path, Path], tmp_path: Path) -> None:
    assert exported == (
        tmp_path / "reports.csv",
        tmp_path / "reports.summary.csv",
        tmp_path / "reports.parquet",
        tmp_path / "reports.summary.parquet",
    )
    assert parquet_path_for(Path("out/stats")) == Path("out/stats.parquet")


def test_summary_parquet_is_typed(exported: tuple[Path, Path, Path, Path]) -> None:
    table = pq.read_table(exported[3])
    assert table.column_names == list(WIDE_COLUMNS)
    schema = table.schema
    assert schema.field("year").type == pa.int32()
    assert schema.field("published").type == pa.date32()
    assert schema.field("applications_new").type == pa.int64()
    assert schema.field("fees").type == pa.float64()
    assert schema.field("failed_checks").type == pa.list_(pa.string())
    assert schema.field("issuer").metadata[b"description"].decode() == "The issuing body."
    rows = table.to_pylist()
    hulin, qhd = rows
    assert (hulin["issuer"], hulin["year"], hulin["published"]) == ("虎林市人民政府", 2020, dt.date(2021, 2, 4))
    assert hulin["applications_new"] == 0 and hulin["proactive_total"] is None
    assert hulin["failed_checks"] == ["applications_balance:total"]
    assert (qhd["published"], qhd["applications_new"], qhd["applications_carried_over"]) == (None, 162, None)
    assert (qhd["reconsideration_total"], qhd["fees"]) == (4, 0.0)


def test_long_parquet_matches_the_csv(exported: tuple[Path, Path, Path, Path]) -> None:
    table = pq.read_table(exported[2])
    assert table.column_names == list(LONG_COLUMNS)
    assert table.schema.field("value").type == pa.float64()
    with exported[0].open(encoding="utf-8", newline="") as f:
        csv_rows = list(csv.DictReader(f))
    rows = table.to_pylist()
    assert len(rows) == len(csv_rows) == 22 + 161 + 15 + 5
    for typed, text in zip(rows, csv_rows, strict=True):
        assert typed["key"] == text["key"] and typed["year"] == int(text["year"])
        assert (typed["table"], typed["row"], typed["column"]) == (text["table"], text["row"], text["column"])
        assert typed["value"] == (float(text["value"]) if text["value"] else None)
        assert (typed["unit"] or "", typed["raw"] or "") == (text["unit"], text["raw"])
    amount = next(r for r in rows if (r["table"], r["row"], r["column"]) == ("disclosure", "procurement", "amount"))
    assert (amount["value"], amount["unit"], amount["raw"]) == (3929.08, "万元", "3929. 08 万元")


def test_cli_export_writes_parquet(tmp_path: Path) -> None:
    dump = tmp_path / "reports.jsonl"
    records = [_record(seed(QINHUANGDAO), "秦皇岛市人民政府", 2016, "pre2019", "2017-02-22")]
    dump.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    assert main(["export", str(dump), "--format", "both", "-o", str(tmp_path / "out.csv")]) == 0
    summary = pq.read_table(tmp_path / "out.summary.parquet").to_pylist()
    assert [(r["key"], r["published"]) for r in summary] == [("秦皇岛市人民政府|2016", dt.date(2017, 2, 22))]
    assert pq.read_table(tmp_path / "out.parquet").num_rows == 5


def test_bad_date_is_a_clear_error(tmp_path: Path) -> None:
    record = _record(seed(QINHUANGDAO), "秦皇岛市人民政府", 2016, "pre2019", "2017-02-30")
    with pytest.raises(ValueError, match="秦皇岛市人民政府\\|2016: published '2017-02-30'"):
        export_tables([record], tmp_path / "out.csv")
