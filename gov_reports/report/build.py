"""`gov-reports report`: read a dump (and the sources registry), write the HTML report atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from gov_reports.crawl_log import CrawlHistory, crawl_log_path, read_crawl_log
from gov_reports.feeds import read_jsonl
from gov_reports.report.aggregate import aggregate
from gov_reports.report.charts import all_charts
from gov_reports.report.html import render_html
from gov_reports.sources import DEFAULT_REGISTRY, Source, load_registry

# Copies the crawl rejected never reach the dump: their counts come from the crawl log beside it.
STATS_NOTE = (
    "Copies the crawl rejected outright (a mirror whose issuer is a brand or unrecognisable, trap pages, bad "
    "files) never reach the dump. {where}"
)
NO_CRAWL_LOG = (
    "No crawl log was found ({path}), so only what the dump itself shows is counted here; each crawl's "
    "summary lists its rejections (stats gov_reports/skipped/mirror_rejected:…)."
)


def crawl_history(input_path: Path, crawls_path: Path | None) -> tuple[CrawlHistory | None, str]:
    """The crawl log given, else the one `gov-reports crawl` keeps beside the dump; (None, why) without one."""
    path = crawls_path or crawl_log_path(input_path)
    if not path.exists():
        if crawls_path is not None:
            raise FileNotFoundError(f"no crawl log at {crawls_path}")
        return None, STATS_NOTE.format(where=NO_CRAWL_LOG.format(path=path.name))
    with path.open(encoding="utf-8", errors="replace") as handle:
        history = read_crawl_log(handle)
    return history, STATS_NOTE.format(where=f"Their counts come from the crawl log {path.name}.")


def registry_sources(path: Path | None) -> tuple[list[Source] | None, str]:
    """(sources, note) from --sources, else the default registry; (None, why) when there is none."""
    if path is None and not DEFAULT_REGISTRY.exists():
        return None, f"No sources registry ({DEFAULT_REGISTRY} does not exist): missing pairs not computed."
    registry = load_registry(path)
    where = ", ".join(str(f) for f in registry.files) or str(path or DEFAULT_REGISTRY)
    if not registry.sources:
        return None, f"The sources registry ({where}) is empty: missing pairs not computed."
    return list(registry.sources), f"Registered sources from {where}."


def build_report(
    input_path: Path,
    output: Path,
    *,
    sources_path: Path | None = None,
    years: Sequence[int] | None = None,
    crawls_path: Path | None = None,
) -> Path:
    sources, registry_note = registry_sources(sources_path)
    history, stats_note = crawl_history(input_path, crawls_path)
    unreadable = 0

    def records() -> Iterator[dict[str, Any]]:
        # Streamed: a dump of every 年报 (texts included) need not fit in memory; aggregate keeps numbers only.
        nonlocal unreadable
        for _, record in read_jsonl(input_path):
            if record is None:
                unreadable += 1
            else:
                yield record

    data = aggregate(records(), years=years, sources=sources)
    notes = [f"{unreadable} unreadable line(s) in the dump were skipped."] if unreadable else []
    page = render_html(
        data,
        all_charts(data),
        source_name=input_path.name,
        registry_note=registry_note,
        stats_note=stats_note,
        history=history,
        notes=notes,
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(page)
        os.chmod(temp, 0o644)  # mkstemp creates 0600; a report is for sharing
        os.replace(temp, output)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return output
