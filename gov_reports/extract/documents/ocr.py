"""Tables published as pictures: OCR with Tesseract, and only numbers the 勾稽关系 vouch for.

Some portals paste tables 二/三/四 as images (a Word table screenshotted, a
scanned PDF page). Tesseract (`tesseract-ocr` + `tesseract-ocr-chi-sim`, OS
packages) reads them, but OCR misreads digits (8/3, 1/7, 0/6) silently, and a
wrong number presented as read is worse than none. So OCR'd statistics are
kept only when the table's own consistency rules check them:

- table 三 must be there, and every one of its checks (the printed balance
  新收 + 上年结转 = 总计 + 结转, row sums, outcome sums) must pass — a blank
  (unreadable) cell makes a check "not checkable", which is not a pass;
- table 四, when read, must pass its row totals too.

Anything less: `verified_statistics` returns no numbers and says why, and
`adopt_ocr` (the one place a page's record takes OCR'd numbers) flags the record
'ocr_unverified'. Pure code: image bytes in, text/statistics out; the
tesseract binary is run in a subprocess with a timeout.
"""

from __future__ import annotations

import csv
import io
import itertools
import math
import os
import re
import shutil
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from gov_reports.extract.documents._common import PDFIUM_LOCK
from gov_reports.extract.statistics import extract_statistics
from gov_reports.model.merge import is_table_flag
from gov_reports.model.vocabulary import Flag, ReportFormat

if TYPE_CHECKING:
    from gov_reports.model.record import AnnualReport

TESSERACT_TIMEOUT = 60
MAX_OCR_PIXELS = 50_000_000
"""Largest image handed to Tesseract (GOV_REPORTS_OCR_MAX_PIXELS), read from its header before OCR:
a page at 216 dpi is 4.5 million pixels; a PNG of a few hundred KB can declare a billion, which
Tesseract would decode whole. PDF pages are rendered at a scale that keeps them under it too."""
_CHECKED_TABLES = ("applications_", "reviews_")


@lru_cache(maxsize=1)
def tesseract_languages() -> frozenset[str]:
    """Languages the installed tesseract has (empty when it is not installed)."""
    binary = shutil.which("tesseract")
    if not binary:
        return frozenset()
    try:
        listed = subprocess.run(
            [binary, "--list-langs"], capture_output=True, text=True, timeout=TESSERACT_TIMEOUT, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(line.strip() for line in listed.stdout.splitlines()[1:] if line.strip())


OCR_LANG = "chi_sim+eng"
"""Simplified Chinese for the labels, English for the digits: chi_sim alone reads 「12」 as 「重」."""


def ocr_available(lang: str = OCR_LANG) -> bool:
    return set(lang.split("+")) <= tesseract_languages()


def image_pixels(image: bytes) -> int:
    """Width × height the image declares (its header only: nothing is decoded); OSError if unreadable."""
    import warnings

    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # PIL's DecompressionBombWarning: the size is what is judged here
            with Image.open(io.BytesIO(image)) as opened:
                width, height = opened.size
    except Image.DecompressionBombError as error:
        raise OSError(f"image too large: {error}") from error
    except (Image.UnidentifiedImageError, ValueError, SyntaxError) as error:
        raise OSError(f"not an image PIL can read: {error}") from error
    return width * height


def ocr_lines(image: bytes, *, lang: str = OCR_LANG, max_pixels: int = MAX_OCR_PIXELS) -> list[str]:
    """The image's text lines; words far apart become tab-separated cells (a table row).

    An image declaring more than `max_pixels` pixels is refused (OSError) before Tesseract decodes it.

    Tesseract's TSV output gives each word's box; within a line, a gap wider
    than about one character height is a cell boundary, a smaller one is
    inside a cell (Chinese words are printed without spaces).
    """
    binary = shutil.which("tesseract")
    if not binary:
        raise OSError("tesseract is not installed")
    pixels = image_pixels(image)
    if pixels > max_pixels:
        raise OSError(f"image too large for OCR: {pixels} pixels > {max_pixels}")
    result = subprocess.run(
        [binary, "stdin", "stdout", "-l", lang, "--psm", "6", "tsv"],
        input=image,
        capture_output=True,
        timeout=TESSERACT_TIMEOUT,
        check=False,
        # One thread per image: crawls OCR several images at once, and OpenMP threads fight each other.
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},
    )
    if result.returncode != 0:
        raise OSError(f"tesseract failed: {result.stderr.decode('utf-8', 'replace')[:300]}")
    rows = csv.DictReader(io.StringIO(result.stdout.decode("utf-8", "replace")), delimiter="\t", quoting=csv.QUOTE_NONE)
    lines: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for row in rows:
        if row.get("level") == "5" and (row.get("text") or "").strip():
            lines.setdefault((row["block_num"], row["par_num"], row["line_num"]), []).append(row)
    out = []
    for words in lines.values():
        words.sort(key=lambda w: int(w["left"]))
        height = max(int(w["height"]) for w in words)
        text = words[0]["text"].strip()
        for before, word in itertools.pairwise(words):
            gap = int(word["left"]) - (int(before["left"]) + int(before["width"]))
            glue = "\t" if gap > 1.2 * height else ("" if _cjk(before["text"][-1]) or _cjk(word["text"][0]) else " ")
            text += glue + word["text"].strip()
        out.append(_digits_in_number_cells(text))
    return out


# Characters chi_sim reads for digits in a number cell: 「1」 comes out as 「工」 or 「l」. Mapping them
# back is safe only because the numbers are kept just when the tables' checks pass.
_DIGIT_LOOKALIKES = str.maketrans({"工": "1", "l": "1", "I": "1", "|": "1", "丨": "1", "O": "0", "o": "0", "〇": "0"})
_NUMBER_CELL = re.compile(r"[\d工lI|丨Oo〇]+")


