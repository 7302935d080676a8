"""Hanweb (大汉 jcms/jpage) column pages: reference/portals.md §2.

The first list page is embedded in the column page as `<datastore>` XML inside
a script, invisible to an HTML parser; further pages come from POST
`/module/web/jpage/dataproxy.jsp` with the column's form fields, in blocks of
records (`startrecord`/`endrecord`/`perpage`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import parse_qsl, urljoin, urlsplit

from gov_reports.crawl.portals.base import Listing, PageRequest, anchors

RECORD_RE = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.S)
JPAGE_RE = re.compile(r"\.jpage\(\s*\{(.*?)\}\s*\)", re.S)
PARAM_RE = re.compile(r"var\s+param_\w+\s*=\s*\{(.*?)\}", re.S)
NEXTGROUP_RE = re.compile(r"<nextgroup>\s*<!\[CDATA\[.*?href=['\"]([^'\"]+)['\"]", re.S)
PAIR_RE = re.compile(r"(\w+)\s*:\s*(?:'([^']*)'|\"([^\"]*)\"|([^,}\s]+))")
DATAPROXY = "/module/web/jpage/dataproxy.jsp"
FORM_FIELDS = ("col", "appid", "webid", "path", "columnid", "sourceContentType", "unitid", "webname", "permissiontype")
FORM_DEFAULTS = {"col": "1", "appid": "1", "webid": "1", "path": "/", "sourceContentType": "1", "permissiontype": "0"}
BLOCK_PAGES = 3  # the CMS itself asks for three pages of records at a time


def matches(html: str, url: str) -> bool:
    return "<datastore" in html or DATAPROXY in url


def _pairs(body: str) -> dict[str, str]:
    return {m.group(1): next(g for g in m.groups()[1:] if g is not None) for m in PAIR_RE.finditer(body)}


def parse(html: str, url: str, state: Mapping[str, str] | None = None) -> Listing:
    listing = Listing(platform="hanweb")
    records = RECORD_RE.findall(html)
    for fragment in records:
        listing.links.extend(link for link in anchors(fragment, url) if "/module/" not in link.url)
    if DATAPROXY in url:
        return listing  # a block of records: every block was requested from the column page
    jpage = JPAGE_RE.search(html)
    if not jpage:
        return listing
    options = _pairs(jpage.group(1))
    total = int(options.get("totalRecord", "0") or 0)
    per_page = int(options.get("perPage", "0") or 0) or len(records) or 15
    form = dict(FORM_DEFAULTS)
    nextgroup = NEXTGROUP_RE.search(html)
    if nextgroup:
        form.update(dict(parse_qsl(urlsplit(nextgroup.group(1).replace("&amp;", "&")).query)))
    param = PARAM_RE.search(html)
    if param:
        form.update(_pairs(param.group(1)))
    formdata = tuple((key, str(form[key])) for key in FORM_FIELDS if key in form)
    block = per_page * BLOCK_PAGES
    for start in range(len(records) + 1, total + 1, block):
        end = min(start + block - 1, total)
        target = urljoin(url, f"{DATAPROXY}?startrecord={start}&endrecord={end}&perpage={per_page}")
        listing.next_pages.append(PageRequest(url=target, method="POST", formdata=formdata))
    return listing
