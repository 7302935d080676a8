"""The HTML report of a real demo crawl: its numbers against the dump, and the page in headless Chromium."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import pytest_twisted
from parsel import Selector
from scrapy.utils.defer import deferred_from_coro

from gov_reports.cli import main
from gov_reports.demo.server import DemoPortal
from gov_reports.model.crawl_log import crawl_log_path
from tests.support.cli_support import gov_reports
from tests.support.crawling import crawl, read_records
from tests.support.mirror_portal import MirrorPortal

YEARS = range(2019, 2023)
REGISTRY = """issuer,province,city,county,level,column_url,provenance
虎林市人民政府,黑龙江省,鸡西市,虎林市,county,http://www.hulin.gov.cn/xxgk/ndbg/,test
秦皇岛市财政局,河北省,秦皇岛市,,department,http://czj.qhd.gov.cn/nb/,test
鸡西市人民政府,黑龙江省,鸡西市,,city,http://www.jixi.gov.cn/xxgk/nb/,test
"""
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def demo_crawl(demo_portal: DemoPortal, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The demo portal crawled together with a hijacked mirror of some of its reports, with a crawl log."""
    output = tmp_path_factory.mktemp("report") / "reports.jsonl"
    log = f"GOV_REPORTS_CRAWL_LOG={crawl_log_path(output)}"
    with MirrorPortal() as mirror:
        urls = [*demo_portal.start_urls, mirror.start_url]
        stats = pytest_twisted.blockon(deferred_from_coro(crawl(urls, output, overrides=[log])))
    return output, stats


@pytest.fixture(scope="module")
def demo_dump(demo_crawl: tuple[Path, dict[str, Any]]) -> Path:
    return demo_crawl[0]


def test_rejected_copies_come_from_the_crawl_log(demo_crawl: tuple[Path, dict[str, Any]], report: Path) -> None:
    _, stats = demo_crawl
    cells = _cells(Selector(text=report.read_text(encoding="utf-8")))
    rejected = {
        key.rsplit(":", 1)[1]: value
        for key, value in stats.items()
        if key.startswith("gov_reports/skipped/mirror_rejected:")
    }
    assert rejected, "the mirror portal serves copies that must be rejected"
    assert cells["crawls"] == "1"
    assert cells["mirrors_rejected"] == str(sum(rejected.values()))
    assert {k.split("|", 1)[1]: int(v) for k, v in cells.items() if k.startswith("mirror-rejected|")} == rejected
    assert cells["skipped|trap_link"] == str(stats["gov_reports/skipped/trap_link"])


def test_report_without_a_crawl_log_says_so(demo_dump: Path, tmp_path: Path) -> None:
    dump = tmp_path / "copy.jsonl"
    dump.write_bytes(demo_dump.read_bytes())
    html = tmp_path / "r.html"
    assert main(["report", str(dump), "-o", str(html), "--sources", str(tmp_path)]) == 0
    page = Selector(text=html.read_text(encoding="utf-8"))
    assert "crawls" not in _cells(page)
    assert "No crawl log was found" in page.css("#rejected + p").xpath("string()").get()


@pytest.fixture(scope="module")
def report(demo_dump: Path) -> Path:
    registry = demo_dump.parent / "sources.csv"
    registry.write_text(REGISTRY, encoding="utf-8")
    html = demo_dump.parent / "report.html"
    assert main(["report", str(demo_dump), "-o", str(html), "--sources", str(registry), "--years", "2019-2022"]) == 0
    return html


def _cells(page: Selector) -> dict[str, str]:
    cells: dict[str, str] = {}
    for node in page.css("[data-cell]"):
        key = node.attrib["data-cell"]
        assert key not in cells, f"data-cell {key} twice"
        cells[key] = node.xpath("string()").get().strip()
    return cells


def _on_time(record: dict[str, Any]) -> str:
    """The statutory rule, written out independently of gov_reports.outputs.coverage.deadlines."""
    if not record.get("published"):
        return "no_date"
    year, level = record["year"], record["level"]
    limit = dt.date(year + 1, 1, 31) if year >= 2019 and level == "department" else dt.date(year + 1, 3, 31)
    assert level != "unknown"  # the demo's issuers all have a level
    return "on_time" if dt.date.fromisoformat(record["published"]) <= limit else "late"


