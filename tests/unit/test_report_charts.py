"""The coverage report's charts: years on a numeric axis (the report of a crawled dump is tested in
tests/e2e/test_report.py)."""

from __future__ import annotations


def test_years_are_a_numeric_axis() -> None:
    """2016 and 2019 with nothing between: three years apart on the axis, whole-year ticks."""
    from gov_reports.outputs.coverage.aggregate import aggregate
    from gov_reports.outputs.coverage.charts import all_figures

    records = [
        {"key": f"甲|{y}", "issuer": "甲", "year": y, "level": "county", "summary": {"applications_new": 5}}
        for y in (2016, 2019)
    ]
    for name, figure in all_figures(aggregate(records)).items():
        ax = figure.axes[0]
        low, high = ax.get_xlim()
        assert low < 2016 < 2019 < high < 2020, name
        ticks = [t for t in ax.get_xticks() if low <= t <= high]
        assert all(float(t).is_integer() for t in ticks) and {2016, 2019} <= set(ticks), (name, ticks)
