"""Tables 二/三/四 from HTML markup and from flattened text."""

from __future__ import annotations

import pytest

from gov_reports.extract.numbers import chinese_to_int, parse_cell, parse_number
from gov_reports.extract.report_tables import (
    APPLICATION_COLUMNS,
    APPLICATION_ROWS,
    match_application_row,
    read_applications,
)
from gov_reports.extract.statistics import extract_statistics
from gov_reports.extract.tables import (
    Grid,
    fit_values,
    html_grids,
    normalise_label,
    split_line,
    text_grid,
)
from tests.support.stats_support import FIXTURES, HULIN, SHARED_SEEDS, render_text, seed, table_page

# --- numbers -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("16836", 16836),
        ("1,234", 1234),
        ("3929. 08", 3929.08),
        ("1.2万", 12000),
        ("一万二千", 12000),
        ("二千七百八十七", 2787),
        ("两万多", 20000),
        ("十二", 12),
        ("０", 0),
        ("3 4", None),
        ("万", None),
        ("abc", None),
    ],
)
def test_parse_number(text: str, value: int | float | None) -> None:
    assert parse_number(text) == value
    if value is not None:
        assert type(parse_number(text)) is type(value)


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("增 71", (71, None, False)),
        ("减 3", (-3, None, False)),
        ("+1036", (1036, None, False)),
        ("-3", (-3, None, True)),
        ("3929. 08 万元", (3929.08, "万元", False)),
        ("251000元", (251000, "元", False)),
        ("\xa0", (None, None, True)),
        ("", (None, None, True)),
        ("—", (None, None, True)),
        ("7", (7, None, True)),
        ("1. 属于国家秘密", None),
        ("规章", None),
    ],
)
def test_parse_cell(text: str, parsed: tuple | None) -> None:
    assert parse_cell(text) == parsed


def test_chinese_to_int_unchanged() -> None:
    assert chinese_to_int("二〇一〇") == 2010


# --- grids ---------------------------------------------------------------


def test_html_grid_expands_rowspan_and_colspan() -> None:
    html = (
        "<div><table><tr><td rowspan='2' colspan='2'>A</td><td>本年新<br />制作数量</td></tr>"
        "<tr><td>&nbsp;</td></tr><tr><td>1</td><td>2</td><td>3</td></tr></table></div>"
    )
    [grid] = html_grids(html)
    assert grid.positional
    assert grid.rows == [["A", "A", "本年新 制作数量"], ["A", "A", ""], ["1", "2", "3"]]


def test_html_grids_skip_layout_tables() -> None:
    html = "<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>"
    assert [g.rows for g in html_grids(html)] == [[["x"]]]


def test_normalise_label_folds_width_spacing_and_quotes() -> None:
    assert normalise_label("（二）部分公开（区分处理的，只计这一情形）") == normalise_label(
        "(二) 部分 公开(区分处理的,只计这一情形)"
    )
    assert normalise_label("结 果\n维 持") == "结果维持"
    assert normalise_label("3.危及“三安全一稳定”") == '3.危及"三安全一稳定"'


def test_split_line_rejoins_pdf_spaces() -> None:
    assert split_line("行政许可 154 增 71 4567") == ["行政许可", "154", "增71", "4567"]
    assert split_line("政府集中采购 208 3929. 08 万元") == ["政府集中采购", "208", "3929.08万元"]
    assert split_line("规章\t0\t\t0") == ["规章", "0", "", "0"]


def test_fit_values_short_row_keeps_only_agreeing_cells() -> None:
    assert fit_values(["0"] * 6, 7) == ([None, "0", "0", "0", "0", "0", None], "short")
    assert fit_values(["1", "2", "3", "4", "5", "6"], 7) == ([None] * 7, "short")
    assert fit_values(["0"] * 7 + [""], 7) == (["0"] * 7, None)
    assert fit_values(["", "1", "2", "3", "4", "5", "6", "21"], 7) == (
        ["1", "2", "3", "4", "5", "6", "21"],
        None,
    )


# --- label rules -----------------------------------------------------------


@pytest.mark.parametrize(
    ("labels", "previous", "key"),
    [
        (["三、本年度办理结果", "（一）予以公开"], None, "disclosed"),
        (["（二）部分公开（区分处理的,只计这一情况,不计其他情形）"], None, "partially_disclosed"),
        (["（三）不予公开", "5.属于三类内容事务信息"], None, "withheld_internal_affairs"),
        (["(四) 无法提 供", "1. 本机关不掌握相关政府信息"], None, "unable_not_held"),
        (["(五)", "1. 信访举报投诉类申请"], None, "rejected_petition"),
        (["4.无正当理由大量反复申请"], None, "rejected_mass_repeated"),
        (
            ["（六）其他处理", "1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请"],
            None,
            "other_overdue_correction",
        ),
        (["（六）其他处理", "3.其他"], None, "other_misc"),
        (["3.其他"], "other_unpaid_fees", "other_misc"),
        (["3.其他"], None, None),
        (["(六) 其他处理"], None, "other"),
        (["(七) 总计"], None, "total"),
        (["四、结转下年度继续办理"], None, "carried_forward"),
        (["二、上年结转政府信息公开申请数量"], None, "carried_over"),
        (["申请人情况"], None, None),
    ],
)
def test_match_application_row(labels: list[str], previous: str | None, key: str | None) -> None:
    assert match_application_row(labels, previous) == key


