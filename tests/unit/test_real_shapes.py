"""Issue 14's field rules, each on the real documents that show it and on minimal inputs of that shape.

Real documents are read from ../shared/real-corpus/ (tuned part only; skipped when absent); the
minimal inputs are tests/fixtures/real_shapes/ (see its README) and the strings below.
"""

from __future__ import annotations

import pytest

from gov_reports.commands import extract_file
from gov_reports.extract.clean import clean_html, clean_text, dump_header, title_from_lines
from gov_reports.extract.fields import issuer_candidates, signature, stat_period_year
from gov_reports.extract.page import NotAReport, Page, extract
from gov_reports.extract.regions import is_body_name
from gov_reports.extract.saved_files import read_page
from gov_reports.extract.titles import year_from_title
from tests.support.paths import REAL_SHAPES as SHAPES
from tests.support.real_corpus_support import corpus_file

DUMP_LABEL_LEAKS = ("标题:", "标题：", "发布时间", "原文链接", "本地目录", "links.tsv", "栏目:", "栏目：", "=====")


def _clean_corpus_text(name: str):
    content, kind = read_page(corpus_file(name))
    assert kind == "text"
    return clean_text(content)


# --- A crawler's dump header: labels, never text ------------------------------------------------


def test_saved_dump_header_is_labels_not_text() -> None:
    page = clean_text((SHAPES / "saved_dump.txt").read_text(encoding="utf-8"))
    assert page.titles[0] == "云霄县交通运输局2019年度政府信息公开工作年度报告"
    assert page.labels["发布时间"].startswith("2020-01-21")
    assert page.labels["发布机构"] == "云霄县交通运输局"
    assert page.labels["栏目"] == "政府信息公开年报"
    text = "\n".join(page.lines)
    assert not any(leak in text for leak in DUMP_LABEL_LEAKS), text[:300]
    # The breadcrumb, title, labels and share widgets run into the first paragraph are cut off it.
    assert text.startswith("本报告根据《中华人民共和国政府信息公开条例》编制")
    assert page.labels["来源"] == "云霄县人民政府"


def test_run_in_chrome_is_cut_only_up_to_its_widgets() -> None:
    line = "当前位置： 首页 政务公开 某县2020年政府信息公开工作年度报告 时间：2021-01-05 打印 关闭 本报告根据条例编制。"
    assert clean_text(line).lines == ["本报告根据条例编制。"]
    # No widget word: where the chrome ends is not known, and nothing is cut.
    bare = (
        "当前位置： 首页 政务公开 年报 本报告根据《中华人民共和国政府信息公开条例》编制。" + "主动公开政府信息。" * 30
    )
    assert clean_text(bare).lines == [bare]


def test_real_dump_run_in_chrome_is_cut() -> None:
    page = _clean_corpus_text("pingtan_80678_report.txt")
    assert page.lines[0].startswith("本报告主要根据《中华人民共和国政府信息公开条例》")
    assert page.labels["来源"] == "平潭综合实验区管委会办公室"


def test_saved_dump_record() -> None:
    record = extract_file(SHAPES / "saved_dump.txt")
    assert (record["issuer"], record["year"]) == ("云霄县交通运输局", 2019)
    assert record["title"] == "云霄县交通运输局2019年度政府信息公开工作年度报告"
    assert (record["published"], record["published_source"]) == ("2020-01-21", "label")


def test_dump_header_needs_labels_above_its_rule() -> None:
    lines = ["标题: 某县2020年政府信息公开工作年度报告", "发布时间: 2021-01-05", "=== 正文 ===", "正文第一行"]
    assert dump_header(lines) == ({"标题": "某县2020年政府信息公开工作年度报告", "发布时间": "2021-01-05"}, 3)
    assert (
        dump_header(["标题：2024 年报告", "发布时间：2025-01-02 08:30", "=" * 20, "x"])[0]["发布时间"]
        == "2025-01-02 08:30"
    )
    # A report's own rule of dashes under a sentence is no header: nothing is taken away.
    assert dump_header(["一、总体情况", "------", "2020年，我县…"]) == ({}, 0)
    assert dump_header(["标题: 一行", "------", "正文"]) == ({}, 0)


def test_title_label_without_a_rule_gives_the_title_not_the_label() -> None:
    page = clean_text(
        "标题：某县2020年政府信息公开工作年度报告\n发布时间：2021-01-05\n"
        "本报告根据《中华人民共和国政府信息公开条例》编制。"
    )
    assert page.titles[0] == "某县2020年政府信息公开工作年度报告"
    assert not any(line.startswith("标题") for line in page.lines)


def test_column_label_is_never_a_title() -> None:
    # 「栏目: 政府信息公开年报」 names a report type, and was taken for the page's title.
    page = clean_text("栏目: 政府信息公开年报\n关于2014年政府信息公开工作要点落实情况的函\n各单位：……")
    assert not any("栏目" in title for title in page.titles)
    assert page.labels["栏目"] == "政府信息公开年报"


