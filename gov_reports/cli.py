"""The `gov-reports` command line: its arguments, logging and errors; each command runs where its work is.

gov-reports crawl --start-url URL [--start-url URL …] -o OUT.jsonl
gov-reports crawl --demo -o OUT.jsonl
gov-reports crawl --province 黑龙江 [--years 2016-2024] [--sources PATH] -o OUT.jsonl
gov-reports crawl --start-url URL --redis redis://127.0.0.1:6379/0 -o OUT.jsonl   (one of N workers)
gov-reports extract FILE … -o OUT.jsonl
gov-reports export IN.jsonl [--format csv|parquet|both] -o OUT.csv     (+ OUT.summary.csv; Parquet: the extra)
gov-reports report IN.jsonl -o report.html [--registry PATH] [--years 2016-2024]
gov-reports schema [-o data/annual_report.schema.json] [--docs docs/data-dictionary.md]

`crawl` runs in gov_reports.crawl.run, the others in gov_reports.commands; each is imported for its
command only, so only a crawl imports Scrapy.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from gov_reports.exit_codes import INTERNAL_ERROR, ExitCode
from gov_reports.extras import MissingExtra
from gov_reports.model.vocabulary import ExportFormat
from gov_reports.paths import DATA_DIR

logger = logging.getLogger("gov_reports")
REPO_DATA = DATA_DIR


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("gov-reports")
    except PackageNotFoundError:  # a checkout run with PYTHONPATH, not installed
        return "unknown (not installed)"


class VersionAction(argparse.Action):
    """argparse's version action, with the version looked up only when asked (importlib.metadata: ~0.1 s)."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS) -> None:
        super().__init__(
            option_strings, dest, nargs=0, default=argparse.SUPPRESS, help="show program's version number and exit"
        )

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        print(f"gov-reports {package_version()}")
        parser.exit()


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
    parser.add_argument("--version", action=VersionAction)
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
        choices=[ExportFormat.CSV, ExportFormat.PARQUET, ExportFormat.BOTH],
        default=ExportFormat.CSV,
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

    scrapy = commands.add_parser(
        "scrapy",
        add_help=False,
        help="Scrapy's own command line with gov-reports' settings, from any directory "
        "(gov-reports scrapy crawl annual_reports -a province=浙江 -O zj.jsonl)",
    )
    scrapy.add_argument("arguments", nargs=argparse.REMAINDER, help="scrapy's command and its options")

    schema = commands.add_parser("schema", parents=[common], help="write the record's JSON Schema")
    schema.add_argument("-o", "--output", type=Path, default=REPO_DATA / "annual_report.schema.json")
    schema.add_argument(
        "--docs", type=Path, default=REPO_DATA.parent / "docs" / "data-dictionary.md", help="data dictionary to write"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["scrapy"]:  # everything after it is Scrapy's, -h and -o included
        args = argparse.Namespace(command="scrapy", arguments=arguments[1:])
    else:
        args = build_parser().parse_args(arguments)
    level = verbosity(args)
    if args.command not in ("crawl", "scrapy"):  # their log is Scrapy's (run_crawl sets it from the same options)
        configure_logging(level, getattr(args, "log_file", None))
    try:
        return run(args, level)
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


def run(args: argparse.Namespace, level: int) -> int:
    """The command's runner, imported here: a crawl's imports Scrapy, the others do not."""
    if args.command == "crawl":
        from gov_reports.crawl.run import run_crawl

        return run_crawl(args, level)
    if args.command == "scrapy":
        return run_scrapy(args.arguments)
    from gov_reports import commands

    runners = {
        "extract": commands.run_extract,
        "export": commands.run_export,
        "report": commands.run_report,
        "schema": commands.run_schema,
    }
    return runners[args.command](args)


def run_scrapy(arguments: list[str]) -> int:
    """`gov-reports scrapy …`: `scrapy …` as if run in this project's checkout, wherever it is run.

    Scrapy finds a project by a scrapy.cfg in or above the working directory; an installed copy has none
    there, and SCRAPY_SETTINGS_MODULE is Scrapy's documented way to name the settings without it.
    """
    import os

    from gov_reports.crawl.preflight import check_scrapy_feeds

    if arguments[:1] == ["crawl"]:
        check_scrapy_feeds(arguments)
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "gov_reports.crawl.settings")
    from scrapy.cmdline import execute

    try:
        execute(["scrapy", *arguments])
    except SystemExit as done:  # Scrapy ends every command with sys.exit
        return done.code if isinstance(done.code, int) else int(done.code is not None)
    except KeyError as error:  # Scrapy's spider loader: a spider name it does not know
        if "Spider not found" not in str(error):
            raise
        raise ValueError(f"{error.args[0]}; `gov-reports scrapy list` names the spiders") from error
    return 0


def one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


def configure_logging(level: int, log_file: Path | None) -> None:
    """The log of the commands that are not crawls (a crawl's is Scrapy's, set from the same options)."""
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


if __name__ == "__main__":
    raise SystemExit(main())
