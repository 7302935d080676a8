"""The `gov-reports` command: a thin layer over Scrapy's crawler process and the extractors.

gov-reports crawl --start-url URL [--start-url URL …] -o OUT.jsonl
gov-reports crawl --demo -o OUT.jsonl
gov-reports crawl --province 黑龙江 [--years 2016-2024] [--sources PATH] -o OUT.jsonl
gov-reports crawl --start-url URL --redis redis://127.0.0.1:6379/0 -o OUT.jsonl   (one of N workers)
gov-reports extract FILE … -o OUT.jsonl
gov-reports export IN.jsonl [--format csv|parquet|both] -o OUT.csv     (+ OUT.summary.csv; Parquet: the extra)
gov-reports report IN.jsonl -o report.html [--registry PATH] [--years 2016-2024]
gov-reports schema [-o data/annual_report.schema.json] [--docs docs/data-dictionary.md]
"""

from __future__ import annotations

import argparse
import enum
import logging
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

# Re-exported: bench/ and the tests read saved files through these names.
from gov_reports.extract.saved_files import DOCUMENT_SUFFIXES, read_page  # noqa: F401
from gov_reports.paths import DATA_DIR

logger = logging.getLogger("gov_reports")
# The demo sites' ports (one per site from here), kept from run to run so a re-crawl of the demo into the
# same dump is an incremental crawl of the same URLs, as it would be on real portals.
DEMO_BASE_PORT = 8741
REPO_DATA = DATA_DIR


class ExitCode(enum.IntEnum):
    """What `gov-reports crawl` tells a scheduler (cron, systemd, scrapyd): the table in docs/cli.md."""

    OK = 0
    """Crawled and stored: every record is in the dump, no source was dead."""
    NOTHING_FETCHED = 1
    """No page could be fetched, or every source was dead: nothing was crawled."""
    USAGE = 2
    """Bad arguments or input (a clear one-line error); nothing was started."""
    DEAD_SOURCES = 3
    """Done and stored, but some sources were dead (their listing could not be fetched)."""
    NOT_STORED = 4
    """The records could not be merged into the dump (full disk, file-size limit…): they are in the
    `.pending` file the summary names, and the next crawl into the dump merges them first."""
    INTERRUPTED = 5
    """Stopped before the end (Ctrl-C, SIGTERM, a CLOSESPIDER limit): what was collected is stored."""


def crawl_exit_code(stats: Mapping[str, Any], *, distributed: bool = False) -> ExitCode:
    """The exit code of a finished crawl, from its stats (most serious first)."""
    from gov_reports.crawl.feeds import STORE_FAILED
    from gov_reports.crawl.progress import sources_from_stats

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


INTERNAL_ERROR = 70
"""Exit code of a bug (an exception no check anticipated; EX_SOFTWARE): docs/cli.md."""


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("gov-reports")
    except PackageNotFoundError:  # a checkout run with PYTHONPATH, not installed
        return "unknown (not installed)"


def output_options() -> argparse.ArgumentParser:
    """-q, -v, --debug and --log-file, accepted by every command (before or after its name)."""
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: a subcommand's default must not overwrite what was given before the subcommand's name.
    common.add_argument(
        "-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help="warnings and errors only"
    )
    common.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=argparse.SUPPRESS,
        help="more: Scrapy's set-up and tracebacks of errors (-vv: everything, as --debug)",
    )
    common.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="debug log and tracebacks of errors"
    )
    common.add_argument(
        "--log-file", type=Path, default=argparse.SUPPRESS, metavar="PATH", help="write the log to PATH, not stderr"
    )
    return common


def verbosity(args: argparse.Namespace) -> int:
    """-1 quiet, 0 default, 1 verbose (-v), 2 debug (-vv, --debug)."""
    if getattr(args, "debug", False):
        return 2
    if getattr(args, "quiet", False):
        return -1
    return min(getattr(args, "verbose", 0) or 0, 2)


