"""A Redis server for the distributed-mode tests, or a clean skip without one.

CI starts one on 127.0.0.1:6379 (.ci/services/redis.sh); GOV_REPORTS_TEST_REDIS_URL points the
tests at another (redis://127.0.0.1:6391/0), so that several test runs, each with a server of
its own, can go on at once. Tests use a key prefix of their own and delete every key under it
afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

REDIS_TEST_URL = os.environ.get("GOV_REPORTS_TEST_REDIS_URL") or "redis://127.0.0.1:6379/15"


@dataclass(frozen=True)
class RedisForTest:
    url: str
    prefix: str

    def settings(self) -> list[str]:
        """`-s` overrides that put a crawl on this server under this prefix."""
        return [f"GOV_REPORTS_REDIS_URL={self.url}", f"GOV_REPORTS_REDIS_KEY_PREFIX={self.prefix}"]


@pytest.fixture
def redis_for_test() -> Iterator[RedisForTest]:
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.RedisError as error:
        pytest.skip(f"no Redis server at {REDIS_TEST_URL} ({error}); CI starts one with .ci/services/redis.sh")
    prefix = f"gov_reports_test:{uuid.uuid4().hex[:10]}"
    try:
        yield RedisForTest(REDIS_TEST_URL, prefix)
    finally:
        keys = list(client.scan_iter(match=f"{prefix}:*"))
        if keys:
            client.delete(*keys)
        client.close()
