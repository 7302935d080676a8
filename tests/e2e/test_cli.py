"""The command-line interfaces as users run them: separate processes, real files."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

from gov_reports.demo.server import DemoPortal
from tests.support.paths import ROOT

SEEDS = sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.txt"))


# Commands run through this interpreter: CI does not activate the virtualenv, so its scripts are not on PATH.
COMMANDS = {"gov-reports": [sys.executable, "-m", "gov_reports.cli"], "scrapy": [sys.executable, "-m", "scrapy"]}


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    command = [*COMMANDS.get(args[0], [args[0]]), *args[1:]]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=180, check=False)


def keys(path: Path) -> list[str]:
    return [json.loads(line)["key"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_extract_seeds_then_again_changes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "seeds.jsonl"
    first = run("gov-reports", "extract", *map(str, SEEDS), "-o", str(out))
    assert first.returncode == 0, first.stderr
    assert sorted(keys(out)) == [
        "哈尔滨市人民政府|2020",
        "哈尔滨市民政局|2017",
        "杭州市江干区人民政府|2020",
        "秦皇岛市人民政府|2016",
        "虎林市人民政府|2020",
    ]
    before = out.read_bytes()
    again = run("gov-reports", "extract", *map(str, SEEDS), "-o", str(out))
    assert again.returncode == 0 and "5 unchanged" in again.stdout
    assert out.read_bytes() == before


def test_extract_reports_bad_files_and_keeps_going(tmp_path: Path) -> None:
    empty, binary = tmp_path / "empty.html", tmp_path / "garbage.txt"
    empty.write_bytes(b"")
    binary.write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "out.jsonl"
    result = run(
        sys.executable, "-m", "gov_reports.cli", "extract", str(empty), str(binary), str(SEEDS[3]), "-o", str(out)
    )
    assert result.returncode == 0
    assert "skipped" in result.stderr and "empty.html" in result.stderr and "garbage.txt" in result.stderr
    assert keys(out) == ["虎林市人民政府|2020"]


def test_scrapy_crawl_command_deduplicates_too(tmp_path: Path) -> None:
    out = tmp_path / "trs.jsonl"
    with DemoPortal() as portal:
        trs = [u for u in portal.start_urls if u.startswith(portal.sites["trs"])]
        result = run(
            "scrapy", "crawl", "annual_reports", "-a", "start_urls=" + ",".join(trs), "-O", str(out),
            "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "LOG_LEVEL=WARNING",
        )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    found = keys(out)
    assert len(found) == len(set(found)) == 9  # 8 pages' reports and the PDF-only 秦皇岛市 2020
    assert "秦皇岛市财政局|2020" in found and "秦皇岛市人民政府|2021" in found


def test_crawl_demo_command_prints_a_summary(tmp_path: Path) -> None:
    out = tmp_path / "demo.jsonl"
    result = run("gov-reports", "crawl", "--demo", "-o", str(out))
    assert result.returncode == 0, result.stderr[-2000:]
    assert "pages fetched:" in result.stdout and "skipped:" in result.stdout
    # Printed once, on stdout: not repeated in the (INFO) log, and no raw stats dump beside it.
    assert result.stdout.count("gov-reports crawl summary") == 1
    assert "gov-reports crawl summary" not in result.stderr and "Dumping Scrapy stats" not in result.stderr
    assert "report_http_404: 1" in result.stdout and "trap_link:" in result.stdout
    expected = json.loads((ROOT / "data" / "demo" / "expected.json").read_text(encoding="utf-8"))
    assert len(keys(out)) == len(expected["reports"])
    # One line per crawl in the crawl log beside the dump, for the report's "rejected" section.
    crawls = (tmp_path / "demo.jsonl.crawls.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(crawls) == 1 and json.loads(crawls[0])["skipped"]["report_http_404"] == 1

    # The demo keeps its ports from run to run: the same command again is an incremental crawl of the
    # same URLs (reports revalidated, not downloaded) and leaves the dump as it was.
    before = out.read_bytes()
    again = run("gov-reports", "crawl", "--demo", "-o", str(out))
    assert again.returncode == 0, again.stderr[-2000:]
    assert "(0 new, 0 updated" in again.stdout and "0 changed" in again.stdout
    assert out.read_bytes() == before


def test_crawl_refuses_a_bad_start_url(tmp_path: Path) -> None:
    result = run("gov-reports", "crawl", "--start-url", "ftp://example.gov.cn/x", "-o", str(tmp_path / "x.jsonl"))
    assert result.returncode != 0
    assert "not an http(s) URL" in result.stderr


def test_crawl_of_a_dead_host_is_a_recorded_skip(tmp_path: Path) -> None:
    out = tmp_path / "dead.jsonl"
    result = run(
        "gov-reports", "crawl", "--start-url", "http://127.0.0.1:9/col/col1/index.html", "-o", str(out),
        "-s", "RETRY_TIMES=0", "-s", "ROBOTSTXT_OBEY=0", "-s", "DOWNLOAD_DELAY=0", "--log-level", "ERROR",
    )  # fmt: skip
    assert result.returncode == 1  # nothing fetched
    assert "listing_connection_refused: 1" in result.stdout
    assert out.read_text(encoding="utf-8") == ""


def test_export_writes_long_and_summary_csv(tmp_path: Path) -> None:
    dump = tmp_path / "seeds.jsonl"
    assert run("gov-reports", "extract", *map(str, SEEDS), "-o", str(dump)).returncode == 0
    out = tmp_path / "stats.csv"
    result = run("gov-reports", "export", str(dump), "--format", "csv", "-o", str(out))
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {"issuer", "year", "format", "table", "row", "column", "value"} <= set(rows[0])
    hulin = [r for r in rows if r["issuer"] == "虎林市人民政府" and r["table"] == "applications"]
    assert len(hulin) == 23 * 7
    with (tmp_path / "stats.summary.csv").open(encoding="utf-8") as handle:
        summary = {r["key"]: r for r in csv.DictReader(handle)}
    assert summary["秦皇岛市人民政府|2016"]["applications_new"] == "162"
