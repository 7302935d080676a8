"""PDF reading speed (issue 14 item 4): pdfminer's parse of every page, beside PDFium's, same output.

Run by hand from the repo root (pytest must be installed: the test PDFs are built by the tests' code)::

    python bench/pdf_speed.py [--rounds N] [--corpus DIR] [--json OUT]

Two readers of the same code (`gov_reports.extract.documents.pdf.read_pdf`):

- old: ``fast=False``, every page parsed by pdfminer through pdfplumber, as before issue 14;
- new: ``fast=True``, pages parsed by PDFium (pypdfium2) and read by the same pdfplumber code,
  pdfminer only for the pages PDFium would see differently.

PDFs: the real corpus's PDFs that are not in tests/fixtures/real/HOLDOUT (the holdout files are
never opened), the demo portal's (data/demo/**/*.pdf) and the ones the tests build
(tests/support/pdf_samples.py). After a warm-up, N rounds read every PDF with both readers, back to back,
the order swapped every round, so load from other jobs on a shared machine hits both alike. A
reader's figure for a group of PDFs is the median over the rounds of (its time on the group / the
group's pages), wall clock and process CPU; per PDF, the median over the rounds.

Before timing, for every PDF, the script checks that both readers give the same result: the same
`DocumentText` (text, tables as rows, page and table counts, notes) or the same skip reason; the
same `read_document` result; and the same record (or the same skip) from the path
`gov-reports extract` takes (`gov_reports.commands.extract_file`, i.e. `document_report`). It prints Markdown and
exits 1 when anything differs.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gov_reports.extract.documents import UnreadableDocument, _pdfium, clear_cache, pdf, read_document  # noqa: E402
from gov_reports.extract.page import NotAReport  # noqa: E402

CORPUS_ENV = "GOV_REPORTS_REAL_CORPUS"
HOLDOUT_FILE = ROOT / "tests" / "fixtures" / "real" / "HOLDOUT"
LIBRARIES = ("pypdfium2", "pdfplumber", "pdfminer.six")


@dataclass
class Pdf:
    name: str
    group: str
    data: bytes
    max_pages: int = 200
    pages: int = 0
    """Pages read (0: the file is skipped with a reason, by both readers)."""
    readers: str = ""
    """Per page: 'T' PDFium with the table reader, 't' PDFium text only, '-' pdfminer."""
    times: dict[str, list[tuple[float, float]]] = field(default_factory=lambda: {"old": [], "new": []})
    """Reader → per round (wall s, CPU s)."""


def holdout() -> set[str]:
    lines = HOLDOUT_FILE.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def corpus_pdfs(corpus: Path) -> list[Pdf]:
    """The corpus's PDFs outside the holdout; holdout files are skipped by name, never opened."""
    if not corpus.is_dir():
        print(f"(no real corpus at {corpus}: only the demo and test PDFs)", file=sys.stderr)
        return []
    kept = holdout()
    return [
        Pdf(path.name, "real corpus", path.read_bytes())
        for path in sorted(corpus.glob("*.pdf"))
        if path.name not in kept
    ]


def demo_and_test_pdfs() -> list[Pdf]:
    from tests.support.pdf_samples import sample_pdfs

    out = []
    for name, sample in sample_pdfs().items():
        group = "demo portal" if name.startswith("demo:") else "tests"
        out.append(Pdf(name, group, sample.data, sample.max_pages))
    return out


def read(item: Pdf, *, fast: bool) -> Any:
    try:
        return pdf.read_pdf(item.data, max_pages=item.max_pages, fast=fast)
    except UnreadableDocument as error:
        return ("unreadable", error.reason, error.detail)


@contextmanager
def reader(fast: bool) -> Iterator[None]:
    """`read_document` and everything above it read PDFs the given way."""
    original = pdf.read_pdf
    if not fast:
        pdf.read_pdf = lambda data, **kw: original(data, fast=False, **kw)  # type: ignore[assignment]
    clear_cache()
    try:
        yield
    finally:
        pdf.read_pdf = original  # type: ignore[assignment]
        clear_cache()


def via_read_document(item: Pdf) -> Any:
    try:
        return read_document(item.data, name=f"{item.name}.pdf", max_pages=item.max_pages)
    except UnreadableDocument as error:
        return ("unreadable", error.reason, error.detail)


def via_extract(item: Pdf, directory: Path) -> Any:
    """The record `gov-reports extract FILE` makes (or its skip), with a fixed URL."""
    from gov_reports.commands import extract_file

    path = directory / (item.name.replace("/", "_").replace(":", "_") + ("" if item.name.endswith(".pdf") else ".pdf"))
    path.write_bytes(item.data)
    try:
        return extract_file(path, "file:///bench/report.pdf")
    except (NotAReport, UnreadableDocument, ValueError, OSError) as error:
        return ("skipped", type(error).__name__, str(error))


def page_readers(item: Pdf) -> str:
    import pdfplumber

    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            document = pdfplumber.open(io.BytesIO(item.data))
        except Exception:
            return ""
        with document, _pdfium.PdfiumDocument(item.data, len(document.pages)) as pdfium_document:
            for index, page in enumerate(document.pages[: item.max_pages]):
                try:
                    objects = pdfium_document.page_objects(index, page)
                except Exception:
                    objects = None
                out.append("-" if objects is None else "T" if objects.ruled else "t")
    return "".join(out)


