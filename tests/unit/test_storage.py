"""Storage rules without a crawl: the exit code of a crawl from its stats, and a dump's mode, owner and symlink
kept through a merge (a new dump follows the umask). The crawls that exercise them are in
tests/e2e/faults/test_storage.py.
"""

from __future__ import annotations

import os
from pathlib import Path

from gov_reports.cli import ExitCode, crawl_exit_code
from gov_reports.crawl.feeds import merge_into_file, read_jsonl
from tests.support.dump_files import record, write_dump


def source_stats(**sources: tuple[int, str | None, int]) -> dict:
    """Stats of sources given as name=(listing pages, first failure, reports)."""
    stats: dict = {"finish_reason": "finished", "downloader/response_count": 5}
    for name, (pages, failed, reports) in sources.items():
        stats[f"gov_reports/source/listing_pages/{name}"] = pages
        stats[f"gov_reports/source/reports/{name}"] = reports
        if failed:
            stats[f"gov_reports/source/failed/{name}"] = failed
    return stats


def test_exit_code_table():
    alive, dead = (3, None, 4), (0, "connection_refused", 0)
    assert crawl_exit_code(source_stats(a=alive, b=alive)) == ExitCode.OK
    assert crawl_exit_code(source_stats(a=alive, b=dead)) == ExitCode.DEAD_SOURCES
    assert crawl_exit_code(source_stats(a=dead, b=dead)) == ExitCode.NOTHING_FETCHED
    assert crawl_exit_code({"finish_reason": "finished"}) == ExitCode.NOTHING_FETCHED
    assert crawl_exit_code(source_stats(a=alive) | {"finish_reason": "shutdown"}) == ExitCode.INTERRUPTED
    failed = source_stats(a=alive) | {"gov_reports/feed/store_failed": "/x/.reports.jsonl.ab12.pending"}
    assert crawl_exit_code(failed) == ExitCode.NOT_STORED
    assert crawl_exit_code(source_stats(a=alive) | {"feedexport/failed_count/MergingFileFeedStorage": 1}) == 4
    assert crawl_exit_code({"finish_reason": "finished"}, distributed=True) == ExitCode.OK  # the crawl was done


def test_writes_keep_mode_owner_and_symlink_target(tmp_path: Path):
    real_dir, link_dir = tmp_path / "data", tmp_path / "links"
    real_dir.mkdir()
    link_dir.mkdir()
    target, link = real_dir / "reports.jsonl", link_dir / "reports.jsonl"
    write_dump(target, [record("a|2020")])
    os.chmod(target, 0o664)
    owner = (os.getuid(), os.getgid())
    if os.geteuid() == 0:  # root can give the dump to someone else, as a shared data directory would
        owner = (4321, 4321)
        os.chown(target, *owner)
    link.symlink_to(target)
    merge_into_file(link, [record("b|2020")])
    assert link.is_symlink() and link.resolve() == target  # the link kept, the target rewritten
    assert [r["key"] for _, r in read_jsonl(target)] == ["a|2020", "b|2020"]
    status = target.stat()
    assert (status.st_mode & 0o7777, (status.st_uid, status.st_gid)) == (0o664, owner)
    assert sorted(p.name for p in real_dir.iterdir()) == ["reports.jsonl"]
    assert sorted(p.name for p in link_dir.iterdir()) == ["reports.jsonl"]


def test_a_new_dump_gets_the_umask_mode_not_0600(tmp_path: Path):
    previous = os.umask(0o022)
    try:
        merge_into_file(tmp_path / "new.jsonl", [record("a|2020")])
    finally:
        os.umask(previous)
    assert (tmp_path / "new.jsonl").stat().st_mode & 0o777 == 0o644
