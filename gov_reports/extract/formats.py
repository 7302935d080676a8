"""Which layout a report follows, decided from its vocabulary (report-formats.md §5).

Never from the year alone: old layouts persist into 2023. The year is only a
weak hint when the six headings are there but the tables are not.
"""

from __future__ import annotations

from gov_reports.extract.text import match_form

MARKERS_2021 = ("本年制发件数", "本年废止件数", "逾期不补正", "现行有效件数")
MARKERS_2019 = ("本年新制作数量", "第二十条第(九)项", "采购总金额", "本年新公开数量", "对外公开总数量")


_MARKERS_2019_FORM = tuple(match_form(m) for m in MARKERS_2019)


def detect_format(
    text: str, *, year: int | None, six_headings: bool, table_hint: str | None = None, compact: str | None = None
) -> str:
    """pre2019 | 2019 | 2021 | unknown. `compact`: `match_form(text)`, when the caller has it already."""
    compact = match_form(text) if compact is None else compact
    if any(m in compact for m in MARKERS_2021):
        return "2021"
    if any(m in compact for m in _MARKERS_2019_FORM):
        return "2019"
    if table_hint in ("2019", "2021"):
        return table_hint
    if six_headings:
        if year is None:
            return "unknown"
        return "2021" if year >= 2021 else "2019"
    if year is not None and year <= 2018:
        return "pre2019"
    return "unknown"
