"""`extract` on HTML: every report and trap of the demo portal, and hand-written pages.

Demo pages are read from data/demo/<site>/ and decoded the way the crawler
decodes responses (w3lib, with the charset the demo server sends: none for the
GBK-encoded trs site). Hand-written cases live in tests/fixtures/pages/<case>/
as input.html + expected.json; expected.json holds either `record` (fields of
the extracted record), `not_a_report` (the NotAReport reason) or `page` (what
clean_html must find), plus `text_contains` / `text_excludes` / `flags_include`,
and `xfail` (a reason) for a known bug.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from functools import cache
from typing import Any

import pytest

from gov_reports.extract.clean import clean_html
from gov_reports.extract.page import NotAReport, Page, PageSource, extract
from gov_reports.model.merge import merge_records
from gov_reports.model.record import AnnualReport
from tests.support.demo_pages import BASES, EXPECTED, SITES, demo_extract, demo_page, is_demo_file
from tests.support.paths import PAGES, SEEDS

# --------------------------------------------------------------------------- demo portal


@cache
def demo_report(key: str) -> AnnualReport:
    expected = next(r for r in EXPECTED["reports"] if r["key"] == key)
    return demo_copy(expected, expected["best_path"])


def demo_copy(expected: dict[str, Any], path: str) -> AnnualReport:
    """The record of one copy of an expected report, with what the crawl hands the extractor besides the page."""
    if expected["published_source"] == "platform":
        # The platform's API gives the publish time (gkmlpt); the crawl hands it to the extractor with the page,
        # as here (tests/e2e/test_platform_gkmlpt.py checks that the crawl takes it from the API).
        site = expected["site"]
        source = PageSource(url=BASES[site] + path, platform_published=expected["published"])
        return extract(Page(demo_page(site, path)[1], kind="html", source=source))
    return demo_extract(expected["site"], path)


def report_ids() -> list[str]:
    return [r["key"] for r in EXPECTED["reports"]]


def expected_report(key: str) -> dict[str, Any]:
    return next(r for r in EXPECTED["reports"] if r["key"] == key)


@pytest.mark.parametrize("site", sorted(SITES))
def test_demo_pages_decode_as_the_crawler_does(site: str) -> None:
    paths = [r["best_path"] for r in EXPECTED["reports"] if r["site"] == site and not is_demo_file(r["best_path"])]
    encodings = {demo_page(site, path)[0] for path in paths}
    assert encodings == ({"gb18030"} if site == "trs" else {"utf-8"})


@pytest.mark.parametrize("key", report_ids())
@pytest.mark.parametrize("field", ["key", "issuer", "year", "title", "format"])
def test_demo_report_field(key: str, field: str) -> None:
    assert getattr(demo_report(key), field) == expected_report(key)[field]


@pytest.mark.parametrize("key", report_ids())
def test_demo_report_first_publication_and_correction(key: str) -> None:
    """Every copy of the report extracted and merged: `published` is the first publication, a 「更正」 copy's
    date is `corrected` (秦皇岛 2021: the original of 2022-03-25, corrected on 2022-04-08)."""
    expected = expected_report(key)
    copies = [asdict(demo_copy(expected, path)) for path in expected["paths"]]
    merged = merge_records(copies)
    dates = {field: merged[field] for field in ("published", "published_source", "corrected")}
    assert dates == {field: expected[field] for field in dates}
    correction = [c for c in copies if "correction" in c["flags"]]
    assert all(c["published"] is None and c["corrected"] for c in correction)


def test_demo_has_a_correction() -> None:
    """The case the test above is for is in the demo (a test that cannot fail is no test)."""
    assert [r["key"] for r in EXPECTED["reports"] if r["corrected"]] == ["秦皇岛市人民政府|2021"]


@pytest.mark.parametrize("key", report_ids())
def test_demo_report_spam_removed_and_recorded(key: str) -> None:
    record, spam = demo_report(key), expected_report(key)["spam"]
    assert [s for s in spam if s in record.text] == []
    assert [s for s in spam if s not in record.spam] == []
    assert ("spam_removed" in record.flags) == bool(spam)


@pytest.mark.parametrize("key", report_ids())
def test_demo_report_url(key: str) -> None:
    record, expected = demo_report(key), expected_report(key)
    url = BASES[expected["site"]] + expected["best_path"]
    assert (record.url, record.urls) == (url, [url])


@pytest.mark.parametrize("trap", EXPECTED["traps"], ids=lambda t: t["title"])
def test_demo_trap_is_not_a_report(trap: dict[str, str]) -> None:
    with pytest.raises(NotAReport):
        demo_extract(trap["site"], trap["path"])


def test_demo_harbin_2020_mirror_and_missing_tables_flagged() -> None:
    flags = demo_report("哈尔滨市人民政府|2020").flags
    assert [f for f in ("mirror_suspected", "nongov_address:www.tgflt.cn", "tables_missing") if f not in flags] == []


def test_demo_harbin_2020_attachment_recorded() -> None:
    link = BASES["hanweb"] + "/module/download/downfile.jsp?classid=0&filename=2103051332467731.doc"
    assert demo_report("哈尔滨市人民政府|2020").attachments == [
        {"url": link, "name": "哈尔滨市2020政府信息公开工作报告.doc", "type": "doc"}
    ]


def test_demo_qinhuangdao_2016_index_number() -> None:
    assert demo_report("秦皇岛市人民政府|2016").index_number == "58/2017-092426"


# --------------------------------------------------------------------------- hand-written pages


def page_cases() -> list[Any]:
    cases = []
    for folder in sorted(p for p in PAGES.iterdir() if p.is_dir()):
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        marks = [pytest.mark.xfail(strict=True, reason=expected["xfail"])] if "xfail" in expected else []
        cases.append(pytest.param(folder.name, expected, marks=marks, id=folder.name))
    return cases


def check_text(text: str, expected: dict[str, Any]) -> None:
    assert [s for s in expected.get("text_contains", []) if s not in text] == []
    assert [s for s in expected.get("text_excludes", []) if s in text] == []


@pytest.mark.parametrize(("case", "expected"), page_cases())
def test_page_case(case: str, expected: dict[str, Any]) -> None:
    html = (PAGES / case / "input.html").read_text(encoding="utf-8")
    source = PageSource(url=expected["url"])
    if "not_a_report" in expected:
        with pytest.raises(NotAReport) as raised:
            extract(Page(html, kind="html", source=source))
        assert raised.value.reason == expected["not_a_report"]
        return
    if "page" in expected:
        page = asdict(clean_html(html, expected["url"]))
        assert {k: page[k] for k in expected["page"]} == expected["page"]
        check_text("\n".join(page["lines"]), expected)
        return
    record = extract(Page(html, kind="html", source=source))
    assert {k: getattr(record, k) for k in expected["record"]} == expected["record"]
    assert [f for f in expected.get("flags_include", []) if f not in record.flags] == []
    check_text(record.text, expected)


def test_page_cases_cover_the_required_kinds() -> None:
    names = {p.name for p in PAGES.iterdir() if p.is_dir()}
    required = {
        "offsite_gambling_link",
        "hidden_spam_block",
        "word_pasted_spans",
        "metadata_table",
        "chinese_numeral_signature",
        "trap_interpretation",
        "trap_rule",
        "empty_page",
    }
    assert required <= names


@pytest.mark.parametrize("content", ["", "   ", "\n\t\n"])
def test_empty_content_is_empty_page(content: str) -> None:
    with pytest.raises(NotAReport) as raised:
        extract(Page(content, kind="html", source=PageSource(url="http://www.harbin.gov.cn/a.html")))
    assert raised.value.reason == "empty_page"


def test_page_without_body_text_is_not_a_report() -> None:
    html = (
        "<html><head><title>哈尔滨市2020年政府信息公开工作报告</title></head><body><div id='zoom'></div></body></html>"
    )
    with pytest.raises(NotAReport) as raised:
        extract(Page(html, kind="html", source=PageSource(url="http://www.harbin.gov.cn/a.html")))
    assert raised.value.reason == "empty_body"


def test_unofficial_host_flagged() -> None:
    html = (PAGES / "chinese_numeral_signature" / "input.html").read_text(encoding="utf-8")
    record = extract(Page(html, kind="html", source=PageSource(url="http://www.zwinkt.com/a.html", official=False)))
    assert "unofficial_host" in record.flags


def test_official_hosts_not_reported_as_mirror_addresses() -> None:
    text = (SEEDS / "001_89556ba07ee0906a.txt").read_text(encoding="utf-8")
    record = extract(Page(text, kind="text", source=PageSource(official_hosts=frozenset({"www.tgflt.cn"}))))
    assert [f for f in record.flags if "tgflt" in f or f == "mirror_suspected"] == []


def test_control_characters_do_not_break_cleaning() -> None:
    # Binary served as text/html, or a Word paste with \x0b/\x0c: lxml refuses such text when a
    # dropped element's tail is moved, so they must go before parsing, and the sentence survives.
    html = (
        "<html><body><div class='article'><p>本机关\x0c2020年\x00共收到"
        "<span style='display:none'>藏</span>\x0b政府信息公开申请12件。</p></div></body></html>"
    )
    page = clean_html(html, "http://127.0.0.1/a.html")
    assert page.lines == ["本机关2020年共收到政府信息公开申请12件。"]
