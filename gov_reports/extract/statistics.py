"""The statutory statistics of one report: tables 二/三/四, prose numbers, summary, checks.

This is the one entry point the pipeline calls (`extract_statistics`). It
prefers real `<table>` markup when the page's HTML is given, falls back to the
text (tab/space-separated rows: PDF/Word text, the seeds) table by table, and
always reads the prose for the headline numbers a table does not carry
(主动公开 total, fees) or that a report without tables states in words.

Nothing here guesses a table cell: blank cells are null, cells that cannot
be placed are null with a flag, and prose numbers never fill table cells,
only `summary` (flagged 'summary_from_prose:<field>' where a table would
have said it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lxml import etree

from gov_reports.extract.checks import application_checks, failed_flags, make_check, review_checks
from gov_reports.extract.flat_tables import read_flat_applications, read_flat_disclosure, read_flat_reviews
from gov_reports.extract.formats import STATS_FORMATS, TABLE_FORMATS, stats_format, table_layout
from gov_reports.extract.prose_stats import extract_prose_stats, prose_summary
from gov_reports.extract.report_tables import (
    TableRead,
    complete_applications,
    complete_disclosure,
    read_applications,
    read_disclosure,
    read_reviews,
)
from gov_reports.extract.stats_schema import (
    CHECK_JSON_SCHEMA,
    STATS_JSON_SCHEMA,
    SUMMARY_JSON_SCHEMA,
    SUMMARY_KEYS,
)
from gov_reports.extract.tables import Grid, html_grids, normalise_text, text_grid
from gov_reports.model.vocabulary import Flag, FlagPrefix, ReportFormat

__all__ = [
    "CHECK_JSON_SCHEMA",
    "STATS_FORMATS",
    "STATS_JSON_SCHEMA",
    "SUMMARY_JSON_SCHEMA",
    "SUMMARY_KEYS",
    "TABLE_FORMATS",
    "Statistics",
    "extract_statistics",
]


# (words every match contains, the most non-blank characters a match has before the first word, the heading)
_HEADINGS = (
    (("主动公开政府信息情况",), 2, re.compile(r"^\s*二\s*[、.．]\s*主动公开政府信息情况", re.MULTILINE)),
    (
        ("收到和处理政府信息公开申请情况",),
        2,
        re.compile(r"^\s*三\s*[、.．]\s*收到和处理政府信息公开申请情况", re.MULTILINE),
    ),
    (
        ("行政复议", "行政诉讼"),
        18,
        re.compile(r"^\s*四\s*[、.．]\s*[^\n]{0,16}行政复议[^\n]{0,8}行政诉讼", re.MULTILINE),
    ),
)


def _has_heading(text: str, words: tuple[str, ...], before: int, heading: re.Pattern[str]) -> bool:
    """`heading.search(text)`, cheaper: these regexes have no literal to skip ahead to, so the engine
    tries them at every character. A match holds all `words`, and at most `before` non-blank characters
    precede its first word, so it cannot start before the place where more than `before` of them
    precede the first occurrence of that word (`^` still means a real line start from there)."""
    first = text.find(words[0])
    if first == -1 or not all(w in text for w in words[1:]):
        return False
    at, seen = first, 0
    while at > 0:
        if not text[at - 1].isspace():
            seen += 1
            if seen > before:
                break
        at -= 1
    return heading.search(text, at) is not None


# The tables by their place in the report (table 二 is section 二's, and so on).
_TABLE_WORDS = {"disclosure": "表二（主动公开）", "applications": "表三（依申请公开）", "reviews": "表四（复议诉讼）"}


@dataclass(kw_only=True)
class Statistics:
    """What `extract_statistics` found; the fields map onto the AnnualReport record."""

    stats: dict[str, Any] | None
    """{"format", "disclosure", "applications", "reviews", "prose", "incomplete_rows"};
    None when nothing at all was found."""
    summary: dict[str, Any]
    """Always the six SUMMARY_KEYS; int/float or None."""
    checks: list[dict[str, Any]]
    """{"name", "ok", "detail", "message"}; ok is None when blank cells make a check impossible."""
    flags: list[str]
    """'tables_missing', 'check_failed:<name>', 'blank_cells', 'short_row:<table>.<row>', …"""
    format_hint: str | None
    """'2019'/'2021' when the tables' own vocabulary decides the layout, else None."""


def _first(reads: list[TableRead]) -> TableRead | None:
    return next((r for r in reads if r.data), None)


