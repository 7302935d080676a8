"""`gov-reports crawl`: Scrapy's crawler process over the project's settings, the demo portal, the summary.

The command line (gov_reports.cli) parses the arguments and imports this module for crawls only: it is the
one that imports Scrapy and Twisted, so the other commands start without them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy.crawler import AsyncCrawlerProcess
from scrapy.settings import Settings

from gov_reports.crawl import preflight
from gov_reports.crawl import settings as project_settings
from gov_reports.crawl.feeds import STORE_FAILED
from gov_reports.crawl.logs import quiet_scrapy_setup
from gov_reports.crawl.progress import sources_from_stats
from gov_reports.crawl.spiders.annual_reports import AnnualReportsSpider
from gov_reports.crawl.summary import format_summary
from gov_reports.exit_codes import ExitCode
from gov_reports.extras import REDIS, require
from gov_reports.model.crawl_log import crawl_log_path
from gov_reports.model.dump_writer import leftover_pending, replay_pending
from gov_reports.model.years import YearRange
from gov_reports.sources import crawl_columns

# The demo sites' ports (one per site from here), kept from run to run so a re-crawl of the demo into the
# same dump is an incremental crawl of the same URLs, as it would be on real portals.
DEMO_BASE_PORT = 8741


def crawl_exit_code(stats: Mapping[str, Any], *, distributed: bool = False) -> ExitCode:
    """The exit code of a finished crawl, from its stats (most serious first)."""
    if stats.get(STORE_FAILED) or any(k.startswith("feedexport/failed_count/") and v for k, v in stats.items()):
        return ExitCode.NOT_STORED
    # A distributed worker may find the shared crawl already done: that is success, not "nothing fetched".
    if distributed and stats.get("finish_reason") == "finished":
        return ExitCode.OK
    sources = sources_from_stats(stats).values()
    dead = [s for s in sources if s.failed and not s.yielded]
    if not stats.get("downloader/response_count") or (sources and len(dead) == len(sources)):
        return ExitCode.NOTHING_FETCHED
    if stats.get("finish_reason") != "finished":
        return ExitCode.INTERRUPTED
    return ExitCode.DEAD_SOURCES if dead else ExitCode.OK


def crawl_settings(
    output: Path,
    *,
    overwrite: bool,
    jobdir: str | None,
    overrides: list[str],
    local: bool,
    redis_url: str | None = None,
) -> Settings:
    """The project's settings with the command line's: the dump, JOBDIR, local add-on, Redis, -s overrides."""
    settings = Settings()
    settings.setmodule(project_settings, priority="project")
    settings.set("FEEDS", {str(output): {"format": "jsonlines", "overwrite": overwrite}}, priority="cmdline")
    if jobdir:
        settings.set("JOBDIR", jobdir, priority="cmdline")
    if local:
        # Added to the project's add-ons (a plain set would replace them).
        addons = {**settings.getdict("ADDONS"), "gov_reports.crawl.addons.LocalPortal": 100}
        settings.set("ADDONS", addons, priority="cmdline")
    if redis_url:
        settings.set("GOV_REPORTS_REDIS_URL", redis_url, priority="cmdline")
    for override in overrides:
        name, _, value = override.partition("=")
        if not name or not _:
            raise ValueError(f"-s takes NAME=VALUE, got {override!r}")
        settings.set(name.strip(), value, priority="cmdline")
    return settings


def check_distributed_arguments(args: argparse.Namespace) -> None:
    """Options that cannot mean what they say when several workers share one crawl."""
    if not args.redis:
        return
    if args.demo:
        raise ValueError(
            "--demo serves a portal private to this process; for a distributed crawl serve it once "
            "(python -m gov_reports.demo.server) and give every worker its URLs with --start-url"
        )
    if args.overwrite:
        raise ValueError(
            "--overwrite would let each worker replace the others' records; with --redis every worker "
            "merges into the dump, so remove the old dump before starting the workers"
        )


def run_crawl(args: argparse.Namespace, level: int) -> int:
    """`gov-reports crawl`: check everything, start the demo portal if asked, crawl, print the summary."""
    if args.provinces and args.start_urls:
        raise ValueError("--province crawls the registry's columns; it does not take --start-url")
    if not (args.provinces or args.start_urls or args.demo):
        raise ValueError("say what to crawl: --start-url URL, --province NAME or --demo")
    YearRange.parse(args.years)  # a clear error before anything starts
    portal = None
    start_urls = args.start_urls or []
    check_distributed_arguments(args)
    # Before any network work or any write (the leftover replay below writes the dump): docs/cli.md.
    preflight.check_dump_output(args.output)
    if args.jobdir:
        preflight.check_jobdir(args.jobdir)
    if args.redis:
        require("redis", REDIS, "Distributed crawling (--redis)")
        preflight.check_redis(args.redis)
    preflight.check_start_urls(start_urls)
    hosts = list(args.hosts)
    labels: dict[str, str] = {}
    if args.demo:
        from gov_reports.demo.server import DemoPortal  # the demo's pages are built on import: only for --demo

        portal = DemoPortal(base_port=DEMO_BASE_PORT).start()
        start_urls = portal.start_urls
        print("Demo portal serving:", ", ".join(f"{k} {v}" for k, v in portal.sites.items()), file=sys.stderr)
    replay_leftovers(args.output, overwrite=args.overwrite)
    try:
        if args.provinces:
            columns = crawl_columns(args.provinces, args.sources, demo_sites=portal.sites if portal else None)
            print(f"{'、'.join(args.provinces)}: {len(columns.start_urls)} registered column(s)", file=sys.stderr)
            start_urls, labels = list(columns.start_urls), columns.labels
            hosts += columns.hosts
        settings = crawl_settings(
            args.output,
            overwrite=args.overwrite,
            jobdir=args.jobdir,
            overrides=args.settings,
            local=args.demo or all_loopback(start_urls),
            redis_url=args.redis,
        )
        log_level = (args.log_level or {-1: "WARNING", 0: "INFO", 1: "INFO", 2: "DEBUG"}[level]).upper()
        settings.set("LOG_LEVEL", log_level, priority="cmdline")
        if getattr(args, "log_file", None):
            settings.set("LOG_FILE", str(args.log_file), priority="cmdline")
        # A live display on a terminal; plain periodic lines in the log elsewhere (gov_reports.crawl.progress_display).
        display = level >= 0 and sys.stderr.isatty() and not getattr(args, "log_file", None)
        settings.set("GOV_REPORTS_PROGRESS_DISPLAY", display, priority="cmdline")
        if display:
            settings.set("GOV_REPORTS_PROGRESS_INTERVAL", 0, priority="cmdline")
        if level < 1:
            settings.set("LOG_VERSIONS", [], priority="cmdline")  # the versions dump only with -v
        # This command prints the summary itself (stdout): not also in the log, and the raw stats
        # dump only when debugging.
        settings.set("GOV_REPORTS_SUMMARY_LOG", False, priority="cmdline")
        settings.set("GOV_REPORTS_CRAWL_LOG", str(crawl_log_path(args.output)), priority="cmdline")
        if log_level != "DEBUG":
            settings.set("STATS_DUMP", False, priority="cmdline")
        if args.years:
            settings.set("GOV_REPORTS_YEARS", args.years, priority="cmdline")
        if args.sources and portal is None:
            settings.set("GOV_REPORTS_SOURCES", str(args.sources), priority="cmdline")
        if labels:
            settings.set("GOV_REPORTS_SOURCE_LABELS", labels, priority="cmdline")
        process = AsyncCrawlerProcess(settings)
        quiet_scrapy_setup(level < 1)  # after Scrapy's logging set-up: the versions and settings only with -v
        crawler = process.create_crawler(AnnualReportsSpider)
        process.crawl(crawler, start_urls=start_urls, hosts=hosts)
        process.start()
    finally:
        if portal is not None:
            portal.stop()
    stats = crawler.stats.get_stats() if crawler.stats else {}
    print(format_summary(stats))
    print(f"  output:              {args.output}")
    code = crawl_exit_code(stats, distributed=bool(args.redis))
    print(f"  exit code:           {int(code)} ({code.name.lower()})")
    if code == ExitCode.NOTHING_FETCHED:
        print(f"gov-reports crawl: {nothing_fetched_line(stats, start_urls)}", file=sys.stderr)
    return code


def nothing_fetched_line(stats: Mapping[str, Any], start_urls: Sequence[str]) -> str:
    """One line for a crawl that fetched nothing: which sources, why, what to do."""
    dead = [s for s in sources_from_stats(stats).values() if not s.yielded]
    shown = "; ".join(f"{s.url} ({s.why_nothing})" for s in dead[:3]) or ", ".join(start_urls[:3])
    more = f" and {len(dead) - 3} more" if len(dead) > 3 else ""
    return (
        f"nothing fetched: {shown}{more}; check the address, the network and the host "
        "(a dead or blocking host is retried by the next crawl)"
    )


def replay_leftovers(output: Path, *, overwrite: bool) -> None:
    """Merge the records a killed crawl, or one whose merge failed, left in `.pending` files beside the dump."""
    if overwrite:
        for pending in leftover_pending(output):
            print(f"Left alone (--overwrite): {pending}, records of an earlier crawl into {output}", file=sys.stderr)
        return
    for pending, result in replay_pending(output):
        print(
            f"Replayed {pending} into {output} before crawling: {result.new} new, {result.updated} updated, "
            f"{result.unchanged} unchanged",
            file=sys.stderr,
        )


def all_loopback(urls: Sequence[str]) -> bool:
    """Every URL is on this machine: the politeness delays protect other people's servers, not ours."""
    return bool(urls) and all(urlsplit(url).hostname in ("127.0.0.1", "localhost", "::1") for url in urls)
