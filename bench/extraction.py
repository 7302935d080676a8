"""Benchmark the report extraction on the demo pages, beside ``trafilatura.extract``.

Run by hand (trafilatura is the ``bench`` extra: ``pip install -e '.[bench]'``)::

    python bench/extraction.py [--repeat N] [--json OUT] [--profile TOP]

Corpus: every page of every report in ``data/demo/expected.json`` (HTML, decoded
as Scrapy does), the seed texts in ``tests/fixtures/seeds`` (text path; trafilatura
reads HTML only, so the seeds get our figures alone), and the PDF and DOCX reports
``tests/support/documents.py`` builds (our attachment readers, then the same extraction
on their text). After one warm-up pass, N *rounds* run every contender on every page,
interleaved page by page, so that a load change on a shared machine hits all of them
alike. A contender's figure is the median over the rounds of its time per page in the
round (its time on the whole corpus over the pages it holds), with the p90 over the
rounds; the ratio of two contenders is the ratio of those medians. Per page, the median
and p90 over the rounds are given too. Quality columns compare what each contender
keeps: inline spam removed, attachment named, the right date, the closing line.

The script is organised in *sections* (HTML pages, seed texts, PDF, DOCX); each is a
list of ``Item`` (one document, ``units`` pages of it) and a list of ``Contender`` (an
untimed ``prepare`` and a timed ``run``); the timing, memory and Markdown code is shared.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib.util
import json
import math
import os
import platform
import pstats
import statistics
import subprocess
import sys
import time
import tracemalloc
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import Any

from w3lib.encoding import html_to_unicode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gov_reports.extract.clean import clean_html, clean_text  # noqa: E402
from gov_reports.extract.page import Page, PageSource, extract  # noqa: E402
from gov_reports.extract.statistics import extract_statistics  # noqa: E402

DEMO = ROOT / "data" / "demo"
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
OURS = "ours"
LIBRARIES = ("gov-reports", "trafilatura", "lxml", "parsel", "w3lib", "scrapy", "dateparser", "htmldate", "justext")


# --------------------------------------------------------------------------- corpus


@dataclass(frozen=True)
class Truth:
    """What a faithful extraction of one page keeps (from expected.json and the demo builder)."""

    spam: tuple[str, ...]
    date: str | None
    attachments: tuple[str, ...]
    last_line: str | None


@dataclass(frozen=True)
class Item:
    """One document of a section: its content, where it came from, how many pages it counts for."""

    name: str
    kind: str
    content: str
    url: str
    units: int = 1
    truth: Truth | None = None
    data: bytes = b""
    """A binary document's bytes (PDF, DOCX), for a section whose contenders read bytes."""


def declared_pages() -> dict[tuple[str, str], Any]:
    """(site, path) -> the demo builder's Page declaration (gov_reports/demo/builder/)."""
    from gov_reports.demo.builder.render import PLATFORMS, build_pages

    pages, _reports, _traps = build_pages()
    for builder in PLATFORMS:  # the platform sites' pages
        pages += builder.ground_truth()[0]
    return {(page.site, page.path): page for page in pages}


def site_bases() -> dict[str, str]:
    """A stable fake origin per demo site (the demo server binds free ports on 127.0.0.1)."""
    sites = json.loads((DEMO / "sites.json").read_text(encoding="utf-8"))["sites"]
    return {name: f"http://127.0.0.1:{8001 + i}" for i, name in enumerate(sites)}


def last_body_line(body_html: str) -> str | None:
    """The last non-empty block of a declared body: the closing (signature) line."""
    from lxml import html as lxml_html

    blocks = lxml_html.fragment_fromstring(body_html, create_parent="div").xpath(".//p|.//td|.//div")
    texts = [" ".join(block.text_content().split()) for block in blocks]
    texts = [text for text in texts if text]
    return texts[-1] if texts else None


def page_truth(report: dict[str, Any], path: str, page: Any) -> Truth:
    """Expected spam and date come from expected.json; closing line and attachments from the builder."""
    # The report's date is its best copy's; another copy is judged by its own declared date.
    own_date = (page.pubdate or page.label_date or "")[:10] or None
    date = report["published"] if path == report["best_path"] else own_date
    # A 「年报下载:…」 line printed as text, or links after the body (href, link text): the file names.
    attachments = (page.attach_text.split(":", 1)[-1].strip(),) if page.attach_text else ()
    attachments += tuple(name for _href, name in page.attachments)
    return Truth(spam=tuple(report["spam"]), date=date, attachments=attachments, last_line=last_body_line(page.body))


