"""A consistent 2021 table 三 (its row labels, its numbers) and the PDF that prints it over page breaks.

Shared by tests/unit/test_flat_tables.py (the flat-table reader) and tests/support/pdf_samples.py (every PDF
the tests build, read both ways by tests/unit/test_pdf_reader.py).
"""

from __future__ import annotations

from gov_reports.demo.builder.pdf_writer import PdfPage, make_pdf
from gov_reports.extract.report_tables import APPLICATION_ROWS

LABELS_2021 = {
    "new": "一、本年新收政府信息公开申请数量",
    "carried_over": "二、上年结转政府信息公开申请数量",
    "disclosed": "三、本年度办理结果（一）予以公开",
    "partially_disclosed": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "withheld_state_secret": "（三）不予公开1.属于国家秘密",
    "withheld_prohibited_by_law": "2.其他法律行政法规禁止公开",
    "withheld_three_safeties_one_stability": "3.危及“三安全一稳定”",
    "withheld_third_party": "4.保护第三方合法权益",
    "withheld_internal_affairs": "5.属于三类内部事务信息",
    "withheld_process_info": "6.属于四类过程性信息",
    "withheld_enforcement_files": "7.属于行政执法案卷",
    "withheld_query_matters": "8.属于行政查询事项",
    "unable_not_held": "（四）无法提供1.本机关不掌握相关政府信息",
    "unable_needs_creation": "2.没有现成信息需要另行制作",
    "unable_unclear": "3.补正后申请内容仍不明确",
    "rejected_petition": "（五）不予处理1.信访举报投诉类申请",
    "rejected_repeated": "2.重复申请",
    "rejected_publication": "3.要求提供公开出版物",
    "rejected_mass_repeated": "4.无正当理由大量反复申请",
    "rejected_confirmation": "5.要求行政机关确认或重新出具已获取信息",
    "other_overdue_correction": "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "other_unpaid_fees": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "other_misc": "3.其他",
    "total": "（七）总计",
    "carried_forward": "四、结转下年度继续办理",
}
TABLE_FOUR = "四、政府信息公开行政复议、行政诉讼情况"


def table_three() -> dict[str, list[int]]:
    """A consistent 2021 table 三: every row sum, the 勾稽关系 and the outcome sums hold."""
    rows = {key: [0] * 7 for key in APPLICATION_ROWS["2021"]}
    rows["new"] = [64, 0, 0, 2, 0, 4, 70]
    rows["disclosed"] = [27, 0, 0, 2, 0, 1, 30]
    rows["partially_disclosed"] = [5, 0, 0, 0, 0, 0, 5]
    rows["withheld_enforcement_files"] = [6, 0, 0, 0, 0, 0, 6]
    rows["unable_not_held"] = [22, 0, 0, 0, 0, 3, 25]
    rows["other_misc"] = [3, 0, 0, 0, 0, 0, 3]
    rows["total"] = [63, 0, 0, 2, 0, 4, 69]
    rows["carried_forward"] = [1, 0, 0, 0, 0, 0, 1]
    return rows


def split_table_pdf() -> bytes:
    """Table 三 over two pages (footers, a running header with a year), table 四's row alone on a third.

    Row labels are cut to what fits their cell (「（六）其他处理1.申请人无正当理」), as real PDFs print them.
    """
    rows = table_three()
    keys = list(rows)

    def body(part: list[str]) -> list[list[str | None]]:
        return [[LABELS_2021[k][:16], *map(str, rows[k])] for k in part]

    first = PdfPage()
    first.text(60, 800, "三、收到和处理政府信息公开申请情况")
    header: list[list[str | None]] = [["申请人情况", *[None] * 7], ["", "自然人", "商业企业", "科研机构"] + ["…"] * 4]
    first.table(30, 790, [200] + [48] * 7, header + body(keys[:14]))
    first.text(280, 30, "— 1 —")
    second = PdfPage()
    second.text(60, 815, "2021年政府信息公开工作年度报告")
    bottom = second.table(30, 800, [200] + [48] * 7, body(keys[14:]))
    second.text(60, bottom - 20, TABLE_FOUR)
    measures: list[str | None] = ["维持", "纠正", "其他", "尚未审结", "总计"]
    second.table(30, bottom - 30, [36] * 15, [["行政复议", *[None] * 4, "行政诉讼", *[None] * 9], measures * 3])
    second.text(280, 30, "— 2 —")
    third = PdfPage()
    third.text(40, 800, "1  0  2  0  3  12  0  0  0  12  0  0  0  0  0")  # a one-row table is no grid: text
    third.text(60, 780, "五、存在的主要问题及改进情况")
    return make_pdf([first, second, third])
