"""Crawl speed and memory: pages per minute with politeness off, 1 vs 2 Redis workers, RSS over 20,000 pages.

    python bench/crawl_speed.py scrapy-bench            # Scrapy's own `scrapy bench`, for scale
    python bench/crawl_speed.py demo                    # the demo portal: 1 process, 1 and 2 Redis workers
    python bench/crawl_speed.py synthetic --pages 3000  # a generated portal: the same three modes
    python bench/crawl_speed.py memory --pages 20000    # RSS of one crawl while it fetches 20,000 pages
    python bench/crawl_speed.py profile -o crawl.prof   # cProfile of one demo crawl, in-process

Every crawl runs in worker processes of its own (`crawl_speed.py worker …`), against portals served
from this process, with politeness off (no delay, no per-host limit; robots.txt still fetched).
Pages per minute = responses of all workers / (last finish - first start), from the crawl stats.
Redis modes need a server on 127.0.0.1:6379 (database 14 is used and cleaned). Results: docs/distributed.md.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
REDIS_URL = "redis://127.0.0.1:6379/14"
POLITENESS_OFF = ["DOWNLOAD_DELAY=0", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "GOV_REPORTS_REDIS_HOST_CONCURRENCY=0"]


def run_worker(args: argparse.Namespace) -> int:
    """One crawl in this process; its stats (and peak RSS) go to --stats-out as JSON."""
    from scrapy.crawler import AsyncCrawlerProcess

    from gov_reports.crawl.run import crawl_settings
    from gov_reports.crawl.spiders.annual_reports import AnnualReportsSpider

    settings = crawl_settings(
        Path(args.output), overwrite=False, jobdir=None, overrides=args.set, local=True, redis_url=args.redis
    )
    settings.set("LOG_LEVEL", "WARNING", priority="cmdline")
    process = AsyncCrawlerProcess(settings)
    crawler = process.create_crawler(AnnualReportsSpider)
    timeline = Timeline(crawler) if args.timeline else None
    process.crawl(crawler, start_urls=args.start_url)
    if args.profile:  # where a crawl's time goes, in this process: python -m pstats PATH
        import cProfile

        profiler = cProfile.Profile()
        profiler.runcall(process.start)
        profiler.dump_stats(args.profile)
    else:
        process.start()
    stats = crawler.stats.get_stats() if crawler.stats else {}
    result = {
        "start": stats["start_time"].timestamp(),
        "finish": stats["finish_time"].timestamp(),
        "responses": stats.get("response_received_count", 0),
        "items": stats.get("item_scraped_count", 0),
        "written": stats.get("gov_reports/feed/written", 0),
        "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    Path(args.stats_out).write_text(json.dumps(result))
    if timeline:
        Path(args.timeline).write_text(json.dumps(timeline.events, ensure_ascii=False))
    return 0


class Timeline:
    """Every request sent, response received and item scraped, with its time (where a crawl waits)."""

    def __init__(self, crawler: Any) -> None:
        from scrapy import signals

        self.events: list[tuple[float, str, str]] = []
        crawler.signals.connect(self.request, signals.request_reached_downloader)
        crawler.signals.connect(self.response, signals.response_received)
        crawler.signals.connect(self.item, signals.item_scraped)

    def request(self, request: Any, spider: Any) -> None:
        self.events.append((time.monotonic(), "request", request.url))

    def response(self, response: Any, request: Any, spider: Any) -> None:
        self.events.append((time.monotonic(), f"response {response.status}", response.url))

    def item(self, item: Any, response: Any, spider: Any) -> None:
        self.events.append((time.monotonic(), "item", response.url))


def run_timeline(args: argparse.Namespace) -> int:
    """One demo crawl's timeline: when the last response came, and what the crawl waited for after it."""
    from gov_reports.demo.server import DemoPortal

    with DemoPortal() as portal, tempfile.TemporaryDirectory() as tmp:
        events_file = Path(tmp) / "timeline.json"
        command = worker_command(
            portal.start_urls, Path(tmp) / "out.jsonl", Path(tmp) / "stats.json", None, POLITENESS_OFF
        )
        subprocess.run([*command, "--timeline", str(events_file)], cwd=REPO, check=True)
        events = json.loads(events_file.read_text())
    start = events[0][0]
    last_response = max(at for at, kind, _ in events if kind.startswith("response"))
    print(f"{len(events)} events; last response {last_response - start:.3f} s, end {events[-1][0] - start:.3f} s")
    for at, kind, url in events:
        if at >= last_response or args.all:
            print(f"{at - start:8.3f}  {kind:13} {url}")
    return 0


