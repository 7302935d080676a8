"""Numbers stated in prose: pre-2019 reports, and later reports without tables."""

from __future__ import annotations

import pytest
from stats_support import HARBIN_2020, HARBIN_CIVIL, JIANGGAN, QINHUANGDAO, seed

from gov_reports.extract.prose_stats import PROSE_KEYS, extract_prose_stats
from gov_reports.extract.statistics import extract_statistics


def test_qinhuangdao_2016() -> None:
    result = extract_statistics(seed(QINHUANGDAO), report_format="pre2019", year=2016)
    assert result.stats["format"] == "pre2019"
    assert result.stats["prose"] == {
        "proactive_total": 16836,
        "applications_received": 162,
        "disclosed": None,
        "partially_disclosed": None,
        "not_disclosed": None,
        "not_held": None,
        "reconsideration": 4,
        "litigation": 4,
        "fees": 0,  # 「本年度没有依申请收费和减免情况的报告」
    }
    assert result.summary == {
        "proactive_total": 16836,
        "applications_new": 162,
        "applications_carried_over": None,
        "reconsideration_total": 4,
        "litigation_total": 4,
        "fees": 0,
    }
    assert result.stats["applications"] is None and result.stats["reviews"] is None
    assert result.checks == []
    assert result.flags == []
    assert result.format_hint is None


def test_harbin_civil_affairs_2017() -> None:
    result = extract_statistics(seed(HARBIN_CIVIL), year=2017)
    assert result.stats["format"] == "pre2019"
    assert result.stats["prose"] == {
        "proactive_total": 1561,
        "applications_received": 8,
        "disclosed": 6,
        "partially_disclosed": 1,
        "not_disclosed": None,
        "not_held": 1,
        "reconsideration": 0,  # 「未发生…行政复议案」
        "litigation": 0,  # 「未发生…行政诉讼案」
        "fees": 0,  # 「未向申请人收取任何费用」
    }
    assert result.summary["applications_new"] == 8
    assert result.summary["fees"] == 0


def test_harbin_2020_tables_missing() -> None:
    result = extract_statistics(seed(HARBIN_2020), report_format="2019", year=2020)
    assert "tables_missing" in result.flags
    assert result.checks == [
        {
            "name": "tables_missing",
            "ok": False,
            "detail": "section headings 二/三/四 present, no statistics tables",
            "message": "有第二、三、四部分的标题，但没有统计表",
        }
    ]
    assert result.stats["format"] == "2019"
    assert result.stats["applications"] is None
    # 「全市共受理依申请公开政府信息2787件」: the summary says it, flagged; no cell is invented
    assert result.summary["applications_new"] == 2787
    assert "summary_from_prose:applications_new" in result.flags
    assert result.summary["proactive_total"] is None
    assert result.stats["prose"]["applications_received"] == 2787


def test_harbin_2020_without_caller_hints() -> None:
    result = extract_statistics(seed(HARBIN_2020))
    assert "tables_missing" in result.flags
    assert result.stats["format"] == "unknown"


def test_jianggan_2020_no_headings() -> None:
    result = extract_statistics(seed(JIANGGAN), year=2020)
    assert result.summary["proactive_total"] == 6948
    assert result.summary["applications_new"] == 481
    assert "tables_missing" not in result.flags
    assert result.checks == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("本年度主动公开信息一万二千条。", {"proactive_total": 12000}),
        ("全年主动公开政府信息1.2万条。", {"proactive_total": 12000}),
        ("共受理依申请公开政府信息二千七百八十七件。", {"applications_received": 2787}),
        ("收到政府信息公开申请1条。", {"applications_received": 1}),
        ("行政复议和行政诉讼均为零。", {"reconsideration": 0, "litigation": 0}),
        ("未发生因政府信息公开申请行政复议、提起行政诉讼的情况。", {"reconsideration": 0, "litigation": 0}),
        ("收取检索、复制费用共计120元。", {"fees": 120}),
        ("收取费用0.5万元。", {"fees": 5000}),
        ("本年度未收取信息处理费。", {"fees": 0}),
        ("不予以公开3件，予以公开5件。", {"not_disclosed": 3, "disclosed": 5}),
        # category counts and on-request counts are not the 主动公开 total
        ("全年共主动公开应急救援信息 10 条；依申请公开政府信息12条。", {}),
        # a rule is not a statement of fees charged
        ("除可以收取检索、复制、邮寄等成本费用外，不得收取其他费用。", {}),
        ("比去年减少1件。", {}),
    ],
)
def test_prose_patterns(text: str, expected: dict[str, int]) -> None:
    found = extract_prose_stats(text)
    assert set(found) == set(PROSE_KEYS)
    assert {k: v for k, v in found.items() if v is not None} == expected


def test_first_statement_wins() -> None:
    text = "未发生行政复议案件。其他单位报告行政复议3件。"
    assert extract_prose_stats(text)["reconsideration"] == 0
    text = "报告行政复议3件。全年未发生行政复议。"
    assert extract_prose_stats(text)["reconsideration"] == 3
