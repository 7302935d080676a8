"""Listing-page adapters, one module per CMS platform, registered in `ADAPTERS`.

An adapter detects its platform from a page (`matches`), and reads the page
(`parse`) into report links and the further requests that list more (list pages,
API calls, postbacks). The answer to a request an adapter made goes back to that
adapter with the state it attached. To add a platform: write a module with
`matches(html, url)` and `parse(html, url, state)` returning a `Listing`, and add
it to `ADAPTERS` before the generic fallback (docs/portals.md).
"""

from __future__ import annotations

from collections.abc import Mapping

from gov_reports.crawl.portals import aspnet, generic, gkmlpt, hanweb, jpaas, trs, xxgk
from gov_reports.crawl.portals.base import Adapter, Listing, ListingLink, PageRequest, unique_by_url

ADAPTERS: tuple[Adapter, ...] = (
    # Known by its URLs (/gkmlpt/index, /gkmlpt/api/all/…); its pages hold scripts, not lists to paginate.
    Adapter("gkmlpt", gkmlpt.matches, gkmlpt.parse, generic_pagination=False, reads_scripts=gkmlpt.reads_scripts),
    # Before hanweb: a 信息公开 column page may carry a datastore list too (xxgk reads both).
    Adapter("xxgk", xxgk.matches, xxgk.parse, generic_pagination=False),
    Adapter("hanweb", hanweb.matches, hanweb.parse),
    Adapter("trs", trs.matches, trs.parse),
    # Known by their script text: a unitbuild.js tag (its list comes from an API), __doPostBack paging.
    # Its column pages add the generic rules' links themselves; they are script shells the adapter reads.
    Adapter("jpaas", jpaas.matches, jpaas.parse, generic_pagination=False, reads_scripts=jpaas.reads_scripts),
    Adapter("aspnet", aspnet.matches, aspnet.parse),
    Adapter("generic", generic.matches, generic.parse, generic_pagination=False),
)
BY_NAME: dict[str, Adapter] = {adapter.name: adapter for adapter in ADAPTERS}
_NO_STATE: Mapping[str, str] = {}

__all__ = [
    "ADAPTERS",
    "BY_NAME",
    "Adapter",
    "Listing",
    "ListingLink",
    "PageRequest",
    "parse_listing",
    "reads_script_page",
]


def reads_script_page(html: str, url: str) -> bool:
    """True when an adapter reads this JavaScript-rendered page from its scripts (a gkmlpt directory page)."""
    return any(a.reads_scripts is not None and a.reads_scripts(html, url) for a in ADAPTERS)


def parse_listing(html: str, url: str, adapter: str | None = None, state: Mapping[str, str] | None = None) -> Listing:
    """Report links and further list requests of one page.

    `adapter` names the adapter that asked for this page (its answer may be JSON or a fragment that no
    detection would recognise); without it, the first adapter whose `matches` accepts the page reads it.
    """
    if adapter is not None:
        chosen = BY_NAME.get(adapter)
        if chosen is None:
            raise KeyError(f"no portal adapter named {adapter!r}")
        return _without_self(chosen.parse(html, url, state or _NO_STATE), url)
    for candidate in ADAPTERS:
        if candidate.matches(html, url):
            listing = candidate.parse(html, url, state or _NO_STATE)
            if candidate.generic_pagination and not listing.skipped:
                # CMS pages also carry generic pagination and sub-column links; take those too.
                listing.next_pages = unique_by_url(listing.next_pages + generic.parse(html, url, _NO_STATE).next_pages)
            return _without_self(listing, url)
    raise AssertionError("the generic platform matches every page")


def _without_self(listing: Listing, url: str) -> Listing:
    # Navigation often links back to the column itself (「政府信息公开年报」).
    here = url.split("#")[0]
    listing.next_pages = [
        p for p in listing.next_pages if p.url.split("#")[0] != here or p.method != "GET" or p.state or p.adapter
    ]
    return listing
