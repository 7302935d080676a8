"""Mistakes and failures end as one line on stderr and a documented exit code (docs/cli.md), files untouched;
the log at the default level says what happened and nothing of Scrapy's set-up; --version, -q, -v, --log-file,
and the progress display on a terminal. Everything through the installed entry point, in its own process."""

from __future__ import annotations

import os
import pty
import re
import subprocess
from pathlib import Path

import pytest

from gov_reports.demo.server import DemoPortal
from tests.support.cli_support import ROOT, gov_reports, gov_reports_command

DEAD = "http://127.0.0.1:9/zwgk/nb/"  # the discard port: nothing listens there


def one_error_line(stderr: str, command: str = "crawl") -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith(f"gov-reports {command}: error: "), lines[0]
    assert "Traceback" not in stderr
    return lines[0]


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mode) for p in folder.iterdir() if p.is_file()}


@pytest.mark.parametrize(
    ("case", "needle"),
    [
        ("bad_start_url", "not an http(s) URL with a host"),
        ("unreachable_redis", "cannot reach Redis"),
        ("jobdir_is_a_file", "is a file, not a directory"),
        ("output_is_a_directory", "is a directory"),
        ("output_not_a_dump", "is not a gov-reports JSON Lines dump"),
        ("output_directory_unwritable", "cannot write in"),
        ("output_directory_missing", "does not exist"),
    ],
)
def test_crawl_mistakes_are_one_line_exit_2_and_nothing_written(tmp_path: Path, case: str, needle: str) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# my notes\n", encoding="utf-8")
    os.chmod(readme, 0o640)
    jobfile = tmp_path / "job"
    jobfile.write_text("not a directory\n", encoding="utf-8")
    output: Path | str = tmp_path / "reports.jsonl"
    args: list[str | Path] = ["--start-url", DEAD]
    if case == "bad_start_url":
        args = ["--start-url", "www.example.gov.cn/nb"]
    elif case == "unreachable_redis":
        args += ["--redis", "redis://127.0.0.1:9/0"]
    elif case == "jobdir_is_a_file":
        args += ["--jobdir", jobfile]
    elif case == "output_is_a_directory":
        output = tmp_path
    elif case == "output_not_a_dump":
        output = readme
    elif case == "output_directory_unwritable":
        if os.geteuid() == 0:
            output = "/proc/reports.jsonl"  # root writes in any directory whatever its mode, but not there
        else:
            locked = tmp_path / "locked"
            locked.mkdir(mode=0o500)
            output = locked / "reports.jsonl"
    elif case == "output_directory_missing":
        output = tmp_path / "no" / "such" / "reports.jsonl"
    before = snapshot(tmp_path)
    result = gov_reports("crawl", *args, "-o", output)
    assert result.returncode == 2, result.stderr
    assert needle in one_error_line(result.stderr)
    assert snapshot(tmp_path) == before  # README unchanged (content and mode), no dump, no side file


def test_a_dead_host_is_one_line_and_no_error_in_the_log(tmp_path: Path) -> None:
    result = gov_reports("crawl", "--start-url", DEAD, "-o", tmp_path / "r.jsonl")
    assert result.returncode == 1  # nothing fetched (README "Exit codes")
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("gov-reports crawl: nothing fetched: http://127.0.0.1:9/zwgk/nb/ (column unreachable")
    assert "Traceback" not in result.stderr and " ERROR: " not in result.stderr


def test_the_demo_log_at_the_default_level(tmp_path: Path) -> None:
    """The demo's deliberate 500 is a WARNING; no settings dump, no versions, no component lists, no item reprs."""
    result = gov_reports("crawl", "--demo", "-o", tmp_path / "demo.jsonl")
    assert result.returncode == 0, result.stderr[-3000:]
    log = result.stderr
    assert " ERROR: " not in log and "Traceback" not in log
    assert re.search(r"WARNING: Gave up retrying <GET \S+201903/t20190320_5010.html> .*500", log)
    for noise in ("Overridden settings", "Versions:", "Enabled extensions", "Enabled item pipelines", "{'"):
        assert noise not in log, noise
    assert "FetchedPage(" not in log and "FetchedDocument(" not in log and "AnnualReport(" not in log
    assert "report_http_500: 1" in result.stdout  # the failure counted in the summary


@pytest.fixture(scope="module")
def trs_urls(demo_portal: DemoPortal) -> list[str]:
    return [u for u in demo_portal.start_urls if u.startswith(demo_portal.sites["trs"])]


def crawl_args(urls: list[str], output: Path) -> list[str | Path]:
    args: list[str | Path] = ["crawl", "-o", output]
    for url in urls:
        args += ["--start-url", url]
    return args


def test_quiet_verbose_and_log_file(trs_urls: list[str], tmp_path: Path) -> None:
    quiet = gov_reports(*crawl_args(trs_urls, tmp_path / "q.jsonl"), "-q")
    assert quiet.returncode == 0 and " INFO: " not in quiet.stderr, quiet.stderr[-2000:]
    verbose = gov_reports("-v", *crawl_args(trs_urls, tmp_path / "v.jsonl"))  # before the command's name too
    assert verbose.returncode == 0 and "Overridden settings" in verbose.stderr
    log = tmp_path / "crawl.log"
    logged = gov_reports(*crawl_args(trs_urls, tmp_path / "l.jsonl"), "--log-file", log)
    assert logged.returncode == 0 and logged.stderr.strip() == ""
    assert "Spider closed (finished)" in log.read_text(encoding="utf-8")


def test_tracebacks_only_on_request(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# not a dump\n", encoding="utf-8")
    plain = gov_reports("export", readme, "-o", tmp_path / "s.csv")
    assert plain.returncode == 2 and "Traceback" not in plain.stderr
    one_error_line(plain.stderr, "export")
    verbose = gov_reports("export", readme, "-o", tmp_path / "s.csv", "-v")
    assert verbose.returncode == 2 and "Traceback" in verbose.stderr


def test_version() -> None:
    from gov_reports.cli import package_version

    result = gov_reports("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"gov-reports {package_version()}"


def test_progress_display_on_a_terminal(trs_urls: list[str], tmp_path: Path) -> None:
    """On a terminal: rich's bar with sources done/total, reports, pages, errors, rate and ETA."""
    command = [*gov_reports_command(), *map(str, crawl_args(trs_urls, tmp_path / "tty.jsonl"))]
    main, secondary = pty.openpty()
    process = subprocess.Popen(command, cwd=ROOT, stdin=secondary, stdout=subprocess.PIPE, stderr=secondary)
    os.close(secondary)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:  # the other end closed
            break
        if not data:
            break
        chunks.append(data)
    process.communicate(timeout=300)
    os.close(main)
    assert process.returncode == 0
    screen = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", b"".join(chunks).decode("utf-8", "replace"))
    bars = re.findall(
        r"sources (\d+)/(\d+) .*? (\d+) reports · (\d+) pages · (\d+) errors · [\d.]+ pages/s · ETA", screen
    )
    assert bars, screen[-2000:]
    done, total, reports, pages, _errors = map(int, bars[-1])
    assert total == len(trs_urls) and done == total and reports > 0 and pages > 0


def test_plain_progress_lines_when_not_a_terminal(trs_urls: list[str], tmp_path: Path) -> None:
    result = gov_reports(*crawl_args(trs_urls, tmp_path / "p.jsonl"), "-s", "GOV_REPORTS_PROGRESS_INTERVAL=0.2")
    assert result.returncode == 0
    assert re.search(r"INFO: Progress: \d+/\d+ sources with reports", result.stderr)
    assert "━" not in result.stderr  # no bar drawn into a log