HTML_SUFFIXES = (".html", ".htm", ".shtml")


def load_demo_pages() -> list[Item]:
    """Every page of every report in expected.json, decoded like Scrapy decodes a response."""
    expected = json.loads((DEMO / "expected.json").read_text(encoding="utf-8"))
    declared = declared_pages()
    bases = site_bases()
    items = []
    for report in expected["reports"]:
        for path in report["paths"]:
            if not path.endswith(HTML_SUFFIXES):  # a report published only as a file: timed in its own section
                continue
            data = (DEMO / report["site"] / path.lstrip("/")).read_bytes()
            _encoding, html = html_to_unicode(None, data)
            truth = page_truth(report, path, declared[(report["site"], path)])
            name = f"{report['site']}{path}"
            items.append(Item(name=name, kind="html", content=html, url=bases[report["site"]] + path, truth=truth))
    return items


def load_seeds() -> list[Item]:
    """The seed texts (plain-text dumps of real report pages)."""
    return [
        Item(name=path.name, kind="text", content=path.read_text(encoding="utf-8"), url=path.as_uri())
        for path in sorted(SEEDS.glob("*.txt"))
    ]


# --------------------------------------------------------------------------- contenders


@dataclass(frozen=True)
class Contender:
    """A timed call: `prepare` (untimed) turns an item into the argument of `run` (timed)."""

    name: str
    run: Callable[[Any], Any]
    prepare: Callable[[Item], Any] = lambda item: item


def ours_full(item: Item) -> Any:
    return extract(Page(content=item.content, kind=item.kind, source=PageSource(url=item.url)))  # type: ignore[arg-type]


def cleaned_for_tables(item: Item) -> tuple[str, Any, Any]:
    """(text, body, grids) as `page.build_record` hands them to the statistics: the cleaning is untimed.

    `body` is the cleaned container element and `grids` its tables, read by the cleaner while it
    rendered the lines (`CleanPage.grids`); None for a text page.
    """
    page = clean_html(item.content, item.url) if item.kind == "html" else clean_text(item.content)
    return "\n".join(page.lines), page.body, page.grids


def ours_tables(prepared: tuple[str, Any, Any]) -> Any:
    text, body, grids = prepared
    return extract_statistics(text, html=body, grids=grids)


def trafilatura_default(item: Item) -> str | None:
    import trafilatura

    return trafilatura.extract(item.content)


def trafilatura_full(item: Item) -> str | None:
    import trafilatura

    return trafilatura.extract(item.content, include_tables=True, with_metadata=True)


def lxml_parse(item: Item) -> Any:
    """The floor: lxml's HTML parse of the same decoded page, which any extraction of it starts with."""
    import lxml.html

    return lxml.html.fromstring(item.content)


OURS_TABLES = Contender("ours: tables only", ours_tables, cleaned_for_tables)
TRAF_DEFAULT = "trafilatura.extract"
TRAF_FULL = "trafilatura (tables+metadata)"
FLOOR = "lxml.html.fromstring (floor)"


def html_contenders() -> list[Contender]:
    return [
        Contender(OURS, ours_full),
        OURS_TABLES,
        Contender(TRAF_DEFAULT, trafilatura_default),
        Contender(TRAF_FULL, trafilatura_full),
        Contender(FLOOR, lxml_parse),
    ]


def text_contenders() -> list[Contender]:
    return [Contender(OURS, ours_full), OURS_TABLES]


@dataclass
class Section:
    """A corpus and the contenders timed on it; ratios are other contenders' time over ours."""

    name: str
    unit: str
    items: list[Item]
    contenders: list[Contender]
    baseline: str = OURS
    """The contender the others' times are divided by."""


def load_test_documents() -> ModuleType | None:
    """tests/support/documents.py, whose builders make the PDF and DOCX reports (None without pytest)."""
    try:
        import pytest  # noqa: F401  (the module is a test module: it imports pytest)
    except ImportError:
        return None
    spec = importlib.util.spec_from_file_location("bench_test_documents", ROOT / "tests" / "support" / "documents.py")
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_test_documents"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def load_documents() -> tuple[list[Item], list[Item]]:
    """(PDF items, DOCX items): the 虎林市 2020 report as tests/support/documents.py builds it.

    The PDF counts its pages as units (ms per PDF page); the DOCX is one unit (ms per DOCX).
    """
    from gov_reports.extract.documents import read_document

    builders = load_test_documents()
    if builders is None:
        return [], []
    pdf = builders.make_report_pdf()
    docx = builders.make_report_docx()
    pages = read_document(pdf, name="report.pdf").pages or 1
    return (
        [Item(name="test_documents.make_report_pdf()", kind="pdf", content="", url="", units=pages, data=pdf)],
        [Item(name="test_documents.make_report_docx()", kind="docx", content="", url="", data=docx)],
    )


