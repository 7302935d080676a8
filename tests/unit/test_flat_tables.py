"""Tables whose grid the text lost (issue 14): a cell per line, Markdown rows, cells run together.

Minimal inputs of our own that reproduce the shapes of the real corpus (tests/unit/test_real_statistics.py reads
the real documents): each row is placed by its label or by the format's row order, each run of digits is
split only where the table's sums leave one reading, and a cell nothing decides is null with a flag.
"""

from __future__ import annotations

import pytest

from gov_reports.extract.flat_tables import (
    pieces,
    read_flat_applications,
    read_flat_disclosure,
    read_flat_reviews,
)
from gov_reports.extract.report_tables import APPLICATION_COLUMNS, APPLICATION_ROWS
from gov_reports.extract.statistics import extract_statistics
from tests.support.table_three import LABELS_2021, TABLE_FOUR, split_table_pdf, table_three

HEADER = "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
COLUMNS_HEADER = "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"


def values_of(data: dict) -> dict[str, list]:
    return {key: list(row.values()) for key, row in data.items()}


def run_together(rows: dict[str, list[int]]) -> str:
    """The crawler-dump shape: labels and cells glued, the next label's numbering on the last cell."""
    return HEADER + COLUMNS_HEADER + "".join(LABELS_2021[k] + "".join(map(str, v)) for k, v in rows.items())


# --- pieces: labels and values ---------------------------------------------


def test_numbering_glued_to_a_run_belongs_to_the_next_label() -> None:
    found = pieces("1.属于国家秘密00000002.其他法律行政法规禁止公开 0000000")
    assert found[0] == "1.属于国家秘密"
    assert found[1].groups == ["0000000"]
    assert found[2] == "2.其他法律行政法规禁止公开"
    assert found[3].groups == ["0000000"]


def test_page_footers_and_markdown_rules_are_not_cells() -> None:
    found = pieces("行政许可\n97\n— 1 —\n第2页 共5页\n|---|---|\n行政处罚\n0")
    assert [p if isinstance(p, str) else p.groups for p in found] == ["行政许可", ["97"], "行政处罚", ["0"]]


# --- Table 三 --------------------------------------------------------------


def test_run_together_table_three_split_by_its_sums() -> None:
    rows = table_three()
    read = read_flat_applications(run_together(rows) + TABLE_FOUR)
    # 「270020130」 also reads 2|7|0|0|20|1|30 and 「220000325」 2|20|0|0|0|3|25 by their own row sums:
    # the column sums of （七）总计 leave only one reading of each
    assert values_of(read.data) == rows
    assert read.evidence == {"2021"}
    assert not read.flags


def test_one_cell_per_line_with_broken_labels_and_a_page_footer() -> None:
    rows = table_three()
    lines = [HEADER, "申请人情况", "自然人", "商业", "企业"]
    for i, (key, cells) in enumerate(rows.items()):
        label = LABELS_2021[key]
        lines += [label[:7], label[7:]]  # labels broken over two lines, as PDF text dumps have them
        lines += [str(c) for c in cells]
        if i == 11:
            lines += ["— 2 —"]
    read = read_flat_applications("\n".join(lines))
    assert values_of(read.data) == rows
    assert not read.flags


def test_markdown_rows_whose_labels_stand_apart_are_placed_by_order() -> None:
    rows = table_three()
    keys = list(rows)
    lines = []
    for key in keys:
        cells = " | ".join(map(str, rows[key]))
        if key in ("unable_not_held", "unable_needs_creation", "unable_unclear"):
            lines.append(f"| {cells} |")  # the label went elsewhere
        else:
            lines.append(f"| {LABELS_2021[key]} | {cells} |")
        lines.append("|---|---|---|---|---|---|---|---|")
    # the three labels, printed together away from their numbers
    apart = "（四）无法提供1.本机关不掌握相关政府信息2.没有现成信息需要另行制作"
    lines.insert(2 * keys.index("unable_not_held"), apart)
    read = read_flat_applications("\n".join(lines))
    assert values_of(read.data) == rows
    assert "rows_by_order:applications" in read.flags


