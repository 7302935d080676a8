"""The distributed mode's settings without a Redis server: the add-on moves per-host limits to Redis, stays off
without a URL, and the command refuses the options that would break a distributed crawl (before any crawl).
The crawls with two workers are in tests/e2e/test_redis_*.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from scrapy.exceptions import NotConfigured

from gov_reports.cli import crawl_settings, main
from gov_reports.crawl.addons import Redis


def test_redis_addon_moves_per_host_limits_to_redis(tmp_path: Path):
    settings = crawl_settings(
        tmp_path / "out.jsonl",
        overwrite=False,
        jobdir=None,
        overrides=["DOWNLOAD_DELAY=0.3"],
        local=False,
        redis_url="redis://127.0.0.1:6379/15",
    )
    Redis().update_settings(settings)
    assert settings["SCHEDULER"] == "gov_reports.crawl.distributed.scheduler.RedisScheduler"
    assert settings["DUPEFILTER_CLASS"] == "gov_reports.crawl.distributed.dupefilter.RedisDupeFilter"
    middlewares = settings.getdict("DOWNLOADER_MIDDLEWARES")
    assert middlewares["gov_reports.crawl.distributed.politeness.SharedHostPolitenessMiddleware"] == 950
    assert settings.getfloat("GOV_REPORTS_REDIS_HOST_DELAY") == 0.3
    assert settings.getint("GOV_REPORTS_REDIS_HOST_CONCURRENCY") == 2
    assert settings.getfloat("DOWNLOAD_DELAY") == 0 and not settings.getbool("AUTOTHROTTLE_ENABLED")
    assert settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN") == settings.getint("CONCURRENT_REQUESTS")


def test_redis_addon_is_off_without_a_url(tmp_path: Path):
    settings = crawl_settings(tmp_path / "out.jsonl", overwrite=False, jobdir=None, overrides=[], local=True)
    assert "gov_reports.crawl.addons.Redis" in settings.getdict("ADDONS")
    assert "gov_reports.crawl.addons.LocalPortal" in settings.getdict("ADDONS")
    with pytest.raises(NotConfigured):
        Redis().update_settings(settings)
    assert settings["SCHEDULER"] == "scrapy.core.scheduler.Scheduler"


def test_cli_refuses_options_that_break_a_distributed_crawl(tmp_path: Path, capsys):
    out = str(tmp_path / "out.jsonl")
    assert main(["crawl", "--demo", "--redis", "redis://127.0.0.1:6379/15", "-o", out]) == 2
    assert "python -m gov_reports.demo.server" in capsys.readouterr().err
    url = "http://127.0.0.1:9/list.html"
    assert main(["crawl", "--start-url", url, "--redis", "redis://127.0.0.1:6379/15", "--overwrite", "-o", out]) == 2
    assert "remove the old dump" in capsys.readouterr().err
