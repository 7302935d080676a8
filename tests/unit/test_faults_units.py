"""Unit tests of the fault-tolerance pieces: block-page detection, pacing, addresses, charset repair, resume."""

from __future__ import annotations

import email.utils
import ipaddress
from pathlib import Path

import pytest
import pytest_twisted
from scrapy import Request, Spider
from scrapy.http import HtmlResponse
from scrapy.utils.defer import deferred_from_coro
from scrapy.utils.test import get_crawler

from gov_reports.crawl.downloader.encoding_repair import EncodingRepairMiddleware
from gov_reports.crawl.downloader.jobdir import RUNNING_MARKER, collected_urls, reset_after_hard_kill
from gov_reports.crawl.downloader.politeness import HostPacer, retry_after_seconds
from gov_reports.crawl.downloader.safety import PrivateAddressMiddleware, is_private_host, literal_address
from gov_reports.crawl.downloader.skips import RecordedSkip
from gov_reports.crawl.downloader.waf import detect_block, visible_text_length
from gov_reports.extract.encoding import Undecodable, looks_garbled, repair_decoding, undo_mojibake
from tests.support.faults.fault_portal import (
    GARBLED,
    GBK_UTF8_HEADER,
    JIASULE_521,
    JS_SHELL,
    MOJIBAKE,
    OK,
    RUISHU_412,
    VERIFY_PAGE,
    garbled,
    mojibake,
)
from tests.support.paths import DEMO_ROOT as DEMO

# --- WAF and block pages -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "body", "cookies", "kind"),
    [
        (412, RUISHU_412, (), "ruishu"),
        (521, JIASULE_521, (), "jiasule"),
        (521, b"<script>eval(x)</script>", (b"__jsluid_s=1; path=/",), "jiasule"),
        (200, VERIFY_PAGE, (), "challenge_page"),
        (403, "<html><body>访问被拒绝</body></html>".encode("gbk"), (), "challenge_page"),
        (503, b"<html><title>Just a moment...</title></html>", (), "challenge_page"),
        (200, JS_SHELL, (), "js_shell"),
    ],
)
def test_block_pages_are_recognised(status: int, body: bytes, cookies: tuple[bytes, ...], kind: str):
    block = detect_block(status, body, content_type="text/html", set_cookies=cookies)
    assert block is not None and block.kind == kind


@pytest.mark.parametrize(
    ("status", "body", "content_type"),
    [
        (200, OK.raw, "text/html; charset=utf-8"),  # a real report
        (200, (DEMO / "trs/zwgk/zfxxgknb/202003/t20200330_5014.html").read_bytes(), "text/html"),  # GBK report
        (200, (DEMO / "hanweb/col/col4971/index.html").read_bytes(), "text/html"),  # records inside <script>
        (404, b"<html><body><h1>404 Not Found</h1></body></html>", "text/html"),
        (412, b"<html><body>Precondition Failed</body></html>", "text/html"),  # 412 without $_ts
        (200, b"%PDF-1.7 <script> \xe5\xae\x89\xe5\x85\xa8\xe9\xaa\x8c\xe8\xaf\x81", "application/pdf"),
        (200, b'{"articles": [], "total": 0}', "application/json"),
    ],
)
def test_ordinary_answers_are_not_blocks(status: int, body: bytes, content_type: str):
    assert detect_block(status, body, content_type=content_type) is None


def test_a_long_report_mentioning_a_challenge_word_is_not_a_block():
    page = OK.text.replace("</body>", "<p>本年度完成网站安全验证与等级保护测评。</p></body>")
    assert visible_text_length(page.encode()) > 1000
    assert detect_block(200, page.encode(), content_type="text/html") is None


# --- pacing: Retry-After, backoff, Crawl-delay ---------------------------------------------------


def test_retry_after_values():
    assert retry_after_seconds(b"120") == 120.0
    later = email.utils.formatdate(1_000_090, usegmt=True)
    assert retry_after_seconds(later.encode(), now=1_000_000) == pytest.approx(90.0)
    assert retry_after_seconds(b"soon") is None
    assert retry_after_seconds(None) is None


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_backoff_grows_is_capped_honours_retry_after_and_resets():
    clock = FakeClock()
    pacer = HostPacer(clock)
    assert [pacer.back_off("h", 1.0, 5.0) for _ in range(4)] == [1.0, 2.0, 4.0, 5.0]
    assert pacer.pause_left("h") == 5.0 and pacer.pause_left("other") == 0.0
    assert pacer.back_off("h", 1.0, 5.0, at_least=30.0) == 30.0  # Retry-After beyond the backoff cap
    pacer.recovered("h")
    clock.now += 60
    assert pacer.back_off("h", 1.0, 5.0) == 1.0


# --- private and reserved addresses --------------------------------------------------------------


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "127.1",
        "2130706433",
        "0x7f.0.0.1",
        "localhost",
        "api.localhost",
        "[::1]",
        "::ffff:10.0.0.1",
        "10.1.2.3",
        "172.16.5.4",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "fe80::1",
    ],
)
def test_private_hosts(host: str):
    assert is_private_host(host) is True


@pytest.mark.parametrize(("host", "verdict"), [("8.8.8.8", False), ("www.gov.cn", None), ("face.cafe", None)])
def test_public_or_unknown_hosts(host: str, verdict: bool | None):
    assert is_private_host(host) is verdict


def test_literal_address_unwraps_ipv4_mapped():
    assert literal_address("[::ffff:127.0.0.1]") == ipaddress.IPv4Address("127.0.0.1")


