"""RedisScheduler's shared frontier, leases and idle rules, with schedulers standing for workers."""

from __future__ import annotations

import fcntl
import json
import os
import pickle
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from scrapy import Request
from scrapy.exceptions import DontCloseSpider
from scrapy.http import FormRequest
from scrapy.utils.test import get_crawler

from gov_reports.crawl.distributed.pending import PendingFile, pending_files_to_json
from gov_reports.crawl.distributed.scheduler import RedisScheduler
from gov_reports.crawl.spiders.annual_reports import AnnualReportsSpider
from tests.support.crawling import read_records
from tests.support.redis_support import RedisForTest
from tests.support.report_copies import copy

START = "http://127.0.0.1:9/list.html"


OPENED: list[RedisScheduler] = []


@pytest.fixture(autouse=True)
def stop_heartbeats(redis_for_test: RedisForTest) -> Iterator[None]:
    """After each test (before its keys are deleted): no heartbeat of its workers may write them again."""
    yield
    while OPENED:
        scheduler = OPENED.pop()
        for loop in (scheduler._heartbeat, scheduler._ack_sweep):
            if loop is not None and loop.running:
                loop.stop()


def worker(redis: RedisForTest, **settings: object) -> tuple[RedisScheduler, AnnualReportsSpider]:
    crawler = get_crawler(
        AnnualReportsSpider,
        {
            "GOV_REPORTS_REDIS_URL": redis.url,
            "GOV_REPORTS_REDIS_KEY_PREFIX": redis.prefix,
            "DUPEFILTER_CLASS": "gov_reports.crawl.distributed.dupefilter.RedisDupeFilter",
            **settings,
        },
    )
    spider = AnnualReportsSpider(start_urls=[START])
    spider.crawler = crawler
    scheduler = RedisScheduler.from_crawler(crawler)
    scheduler.open(spider)
    OPENED.append(scheduler)
    # No event loop runs in these tests: heartbeats are called by hand, or not at all (a dead worker).
    return scheduler, spider


def dies(scheduler: RedisScheduler) -> None:
    """The worker stops renewing anything, as a process killed with -9 does."""
    scheduler._heartbeat.stop()
    scheduler._ack_sweep.stop()


def finish(scheduler: RedisScheduler, spider: AnnualReportsSpider) -> bool:
    """A worker's last steps: idle (acknowledging what it did), closed, then gone after its merge."""
    scheduler.spider_idle(spider)
    scheduler.close("finished")
    return scheduler.leave()


def stat(scheduler: RedisScheduler, name: str) -> Any:
    return scheduler.stats.get_value(f"gov_reports/redis/{name}")


def crawl_keys(redis: RedisForTest) -> list[bytes]:
    import redis as redis_module

    client = redis_module.Redis.from_url(redis.url)
    return sorted(client.scan_iter(match=f"{redis.prefix}:*"))


def test_requests_pass_between_workers_once_in_priority_order(redis_for_test: RedisForTest):
    (a, spider_a), (b, spider_b) = worker(redis_for_test), worker(redis_for_test)
    try:
        assert a.enqueue_request(Request(START, callback=spider_a.parse_listing, meta={"role": "listing"}))
        assert not b.enqueue_request(Request(START, callback=spider_b.parse_listing))  # seen: a queued it
        assert a.enqueue_request(Request(START + "?page=2", callback=spider_a.parse_listing, priority=5))
        first, second = b.next_request(), b.next_request()
        assert first is not None and second is not None and b.next_request() is None
        assert (first.url, first.priority) == (START + "?page=2", 5)
        # Taken by b, bound to b's spider: the callback is resolved by name on the worker that runs it.
        assert second.url == START and second.meta == {"role": "listing"}
        assert second.callback == spider_b.parse_listing
    finally:
        a.close("finished")
        b.close("finished")