def read_attachment(item: Item) -> Any:
    from gov_reports.extract.documents import clear_cache, read_document

    # read_document remembers recent files by content: every round would time a cache hit otherwise.
    clear_cache()
    return read_document(item.data, name=f"report.{item.kind}")


def read_and_extract(item: Item) -> Any:
    """What the pipeline does with an attachment: read it, then the text extraction on its text."""
    return extract(Page(content=read_attachment(item).text, kind="text", source=PageSource(url=item.url)))


def attachment_text(item: Item) -> str:
    return read_attachment(item).text


def extract_text(text: str) -> Any:
    return extract(Page(content=text, kind="text"))


def document_contenders() -> list[Contender]:
    return [
        Contender("ours: read_document", read_attachment),
        Contender("ours: read + extract", read_and_extract),
        Contender("ours: extract only (text read untimed)", extract_text, attachment_text),
    ]


def sections() -> list[Section]:
    """The benchmarked sections, in report order (the documents need the test extra: pytest)."""
    pdf, docx = load_documents()
    found = [
        Section("Demo report pages (HTML)", "page", load_demo_pages(), html_contenders()),
        Section("Seed texts (text path)", "page", load_seeds(), text_contenders()),
    ]
    if pdf:
        found.append(Section("PDF attachment", "PDF page", pdf, document_contenders(), baseline="ours: read_document"))
    if docx:
        found.append(Section("DOCX attachment", "DOCX", docx, document_contenders(), baseline="ours: read_document"))
    return found


# --------------------------------------------------------------------------- timing


@dataclass
class Timing:
    """Per item and contender, the wall time per unit of each round, in seconds (index = round)."""

    samples: dict[str, dict[str, list[float]]] = field(default_factory=dict)

    def add(self, item: str, contender: str, seconds: float) -> None:
        self.samples.setdefault(item, {}).setdefault(contender, []).append(seconds)

    def rounds(self, section: Section, contender: str) -> list[float]:
        """The contender's time per unit in each round: its time on the whole corpus over the units."""
        units = sum(item.units for item in section.items)
        count = len(self.samples[section.items[0].name][contender])
        return [
            sum(self.samples[item.name][contender][r] * item.units for item in section.items) / units
            for r in range(count)
        ]


