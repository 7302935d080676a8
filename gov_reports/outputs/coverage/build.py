"""`gov-reports report`: read a dump (and its crawl log, or a sources registry), write the HTML report atomically.

Which sources the dump is compared with: those it was crawled from, as its crawl log
(`<dump>.crawls.jsonl`) records them, unless `--registry` (`--sources`) names a registry. From the
crawl log, the bodies expected each year are those whose reports were found on the crawled sites
and the registry names of the sources crawled; comparing a crawl of four demo sites with the
national registry would call every other body of China "missing".
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from gov_reports.extras import REPORT, require
from gov_reports.model.crawl_log import CrawledSource, CrawlHistory, crawl_log_path, read_crawl_log
from gov_reports.model.dump_reader import check_input, dump_records
from gov_reports.outputs.coverage.aggregate import UNKNOWN, aggregate
from gov_reports.outputs.coverage.fonts import NO_FONT_HINT, embed_font, find_cjk_font, page_characters
from gov_reports.outputs.coverage.html import render_html
from gov_reports.sources import DEFAULT_REGISTRY, Source, load_registry

logger = logging.getLogger(__name__)

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


@dataclass(frozen=True)
class ExpectedIssuer:
    """A body expected to publish every year: found on a crawled site, or a crawled source's registry name."""

    issuer: str
    province: str
    level: str


def crawled_sources(
    input_path: Path, history: CrawlHistory | None
) -> tuple[list[ExpectedIssuer] | None, str, list[CrawledSource]]:
    """(expected bodies, note, sources that yielded nothing) from the crawl log's sources; None without any."""
    if history is None or not history.sources:
        return (
            None,
            "The crawl log records no sources (it was written before it did, or there is none), so missing pairs "
            "are not computed; give --registry PATH to compare the dump with a sources registry "
            f"(the national one is {DEFAULT_REGISTRY}).",
            [],
        )
    hosts = {urlsplit(url).netloc.lower() for url in history.sources}
    expected: dict[str, ExpectedIssuer] = {}
    for record in dump_records(input_path):  # a first, streamed pass: names and places only
        urls = record.get("urls") or [record.get("url") or ""]
        if any(urlsplit(str(u)).netloc.lower() in hosts for u in urls):
            issuer = str(record.get("issuer") or UNKNOWN)
            expected.setdefault(
                issuer, ExpectedIssuer(issuer, record.get("province") or UNKNOWN, record.get("level") or "unknown")
            )
    for source in history.sources.values():
        if source.label and source.label not in expected:
            expected[source.label] = ExpectedIssuer(source.label, UNKNOWN, "unknown")
    silent = [s for s in history.sources.values() if not s.yielded]
    note = (
        f"Compared with the {len(history.sources)} source(s) this dump was crawled from (its crawl log): the "
        f"{len(expected)} bodies whose reports were found on those sites or that name a source. "
        "--registry PATH compares with a sources registry instead."
    )
    return sorted(expected.values(), key=lambda e: (e.province, e.issuer)), note, silent


def build_report(
    input_path: Path,
    output: Path,
    *,
    sources_path: Path | None = None,
    years: Sequence[int] | None = None,
    crawls_path: Path | None = None,
) -> Path:
    # matplotlib is the `report` extra: without it, one line naming the extra before anything is read.
    require("matplotlib", REPORT, "The coverage report (its charts)")
    from gov_reports.outputs.coverage.charts import all_charts

    check_input(input_path)
    history, stats_note = crawl_history(input_path, crawls_path)
    silent: list[CrawledSource] = []
    sources: list[Any] | None
    if sources_path is not None:
        sources, registry_note = registry_sources(sources_path)
    else:
        sources, registry_note, silent = crawled_sources(input_path, history)
    # Streamed: a dump of every 年报 (texts included) need not fit in memory; aggregate keeps numbers only.
    # A line that is no record stops the report (MalformedDump, exit 2) before anything is written.
    data = aggregate(dump_records(input_path), years=years, sources=sources)

    def page(font_css: str, notes: list[str]) -> str:
        return render_html(
            data,
            all_charts(data),
            source_name=input_path.name,
            registry_note=registry_note,
            stats_note=stats_note,
            history=history,
            notes=notes,
            silent_sources=silent,
            font_css=font_css,
        )

    draft = page("", [])
    font = embed_font(page_characters(draft), find_cjk_font())
    notes = []
    if font.source is None and font.missing:
        notes.append(f"No CJK font was found to embed, so Chinese text needs the reader's own fonts: {NO_FONT_HINT}.")
        logger.warning("report %s: no CJK font embedded: %s", output, NO_FONT_HINT)
    elif font.missing:
        notes.append(f"The embedded font ({font.source.name}) has no glyph for: {font.missing}")
    text = page(font.css, notes) if font.css or notes else draft
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temp, 0o644)  # mkstemp creates 0600; a report is for sharing
        os.replace(temp, output)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return output