def worker_command(start_urls: list[str], output: Path, stats_out: Path, redis: str | None, extra: list[str]):
    command = [sys.executable, str(Path(__file__).resolve()), "worker", "-o", str(output)]
    command += ["--stats-out", str(stats_out)]
    for url in start_urls:
        command += ["--start-url", url]
    if redis:
        command += ["--redis", redis]
    for setting in extra:
        command += ["-s", setting]
    return command


def crawl(start_urls: list[str], workers: int, redis: bool, tmp: Path) -> dict[str, Any]:
    """Run `workers` worker processes on one crawl; return pages/min and the per-worker stats."""
    prefix = f"bench:{uuid.uuid4().hex[:8]}"
    extra = [*POLITENESS_OFF]
    if redis:
        extra += [f"GOV_REPORTS_REDIS_KEY_PREFIX={prefix}", f"GOV_REPORTS_REDIS_MIN_WORKERS={workers}"]
    output = tmp / f"{prefix.replace(':', '-')}.jsonl"
    stats_files = [tmp / f"{prefix.replace(':', '-')}-{n}.json" for n in range(workers)]
    procs = [
        subprocess.Popen(worker_command(start_urls, output, s, REDIS_URL if redis else None, extra), cwd=REPO)
        for s in stats_files
    ]
    for proc in procs:
        if proc.wait() != 0:
            raise SystemExit(f"worker failed: {proc.args}")
    stats = [json.loads(s.read_text()) for s in stats_files]
    seconds = max(s["finish"] for s in stats) - min(s["start"] for s in stats)
    responses = sum(s["responses"] for s in stats)
    lines = sum(1 for _ in output.open(encoding="utf-8"))
    return {
        "workers": workers,
        "redis": redis,
        "responses": responses,
        "per_worker": [s["responses"] for s in stats],
        "records": lines,
        "seconds": round(seconds, 2),
        "pages_per_min": round(responses / seconds * 60),
    }


def compare_modes(start_urls: list[str], repeat: int) -> list[dict[str, Any]]:
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for workers, redis in ((1, False), (1, True), (2, True)):
            runs = [crawl(start_urls, workers, redis, Path(tmp)) for _ in range(repeat)]
            best = max(runs, key=lambda r: r["pages_per_min"])
            best["runs_pages_per_min"] = [r["pages_per_min"] for r in runs]
            results.append(best)
            print(json.dumps(best, ensure_ascii=False), flush=True)
    return results


def run_demo(args: argparse.Namespace) -> int:
    from gov_reports.demo.server import DemoPortal

    with DemoPortal() as portal:
        compare_modes(portal.start_urls, args.repeat)
    return 0


def run_profile(args: argparse.Namespace) -> int:
    """One demo crawl with politeness off, profiled in its worker process; the top entries are printed."""
    import pstats

    from gov_reports.demo.server import DemoPortal

    with DemoPortal() as portal, tempfile.TemporaryDirectory() as tmp:
        command = worker_command(
            portal.start_urls, Path(tmp) / "out.jsonl", Path(tmp) / "stats.json", None, POLITENESS_OFF
        )
        subprocess.run([*command, "--profile", args.output], cwd=REPO, check=True)
        print(json.loads((Path(tmp) / "stats.json").read_text()))
    pstats.Stats(args.output).sort_stats(args.sort).print_stats(args.top)
    return 0


def run_synthetic(args: argparse.Namespace) -> int:
    from gov_reports.demo.synthetic import SyntheticPortal

    with SyntheticPortal(args.pages) as portal:
        compare_modes(portal.start_urls, args.repeat)
    return 0


def rss_mb(pid: int) -> float | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
    return int(match.group(1)) / 1024 if match else None


