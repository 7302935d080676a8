"""Statutory publication deadlines of a 年报 and whether a report met its deadline.

2019 regulation, 第四十九条: 县级以上人民政府部门 publish by 1月31日, 县级以上地方人民政府
(the government's report) by 3月31日 of the following year. 2007 regulation: every
行政机关 by 3月31日. Reports on years up to 2018 fall under the 2007 rule, reports on
2019 onward under the 2019 rule (the 2019 format notice, 国办公开办函〔2019〕60号, says the
deadline moved two months earlier); the texts are quoted in the project's
reference notes (report-formats.md §1). The regulation names no deadline for
townships (乡镇): they are governments, not departments, so they get the
government deadline.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from gov_reports.model.vocabulary import Level

Timeliness = Literal["on_time", "late", "no_date", "level_unknown"]
TIMELINESS: tuple[Timeliness, ...] = ("on_time", "late", "no_date", "level_unknown")
FIRST_2019_RULE_YEAR = 2019
DEPARTMENT_DEADLINE = (1, 31)
GOVERNMENT_DEADLINE = (3, 31)
GOVERNMENT_LEVELS = frozenset({Level.PROVINCE, Level.CITY, Level.COUNTY, Level.TOWNSHIP})


def deadline(year: int, level: str | None) -> dt.date | None:
    """The last day a report on `year` by a body of `level` may be published; None when the level decides
    and is unknown."""
    if year < FIRST_2019_RULE_YEAR:
        month, day = GOVERNMENT_DEADLINE
    elif level == Level.DEPARTMENT:
        month, day = DEPARTMENT_DEADLINE
    elif level in GOVERNMENT_LEVELS:
        month, day = GOVERNMENT_DEADLINE
    else:
        return None
    return dt.date(year + 1, month, day)


def parse_date(value: object) -> dt.date | None:
    """A YYYY-MM-DD string as a date; None for anything else (missing or malformed)."""
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def timeliness(year: int, level: str | None, published: object) -> Timeliness:
    """on_time / late against `deadline`; no_date without a usable date; level_unknown when the date falls
    between the two deadlines and only the (unknown) level could decide."""
    date = parse_date(published)
    if date is None:
        return "no_date"
    limit = deadline(year, level)
    if limit is None:
        # Unknown level under the 2019 rule: decidable only outside the 1月31日–3月31日 window.
        if date <= dt.date(year + 1, *DEPARTMENT_DEADLINE):
            return "on_time"
        if date > dt.date(year + 1, *GOVERNMENT_DEADLINE):
            return "late"
        return "level_unknown"
    return "on_time" if date <= limit else "late"
