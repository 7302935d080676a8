"""End to end on a tiny site of its own: table images OCR'd in a crawl, and the attachment size limit.

The demo portal (tests/e2e/test_crawl_demo.py) covers PDF/DOCX/DOC attachments and
bad files; here a page whose tables are pictures is crawled (OCR'd numbers kept
only when verified) and an attachment larger than GOV_REPORTS_ATTACHMENT_MAXSIZE
is cut off by Scrapy and counted, with the page's record kept.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import pytest_twisted
from scrapy.utils.defer import deferred_from_coro

from gov_reports.crawl.summary import SKIPPED
from gov_reports.extract.documents.ocr import ocr_available
from tests.support.crawling import crawl, read_records
from tests.support.documents import APPLICATIONS
from tests.support.local_server import QuietHandler, serving
from tests.support.table_images import FONT, table_image

LIST = "/xxgk/nb/list.html"
GOOD = "/xxgk/nb/2021/0205/1.html"
WRONG = "/xxgk/nb/2020/0120/2.html"
BIG = "/uploadfiles/big.pdf"


INTRO = (
    "本报告根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作"
    "年度报告有关事项的通知》（国办公开办函〔2019〕60号）要求编制。"
)


def report_page(title: str, images: list[str], attachment: str = "") -> bytes:
    pictures = "".join(f'<p style="text-align:center"><img src="{src}"></p>' for src in images)
    link = f'<div class="attach"><p>附件：<a href="{attachment}">{title}.pdf</a></p></div>' if attachment else ""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>
<meta name="PubDate" content="2021-02-05 10:00"></head><body><div class="article"><h1>{title}</h1>
<div class="article-content"><p>{INTRO}本报告中所列数据统计期限为{title[3:7]}年1月1日至12月31日。</p>
<p>一、总体情况</p><p>全年主动公开政府信息3092条，依申请公开工作规范有序。</p>
<p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>{pictures}
<p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p><p>一是基础工作不够扎实。</p>
<p>六、其他需要报告的事项</p><p>无。</p><p>虎林市人民政府</p></div>{link}</div></body></html>""".encode()


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    wrong_total = (12, 3, 0, 0, 1, 0, 61)
    wrong = tuple((g, s, label, wrong_total if s == "（七）总计" else n) for g, s, label, n in APPLICATIONS)
    files: dict[str, tuple[str, bytes]] = {
        LIST: (
            "text/html; charset=utf-8",
            f"""<html><body><ul><li><a href="{GOOD}">虎林市2020年政府信息公开工作年度报告</a></li>
            <li><a href="{WRONG}">虎林市2019年政府信息公开工作年度报告</a></li></ul></body></html>""".encode(),
        ),
        "/robots.txt": ("text/plain", b"User-agent: *\nDisallow:\n"),
    }
    if FONT is not None:
        files[GOOD] = ("text/html; charset=utf-8", report_page("虎林市2020年政府信息公开工作年度报告", ["t3.png"], BIG))
        files[WRONG] = ("text/html; charset=utf-8", report_page("虎林市2019年政府信息公开工作年度报告", ["t3.png"]))
        files["/xxgk/nb/2021/0205/t3.png"] = ("image/png", table_image())
        files["/xxgk/nb/2020/0120/t3.png"] = ("image/png", table_image(wrong))
    files[BIG] = ("application/pdf", b"%PDF-1.4\n" + b"0" * 200_000 + b"\n%%EOF\n")

    class Handler(QuietHandler):
        def do_GET(self) -> None:
            content_type, body = files.get(self.path.split("?")[0], ("text/plain", b""))
            self.send(200 if body else 404, body, content_type)

    with serving(Handler) as base:
        yield base


