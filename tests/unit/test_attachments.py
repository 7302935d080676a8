"""Reports published as attachments: link finding, file names, page + attachment merging.

The end-to-end crawl of the demo portal's attachments (a DOC whose page lost
its tables, a PDF-only and a DOCX-only report, five bad files) is in
tests/e2e/test_crawl_demo.py, the extract command on files in tests/e2e/test_attachments_cli.py; the readers
themselves in tests/unit/test_documents.py.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from itemadapter import ItemAdapter
from scrapy.http import HtmlResponse, Request, Response

from gov_reports.crawl.attachments import attachment_links, fetched_document, file_name
from gov_reports.extract.attachment_links import disposition_filename, file_type
from gov_reports.extract.documents.record import document_report
from gov_reports.extract.page import Page, PageSource, extract
from gov_reports.extract.saved_files import SavedFile, extract_saved
from gov_reports.model.merge import merge_records
from tests.support.documents import make_report_docx

PAGE = "http://www.hulin.gov.cn/xxgk/nb/2021/0205/28765.html"
DOC = "http://www.hulin.gov.cn/module/download/downfile.jsp?classid=0&filename=abc.docx"

# --------------------------------------------------------------------------- links and names


@pytest.mark.parametrize(
    ("url", "text", "kind"),
    [
        ("http://a.gov.cn/module/download/downfile.jsp?classid=0&filename=5f3c.pdf", "", "pdf"),
        ("http://a.gov.cn/module/download/downfile.jsp?classid=0&filename=5f3c&showname=年报.wps", "", "wps"),
        ("http://a.gov.cn/zwgk/202101/P020210128382211345678.pdf", "", "pdf"),
        ("http://a.gov.cn/attach/0/%E5%B9%B4%E6%8A%A5.DOCX", "", "docx"),
        ("http://a.gov.cn/OpennessContent/download/2277958.html", "哈尔滨市2020政府信息公开工作报告.doc", "doc"),
        ("http://a.gov.cn/files/table.xlsx?v=2", "", "xlsx"),
        ("http://a.gov.cn/zwgk/202101/W020210128382211345678.png", "", None),
        ("http://a.gov.cn/files/report.zip", "附件.zip", None),
        ("http://a.gov.cn/art/2021/3/5/art_4971_1001.html", "哈尔滨市2020年政府信息公开工作报告", None),
    ],
)
def test_file_type_from_path_download_parameters_or_link_text(url: str, text: str, kind: str | None) -> None:
    assert file_type(url, text) == kind


def test_attachment_links_stay_on_the_configured_hosts() -> None:
    body = """<html><body><div id="zoom"><p>详见附件。</p></div>
    <div class="attach"><p>附件：<a href="/module/download/downfile.jsp?classid=0&amp;filename=abc.docx">年报.docx</a>
    <a href="./P020210205.pdf#page=2">年报.pdf</a> <a href="./P020210205.pdf">again</a>
    <a href="http://cdn.example.com/x.pdf">镜像.pdf</a> <a href="javascript:download('y.pdf')">y.pdf</a>
    <a href="/art/2021/1/1/art_1_2.html">上一篇</a></p></div></body></html>"""
    response = HtmlResponse(PAGE, body=body.encode("utf-8"), encoding="utf-8")
    links = attachment_links(response, {"www.hulin.gov.cn"})
    assert [(link.url, link.type) for link in links] == [
        (DOC, "docx"),
        ("http://www.hulin.gov.cn/xxgk/nb/2021/0205/P020210205.pdf", "pdf"),
    ]
    assert links[0].text == "年报.docx"


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("attachment; filename*=UTF-8''%E5%93%88%E5%B0%94%E6%BB%A8.doc", "哈尔滨.doc"),
        ("attachment; filename=\"x.pdf\"; filename*=utf-8''%E5%B9%B4%E6%8A%A5.pdf", "年报.pdf"),
        ('attachment; filename="%E5%B9%B4%E6%8A%A5.pdf"', "年报.pdf"),
        (b'attachment; filename="' + "年报.wps".encode("gbk") + b'"', "年报.wps"),
        (b'attachment; filename="' + "年报.wps".encode() + b'"', "年报.wps"),
        ("attachment; filename=report.xlsx", "report.xlsx"),
        ("inline", None),
        (None, None),
    ],
)
def test_content_disposition_names(header: str | bytes | None, name: str | None) -> None:
    assert disposition_filename(header) == name


def _file_response(url: str, body: bytes, headers: dict[str, Any] | None = None, **meta: Any) -> Response:
    request = Request(url, meta=meta)
    return Response(url, body=body, headers=headers or {}, request=request)


def test_fetched_document_names_the_linked_url_and_the_file() -> None:
    served = "http://www.hulin.gov.cn/attach/0/abc.docx"
    response = _file_response(
        served,
        b"PK\x03\x04",
        {"Content-Disposition": b'attachment; filename="' + "虎林年报.docx".encode("gbk") + b'"'},
        redirect_urls=[DOC],
        parent_url=PAGE,
        listing_title="虎林市2020年政府信息公开工作年度报告",
    )
    item = fetched_document(response, official=True)
    assert (item.url, item.name, item.parent_url, item.truncated) == (DOC, "虎林年报.docx", PAGE, False)
    assert item.parent_title == "虎林市2020年政府信息公开工作年度报告"
    # Without Content-Disposition: the download script's file name, then the link text, then the path.
    assert file_name(_file_response(served, b"", redirect_urls=[DOC])) == "abc.docx"
    assert file_name(_file_response(served, b"", attachment_name="年报全文.docx")) == "年报全文.docx"
    assert file_name(_file_response(served, b"", attachment_name="点击下载")) == "abc.docx"


# --------------------------------------------------------------------------- records from files

PAGE_WITHOUT_TABLES = """<html><head><meta name="PubDate" content="2021-02-05 09:30"></head><body>
<div class="article"><h1>虎林市2020年政府信息公开工作年度报告</h1><div class="article-content">
<p>按照《中华人民共和国政府信息公开条例》规定，现发布本报告。本报告中所列数据统计期限为2020年1月1日至12月31日。</p>
<p>一、总体情况</p><p>2020年，我市全年主动公开政府信息3092条，依申请公开工作规范有序。</p>
<p>二、主动公开政府信息情况</p>{images}<p>三、收到和处理政府信息公开申请情况</p><p>四、政府信息公开行政复议、行政诉讼情况</p>
<p>五、存在的主要问题及改进情况</p><p>一是基础工作不够扎实。</p><p>六、其他需要报告的事项</p><p>无。</p>
<p>虎林市人民政府</p></div></div></body></html>"""


def page_record(images: str = "") -> dict[str, Any]:
    html = PAGE_WITHOUT_TABLES.format(images=images)
    return ItemAdapter(extract(Page(html, source=PageSource(url=PAGE)))).asdict()


@pytest.fixture(scope="module")
def docx_bytes() -> bytes:
    return make_report_docx()


@pytest.fixture(scope="module")
def docx_record(docx_bytes: bytes) -> dict[str, Any]:
    record, document = document_report(docx_bytes, url=DOC, name="虎林年报.docx", source=PageSource(url=DOC))
    assert document.kind == "docx"
    return ItemAdapter(record).asdict()


def test_a_file_yields_a_record_with_its_size_and_hash(docx_record: dict[str, Any], docx_bytes: bytes) -> None:
    data = docx_bytes
    assert docx_record["key"] == "虎林市人民政府|2020"
    assert docx_record["flags"][0] == "from_attachment"
    entry = docx_record["attachments"][0]
    assert entry["url"] == DOC and entry["name"] == "虎林年报.docx" and entry["type"] == "docx"
    assert entry["size"] == len(data) and len(entry["sha256"]) == 64
    assert docx_record["summary"]["applications_new"] == 16


def test_page_and_its_attachment_merge_in_any_order(docx_record: dict[str, Any]) -> None:
    page = page_record()
    assert page["key"] == docx_record["key"]
    assert "tables_missing" in page["flags"] and page["stats"].get("applications") is None
    results = [merge_records(list(order)) for order in itertools.permutations([page, docx_record])]
    assert all(r == results[0] for r in results)
    merged = results[0]
    # The page is the face: its URL, PubDate; the attachment gives tables, numbers and the full text.
    assert merged["url"] == PAGE and merged["urls"] == sorted([PAGE, DOC])
    assert (merged["published"], merged["published_source"]) == ("2021-02-05", "meta")
    assert merged["stats"] == docx_record["stats"] and merged["text"] == docx_record["text"]
    assert merged["summary"]["applications_new"] == 16
    assert merged["summary"]["proactive_total"] == page["summary"]["proactive_total"]
    assert {"stats_from_attachment", "text_from_attachment"} <= set(merged["flags"])
    assert "tables_missing" not in merged["flags"] and "from_attachment" not in merged["flags"]
    assert merged["attachments"][0]["sha256"] == docx_record["attachments"][0]["sha256"]
    assert merged["content_sha1"] == docx_record["content_sha1"]  # the text and numbers it carries
    # Idempotent: merging again with either copy, or with itself, changes nothing.
    assert merge_records([merged, docx_record]) == merged
    assert merge_records([merged, page]) == merged
    assert merge_records([merged, merged]) == merged


def test_page_with_its_own_tables_keeps_them(docx_record: dict[str, Any]) -> None:
    page = dict(docx_record, url=PAGE, urls=[PAGE], flags=[], attachments=[], published="2021-02-05")
    page["text"] = docx_record["text"] + "\n本页另有说明。"
    merged = merge_records([docx_record, page])
    assert merged["url"] == PAGE and merged["text"] == page["text"]
    assert not {"stats_from_attachment", "text_from_attachment", "from_attachment"} & set(merged["flags"])


def test_page_missing_a_table_takes_all_from_the_attachment(docx_record: dict[str, Any]) -> None:
    stats = {k: v for k, v in docx_record["stats"].items() if k != "reviews"}
    page = dict(docx_record, url=PAGE, urls=[PAGE], flags=["table_missing:reviews"], stats=stats, attachments=[])
    merged = merge_records([page, docx_record])
    assert merged["stats"]["reviews"] == docx_record["stats"]["reviews"]
    assert "table_missing:reviews" not in merged["flags"] and "stats_from_attachment" in merged["flags"]


def test_attachment_only_report_is_a_record(docx_record: dict[str, Any]) -> None:
    again = dict(docx_record, url=DOC + "&copy=2", urls=[DOC + "&copy=2"])
    merged = merge_records([docx_record, again])
    assert merged["key"] == docx_record["key"] and merged["stats"] == docx_record["stats"]
    assert merged["urls"] == sorted([DOC, DOC + "&copy=2"])


def test_tables_as_images_are_flagged() -> None:
    images = '<p><img src="./W020210128382211345678.png"></p><p><img src="./W020210128382211356789.png"></p>'
    assert "tables_as_images" in page_record(images)["flags"]
    assert "tables_as_images" not in page_record()["flags"]


def test_a_saved_page_carries_its_table_pictures_as_a_crawl_does(tmp_path: Path) -> None:
    """`gov-reports extract` of a page whose tables are pictures fills `table_images` by the crawl's rule
    (attachment_links.table_images): the pictures on the page's host, in page order, at most 12; none when
    its tables are text."""
    base = PAGE.rsplit("/", 1)[0]
    pictures = [f'<p><img src="./t{n}.png"></p>' for n in range(1, 15)]
    pictures.insert(1, '<p><img src="http://cdn.example.com/t.png"></p>')  # another host: not the crawl's to fetch
    saved = tmp_path / "28765.html"
    saved.write_text(PAGE_WITHOUT_TABLES.format(images="".join(pictures)), encoding="utf-8")
    (record,) = extract_saved([SavedFile(saved, PAGE)]).records
    assert "tables_as_images" in record["flags"]
    assert record["table_images"] == [f"{base}/t{n}.png" for n in range(1, 13)]
    plain = tmp_path / "plain.html"
    plain.write_text(PAGE_WITHOUT_TABLES.format(images=""), encoding="utf-8")
    assert extract_saved([SavedFile(plain, PAGE)]).records[0]["table_images"] == []


# --------------------------------------------------------------------------- the CLI
