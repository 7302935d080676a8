"""`--years`: the one grammar of report-year spans, for `crawl` and for `report`.

A span is `2016-2024`, `2016–2024`, `2016..2024` or one year `2020`. `gov-reports crawl --years`
takes one span, which may be open (`2016-`: from 2016 on): `YearRange`. The spider drops report
links whose listing title names a year outside it (no download at all);
`gov_reports.crawl.pipelines.years.YearRangePipeline` drops records whose extracted year is outside
it. `gov-reports report --years` takes a comma-separated list of closed spans written with `-` or
`–` (`2016,2020-2022`): `year_list`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_SPAN = re.compile(r"\s*(\d{4})\s*(?:(-|–|\.\.)\s*(\d{4})?)?\s*")
"""A span: a year, then optionally a separator and (for an open span, optionally) the last year."""


def _span(text: str) -> tuple[int, str | None, int | None] | None:
    """(first, separator, last) of a span, last None when open or when one year; None if `text` is none."""
    match = _SPAN.fullmatch(text)
    if not match:
        return None
    return int(match.group(1)), match.group(2), int(match.group(3)) if match.group(3) else None


@dataclass(frozen=True)
class YearRange:
    """Inclusive report-year range; an open end (or no range at all) admits everything on that side."""

    first: int | None = None
    last: int | None = None

    @classmethod
    def parse(cls, text: Any) -> YearRange:
        """'2016-2024', '2020' (one year), '2016-' (from 2016 on); empty or None: every year."""
        if text is None or not str(text).strip():
            return cls()
        span = _span(str(text))
        if span is None:
            raise ValueError(f"years must look like 2016-2024, 2020 or 2016-, got {text!r}")
        first, separator, end = span
        last = first if not separator else end
        if last is not None and last < first:
            raise ValueError(f"years {text!r}: the range ends before it starts")
        return cls(first, last)

    def __str__(self) -> str:
        return f"{self.first or ''}-{self.last or ''}"

    @property
    def unbounded(self) -> bool:
        return self.first is None and self.last is None

    def admits(self, year: int | None) -> bool:
        """Unknown years are admitted: the page itself decides (YearRangePipeline)."""
        if year is None:
            return True
        return (self.first is None or year >= self.first) and (self.last is None or year <= self.last)


def year_list(spec: str) -> list[int]:
    """'2016-2024' or '2019' or '2016,2018,2020-2022' -> sorted years; ValueError on anything else
    (an open span or `..` too: a report covers years that are named)."""
    years: set[int] = set()
    for part in spec.split(","):
        span = _span(part.strip())
        if span is None or span[1] == ".." or (span[1] and span[2] is None):
            raise ValueError(f"--years takes YEAR, FIRST-LAST or a comma-separated list of them, got {spec!r}")
        first, _, end = span
        last = end or first
        if last < first:
            raise ValueError(f"--years range {part.strip()!r} runs backwards")
        years.update(range(first, last + 1))
    return sorted(years)
