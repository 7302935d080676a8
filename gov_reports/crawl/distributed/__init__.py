"""Distributed crawling: N processes running the same spider share one frontier in Redis.

Switched on by one setting, ``GOV_REPORTS_REDIS_URL`` (``gov-reports crawl --redis URL``);
the `gov_reports.crawl.addons.Redis` add-on then plugs in:

* `scheduler.RedisScheduler`, a Scrapy scheduler whose queue lives in Redis, with
  `dupefilter.RedisDupeFilter` (Scrapy's request fingerprints in a Redis set), so every
  request is fetched by one of the workers. A request taken is *leased*, not removed: a
  worker that dies has its requests put back after the lease (GOV_REPORTS_REDIS_LEASE_SECONDS);
  queue entries are JSON (`codec`), never pickle;
* `politeness.SharedHostPolitenessMiddleware`, which enforces ``DOWNLOAD_DELAY`` and
  ``CONCURRENT_REQUESTS_PER_DOMAIN`` per host for all workers together.

Each worker writes its records into the one dump (`gov_reports.crawl.feeds` merges them under a
file lock); the records of a worker that died are merged by a survivor (`pending`) before
the crawl's keys go. See docs/distributed.md.
"""

from __future__ import annotations

import os
import socket
import uuid
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import redis
    from scrapy.settings import BaseSettings

DEFAULT_KEY_PREFIX = "gov_reports"
DEFAULT_LEASE_SECONDS = 60.0


def redis_client(settings: BaseSettings) -> redis.Redis:
    """A client for GOV_REPORTS_REDIS_URL (redis://host:port/db), checked with a PING."""
    import redis

    url = settings.get("GOV_REPORTS_REDIS_URL")
    if not url:
        raise ValueError("GOV_REPORTS_REDIS_URL is not set")
    client = redis.Redis.from_url(url, socket_connect_timeout=5, socket_timeout=30, health_check_interval=30)
    try:
        client.ping()
    except redis.RedisError as error:
        raise ConnectionError(f"cannot reach Redis at {url}: {error}") from error
    return client


def key_prefix(settings: BaseSettings) -> str:
    """Every key this project writes starts with this (GOV_REPORTS_REDIS_KEY_PREFIX)."""
    return settings.get("GOV_REPORTS_REDIS_KEY_PREFIX") or DEFAULT_KEY_PREFIX


def worker_id() -> str:
    """Unique per process and readable in Redis: host, pid and a random suffix."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


def lease_seconds(settings: BaseSettings) -> float:
    """GOV_REPORTS_REDIS_LEASE_SECONDS (or its older name GOV_REPORTS_REDIS_WORKER_TTL), default 60."""
    for name in ("GOV_REPORTS_REDIS_LEASE_SECONDS", "GOV_REPORTS_REDIS_WORKER_TTL"):
        if settings.get(name) not in (None, ""):
            seconds = settings.getfloat(name)
            if seconds <= 0:
                raise ValueError(f"{name} must be more than 0 seconds, not {settings.get(name)!r}")
            return seconds
    return DEFAULT_LEASE_SECONDS
