"""Records in, the report's numbers out: coverage, missing pairs, timeliness, series over years, quality.

Pure functions over record dicts as read from the JSON Lines dump (no I/O, no
plotting), so every number the report prints is tested here directly.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from gov_reports.model.vocabulary import Flag, Level, TrustVerdict
from gov_reports.model.years import year_list
from gov_reports.outputs.coverage.deadlines import TIMELINESS, Timeliness, deadline, parse_date, timeliness

UNKNOWN = "(unknown)"
LEVELS: tuple[str, ...] = (Level.PROVINCE, Level.CITY, Level.COUNTY, Level.DEPARTMENT, Level.TOWNSHIP, Level.UNKNOWN)

# Table 三 outcome rows grouped as the table groups them: （一）（二） alone, （三）不予公开, （四）无法提供,
# （五）不予处理, （六）其他处理. Pre-2019 reports state the same groups in prose.
OUTCOME_GROUPS: tuple[str, ...] = ("disclosed", "partially_disclosed", "withheld", "unable", "rejected", "other")
OUTCOME_LABELS: dict[str, str] = {
    "disclosed": "disclosed",
    "partially_disclosed": "partially disclosed",
    "withheld": "withheld",
    "unable": "unable to provide",
    "rejected": "not processed",
    "other": "other",
}
_OUTCOME_PREFIX: tuple[tuple[str, str], ...] = (
    ("partially_disclosed", "partially_disclosed"),
    ("disclosed", "disclosed"),
    ("withheld_", "withheld"),
    ("unable_", "unable"),
    ("rejected_", "rejected"),
    ("other", "other"),
)
_PROSE_OUTCOMES: dict[str, str] = {
    "disclosed": "disclosed",
    "partially_disclosed": "partially_disclosed",
    "not_disclosed": "withheld",
    "not_held": "unable",
}
_NONGOV_HOST_RE = re.compile(r"^nongov_address:(.+)$")


@dataclass
class Missing:
    """A registered source with no report for a year."""

    issuer: str
    province: str
    level: str
    year: int


@dataclass
class LateReport:
    issuer: str
    year: int
    level: str
    published: str
    deadline: str
    days_late: int


@dataclass
class YearSeries:
    """Sums over the reports of each year, and how many reports stated the number."""

    totals: dict[int, float] = field(default_factory=dict)
    reporting: dict[int, int] = field(default_factory=dict)


@dataclass
class ReportData:
    records: int
    years: list[int]
    """The years the report covers: asked for (--years) or present in the dump, ascending."""
    by_province: dict[str, dict[int, int]]
    by_level: dict[str, dict[int, int]]
    by_issuer: dict[str, set[int]]
    registered: int | None
    """Number of registered sources, None when no registry was given or found."""
    missing: list[Missing] | None
    timeliness_by_year: dict[int, Counter[str]]
    timeliness_by_level: dict[str, Counter[str]]
    late: list[LateReport]
    applications_new: YearSeries
    applications_carried_over: YearSeries
    outcomes: dict[str, YearSeries]
    reconsiderations: YearSeries
    lawsuits: YearSeries
    quality: dict[int, Counter[str]]
    """Per year: records, failed_checks, tables_missing, no_statistics."""
    trust: Counter[str]
    """Records by trust verdict (official/mirror/unknown; 'not_assessed' when a record has no trust field)."""
    mirror_records: int
    """Records whose best copy is a mirror: trust verdict 'mirror' (records without `trust`: flag mirror_suspected)."""
    mirror_copies: int
    """Mirror copies set aside in favour of a better copy (addresses in the records' `mirrors`)."""
    spam_removed: int
    nongov_hosts: Counter[str]
    """Non-government hosts the reports' text gives as addresses (flag nongov_address:<host>, a weak sign)."""
    outside_years: int = 0
    """Records in the dump whose year is outside `years` (left out of every table)."""


def parse_years(spec: str) -> list[int]:
    """'2016-2024' or '2019' or '2016,2018,2020-2022' -> sorted years (the one grammar: gov_reports.model.years)."""
    return year_list(spec)


def _year(record: Mapping[str, Any]) -> int | None:
    year = record.get("year")
    return year if isinstance(year, int) and not isinstance(year, bool) else None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value


def _add(series: YearSeries, year: int, value: Any) -> None:
    number = _number(value)
    if number is None:
        return
    series.totals[year] = series.totals.get(year, 0) + number
    series.reporting[year] = series.reporting.get(year, 0) + 1


def outcome_groups(record: Mapping[str, Any]) -> dict[str, float]:
    """The record's application outcomes (总计 column of table 三, or prose numbers) summed by group.

    Groups without any stated number are absent, so a blank table is not read as zeros.
    """
    stats = record.get("stats") or {}
    groups: dict[str, float] = {}
    applications = stats.get("applications") or {}
    for row, columns in applications.items():
        group = next((g for prefix, g in _OUTCOME_PREFIX if row.startswith(prefix)), None)
        value = _number((columns or {}).get("total"))
        if group is None or value is None:
            continue
        groups[group] = groups.get(group, 0) + value
    if not applications:
        prose = stats.get("prose") or {}
        for key, group in _PROSE_OUTCOMES.items():
            value = _number(prose.get(key))
            if value is not None:
                groups[group] = groups.get(group, 0) + value
    return groups


def failed_checks(record: Mapping[str, Any]) -> list[str]:
    """Names of the consistency checks that failed (tables_missing is counted on its own)."""
    return [
        str(c.get("name"))
        for c in record.get("checks") or []
        if isinstance(c, dict) and c.get("ok") is False and c.get("name") != "tables_missing"
    ]


def trust_verdict(record: Mapping[str, Any]) -> str:
    trust = record.get("trust")
    if isinstance(trust, dict) and trust.get("verdict"):
        return str(trust["verdict"])
    return "not_assessed"


def is_mirror(record: Mapping[str, Any]) -> bool:
    """The best copy is a mirror: the trust verdict says so; a record from before `trust` existed, its flag."""
    verdict = trust_verdict(record)
    if verdict != "not_assessed":
        return verdict == TrustVerdict.MIRROR
    return Flag.MIRROR_SUSPECTED in (record.get("flags") or [])


def missing_pairs(sources: Iterable[Any], by_issuer: Mapping[str, set[int]], years: Iterable[int]) -> list[Missing]:
    """(issuer, year) pairs of registered sources with no record, by province, issuer, year."""
    years = list(years)
    missing = [
        Missing(issuer=s.issuer, province=s.province, level=s.level, year=year)
        for s in sources
        for year in years
        if year not in by_issuer.get(s.issuer, set())
    ]
    return sorted(missing, key=lambda m: (m.province, m.issuer, m.year))


def aggregate(
    records: Iterable[Mapping[str, Any]],
    *,
    years: Iterable[int] | None = None,
    sources: Iterable[Any] | None = None,
) -> ReportData:
    """Every number of the report. `years` limits the report (default: the years in the dump);
    `sources` are registered sources (objects with issuer, province, level) for the missing pairs."""
    wanted = set(years) if years is not None else None
    # One pass over a stream of records: only counters are kept, never the records.
    by_province: dict[str, Counter[int]] = defaultdict(Counter)
    by_level: dict[str, Counter[int]] = defaultdict(Counter)
    by_issuer: dict[str, set[int]] = defaultdict(set)
    timeliness_by_year: dict[int, Counter[str]] = defaultdict(Counter)
    timeliness_by_level: dict[str, Counter[str]] = defaultdict(Counter)
    late: list[LateReport] = []
    applications_new, carried_over = YearSeries(), YearSeries()
    reconsiderations, lawsuits = YearSeries(), YearSeries()
    outcomes = {group: YearSeries() for group in OUTCOME_GROUPS}
    quality: dict[int, Counter[str]] = defaultdict(Counter)
    trust: Counter[str] = Counter()
    nongov_hosts: Counter[str] = Counter()
    kept = outside = mirror_records = mirror_copies = spam_removed = 0

    for record in records:
        year = _year(record)
        if year is None or (wanted is not None and year not in wanted):
            outside += 1
            continue
        kept += 1
        issuer = str(record.get("issuer") or UNKNOWN)
        level = str(record.get("level") or "unknown")
        level = level if level in LEVELS else Level.UNKNOWN
        by_province[str(record.get("province") or UNKNOWN)][year] += 1
        by_level[level][year] += 1
        by_issuer[issuer].add(year)

        verdict: Timeliness = timeliness(year, level, record.get("published"))
        timeliness_by_year[year][verdict] += 1
        timeliness_by_level[level][verdict] += 1
        if verdict == "late":
            limit = deadline(year, level) or deadline(year, "province")
            published = parse_date(record.get("published"))
            assert limit is not None and published is not None
            late.append(
                LateReport(issuer, year, level, published.isoformat(), limit.isoformat(), (published - limit).days)
            )

        summary = record.get("summary") or {}
        _add(applications_new, year, summary.get("applications_new"))
        _add(carried_over, year, summary.get("applications_carried_over"))
        _add(reconsiderations, year, summary.get("reconsideration_total"))
        _add(lawsuits, year, summary.get("litigation_total"))
        for group, value in outcome_groups(record).items():
            _add(outcomes[group], year, value)

        flags = [str(f) for f in record.get("flags") or []]
        quality[year]["records"] += 1
        quality[year]["failed_checks"] += bool(failed_checks(record))
        quality[year]["tables_missing"] += Flag.TABLES_MISSING in flags
        quality[year]["no_statistics"] += not record.get("stats")

        trust[trust_verdict(record)] += 1
        nongov_hosts.update(m[1] for f in flags if (m := _NONGOV_HOST_RE.match(f)))
        mirror_records += is_mirror(record)
        mirror_copies += len(record.get("mirrors") or [])
        spam_removed += bool(record.get("spam")) or Flag.SPAM_REMOVED in flags

    late.sort(key=lambda r: (-r.days_late, r.issuer, r.year))
    report_years = sorted(wanted) if wanted is not None else sorted({y for counts in by_level.values() for y in counts})
    registered = missing = None
    if sources is not None:
        sources = list(sources)
        registered = len(sources)
        missing = missing_pairs(sources, by_issuer, report_years)
    return ReportData(
        records=kept,
        years=report_years,
        by_province={p: {y: counts[y] for y in report_years} for p, counts in sorted(by_province.items())},
        by_level={level: {y: by_level[level][y] for y in report_years} for level in LEVELS if level in by_level},
        by_issuer=dict(sorted(by_issuer.items())),
        registered=registered,
        missing=missing,
        timeliness_by_year={year: timeliness_by_year[year] for year in report_years},
        timeliness_by_level={level: timeliness_by_level[level] for level in LEVELS if level in timeliness_by_level},
        late=late,
        applications_new=applications_new,
        applications_carried_over=carried_over,
        outcomes=outcomes,
        reconsiderations=reconsiderations,
        lawsuits=lawsuits,
        quality={year: quality[year] for year in report_years},
        trust=trust,
        mirror_records=mirror_records,
        mirror_copies=mirror_copies,
        spam_removed=spam_removed,
        nongov_hosts=nongov_hosts,
        outside_years=outside,
    )


__all__ = ["TIMELINESS", "ReportData", "aggregate", "parse_years"]
