"""Consistency checks (勾稽关系) and the JSON Schemas of the statistics."""

from __future__ import annotations

import jsonschema
import pytest

from gov_reports.extract.checks import application_checks, failed_flags, review_checks
from gov_reports.extract.report_tables import APPLICATION_COLUMNS, APPLICATION_ROWS, REVIEW_ROWS
from gov_reports.extract.statistics import (
    CHECK_JSON_SCHEMA,
    STATS_JSON_SCHEMA,
    SUMMARY_JSON_SCHEMA,
    extract_statistics,
)
from tests.support.stats_support import HARBIN_2020, HULIN, QINHUANGDAO, render_text, seed, table_page


def _zero_table(fmt: str) -> dict[str, dict[str, int | None]]:
    return {row: dict.fromkeys(APPLICATION_COLUMNS, 0) for row in APPLICATION_ROWS[fmt]}


def test_consistent_table_passes() -> None:
    rows = _zero_table("2019")
    rows["new"].update(natural_person=10, total=10)
    rows["disclosed"].update(natural_person=8, total=8)
    rows["total"].update(natural_person=8, total=8)
    rows["carried_forward"].update(natural_person=2, total=2)
    checks = application_checks(rows, "2019")
    assert all(c["ok"] is True for c in checks)
    assert len(checks) == 7 + 23 + 7
    assert failed_flags(checks) == []


def test_balance_violation_is_named_per_column() -> None:
    rows = _zero_table("2019")
    rows["new"].update(natural_person=10, total=10)
    checks = {c["name"]: c for c in application_checks(rows, "2019")}
    assert checks["applications_balance:total"]["ok"] is False
    assert checks["applications_balance:total"]["detail"] == "10 + 0 = 10 ≠ 0 = 0 + 0"
    assert checks["applications_balance:commercial"]["ok"] is True


def test_failed_balance_has_a_readable_message() -> None:
    """The issue's example: 12 in, 11 accounted for, in the words the report prints."""
    rows = _zero_table("2019")
    rows["new"].update(natural_person=10, total=10)
    rows["carried_over"].update(natural_person=2, total=2)
    rows["total"].update(natural_person=9, total=9)
    rows["carried_forward"].update(natural_person=2, total=2)
    checks = {c["name"]: c for c in application_checks(rows, "2019")}
    assert checks["applications_balance:total"]["detail"] == "10 + 2 = 12 ≠ 11 = 9 + 2"
    assert checks["applications_balance:total"]["message"] == (
        "总计列：本年新收加上年结转之和 (12) ≠ 总计加结转下年度继续办理之和 (11)"
    )
    assert checks["applications_balance:natural_person"]["message"].startswith(
        "自然人列：本年新收加上年结转之和 (12) ≠"
    )
    assert checks["applications_balance:commercial"]["message"] == (
        "商业企业列：本年新收加上年结转之和 (0) = 总计加结转下年度继续办理之和 (0)"
    )
    assert checks["applications_row_sum:new"]["message"] == (
        "本年新收行：总计 (10) = 自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他组织之和 (10)"
    )
    assert checks["applications_outcome_sum:total"]["message"] == "总计列：总计 (9) ≠ 予以公开至其他处理19项之和 (0)"


def test_every_check_has_a_message_in_chinese() -> None:
    rows = _zero_table("2021")
    rows["new"]["research"] = None
    reviews = {row: {"upheld": 1, "corrected": 0, "other": 0, "pending": 0, "total": 2} for row in REVIEW_ROWS}
    checks = application_checks(rows, "2021") + review_checks(reviews)
    assert all(c["message"] and "_" not in c["message"] for c in checks), [c["message"] for c in checks]
    by_name = {c["name"]: c["message"] for c in checks}
    assert by_name["applications_balance:research"] == (
        "科研机构列：无法核对 本年新收加上年结转之和 与 总计加结转下年度继续办理之和：本年新收为空"
    )
    assert by_name["reviews_total:reconsideration"] == (
        "行政复议：总计 (2) ≠ 结果维持、结果纠正、其他结果、尚未审结之和 (1)"
    )
    for check in checks:
        jsonschema.validate(check, CHECK_JSON_SCHEMA)