class NoWhitelistSpider(Spider):
    name = "no_whitelist"


@pytest_twisted.inlineCallbacks
def test_private_targets_refused_without_a_whitelist_even_by_name():
    crawler = get_crawler(NoWhitelistSpider)
    crawler.spider = NoWhitelistSpider()
    middleware = PrivateAddressMiddleware.from_crawler(crawler)
    for url in ("http://169.254.169.254/latest/meta-data/", "http://localhost:8080/", "http://127.1/"):
        with pytest.raises(RecordedSkip):
            yield deferred_from_coro(middleware.process_request(Request(url)))
    assert crawler.stats.get_value("gov_reports/skipped/private_address") == 3


@pytest_twisted.inlineCallbacks
def test_configured_private_host_is_allowed():
    crawler = get_crawler(NoWhitelistSpider)
    crawler.spider = NoWhitelistSpider()
    crawler.spider.configured_hosts = frozenset({"127.0.0.1:8123"})
    middleware = PrivateAddressMiddleware.from_crawler(crawler)
    assert (yield deferred_from_coro(middleware.process_request(Request("http://127.0.0.1:8123/x")))) is None
    with pytest.raises(RecordedSkip):  # same address, another port: not configured
        yield deferred_from_coro(middleware.process_request(Request("http://127.0.0.1:8124/x")))


# --- charsets and mojibake -----------------------------------------------------------------------


def test_clean_pages_are_left_alone():
    assert repair_decoding(OK.raw, OK.text, ("utf-8",)) is None
    assert repair_decoding(GBK_UTF8_HEADER.raw, GBK_UTF8_HEADER.text, ("gb2312",)) is None


def test_gbk_body_with_utf8_header():
    as_sent = GBK_UTF8_HEADER.raw.decode("utf-8", errors="replace")  # what the header made of it
    assert looks_garbled(as_sent)
    decoded = repair_decoding(GBK_UTF8_HEADER.raw, as_sent, ("utf-8", "gb2312"))
    assert decoded is not None and decoded.encoding == "gb18030" and decoded.repair == "charset"
    assert decoded.text == GBK_UTF8_HEADER.text


def test_gbk_body_without_any_charset_guessed_as_cp1252():
    as_guessed = GBK_UTF8_HEADER.raw.decode("cp1252", errors="replace")
    decoded = repair_decoding(GBK_UTF8_HEADER.raw, as_guessed, ())
    assert decoded is not None and decoded.text == GBK_UTF8_HEADER.text


def test_mojibake_undone_latin1_and_gbk_layers():
    served = mojibake(MOJIBAKE.text)
    decoded = repair_decoding(served.encode("utf-8"), served, ("utf-8",))
    assert decoded is not None and decoded.repair == "mojibake" and decoded.text == MOJIBAKE.text
    twice = mojibake(served)
    assert repair_decoding(twice.encode("utf-8"), twice, ("utf-8",)).text == MOJIBAKE.text
    sentence = "政府信息公开工作年度报告人民申请主动情况统计数据"
    misread = sentence.encode("utf-8").decode("gb18030")  # this one survives a strict GBK reading
    assert undo_mojibake(misread) == (sentence, 1)


def test_real_chinese_is_never_taken_for_mojibake():
    assert undo_mojibake(GBK_UTF8_HEADER.text)[1] == 0
    assert undo_mojibake(OK.text)[1] == 0
    assert undo_mojibake("年报")[1] == 0  # too short to tell, left alone


def test_lost_text_is_undecodable():
    text = garbled(GARBLED.text)
    with pytest.raises(Undecodable):
        repair_decoding(text.encode("utf-8"), text, ("utf-8",))


def test_repair_middleware_rereads_and_skips():
    crawler = get_crawler(NoWhitelistSpider)
    middleware = EncodingRepairMiddleware.from_crawler(crawler)
    request = Request("http://127.0.0.1:1/r.html")
    wrong = HtmlResponse(request.url, body=GBK_UTF8_HEADER.raw, headers={"Content-Type": "text/html; charset=utf-8"})
    fixed = middleware.process_response(request, wrong)
    assert fixed.text == GBK_UTF8_HEADER.text
    lost = HtmlResponse(request.url, body=garbled(GARBLED.text).encode(), headers={"Content-Type": "text/html"})
    with pytest.raises(RecordedSkip):
        middleware.process_response(request, lost)
    assert crawler.stats.get_value("gov_reports/skipped/undecodable") == 1


# --- resume after a hard kill --------------------------------------------------------------------


def test_hard_kill_resets_scrapy_state_and_keeps_records(tmp_path: Path):
    (tmp_path / "requests.queue").mkdir()
    (tmp_path / "requests.queue" / "active.json").write_text("[]")
    (tmp_path / "requests.seen").write_text("abc\n")
    (tmp_path / "feed-pending-0123456789ab.jsonl").write_text(
        '{"key": "a|2020", "url": "http://h/a.html", "urls": ["http://h/a.html", "http://h/b.html"]}\n{"key": "b|20'
    )
    assert reset_after_hard_kill(tmp_path) is False  # no marker: a clean stop, Scrapy's state is kept
    assert (tmp_path / "requests.seen").exists()
    (tmp_path / RUNNING_MARKER).touch()
    assert reset_after_hard_kill(tmp_path) is True
    assert not (tmp_path / "requests.seen").exists() and not (tmp_path / "requests.queue").exists()
    assert collected_urls(tmp_path) == {"http://h/a.html", "http://h/b.html"}  # the torn line is ignored