def test_report_numbers_match_the_dump(demo_dump: Path, report: Path) -> None:
    records = [r for r in read_records(demo_dump).values() if r["year"] in YEARS]
    assert len(records) >= 10  # the demo crawl gives a real mix of years, levels and provinces
    page = Selector(text=report.read_text(encoding="utf-8"))
    cells = _cells(page)

    assert cells["records"] == str(len(records))
    assert cells["issuers"] == str(len({r["issuer"] for r in records}))
    by_province = Counter((r["province"], r["year"]) for r in records)
    by_level = Counter((r["level"], r["year"]) for r in records)
    for year in YEARS:
        for province in {r["province"] for r in records}:
            assert cells[f"province|{province}|{year}"] == str(by_province[(province, year)])
        for level in {r["level"] for r in records}:
            assert cells[f"level|{level}|{year}"] == str(by_level[(level, year)])
    published = {k.split("|", 1)[1] for k in cells if k.startswith("issuer|")}
    assert published == {f"{r['issuer']}|{r['year']}" for r in records}

    present = {(r["issuer"], r["year"]) for r in records}
    issuers = ("虎林市人民政府", "秦皇岛市财政局", "鸡西市人民政府")
    expected_missing = {f"{i}|{y}" for i in issuers for y in YEARS if (i, y) not in present}
    assert {k.split("|", 1)[1] for k in cells if k.startswith("missing|")} == expected_missing
    assert cells["missing"] == cells["missing_pairs"] == str(len(expected_missing))
    assert cells["registered"] == "3"
    assert "鸡西市人民政府|2019" in expected_missing and "虎林市人民政府|2021" not in expected_missing

    timeliness = Counter((r["year"], _on_time(r)) for r in records)
    # 秦皇岛市人民政府 2021 came out on 2022-03-25 and was corrected on 2022-04-08: on time (issue 16, item 6).
    qhd = next(r for r in records if r["key"] == "秦皇岛市人民政府|2021")
    assert (qhd["published"], qhd["corrected"], _on_time(qhd)) == ("2022-03-25", "2022-04-08", "on_time")
    for year in YEARS:
        for verdict in ("on_time", "late", "no_date"):
            assert cells[f"timeliness|{year}|{verdict}"] == str(timeliness[(year, verdict)]), (year, verdict)

    for year in YEARS:
        stated = [r["summary"]["applications_new"] for r in records if r["year"] == year]
        stated = [v for v in stated if v is not None]
        assert cells[f"series|applications_new|{year}"] == (str(sum(stated)) if stated else "")
        assert cells[f"series-reporting|applications_new|{year}"] == str(len(stated))
        of_year = [r for r in records if r["year"] == year]
        failing = [r for r in of_year if any(c["ok"] is False and c["name"] != "tables_missing" for c in r["checks"])]
        assert cells[f"quality|{year}|failed_checks"] == str(len(failing))
        assert cells[f"quality|{year}|tables_missing"] == str(sum("tables_missing" in r["flags"] for r in of_year))

    verdicts = Counter(r["trust"]["verdict"] for r in records)
    for verdict, count in verdicts.items():
        assert cells[f"trust|{verdict}"] == str(count)
    assert cells["mirror_records"] == str(verdicts["mirror"])
    mirror_copies = sum(len(r["mirrors"]) for r in records)
    assert cells["mirror_copies"] == str(mirror_copies) and mirror_copies >= 1  # the mirror's copy of 哈尔滨 2019
    assert cells["spam_removed"] == str(sum(bool(r["spam"]) for r in records))
    nongov = Counter(f.split(":", 1)[1] for r in records for f in r["flags"] if f.startswith("nongov_address:"))
    assert {k.split("|", 1)[1]: int(v) for k, v in cells.items() if k.startswith("nongov-host|")} == nongov

    charts = page.css("svg.chart")
    assert len(charts) == 4
    # Self-contained: no script, no external stylesheet or image; the SVGs only point inside themselves.
    assert not page.css("script, link, img, iframe, object")
    hrefs = page.xpath("//@href | //@*[local-name()='href'] | //@src").getall()
    assert all(h.startswith("#") for h in hrefs), [h for h in hrefs if not h.startswith("#")][:5]