def _digits_in_number_cells(line: str) -> str:
    """Fix lookalikes in cells after the row label that consist of digits and lookalikes only."""
    cells = line.split("\t")
    return "\t".join(
        [cells[0]] + [c.translate(_DIGIT_LOOKALIKES) if _NUMBER_CELL.fullmatch(c) else c for c in cells[1:]]
    )


def _cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"


@dataclass
class OcrStatistics:
    """What OCR of table images gave: numbers only when verified."""

    text: str
    verified: bool
    stats: dict[str, Any] | None = None
    summary: dict[str, Any] = field(default_factory=dict)
    checks: list[dict[str, Any]] = field(default_factory=list)
    reason: str = ""


def unverified_reason(stats: dict[str, Any] | None, checks: list[dict[str, Any]]) -> str:
    """Why OCR'd statistics cannot be vouched for ('' when table 三's and 四's checks all pass)."""
    if not (stats or {}).get("applications"):
        return "table 三 not read"
    table_checks = [c for c in checks if c["name"].startswith(_CHECKED_TABLES)]
    failed = [c["name"] for c in table_checks if c["ok"] is not True]
    if not table_checks or failed:
        return "checks not passed: " + ", ".join(failed[:5])
    return ""


def pdf_page_images(
    data: bytes, *, max_pages: int = 30, scale: float = 3.0, max_pixels: int = MAX_OCR_PIXELS
) -> list[bytes]:
    """A scanned PDF's pages as PNG images at 216 dpi (pypdfium2, which pdfplumber already depends on).

    A page so large that 216 dpi would exceed `max_pixels` (a PDF page may be 5 m wide) is rendered
    at the scale that fits: the bitmap is never larger than that.
    """
    import pypdfium2

    images = []
    with PDFIUM_LOCK:  # PDFium is not thread-safe; the PDF reader uses it on other threads
        document = pypdfium2.PdfDocument(data)
        try:
            for index in range(min(len(document), max_pages)):
                page = document[index]
                width, height = page.get_size()
                fitting = min(scale, (max_pixels / max(width * height, 1.0)) ** 0.5)
                while math.ceil(width * fitting) * math.ceil(height * fitting) > max_pixels:
                    fitting *= 0.999  # PDFium rounds the bitmap's sides up
                bitmap = page.render(scale=fitting, grayscale=True)
                out = io.BytesIO()
                image = bitmap.to_pil()  # shares the bitmap's memory
                image.save(out, "PNG")
                del image
                images.append(out.getvalue())
                bitmap.close()  # now, under the lock, not when collected on another thread
                page.close()
        finally:
            document.close()
    return images


_POOL: ThreadPoolExecutor | None = None
_POOL_LOCK = threading.Lock()


def _tesseract_pool() -> ThreadPoolExecutor:
    """One pool for the whole process: pages OCR'd at once (the crawl reads several in threads) share the
    CPU count, instead of each starting that many tesseracts (~100 MB each with chi_sim)."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is None:
            _POOL = ThreadPoolExecutor(max_workers=os.cpu_count() or 1, thread_name_prefix="tesseract")
        return _POOL


def ocr_images(
    images: list[bytes], *, lang: str = OCR_LANG, max_pixels: int = MAX_OCR_PIXELS
) -> list[list[str] | None]:
    """`ocr_lines` of each image, in the images' order; None for an image tesseract could not read.

    One tesseract process per image (each limited to one thread), side by side: as many at once, across
    the whole process, as there are CPUs.
    """

    def read(image: bytes) -> list[str] | None:
        try:
            return ocr_lines(image, lang=lang, max_pixels=max_pixels)
        except (OSError, subprocess.SubprocessError):  # a broken picture (or a stuck tesseract) among good ones
            return None

    return list(_tesseract_pool().map(read, images))


def verified_statistics(
    images: list[bytes], *, year: int | None = None, lang: str = OCR_LANG, max_pixels: int = MAX_OCR_PIXELS
) -> OcrStatistics:
    """OCR the images as one report's tables; keep the numbers only if the 勾稽关系 hold (see module doc)."""
    read = ocr_images(images, lang=lang, max_pixels=max_pixels)
    lines = [line for image_lines in read if image_lines is not None for line in image_lines]
    unreadable = sum(image_lines is None for image_lines in read)
    text = "\n".join(lines)
    if images and unreadable == len(images):
        return OcrStatistics(text="", verified=False, reason=f"no image could be read ({unreadable})")
    statistics = extract_statistics(text, report_format=ReportFormat.UNKNOWN, year=year)
    reason = unverified_reason(statistics.stats, statistics.checks)
    if reason:
        return OcrStatistics(text=text, verified=False, reason=reason)
    return OcrStatistics(
        text=text, verified=True, stats=statistics.stats, summary=statistics.summary, checks=statistics.checks
    )


def adopt_ocr(record: AnnualReport, result: OcrStatistics | None) -> bool:
    """Give a page's record the OCR'd numbers of its table images when they are verified (`stats_from_ocr`,
    the table flags dropped); else present none of them (`ocr_unverified`). True when adopted.

    `result` None: OCR itself failed. The caller recomputes `content_sha1` (the statistics changed).
    """
    if result is None or not result.verified:
        record.flags.append(Flag.OCR_UNVERIFIED)
        return False
    record.stats, record.summary, record.checks = result.stats, result.summary, result.checks
    record.flags = [f for f in record.flags if not is_table_flag(f)] + [Flag.STATS_FROM_OCR]
    return True
