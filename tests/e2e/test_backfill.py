"""`gov-reports crawl --province`: every registered column of a province, and a finding for each dead one."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import pytest_twisted
from scrapy.utils.defer import deferred_from_coro

from gov_reports.cli import main
from gov_reports.demo.server import DemoPortal
from gov_reports.sources import DEMO_REGISTRY, demo_placeholders, load_registry, province_columns
from tests.support.cli_support import gov_reports_command
from tests.support.crawling import crawl
from tests.support.paths import ROOT

SETTINGS = "gov_reports.crawl.settings"


def demo_registry(portal: DemoPortal, tmp_path: Path) -> Path:
    """data/demo/sources.csv with the running portal's host:port filled in, as a registry file."""
    text = DEMO_REGISTRY.read_text(encoding="utf-8")
    for name, netloc in demo_placeholders(portal.sites).items():
        text = text.replace("{" + name + "}", netloc)
    path = tmp_path / "sources.csv"
    path.write_text(text, encoding="utf-8")
    return path


def backfill(registry: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "gov_reports.cli", "crawl", "--province", "黑龙江", "--sources", str(registry)]
    command += ["-o", str(out), "--log-level", "WARNING", *extra]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=180, check=False)


def keys(path: Path) -> set[str]:
    return {json.loads(line)["key"] for line in path.read_text(encoding="utf-8").splitlines()}


def test_demo_registry_loads_with_the_portal_ports(demo_portal: DemoPortal) -> None:
    registry = load_registry(DEMO_REGISTRY, placeholders=demo_placeholders(demo_portal.sites))
    hlj = registry.in_province("黑龙江省")
    assert {s.issuer for s in hlj} == {"哈尔滨市人民政府", "虎林市人民政府", "虎林市教育局", "鸡西市人民政府"}
    assert all(s.column_url.startswith(("http://127.0.0.1:", "http://localhost:")) for s in registry)