# --- 虎林 2020 (seeds/003): the tables as PDF/Word text ------------------------


@pytest.fixture(scope="module")
def hulin():
    return extract_statistics(seed(HULIN), report_format="unknown", year=2020)


def test_hulin_disclosure_all_22_values(hulin) -> None:
    assert hulin.stats["disclosure"] == {
        "rules": {"new_made": 0, "new_published": 0, "published_total": 0},
        "normative_documents": {"new_made": 9, "new_published": 9, "published_total": 45},
        "licensing": {
            "previous_year": 154,
            "change": {"value": 71, "unit": None, "raw": "增 71"},
            "decisions": 4567,
        },
        "other_services": {
            "previous_year": 0,
            "change": {"value": 5, "unit": None, "raw": "增 5"},
            "decisions": 0,
        },
        "penalties": {
            "previous_year": 987,
            "change": {"value": 20, "unit": None, "raw": "增 20"},
            "decisions": 862,
        },
        "coercive_measures": {"previous_year": 10, "change": 0, "decisions": 0},
        "fees": {"previous_year": 5, "change": 0},
        "procurement": {
            "projects": 208,
            "amount": {"value": 3929.08, "unit": "万元", "raw": "3929. 08 万元"},
        },
    }
    cells = [v for row in hulin.stats["disclosure"].values() for v in row.values()]
    assert len(cells) == 22


def test_hulin_applications_161_cells(hulin) -> None:
    apps = hulin.stats["applications"]
    assert list(apps) == list(APPLICATION_ROWS["2019"])
    assert all(list(row) == list(APPLICATION_COLUMNS) for row in apps.values())
    cells = {(r, c): v for r, row in apps.items() for c, v in row.items()}
    assert len(cells) == 161
    # The 「(五)」 row prints 6 numbers for 7 columns: the columns both readings
    # (left- and right-aligned) agree on are kept, the two ends are unknown.
    unknown = {("rejected_petition", "natural_person"), ("rejected_petition", "total")}
    assert {k for k, v in cells.items() if v is None} == unknown
    assert all(v == 0 for k, v in cells.items() if k not in unknown)
    assert "short_row:applications.rejected_petition" in hulin.flags
    assert hulin.stats["incomplete_rows"] == [
        {
            "table": "applications",
            "row": "rejected_petition",
            "cells": ["(五)", "1. 信访举报投诉类申请", "0", "0", "0", "0", "0", "0"],
        },
    ]


def test_hulin_reviews_15_zeros(hulin) -> None:
    assert hulin.stats["reviews"] == {
        row: dict.fromkeys(("upheld", "corrected", "other", "pending", "total"), 0)
        for row in ("reconsideration", "litigation_direct", "litigation_after_reconsideration")
    }


def test_hulin_format_summary_and_checks(hulin) -> None:
    assert hulin.format_hint == "2019"
    assert hulin.stats["format"] == "2019"
    assert hulin.summary == {
        "proactive_total": None,  # only category counts in the prose
        "applications_new": 0,
        "applications_carried_over": 0,
        "reconsideration_total": 0,
        "litigation_total": 0,
        "fees": None,
    }
    assert not [f for f in hulin.flags if f.startswith("check_failed")]
    by_name = {c["name"]: c for c in hulin.checks}
    assert by_name["applications_balance:total"]["ok"] is True
    assert by_name["applications_row_sum:rejected_petition"]["ok"] is None
    assert by_name["applications_outcome_sum:commercial"]["ok"] is True
    assert by_name["applications_outcome_sum:total"]["ok"] is None
    assert by_name["reviews_total:reconsideration"]["ok"] is True
    assert by_name["tables_missing"]["ok"] is True


def test_seed_copy_matches_shared_seed() -> None:
    shared = SHARED_SEEDS / HULIN
    if not shared.is_file():
        pytest.skip("shared seeds not beside the clone")
    assert (FIXTURES / "seeds" / HULIN).read_text(encoding="utf-8") == shared.read_text(encoding="utf-8")


# --- HTML tables -------------------------------------------------------------


