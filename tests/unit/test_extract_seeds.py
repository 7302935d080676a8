"""`extract` on the five seed texts (tests/fixtures/seeds): every field, clean text, sections.

The seeds are real page dumps with their chrome, spam and PDF/Word damage
(reference/report-formats.md §11); the expected values come from the reference
and the issue (秦皇岛 2016 published 2017-02-22; 虎林 2020 signed 2021-02-04).
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from gov_reports.extract import sections
from gov_reports.extract.page import Page, extract
from gov_reports.extract.titles import is_report_title
from gov_reports.model.record import AnnualReport
from tests.support.paths import SEEDS

HARBIN_2020 = "000_8c37ed67089d1b8b.txt"
HARBIN_CIVIL = "001_89556ba07ee0906a.txt"
JIANGGAN = "002_b43ed0d0557a88e2.txt"
HULIN = "003_86ddcbf017a77836.txt"
QINHUANGDAO = "004_79ffc41f5895fcd6.txt"
ALL_SEEDS = (HARBIN_2020, HARBIN_CIVIL, JIANGGAN, HULIN, QINHUANGDAO)

SIX_HEADINGS = [
    "",
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]

EXPECTED: dict[str, dict[str, Any]] = {
    HARBIN_2020: {
        "key": "哈尔滨市人民政府|2020",
        "issuer": "哈尔滨市人民政府",
        "year": 2020,
        "published": "2021-03-05",
        "published_source": "label",
        "province": "黑龙江省",
        "region": "黑龙江省/哈尔滨市",
        "division_code": "230100",
        "level": "city",
        "format": "2019",
        "title": "哈尔滨市2020年政府信息公开工作报告",
        "signature": None,
        "signature_date": None,
        "index_number": None,
        "attachments": [{"url": None, "name": "哈尔滨市2020政府信息公开工作报告.doc", "type": "doc"}],
        "spam": ["类似亚博的台子"],
    },
    HARBIN_CIVIL: {
        "key": "哈尔滨市民政局|2017",
        "issuer": "哈尔滨市民政局",
        "year": 2017,
        "published": "2018-03-09",
        "published_source": "signature",
        "province": "黑龙江省",
        "region": "黑龙江省/哈尔滨市",
        "division_code": "230100",
        "level": "department",
        "format": "pre2019",
        "signature": "哈尔滨市民政局",
        "signature_date": "2018-03-09",
        "index_number": None,
        "attachments": [],
        "spam": [],
    },
    JIANGGAN: {
        "key": "杭州市江干区人民政府|2020",
        "issuer": "杭州市江干区人民政府",
        "year": 2020,
        "published": None,
        "published_source": None,
        "province": "浙江省",
        "region": "浙江省/杭州市/江干区",
        "division_code": "330104",
        "level": "county",
        "format": "unknown",
        "signature": None,
        "signature_date": None,
        "index_number": None,
        "attachments": [],
        "spam": ["麻将胡了最新官方版下载"],
    },
    HULIN: {
        "key": "虎林市人民政府|2020",
        "issuer": "虎林市人民政府",
        "year": 2020,
        "published": "2021-02-04",
        "published_source": "signature",
        "province": "黑龙江省",
        "region": "黑龙江省/鸡西市/虎林市",
        "division_code": "230381",
        "level": "county",
        "format": "2019",
        "title": "虎林市2020年政府信息公开工作年度报告",
        "signature": "虎林市人民政府",
        "signature_date": "2021-02-04",
        "index_number": None,
        "attachments": [],
        "spam": [],
    },
    QINHUANGDAO: {
        "key": "秦皇岛市人民政府|2016",
        "issuer": "秦皇岛市人民政府",
        "year": 2016,
        "published": "2017-02-22",
        "published_source": "label",
        "province": "河北省",
        "region": "河北省/秦皇岛市",
        "division_code": "130300",
        "level": "city",
        "format": "pre2019",
        "title": "秦皇岛市2016年政府信息公开工作年度报告",
        "signature": None,
        "signature_date": None,
        "index_number": "58/2017-092426",
        "attachments": [],
        "spam": [],
    },
}

HEADINGS: dict[str, list[str]] = {
    HARBIN_2020: SIX_HEADINGS,
    HARBIN_CIVIL: ["", "一、概述", "二、政府信息公开情况", "三、存在的主要问题", "四、2018年工作思路"],
    JIANGGAN: [""],  # no heading survived in this dump
    HULIN: SIX_HEADINGS,
    QINHUANGDAO: [
        "",
        "一、基本情况",
        "二、主动公开政府信息情况",
        "三、依申请公开政府信息情况",
        "四、收费、行政复议及诉讼情况",
        "五、存在的主要问题及改进方向",
    ],
}

MIRROR_FLAGS = ("mirror_suspected", "nongov_address:www.tgflt.cn")
# Flags each seed must carry, and flags it must not.
FLAGS_PRESENT: dict[str, tuple[str, ...]] = {
    HARBIN_2020: (*MIRROR_FLAGS, "spam_removed", "tables_missing"),
    HARBIN_CIVIL: (*MIRROR_FLAGS, "title_reconstructed"),
    JIANGGAN: ("spam_removed", "title_reconstructed"),
    HULIN: (),
    QINHUANGDAO: (),
}
FLAGS_ABSENT: dict[str, tuple[str, ...]] = {
    HARBIN_2020: ("title_reconstructed", "unofficial_host", "correction"),
    HARBIN_CIVIL: ("spam_removed", "tables_missing"),
    JIANGGAN: MIRROR_FLAGS,
    HULIN: (*MIRROR_FLAGS, "spam_removed", "tables_missing", "title_reconstructed"),
    QINHUANGDAO: (*MIRROR_FLAGS, "spam_removed", "title_reconstructed"),
}

CHROME = ("当前位置", "字号", "收藏", "扫一扫", "智小龙", "发布机构:", "体裁分类", "索引号", "年报下载", "字体:")
SPAM = ("类似亚博的台子", "亚博", "麻将胡了", "官方版下载")


@cache
def record(name: str) -> AnnualReport:
    return extract(Page((SEEDS / name).read_text(encoding="utf-8"), kind="text"))


def lines(name: str) -> list[str]:
    return record(name).text.split("\n")


def section_text(name: str, heading_prefix: str) -> str:
    report = record(name)
    found = [sections.section_text(report.text, s) for s in report.sections if s["heading"].startswith(heading_prefix)]
    assert len(found) == 1, [s["heading"] for s in record(name).sections]
    return found[0]


def field_cases() -> list[tuple[str, str, Any]]:
    return [(name, field, value) for name, fields in EXPECTED.items() for field, value in fields.items()]


@pytest.mark.parametrize(("name", "field", "value"), field_cases())
def test_field(name: str, field: str, value: Any) -> None:
    assert getattr(record(name), field) == value


@pytest.mark.parametrize("name", ALL_SEEDS)
def test_section_headings(name: str) -> None:
    assert [s["heading"] for s in record(name).sections] == HEADINGS[name]


@pytest.mark.parametrize("name", ALL_SEEDS)
def test_flags(name: str) -> None:
    flags = record(name).flags
    assert [f for f in FLAGS_PRESENT[name] if f not in flags] == []
    assert [f for f in FLAGS_ABSENT[name] if f in flags] == []


@pytest.mark.parametrize("name", ALL_SEEDS)
def test_text_has_no_chrome_or_spam(name: str) -> None:
    text = record(name).text
    assert [c for c in CHROME if c in text] == []
    assert [s for s in SPAM if s in text] == []


@pytest.mark.parametrize("name", ALL_SEEDS)
def test_sections_rebuild_the_text(name: str) -> None:
    report = record(name)
    rebuilt = [part for s in report.sections for part in (s["heading"], sections.section_text(report.text, s)) if part]
    assert "\n".join(rebuilt) == report.text


@pytest.mark.parametrize("name", [HARBIN_2020, HULIN, QINHUANGDAO])
def test_title_is_not_repeated_in_the_text(name: str) -> None:
    title = record(name).title
    assert title is not None
    assert title not in lines(name)


def test_jianggan_injection_cut_out_of_the_sentence() -> None:
    text = record(JIANGGAN).text
    assert "26个试点领域标准指引,结合区政府权责清单" in text


def test_harbin_2020_spam_tail_and_chatbot_gone() -> None:
    assert lines(HARBIN_2020)[-1].startswith(
        "本年度报告内容电子版可以通过“中国·哈尔滨”市政府门户网(http://www.tgflt.cn)"
    )
    assert lines(HARBIN_2020)[0].startswith("本年度报告根据《中华人民共和国政府信息公开条例》")


@pytest.mark.parametrize(
    ("name", "closing"),
    [
        (HARBIN_CIVIL, ["哈尔滨市民政局", "2018年3月9日"]),
        (HULIN, ["无", "虎林市人民政府", "2021年2月4日"]),
    ],
)
def test_closing_signature_kept(name: str, closing: list[str]) -> None:
    assert lines(name)[-len(closing) :] == closing


def test_hulin_short_paragraph_kept_in_section_six() -> None:
    assert section_text(HULIN, "六、").split("\n") == ["无", "虎林市人民政府", "2021年2月4日"]


def test_hulin_broken_word_mended() -> None:
    text = record(HULIN).text
    assert "并按照国家新《条例》要求，在市政府门户网站更新市政府组成部门的机关职能" in text
    assert "要\n求" not in text


def test_hulin_bold_markers_removed() -> None:
    text = record(HULIN).text
    assert "**" not in text
    assert "三是深入推进办事信息公开，深化“放管服”改革。" in text


def test_hulin_tables_kept_as_tab_separated_rows() -> None:
    body = lines(HULIN)
    assert "政府集中采购\t208\t3929. 08 万元" in body
    assert "一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0" in body
    assert "\t四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0" in body
    assert sum("\t" in line for line in body) == 44
    # Table rows opening with 「一、」 or 「三、」 never open a section.
    assert section_text(HULIN, "三、").count("一、本年新收政府信息公开申请数量") == 1


def test_qinhuangdao_metadata_block_dropped() -> None:
    text = record(QINHUANGDAO).text
    assert "58/2017-092426" not in text
    assert "市政府办公厅联系" in text  # the prose mention stays
    assert lines(QINHUANGDAO)[0].startswith("根据《中华人民共和国政府信息公开条例》")


@pytest.mark.parametrize(
    ("name", "field", "value"),
    [
        (HULIN, "applications_new", 0),
        (QINHUANGDAO, "proactive_total", 16836),
        (QINHUANGDAO, "applications_new", 162),
        (QINHUANGDAO, "reconsideration_total", 4),
        (QINHUANGDAO, "litigation_total", 4),
        (HARBIN_CIVIL, "proactive_total", 1561),
        (HARBIN_CIVIL, "applications_new", 8),
    ],
)
def test_summary_numbers(name: str, field: str, value: int) -> None:
    assert record(name).summary[field] == value


@pytest.mark.parametrize("name", ALL_SEEDS)
def test_record_basics(name: str) -> None:
    rec = record(name)
    assert rec.key == f"{rec.issuer}|{rec.year}"
    assert rec.url == "" and rec.urls == []
    assert len(rec.content_sha1) == 40
    assert rec.content_sha1 == extract(Page((SEEDS / name).read_text(encoding="utf-8"), kind="text")).content_sha1


@pytest.mark.parametrize("name", [HARBIN_CIVIL, JIANGGAN])
def test_missing_title_is_reconstructed(name: str) -> None:
    rec = record(name)
    assert rec.title is not None
    assert rec.issuer in rec.title and str(rec.year) in rec.title
    assert is_report_title(rec.title)