def test_province_backfill_crawls_its_columns_and_names_the_dead_ones(
    demo_portal: DemoPortal, demo_expected: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "hlj.jsonl"
    before = len(demo_portal.request_log)
    result = backfill(demo_registry(demo_portal, tmp_path), out)
    # Exit code 3: done, with dead sources (虎林市教育局's column answers 404) — README, "Exit codes".
    assert result.returncode == 3, result.stderr[-2000:]
    want = {r["key"] for r in demo_expected["reports"] if r["site"] in ("hanweb", "generic")}
    assert keys(out) == want
    # Only 黑龙江's columns were crawled: nothing from 河北 (trs) or 浙江 (jianggan).
    assert {site for site, *_ in demo_portal.request_log[before:]} == {"hanweb", "generic"}
    summary = result.stdout
    assert "sources:             4 (2 with reports, 2 without)" in summary
    generic = demo_portal.sites["generic"]
    dead = f"{generic}/jyj/xxgk/ndbg/index.html: column unreachable (http_404)"
    assert f"yielded nothing: 虎林市教育局 (department) {dead}" in summary
    assert f"yielded nothing: 鸡西市人民政府 (city) {generic}/index.html:" in summary
    assert "哈尔滨市人民政府 (city)" not in summary  # a column that gave reports is not a finding


@pytest_twisted.inlineCallbacks
def test_years_keep_a_backfill_to_its_range(demo_portal: DemoPortal, demo_expected: dict[str, Any], tmp_path: Path):
    registry = load_registry(DEMO_REGISTRY, placeholders=demo_placeholders(demo_portal.sites))
    columns = province_columns(registry, ["黑龙江"])
    out = tmp_path / "hlj.jsonl"
    before = len(demo_portal.request_log)
    stats = yield deferred_from_coro(crawl(columns.start_urls, out, overrides=["GOV_REPORTS_YEARS=2020-2021"]))
    hlj = [r for r in demo_expected["reports"] if r["site"] in ("hanweb", "generic")]
    assert keys(out) == {r["key"] for r in hlj if 2020 <= r["year"] <= 2021}
    assert stats["gov_reports/skipped/year_out_of_range"] > 0
    # Out-of-range reports are refused on their listing titles: never downloaded.
    fetched = {(site, path) for site, _, path, _ in demo_portal.request_log[before:]}
    outside = {(r["site"], path) for r in hlj if not 2020 <= r["year"] <= 2021 for path in r["paths"]}
    assert outside and not outside & fetched


def test_an_unknown_province_is_a_clear_error(
    demo_portal: DemoPortal, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    registry = demo_registry(demo_portal, tmp_path)
    assert main(["crawl", "--province", "西藏", "--sources", str(registry), "-o", str(tmp_path / "x.jsonl")]) == 2
    error = capsys.readouterr().err
    assert "no sources registered for '西藏'" in error and "黑龙江省" in error


def test_scrapy_crawl_takes_a_province_too(
    demo_portal: DemoPortal, demo_expected: dict[str, Any], tmp_path: Path
) -> None:
    """`-a province=…` is how scrapyd (deploy/scrapyd.conf) schedules a backfill."""
    out = tmp_path / "zj.jsonl"
    registry = demo_registry(demo_portal, tmp_path)
    command = [sys.executable, "-m", "scrapy", "crawl", "annual_reports", "-a", "province=浙江"]
    command += ["-a", f"sources={registry}"]
    command += ["-O", str(out), "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "LOG_LEVEL=INFO"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    # 江干 2020 (a page) and 2019 (a DOCX behind a 「详见附件」 page)
    assert keys(out) == {r["key"] for r in demo_expected["reports"] if r["site"] == "jianggan"}
    assert "sources:             1 (1 with reports, 0 without)" in result.stderr


def test_scrapy_crawl_runs_from_any_directory(
    demo_portal: DemoPortal, demo_expected: dict[str, Any], tmp_path: Path
) -> None:
    """An installed copy has no scrapy.cfg where the user is: `gov-reports scrapy crawl …`, or `scrapy crawl …`
    with SCRAPY_SETTINGS_MODULE, runs the project's spider from any directory; plain `scrapy crawl` cannot."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    arguments = [
        "crawl",
        "annual_reports",
        "-a",
        "province=浙江",
        "-a",
        f"sources={demo_registry(demo_portal, tmp_path)}",
    ]
    arguments += ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0"]
    want = {r["key"] for r in demo_expected["reports"] if r["site"] == "jianggan"}
    env = {k: v for k, v in os.environ.items() if k != "SCRAPY_SETTINGS_MODULE"}

    def run(command: list[str], **extra_env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            command, cwd=elsewhere, env={**env, **extra_env}, capture_output=True, text=True, timeout=180, check=False
        )

    ours = run([*gov_reports_command(), "scrapy", *arguments, "-O", "ours.jsonl"])
    assert ours.returncode == 0, ours.stderr[-2000:]
    assert keys(elsewhere / "ours.jsonl") == want
    scrapys = run([sys.executable, "-m", "scrapy", *arguments, "-O", "scrapys.jsonl"], SCRAPY_SETTINGS_MODULE=SETTINGS)
    assert scrapys.returncode == 0, scrapys.stderr[-2000:]
    assert keys(elsewhere / "scrapys.jsonl") == want
    plain = run([sys.executable, "-m", "scrapy", *arguments, "-O", "plain.jsonl"])
    assert plain.returncode != 0 and "only available from within a project" in plain.stdout + plain.stderr
    assert not (elsewhere / "plain.jsonl").exists()
    # A misspelt spider: one line, not Scrapy's traceback.
    typo = run([*gov_reports_command(), "scrapy", "crawl", "annual_report", "-O", "typo.jsonl"])
    assert typo.returncode == 2 and "Traceback" not in typo.stderr
    assert typo.stderr.strip().splitlines()[-1] == (
        "gov-reports scrapy: error: Spider not found: annual_report; `gov-reports scrapy list` names the spiders"
    )
    # An output Scrapy could not write: checked before Scrapy starts, as `gov-reports crawl -o` is.
    nowhere = elsewhere / "missing" / "out.jsonl"
    unwritable = run([*gov_reports_command(), "scrapy", *arguments, "-O", str(nowhere)])
    assert unwritable.returncode == 2 and "Traceback" not in unwritable.stderr
    assert (
        unwritable.stderr.strip().splitlines()[-1].startswith(f"gov-reports scrapy: error: -o {nowhere}: the directory")
    )
    assert not nowhere.parent.exists()


def test_the_scheduled_script_runs_incrementally(
    demo_portal: DemoPortal, demo_expected: dict[str, Any], tmp_path: Path
) -> None:
    """deploy/gov-reports-weekly.sh as the timer runs it: the second run downloads no report again."""
    env = {
        "PATH": "/usr/bin:/bin",
        "GOV_REPORTS_HOME": str(Path(sys.prefix).parent),  # the checkout whose .venv runs the tests
        "GOV_REPORTS_DUMP": str(tmp_path / "var" / "reports.jsonl"),
        "GOV_REPORTS_PROVINCES": "黑龙江 河北",
        "GOV_REPORTS_SOURCES": str(demo_registry(demo_portal, tmp_path)),
        "GOV_REPORTS_CONTACT": "tests@localhost",
    }
    if not (Path(env["GOV_REPORTS_HOME"]) / ".venv" / "bin" / "gov-reports").exists():
        pytest.skip("the script runs <home>/.venv/bin/gov-reports; this interpreter is not in such a virtualenv")
    script = ROOT / "deploy" / "gov-reports-weekly.sh"
    first = subprocess.run(["sh", str(script)], env=env, capture_output=True, text=True, timeout=180, check=False)
    # 3: done with dead sources (the demo registry's 黑龙江 rows include a dead column), as the timer sees it.
    assert first.returncode == 3, first.stderr[-2000:]
    crawled = ("hanweb", "generic", "trs")  # the registry's 黑龙江 and 河北 columns
    reports = {(r["site"], p) for r in demo_expected["reports"] if r["site"] in crawled for p in r["paths"]}
    assert {json.loads(line)["key"] for line in Path(env["GOV_REPORTS_DUMP"]).read_text("utf-8").splitlines()} == {
        r["key"] for r in demo_expected["reports"] if r["site"] in crawled
    }
    before = len(demo_portal.request_log)
    second = subprocess.run(["sh", str(script)], env=env, capture_output=True, text=True, timeout=180, check=False)
    assert second.returncode == 3, second.stderr[-2000:]
    downloaded = {(site, path) for site, _, path, status in demo_portal.request_log[before:] if status == 200}
    # Without a Word converter on the script's PATH, a page whose full text is a .doc is fetched again in
    # full, to retry the .doc (tests/e2e/test_incremental_retry.py); with one, nothing is.
    converter = any(shutil.which(tool, path=env["PATH"]) for tool in ("antiword", "soffice", "libreoffice"))
    retried = {
        (r["site"], p)
        for r in demo_expected["reports"]
        if r["site"] in crawled and r.get("needs_converter") and not converter
        for p in r["paths"]
    }
    assert downloaded and downloaded & reports == retried
    assert f"{len(reports) - len(retried)} answered 304" in second.stdout