def _merge_applications(reads: list[TableRead]) -> TableRead | None:
    """Table 三 split into two tables (a Word page break): the first, and the rows only a later one has."""
    found = [r for r in reads if r.data]
    if not found:
        return None
    merged = found[0]
    assert merged.data is not None
    for read in found[1:]:
        assert read.data is not None
        added = [key for key in read.data if key not in merged.data]
        if not added:
            continue
        merged.data.update({key: read.data[key] for key in added})
        merged.flags += [f for f in read.flags if not f.startswith(FlagPrefix.DUPLICATE_ROW)]
        merged.evidence |= read.evidence
        merged.blank_cells += read.blank_cells
        merged.incomplete += [i for i in read.incomplete if i["row"] in added]
    return merged


def _merge_disclosure(reads: list[TableRead]) -> TableRead | None:
    """Table 二 is often five small tables (one per 第二十条 block): merge their rows."""
    found = [r for r in reads if r.data]
    if not found:
        return None
    merged = TableRead(data={})
    for read in found:
        assert read.data is not None and merged.data is not None
        for key, row in read.data.items():
            if key in merged.data:
                merged.flags.append(f"{FlagPrefix.DUPLICATE_ROW}disclosure.{key}")
            else:
                merged.data[key] = row
        merged.flags += read.flags
        merged.evidence |= read.evidence
        merged.blank_cells += read.blank_cells
    return merged


def _read_tables(
    text: str, html: str | etree._Element | None, grids: list[Grid] | None = None, layout_hint: str = ReportFormat.Y2021
) -> tuple[TableRead | None, TableRead | None, TableRead | None]:
    """(disclosure, applications, reviews): from HTML tables first, then from the text.

    In the text, rows that are lines of cells are read first (`text_grid`); what that misses, the
    flattened-table readers look for (a cell per line, Markdown rows, cells run together: `flat_tables`).
    Table 三 is read flattened first: it places unlabelled rows by the layout and splits runs by the sums.
    `layout_hint` is the format to assume where a table's own rows do not say.
    """
    if grids is None:
        grids = html_grids(html) if html is not None and len(html) else []
    # Each reader only sees the tables whose words it knows: cheap, and no cross-talk.
    words = [normalise_text("".join(cell for row in g.rows for cell in row)) for g in grids]
    disclosure = _merge_disclosure(
        [read_disclosure(g) for g, w in zip(grids, words, strict=True) if "信息内容" in w or "第二十条" in w]
    )
    applications = _merge_applications(
        [
            read_applications(g)
            for g, w in zip(grids, words, strict=True)
            if "本年新收" in w or "予以公开" in w or "结转下年" in w
        ]
    )
    reviews = _first([read_reviews(g) for g, w in zip(grids, words, strict=True) if "行政复议" in w])
    if disclosure and applications and reviews:
        return disclosure, applications, reviews
    grid: Grid = text_grid(text)
    if disclosure is None:
        disclosure = _fill_disclosure(
            _merge_disclosure([read_disclosure(grid)]), read_flat_disclosure(text, layout_hint)
        )
    if applications is None:
        read = read_flat_applications(text, layout_hint)
        if not read.data:
            read = read_applications(grid)
        applications = read if read.data else None
    if reviews is None:
        read = read_reviews(grid)
        if not read.data:
            read = read_flat_reviews(text)
        reviews = read if read.data else None
    return disclosure, applications, reviews


def _fill_disclosure(lines: TableRead | None, flat: TableRead) -> TableRead | None:
    """Table 二 read from lines of cells, with the rows only the flattened reading found added."""
    if not flat.data:
        return lines
    if lines is None or lines.data is None:
        return flat
    added = {key: row for key, row in flat.data.items() if key not in lines.data}
    if added:
        lines.data.update(added)
        lines.evidence |= flat.evidence
        lines.flags += [f for f in flat.flags if f.rsplit(".", 1)[-1] in added]
        lines.incomplete += [i for i in flat.incomplete if i["row"] in added]
        lines.blank_cells += flat.blank_cells
    return lines


def _decide_hint(disclosure: TableRead | None, applications: TableRead | None, flags: list[str]) -> str | None:
    """The layout the tables' vocabulary says; table 二's words win over table 三's rows."""
    d = disclosure.evidence if disclosure else set()
    a = applications.evidence if applications else set()
    for evidence in (d, a):
        if len(evidence) > 1:
            flags.append(Flag.FORMAT_CONFLICT)
    if len(d) == 1:
        if a and a != d:
            flags.append(Flag.FORMAT_CONFLICT)
        return next(iter(d))
    if len(a) == 1:
        return next(iter(a))
    return None


def _layout(evidence: set[str], fallback: str) -> str:
    return next(iter(evidence)) if len(evidence) == 1 else fallback