@pytest.mark.parametrize(
    ("name", "issuer", "year", "published"),
    [
        ("pingtan_80678_report.txt", "平潭综合实验区", 2011, "2012-04-11"),
        ("pingtan_80734_report.txt", "平潭综合实验区", 2012, "2013-02-25"),
        ("pingtan_80506_report.txt", "平潭综合实验区", 2017, "2018-01-23"),
        ("pingtan_80613_report.txt", "平潭综合实验区", 2021, "2022-02-08"),
        ("pingtan_80629_report.txt", "平潭综合实验区", 2022, "2023-02-20"),
        # A department's report in the main column: its title says 信息公开年度报告.
        ("pingtan_80774_report.txt", "平潭综合实验区地方税务局", 2013, "2014-02-25"),
    ],
)
def test_real_dumps_give_fields_without_labels(name: str, issuer: str, year: int, published: str) -> None:
    record = extract_file(corpus_file(name))
    assert (record["issuer"], record["year"]) == (issuer, year)
    assert (record["published"], record["published_source"]) == (published, "label")
    assert not record["title"].startswith(("标题", "栏目"))
    assert not any(leak in record["text"] for leak in DUMP_LABEL_LEAKS)


def test_real_dump_publisher_label_is_issuer_evidence() -> None:
    page = _clean_corpus_text("pingtan_80678_report.txt")
    assert page.labels["发布机构"] == "平潭综合实验区管委会办公室"
    text = "\n".join(page.lines)
    candidates = issuer_candidates(page.titles[0], page, signature(page.lines), text, None)
    assert candidates[0] == ("平潭综合实验区", "title")
    assert ("平潭综合实验区管委会办公室", "metadata") in candidates


def test_real_trap_dump_title_is_its_own_not_the_column() -> None:
    page = _clean_corpus_text("pingtan_80787_trap.txt")
    assert page.titles and page.titles[0] == "关于2014年政府信息公开工作要点落实情况的函"
    assert not any("栏目" in title or title == "政府信息公开年报" for title in page.titles)


# --- Titles over several lines, and a cover's issuer line ----------------------------------------


TITLE_SPLIT = "2024 年上海市科委政府信息公开工作"
NO_BODY_TITLE = "2024 年政府信息公开工作年度报告"


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        # A PDF's title wrapped over two lines, under a heading that is not part of it.
        (["正文", TITLE_SPLIT, "年度报告", "根据《条例》…"], TITLE_SPLIT + "年度报告"),
        # A cover: the issuer on its own line above a title that names no body.
        (["金湖县人民政府", NO_BODY_TITLE, "2025 年 1 月"], "金湖县人民政府" + NO_BODY_TITLE),
        # … or below it.
        (
            ["二〇二四 年度政府信息公开工作年度报告", "金湖县财政局", "二〇二五年一月"],
            "金湖县财政局二〇二四 年度政府信息公开工作年度报告",
        ),
        # A title that names its body keeps it, whatever stands around.
        (
            ["金湖县人民政府", "金湖县财政局2024年政府信息公开工作年度报告"],
            "金湖县财政局2024年政府信息公开工作年度报告",
        ),
        # A heading or a date above is no issuer.
        (["目录", NO_BODY_TITLE, "一、总体情况"], NO_BODY_TITLE),
    ],
)
def test_title_from_lines(lines: list[str], title: str) -> None:
    assert title_from_lines(lines) == title


def test_title_from_lines_joins_no_sentence() -> None:
    assert title_from_lines(["本报告是根据条例编制的。", "政府信息公开工作年度报告"]) == "政府信息公开工作年度报告"
    sentence = ["按照要求，现将2024年政府信息公开", "工作年度报告发布如下，请查阅。", "一、总体情况"]
    assert title_from_lines(sentence) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("洪泽区人民政府", True),
        ("上海市科学技术委员会", True),
        ("平潭县", True),
        ("金湖县财政局", True),
        ("目录", False),
        ("正文", False),
        ("2025 年 1 月", False),
        ("一、总体情况", False),
        ("政府信息公开工作年度报告", False),
    ],
)
def test_is_body_name(text: str, expected: bool) -> None:
    assert is_body_name(text) is expected


def test_cover_pdf_fixture_is_what_its_builder_writes() -> None:
    from tests.fixtures.real_shapes.build import cover_report_pdf

    assert (SHAPES / "cover_report.pdf").read_bytes() == cover_report_pdf()


def test_cover_pdf_gives_the_issuer_of_its_cover() -> None:
    record = extract_file(SHAPES / "cover_report.pdf")
    assert (record["issuer"], record["year"]) == ("金湖县人民政府", 2024)
    assert record["title"] == "金湖县人民政府2024 年政府信息公开工作年度报告"
    assert record["level"] == "county"
    # The cover prints a month, no day: not a publication date; and there is no signature.
    assert record["published"] is None


def test_real_split_title_and_spaced_year() -> None:
    record = extract_file(corpus_file("shanghai_kewei2024_report.md"))
    assert record["title"] == "2024 年上海市科委政府信息公开工作年度报告"
    assert record["year"] == 2024
    assert record["issuer"].startswith("上海市")


