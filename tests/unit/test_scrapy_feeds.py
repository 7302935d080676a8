"""`gov-reports scrapy crawl … -o PATH`: the feed paths read off Scrapy's command line for the output checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from gov_reports.crawl.preflight import UsageError, check_scrapy_feeds, scrapy_feed_paths


def test_feed_paths_in_every_spelling_scrapy_takes() -> None:
    arguments = ["crawl", "annual_reports", "-a", "sources=x.csv", "-O", "/d/a.jsonl", "-o", "b.csv:csv"]
    arguments += ["--output=c.jsonl", "-od.json", "--overwrite-output", "file:///e/f.jsonlines", "-o", "s3://b/k.jsonl"]
    assert scrapy_feed_paths(arguments) == [
        (Path("/d/a.jsonl"), "jsonl"),
        (Path("b.csv"), "csv"),
        (Path("c.jsonl"), "jsonl"),
        (Path("d.json"), "json"),
        (Path("/e/f.jsonlines"), "jsonlines"),
    ]


def test_the_dump_checks_apply_before_scrapy_starts(tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("# not a dump\n", encoding="utf-8")
    with pytest.raises(UsageError, match="exists and is not a gov-reports JSON Lines dump"):
        check_scrapy_feeds(["crawl", "annual_reports", "-o", f"{notes}:jsonl"])
    assert notes.read_text(encoding="utf-8") == "# not a dump\n"
    with pytest.raises(UsageError, match="does not exist"):
        check_scrapy_feeds(["crawl", "annual_reports", "-O", str(tmp_path / "missing" / "out.csv")])
    with pytest.raises(UsageError, match="is a directory"):
        check_scrapy_feeds(["crawl", "annual_reports", "-O", str(tmp_path)])
    check_scrapy_feeds(["crawl", "annual_reports", "-O", str(tmp_path / "new.jsonl")])
    assert list(tmp_path.iterdir()) == [notes]  # the checks probe, they write nothing
