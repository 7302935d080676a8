"""The report's HTML: one self-contained page (inline CSS and SVG, no script, no external resource).

Every value from the dump goes through `html.escape`; the charts are SVG that
matplotlib wrote. Numeric cells carry a `data-cell` attribute naming what they
count (e.g. ``province|黑龙江省|2020``) so tests and scrapers can read the
numbers back without parsing the layout.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from gov_reports.model.crawl_log import CrawlHistory
from gov_reports.outputs.coverage.aggregate import OUTCOME_GROUPS, OUTCOME_LABELS, UNKNOWN, ReportData, YearSeries
from gov_reports.outputs.coverage.deadlines import TIMELINESS
from gov_reports.outputs.coverage.markup import CSS, cell, count, name_cell, pct, table

LEVEL_NAMES = {
    "province": "province 省级",
    "city": "city 市级",
    "county": "county 县级",
    "department": "department 部门",
    "township": "township 乡镇",
    "unknown": "unknown",
}
TIMELINESS_NAMES = {
    "on_time": "on time",
    "late": "late",
    "no_date": "no publication date",
    "level_unknown": "undecided (level unknown)",
}
MAX_ISSUER_ROWS = 400
MAX_LIST_ROWS = 500


def _coverage(data: ReportData) -> str:
    years = [str(y) for y in data.years]
    province_rows = [
        name_cell(province)
        + "".join(cell(counts[y], f"province|{province}|{y}") for y in data.years)
        + cell(sum(counts.values()), f"province|{province}|total")
        for province, counts in data.by_province.items()
    ]
    level_rows = [
        name_cell(LEVEL_NAMES.get(level, level))
        + "".join(cell(counts[y], f"level|{level}|{y}") for y in data.years)
        + cell(sum(counts.values()), f"level|{level}|total")
        for level, counts in data.by_level.items()
    ]
    issuers = list(data.by_issuer.items())
    issuer_rows = [
        name_cell(issuer)
        + "".join(
            f'<td class="yes" data-cell="issuer|{escape(issuer)}|{y}">✓</td>'
            if y in published
            else '<td class="no"></td>'
            for y in data.years
        )
        for issuer, published in issuers[:MAX_ISSUER_ROWS]
    ]
    cut = (
        f'<p class="note">Showing the first {MAX_ISSUER_ROWS} of {len(issuers)} bodies (by name).</p>'
        if len(issuers) > MAX_ISSUER_ROWS
        else ""
    )
    return (
        '<h2 id="coverage">Coverage 覆盖</h2>'
        '<p class="note">Reports in the dump per province-level division and year (one report = one '
        "(issuer, year) record). <code>(unknown)</code>: central bodies or a region the extractor could not place.</p>"
        + table(["province 省份", *years, "total"], province_rows, caption="By province × year")
        + table(["level 级别", *years, "total"], level_rows, caption="By level × year")
        + "<h3>Which bodies published which years</h3>"
        + "<details open><summary>"
        + f"{len(issuers)} bodies</summary>"
        + table(["issuer 发布机关", *years], issuer_rows)
        + cut
        + "</details>"
    )


MAX_MISSING_PAIRS = 60
"""Up to this many missing pairs are listed one by one; more are summarised (by province and level, and the
bodies missing most years) rather than listed by the hundred."""
MAX_MISSING_BODIES = 25


def _years_text(years: Sequence[int]) -> str:
    """2016, 2018–2021: runs of consecutive years joined."""
    runs: list[list[int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def _missing(data: ReportData, registry_note: str, silent: Sequence[Any] = ()) -> str:
    out = '<h2 id="missing">Missing reports 缺失</h2>'
    out += _silent_sources(silent)
    if data.missing is None:
        return out + f'<p class="note">{escape(registry_note)}</p>'
    years = f"{data.years[0]}–{data.years[-1]}" if data.years else "no years"
    out += (
        f"<p>{count(len(data.missing), 'missing_pairs')} (issuer, year) pairs for "
        f"{count(data.registered or 0, 'registered')} expected bodies over {escape(years)}. "
        f'<span class="note">{escape(registry_note)}</span></p>'
    )
    if len(data.missing) <= MAX_MISSING_PAIRS:
        rows = [
            name_cell(m.province)
            + name_cell(m.issuer)
            + name_cell(LEVEL_NAMES.get(m.level, m.level))
            + f'<td data-cell="missing|{escape(m.issuer)}|{m.year}">{m.year}</td>'
            for m in data.missing
        ]
        return out + (table(["province", "issuer", "level", "year"], rows) if rows else "")
    by_place: dict[tuple[str, str], set[str]] = {}
    by_issuer: dict[str, list[int]] = {}
    for m in data.missing:
        by_place.setdefault((m.province, m.level), set()).add(m.issuer)
        by_issuer.setdefault(m.issuer, []).append(m.year)
    place_rows = [
        name_cell(province)
        + name_cell(LEVEL_NAMES.get(level, level))
        + cell(len(issuers), f"missing-bodies|{province}|{level}")
        + cell(sum(len(by_issuer[i]) for i in issuers), f"missing-pairs|{province}|{level}")
        for (province, level), issuers in sorted(by_place.items())
    ]
    worst = sorted(by_issuer.items(), key=lambda item: (-len(item[1]), item[0]))
    body_rows = [
        name_cell(issuer) + cell(len(found), f"missing-years|{issuer}") + name_cell(_years_text(found))
        for issuer, found in worst[:MAX_MISSING_BODIES]
    ]
    rest = len(worst) - MAX_MISSING_BODIES
    return (
        out + f'<p class="note">{len(data.missing)} pairs are too many to list: by province and level, then the '
        f"{min(len(worst), MAX_MISSING_BODIES)} bodies missing most years.</p>"
        + table(["province", "level", "bodies", "missing pairs"], place_rows)
        + table(["issuer", "years missing", "which"], body_rows)
        + (f'<p class="note">… and {rest} more bodies.</p>' if rest > 0 else "")
    )


def _silent_sources(silent: Sequence[Any]) -> str:
    """The crawled sources that never yielded a report (from the crawl log), at most a few by name."""
    if not silent:
        return ""
    shown = silent[:MAX_MISSING_BODIES]
    rows = [name_cell(s.label or "") + name_cell(s.url) + name_cell(s.failed or "no report found") for s in shown]
    more = f'<p class="note">… and {len(silent) - len(shown)} more.</p>' if len(silent) > len(shown) else ""
    return (
        f"<p>{count(len(silent), 'silent_sources')} crawled source(s) never yielded a report:</p>"
        + table(["source", "URL", "why"], rows)
        + more
    )


def _timeliness(data: ReportData) -> str:
    heads = [TIMELINESS_NAMES[t] for t in TIMELINESS]
    year_rows = [
        name_cell(str(year))
        + "".join(cell(counts[t], f"timeliness|{year}|{t}") for t in TIMELINESS)
        + cell(pct(counts["on_time"], counts["on_time"] + counts["late"]), None)
        for year, counts in data.timeliness_by_year.items()
    ]
    level_rows = [
        name_cell(LEVEL_NAMES.get(level, level))
        + "".join(cell(counts[t], f"timeliness-level|{level}|{t}") for t in TIMELINESS)
        + cell(pct(counts["on_time"], counts["on_time"] + counts["late"]), None)
        for level, counts in data.timeliness_by_level.items()
    ]
    late_rows = [
        name_cell(r.issuer)
        + cell(r.year)
        + name_cell(LEVEL_NAMES.get(r.level, r.level))
        + cell(r.published)
        + cell(r.deadline)
        + cell(r.days_late, f"late|{r.issuer}|{r.year}")
        for r in data.late[:MAX_LIST_ROWS]
    ]
    return (
        '<h2 id="timeliness">Timeliness 按时发布</h2>'
        '<p class="note">Deadlines: reports on 2019 onward, 《政府信息公开条例》(2019) 第四十九条 — '
        "县级以上人民政府部门 "
        "(level <i>department</i>) by <b>1月31日</b>, 县级以上地方人民政府 (province, city, county; townships "
        "counted as governments) by <b>3月31日</b> of the following year; reports on 2018 and earlier, the 2007 "
        "regulation — every 行政机关 by <b>3月31日</b>. A report is on time when its <code>published</code> date is "
        "on or before the deadline. <i>undecided</i>: level unknown and published between 1月31日 and 3月31日.</p>"
        + table(["year", *heads, "on time % (dated)"], year_rows, caption="By report year")
        + table(["level", *heads, "on time % (dated)"], level_rows, caption="By level")
        + (
            "<details><summary>"
            + f"{len(data.late)} late reports, latest first</summary>"
            + table(["issuer", "year", "level", "published", "deadline", "days late"], late_rows)
            + "</details>"
            if data.late
            else ""
        )
    )


def _series_table(names: dict[str, YearSeries], years: list[int], prefix: str) -> str:
    rows = [
        name_cell(key) + "".join(cell(series.totals.get(y), f"{prefix}|{key}|{y}") for y in years)
        for key, series in names.items()
    ]
    reporting = [
        name_cell(f"reports stating {key}")
        + "".join(cell(series.reporting.get(y, 0), f"{prefix}-reporting|{key}|{y}") for y in years)
        for key, series in names.items()
    ]
    return table(["", *map(str, years)], rows + reporting)


def _charts(data: ReportData, charts: dict[str, str]) -> str:
    captions = {
        "applications": "Applications received: 本年新收 and 上年结转 (summary.applications_new, "
        "applications_carried_over), summed over the reports that state them.",
        "outcomes": "Outcomes (table 三, 总计 column; pre-2019 reports: numbers stated in prose): "
        "予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理.",
        "reviews": "行政复议 and 行政诉讼 (summary.reconsideration_total, litigation_total).",
        "quality": "Share of each year's records with a failing 勾稽关系 check, and with the flag tables_missing.",
    }
    figures = "".join(
        f'<figure id="chart-{name}">{svg}<figcaption>{escape(captions[name])}</figcaption></figure>'
        for name, svg in charts.items()
    )
    numbers = _series_table(
        {
            "applications_new": data.applications_new,
            "applications_carried_over": data.applications_carried_over,
            **{f"outcome:{g}": data.outcomes[g] for g in OUTCOME_GROUPS},
            "reconsideration_total": data.reconsiderations,
            "litigation_total": data.lawsuits,
        },
        data.years,
        "series",
    )
    legend = ", ".join(f"{g} = {OUTCOME_LABELS[g]}" for g in OUTCOME_GROUPS)
    return (
        '<h2 id="numbers">Headline numbers over time 主要数字</h2>'
        '<p class="note">Each point is a sum over the reports the dump holds for that year, so a change can mean '
        "more (or other) reports as well as more requests: the counts of reports stating each number are under the "
        "charts. Years where no report states a number are left as gaps.</p>"
        f'<div class="charts">{figures}</div>'
        "<details><summary>The numbers behind the charts</summary>"
        + numbers
        + f'<p class="note">Outcome groups: {escape(legend)}.</p></details>'
    )


def _quality(data: ReportData) -> str:
    rows = [
        name_cell(str(year))
        + cell(q["records"], f"quality|{year}|records")
        + cell(q["failed_checks"], f"quality|{year}|failed_checks")
        + cell(pct(q["failed_checks"], q["records"]))
        + cell(q["tables_missing"], f"quality|{year}|tables_missing")
        + cell(pct(q["tables_missing"], q["records"]))
        + cell(q["no_statistics"], f"quality|{year}|no_statistics")
        for year, q in data.quality.items()
    ]
    return (
        '<h2 id="quality">Quality 质量</h2>'
        '<p class="note">failing checks: at least one 勾稽关系 check (<code>checks[].ok</code> false) other than '
        "tables_missing; tables_missing: the report has the section headings but no statistics tables; "
        "no statistics: <code>stats</code> is null.</p>"
        + table(
            ["year", "records", "failing checks", "%", "tables_missing", "%", "no statistics"],
            rows,
        )
    )


def _crawl_log(history: CrawlHistory | None) -> str:
    if history is None:
        return ""
    reasons = [name_cell(r) + cell(n, f"mirror-rejected|{r}") for r, n in history.mirrors_rejected.most_common()]
    skipped = [name_cell(r) + cell(n, f"skipped|{r}") for r, n in history.skipped.most_common()]
    blocked = [name_cell(h) + cell(n, f"blocked|{h}") for h, n in history.blocked_hosts.most_common()]
    last = f", the last finished {escape(history.last_finished)}" if history.last_finished else ""
    return (
        f"<p>{count(history.crawls, 'crawls')} crawl(s) logged{last}: "
        f"{count(sum(history.mirrors_rejected.values()), 'mirrors_rejected')} mirror copies rejected "
        "(never written: a brand or invented issuer).</p>"
        + (table(["mirror copies rejected, by reason", "copies"], reasons) if reasons else "")
        + (table(["pages skipped, by reason (all crawls)", "pages"], skipped) if skipped else "")
        + (table(["hosts that answered with WAF/block pages", "pages"], blocked) if blocked else "")
    )


def _rejected(data: ReportData, stats_note: str, history: CrawlHistory | None = None) -> str:
    verdicts = [name_cell(v) + cell(n, f"trust|{v}") for v, n in sorted(data.trust.items())]
    hosts = [name_cell(h) + cell(n, f"nongov-host|{h}") for h, n in data.nongov_hosts.most_common()]
    return (
        '<h2 id="rejected">Mirrors and spam 镜像与垃圾内容</h2>'
        f'<p class="note">{escape(stats_note)}</p>'
        "<ul>"
        f"<li>{count(data.mirror_records, 'mirror_records')} records whose only copy is a mirror "
        "(trust verdict <code>mirror</code>; kept because no official copy was found)</li>"
        f"<li>{count(data.mirror_copies, 'mirror_copies')} mirror copies set aside because an official copy "
        "won (addresses in the records' <code>mirrors</code>)</li>"
        f"<li>{count(data.spam_removed, 'spam_removed')} records whose page carried injected spam, removed "
        "(<code>spam</code> not empty)</li>"
        "</ul>"
        + _crawl_log(history)
        + table(["trust verdict", "records"], verdicts)
        + (table(["non-government address quoted (nongov_address, a weak sign)", "records"], hosts) if hosts else "")
    )


def render_html(
    data: ReportData,
    charts: dict[str, str],
    *,
    source_name: str,
    registry_note: str,
    stats_note: str,
    notes: Sequence[str] = (),
    history: CrawlHistory | None = None,
    silent_sources: Sequence[Any] = (),
    font_css: str = "",
) -> str:
    years = f"{data.years[0]}–{data.years[-1]}" if data.years else "none"
    timely = sum(c["on_time"] for c in data.timeliness_by_year.values())
    dated = timely + sum(c["late"] for c in data.timeliness_by_year.values())
    cards = [
        ("records", count(data.records, "records")),
        ("bodies", count(len(data.by_issuer), "issuers")),
        ("provinces", count(len([p for p in data.by_province if p != UNKNOWN]), "provinces")),
        ("years", f"<b>{escape(years)}</b>"),
        ("on time (dated)", f"<b>{pct(timely, dated)}</b>"),
        ("missing pairs", count(len(data.missing), "missing") if data.missing is not None else "<b>–</b>"),
    ]
    notes = list(notes)
    if data.outside_years:
        notes.append(f"{data.outside_years} record(s) outside the years asked for are left out.")
    outside = "".join(f'<p class="note">{escape(note)}</p>' for note in notes)
    body = (
        "<header><h1>政府信息公开工作年度报告 — coverage and timeliness</h1>"
        f'<p class="meta">Dump: <code>{escape(source_name)}</code>; report years {escape(years)}.</p>'
        '<div class="cards">'
        + "".join(f'<div class="card">{value}{escape(label)}</div>' for label, value in cards)
        + "</div>"
        + outside
        + "</header>"
        + _coverage(data)
        + _missing(data, registry_note, silent_sources)
        + _timeliness(data)
        + _charts(data, charts)
        + _quality(data)
        + _rejected(data, stats_note, history)
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        # No network at all: a strict CSP makes any stray external reference fail loudly in a browser.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        'img-src data:; font-src data:">'
        "<title>gov-reports: coverage and timeliness</title>"
        f"<style>{font_css}{CSS}</style></head><body><main>{body}</main></body></html>\n"
    )