def test_unlabelled_rows_that_do_not_fit_the_gap_are_not_placed() -> None:
    rows = table_three()
    lines = []
    for key, cells in rows.items():
        if key == "unable_needs_creation":
            continue  # lost: two unlabelled rows for three places
        prefix = "" if key.startswith("unable_") else f"| {LABELS_2021[key]} "
        lines.append(f"{prefix}| {' | '.join(map(str, cells))} |")
    read = read_flat_applications("\n".join(lines))
    assert "unplaced_rows:applications" in read.flags
    assert not any(k.startswith("unable_") for k in read.data)


def test_a_run_no_sum_can_split_is_null_and_flagged() -> None:
    rows = table_three()
    text = run_together(rows).replace(LABELS_2021["new"] + "640020470", LABELS_2021["new"] + "1111111")
    read = read_flat_applications(text)
    # 「1111111」: seven ones, and 1+1+1+1+1+1 ≠ 1 — printed as it is, the check will say so
    assert list(read.data["new"].values()) == [1] * 7
    text = run_together(rows).replace("640020470", "12345678")
    read = read_flat_applications(text)
    assert list(read.data["new"].values()) == [None] * 7
    assert "ambiguous_cells:applications.new" in read.flags


def test_spaced_cells_are_never_joined_or_cut_without_a_sum() -> None:
    text = "\n".join([LABELS_2021["new"] + " 12 0 0 0 0 12", LABELS_2021["total"] + " 5 0 0 0 0 0 5"])
    read = read_flat_applications(text)
    # six cells apart for seven columns: no cut of 12 passes the row sum, so nothing is guessed
    assert list(read.data["new"].values()) == [None] * 7
    assert list(read.data["total"].values()) == [5, 0, 0, 0, 0, 0, 5]


def test_stray_cell_placed_where_the_sums_put_it() -> None:
    rows = table_three()
    lines = [f"| {LABELS_2021[k]} | {' | '.join(map(str, v))} |" for k, v in rows.items() if k != "carried_forward"]
    lines.insert(3, "1")  # a cell torn from its row (the dump printed it lines away)
    lines.append(f"| {LABELS_2021['carried_forward']} | 1 | 0 | 0 | 0 | 0 | 0 |  |")
    read = read_flat_applications("\n".join(lines))
    assert list(read.data["carried_forward"].values()) == [1, 0, 0, 0, 0, 0, 1]
    assert "cell_placed_by_sums:applications.carried_forward" in read.flags
    # a stray the sums do not ask for stays out
    read = read_flat_applications("\n".join(lines).replace("\n1\n", "\n7\n"))
    assert read.data["carried_forward"]["total"] is None


def test_mixed_layouts_2021_table_two_with_a_2019_table_three() -> None:
    rows = {k: [0] * 7 for k in APPLICATION_ROWS["2019"]}
    rows["new"] = rows["total"] = [2, 0, 0, 0, 0, 0, 2]
    rows["disclosed"] = [2, 0, 0, 0, 0, 0, 2]
    labels = dict(LABELS_2021, other="（六）其他处理")
    table_two = "第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 0 0 0 行政规范性文件 3 1 20"
    table_three_text = HEADER + "".join(labels[k] + " " + " ".join(map(str, v)) for k, v in rows.items())
    result = extract_statistics("二、主动公开政府信息情况\n" + table_two + "\n" + table_three_text, year=2021)
    assert result.stats["disclosure"]["normative_documents"] == {"issued": 3, "repealed": 1, "in_force": 20}
    assert list(result.stats["applications"]) == list(APPLICATION_ROWS["2019"])
    assert result.stats["applications"]["other"] == dict.fromkeys(APPLICATION_COLUMNS, 0)
    assert "format_conflict" in result.flags


# --- Table 四 --------------------------------------------------------------

REVIEW_HEADER = (
    "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉"
    "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计"
)


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        # the only 15-cell split with every 总计 = its four parts
        ("10203120001200000", [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]),
        ("0 1 1 0 2 1 0 0 0 1 0 0 0 0 0", [0, 1, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]),
        # 1|1|0|0|2 or 11|0|0|0|11? both pass; none of the cells is known
        ("1100211000110000", [None] * 15),
    ],
)
def test_table_four_run(printed: str, expected: list) -> None:
    read = read_flat_reviews(TABLE_FOUR + REVIEW_HEADER + printed + "五、存在的主要问题及改进情况")
    assert [v for row in read.data.values() for v in row.values()] == expected
    assert ("ambiguous_cells:reviews" in read.flags) == (None in expected)


