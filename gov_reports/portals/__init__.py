"""Listing-page parsers, one module per CMS layout; `parse_listing` picks the right one.

A new CMS is a new module with `matches(html, url)` and `parse(html, url)`,
added to `PLATFORMS` before the generic fallback.
"""

from __future__ import annotations

from gov_reports.portals import generic, hanweb, trs
from gov_reports.portals.base import Listing, ListingLink, PageRequest

PLATFORMS = (hanweb, trs, generic)

__all__ = ["PLATFORMS", "Listing", "ListingLink", "PageRequest", "parse_listing"]


def parse_listing(html: str, url: str) -> Listing:
    """Report links and further list pages of one listing page."""
    for platform in PLATFORMS:
        if platform.matches(html, url):
            listing = platform.parse(html, url)
            if platform is not generic:
                # CMS pages also carry generic pagination and sub-column links; take those too.
                extra = generic.parse(html, url).next_pages
                listing.next_pages += [p for p in extra if p not in listing.next_pages]
            # Navigation often links back to the column itself (「政府信息公开年报」).
            here = url.split("#")[0]
            listing.next_pages = [p for p in listing.next_pages if p.url.split("#")[0] != here]
            return listing
    raise AssertionError("the generic platform matches every page")
