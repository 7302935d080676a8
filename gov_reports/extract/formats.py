"""Which layout a report follows, decided from its vocabulary (report-formats.md §5): the one place that decides.

Never from the year alone: old layouts persist into 2023. The year is only a
weak hint when the six headings are there but the tables are not.

Three steps ask it, in this order: the statistics reader (`table_layout`: which rows to expect where a
table's own rows do not say), the statistics' own `format` (`stats_format`), and the record's `format`
(`detect_format`, which also weighs the body's vocabulary and the tables' evidence). The weak rule from
headings and year they share is `format_from_headings`.
"""

from __future__ import annotations

from gov_reports.extract.text import match_form
from gov_reports.model.vocabulary import ReportFormat

MARKERS_2021 = ("本年制发件数", "本年废止件数", "逾期不补正", "现行有效件数")
MARKERS_2019 = ("本年新制作数量", "第二十条第(九)项", "采购总金额", "本年新公开数量", "对外公开总数量")


_MARKERS_2019_FORM = tuple(match_form(m) for m in MARKERS_2019)

TABLE_FORMATS = (ReportFormat.Y2019, ReportFormat.Y2021)
"""The formats with the statutory tables 二/三/四."""
STATS_FORMATS = (ReportFormat.Y2019, ReportFormat.Y2021, ReportFormat.PRE2019, ReportFormat.UNKNOWN)
"""Every value of `format`."""


def format_from_headings(year: int | None, headings: bool) -> str:
    """The weak rule, when neither the vocabulary nor the tables say: the six headings and the year."""
    if headings:
        if year is None:
            return "unknown"
        return "2021" if year >= 2021 else "2019"
    if year is not None and year <= 2018:
        return "pre2019"
    return "unknown"


def table_layout(report_format: str, year: int | None, *, unknown_year: str) -> str:
    """The table layout to read rows by where a table's own rows do not say: the caller's format, else the
    year's (2021 from 2021 on), else `unknown_year`. The reader assumes "2021" for an unknown year (the
    newer rows), the statistics' format says "2019" (kept as they were: outputs do not change)."""
    if report_format in TABLE_FORMATS:
        return report_format
    if year is None:
        return unknown_year
    return "2021" if year >= 2021 else "2019"


def stats_format(table_hint: str | None, has_tables: bool, report_format: str, year: int | None, headings: bool) -> str:
    """The statistics' `format`: the tables' own evidence, else the caller's format, else the weak rule."""
    if has_tables:
        return table_hint or table_layout(report_format, year, unknown_year="2019")
    if report_format in STATS_FORMATS and report_format != ReportFormat.UNKNOWN:
        return report_format
    return format_from_headings(year, headings)


def detect_format(
    text: str, *, year: int | None, six_headings: bool, table_hint: str | None = None, compact: str | None = None
) -> str:
    """pre2019 | 2019 | 2021 | unknown. `compact`: `match_form(text)`, when the caller has it already."""
    compact = match_form(text) if compact is None else compact
    if any(m in compact for m in MARKERS_2021):
        return ReportFormat.Y2021
    if any(m in compact for m in _MARKERS_2019_FORM):
        return ReportFormat.Y2019
    if table_hint in TABLE_FORMATS:
        return table_hint
    return format_from_headings(year, six_headings)
