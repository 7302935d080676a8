"""The report's numbers, computed from small hand-made records: deadlines, coverage, missing pairs, series."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from gov_reports.outputs.coverage.aggregate import aggregate, failed_checks, outcome_groups, parse_years
from gov_reports.outputs.coverage.charts import all_charts
from gov_reports.outputs.coverage.deadlines import deadline, timeliness
from gov_reports.sources import Source


def record(issuer: str, year: int, level: str = "city", published: str | None = None, **extra: Any) -> dict:
    return {
        "key": f"{issuer}|{year}",
        "issuer": issuer,
        "year": year,
        "level": level,
        "province": extra.pop("province", "河北省"),
        "published": published,
        "summary": extra.pop("summary", {}),
        "stats": extra.pop("stats", None),
        "checks": extra.pop("checks", []),
        "flags": extra.pop("flags", []),
        "spam": extra.pop("spam", []),
        **extra,
    }


@pytest.mark.parametrize(
    ("year", "level", "expected"),
    [
        (2020, "department", dt.date(2021, 1, 31)),  # 2019 regulation 第四十九条: departments by 1月31日
        (2020, "city", dt.date(2021, 3, 31)),  # governments by 3月31日
        (2020, "county", dt.date(2021, 3, 31)),
        (2022, "township", dt.date(2023, 3, 31)),
        (2018, "department", dt.date(2019, 3, 31)),  # 2007 regulation: everyone by 3月31日
        (2009, "province", dt.date(2010, 3, 31)),
        (2020, "unknown", None),
        (2018, "unknown", dt.date(2019, 3, 31)),  # before 2019 the level does not matter
    ],
)
def test_deadline(year: int, level: str, expected: dt.date | None) -> None:
    assert deadline(year, level) == expected


@pytest.mark.parametrize(
    ("year", "level", "published", "expected"),
    [
        (2020, "department", "2021-01-31", "on_time"),
        (2020, "department", "2021-02-01", "late"),
        (2020, "city", "2021-03-31", "on_time"),
        (2020, "city", "2021-04-01", "late"),
        (2018, "department", "2019-03-20", "on_time"),
        (2019, "department", "2020-03-20", "late"),
        (2020, "city", None, "no_date"),
        (2020, "city", "2021-13-01", "no_date"),
        (2020, "unknown", "2021-01-15", "on_time"),
        (2020, "unknown", "2021-02-15", "level_unknown"),
        (2020, "unknown", "2021-04-02", "late"),
    ],
)
def test_timeliness(year: int, level: str, published: str | None, expected: str) -> None:
    assert timeliness(year, level, published) == expected


def test_parse_years() -> None:
    assert parse_years("2016-2019") == [2016, 2017, 2018, 2019]
    assert parse_years("2019") == [2019]
    assert parse_years("2016,2020-2021") == [2016, 2020, 2021]
    for bad in ("2019-2016", "19", "2016..2019", ""):
        with pytest.raises(ValueError):
            parse_years(bad)


def test_outcome_groups_from_table_and_prose() -> None:
    table = {
        "applications": {
            "new": {"total": 10},
            "disclosed": {"total": 4},
            "partially_disclosed": {"total": 1},
            "withheld_state_secret": {"total": 1},
            "withheld_third_party": {"total": 2},
            "unable_not_held": {"total": None},
            "other_overdue_correction": {"total": 1},
            "other_misc": {"total": 1},
            "total": {"total": 10},
            "carried_forward": {"total": 0},
        }
    }
    assert outcome_groups({"stats": table}) == {"disclosed": 4, "partially_disclosed": 1, "withheld": 3, "other": 2}
    prose = {"prose": {"disclosed": 6, "partially_disclosed": 1, "not_held": 1, "not_disclosed": None}}
    assert outcome_groups({"stats": prose}) == {"disclosed": 6, "partially_disclosed": 1, "unable": 1}
    assert outcome_groups({"stats": None}) == {}


def test_failed_checks_leave_out_tables_missing() -> None:
    checks = [
        {"name": "tables_missing", "ok": False, "detail": ""},
        {"name": "applications_balance:total", "ok": False, "detail": ""},
        {"name": "reviews_total:reconsideration", "ok": None, "detail": ""},
        {"name": "applications_row_total:new", "ok": True, "detail": ""},
    ]
    assert failed_checks({"checks": checks}) == ["applications_balance:total"]


def test_aggregate() -> None:
    records = [
        record("甲市人民政府", 2020, "city", "2021-03-30", summary={"applications_new": 10, "litigation_total": 2}),
        record(
            "甲市人民政府",
            2021,
            "city",
            "2022-04-08",
            summary={"applications_new": 5, "applications_carried_over": None},
            flags=["tables_missing", "mirror_suspected", "nongov_address:www.tgflt.cn"],
            checks=[{"name": "tables_missing", "ok": False, "detail": ""}],
            spam=["类似亚博的台子"],
        ),
        record(
            "甲市财政局",
            2021,
            "department",
            "2022-02-10",
            summary={"applications_new": None},
            checks=[{"name": "applications_balance:total", "ok": False, "detail": ""}],
            trust={"verdict": "official", "reasons": ["configured_host"]},
            flags=["mirror_suspected"],  # the trust verdict decides, not this older flag
            mirrors=["http://mirror.example.com/a.html", "http://mirror.example.net/a.html"],
        ),
        record("乙县人民政府", 2021, "county", None, province="黑龙江省", trust={"verdict": "mirror", "reasons": []}),
        record("乙县人民政府", 2015, "county", "2016-03-01", province="黑龙江省"),
        record("无年份", None),  # type: ignore[arg-type]
    ]
    sources = [
        Source(issuer="甲市人民政府", province="河北省", level="city", column_url="http://a.gov.cn/", provenance="t"),
        Source(issuer="丙市人民政府", province="河北省", level="city", column_url="http://c.gov.cn/", provenance="t"),
    ]
    data = aggregate(records, years=[2020, 2021], sources=sources)

    assert data.records == 4 and data.outside_years == 2 and data.years == [2020, 2021]
    assert data.by_province == {"河北省": {2020: 1, 2021: 2}, "黑龙江省": {2020: 0, 2021: 1}}
    assert data.by_level == {"city": {2020: 1, 2021: 1}, "county": {2020: 0, 2021: 1}, "department": {2020: 0, 2021: 1}}
    assert data.by_issuer == {"乙县人民政府": {2021}, "甲市人民政府": {2020, 2021}, "甲市财政局": {2021}}
    assert data.registered == 2
    assert [(m.issuer, m.year) for m in data.missing or []] == [("丙市人民政府", 2020), ("丙市人民政府", 2021)]

    assert dict(data.timeliness_by_year[2020]) == {"on_time": 1}
    assert dict(data.timeliness_by_year[2021]) == {"late": 2, "no_date": 1}
    assert dict(data.timeliness_by_level["department"]) == {"late": 1}
    assert [(r.issuer, r.deadline, r.days_late) for r in data.late] == [
        ("甲市财政局", "2022-01-31", 10),
        ("甲市人民政府", "2022-03-31", 8),
    ]

    assert data.applications_new.totals == {2020: 10, 2021: 5}
    assert data.applications_new.reporting == {2020: 1, 2021: 1}
    assert data.lawsuits.totals == {2020: 2}
    assert data.applications_carried_over.totals == {}
    assert dict(data.quality[2021]) == {"records": 3, "failed_checks": 1, "tables_missing": 1, "no_statistics": 3}

    assert dict(data.trust) == {"not_assessed": 2, "official": 1, "mirror": 1}
    assert data.mirror_records == 2  # one by its trust verdict, one (no trust field) by its flag
    assert data.mirror_copies == 2
    assert data.spam_removed == 1
    assert dict(data.nongov_hosts) == {"www.tgflt.cn": 1}


def test_aggregate_defaults_to_the_years_in_the_dump_and_charts_render_empty() -> None:
    data = aggregate([record("甲市人民政府", 2016), record("甲市人民政府", 2019)])
    assert data.years == [2016, 2019] and data.missing is None and data.registered is None
    empty = aggregate([])
    charts = all_charts(empty)
    assert list(charts) == ["applications", "outcomes", "reviews", "quality"]
    for svg in charts.values():
        assert svg.startswith('<svg class="chart" role="img"') and "<script" not in svg


def test_html_escapes_what_comes_from_the_dump() -> None:
    from gov_reports.outputs.coverage.html import render_html

    hostile = record('<script>alert("x")</script>', 2020, "city", "2021-05-01", province="<b>省</b>")
    data = aggregate([hostile, record("甲市人民政府", 2019)], years=[2020])
    page = render_html(data, {}, source_name="<dump>.jsonl", registry_note="<i>none</i>", stats_note="&")
    assert "<script" not in page and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "<b>省</b>" not in page and "&lt;dump&gt;.jsonl" in page and "<i>none</i>" not in page
    assert "1 record(s) outside the years asked for are left out." in page