# --- Spaced years ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "year"),
    [
        ("2024 年政府信息公开工作年度报告", 2024),
        ("某县二〇二四 年度政府信息公开工作年度报告", 2024),
        ("某县 二○二三 年政府信息公开工作年度报告", 2023),
        ("某县政府信息公开工作 2016 年度报告", 2016),
    ],
)
def test_spaced_year_in_title(title: str, year: int) -> None:
    assert year_from_title(title) == year


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("本报告中所列数据的统计期限为 2024 年 1 月 1 日至 2024 年 12 月 31 日。", 2024),
        ("本年度报告中所列数据的统计周期\n为 2024 年 1 月 1 日至 12 月 31 日。", 2024),
        ("本报告所列数据统计期限自 二〇二四 年 一 月 一 日起至 二〇二四 年十二月三十一日止。", 2024),
    ],
)
def test_spaced_year_in_statistics_period(text: str, year: int) -> None:
    assert stat_period_year(text) == year


def test_spaced_year_decides_a_record_without_title_year() -> None:
    text = (
        "某县人民政府政府信息公开工作年度报告\n"
        "本报告中所列数据的统计期限为 二〇二三 年 1 月 1 日至 二〇二三 年 12 月 31 日。主动公开政府信息 12 条，"
        "收到依申请公开申请 3 件。\n某县人民政府\n2024 年 1 月 30 日"
    )
    record = extract(Page(text, kind="text"))
    assert record.year == 2023
    assert (record.published, record.published_source) == ("2024-01-30", "signature")


# --- A title in a bold, centred or large paragraph -------------------------------------------------


def test_bold_paragraph_title_page_gives_its_record() -> None:
    record = extract_file(SHAPES / "bold_title.html")
    assert record["title"] == "浙江省人民政府办公厅2023年政府信息公开工作年度报告"
    assert (record["issuer"], record["year"]) == ("浙江省人民政府办公厅", 2023)
    assert (record["published"], record["published_source"]) == ("2024-01-26", "label")
    assert not record["text"].startswith("浙江省人民政府办公厅2023年")  # the title is not body text


BODY = "<p>本报告根据《中华人民共和国政府信息公开条例》编制。主动公开政府信息 12 条，收到依申请公开申请 3 件。</p>"


@pytest.mark.parametrize(
    "heading",
    [
        '<p align="center">某县2023年政府信息公开工作年度报告</p>',
        '<div style="font-weight: bold">某县2023年政府信息公开工作年度报告</div>',
        "<p><strong>某县2023年政府信息公开工作年度报告</strong></p>",
        '<p><span style="font-size:18pt">某县</span><span style="font-size:18pt">2023年政府信息公开工作年度报告'
        "</span></p>",
        "<center>某县2023年政府信息公开工作年度报告</center>",
    ],
)
def test_styled_heading_is_a_title_candidate(heading: str) -> None:
    page = clean_html(f"<html><head><title>某县人民政府</title></head><body>{heading}{BODY}</body></html>")
    assert page.titles[0] == "某县2023年政府信息公开工作年度报告"


@pytest.mark.parametrize(
    "block",
    [
        "<p>某县2023年政府信息公开工作年度报告</p>",  # plain: a paragraph like any other
        '<p align="center"><a href="/nb/1.html">某县2023年政府信息公开工作年度报告</a></p>',  # a list's link
        "<p><b>现将某县2023年政府信息公开工作年度报告公布如下，请查阅。</b></p>",  # a sentence
    ],
)
def test_unstyled_or_linked_or_sentence_is_no_title(block: str) -> None:
    page = clean_html(f"<html><head><title>某县人民政府</title></head><body>{block}{BODY}</body></html>")
    assert not [title for title in page.titles if "年度报告" in title]


def test_report_like_h1_keeps_styled_paragraphs_out() -> None:
    html = (
        "<html><body><h1>某县2023年政府信息公开工作年度报告</h1>"
        "<p><b>某县2022年政府信息公开工作年度报告</b></p>" + BODY + "</body></html>"
    )
    assert clean_html(html).titles == ["某县2023年政府信息公开工作年度报告"]


def test_styled_trap_title_is_seen_as_a_trap() -> None:
    html = (
        "<html><head><title>某县人民政府</title></head><body>"
        "<p align=center><b>某县政府信息公开工作年度报告制度</b></p>" + BODY + "</body></html>"
    )
    with pytest.raises(NotAReport) as refused:
        extract(Page(html))
    assert refused.value.reason == "rule"  # refused by its title's kind (extract.recognition)


def test_title_tag_with_a_hyphenated_site_name() -> None:
    # A saved county page's <title>: the report title, a hyphen, the body's short name.
    html = (
        "<html><body><title>某县发展和改革局2023年政府信息公开年度报告-某县发改局</title>"
        "<div>2019-2020年度</div>" + BODY + "</body></html>"
    )
    titles = clean_html(html).titles
    assert titles[0] == "某县发展和改革局2023年政府信息公开年度报告"
    assert "某县发改局" in titles


def test_cover_issuer_in_brackets() -> None:
    lines = ["（金湖县人民政府）", NO_BODY_TITLE]
    assert title_from_lines(lines) == "金湖县人民政府" + NO_BODY_TITLE