@pytest.mark.skipif(
    not ocr_available() or FONT is None,
    reason="needs tesseract with chi_sim and a CJK font (apt: tesseract-ocr tesseract-ocr-chi-sim fonts-wqy-zenhei)",
)
@pytest_twisted.inlineCallbacks
def test_table_images_are_ocr_verified_or_withheld_and_big_files_cut(site: str, tmp_path: Path):
    output = tmp_path / "ocr.jsonl"
    stats = yield deferred_from_coro(crawl([site + LIST], output, overrides=["GOV_REPORTS_ATTACHMENT_MAXSIZE=100000"]))
    records = read_records(output)
    assert set(records) == {"虎林市人民政府|2020", "虎林市人民政府|2019"}

    good = records["虎林市人民政府|2020"]
    assert "stats_from_ocr" in good["flags"] and "tables_missing" not in good["flags"]
    assert "tables_as_images" in good["flags"]
    applications = good["stats"]["applications"]
    assert [applications[r]["total"] for r in ("new", "carried_over", "total", "carried_forward")] == [16, 2, 16, 2]
    assert good["summary"]["applications_new"] == 16
    assert (good["published"], good["url"]) == ("2021-02-05", site + GOOD)

    wrong = records["虎林市人民政府|2019"]  # its 总计 row breaks the 勾稽关系: no OCR number is presented
    assert {"ocr_unverified", "tables_as_images", "tables_missing"} <= set(wrong["flags"])
    assert not (wrong["stats"] or {}).get("applications")
    assert wrong["summary"].get("applications_new") is None

    # The records carry the pictures OCR read (the OCR step follows the one extraction of each page).
    assert good["table_images"] == [site + "/xxgk/nb/2021/0205/t3.png"]
    assert wrong["table_images"] == [site + "/xxgk/nb/2020/0120/t3.png"]
    assert stats["gov_reports/reports_extracted"] == 2
    assert stats["gov_reports/ocr/verified"] == 1 and stats["gov_reports/ocr/unverified"] == 1
    assert stats[f"{SKIPPED}attachment_too_large"] == 1  # Scrapy cancelled the 200 KB download


HELD = "/xxgk/nb/2021/0210/3.html"
HELD_IMAGES = ("t1.png", "t2.png", "t3.png")


@pytest.fixture
def held_site() -> Iterator[tuple[str, list[str]]]:
    """A page with three table pictures whose server answers none until all three are asked for."""
    from PIL import Image

    blank = io.BytesIO()
    Image.new("RGB", (400, 120), "white").save(blank, format="PNG")
    images = {
        HELD.rsplit("/", 1)[0] + "/" + name: table_image() if name == "t3.png" else blank.getvalue()
        for name in HELD_IMAGES
    }
    files = {
        LIST: f'<ul><li><a href="{HELD}">虎林市2020年政府信息公开工作年度报告</a></li></ul>'.encode(),
        HELD: report_page("虎林市2020年政府信息公开工作年度报告", list(HELD_IMAGES)),
        "/robots.txt": b"User-agent: *\nDisallow:\n",
    }
    together = threading.Barrier(len(HELD_IMAGES), timeout=10)
    answers: list[str] = []

    class Handler(QuietHandler):
        def do_GET(self) -> None:
            body = images.get(self.path) or files.get(self.path, b"")
            if self.path in images:
                try:
                    together.wait()
                    answers.append("together")
                except threading.BrokenBarrierError:  # asked for one after another
                    answers.append("alone")
                    body = b""
            self.send(200 if body else 503, body)

    with serving(Handler) as base:
        yield base, answers


@pytest.mark.skipif(
    not ocr_available() or FONT is None,
    reason="needs tesseract with chi_sim and a CJK font (apt: tesseract-ocr tesseract-ocr-chi-sim fonts-wqy-zenhei)",
)
@pytest_twisted.inlineCallbacks
def test_a_pages_table_images_are_fetched_together(held_site: tuple[str, list[str]], tmp_path: Path):
    """The OCR step asks for all of a page's pictures at once, and reads them in the page's order."""
    site, answers = held_site
    output = tmp_path / "held.jsonl"
    yield deferred_from_coro(crawl([site + LIST], output))
    assert answers == ["together"] * len(HELD_IMAGES)
    (record,) = read_records(output).values()
    assert record["table_images"] == [site + HELD.rsplit("/", 1)[0] + "/" + name for name in HELD_IMAGES]
    assert "stats_from_ocr" in record["flags"]  # two blank pictures beside the table: its numbers are read
    assert record["summary"]["applications_new"] == 16