def _sum_known(*values: Any) -> int | float | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def extract_statistics(
    text: str,
    *,
    html: str | etree._Element | None = None,
    report_format: str = ReportFormat.UNKNOWN,
    year: int | None = None,
    grids: list[Grid] | None = None,
) -> Statistics:
    """Tables 二/三/四 (HTML or text), prose numbers, the summary and the checks of one report.

    `text` is the clean body text (table rows as tab-joined lines), `html`
    the cleaned content HTML (a string or the parsed element) when the source was a page; `grids`, when
    given, are its tables already read (`CleanPage.grids`), so `html` is not walked again. `report_format` and
    `year` are weak hints, used only when the tables do not decide the layout.
    """
    flags: list[str] = []
    checks: list[dict[str, Any]] = []
    layout_hint = table_layout(report_format, year, unknown_year="2021")
    disclosure, applications, reviews = _read_tables(text, html, grids, layout_hint)
    hint = _decide_hint(disclosure, applications, flags)
    has_tables = bool(disclosure or applications or reviews)
    headings = sum(1 for heading in _HEADINGS if _has_heading(text, *heading)) >= 2

    table_format = stats_format(hint, True, report_format, year, headings)
    stats: dict[str, Any] = {
        "format": table_format if has_tables else stats_format(hint, False, report_format, year, headings),
        "disclosure": None,
        "applications": None,
        "reviews": None,
        "prose": None,
        "incomplete_rows": [],
    }
    summary: dict[str, Any] = dict.fromkeys(SUMMARY_KEYS)
    blank_cells = 0

    if disclosure and disclosure.data:
        fmt = _layout(disclosure.evidence, table_format)
        stats["disclosure"] = complete_disclosure(disclosure.data, fmt, disclosure)
    if applications and applications.data:
        fmt = _layout(applications.evidence, table_format)
        rows = complete_applications(applications.data, fmt, applications)
        stats["applications"] = rows
        checks += application_checks(rows, fmt)
        summary["applications_new"] = rows["new"]["total"]
        summary["applications_carried_over"] = rows["carried_over"]["total"]
    if reviews and reviews.data:
        stats["reviews"] = reviews.data
        checks += review_checks(reviews.data)
        summary["reconsideration_total"] = reviews.data["reconsideration"]["total"]
        summary["litigation_total"] = _sum_known(
            reviews.data["litigation_direct"]["total"],
            reviews.data["litigation_after_reconsideration"]["total"],
        )
    for read in (disclosure, applications, reviews):
        if read:
            flags += read.flags
            blank_cells += read.blank_cells
            stats["incomplete_rows"] += read.incomplete
    if blank_cells:
        flags.append(Flag.BLANK_CELLS)

    if headings or has_tables:
        names = [
            name
            for name, read in (("disclosure", disclosure), ("applications", applications), ("reviews", reviews))
            if read
        ]
        if not names:
            flags.append(Flag.TABLES_MISSING)
            checks.append(
                make_check(
                    "tables_missing",
                    False,
                    "section headings 二/三/四 present, no statistics tables",
                    "有第二、三、四部分的标题，但没有统计表",
                )
            )
        else:
            missing = [n for n in ("disclosure", "applications", "reviews") if n not in names]
            flags += [f"{FlagPrefix.TABLE_MISSING}{n}" for n in missing]
            checks.append(
                make_check(
                    "tables_missing",
                    not missing,
                    "tables found: " + ", ".join(names) + (f"; missing: {', '.join(missing)}" if missing else ""),
                    "统计表：有"
                    + "、".join(_TABLE_WORDS[n] for n in names)
                    + (f"；缺少{'、'.join(_TABLE_WORDS[n] for n in missing)}" if missing else ""),
                )
            )
    # tables_missing is reported by its own flag, not as check_failed:tables_missing
    flags += failed_flags(c for c in checks if c["name"] != "tables_missing")

    prose = extract_prose_stats(text)
    if any(v is not None for v in prose.values()):
        stats["prose"] = prose
        tables_would_say = ("applications_new", "reconsideration_total", "litigation_total")
        for key, value in prose_summary(prose).items():
            if summary[key] is None and value is not None:
                summary[key] = value
                if key in tables_would_say and (has_tables or headings):
                    flags.append(f"{FlagPrefix.SUMMARY_FROM_PROSE}{key}")

    found_anything = has_tables or stats["prose"] is not None
    return Statistics(
        stats=stats if found_anything else None,
        summary=summary,
        checks=checks,
        flags=list(dict.fromkeys(flags)),
        format_hint=hint,
    )
