"""The schema check after extraction: a valid record passes untouched, an invalid one is kept, flagged and counted."""

from __future__ import annotations

from typing import Any

from gov_reports.crawl.pipelines.validation import SchemaValidationPipeline
from gov_reports.extract.page import Page, extract
from gov_reports.model.record import AnnualReport
from gov_reports.model.vocabulary import FlagPrefix, Stat
from tests.support.paths import SEEDS


class CountingStats:
    def __init__(self) -> None:
        self.values: dict[str, int] = {}

    def inc_value(self, key: str, count: int = 1) -> None:
        self.values[key] = self.values.get(key, 0) + count


def _record(**fields: Any) -> AnnualReport:
    """A seed's record as the extraction makes it (schema-valid), with `fields` changed."""
    record = extract(Page(sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8"), kind="text"))
    for name, value in fields.items():
        setattr(record, name, value)
    return record


def test_a_valid_record_passes_untouched() -> None:
    stats = CountingStats()
    record = _record()
    flags = list(record.flags)
    assert SchemaValidationPipeline(stats).process_item(record) is record  # type: ignore[arg-type]
    assert record.flags == flags and stats.values == {}


def test_an_invalid_record_is_kept_flagged_and_counted() -> None:
    stats = CountingStats()
    record = _record(published="2021年1月")  # not YYYY-MM-DD
    flags = list(record.flags)
    assert SchemaValidationPipeline(stats).process_item(record) is record  # type: ignore[arg-type]
    assert stats.values == {Stat.SCHEMA_INVALID: 1}
    assert record.flags == [*flags, f"{FlagPrefix.SCHEMA_INVALID}published"]


def test_the_fast_check_decides_and_jsonschema_only_explains() -> None:
    explained: list[bool] = []

    def explain() -> Any:
        explained.append(True)
        raise AssertionError("jsonschema must not be built for a valid record")

    SchemaValidationPipeline(CountingStats(), explain=explain).process_item(_record())  # type: ignore[arg-type]
    assert explained == []
