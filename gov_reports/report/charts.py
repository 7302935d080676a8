"""The report's charts: matplotlib figures rendered to inline SVG.

Glyphs are embedded as paths (svg.fonttype 'path') and labels are ASCII, set in
matplotlib's bundled DejaVu Sans, so the SVG needs no font, no script and no
network, and renders the same on any machine; Chinese names stay in the HTML text.
No pyplot: each chart is a bare `Figure`, so nothing global is touched.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Callable

import matplotlib
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from gov_reports.report.aggregate import OUTCOME_GROUPS, ReportData, YearSeries

_RC = {
    "svg.fonttype": "path",
    "svg.hashsalt": "gov-reports",  # stable element ids: the same dump gives the same file
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
_PROLOGUE_RE = re.compile(r"^.*?(?=<svg\b)", re.DOTALL)
OUTCOME_LABELS = {
    "disclosed": "disclosed",
    "partially_disclosed": "partially disclosed",
    "withheld": "withheld",
    "unable": "unable to provide",
    "rejected": "not processed",
    "other": "other",
}
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


def _chart(years: list[int], draw: Callable[[Axes], None], *, title: str, ylabel: str, label: str) -> str:
    """One chart as inline SVG: `draw` plots on the axes, or "no data" is written when there are no years."""
    with matplotlib.rc_context(_RC):
        figure = _figure()
        ax = figure.axes[0]
        if not _no_data(figure, years):
            draw(ax)
        ax.set_title(title)
        ax.set_ylabel(ylabel)
    return to_svg(figure, label)


def applications_chart(data: ReportData) -> str:
    def draw(ax: Axes) -> None:
        x = list(range(len(data.years)))
        width = 0.4
        ax.bar(
            [i - width / 2 for i in x],
            _values(data.applications_new, data.years),
            width,
            label="new this year",
            color="#1971c2",
        )
        ax.bar(
            [i + width / 2 for i in x],
            _values(data.applications_carried_over, data.years),
            width,
            label="carried over from last year",
            color="#a5d8ff",
        )
        ax.set_xticks(x, [str(y) for y in data.years])
        ax.legend(frameon=False, loc="upper left")

    return _chart(
        data.years,
        draw,
        title="Information requests received, all reports",
        ylabel="requests",
        label="Applications received over years",
    )


def outcomes_chart(data: ReportData) -> str:
    def draw(ax: Axes) -> None:
        x = list(range(len(data.years)))
        bottom = [0.0] * len(x)
        for group in OUTCOME_GROUPS:
            values = _values(data.outcomes[group], data.years, absent=0)
            ax.bar(x, values, 0.6, bottom=bottom, label=OUTCOME_LABELS[group], color=OUTCOME_COLOURS[group])
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        ax.set_xticks(x, [str(y) for y in data.years])
        ax.legend(frameon=False, fontsize=7, ncols=2, loc="upper left")

    return _chart(
        data.years,
        draw,
        title="Outcomes of requests handled, all reports",
        ylabel="requests",
        label="Outcomes of applications over years",
    )


def reviews_chart(data: ReportData) -> str:
    def draw(ax: Axes) -> None:
        labels = [str(y) for y in data.years]
        ax.plot(
            labels,
            _values(data.reconsiderations, data.years),
            marker="o",
            label="administrative reconsiderations",
            color="#e8590c",
        )
        ax.plot(labels, _values(data.lawsuits, data.years), marker="s", label="lawsuits", color="#5f3dc4")
        ax.set_ylim(bottom=0)
        ax.legend(frameon=False, loc="upper left")

    return _chart(
        data.years,
        draw,
        title="Reconsiderations and lawsuits, all reports",
        ylabel="cases",
        label="Reconsiderations and lawsuits over years",
    )


def quality_chart(data: ReportData) -> str:
    def draw(ax: Axes) -> None:
        labels = [str(y) for y in data.years]

        def share(name: str) -> list[float]:
            return [
                100 * data.quality[y][name] / data.quality[y]["records"] if data.quality[y]["records"] else 0
                for y in data.years
            ]

        ax.plot(labels, share("failed_checks"), marker="o", label="failing a consistency check", color="#c92a2a")
        ax.plot(labels, share("tables_missing"), marker="s", label="tables_missing", color="#1971c2")
        ax.set_ylim(0, 100)
        ax.legend(frameon=False, loc="upper left")

    return _chart(
        data.years,
        draw,
        title="Share of records with quality problems",
        ylabel="% of the year's records",
        label="Share of records failing checks or with tables missing",
    )


def all_charts(data: ReportData) -> dict[str, str]:
    """Chart name -> inline SVG, in the order the report shows them."""
    return {
        "applications": applications_chart(data),
        "outcomes": outcomes_chart(data),
        "reviews": reviews_chart(data),
        "quality": quality_chart(data),
    }
