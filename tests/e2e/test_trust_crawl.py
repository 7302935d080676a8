"""End to end: a hijacked mirror of demo reports, crawled with the demo portal (tests/support/mirror_portal.py).

The official records must come out exactly as from a crawl without the mirror
(only `mirrors` gains the mirror copy's address), the brand-issuer and
garbled-issuer copies must produce no record, and the crawl stats and summary
must count the rejections. Mirror and official crawled in one go, mirror first
then official into one dump, or official first then mirror: the same records.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import pytest_twisted
from scrapy.utils.defer import deferred_from_coro

from gov_reports.crawl.summary import format_summary
from gov_reports.demo.server import DemoPortal
from tests.support.crawling import crawl, read_records
from tests.support.mirror_portal import BRAND_ISSUER, GARBLED_ISSUER, REAL_ISSUER, MirrorPortal

MIRRORED_KEY = "哈尔滨市人民政府|2019"
REJECTED = "gov_reports/skipped/mirror_rejected:"


@pytest.fixture(scope="module")
def mirror() -> Iterator[MirrorPortal]:
    with MirrorPortal() as portal:
        yield portal


@pytest_twisted.async_fixture(scope="module")
async def runs(
    demo_portal: DemoPortal, mirror: MirrorPortal, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    """The demo crawled alone and with the mirror, once for this module's tests (whichever runs first)."""
    folder = tmp_path_factory.mktemp("trust")
    official_only = folder / "official.jsonl"
    await deferred_from_coro(crawl(demo_portal.start_urls, official_only))
    together = folder / "together.jsonl"
    stats = await deferred_from_coro(crawl([*demo_portal.start_urls, mirror.start_url], together))
    return {"dir": folder, "official": official_only, "together": read_records(together), "together_stats": stats}


def expected_with_mirror(official: dict[str, dict[str, Any]], mirror: MirrorPortal) -> dict[str, dict[str, Any]]:
    """The official records, the mirrored one listing the mirror copy's address and nothing else new."""
    expected = {key: dict(record) for key, record in official.items()}
    expected[MIRRORED_KEY]["mirrors"] = [mirror.url(REAL_ISSUER)]
    return expected


def test_mirror_copies_never_change_official_records(
    demo_portal: DemoPortal, mirror: MirrorPortal, runs: dict[str, Any]
):
    official_only, stats = runs["official"], runs["together_stats"]

    assert set(mirror.server.requests) >= {REAL_ISSUER, BRAND_ISSUER, GARBLED_ISSUER}
    official = read_records(official_only)
    assert all(r["trust"]["verdict"] == "official" and r["mirrors"] == [] for r in official.values())
    assert runs["together"] == expected_with_mirror(official, mirror)
    assert not any(mirror.base in u for r in runs["together"].values() for u in [r["url"], *r["urls"]])

    assert {k: v for k, v in stats.items() if k.startswith(REJECTED)} == {
        REJECTED + "brand_issuer": 1,
        REJECTED + "unrecognised_issuer": 1,
    }
    assert stats["gov_reports/trust/mirror"] == 1
    assert "gov_reports/trust/unknown" not in stats
    summary = format_summary(stats)
    assert "  mirrors rejected:    2 (brand_issuer 1, unrecognised_issuer 1)" in summary
    assert f"  copies by trust:     {stats['gov_reports/trust/official']} official, 0 unknown, 1 mirror" in summary
    assert "    mirror_rejected:brand_issuer: 1" in summary


@pytest_twisted.inlineCallbacks
def test_mirror_first_then_official_into_one_dump(demo_portal: DemoPortal, mirror: MirrorPortal, runs: dict[str, Any]):
    output = runs["dir"] / "mirror_first.jsonl"
    stats = yield deferred_from_coro(crawl([mirror.start_url], output))
    alone = read_records(output)
    # The mirror of a real issuer is kept, marked as such, until an official copy turns up.
    assert list(alone) == [MIRRORED_KEY]
    copy = alone[MIRRORED_KEY]
    assert copy["trust"] == {
        "verdict": "mirror",
        "reasons": [
            "configured_host",
            "brand_title:国产精品一区二区",
            "pinyin_gloss",
            "traditional_script",
            "junk_tags",
            "spam_dense",
            "nongov_address:www.tgflt.cn",
        ],
    }
    assert (copy["url"], copy["urls"], copy["mirrors"]) == (mirror.url(REAL_ISSUER), [], [mirror.url(REAL_ISSUER)])
    assert stats[REJECTED + "brand_issuer"] == 1 and stats[REJECTED + "unrecognised_issuer"] == 1

    stats = yield deferred_from_coro(crawl(demo_portal.start_urls, output))
    assert stats["gov_reports/feed/updated"] == 1
    assert read_records(output) == runs["together"]


@pytest_twisted.inlineCallbacks
def test_official_first_then_mirror_into_one_dump(demo_portal: DemoPortal, mirror: MirrorPortal, runs: dict[str, Any]):
    output = runs["dir"] / "official_first.jsonl"
    output.write_bytes(runs["official"].read_bytes())
    stats = yield deferred_from_coro(crawl([mirror.start_url], output))
    assert (stats["gov_reports/feed/new"], stats["gov_reports/feed/updated"]) == (0, 1)
    assert read_records(output) == runs["together"]
    # A second visit to the mirror changes nothing.
    before = output.read_bytes()
    yield deferred_from_coro(crawl([mirror.start_url], output))
    assert output.read_bytes() == before