def test_blank_cells_are_not_checkable_not_failures() -> None:
    rows = _zero_table("2021")
    rows["new"]["research"] = None
    checks = {c["name"]: c for c in application_checks(rows, "2021")}
    assert checks["applications_balance:research"]["ok"] is None
    assert checks["applications_balance:research"]["detail"].startswith("not checkable")
    assert checks["applications_row_sum:new"]["ok"] is None
    assert failed_flags(checks.values()) == []


def test_outcome_sum_uses_the_format_rows() -> None:
    rows = _zero_table("2021")
    rows["other_misc"].update(natural_person=1, total=1)
    rows["total"].update(natural_person=1, total=1)
    rows["new"].update(natural_person=1, total=1)
    checks = {c["name"]: c["ok"] for c in application_checks(rows, "2021")}
    assert checks["applications_outcome_sum:total"] is True
    assert "applications_row_sum:other" not in checks


def test_review_totals() -> None:
    reviews = {
        "reconsideration": {"upheld": 5, "corrected": 1, "other": 0, "pending": 2, "total": 8},
        "litigation_direct": {"upheld": 1, "corrected": 0, "other": 0, "pending": 0, "total": 2},
        "litigation_after_reconsideration": {
            "upheld": None,
            "corrected": None,
            "other": None,
            "pending": None,
            "total": None,
        },
    }
    assert [c["ok"] for c in review_checks(reviews)] == [True, False, None]


def test_inconsistent_html_is_flagged_and_kept() -> None:
    html = table_page("inconsistent_2021.html")
    result = extract_statistics(render_text(html), html=html)
    assert result.stats["applications"]["new"]["total"] == 14000
    failed = sorted(f for f in result.flags if f.startswith("check_failed:"))
    assert failed == [
        "check_failed:applications_balance:total",
        "check_failed:applications_outcome_sum:natural_person",
        "check_failed:applications_row_sum:new",
        "check_failed:applications_row_sum:rejected_repeated",
        "check_failed:reviews_total:reconsideration",
    ]


@pytest.mark.parametrize("page", ["hangzhou_2021.html", "changchun_typos_2022.html", "shanghai_2019.html"])
def test_consistent_html_not_flagged(page: str) -> None:
    html = table_page(page)
    result = extract_statistics(render_text(html), html=html)
    assert not [f for f in result.flags if f.startswith("check_failed:")]
    assert not [c for c in result.checks if c["ok"] is False]


@pytest.mark.parametrize(
    ("text", "html"),
    [
        (seed(HULIN), None),
        (seed(QINHUANGDAO), None),
        (seed(HARBIN_2020), None),
        (render_text(table_page("shanghai_2019.html")), table_page("shanghai_2019.html")),
        (render_text(table_page("hangzhou_2021.html")), table_page("hangzhou_2021.html")),
    ],
)
def test_output_matches_schemas(text: str, html: str | None) -> None:
    result = extract_statistics(text, html=html)
    jsonschema.validate(result.stats, STATS_JSON_SCHEMA)
    jsonschema.validate(result.summary, SUMMARY_JSON_SCHEMA)
    for check in result.checks:
        jsonschema.validate(check, CHECK_JSON_SCHEMA)


def test_schema_rejects_a_wrong_key() -> None:
    stats = extract_statistics(seed(HULIN)).stats
    stats["applications"]["new"]["natural_persons"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(stats, STATS_JSON_SCHEMA)
    stats = extract_statistics(seed(HULIN)).stats
    stats["reviews"]["reconsideration"]["upheld"] = "0"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(stats, STATS_JSON_SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"fees": None}, SUMMARY_JSON_SCHEMA)


def test_nothing_found_gives_no_stats() -> None:
    result = extract_statistics("本机关认真贯彻落实条例。")
    assert result.stats is None
    assert result.summary == dict.fromkeys(
        (
            "proactive_total",
            "applications_new",
            "applications_carried_over",
            "reconsideration_total",
            "litigation_total",
            "fees",
        )
    )
    assert result.checks == [] and result.flags == []
