"""Shared by the statistics tests: seed texts and fixture pages."""

from __future__ import annotations

import json
from typing import Any

import lxml.html

from gov_reports.extract.statistics import extract_statistics
from tests.support.paths import FIXTURES, SHARED_SEEDS

HULIN = "003_86ddcbf017a77836.txt"
QINHUANGDAO = "004_79ffc41f5895fcd6.txt"
HARBIN_CIVIL = "001_89556ba07ee0906a.txt"
HARBIN_2020 = "000_8c37ed67089d1b8b.txt"
JIANGGAN = "002_b43ed0d0557a88e2.txt"


def seed(name: str) -> str:
    """A seed text: the shared copy when it sits beside the clone, else the fixture copy."""
    shared = SHARED_SEEDS / name
    path = shared if shared.is_file() else FIXTURES / "seeds" / name
    return path.read_text(encoding="utf-8")


def table_page(name: str) -> str:
    return (FIXTURES / "tables" / name).read_text(encoding="utf-8")


def render_text(html: str) -> str:
    """Body text the way the cleaner renders it: paragraphs as lines, table rows tab-joined."""
    root = lxml.html.fromstring(html)
    lines: list[str] = []
    for el in root.iter("p", "tr"):
        if el.tag == "p":
            lines.append(el.text_content().strip())
        else:
            lines.append("\t".join(c.text_content().strip() for c in el if c.tag in ("td", "th")))
    return "\n".join(lines)


def export_record(
    text: str, issuer: str, year: int, fmt: str, published: str | None = "2021-02-04", extra_checks: tuple = ()
) -> dict[str, Any]:
    """A dump record of a report's statistics, as the exporters read it back from JSONL."""
    result = extract_statistics(text, year=year)
    record = {
        "key": f"{issuer}|{year}",
        "issuer": issuer,
        "year": year,
        "format": fmt,
        "province": "黑龙江省",
        "level": "county",
        "published": published,
        "stats": result.stats,
        "summary": result.summary,
        "checks": [*result.checks, *extra_checks],
        "url": "http://example.gov.cn/a.html",
    }
    return json.loads(json.dumps(record, ensure_ascii=False))