def test_shanghai_2019_html_blanks_are_null() -> None:
    html = table_page("shanghai_2019.html")
    result = extract_statistics(render_text(html), html=html)
    stats = result.stats
    assert result.format_hint == "2019"
    assert stats["applications"]["new"] == {
        "natural_person": 820,
        "commercial": 30,
        "research": None,
        "social_welfare": None,
        "legal_service": 9,
        "other_org": None,
        "total": 859,
    }
    assert stats["applications"]["total"]["total"] == 805
    assert stats["applications"]["carried_forward"]["total"] == 72
    assert stats["applications"]["withheld_state_secret"] == dict.fromkeys(APPLICATION_COLUMNS)
    assert stats["applications"]["other"]["total"] == 35
    assert stats["reviews"] == {
        "reconsideration": {"upheld": 5, "corrected": None, "other": None, "pending": 2, "total": 7},
        "litigation_direct": {"upheld": 8, "corrected": None, "other": None, "pending": 1, "total": 9},
        "litigation_after_reconsideration": dict.fromkeys(("upheld", "corrected", "other", "pending", "total")),
    }
    assert stats["disclosure"]["licensing"] == {
        "previous_year": 30,
        "change": {"value": 1036, "unit": None, "raw": "+1036"},
        "decisions": 5000,
    }
    assert stats["disclosure"]["coercive_measures"]["change"] == {
        "value": -1,
        "unit": None,
        "raw": "减 1",
    }
    assert stats["disclosure"]["other_services"] == {
        "previous_year": None,
        "change": None,
        "decisions": None,
    }
    assert stats["disclosure"]["fees"] == {"previous_year": 3, "change": 0}
    assert stats["disclosure"]["procurement"] == {
        "projects": 15,
        "amount": {"value": 251000, "unit": "元", "raw": "251000元"},
    }
    assert result.summary["litigation_total"] == 9
    assert "blank_cells" in result.flags
    checks = {c["name"]: c["ok"] for c in result.checks}
    assert checks["applications_balance:total"] is True
    assert checks["applications_balance:research"] is None  # blank, not a failed 0
    assert checks["applications_outcome_sum:total"] is None  # a blank row
    assert checks["reviews_total:reconsideration"] is None
    assert not [f for f in result.flags if f.startswith("check_failed")]


def test_hangzhou_2021_html() -> None:
    html = table_page("hangzhou_2021.html")
    result = extract_statistics(render_text(html), html=html, year=2022)
    stats = result.stats
    assert result.format_hint == "2021"
    assert stats["format"] == "2021"
    apps = stats["applications"]
    assert list(apps) == list(APPLICATION_ROWS["2021"])
    assert [apps[r]["total"] for r in ("new", "carried_over", "total", "carried_forward")] == [
        14069,
        560,
        13810,
        819,
    ]
    assert apps["new"]["natural_person"] == 13500
    assert apps["other_misc"]["total"] == sum(apps["other_misc"][c] for c in APPLICATION_COLUMNS[:-1])
    assert stats["disclosure"] == {
        "rules": {"issued": 0, "repealed": 1, "in_force": 25},
        "normative_documents": {"issued": 12, "repealed": 3, "in_force": 150},
        "licensing": {"decisions": 5230},
        "penalties": {"decisions": 812},
        "coercive_measures": {"decisions": 40},
        "fees": {"amount": {"value": 1234.56, "unit": "万元", "raw": "1234.56"}},
    }
    assert stats["reviews"]["litigation_after_reconsideration"] == {
        "upheld": 2,
        "corrected": 0,
        "other": 0,
        "pending": 1,
        "total": 3,
    }
    assert result.summary == {
        "proactive_total": 3456,
        "applications_new": 14069,
        "applications_carried_over": 560,
        "reconsideration_total": 18,
        "litigation_total": 10,
        "fees": 0,
    }
    assert all(c["ok"] is True for c in result.checks), [c for c in result.checks if not c["ok"]]
    assert result.flags == []


def test_html_is_preferred_but_text_gives_the_same_tables() -> None:
    html = table_page("hangzhou_2021.html")
    text = render_text(html)
    from_html = extract_statistics(text, html=html)
    from_text = extract_statistics(text)
    assert from_text.stats["applications"] == from_html.stats["applications"]
    assert from_text.stats["reviews"] == from_html.stats["reviews"]
    assert from_text.stats["disclosure"]["rules"] == from_html.stats["disclosure"]["rules"]


def test_changchun_typos_match() -> None:
    html = table_page("changchun_typos_2022.html")
    result = extract_statistics(render_text(html), html=html)
    apps = result.stats["applications"]
    reference = extract_statistics("", html=table_page("hangzhou_2021.html")).stats
    assert apps == reference["applications"]
    assert not [f for f in result.flags if f.startswith(("missing_row", "check_failed"))]


def test_text_table_without_tabs() -> None:
    text = "\n".join(
        [
            "三、收到和处理政府信息公开申请情况",
            "一、本年新收政府信息公开申请数量 5 0 0 0 0 0 5",
            "二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1",
            "(一) 予以公开 4 0 0 0 0 0 4",
            "(七) 总计 4 0 0 0 0 0 4",
            "四、结转下年度继续办理 2 0 0 0 0 0 2",
        ]
    )
    read = read_applications(text_grid(text))
    assert read.data["new"] == dict(zip(APPLICATION_COLUMNS, [5, 0, 0, 0, 0, 0, 5], strict=True))
    assert read.data["carried_forward"]["total"] == 2


def test_prose_lines_are_not_table_rows() -> None:
    grid = Grid([["全年予以公开 5 件，其中自然人申请 3 件。"]], positional=False)
    assert read_applications(grid).data is None


def test_fixture_dir_present() -> None:
    assert (FIXTURES / "tables" / "inconsistent_2021.html").is_file()
