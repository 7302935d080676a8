"""Cookies without the network: the public-suffix list is the copy shipped with tldextract.

Scrapy's CookiesMiddleware asks tldextract whether a cookie's domain is a public
suffix (so that a site cannot set a cookie for all of `gov.cn`). Its module-level
`TLDExtract()` looks for a cached list, and without one it fetches the list from
publicsuffix.org — from inside the crawl, on the first Set-Cookie (the 加速乐
challenge's `__jsluid` cookie is enough), with no timeout by default: a crawler
that must talk only to the configured hosts would reach a third-party host, or
hang where the network is closed. This middleware makes the same decision with
the snapshot tldextract ships (`suffix_list_urls=()`, no cache directory): no
request, no file written, the same answer for every run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.downloadermiddlewares.cookies import CookiesMiddleware
from scrapy.utils.httpobj import urlparse_cached
from tldextract import TLDExtract

if TYPE_CHECKING:
    from collections.abc import Iterable
    from http.cookiejar import Cookie

    from scrapy import Request
    from scrapy.http.cookies import CookieJar

# The bundled snapshot only: no URL to fetch, no cache to read or write.
OFFLINE_SUFFIXES = TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)


def is_public_suffix(domain: str) -> bool:
    """True for a domain nobody owns (`gov.cn`, `com.cn`, `github.io`): a cookie must not be set for it."""
    return not OFFLINE_SUFFIXES(domain).domain


class OfflineCookiesMiddleware(CookiesMiddleware):
    """Scrapy's CookiesMiddleware with the public-suffix check made offline (see module doc)."""

    def _process_cookies(self, cookies: Iterable[Cookie], *, jar: CookieJar, request: Request) -> None:
        # Scrapy 2.19's own rule (scrapy.downloadermiddlewares.cookies), with the offline list.
        for cookie in cookies:
            cookie_domain = cookie.domain.removeprefix(".")
            hostname = urlparse_cached(request).hostname
            if hostname is None:
                continue
            request_domain = hostname.lower()
            if cookie_domain and is_public_suffix(cookie_domain):
                if cookie_domain != request_domain:
                    continue
                cookie.domain = request_domain
            jar.set_cookie_if_ok(cookie, request)
