"""`--years`: one grammar of year spans behind `crawl --years` (one span, may be open) and `report --years`."""

from __future__ import annotations

import pytest

from gov_reports.model.years import YearRange, year_list


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [("2016-2024", 2016, 2024), (" 2016 – 2024 ", 2016, 2024), ("2016..2024", 2016, 2024), ("2020", 2020, 2020)],
)
def test_a_crawl_takes_one_span(text: str, first: int, last: int) -> None:
    assert YearRange.parse(text) == YearRange(first, last)


def test_a_crawl_span_may_be_open_or_absent() -> None:
    assert YearRange.parse("2016-") == YearRange(2016, None)
    assert YearRange.parse(None).unbounded and YearRange.parse(" ").unbounded
    assert YearRange(2016, None).admits(2030) and not YearRange(2016, None).admits(2015)


@pytest.mark.parametrize("bad", ["16-24", "2016,2018", "2016-2024x", "2016 2018"])
def test_a_crawl_refuses_what_is_not_one_span(bad: str) -> None:
    with pytest.raises(ValueError, match="years must look like 2016-2024, 2020 or 2016-"):
        YearRange.parse(bad)
    with pytest.raises(ValueError, match="ends before it starts"):
        YearRange.parse("2024-2016")


def test_a_report_takes_a_list_of_closed_spans() -> None:
    assert year_list("2016,2018 , 2020–2021") == [2016, 2018, 2020, 2021]
    assert year_list("2019-2019,2019") == [2019]
    for bad in ("2016-", "2016..2019", "", "2016,,2017"):
        with pytest.raises(ValueError, match="comma-separated list"):
            year_list(bad)
    with pytest.raises(ValueError, match="range '2019-2016' runs backwards"):
        year_list("2015, 2019-2016")
