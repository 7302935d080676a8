"""The report's charts: matplotlib figures rendered to inline SVG.

Glyphs are embedded as paths (svg.fonttype 'path') and labels are ASCII, set in
matplotlib's bundled DejaVu Sans, so the SVG needs no font, no script and no
network, and renders the same on any machine (no tofu can appear in a chart);
Chinese names stay in the HTML text, set in the CJK font subset the page embeds
(gov_reports.outputs.coverage.fonts). Years are a numeric axis: a year with no report is a
gap at its place, not a missing category. No pyplot: each chart is a bare
`Figure`, so nothing global is touched.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Callable

import matplotlib
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MultipleLocator

from gov_reports.outputs.coverage.aggregate import OUTCOME_GROUPS, OUTCOME_LABELS, ReportData, YearSeries

_RC = {
    "svg.fonttype": "path",
    "svg.hashsalt": "gov-reports",  # stable element ids: the same dump gives the same file
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
_PROLOGUE_RE = re.compile(r"^.*?(?=<svg\b)", re.DOTALL)
OUTCOME_COLOURS = {
    "disclosed": "#2b8a3e",
    "partially_disclosed": "#74b816",
    "withheld": "#c92a2a",
    "unable": "#f08c00",
    "rejected": "#862e9c",
    "other": "#868e96",
}


def to_svg(figure: Figure, label: str) -> str:
    """The figure as an `<svg>` element for inline use (no XML prologue), labelled for screen readers."""
    buffer = io.StringIO()
    with matplotlib.rc_context(_RC):
        figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    svg = _PROLOGUE_RE.sub("", buffer.getvalue(), count=1)
    label = label.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return svg.replace("<svg ", f'<svg class="chart" role="img" aria-label="{label}" ', 1)


def _figure() -> Figure:
    with matplotlib.rc_context(_RC):
        figure = Figure(figsize=(6.4, 3.0), layout="constrained")
        figure.add_subplot()
    return figure


def _values(series: YearSeries, years: list[int], *, absent: float = math.nan) -> list[float]:
    """The yearly sums; `absent` (a gap, by default) where no report of the year states the number."""
    return [series.totals.get(year, absent) for year in years]


def _no_data(figure: Figure, years: list[int]) -> bool:
    if years:
        return False
    figure.axes[0].text(0.5, 0.5, "no data", ha="center", va="center", transform=figure.axes[0].transAxes)
    return True


def _every_year(years: list[int]) -> list[int]:
    """The first to the last year, each one."""
    return list(range(years[0], years[-1] + 1)) if years else []


def _year_axis(ax: Axes, years: list[int]) -> None:
    """Years as numbers: whole-year ticks, the axis spanning the first to the last year asked for."""
    span = years[-1] - years[0] + 1  # every year of the range, those without a report too
    ax.xaxis.set_major_locator(MultipleLocator(max(1, math.ceil(span / 12))))
    ax.xaxis.set_major_formatter("{x:.0f}")
    ax.set_xlim(years[0] - 0.6, years[-1] + 0.6)
    ax.set_xlabel("year")


def chart_figure(years: list[int], draw: Callable[[Axes], None], *, title: str, ylabel: str) -> Figure:
    """One chart's figure: `draw` plots on the axes (x in years), or "no data" is written when there are none."""
    with matplotlib.rc_context(_RC):
        figure = _figure()
        ax = figure.axes[0]
        if not _no_data(figure, years):
            draw(ax)
            _year_axis(ax, years)
        ax.set_title(title)
        ax.set_ylabel(ylabel)
    return figure


def applications_figure(data: ReportData) -> Figure:
    def draw(ax: Axes) -> None:
        width = 0.4
        ax.bar(
            [y - width / 2 for y in data.years],
            _values(data.applications_new, data.years),
            width,
            label="new this year",
            color="#1971c2",
        )
        ax.bar(
            [y + width / 2 for y in data.years],
            _values(data.applications_carried_over, data.years),
            width,
            label="carried over from last year",
            color="#a5d8ff",
        )
        ax.legend(frameon=False, loc="upper left")

    return chart_figure(data.years, draw, title="Information requests received, all reports", ylabel="requests")


def outcomes_figure(data: ReportData) -> Figure:
    def draw(ax: Axes) -> None:
        bottom = [0.0] * len(data.years)
        for group in OUTCOME_GROUPS:
            values = _values(data.outcomes[group], data.years, absent=0)
            ax.bar(data.years, values, 0.6, bottom=bottom, label=OUTCOME_LABELS[group], color=OUTCOME_COLOURS[group])
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        ax.legend(frameon=False, fontsize=7, ncols=2, loc="upper left")

    return chart_figure(data.years, draw, title="Outcomes of requests handled, all reports", ylabel="requests")


def reviews_figure(data: ReportData) -> Figure:
    def draw(ax: Axes) -> None:
        years = _every_year(data.years)  # a year without a report is a gap in the line, not a straight join
        ax.plot(
            years,
            _values(data.reconsiderations, years),
            marker="o",
            label="administrative reconsiderations",
            color="#e8590c",
        )
        ax.plot(years, _values(data.lawsuits, years), marker="s", label="lawsuits", color="#5f3dc4")
        ax.set_ylim(bottom=0)
        ax.legend(frameon=False, loc="upper left")

    return chart_figure(data.years, draw, title="Reconsiderations and lawsuits, all reports", ylabel="cases")


def quality_figure(data: ReportData) -> Figure:
    def draw(ax: Axes) -> None:
        years = _every_year(data.years)

        def share(name: str) -> list[float]:
            counts = {y: data.quality[y] for y in data.years if data.quality[y]["records"]}
            return [100 * counts[y][name] / counts[y]["records"] if y in counts else math.nan for y in years]

        ax.plot(years, share("failed_checks"), marker="o", label="failing a consistency check", color="#c92a2a")
        ax.plot(years, share("tables_missing"), marker="s", label="tables_missing", color="#1971c2")
        ax.set_ylim(0, 100)
        ax.legend(frameon=False, loc="upper left")

    return chart_figure(
        data.years, draw, title="Share of records with quality problems", ylabel="% of the year's records"
    )


CHARTS: dict[str, tuple[Callable[[ReportData], Figure], str]] = {
    "applications": (applications_figure, "Applications received over years"),
    "outcomes": (outcomes_figure, "Outcomes of applications over years"),
    "reviews": (reviews_figure, "Reconsiderations and lawsuits over years"),
    "quality": (quality_figure, "Share of records failing checks or with tables missing"),
}
"""Chart name -> (figure builder, label for screen readers), in the order the report shows them."""


def all_figures(data: ReportData) -> dict[str, Figure]:
    return {name: build(data) for name, (build, _) in CHARTS.items()}


def all_charts(data: ReportData) -> dict[str, str]:
    """Chart name -> inline SVG, in the order the report shows them."""
    return {name: to_svg(build(data), label) for name, (build, label) in CHARTS.items()}
