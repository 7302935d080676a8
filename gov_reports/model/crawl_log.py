"""The crawl log beside a dump: one JSON line per crawl with what never reaches the dump.

Copies the crawl rejected (mirrors with a brand or invented issuer, traps, bad
files), pages skipped and hosts that answered with WAF pages leave no record,
so a dump alone cannot say how much was refused. `gov-reports crawl -o OUT.jsonl`
appends one line per crawl to `OUT.jsonl.crawls.jsonl` (setting
`GOV_REPORTS_CRAWL_LOG`), and `gov-reports report` reads it.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

# crawl.summary is plain names and functions over a stats dict (no Scrapy import).
from gov_reports.crawl.summary import MIRROR_REJECTED, blocked_hosts, skipped_reasons
from gov_reports.model.vocabulary import Stat

SUFFIX = ".crawls.jsonl"


def crawl_log_path(dump: Path) -> Path:
    return dump.with_name(dump.name + SUFFIX)


def crawl_entry(stats: Mapping[str, Any]) -> dict[str, Any]:
    """The counts of one crawl worth keeping: skips by reason (mirror rejections among them), blocked hosts."""
    # Here, not at the top: gov_reports.crawl.progress imports Scrapy, which reading the log (`report`) never needs.
    from gov_reports.crawl.progress import sources_from_stats

    def when(key: str) -> str | None:
        value = stats.get(key)
        return value.isoformat(timespec="seconds") if isinstance(value, datetime) else None

    return {
        "started": when("start_time"),
        "finished": when("finish_time"),
        "pages_fetched": stats.get("downloader/response_count", 0),
        "reports_extracted": stats.get(Stat.REPORTS_EXTRACTED, 0),
        "records_new": stats.get(Stat.FEED_NEW, 0),
        "records_updated": stats.get(Stat.FEED_UPDATED, 0),
        "skipped": skipped_reasons(stats),
        "blocked_hosts": blocked_hosts(stats),
        # The sources (start URLs) crawled: what the dump is to be compared with (gov-reports report).
        "sources": [
            {"url": s.url, "label": s.label, "reports": s.reports + s.unchanged, "failed": s.failed}
            for s in sources_from_stats(stats).values()
        ],
    }


def append_crawl(path: Path, stats: Mapping[str, Any]) -> None:
    """Append this crawl's line (one write in append mode: concurrent workers' lines do not interleave)."""
    line = json.dumps(crawl_entry(stats), ensure_ascii=False, sort_keys=True) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line.encode("utf-8"))
    finally:
        os.close(fd)


@dataclass
class CrawlHistory:
    """The crawl log, added up: how many crawls, and what they refused."""

    crawls: int = 0
    last_finished: str | None = None
    mirrors_rejected: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    blocked_hosts: Counter[str] = field(default_factory=Counter)
    unreadable_lines: int = 0
    sources: dict[str, CrawledSource] = field(default_factory=dict)
    """Every source (start URL) the crawls into this dump had, by URL: the latest crawl's word on it."""


@dataclass
class CrawledSource:
    """A start URL of a crawl into the dump: its registry label, and whether any crawl found reports from it."""

    url: str
    label: str | None = None
    yielded: bool = False
    failed: str | None = None


def read_crawl_log(lines: Iterable[str]) -> CrawlHistory:
    history = CrawlHistory()
    for line in lines:
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            skipped = {str(k): int(v) for k, v in (entry.get("skipped") or {}).items()}
            blocked = {str(k): int(v) for k, v in (entry.get("blocked_hosts") or {}).items()}
        except (ValueError, TypeError, AttributeError):
            history.unreadable_lines += 1
            continue
        history.crawls += 1
        finished = entry.get("finished")
        if isinstance(finished, str) and (history.last_finished is None or finished > history.last_finished):
            history.last_finished = finished
        for reason, count in skipped.items():
            kind, _, detail = reason.partition(":")
            if kind == MIRROR_REJECTED:
                history.mirrors_rejected[detail or "unspecified"] += count
            else:
                history.skipped[reason] += count
        history.blocked_hosts.update(blocked)
        for item in entry.get("sources") or []:
            if isinstance(item, dict) and isinstance(item.get("url"), str):
                known = history.sources.setdefault(item["url"], CrawledSource(item["url"]))
                known.label = item.get("label") or known.label
                known.yielded = known.yielded or bool(item.get("reports"))
                known.failed = item.get("failed") or None
    return history
