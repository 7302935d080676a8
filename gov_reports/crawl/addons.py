"""Crawl modes as Scrapy add-ons (ADDONS), instead of copied settings files."""

from __future__ import annotations

from scrapy.exceptions import NotConfigured
from scrapy.settings import SETTINGS_PRIORITIES, BaseSettings, get_settings_priority


def user_agent(contact: str) -> str:
    """The crawler's honest User-Agent: the project, what it does, and whom to contact."""
    return f"gov-reports/0.1 (research crawler of government disclosure annual reports; +{contact})"


class ContactUserAgent:
    """Put GOV_REPORTS_CONTACT into the User-Agent, also when it is set on the command line.

    settings.py builds USER_AGENT from the default contact when it is imported;
    `-s GOV_REPORTS_CONTACT=you@example.org` comes later, so the User-Agent is
    built again here. An explicit `-s USER_AGENT=…` is left as it is.
    """

    def update_settings(self, settings: BaseSettings) -> None:
        if settings.getpriority("USER_AGENT") <= get_settings_priority("project"):
            settings.set("USER_AGENT", user_agent(settings["GOV_REPORTS_CONTACT"]), priority="project")


class LocalPortal:
    """For portals served on this machine (the demo, tests): no delay, no throttling.

    Politeness protects other people's servers; against our own local server it
    only makes the demo and the tests slow.
    """

    def update_settings(self, settings: BaseSettings) -> None:
        # Add-on priority is below the project's settings module, which sets the polite values;
        # "spider" priority is above it and still below -s/cmdline overrides.
        settings.set("DOWNLOAD_DELAY", 0, priority="spider")
        settings.set("AUTOTHROTTLE_ENABLED", False, priority="spider")
        settings.set("DOWNLOAD_DELAY_JITTER", 0, priority="spider")
        settings.set("CONCURRENT_REQUESTS_PER_DOMAIN", 8, priority="spider")
        settings.set("RETRY_TIMES", 1, priority="spider")
        settings.set("DOWNLOAD_TIMEOUT", 10, priority="spider")
        settings.set("GOV_REPORTS_BACKOFF_BASE", 0.05, priority="spider")
        settings.set("GOV_REPORTS_WAF_BACKOFF_BASE", 0.1, priority="spider")


# Above every settings priority, -s included: in distributed mode these per-process limits must be off
# (their values move to the shared limiter), whatever they were set to.
DISTRIBUTED_OVERRIDE_PRIORITY = SETTINGS_PRIORITIES["cmdline"] + 10


class Redis:
    """Distributed mode: on when GOV_REPORTS_REDIS_URL is set (`gov-reports crawl --redis URL`).

    Every worker started with the same URL and key prefix shares one frontier (scheduler and
    dupefilter in Redis) and one per-host politeness budget; see gov_reports.crawl.distributed and
    docs/distributed.md. DOWNLOAD_DELAY and CONCURRENT_REQUESTS_PER_DOMAIN keep their meaning
    but hold for all workers together; AutoThrottle, whose feedback is per process, is off.
    """

    def update_settings(self, settings: BaseSettings) -> None:
        if not settings.get("GOV_REPORTS_REDIS_URL"):
            raise NotConfigured  # no message: off is the normal case
        settings.set("SCHEDULER", "gov_reports.crawl.distributed.scheduler.RedisScheduler", priority="addon")
        settings.set("DUPEFILTER_CLASS", "gov_reports.crawl.distributed.dupefilter.RedisDupeFilter", priority="addon")
        # After robots.txt (100) and the HTTP cache (900): robots.txt fetches take turns, cache hits do not.
        settings.set_in_component_priority_dict(
            "DOWNLOADER_MIDDLEWARES", "gov_reports.crawl.distributed.politeness.SharedHostPolitenessMiddleware", 950
        )
        settings.set("GOV_REPORTS_REDIS_HOST_DELAY", settings.getfloat("DOWNLOAD_DELAY"), priority="addon")
        settings.set(
            "GOV_REPORTS_REDIS_HOST_CONCURRENCY", settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN"), priority="addon"
        )
        local = {
            "DOWNLOAD_DELAY": 0,
            "DOWNLOAD_DELAY_JITTER": 0,
            "AUTOTHROTTLE_ENABLED": False,
            # The shared cap decides; locally a request that has its turn must not queue again.
            "CONCURRENT_REQUESTS_PER_DOMAIN": settings.getint("CONCURRENT_REQUESTS"),
        }
        for name, value in local.items():
            settings.set(name, value, priority=DISTRIBUTED_OVERRIDE_PRIORITY)
