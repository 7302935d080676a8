"""RedisScheduler's shared frontier and idle rules, with two schedulers standing for two workers."""

from __future__ import annotations

import time

import pytest
from scrapy import Request
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.test import get_crawler

from gov_reports.distributed.scheduler import RedisScheduler
from gov_reports.spiders.annual_reports import AnnualReportsSpider
from tests.redis_support import RedisForTest

START = "http://127.0.0.1:9/list.html"


def worker(redis: RedisForTest, **settings: object) -> tuple[RedisScheduler, AnnualReportsSpider]:
    crawler = get_crawler(
        AnnualReportsSpider,
        {
            "GOV_REPORTS_REDIS_URL": redis.url,
            "GOV_REPORTS_REDIS_KEY_PREFIX": redis.prefix,
            "DUPEFILTER_CLASS": "gov_reports.distributed.dupefilter.RedisDupeFilter",
            **settings,
        },
    )
    spider = AnnualReportsSpider(start_urls=[START])
    spider.crawler = crawler
    scheduler = RedisScheduler.from_crawler(crawler)
    scheduler.open(spider)
    return scheduler, spider


def test_requests_pass_between_workers_once_in_priority_order(redis_for_test: RedisForTest):
    (a, spider_a), (b, spider_b) = worker(redis_for_test), worker(redis_for_test)
    try:
        assert a.enqueue_request(Request(START, callback=spider_a.parse_listing, meta={"role": "listing"}))
        assert not b.enqueue_request(Request(START, callback=spider_b.parse_listing))  # seen: a queued it
        assert a.enqueue_request(Request(START + "?page=2", callback=spider_a.parse_listing, priority=5))
        first, second = b.next_request(), b.next_request()
        assert first is not None and second is not None and b.next_request() is None
        assert (first.url, first.priority) == (START + "?page=2", 5)
        # Popped by b, bound to b's spider: the callback is resolved by name on the worker that runs it.
        assert second.url == START and second.meta == {"role": "listing"}
        assert second.callback == spider_b.parse_listing
    finally:
        a.close("finished")
        b.close("finished")


def test_an_idle_worker_waits_for_a_busy_one_then_the_last_one_out_cleans_up(redis_for_test: RedisForTest):
    (a, spider_a), (b, _) = worker(redis_for_test), worker(redis_for_test)
    a.enqueue_request(Request(START, callback=spider_a.parse_listing))
    assert b.next_request() is not None  # b is busy with it now
    with pytest.raises(DontCloseSpider):
        a.spider_idle(spider_a)  # b may still add requests
    b.spider_idle(spider_a)  # b is done and nothing is queued: b may close ...
    a.spider_idle(spider_a)  # ... and so may a
    a.close("finished")
    assert a.server.exists(a.keys["seen"])  # b is still registered
    b.close("finished")
    assert not [k for k in a.server.scan_iter(match=f"{redis_for_test.prefix}:annual_reports:*")]


def test_a_dead_worker_stops_holding_the_others_after_its_lease(redis_for_test: RedisForTest):
    (a, spider_a), (b, _) = worker(redis_for_test), worker(redis_for_test, GOV_REPORTS_REDIS_WORKER_TTL=0.3)
    try:
        a.enqueue_request(Request(START, callback=spider_a.parse_listing))
        assert b.next_request() is not None
        b._heartbeat.stop()  # b dies: no more renewals
        with pytest.raises(DontCloseSpider):
            a.spider_idle(spider_a)
        time.sleep(0.4)
        a.spider_idle(spider_a)  # b's lease expired: a closes
    finally:
        a.close("finished")
        b.close("shutdown")