def test_table_four_header_and_row_across_a_page_break() -> None:
    text = "\n".join(
        [
            TABLE_FOUR,
            "行政复议 行政诉讼",
            "结果维持 结果纠正 其他结果 尚未审结 总计",
            "— 4 —",
            "2023年政府信息公开工作年度报告",  # the running header of the next page has digits of its own
            "2 0 0 1 3 0 0 0 0 0 1 0 0 0 1",
            "五、存在的主要问题及改进情况",
        ]
    )
    read = read_flat_reviews(text)
    assert read.data["reconsideration"] == {"upheld": 2, "corrected": 0, "other": 0, "pending": 1, "total": 3}
    assert read.data["litigation_after_reconsideration"]["total"] == 1


# --- Table 二 --------------------------------------------------------------

TABLE_TWO = (
    "二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章 000"
    "行政规范性文件693665第二十条第（五）项信息内容本年处理决定数量行政许可2293 第二十条第（六）项信息内容 "
    "本年处理决定数量行政处罚1282行政强制42第二十条第（八）项信息内容 本年收费金额（单位：万元）"
    "行政事业性收费24252.31"
)


def test_table_two_run_together() -> None:
    read = read_flat_disclosure(TABLE_TWO + "三、收到和处理政府信息公开申请情况")
    assert read.evidence == {"2021"}
    assert read.data["rules"] == {"issued": 0, "repealed": 0, "in_force": 0}  # 「000」: a zero starts no number
    assert read.data["normative_documents"] == {"issued": None, "repealed": None, "in_force": None}
    assert "ambiguous_cells:disclosure.normative_documents" in read.flags
    assert read.data["licensing"] == {"decisions": 2293}
    assert read.data["coercive_measures"] == {"decisions": 42}
    assert read.data["fees"] == {"amount": {"value": 24252.31, "unit": "万元", "raw": "24252.31"}}


def test_table_two_run_split_by_the_reports_own_statement() -> None:
    prose = "集中公开现行有效行政规范性文件665件，本年度制发的规范性文件69件。"
    read = read_flat_disclosure(prose + TABLE_TWO + "三、收到和处理政府信息公开申请情况")
    assert read.data["normative_documents"] == {"issued": 69, "repealed": 3, "in_force": 665}
    assert "cells_by_prose:disclosure.normative_documents" in read.flags
    # a statement no reading agrees with decides nothing
    read = read_flat_disclosure("现行有效行政规范性文件700件。" + TABLE_TWO + "三、")
    assert read.data["normative_documents"]["in_force"] is None


def test_flattened_tables_in_the_record_with_checks() -> None:
    rows = table_three()
    rows["carried_over"] = [0, 0, 0, 0, 0, 0, 1]  # printed total contradicts its parts: kept, the check fails
    text = TABLE_TWO + run_together(rows) + TABLE_FOUR + REVIEW_HEADER + "10203120001200000五、存在的主要问题及改进情况"
    result = extract_statistics(text, year=2021)
    assert result.stats["format"] == "2021"
    assert result.stats["applications"]["carried_over"]["total"] == 1
    assert "check_failed:applications_row_sum:carried_over" in result.flags
    assert "check_failed:applications_balance:total" in result.flags
    assert result.summary["applications_new"] == 70
    assert result.summary["reconsideration_total"] == 3
    assert result.summary["litigation_total"] == 12


# --- A table split across PDF pages --------------------------------------------


def test_pdf_table_split_across_pages() -> None:
    from gov_reports.extract.documents import read_document

    text = read_document(split_table_pdf(), name="split.pdf").text
    assert "2021年政府信息公开工作年度报告" in text  # the running header sits between table 三's rows
    result = extract_statistics(text, year=2021)
    assert values_of(result.stats["applications"]) == table_three()
    # the cut 「（六）其他处理1.申请人无正当理」 names no row by its words: it is placed by its order
    assert "rows_by_order:applications" in result.flags
    assert result.stats["reviews"]["litigation_direct"] == {
        "upheld": 12,
        "corrected": 0,
        "other": 0,
        "pending": 0,
        "total": 12,
    }
    assert not [f for f in result.flags if f.startswith(("check_failed", "missing_row", "unexpected_row"))]


