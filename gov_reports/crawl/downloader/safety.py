"""Never reach private, loopback, link-local or reserved addresses unless that host:port was configured.

A hijacked page or a redirect can point the crawler at 127.0.0.1, at a router
on 192.168.x.x or at a cloud metadata service on 169.254.169.254. The host
whitelist (gov_reports.crawl.downloader.hosts.ConfiguredHostsMiddleware) already refuses
unconfigured hosts; this check stands on its own, in front of it, so a crawl
without a whitelist (another spider, an allowance for attachment hosts) is
still safe, and so such a request is reported as `private_address`.

IP literals are judged without any lookup, including the legacy forms
`inet_aton` accepts (2130706433, 0x7f.1, 127.1) and IPv4-mapped IPv6. Host
*names* are resolved only when no whitelist applies: then the crawl's own
resolver is asked asynchronously (Scrapy's caching resolver runs lookups in
its thread pool, so the reactor never blocks, and the download that follows
uses the same cached answer). With a whitelist, an unconfigured name is
refused by the whitelist without a DNS query, and a configured one is trusted
by configuration.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from typing import TYPE_CHECKING

from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached

from gov_reports.crawl.downloader.hosts import configured_hosts
from gov_reports.crawl.downloader.skips import skip_request
from gov_reports.model.vocabulary import SkipReason

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

_LEGACY_IPV4 = re.compile(r"[0-9a-fA-Fx.]+")


def literal_address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The IP address a host string spells directly, or None for a host name."""
    host = host.strip("[]").rstrip(".")
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        if not _LEGACY_IPV4.fullmatch(host):
            return None
        try:
            address = ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def is_public_address(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return address.is_global and not address.is_multicast


def is_private_host(host: str) -> bool | None:
    """True for a private/loopback/link-local/reserved literal or localhost, False for a public
    literal, None for a host name (only a lookup can tell)."""
    name = host.lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return True
    address = literal_address(name)
    if address is None:
        return None
    return not is_public_address(address)


class PrivateAddressMiddleware:
    """Refuse requests to non-public addresses whose host:port the crawl was not configured with."""

    def __init__(self, configured: frozenset[str], stats: StatsCollector | None) -> None:
        self.configured = configured
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(configured_hosts(crawler), crawler.stats)

    async def process_request(self, request: Request) -> None:
        parts = urlparse_cached(request)
        configured = self.configured
        if parts.netloc.lower() in configured:
            return
        host = parts.hostname or ""
        private = is_private_host(host)
        if private is None and not configured:
            private = await self._resolves_privately(host)
        if private:
            raise skip_request(self.stats, SkipReason.PRIVATE_ADDRESS, request.url)

    async def _resolves_privately(self, host: str) -> bool:
        from twisted.internet import reactor

        try:
            resolved = await maybe_deferred_to_future(reactor.resolve(host))  # type: ignore[attr-defined]
        except Exception:  # the download itself will fail and be recorded (dns_error)
            return False
        address = literal_address(resolved)
        return address is not None and not is_public_address(address)