def check(items: list[Pdf]) -> list[str]:
    """Every difference between the two readers, as lines (empty: identical everywhere)."""
    differences = []
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        for item in items:
            old, new = read(item, fast=False), read(item, fast=True)
            if old != new:
                differences.append(f"{item.name}: read_pdf differs")
            with reader(fast=False):
                old_doc, old_record = via_read_document(item), via_extract(item, directory)
            with reader(fast=True):
                new_doc, new_record = via_read_document(item), via_extract(item, directory)
            if old_doc != new_doc:
                differences.append(f"{item.name}: read_document differs")
            if old_record != new_record:
                differences.append(f"{item.name}: the extracted record differs")
            item.pages = 0 if isinstance(new, tuple) else new.pages
            item.readers = page_readers(item)
    return differences


def time_rounds(items: list[Pdf], rounds: int) -> None:
    timed = [item for item in items if item.pages]
    for item in timed:  # warm-up: imports, font caches, CMaps
        read(item, fast=True)
        read(item, fast=False)
    for number in range(rounds):
        order = ("old", "new") if number % 2 == 0 else ("new", "old")
        for item in timed:
            for name in order:
                wall, cpu = time.perf_counter(), time.process_time()
                read(item, fast=name == "new")
                item.times[name].append((time.perf_counter() - wall, time.process_time() - cpu))


def ms_per_page(items: list[Pdf], name: str, rounds: int, which: int) -> float:
    pages = sum(item.pages for item in items)
    per_round = [sum(item.times[name][r][which] for item in items) / pages * 1000 for r in range(rounds)]
    return statistics.median(per_round)


def machine() -> dict[str, Any]:
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False
        ).stdout.strip()
        dirty = bool(
            subprocess.run(
                ["git", "status", "--porcelain", "--untracked-files=no"],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=False,
            ).stdout.strip()
        )
    except OSError:
        commit, dirty = "?", False
    versions = {}
    for library in LIBRARIES:
        try:
            versions[library] = metadata.version(library)
        except metadata.PackageNotFoundError:
            versions[library] = "-"
    return {
        "commit": commit + ("+dirty" if dirty else ""),
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}",
        "load": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "versions": versions,
    }


def report(items: list[Pdf], differences: list[str], rounds: int, before: dict[str, Any]) -> str:
    after = machine()
    lines = [
        f"## PDF reading, old (pdfminer every page) vs new (PDFium), commit {before['commit']}, {rounds} rounds",
        "",
        f"Python {before['python']}, {before['machine']}; "
        + ", ".join(f"{k} {v}" for k, v in before["versions"].items())
        + f"; load average {_load(before['load'])} before, {_load(after['load'])} after.",
        "",
        "Identical output (read_pdf, read_document, the `gov-reports extract` record) on every PDF: "
        + ("**yes**" if not differences else "**NO**: " + "; ".join(differences)),
        "",
        "| PDFs | files (read) | pages | PDFium pages (tables) | old ms/page | new ms/page | old/new |"
        " old CPU ms/page | new CPU ms/page |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    groups: dict[str, list[Pdf]] = {}
    for item in items:
        groups.setdefault(item.group, []).append(item)
    groups["all"] = items
    for group, members in groups.items():
        read_items = [item for item in members if item.pages]
        if not read_items:
            continue
        pages = sum(item.pages for item in read_items)
        fast = sum(item.readers.count("t") + item.readers.count("T") for item in read_items)
        tables = sum(item.readers.count("T") for item in read_items)
        old, new = ms_per_page(read_items, "old", rounds, 0), ms_per_page(read_items, "new", rounds, 0)
        old_cpu, new_cpu = ms_per_page(read_items, "old", rounds, 1), ms_per_page(read_items, "new", rounds, 1)
        lines.append(
            f"| {group} | {len(members)} ({len(read_items)}) | {pages} | {fast} ({tables}) | {old:.1f} | {new:.1f} | "
            f"{old / new:.1f}x | {old_cpu:.1f} | {new_cpu:.1f} |"
        )
    lines += [
        "",
        "Per PDF (median over the rounds; pages: T PDFium + table reader, t PDFium text only, - pdfminer):",
        "",
        "| PDF | pages | old ms/page | new ms/page |",
        "|---|---|---|---|",
    ]
    for item in items:
        if not item.pages:
            lines.append(f"| {item.name} | skipped by both: {read(item, fast=True)[1]} | | |")
            continue
        old = statistics.median(t[0] for t in item.times["old"]) / item.pages * 1000
        new = statistics.median(t[0] for t in item.times["new"]) / item.pages * 1000
        lines.append(f"| {item.name} | {item.pages} `{item.readers}` | {old:.1f} | {new:.1f} |")
    return "\n".join(lines)


def _load(load: tuple[float, float, float] | None) -> str:
    return "?" if load is None else " / ".join(f"{v:.2f}" for v in load)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument(
        "--corpus",
        type=Path,
        default=Path(os.environ.get(CORPUS_ENV) or ROOT.parent / "shared" / "real-corpus"),
        help=f"the real corpus (default ../shared/real-corpus beside the clone, or ${CORPUS_ENV})",
    )
    parser.add_argument("--json", type=Path, help="also write the raw timings here")
    args = parser.parse_args(argv)
    before = machine()
    items = corpus_pdfs(args.corpus) + demo_and_test_pdfs()
    differences = check(items)
    time_rounds(items, args.rounds)
    print(report(items, differences, args.rounds, before))
    if args.json:
        rows = [
            {"name": i.name, "group": i.group, "pages": i.pages, "readers": i.readers, "times": i.times} for i in items
        ]
        args.json.write_text(json.dumps({"machine": before, "differences": differences, "pdfs": rows}, indent=1))
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