def p90(values: list[float]) -> float:
    """Nearest-rank 90th percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]


def time_section(section: Section, repeat: int) -> Timing:
    """One warm-up pass, then `repeat` rounds; every round runs every contender on every item, interleaved."""
    prepared = {(c.name, i.name): c.prepare(i) for c in section.contenders for i in section.items}
    timing = Timing()
    for rep in range(repeat + 1):
        for item in section.items:
            for contender in section.contenders:
                argument = prepared[(contender.name, item.name)]
                start = time.perf_counter()
                contender.run(argument)
                elapsed = time.perf_counter() - start
                if rep:  # pass 0 is the warm-up
                    timing.add(item.name, contender.name, elapsed / item.units)
    return timing


def per_item(timing: Timing, item: str, contender: str) -> tuple[float, float]:
    """(median, p90) in ms per unit."""
    values = timing.samples[item][contender]
    return statistics.median(values) * 1000, p90(values) * 1000


def summary(section: Section, timing: Timing) -> dict[str, dict[str, float]]:
    """Per contender: median and p90 over the rounds of its ms per unit in the round; also the mean over
    items of the per-item medians (the figure earlier runs reported)."""
    out = {}
    for contender in section.contenders:
        per_round = timing.rounds(section, contender.name)
        rows = [per_item(timing, item.name, contender.name) for item in section.items]
        out[contender.name] = {
            "median_ms": statistics.median(per_round) * 1000,
            "p90_ms": p90(per_round) * 1000,
            "min_ms": min(per_round) * 1000,
            "mean_of_item_medians_ms": statistics.fmean(r[0] for r in rows),
        }
    return out


def peak_memory(section: Section) -> dict[str, float]:
    """Peak traced Python-heap memory (KiB) of one pass of each contender (libxml2's own mallocs are not traced)."""
    peaks = {}
    for contender in section.contenders:
        prepared = [contender.prepare(item) for item in section.items]
        tracemalloc.start()
        for argument in prepared:
            contender.run(argument)
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        peaks[contender.name] = peak / 1024
    return peaks


# --------------------------------------------------------------------------- quality


def normal(text: str) -> str:
    """NFKC, no whitespace: compare text across extractors that space and punctuate differently."""
    return "".join(unicodedata.normalize("NFKC", text).split())


@dataclass(frozen=True)
class Kept:
    """What one extractor kept of one page; None = not applicable to that page."""

    spam_removed: tuple[int, int]
    attachment: bool | None
    date: bool | None
    last_line: bool | None


def judge(truth: Truth, text: str, date: str | None, attachment: bool) -> Kept:
    body = normal(text)
    removed = sum(1 for phrase in truth.spam if normal(phrase) not in body)
    return Kept(
        spam_removed=(removed, len(truth.spam)),
        attachment=attachment if truth.attachments else None,
        date=(date == truth.date) if truth.date else None,
        last_line=(normal(truth.last_line) in body) if truth.last_line else None,
    )


def judge_ours(item: Item) -> Kept:
    assert item.truth is not None
    record = ours_full(item)
    return judge(item.truth, record.text, record.published, bool(record.attachments))


def judge_trafilatura(item: Item, extract: Callable[[Item], str | None]) -> Kept:
    import trafilatura

    assert item.truth is not None
    text = extract(item) or ""
    meta = trafilatura.extract_metadata(item.content)
    named = any(normal(name) in normal(text) for name in item.truth.attachments)
    return judge(item.truth, text, meta.date if meta else None, named)


def quality(items: Iterable[Item]) -> dict[str, dict[str, Kept]]:
    """item -> extractor -> what it kept."""
    return {
        item.name: {
            OURS: judge_ours(item),
            TRAF_DEFAULT: judge_trafilatura(item, trafilatura_default),
            TRAF_FULL: judge_trafilatura(item, trafilatura_full),
        }
        for item in items
        if item.truth is not None
    }


def quality_totals(results: dict[str, dict[str, Kept]], extractor: str) -> dict[str, tuple[int, int]]:
    """Per criterion: (pages or phrases passed, applicable)."""
    kept = [row[extractor] for row in results.values()]
    totals = {"spam_removed": (sum(k.spam_removed[0] for k in kept), sum(k.spam_removed[1] for k in kept))}
    for criterion in ("attachment", "date", "last_line"):
        values = [getattr(k, criterion) for k in kept if getattr(k, criterion) is not None]
        totals[criterion] = (sum(values), len(values))
    return totals


# --------------------------------------------------------------------------- report


def machine() -> dict[str, str]:
    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    versions = {}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    from gov_reports import extract

    return {
        "code": code_version(),
        # mypyc-compiled or pure Python (setup.py); GOV_REPORTS_PURE_PYTHON=1 measures the pure modules.
        "extraction modules": "compiled (mypyc)" if extract.COMPILED else f"pure Python ({extract.PURE_REASON})",
        "cpu": cpu,
        "nproc": str(os.cpu_count()),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load average at start": " ".join(f"{load:.2f}" for load in os.getloadavg()),
        **versions,
    }


def code_version() -> str:
    """The commit measured, and whether the extraction code differs from it."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "gov_reports"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return f"{head} + uncommitted changes in gov_reports/" if dirty else head


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def summary_table(section: Section, figures: dict[str, dict[str, float]], memory: dict[str, float]) -> str:
    baseline = figures[section.baseline]["median_ms"]
    rows = []
    for contender in section.contenders:
        fig = figures[contender.name]
        ratio = fig["median_ms"] / baseline
        rows.append(
            [
                contender.name,
                f"{fig['median_ms']:.2f}",
                f"{fig['p90_ms']:.2f}",
                f"{fig['min_ms']:.2f}",
                f"{ratio:.2f}×",
                f"{memory[contender.name]:.0f}",
            ]
        )
    header = [
        "contender",
        f"median ms/{section.unit} (rounds)",
        f"p90 ms/{section.unit} (rounds)",
        f"fastest round ms/{section.unit}",
        f"median ÷ {section.baseline}'s",
        "peak KiB, Python heap (one pass)",
    ]
    return markdown_table(header, rows)


def item_table(section: Section, timing: Timing) -> str:
    header = [section.unit] + [f"{c.name} (median / p90 ms)" for c in section.contenders]
    rows = []
    for item in section.items:
        cells = [item.name]
        for contender in section.contenders:
            median, high = per_item(timing, item.name, contender.name)
            cells.append(f"{median:.2f} / {high:.2f}")
        rows.append(cells)
    return markdown_table(header, rows)


def mark(value: bool | None) -> str:
    return "—" if value is None else ("yes" if value else "**no**")


def quality_tables(results: dict[str, dict[str, Kept]]) -> str:
    extractors = [OURS, TRAF_DEFAULT, TRAF_FULL]
    labels = {
        "spam_removed": "inline spam removed (phrases)",
        "attachment": "attachment named (pages)",
        "date": "right date (pages)",
        "last_line": "closing line kept (pages)",
    }
    totals = {e: quality_totals(results, e) for e in extractors}
    rows = [[label] + [f"{totals[e][k][0]}/{totals[e][k][1]}" for e in extractors] for k, label in labels.items()]
    overview = markdown_table(["criterion", *extractors], rows)
    detail_rows = []
    for name, row in results.items():
        cells = [name]
        for extractor in extractors:
            kept = row[extractor]
            removed, total = kept.spam_removed
            spam = f"{removed}/{total}" if total else "—"
            cells.append(f"{spam} · {mark(kept.attachment)} · {mark(kept.date)} · {mark(kept.last_line)}")
        detail_rows.append(cells)
    detail = markdown_table(["page (spam · attachment · date · closing line)", *extractors], detail_rows)
    return overview + "\n\n" + detail


def verdict(figures: dict[str, dict[str, float]], target: float = 0.15, floor_target: float = 3.0) -> str:
    """Issue 17's targets, in-process: ours ≤ 0.15× trafilatura.extract's time, ≤ 3× the lxml parse's."""
    ours, traf, floor = (figures[name]["median_ms"] for name in (OURS, TRAF_DEFAULT, FLOOR))
    fastest = figures[OURS]["min_ms"] / figures[TRAF_DEFAULT]["min_ms"]
    met = "met" if ours / traf <= target else "NOT met"
    floor_met = "met" if ours / floor <= floor_target else "NOT met"
    return (
        f"Speed: ours ÷ trafilatura.extract = {ours / traf:.3f}× (ratio of the medians over the rounds; "
        f"{fastest:.3f}× between the fastest rounds) (target ≤ {target}×): {met}. "
        f"Ours ÷ the lxml parse of the same pages = {ours / floor:.2f}× (target ≤ {floor_target:.0f}×): {floor_met}."
    )


# --------------------------------------------------------------------------- whole process

# Each worker is a fresh interpreter that imports what it needs, reads the pages and extracts each: start-up,
# imports and the work, as a user's `gov-reports extract` or a script calling trafilatura pays them.
WORKERS = {
    OURS: (
        "import json, sys\n"
        "from gov_reports.extract import NotAReport, Page, PageSource, extract\n"
        "for page in json.load(open(sys.argv[1], encoding='utf-8')):\n"
        "    try:\n"
        "        extract(Page(content=page['content'], source=PageSource(url=page['url'])))\n"
        "    except NotAReport:\n"
        "        pass\n"
    ),
    TRAF_DEFAULT: (
        "import json, sys\n"
        "import trafilatura\n"
        "for page in json.load(open(sys.argv[1], encoding='utf-8')):\n"
        "    trafilatura.extract(page['content'])\n"
    ),
    "python start-up only": "import json, sys\njson.load(open(sys.argv[1], encoding='utf-8'))\n",
}


def whole_process(items: list[Item], repeat: int) -> dict[str, dict[str, float]]:
    """Wall seconds of one process per contender over all `items`, interleaved, `repeat` rounds (+1 warm-up)."""
    import tempfile

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as tmp:
        pages = Path(tmp) / "pages.json"
        pages.write_text(json.dumps([{"content": i.content, "url": i.url} for i in items]), encoding="utf-8")
        samples: dict[str, list[float]] = {name: [] for name in WORKERS}
        for round_ in range(repeat + 1):
            for name, code in WORKERS.items():
                start = time.perf_counter()
                subprocess.run([sys.executable, "-c", code, str(pages)], env=env, check=True)
                if round_:  # the first round warms the file cache
                    samples[name].append(time.perf_counter() - start)
    return {
        name: {"median_s": statistics.median(values), "p90_s": p90(values), "min_s": min(values)}
        for name, values in samples.items()
    }


def process_table(figures: dict[str, dict[str, float]], pages: int, target: float = 0.2) -> str:
    rows = [
        [name, f"{fig['median_s']:.3f}", f"{fig['p90_s']:.3f}", f"{fig['min_s']:.3f}"] for name, fig in figures.items()
    ]
    table = markdown_table(["process", "median s (rounds)", "p90 s", "fastest s"], rows)
    ratio = figures[OURS]["median_s"] / figures[TRAF_DEFAULT]["median_s"]
    met = "met" if ratio <= target else "NOT met"
    return (
        f"{table}\n\nWhole process ({pages} pages, start-up included): ours ÷ trafilatura.extract = {ratio:.3f}× "
        f"(target ≤ {target}×): {met}."
    )


# --------------------------------------------------------------------------- profile


def profile_ours(items: list[Item], top: int, passes: int = 5) -> str:
    """cProfile of our whole extraction over the items: top functions by cumulative and by own time."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(passes):
        for item in items:
            ours_full(item)
    profiler.disable()
    entries = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    total = max(cumulative for _cc, _nc, _tt, cumulative, _callers in entries.values())
    out = []
    for title, index in (("cumulative", 3), ("own time", 2)):
        ranked = sorted(entries.items(), key=lambda kv: kv[1][index], reverse=True)[:top]
        rows = [
            [_function_name(key), str(value[1]), f"{100 * value[3] / total:.1f}%", f"{100 * value[2] / total:.1f}%"]
            for key, value in ranked
        ]
        table = markdown_table(["function", "calls", "cumulative share", "own share"], rows)
        out.append(
            f"By {title} ({passes} passes, {1000 * total / passes / len(items):.2f} ms/page under the profiler):"
        )
        out.append(table)
    return "\n\n".join(out)


def _function_name(key: tuple[str, int, str]) -> str:
    filename, line, name = key
    if filename == "~":  # a builtin
        return f"`{name}`"
    path = Path(filename)
    try:
        shown = path.relative_to(ROOT).as_posix()
    except ValueError:
        shown = "/".join(path.parts[-2:])
    return f"`{shown}:{line} {name}`".replace("|", "\\|")


# --------------------------------------------------------------------------- main


def run(repeat: int, profile_top: int) -> tuple[str, dict[str, Any]]:
    """Time, measure and judge every section; (Markdown, JSON-able results)."""
    info = machine()
    parts = ["## Machine", "", *[f"- {k}: {v}" for k, v in info.items()], f"- rounds: {repeat} (+1 warm-up)"]
    results: dict[str, Any] = {"machine": info, "repeat": repeat, "sections": {}}
    for section in sections():
        timing = time_section(section, repeat)
        figures = summary(section, timing)
        memory = peak_memory(section)
        units = sum(item.units for item in section.items)
        parts += ["", f"## {section.name} ({len(section.items)} documents, {units} × {section.unit})", ""]
        parts += [summary_table(section, figures, memory), "", item_table(section, timing)]
        entry: dict[str, Any] = {"figures": figures, "peak_kib": memory, "samples_s": timing.samples}
        if TRAF_DEFAULT in figures:
            parts += ["", verdict(figures)]
            kept = quality(section.items)
            parts += ["", "### Quality", "", quality_tables(kept)]
            entry["quality"] = {name: {e: vars(k) for e, k in row.items()} for name, row in kept.items()}
        results["sections"][section.name] = entry
        if TRAF_DEFAULT in figures:
            process = whole_process(section.items, max(3, repeat // 4))
            parts += ["", "### Whole process", "", process_table(process, len(section.items))]
            entry["whole_process_s"] = process
        if profile_top and section.items and section.items[0].kind == "html":
            parts += ["", "## Profile of ours", "", profile_ours(section.items, profile_top)]
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    parts += ["", f"Load average at the end: {load}."]
    results["machine"]["load average at end"] = load
    return "\n".join(parts), results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="timed rounds after the warm-up (default 20)")
    parser.add_argument("--json", type=Path, help="write every sample and result to this JSON file")
    parser.add_argument("--profile", type=int, default=0, metavar="TOP", help="also cProfile ours, TOP entries")
    args = parser.parse_args(argv)
    text, results = run(max(1, args.repeat), args.profile)
    print(text)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