def build_parser() -> argparse.ArgumentParser:
    common = output_options()
    parser = argparse.ArgumentParser(prog="gov-reports", description=__doc__.split("\n\n")[0], parents=[common])
    parser.add_argument("--version", action="version", version=f"gov-reports {package_version()}")
    commands = parser.add_subparsers(dest="command", required=True)

    crawl = commands.add_parser("crawl", help="crawl 年报 columns into a deduplicated JSONL dump", parents=[common])
    where = crawl.add_mutually_exclusive_group()
    where.add_argument(
        "--start-url",
        action="append",
        dest="start_urls",
        metavar="URL",
        help="a 年报 column (listing) URL; repeat for several",
    )
    where.add_argument("--demo", action="store_true", help="serve the bundled demo portal on 127.0.0.1 and crawl it")
    crawl.add_argument(
        "--province",
        action="append",
        dest="provinces",
        metavar="PROVINCE",
        help="crawl every registered 年报 column of a province (its cities and counties included): 黑龙江 or 黑龙江省; "
        "repeat for several",
    )
    crawl.add_argument(
        "--sources",
        type=Path,
        metavar="PATH",
        help="sources registry (a CSV or a directory of them) for --province; default data/sources/, "
        "or data/demo/sources.csv with --demo",
    )
    crawl.add_argument("--years", metavar="FIRST-LAST", help="keep reports on these years only, e.g. 2016-2024")
    crawl.add_argument("-o", "--output", required=True, type=Path, help="JSONL dump to write or merge into")
    crawl.add_argument("--overwrite", action="store_true", help="replace the dump instead of merging into it")
    crawl.add_argument("--jobdir", help="Scrapy JOBDIR: makes the crawl resumable after an interruption")
    crawl.add_argument(
        "--redis",
        metavar="URL",
        help="distributed mode: share the frontier and per-host politeness with every worker started with "
        "the same URL, e.g. redis://127.0.0.1:6379/0 (docs/distributed.md)",
    )
    crawl.add_argument(
        "--host",
        action="append",
        dest="hosts",
        default=[],
        metavar="HOST[:PORT]",
        help="another host the crawl may fetch from (start URLs' hosts are always allowed)",
    )
    crawl.add_argument(
        "-s",
        "--set",
        action="append",
        dest="settings",
        default=[],
        metavar="NAME=VALUE",
        help="a Scrapy setting, e.g. -s DOWNLOAD_DELAY=2",
    )
    crawl.add_argument(
        "--log-level", default=None, help="Scrapy's LOG_LEVEL (DEBUG, INFO, WARNING…); default from -q/-v/--debug"
    )

    extract = commands.add_parser(
        "extract",
        parents=[common],
        help="extract records from saved pages (.html), text dumps (.txt), files (.pdf .docx .doc .wps .xls .xlsx)",
    )
    extract.add_argument("files", nargs="+", type=Path)
    extract.add_argument("-o", "--output", required=True, type=Path)
    extract.add_argument(
        "--url",
        action="append",
        dest="urls",
        metavar="URL",
        help="the URL a file was saved from; once per file, in the files' order (a page's files are found by it)",
    )
    extract.add_argument(
        "--host",
        action="append",
        dest="hosts",
        default=[],
        metavar="HOST[:PORT]",
        help="an official host, as a crawl's start URLs and --host are: its copies are the portal's own "
        "(with no --host, nobody vouches for any host)",
    )
    extract.add_argument("--overwrite", action="store_true")

    export = commands.add_parser(
        "export", parents=[common], help="write the statistics as tidy CSV or Parquet for pandas, R or Stata"
    )
    export.add_argument("input", type=Path)
    export.add_argument(
        "--format",
        choices=["csv", "parquet", "both"],
        default="csv",
        help="csv (the default), parquet (typed; needs pip install 'gov-reports[parquet]'), or both",
    )
    export.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        help="the long table, exactly this name (-o stats.parquet writes stats.parquet; its summary table is "
        "stats.summary.parquet); with --format both the .csv/.parquet suffix is each format's",
    )

    report = commands.add_parser(
        "report", parents=[common], help="write the coverage and timeliness report (one HTML file)"
    )
    report.add_argument("input", type=Path)
    report.add_argument("-o", "--output", required=True, type=Path)
    report.add_argument(
        "--registry",
        "--sources",
        dest="sources",
        type=Path,
        metavar="PATH",
        help="compare with this sources registry (a CSV file or directory, e.g. data/sources/ for the national "
        "one); default: the sources the dump was crawled from, as its crawl log records them",
    )
    report.add_argument("--years", help="report years, e.g. 2016-2024 (default: the years in the dump)")
    report.add_argument(
        "--crawls",
        type=Path,
        help="the crawl log (default IN.jsonl.crawls.jsonl, written by gov-reports crawl): copies rejected",
    )

    schema = commands.add_parser("schema", parents=[common], help="write the record's JSON Schema")
    schema.add_argument("-o", "--output", type=Path, default=REPO_DATA / "annual_report.schema.json")
    schema.add_argument(
        "--docs", type=Path, default=REPO_DATA.parent / "docs" / "data-dictionary.md", help="data dictionary to write"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler = {
        "crawl": run_crawl,
        "extract": run_extract,
        "export": run_export,
        "report": run_report,
        "schema": run_schema,
    }
    from gov_reports.outputs.export import MissingExtra

    level = verbosity(args)
    if args.command != "crawl":  # a crawl's log is Scrapy's, set up from the same options in run_crawl
        configure_logging(level, getattr(args, "log_file", None))
    try:
        return handler[args.command](args)
    except (ValueError, OSError, MissingExtra) as error:
        # A user mistake or an environment failure: one line (what, where, what to do); the traceback on request.
        if level >= 1:
            logger.exception("gov-reports %s failed", args.command)
        print(f"gov-reports {args.command}: error: {one_line(error)}", file=sys.stderr)
        return ExitCode.USAGE
    except KeyboardInterrupt:
        print(f"gov-reports {args.command}: interrupted", file=sys.stderr)
        return ExitCode.INTERRUPTED
    except Exception as error:
        if level >= 1:
            raise
        print(
            f"gov-reports {args.command}: internal error: {one_line(error)} ({type(error).__name__}); "
            "run again with --debug for the traceback, and please report it",
            file=sys.stderr,
        )
        return INTERNAL_ERROR


def one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


def configure_logging(level: int, log_file: Path | None) -> None:
    """The log of the commands that are not crawls (a crawl's is Scrapy's, set from the same options)."""
    from gov_reports.crawl.logs import quiet_scrapy_setup

    quiet_scrapy_setup(level < 1)
    names = {-1: logging.WARNING, 0: logging.INFO, 1: logging.INFO, 2: logging.DEBUG}
    logger.setLevel(names[level])
    ours = [h for h in logger.handlers if getattr(h, "gov_reports_cli", False)]
    for handler in ours:
        logger.removeHandler(handler)
    if logging.getLogger().handlers and not log_file:
        return  # called inside a program that set up logging (a test harness): its handlers show the records
    handler = logging.FileHandler(log_file, encoding="utf-8") if log_file else logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s [%(name)s] %(levelname)s: %(message)s"))
    handler.gov_reports_cli = True  # type: ignore[attr-defined]
    logger.addHandler(handler)


def crawl_settings(
    output: Path,
    *,
    overwrite: bool,
    jobdir: str | None,
    overrides: list[str],
    local: bool,
    redis_url: str | None = None,
):
    from scrapy.settings import Settings

    from gov_reports.crawl import settings as project_settings

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


def run_crawl(args: argparse.Namespace) -> int:
    from scrapy.crawler import AsyncCrawlerProcess

    from gov_reports.crawl import preflight
    from gov_reports.crawl.logs import quiet_scrapy_setup
    from gov_reports.crawl.spiders.annual_reports import AnnualReportsSpider
    from gov_reports.crawl.summary import format_summary
    from gov_reports.model.crawl_log import crawl_log_path
    from gov_reports.model.years import YearRange

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
        preflight.check_redis(args.redis)
    preflight.check_start_urls(start_urls)
    level = verbosity(args)
    hosts = list(args.hosts)
    labels: dict[str, str] = {}
    if args.demo:
        from gov_reports.demo.server import DemoPortal

        portal = DemoPortal(base_port=DEMO_BASE_PORT).start()
        start_urls = portal.start_urls
        print("Demo portal serving:", ", ".join(f"{k} {v}" for k, v in portal.sites.items()), file=sys.stderr)
    replay_leftovers(args.output, overwrite=args.overwrite)
    try:
        if args.provinces:
            start_urls, registry_hosts, labels = province_sources(args.provinces, args.sources, portal)
            hosts += registry_hosts
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
    from gov_reports.crawl.progress import sources_from_stats

    dead = [s for s in sources_from_stats(stats).values() if not s.yielded]
    shown = "; ".join(f"{s.url} ({s.why_nothing})" for s in dead[:3]) or ", ".join(start_urls[:3])
    more = f" and {len(dead) - 3} more" if len(dead) > 3 else ""
    return (
        f"nothing fetched: {shown}{more}; check the address, the network and the host "
        "(a dead or blocking host is retried by the next crawl)"
    )


def replay_leftovers(output: Path, *, overwrite: bool) -> None:
    """Merge the records a killed crawl, or one whose merge failed, left in `.pending` files beside the dump."""
    from gov_reports.crawl.feeds import leftover_pending, replay_pending

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


def province_sources(
    provinces: list[str], registry_path: Path | None, portal: Any = None
) -> tuple[list[str], list[str], dict[str, str]]:
    """(column URLs, official hosts, labels) of the provinces' registered sources.

    With the demo portal running, the registry defaults to data/demo/sources.csv,
    whose `{site}` placeholders are filled with the demo sites' host:port.
    """
    from gov_reports.sources import DEMO_REGISTRY, demo_placeholders, load_registry, province_columns

    if portal is not None:
        registry = load_registry(registry_path or DEMO_REGISTRY, placeholders=demo_placeholders(portal.sites))
    else:
        registry = load_registry(registry_path)
    columns = province_columns(registry, provinces)
    print(f"{'、'.join(provinces)}: {len(columns.start_urls)} registered column(s)", file=sys.stderr)
    return list(columns.start_urls), list(columns.hosts), columns.labels


def all_loopback(urls: Sequence[str]) -> bool:
    """Every URL is on this machine: the politeness delays protect other people's servers, not ours."""
    from urllib.parse import urlsplit

    return bool(urls) and all(urlsplit(url).hostname in ("127.0.0.1", "localhost", "::1") for url in urls)


def extract_file(path: Path, url: str | None = None, hosts: Sequence[str] = ()) -> dict[str, Any]:
    """The record of one saved file, as `gov-reports extract` writes it (bench/real_corpus.py scores this).

    Raises `NotAReport`, `UnreadableDocument`, `ValueError` or `OSError` for a file that gives no record.
    """
    from gov_reports.extract.saved_files import extract_one

    return extract_one(path, url, hosts)


def extract_inputs(args: argparse.Namespace) -> list[Any]:
    """The files with their URLs: `--url` once per file, in order (a single file may have one)."""
    from gov_reports.extract.saved_files import SavedFile

    urls = args.urls or []
    if urls and len(urls) != len(args.files):
        raise ValueError(
            f"--url: {len(urls)} URL(s) for {len(args.files)} file(s); give one --url per file, in the files' order"
        )
    return [SavedFile(path, urls[i] if urls else path.resolve().as_uri()) for i, path in enumerate(args.files)]


def run_extract(args: argparse.Namespace) -> int:
    from gov_reports.crawl.feeds import merge_into_file
    from gov_reports.extract.saved_files import extract_saved

    found = extract_saved(extract_inputs(args), args.hosts)
    for path, reason in found.skipped:
        print(f"skipped {path}: {reason}", file=sys.stderr)
    result = merge_into_file(args.output, found.records, overwrite=args.overwrite)
    print(
        f"{len(found.records)} report(s) extracted, {len(found.skipped)} file(s) skipped; {args.output}: "
        f"{result.written} record(s) ({result.new} new, {result.updated} updated, "
        f"{result.unchanged} unchanged, {result.copies_merged} copies merged)"
        + (
            f"; {result.unreadable_lines} line(s) failing the record schema moved to {result.rejected_path}"
            if result.rejected_path
            else ""
        )
    )
    return 0 if found.records or not found.skipped else 1


def run_export(args: argparse.Namespace) -> int:
    from gov_reports.model.inputs import check_input, dump_records
    from gov_reports.outputs.export import export

    check_input(args.input)
    written = export(dump_records(args.input), args.output, args.format)  # streamed; nothing written on error
    print("wrote " + ", ".join(str(p) for p in written))
    return 0


def run_report(args: argparse.Namespace) -> int:
    from gov_reports.outputs.coverage.aggregate import parse_years
    from gov_reports.outputs.coverage.build import build_report

    years = parse_years(args.years) if args.years else None
    print(build_report(args.input, args.output, sources_path=args.sources, years=years, crawls_path=args.crawls))
    return 0


def run_schema(args: argparse.Namespace) -> int:
    from gov_reports.model.schema import write_schema
    from gov_reports.outputs.dictionary import write_dictionary

    print(write_schema(args.output))
    print(write_dictionary(args.docs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
