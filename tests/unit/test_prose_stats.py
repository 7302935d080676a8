"""Numbers stated in prose: pre-2019 reports, and later reports without tables."""

from __future__ import annotations

import pytest

from gov_reports.extract.prose_stats import PROSE_KEYS, extract_prose_stats, indicator_table_numbers
from gov_reports.extract.statistics import extract_statistics
from tests.support.stats_support import HARBIN_2020, HARBIN_CIVIL, JIANGGAN, QINHUANGDAO, seed


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


# --- issue 14: numbers only from sentences about that count ---------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # service windows, approvals, hotlines and consultations are not 政府信息公开申请
        ("行政服务中心窗口共受理申请1200件，办结1198件。", {}),
        ("今年我局共受理审批事项117件，办结171件。", {}),
        ("12345热线受理群众咨询申请300件。", {}),
        ("坚持第一时间登记受理、第一时间转送承办单位和第一时间回复申请的“三个一”工作机制。", {}),
        ("本年度共收到政府信息公开申请70件。", {"applications_received": 70}),
        # none, where the sentence is about that count
        ("2013年我局办公室未收到政府信息公开申请。", {"applications_received": 0}),
        (
            "2011年全区未收到有关政府信息公开的申请，未收到有关政府信息公开行政复议申请。",
            {"applications_received": 0, "reconsideration": 0},
        ),
        ("我局无不予公开政府信息情况。", {"not_disclosed": 0}),
        ("上年尚未审结的行政复议案件，本年已全部办结。", {}),  # 尚未 says nothing about the count
        # the 主动公开 total, not a channel's or a category's count
        ("通过门户网站公开政府信息3636条。2012年主动公开政府信息1913条。", {"proactive_total": 1913}),
        ("全年主动公开我区各级单位政府信息2645条。", {"proactive_total": 2645}),
        ("按规定主动公开其他政府信息 3092 条。", {}),
        ("市科委通过部门网站当年发布政府信息 393 件，其中包括行政规范性文件 13 件。", {"proactive_total": 393}),
        # a body's own spending on publicity is not a fee charged to applicants
        ("2013年用于税收宣传等产生的政府信息公开费用1万元。", {}),
    ],
)
def test_prose_counts_only_from_their_own_sentences(text: str, expected: dict[str, int]) -> None:
    found = extract_prose_stats(text)
    assert {k: v for k, v in found.items() if v is not None} == expected


INDICATOR_TABLE_SPACED = (
    "二○一二年二月二十日 附件1：政府信息公开情况统计表 指标名称 计量 单位 2011 年度 历年累计 "
    "主动公开信息数 条 425 1516 其中：1.网站公开 条 418 1509 2.政府公报公开 条 7 7 "
    "受理依申请公开信息总数 条 0 0 其中：1.当面申请数 条 0 0 对申请的答复数 条 0 0 其中：1.同意公开答复数 条 0 0 "
    "2.同意部分公开答复数 条 0 0 3.否决公开答复数 条 0 0 行政复议数 条 0 0 行政诉讼数 条 0 0 行政申诉数 条 0 0"
)
INDICATOR_TABLE_GLUED = (
    "六、政府信息公开情况统计表指标名称计量单位2017年度历年累计主动公开文件数条212210037"
    "其中：1、政府网站公开数条2122100372、政府公报公开数条00受理政府信息依申请公开总数条00对申请的答复总数条00"
    "其中：1、同意公开答复数条002、同意部分公开答复数条003、不予公开答复数条004、其他类型答复数条00"
    "接受行政诉讼、举报数件31行政复议数件00"
)


def test_indicator_table_of_an_old_report() -> None:
    assert indicator_table_numbers(INDICATOR_TABLE_SPACED) == {
        "proactive_total": 425,
        "applications_received": 0,
        "disclosed": 0,
        "partially_disclosed": 0,
        "not_disclosed": 0,
        "reconsideration": 0,
        "litigation": 0,
    }
    glued = indicator_table_numbers(INDICATOR_TABLE_GLUED)
    # 「212210037」: 2|12210037 … 2122|10037 all keep 历年累计 ≥ 本年度, so the year's figure is unknown;
    # 「00」 can only be 0 and 0; 「接受行政诉讼、举报数」 is not the 行政诉讼数 row
    assert "proactive_total" not in glued
    assert glued == {
        "applications_received": 0,
        "disclosed": 0,
        "partially_disclosed": 0,
        "not_disclosed": 0,
        "reconsideration": 0,
    }


def test_indicator_table_fills_only_what_the_sentences_leave_unsaid() -> None:
    prose = "2012年主动公开政府信息1913条。作为依申请公开信息数46条，不予公开信息数1402。"
    found = extract_prose_stats(prose + INDICATOR_TABLE_SPACED)
    assert found["proactive_total"] == 1913  # the sentence, not the table's 425
    assert found["not_disclosed"] == 0  # the table's 否决公开答复数, not 「不予公开信息数1402」 (items, not answers)
    assert found["litigation"] == 0
    assert found["fees"] is None