def test_requests_go_through_redis_as_json_with_every_field(redis_for_test: RedisForTest):
    (a, spider_a), (b, spider_b) = worker(redis_for_test), worker(redis_for_test)
    body = bytes(range(256))  # not UTF-8: base64 in the JSON
    meta = {"role": "report", "pair": ("a", 1), "raw": b"\x00\xff", "nested": {1: [b"x", None, 2.5]}, "$bytes": 1}
    original = Request(
        START + "?report=1",
        method="POST",
        body=body,
        headers={"X-Token": b"\xe4\xb8\xad"},
        cookies={"sid": "1"},
        meta=meta,
        priority=-3,
        dont_filter=True,
        callback=spider_a.parse_report,
        errback=spider_a.on_error,
        cb_kwargs={"n": 1},
        flags=["f"],
    )
    form = FormRequest(START + "?page=3", formdata={"p": "3"}, callback=spider_a.parse_listing)
    try:
        a.enqueue_request(original)
        a.enqueue_request(form)
        members = a.server.zrange(a.keys["queue"], 0, -1)
        assert len(members) == 2
        for member in members:
            json.loads(member[16:].decode("utf-8"))  # JSON text, not a pickle
        first, second = b.next_request(), b.next_request()
        assert second is not None and first is not None
        assert type(first) is FormRequest and first.body == b"p=3" and first.callback == spider_b.parse_listing
        assert second.url == original.url and second.method == "POST" and second.body == body
        assert second.headers.getlist("X-Token") == [b"\xe4\xb8\xad"]
        assert second.meta == meta and isinstance(second.meta["pair"], tuple)
        assert second.cookies == {"sid": "1"} and second.cb_kwargs == {"n": 1} and second.flags == ["f"]
        assert (second.priority, second.dont_filter) == (-3, True)
        assert (second.callback, second.errback) == (spider_b.parse_report, spider_b.on_error)
    finally:
        a.close("finished")
        b.close("finished")


