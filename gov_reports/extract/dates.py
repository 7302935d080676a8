"""Dates as Chinese report pages print them.

Regexes first (fast, and they read 二〇一〇年一月十九日), dateparser only as a
fallback for odd forms: it is ~700x slower and misses Chinese-numeral dates.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from gov_reports.extract.numbers import chinese_to_int, to_halfwidth_digits

_CN = "〇零○Ｏ一二两三四五六七八九十"
DATE_RE = re.compile(
    rf"(?P<y>\d{{4}}|[{_CN}]{{4}})\s*(?:年|[-/.])\s*(?P<m>\d{{1,2}}|[{_CN}]{{1,3}})\s*(?:月|[-/.])"
    rf"\s*(?P<d>\d{{1,2}}|[{_CN}]{{1,3}})\s*日?"
)
_COMPACT_RE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)")


def _number(token: str) -> int | None:
    token = to_halfwidth_digits(token)
    if token.isdigit():
        return int(token)
    return chinese_to_int(token)


def make_date(year: int | None, month: int | None, day: int | None) -> str | None:
    """ISO date, or None when the parts do not make a real date in a plausible range."""
    if year is None or month is None or day is None or not 1990 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[str]:
    """All well-formed dates in `text`, in order of appearance, as YYYY-MM-DD."""
    text = to_halfwidth_digits(text)
    found = []
    for m in DATE_RE.finditer(text):
        iso = make_date(_number(m["y"]), _number(m["m"]), _number(m["d"]))
        if iso:
            found.append(iso)
    return found


def parse_date(text: str, *, fallback: bool = True) -> str | None:
    """The first date in `text`: regexes, then compact 20210204, then dateparser (zh)."""
    dates = find_dates(text)
    if dates:
        return dates[0]
    m = _COMPACT_RE.search(text)
    if m:
        iso = make_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if iso:
            return iso
    return _dateparser_date(text.strip()[:40]) if fallback and text.strip() else None


@lru_cache(maxsize=1024)
def _dateparser_date(text: str) -> str | None:
    import dateparser  # imported lazily: it costs ~0.5 s at import time

    parsed = dateparser.parse(text, languages=["zh"], settings={"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first"})
    if parsed is None:
        return None
    return make_date(parsed.year, parsed.month, parsed.day)
