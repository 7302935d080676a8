"""The seen-store on its own: what it keeps, how it survives a broken file and a concurrent writer."""

from __future__ import annotations

import json
from pathlib import Path

from gov_reports.crawl.downloader.incremental import SeenPage, SeenStore, local_dump


def test_store_round_trip_and_a_broken_file_only_costs_downloads(tmp_path: Path) -> None:
    path = tmp_path / "reports.jsonl.seen.json"
    store = SeenStore(path)
    store.remember("http://a.gov.cn/1.html", SeenPage(key="甲|2020", etag='"x"', sha256="ab"))
    store.save()
    again = SeenStore(path)
    assert again.get("http://a.gov.cn/1.html") == SeenPage(key="甲|2020", etag='"x"', sha256="ab")
    path.write_text("{not json", encoding="utf-8")
    assert SeenStore(path).pages == {}


def test_save_keeps_what_another_crawl_saved_meanwhile(tmp_path: Path) -> None:
    path = tmp_path / "seen.json"
    first, second = SeenStore(path), SeenStore(path)
    first.remember("http://a.gov.cn/1.html", SeenPage(key="甲|2020"))
    first.save()
    second.remember("http://b.gov.cn/2.html", SeenPage(key="乙|2021"))
    second.save()
    pages = json.loads(path.read_text(encoding="utf-8"))["pages"]
    assert set(pages) == {"http://a.gov.cn/1.html", "http://b.gov.cn/2.html"}


def test_the_store_belongs_to_the_local_jsonl_dump() -> None:
    assert local_dump({"s3://bucket/x.jsonl": {"format": "jsonlines"}, "out/r.jsonl": {"format": "jsonlines"}}) == (
        Path("out/r.jsonl"),
        False,
    )
    assert local_dump({"file:///data/r.jsonl": {"format": "jsonl", "overwrite": True}}) == (Path("/data/r.jsonl"), True)
    assert local_dump({"r.csv": {"format": "csv"}}) is None