class MakesDirectory:
    """A pickle that, once unpickled, has created a directory: what a hostile queue entry would do."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[Any, ...]:
        return (os.mkdir, (str(self.path),))


def test_a_pickle_in_the_queue_is_never_unpickled_but_dropped_and_counted(redis_for_test: RedisForTest, tmp_path):
    proof, marker = tmp_path / "proof", tmp_path / "marker"
    pickle.loads(pickle.dumps(MakesDirectory(proof)))
    assert proof.is_dir()  # the payload does what it says when unpickled
    a, _ = worker(redis_for_test)
    try:
        # What the scheduler used to store (16 digits of sequence + a pickle), and a bare pickle.
        a.server.zadd(a.keys["queue"], {b"%016x" % 1 + pickle.dumps(MakesDirectory(marker), protocol=4): 0})
        a.server.zadd(a.keys["queue"], {pickle.dumps(MakesDirectory(marker)): 0})
        assert a.next_request() is None
        assert not marker.exists()
        assert stat(a, "dropped/not_json") == 2
        assert a.server.zcard(a.keys["queue"]) == 0 and a.server.zcard(a.keys["leases"]) == 0  # gone for good
    finally:
        a.close("finished")
        a.leave()


def test_entries_that_are_not_requests_of_this_project_are_dropped_with_their_reason(
    redis_for_test: RedisForTest,
):
    a, spider = worker(redis_for_test)
    good = Request(START, callback=spider.parse_listing)
    hostile = {
        "not_a_request": [
            {"url": 5},
            ["http://127.0.0.1:9/"],
            {"url": START, "_class": "subprocess.Popen"},  # imported, but not a Request
            {"url": START, "_class": "antigravity.Request"},  # would be imported by load_object
            {"url": START, "meta": {"$bytes": "not base64!"}},
            {"url": START, "priority": True},
            {"url": START, "encoding": "no-such-codec"},
            {"url": START, "headers": {"X": {"$tuple": [{"a": 1}]}}},
            {"url": "http://[::1"},
        ],
        "unknown_callback": [
            {"url": START, "callback": "close"},  # a Spider method, not one of this spider's callbacks
            {"url": START, "callback": "nope"},
            {"url": START, "errback": "_set_crawler"},
        ],
        "not_http": [{"url": "file:///etc/passwd", "callback": "parse_report"}],
    }
    try:
        entries = [json.dumps(entry) for entries in hostile.values() for entry in entries]
        for n, text in enumerate([*entries, "{not json"]):
            a.server.zadd(a.keys["queue"], {b"%016x" % (1000 + n) + text.encode(): -10})
        a.enqueue_request(good)  # priority 0: after the hostile ones (score -10 comes first)
        taken = a.next_request()
        assert taken is not None and taken.url == START and taken.callback == spider.parse_listing
        for reason, entries in hostile.items():
            assert stat(a, f"dropped/{reason}") == len(entries), reason
        assert stat(a, "dropped/not_json") == 1
        assert "antigravity" not in sys.modules
        assert a.server.zcard(a.keys["queue"]) == 0 and a.server.zcard(a.keys["leases"]) == 1  # the good one
    finally:
        finish(a, spider)


def test_a_dead_workers_lease_expires_and_its_request_goes_back_with_its_priority(redis_for_test: RedisForTest):
    (a, spider_a), (b, spider_b) = worker(redis_for_test, GOV_REPORTS_REDIS_LEASE_SECONDS=0.3), worker(redis_for_test)
    a.enqueue_request(Request(START, callback=spider_a.parse_listing, priority=7))
    a.enqueue_request(Request(START + "?low", callback=spider_a.parse_listing, priority=-1))
    taken = a.next_request()
    assert taken is not None and taken.url == START
    dies(a)
    second = b.next_request()
    assert second is not None and second.url == START + "?low"  # the leased one is not handed out twice
    assert b.next_request() is None and b.frontier_state().leased == 2
    with pytest.raises(DontCloseSpider):
        b.spider_idle(spider_b)  # a's lease is held: b may not close
    time.sleep(0.4)
    again = b.next_request()
    assert again is not None and (again.url, again.priority) == (START, 7)
    assert again.callback == spider_b.parse_listing
    assert stat(b, "leases_requeued") == 1
    # a was only stalled and finishes after all: b holds the lease now, so a's acknowledgement is lost
    # (the merge by key absorbs the work done twice) and b's lease stays.
    a._renew()
    with pytest.raises(DontCloseSpider):
        a.spider_idle(spider_a)  # b holds the lease now
    assert stat(a, "leases_lost") == 1 and b.frontier_state().leased == 1
    assert finish(b, spider_b) is False  # a is still registered
    a.spider_idle(spider_a)
    a.close("finished")
    assert a.leave() is True
    assert crawl_keys(redis_for_test) == []


def test_a_live_worker_keeps_its_lease_past_the_deadline_by_renewing_it(redis_for_test: RedisForTest):
    (a, spider_a), (b, spider_b) = worker(redis_for_test, GOV_REPORTS_REDIS_LEASE_SECONDS=0.3), worker(redis_for_test)
    a.enqueue_request(Request(START, callback=spider_a.parse_listing))
    assert a.next_request() is not None
    for _ in range(8):  # 0.8 s: a long download, with the heartbeat going on (every lease/3 in a crawl)
        time.sleep(0.1)
        a._renew()
        assert b.next_request() is None
    assert b.frontier_state().leased == 1 and not stat(b, "leases_requeued")
    dies(a)
    time.sleep(0.4)
    assert b.next_request() is not None  # renewals stopped: the lease ran out
    assert stat(b, "leases_requeued") == 1
    finish(b, spider_b)
    a.close("shutdown")
    a.leave()


def test_a_request_whose_lease_keeps_expiring_is_dropped_and_counted(redis_for_test: RedisForTest):
    settings = {"GOV_REPORTS_REDIS_LEASE_SECONDS": 0.1, "GOV_REPORTS_REDIS_MAX_LEASE_EXPIRIES": 2}
    (a, spider_a), (b, _), (c, spider_c) = (worker(redis_for_test, **settings) for _ in range(3))
    a.enqueue_request(Request(START, callback=spider_a.parse_listing))
    assert a.next_request() is not None
    dies(a)
    time.sleep(0.15)
    b._renew()  # its heartbeat (marks of a 0.1 s lease would run out between the steps of this test)
    assert b.next_request() is not None  # first expiry: back in the queue
    dies(b)
    time.sleep(0.15)
    c._renew()
    assert c.next_request() is None  # second expiry: the request kills its workers; dropped
    assert c.stats.get_value("gov_reports/redis/dropped/lease_expired_too_often") == 1
    assert c.frontier_state()[:2] == (0, 0)
    for scheduler in (a, b):
        scheduler.close("shutdown")
        scheduler.leave()
    assert finish(c, spider_c) is True


def test_an_idle_worker_waits_for_a_busy_one_then_the_last_one_out_cleans_up(redis_for_test: RedisForTest):
    (a, spider_a), (b, spider_b) = worker(redis_for_test), worker(redis_for_test)
    a.enqueue_request(Request(START, callback=spider_a.parse_listing))
    assert b.next_request() is not None  # b is busy with it now
    with pytest.raises(DontCloseSpider):
        a.spider_idle(spider_a)  # b may still add requests
    b.spider_idle(spider_b)  # b is done (its lease acknowledged) and nothing is queued: b may close ...
    a.spider_idle(spider_a)  # ... and so may a
    a.close("finished")
    assert a.leave() is False
    assert a.server.exists(a.keys["seen"])  # b is still registered
    b.close("finished")
    assert b.leave() is True
    assert crawl_keys(redis_for_test) == []


def test_keys_survive_while_another_worker_holds_leases(redis_for_test: RedisForTest):
    (a, spider_a), (b, _) = worker(redis_for_test), worker(redis_for_test, GOV_REPORTS_REDIS_LEASE_SECONDS=0.3)
    a.enqueue_request(Request(START, callback=spider_a.parse_listing))
    assert b.next_request() is not None
    b._renew()  # b stays registered and busy while it works
    # a goes (its engine closed for its own reasons) while b still holds the lease: nothing is deleted.
    a.close("finished")
    assert a.leave() is False
    assert {a.keys["seen"].encode(), a.keys["leases"].encode(), a.keys["leased"].encode()} <= set(
        crawl_keys(redis_for_test)
    )
    # b dies holding it: a worker that leaves after b's lease ran out finds the request back in the queue
    # (the look that finds out puts it there) and keeps the keys, for the next worker to finish the crawl.
    dies(b)
    time.sleep(0.4)
    c, _ = worker(redis_for_test)
    c.close("finished")
    assert c.leave() is False
    assert c.frontier_state().queued == 1 and c.server.exists(c.keys["seen"])
    d, spider_d = worker(redis_for_test)
    taken = d.next_request()
    assert taken is not None and taken.url == START
    assert finish(d, spider_d) is True
    assert crawl_keys(redis_for_test) == []


def test_the_last_worker_merges_a_dead_workers_pending_records_before_deleting_the_keys(
    redis_for_test: RedisForTest, tmp_path: Path
):
    dump = tmp_path / "reports.jsonl"
    pending = tmp_path / ".reports.jsonl.dead.pending"
    records = [copy(f"http://x.gov.cn/{n}.html", key=f"测试县第{n}局|2022") for n in range(2)]
    lines = [json.dumps(record, ensure_ascii=False) for record in records]
    pending.write_text("\n".join(lines) + '\n{"key": "torn', encoding="utf-8")  # killed mid-write
    feeds = {"FEEDS": {str(dump): {"format": "jsonlines"}}}
    a, spider = worker(redis_for_test, **feeds)
    dead = "elsewhere:4242:dead00"  # never registered as live: its mark has run out
    entry = pending_files_to_json([PendingFile(pending, dump)])
    a.server.hset(a.keys["pending"], dead, entry)

    # While the file is locked (its owner is alive, whatever Redis says), it is left alone and the keys stay.
    fd = os.open(pending, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        a.spider_idle(spider)  # a has nothing to do, and stays for a while
        b, spider_b = worker(redis_for_test, **feeds)
        assert finish(b, spider_b) is False
        assert pending.exists() and not dump.exists()
        assert a.server.hget(a.keys["pending"], dead) == entry.encode()
    finally:
        os.close(fd)

    assert finish(a, spider) is True
    assert sorted(read_records(dump)) == sorted(r["key"] for r in records)
    assert not pending.exists()
    assert stat(a, "pending_adopted") == 1 and stat(a, "pending_adopted_records") == 2
    assert crawl_keys(redis_for_test) == []


def test_entries_in_the_pending_registry_are_merged_and_removed_only_if_they_are_pending_files_of_the_dump(
    redis_for_test: RedisForTest, tmp_path: Path
):
    dump, precious = tmp_path / "reports.jsonl", tmp_path / "precious.jsonl"
    record = json.dumps(copy("http://x.gov.cn/1.html", key="测试县|2022"), ensure_ascii=False)
    precious.write_text(record + "\n", encoding="utf-8")
    other_dump_pending = tmp_path / ".other.jsonl.x.pending"
    other_dump_pending.write_text(record + "\n", encoding="utf-8")
    a, spider = worker(redis_for_test, FEEDS={str(dump): {"format": "jsonlines"}})
    hostile = [PendingFile(precious, dump), PendingFile(other_dump_pending, tmp_path / "other.jsonl")]
    a.server.hset(a.keys["pending"], "elsewhere:1:gone00", pending_files_to_json(hostile))
    assert finish(a, spider) is False  # listed, not merged: the keys stay
    assert precious.read_text(encoding="utf-8") == record + "\n" and other_dump_pending.exists()
    assert not dump.exists()


def test_records_a_worker_could_not_merge_stay_listed_and_the_next_worker_merges_them(
    redis_for_test: RedisForTest, tmp_path: Path
):
    dump = tmp_path / "reports.jsonl"
    feeds = {"FEEDS": {str(dump): {"format": "jsonlines"}}}
    a, spider_a = worker(redis_for_test, **feeds)
    # a's feed merge failed (a full disk, say): its pending file is still there when a leaves.
    pending = tmp_path / ".reports.jsonl.a1b2c3.pending"
    record = copy("http://x.gov.cn/1.html", key="测试县|2022")
    pending.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    a.records.registered = [PendingFile(pending, dump)]
    assert finish(a, spider_a) is False  # the crawl's records are not all in the dump: the keys stay
    assert json.loads(a.server.hget(a.keys["pending"], a.worker))[0]["pending"] == str(pending)
    b, spider_b = worker(redis_for_test, **feeds)  # started again later
    assert finish(b, spider_b) is True
    assert list(read_records(dump)) == [record["key"]] and not pending.exists()
    assert crawl_keys(redis_for_test) == []
