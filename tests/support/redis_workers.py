"""Worker processes of a distributed crawl, for the Redis tests: the command line of one, and its summary."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from tests.support.redis_support import RedisForTest


def worker_command(start_urls: list[str], output: Path, redis: RedisForTest, *extra: str) -> list[str]:
    command = [sys.executable, "-m", "gov_reports.cli", "crawl", "-o", str(output), "--redis", redis.url]
    for url in start_urls:
        command += ["--start-url", url]
    for setting in [*redis.settings()[1:], *extra]:
        command += ["-s", setting]
    return [*command, "--log-level", "WARNING"]


def summary_count(summary: str, label: str) -> int:
    match = re.search(rf"^\s*{label}:\s+(\d+)", summary, re.MULTILINE)
    assert match, (label, summary)
    return int(match.group(1))