def test_report_without_registry_or_years(demo_dump: Path, tmp_path: Path) -> None:
    html = tmp_path / "all.html"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["report", str(demo_dump), "-o", str(html), "--sources", str(empty)]) == 0
    page = Selector(text=html.read_text(encoding="utf-8"))
    cells = _cells(page)
    records = read_records(demo_dump).values()
    assert cells["records"] == str(len(records))  # every year in the dump
    assert not any(k.startswith("missing|") for k in cells)
    assert "registry" in page.css("#missing + p").xpath("string()").get()


def test_report_bad_arguments(demo_dump: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(demo_dump), "-o", str(tmp_path / "r.html"), "--years", "2022-2019"]) == 2
    assert "runs backwards" in capsys.readouterr().err
    assert main(["report", str(demo_dump), "-o", str(tmp_path / "r.html"), "--sources", str(tmp_path / "no")]) == 2
    assert "no sources registry" in capsys.readouterr().err
    assert not (tmp_path / "r.html").exists()


@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (apt: chromium)")
@pytest_twisted.inlineCallbacks
def test_report_renders_in_headless_chromium(report: Path, tmp_path: Path):
    pytest.importorskip("playwright.async_api", reason="playwright (the `test` extra) is not installed")
    errors: list[str] = []
    requests: list[str] = []
    url = report.resolve().as_uri()
    yield deferred_from_coro(_open_in_chromium(url, tmp_path / "profile", errors, requests))
    assert errors == []
    assert requests == [url]


async def _open_in_chromium(url: str, profile: Path, errors: list[str], requests: list[str]) -> None:
    """Load the page in Chromium (the OS package, through playwright's driver; no browser download)."""
    from playwright.async_api import async_playwright

    assert CHROMIUM is not None
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        try:
            page = await browser.new_page()
            page.on("console", lambda message: message.type == "error" and errors.append(message.text))
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.on("request", lambda request: requests.append(request.url))
            await page.goto(url, wait_until="load")
            charts = page.locator("svg.chart")
            assert await charts.count() == 4
            for index in range(4):
                box = await charts.nth(index).bounding_box()
                assert box is not None and box["width"] > 200 and box["height"] > 100
            assert await page.locator("svg.chart path").count() > 100  # bars, lines and glyph outlines drawn
            assert await page.title() == "gov-reports: coverage and timeliness"
        finally:
            await browser.close()


# --------------------------------------------------------------------------- no tofu

_CJK = re.compile(r"^[\u4e00-\u9fff]+$")


def _fontconfig_without_cjk(folder: Path) -> Path:
    """A fontconfig setup that knows only matplotlib's bundled DejaVu fonts: a machine with no CJK font."""
    import matplotlib

    fonts = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    config = folder / "fonts.conf"
    folder.mkdir(parents=True, exist_ok=True)
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>{fonts}</dir><cachedir>{folder / 'cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    return config


async def _fonts_of_chinese_names(url: str, profile: Path, fontconfig: Path) -> dict[str, set[tuple[str, bool]]]:
    """{text: {(font family, is the page's own font)}} of every cell that holds only Chinese characters,
    as Chromium rendered them (DevTools CSS.getPlatformFontsForNode), with no CJK font on the machine."""
    from playwright.async_api import async_playwright

    assert CHROMIUM is not None
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            headless=True,
            env={**os.environ, "FONTCONFIG_FILE": str(fontconfig)},
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        )
        try:
            page = await browser.new_page()
            await page.goto(url, wait_until="load")
            await page.evaluate("document.fonts.ready.then(() => true)")
            cdp = await browser.new_cdp_session(page)
            await cdp.send("DOM.enable")
            await cdp.send("CSS.enable")
            root = (await cdp.send("DOM.getDocument", {"depth": -1}))["root"]["nodeId"]
            nodes = (await cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": "td.name, h1"}))["nodeIds"]
            found: dict[str, set[tuple[str, bool]]] = {}
            for node in nodes:
                text = (await cdp.send("DOM.getOuterHTML", {"nodeId": node}))["outerHTML"]
                inner = re.sub(r"<[^>]+>", "", text).strip()
                if not _CJK.match(inner):
                    continue
                fonts = (await cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node}))["fonts"]
                found[inner] = {(f["familyName"], bool(f.get("isCustomFont"))) for f in fonts}
            return found
        finally:
            await browser.close()


