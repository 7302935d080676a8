"""Files skipped for a missing converter or a passing failure are retried by the next crawl (issue 16, item 7).

Run as a user runs it: `gov-reports crawl` in its own process, first with no Word converter on PATH (the demo's
哈尔滨 2020 .doc is skipped, converter_missing), then with the machine's PATH: the second crawl fetches the page
again in full, follows the .doc, reads it and says so in its summary; the third has nothing left to retry.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from gov_reports.crawl.downloader.incremental import SEEN_SUFFIX
from gov_reports.demo.server import DemoPortal
from tests.support.cli_support import ROOT, gov_reports_command

HAVE_WORD_CONVERTER = bool(shutil.which("soffice") or shutil.which("libreoffice") or shutil.which("antiword"))
KEY = "哈尔滨市人民政府|2020"


def crawl(urls: list[str], output: Path, path_variable: str) -> subprocess.CompletedProcess[str]:
    command = [*gov_reports_command(), "crawl", "-o", str(output), "--log-level", "WARNING"]
    for url in urls:
        command += ["--start-url", url]
    env = {**os.environ, "PATH": path_variable}
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)


def records(path: Path) -> dict[str, dict[str, Any]]:
    return {r["key"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


@pytest.mark.skipif(not HAVE_WORD_CONVERTER, reason="needs LibreOffice or antiword (apt: antiword)")
def test_a_file_skipped_for_a_missing_converter_is_read_by_the_next_crawl(
    demo_portal: DemoPortal, demo_expected: dict[str, Any], tmp_path: Path
) -> None:
    hanweb = [u for u in demo_portal.start_urls if u.startswith(demo_portal.sites["hanweb"])]
    want = next(r for r in demo_expected["reports"] if r["key"] == KEY)
    page = demo_portal.url("hanweb", want["best_path"])
    doc = demo_portal.url("hanweb", want["files"][0]["link"])
    output = tmp_path / "hanweb.jsonl"
    no_converter = tmp_path / "bin"  # a PATH with no converter on it
    no_converter.mkdir()

    first = crawl(hanweb, output, str(no_converter))
    assert first.returncode == 0, first.stderr[-3000:]
    assert "attachment_converter_missing" in first.stdout
    assert "files to retry:      1 " in first.stdout
    assert "stats_from_attachment" not in records(output)[KEY]["flags"]
    store = json.loads(Path(str(output) + SEEN_SUFFIX).read_text(encoding="utf-8"))
    assert store["retry"] == {doc: {"page": page, "reason": "converter_missing", "attempts": 1}}
    assert page not in store["pages"]  # not "seen": the next crawl fetches it in full and follows the .doc again

    second = crawl(hanweb, output, os.environ["PATH"])
    assert second.returncode == 0, second.stderr[-3000:]
    assert "retried files:       1 skipped by an earlier crawl" in second.stdout
    assert "retried: 1 read, 0 not yet" in second.stdout
    record = records(output)[KEY]
    assert {"stats_from_attachment", "text_from_attachment"} <= set(record["flags"])
    assert doc in record["urls"]
    store = json.loads(Path(str(output) + SEEN_SUFFIX).read_text(encoding="utf-8"))
    assert "retry" not in store and page in store["pages"] and doc in store["pages"]

    third = crawl(hanweb, output, os.environ["PATH"])
    assert third.returncode == 0, third.stderr[-3000:]
    assert "retried files" not in third.stdout and "files to retry" not in third.stdout
