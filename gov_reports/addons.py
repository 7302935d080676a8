"""Crawl modes as Scrapy add-ons (ADDONS), instead of copied settings files."""

from __future__ import annotations

from scrapy.settings import BaseSettings, get_settings_priority


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