def run_memory(args: argparse.Namespace) -> int:
    """RSS of one crawl process (default scheduler, or one Redis worker) sampled as pages are served."""
    from gov_reports.demo.synthetic import SyntheticPortal

    with tempfile.TemporaryDirectory() as tmp, SyntheticPortal(args.pages) as portal:
        extra = [*POLITENESS_OFF]
        if args.redis:
            extra.append(f"GOV_REPORTS_REDIS_KEY_PREFIX=bench:{uuid.uuid4().hex[:8]}")
        stats_out = Path(tmp) / "stats.json"
        command = worker_command(
            portal.start_urls, Path(tmp) / "out.jsonl", stats_out, REDIS_URL if args.redis else None, extra
        )
        proc = subprocess.Popen(command, cwd=REPO)
        samples: list[tuple[float, int, float]] = []
        started = time.monotonic()
        while proc.poll() is None:
            rss = rss_mb(proc.pid)
            if rss is not None:
                samples.append((time.monotonic() - started, portal.served, rss))
            time.sleep(args.interval)
        if proc.returncode != 0:
            raise SystemExit("crawl failed")
        stats = json.loads(stats_out.read_text())
    marks = [m for m in (1000, 2500, 5000, 7500, 10000, 12500, 15000, 17500, 20000) if m <= args.pages]
    table = []
    for mark in marks:
        sample = next((s for s in samples if s[1] >= mark), None)
        if sample:
            table.append({"pages_served": sample[1], "seconds": round(sample[0], 1), "rss_mb": round(sample[2], 1)})
    crawling = [s for s in samples if s[1] < args.pages]
    result = {
        "pages": args.pages,
        "redis": args.redis,
        "responses": stats["responses"],
        "records_written": stats["written"],
        "seconds": round(stats["finish"] - stats["start"], 1),
        "rss_while_crawling_max_mb": round(max(s[2] for s in crawling), 1) if crawling else None,
        "peak_rss_mb_including_final_merge": round(stats["maxrss_mb"], 1),
        "rss_by_pages": table,
    }
    print(json.dumps(result, ensure_ascii=False, indent=1), flush=True)
    return 0


def run_scrapy_bench(args: argparse.Namespace) -> int:
    """`scrapy bench` outside the project (Scrapy's defaults), as the machine's yardstick."""
    scrapy = Path(sys.executable).with_name("scrapy")
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(
            [str(scrapy), "bench", "-s", f"CLOSESPIDER_TIMEOUT={args.seconds}"],
            cwd=tmp,
            capture_output=True,
            text=True,
            check=True,
        )
    log = done.stderr
    responses = int(re.search(r"'response_received_count': (\d+)", log).group(1))
    seconds = float(re.search(r"'elapsed_time_seconds': ([\d.]+)", log).group(1))
    rates = [int(r) for r in re.findall(r"at (\d+) pages/min", log)]
    print(
        json.dumps(
            {
                "scrapy_bench_pages_per_min": round(responses / seconds * 60),
                "responses": responses,
                "seconds": seconds,
                "logstats_rates": rates,
            }
        ),
        flush=True,
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    worker = commands.add_parser("worker", help="(internal) one crawl process")
    worker.add_argument("--start-url", action="append", required=True)
    worker.add_argument("-o", "--output", required=True)
    worker.add_argument("--stats-out", required=True)
    worker.add_argument("--redis")
    worker.add_argument("-s", "--set", action="append", default=[])
    worker.add_argument("--profile", help="write a cProfile of the crawl to this file")
    worker.add_argument("--timeline", help="write the crawl's timestamped events to this file (JSON)")
    bench = commands.add_parser("scrapy-bench")
    bench.add_argument("--seconds", type=int, default=20)
    demo = commands.add_parser("demo")
    demo.add_argument("--repeat", type=int, default=3)
    profile = commands.add_parser("profile")
    profile.add_argument("-o", "--output", default="crawl.prof")
    profile.add_argument("--sort", default="cumulative")
    profile.add_argument("--top", type=int, default=40)
    timeline = commands.add_parser("timeline")
    timeline.add_argument("--all", action="store_true", help="every event, not only those after the last response")
    synthetic = commands.add_parser("synthetic")
    synthetic.add_argument("--pages", type=int, default=3000)
    synthetic.add_argument("--repeat", type=int, default=1)
    memory = commands.add_parser("memory")
    memory.add_argument("--pages", type=int, default=20000)
    memory.add_argument("--interval", type=float, default=1.0)
    memory.add_argument("--redis", action="store_true", help="crawl as one Redis worker instead")
    args = parser.parse_args(argv)
    handlers = {
        "worker": run_worker,
        "scrapy-bench": run_scrapy_bench,
        "demo": run_demo,
        "profile": run_profile,
        "timeline": run_timeline,
        "synthetic": run_synthetic,
        "memory": run_memory,
    }
    return handlers[args.command](args)


if __name__ == "__main__":
    raise SystemExit(main())