@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (apt: chromium)")
@pytest_twisted.inlineCallbacks
def test_no_tofu_on_a_machine_without_cjk_fonts(report: Path, tmp_path: Path):
    """Every Chinese name is drawn with the font the page carries; the same page without it is not (the check
    can fail: that is what a reader without a CJK font sees, boxes)."""
    pytest.importorskip("playwright.async_api", reason="playwright (the `test` extra) is not installed")
    from gov_reports.outputs.coverage.fonts import find_cjk_font

    if find_cjk_font() is None:
        pytest.skip("needs a CJK font to embed (apt: fonts-wqy-zenhei or fonts-noto-cjk)")
    text = report.read_text(encoding="utf-8")
    assert "@font-face" in text and "No CJK font was found" not in text
    fontconfig = _fontconfig_without_cjk(tmp_path / "fontconfig")
    found = yield deferred_from_coro(_fonts_of_chinese_names(report.resolve().as_uri(), tmp_path / "p1", fontconfig))
    assert len(found) >= 10, found
    # The web font (isCustomFont) and nothing else; Chromium names it by the subset font's own family name.
    assert all(fonts and all(custom for _, custom in fonts) for fonts in found.values()), found

    bare = tmp_path / "bare.html"
    bare.write_text(re.sub(r"@font-face\{[^}]*\}", "", text), encoding="utf-8")
    without = yield deferred_from_coro(_fonts_of_chinese_names(bare.resolve().as_uri(), tmp_path / "p2", fontconfig))
    assert without and all(not any(custom for _, custom in fonts) for fonts in without.values()), without


# --------------------------------------------------------------------------- what the dump is compared with


def test_by_default_the_dump_is_compared_with_the_sources_it_was_crawled_from(demo_dump: Path, tmp_path: Path):
    """Not with the national registry (which would call 900 bodies of China missing): with the crawl log's sources
    (the demo columns and the mirror) and the bodies found on them."""
    html = tmp_path / "r.html"
    result = gov_reports("report", demo_dump, "-o", html)
    assert result.returncode == 0, result.stderr
    page = Selector(text=html.read_text(encoding="utf-8"))
    cells = _cells(page)
    records = read_records(demo_dump).values()
    found_issuers = {r["issuer"] for r in records}
    assert int(cells["registered"]) == len(found_issuers)  # every demo body, no registry name from elsewhere
    missing = {k.split("|")[1] for k in cells if k.startswith("missing|") or k.startswith("missing-years|")}
    assert missing and missing <= found_issuers
    assert "crawled from" in page.css("#missing ~ p").xpath("string()").get()


def test_hundreds_of_missing_pairs_are_summarised(demo_dump: Path, tmp_path: Path) -> None:
    from gov_reports.outputs.coverage.html import MAX_MISSING_BODIES, MAX_MISSING_PAIRS
    from gov_reports.sources import DEFAULT_REGISTRY

    html = tmp_path / "national.html"
    assert main(["report", str(demo_dump), "-o", str(html), "--registry", str(DEFAULT_REGISTRY)]) == 0
    cells = _cells(Selector(text=html.read_text(encoding="utf-8")))
    assert int(cells["missing_pairs"]) > MAX_MISSING_PAIRS
    assert not [k for k in cells if k.startswith("missing|")]  # no row per pair
    per_body = [k for k in cells if k.startswith("missing-years|")]
    assert len(per_body) == MAX_MISSING_BODIES
    by_place = sum(int(v) for k, v in cells.items() if k.startswith("missing-pairs|"))
    assert by_place == int(cells["missing_pairs"])


def test_report_of_garbage_is_exit_2_and_writes_nothing(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# not a dump\n", encoding="utf-8")
    out = tmp_path / "r.html"
    result = gov_reports("report", readme, "-o", out)
    assert result.returncode == 2
    assert f"{readme}:1: not a gov-reports record" in result.stderr and result.stderr.count("\n") == 1
    assert not out.exists()
