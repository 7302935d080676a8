"""The one rule of which links are report files and what a file is called (gov_reports.extract.attachment_links)."""

from __future__ import annotations

from parsel import Selector

from gov_reports.extract.attachment_links import AttachmentLink, attachment_links, file_name, image_links

PAGE = """<html><body>
<a href="/files/report.pdf">年报全文</a> <a href="downfile.jsp?filename=%E5%B9%B4%E6%8A%A5.docx">下载</a>
<a href="http://elsewhere.example/other.pdf">外站</a> <a href="/files/report.pdf#page=2">again</a>
<a href="javascript:void(0)">x.pdf</a> <a href="/news.html">新闻</a>
<img src="/img/t3.png"><img src="http://elsewhere.example/ad.gif"><img src="/img/t3.png">
</body></html>"""


def test_links_to_report_files_on_the_configured_hosts_in_page_order_each_once() -> None:
    links = attachment_links(Selector(text=PAGE), "http://www.hulin.gov.cn/nb/1.html", {"www.hulin.gov.cn"})
    assert links == [
        AttachmentLink("http://www.hulin.gov.cn/files/report.pdf", "年报全文", "pdf"),
        AttachmentLink("http://www.hulin.gov.cn/nb/downfile.jsp?filename=%E5%B9%B4%E6%8A%A5.docx", "下载", "docx"),
    ]


def test_images_on_the_configured_hosts_each_once() -> None:
    found = image_links(Selector(text=PAGE), "http://www.hulin.gov.cn/nb/1.html", {"WWW.hulin.gov.cn"})
    assert found == ["http://www.hulin.gov.cn/img/t3.png"]


def test_a_file_is_named_by_its_header_then_its_script_then_its_link_text_then_its_path() -> None:
    script = "http://h/downfile.jsp?filename=%E5%B9%B4%E6%8A%A5.pdf"
    assert file_name(b'attachment; filename="a\\\\b.doc"', script, None, "http://h/x.pdf") == "b.doc"
    assert file_name(None, script, "全文.docx", "http://h/attach/1.pdf") == "年报.pdf"
    assert file_name(None, "http://h/a", "全文.docx", "http://h/attach/1.pdf") == "全文.docx"
    assert file_name(None, "http://h/a", "点击下载", "http://h/attach/%E5%85%A8.pdf") == "全.pdf"