def test_prose_naming_the_first_row_before_the_table() -> None:
    rows = table_three()
    prose = "2021年，本年新收政府信息公开申请70件，上年结转0件。"
    read = read_flat_applications(prose + "\n" + run_together(rows) + TABLE_FOUR)
    assert values_of(read.data) == rows


def test_a_footnote_between_the_halves_of_a_table_does_not_end_it() -> None:
    rows = table_three()
    text = run_together(rows)
    cut = text.index(LABELS_2021["unable_not_held"])
    text = text[:cut] + "\n注：本表数据来源于各单位报送。— 3 —\n" + text[cut:]  # an inline footer too
    read = read_flat_applications(text + TABLE_FOUR + "。以下为第四部分。")
    assert values_of(read.data) == rows


def test_rows_a_dump_merged_into_one_get_their_shares_in_order() -> None:
    rows = table_three()
    lines = []
    for key in rows:
        if key == "rejected_repeated":
            continue
        if key == "rejected_publication":  # one Markdown row holding two rows' labels and cells
            both = rows["rejected_repeated"] + rows["rejected_publication"]
            label = LABELS_2021["rejected_repeated"] + " " + LABELS_2021["rejected_publication"]
            lines.append(f"| {label} | {' | '.join(map(str, both))} |")
        elif key == "unable_needs_creation":  # and two unlabelled rows run into one
            both = rows["unable_needs_creation"] + rows["unable_unclear"]
            lines.append(f"| {' | '.join(map(str, both))} |")
        elif key != "unable_unclear":
            lines.append(f"| {LABELS_2021[key]} | {' | '.join(map(str, rows[key]))} |")
    read = read_flat_applications("\n".join(lines))
    assert values_of(read.data) == rows


def test_html_table_three_split_in_two_tables() -> None:
    rows = table_three()
    keys = list(rows)

    def table(part: list[str], header: bool) -> str:
        head = "<tr><td>申请人情况</td><td>自然人</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td>"
        head += "<td>法律服务机构</td><td>其他</td><td>总计</td></tr>"
        body = "".join(
            "<tr><td>" + LABELS_2021[k] + "</td>" + "".join(f"<td>{v}</td>" for v in rows[k]) + "</tr>" for k in part
        )
        return "<table>" + (head if header else "") + body + "</table>"

    html = "<div>" + table(keys[:12], True) + "<p>— 3 —</p>" + table(keys[12:], False) + "</div>"
    result = extract_statistics("", html=html, year=2021)
    assert values_of(result.stats["applications"]) == rows
    assert "columns_by_position:applications" in result.flags  # the second half has no header of its own


def test_a_running_page_header_inside_a_rows_cells_is_no_cell() -> None:
    rows = table_three()
    lines = []
    for key, cells in rows.items():
        lines.append(LABELS_2021[key])
        values = [str(c) for c in cells]
        if key == "unable_not_held":  # the page turns after the row's third cell
            values[3:3] = ["— 2 —", "2021年政府信息公开工作年度报告"]
        lines += values
    read = read_flat_applications("\n".join(lines))
    assert values_of(read.data) == rows


def test_one_cell_too_many_over_several_lines_is_not_cut_to_fit() -> None:
    new = "\n".join([LABELS_2021["new"], "64", "0", "0", "2", "0", "4", "70", "3"])  # a bare page number after it
    read = read_flat_applications(new + "\n" + LABELS_2021["carried_over"] + "\n0" * 7)
    assert list(read.data["new"].values()) == [None] * 7
    assert "long_row:applications.new" in read.flags
    assert list(read.data["carried_over"].values()) == [0] * 7


def test_a_wide_markdown_row_is_one_row() -> None:
    line = f"| {LABELS_2021['new']} | 64 | 0 | 0 | 2 | 0 | 4 | 70 |" + "  |" * 7
    read = read_flat_applications(line)
    assert list(read.data) == ["new"]
    assert list(read.data["new"].values()) == [64, 0, 0, 2, 0, 4, 70]


def test_prose_naming_article_twenty_is_no_table_two() -> None:
    prose = "按照《条例》第二十条规定，全年办理行政许可1800件，行政处罚95件。"
    read = read_flat_disclosure(prose + TABLE_TWO + "三、收到和处理政府信息公开申请情况")
    assert read.data["licensing"] == {"decisions": 2293}
    assert read.data["penalties"] == {"decisions": 1282}
    assert not [f for f in read.flags if f.startswith("duplicate_row")]
