"""Guangdong's 政府信息公开目录 (`gkmlpt`): reference/portals.md §4.

Every city and county of 广东 runs the same directory: `/gkmlpt/index` (or the
mobile `/gkmlpt/mindex#{category}`) is an empty page that its scripts fill in.
What they fill it with is in the page as script text: the site's SID
(`window._CONFIG = {SID: '755031', TREE: [...]}`) and the category tree
(objects with id, name, children). The 年报 category is found in that tree by
its name (政府信息公开年报, 年度报告…; its children per year or per level come
with it), never by a fixed id, and listed by the JSON API
`/gkmlpt/api/all/{category}?page={n}&sid={sid}` → `{total, articles: [...]}`,
one page after the other until `total` is covered (the page size is the first
page's length). Each article gives its page (`url` or `post_url`,
`/gkmlpt/content/…/post_{id}.html`), its publish time (`display_publish_time`,
else `first_publish_time`: epoch seconds, milliseconds or text, in China time;
never `create_time`, the draft's date) and its `publisher`, evidence of the
issuer.

The API's answer is bad input like any other: an HTML error page served with
status 200, a missing key, an empty page before the total, a page past the
total, a page that repeats the previous one, all end paging with a counted
reason (`Listing.ended`); a total that changes between pages is counted and
the first one kept.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit, urlunsplit

from gov_reports.crawl.portals.base import Listing, ListingLink, PageRequest, count_value
from gov_reports.crawl.portals.discovery import is_column_name
from gov_reports.crawl.portals.scripts import NotALiteral, inline_scripts, literal_at
from gov_reports.extract.text import clean_line

NAME = "gkmlpt"
CHINA = timezone(timedelta(hours=8))
# The directory's pages, under the site root or a department's prefix (/yjzjj/gkmlpt/index).
FRONT_RE = re.compile(r"/gkmlpt/(?:m?index)?/?$")
API_RE = re.compile(r"/gkmlpt/api/all/(\d+)/?$")
SID_RE = re.compile(r"""\bSID\b['"]?\s*[:=]\s*['"]?(\w+)""")
# Where the category tree is assigned: `TREE: [`, `window.TREE = [`, `"categories": [`.
TREE_KEY_RE = re.compile(
    r"""\b(?:TREE|tree|CATEGORIES|categories|CATEGORY_TREE|categoryTree|CLASSIFY|classify)['"]?\s*[:=]\s*(?=\[)"""
)
ARRAY_OF_OBJECTS_RE = re.compile(r"\[\s*\{")
JSON_START_RE = re.compile(r'\s*\[\s*\{\s*"')  # JSON, not a JavaScript literal: read by json, at C speed
# A 年报 category's names: the standard 「政府信息公开年报」 and its variants (portals.md §1).
ANNUAL_NAME_RE = re.compile(r"(?:信息公开|政务公开).{0,6}(?:年报|年度报告)")
CHILD_KEYS = ("children", "child", "nodes", "sub")
_JSON = json.JSONDecoder()
# Bounds on looking for a tree among a script's arrays of objects (a bundle inlined in the page has many):
MAX_ARRAYS_TRIED = 200
MAX_CHARS_READ = 300_000  # of JavaScript literals, read by the Python reader (a county's tree is ~20 000)
MAX_CATEGORIES = 50
MAX_PAGES = 500  # per category: a total of 50 000 articles at 100 a page
_EPOCH_MS = 10**11  # larger than any epoch in seconds before the year 5000
_TEXT_DATE_RE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


@dataclass(frozen=True)
class Category:
    id: str
    name: str
    children: tuple[Category, ...] = ()

    def walk(self) -> Iterator[Category]:
        yield self
        for child in self.children:
            yield from child.walk()


def matches(html: str, url: str) -> bool:
    path = urlsplit(url).path
    return bool(FRONT_RE.search(path) or API_RE.search(path))


def reads_scripts(html: str, url: str) -> bool:
    """A directory page whose scripts carry the SID and the category tree: the crawler reads it as it is."""
    return bool(FRONT_RE.search(urlsplit(url).path)) and site_id(html) is not None and bool(category_tree(html))


def parse(html: str, url: str, state: Mapping[str, str] | None = None) -> Listing:
    state = state or {}
    if state.get("category") or API_RE.search(urlsplit(url).path):
        return parse_api(html, url, state)
    return parse_front(html, url)


# --------------------------------------------------------------------------- the directory page


def site_id(html: str) -> str | None:
    """The SID the page's scripts give the API (`SID: '755031'`, `window.SID = "2"`)."""
    for script in inline_scripts(html):
        found = SID_RE.search(script)
        if found:
            return found.group(1)
    return None


@lru_cache(maxsize=4)
def category_tree(html: str) -> tuple[Category, ...]:
    """The category tree written in the page's scripts, as literals (never run).

    Cached: the WAF middleware asks whether the page can be read before the adapter reads it.
    """
    for script in inline_scripts(html):
        tree = _tree_in(script)
        if tree:
            return tree
    return ()


def _tree_in(script: str) -> tuple[Category, ...]:
    # Where a key names it first (TREE: [...]); then any array of objects, each character read once, within
    # the bounds above.
    for found in TREE_KEY_RE.finditer(script):
        tree, _, _ = _tree_at(script, found.end(), MAX_CHARS_READ)
        if tree:
            return tree
    budget, tries, read_until = MAX_CHARS_READ, 0, -1
    for found in ARRAY_OF_OBJECTS_RE.finditer(script):
        if found.start() < read_until:
            continue
        tries += 1
        if budget <= 0 or tries > MAX_ARRAYS_TRIED:
            break
        tree, end, slow = _tree_at(script, found.start(), budget)
        if tree:
            return tree
        if slow:
            budget -= end - found.start()
        if tree is not None:
            read_until = end  # a literal that is no tree: the arrays inside it are no trees either
    return ()


def _tree_at(script: str, start: int, max_chars: int) -> tuple[tuple[Category, ...] | None, int, bool]:
    """The categories of the literal at `start` (None: no literal), where reading it ended, and whether
    the Python reader read it (JSON is read at C speed)."""
    if JSON_START_RE.match(script, start):
        try:
            value, end = _JSON.raw_decode(script, start)
            return tuple(_categories(value)), end, False
        except ValueError:
            pass
    try:
        value, end = literal_at(script, start, max_chars)
    except NotALiteral as error:
        return None, max(error.at, start + 1), True
    return tuple(_categories(value)), end, True


def _categories(value: Any) -> list[Category]:
    if not isinstance(value, list):
        return []
    out = []
    for item in value:
        if not isinstance(item, dict):
            continue
        ident, name = item.get("id"), item.get("name")
        if isinstance(ident, bool) or not isinstance(ident, int | str) or not str(ident).strip().isdigit():
            continue
        if not isinstance(name, str) or not clean_line(name):
            continue
        children = next((item[k] for k in CHILD_KEYS if isinstance(item.get(k), list)), [])
        out.append(Category(str(ident).strip(), clean_line(name), tuple(_categories(children))))
    return out


def is_annual_name(name: str) -> bool:
    """「政府信息公开年报」, 「政府信息公开工作年度报告」, 「年度报告」, 「信息公开年报」…"""
    return is_column_name(name) or bool(ANNUAL_NAME_RE.search("".join(name.split())))


def annual_categories(tree: Sequence[Category], focus: str | None = None) -> list[Category]:
    """The 年报 categories found by name, each followed by its sub-categories (per year, per level).

    `focus` is the category the URL points at (`mindex#2761`): when it is one of them, only its branch.
    """
    found: dict[str, Category] = {}

    def visit(node: Category, inside: bool) -> None:
        annual = inside or is_annual_name(node.name)
        if annual:
            found.setdefault(node.id, node)
        for child in node.children:
            visit(child, annual)

    for root in tree:
        visit(root, False)
    if focus in found:
        branch = [c.id for c in found[focus].walk()]
        return [found[i] for i in branch if i in found][:MAX_CATEGORIES]
    return list(found.values())[:MAX_CATEGORIES]


def api_url(page_url: str, category: str, page: int, sid: str) -> str:
    """The list API of a category, under the same prefix as the directory page."""
    path = urlsplit(page_url).path
    prefix = path[: path.index("/gkmlpt/")] if "/gkmlpt/" in path else ""
    query = urlencode({"page": page, "sid": sid})
    return urljoin(page_url, f"{prefix}/gkmlpt/api/all/{category}?{query}")


def parse_front(html: str, url: str) -> Listing:
    listing = Listing(platform=NAME)
    sid = site_id(html)
    if sid is None:
        listing.skipped = "no_sid"  # nothing to ask the API with: only its scripts could read this page
        return listing
    tree = category_tree(html)
    if not tree:
        listing.skipped = "no_category_tree"
        return listing
    fragment = re.search(r"(\d+)\s*$", urlsplit(url).fragment)
    categories = annual_categories(tree, fragment.group(1) if fragment else None)
    if not categories:
        listing.skipped = "no_annual_category"
        return listing
    listing.annual_column = True
    for category in categories:
        state = (("category", category.id), ("sid", sid), ("page", "1"))
        listing.next_pages.append(PageRequest(url=api_url(url, category.id, 1, sid), adapter=NAME, state=state))
    return listing


# --------------------------------------------------------------------------- the list API


def publish_date(value: Any) -> str | None:
    """YYYY-MM-DD in China time from epoch seconds, epoch milliseconds or a date text."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str) and re.fullmatch(r"\s*\d{9,14}\s*", value):
        value = int(value)
    if isinstance(value, int | float):
        if value <= 0:
            return None
        seconds = value / 1000 if value >= _EPOCH_MS else value
        try:
            moment = datetime.fromtimestamp(seconds, UTC).astimezone(CHINA)
        except (OverflowError, OSError, ValueError):
            return None
        return moment.date().isoformat() if 1990 <= moment.year <= 2100 else None
    if isinstance(value, str):
        found = _TEXT_DATE_RE.search(value)
        if found:
            year, month, day = (int(g) for g in found.groups())
            try:
                return datetime(year, month, day).date().isoformat()
            except ValueError:
                return None
    return None


def article_link(article: Any, base_url: str) -> ListingLink | None:
    """One API article as a report link, with the platform's publish date and publisher."""
    if not isinstance(article, dict):
        return None
    hrefs = [article.get(key) for key in ("url", "post_url")]
    href = next((h for h in hrefs if isinstance(h, str) and h.strip()), None)
    title = article.get("title")
    if href is None or not isinstance(title, str):
        return None
    url = urljoin(base_url, html_lib.unescape(href.strip()))
    title = clean_line(re.sub(r"<[^>]+>", "", html_lib.unescape(title)))
    if urlsplit(url).scheme not in ("http", "https") or not title:
        return None
    # The publish time shown to readers; create_time is when the draft was made and is never used.
    published = publish_date(article.get("display_publish_time")) or publish_date(article.get("first_publish_time"))
    publisher = article.get("publisher")
    evidence = (("publisher", clean_line(publisher)),) if isinstance(publisher, str) and clean_line(publisher) else ()
    return ListingLink(url=url, title=title, date=published, published=published, evidence=evidence)


def _article_key(article: Any) -> str:
    if isinstance(article, dict):
        for key in ("id", "url", "post_url", "title"):
            if article.get(key) is not None:
                return f"{key}:{article[key]}"
    return repr(article)[:200]


def _page_of(url: str) -> int:
    values = parse_qs(urlsplit(url).query).get("page") or ["1"]
    return int(values[0]) if values[0].isdigit() and int(values[0]) > 0 else 1


def _category_of(url: str) -> str:
    found = API_RE.search(urlsplit(url).path)
    return found.group(1) if found else ""


def _with_page(url: str, page: int) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in _query_pairs(parts.query) if k != "page"]
    return urlunsplit(parts._replace(query=urlencode([("page", str(page)), *query])))


def _query_pairs(query: str) -> list[tuple[str, str]]:
    return [(k, v) for k, values in parse_qs(query, keep_blank_values=True).items() for v in values]


def parse_api(body: str, url: str, state: Mapping[str, str]) -> Listing:
    listing = Listing(platform=NAME, annual_column=True)
    try:
        data = json.loads(body)
    except ValueError:
        listing.ended = "api_not_json"  # an HTML error page (often with status 200) instead of the list
        return listing
    articles = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(articles, list):
        listing.ended = "api_missing_articles"
        return listing
    page = int(state["page"]) if state.get("page", "").isdigit() else _page_of(url)
    total = count_value(data.get("total"))
    first_total = count_value(state.get("total")) if "total" in state else total
    size = count_value(state.get("size")) if "size" in state else len(articles)
    offset = count_value(data.get("offset"))
    start = (page - 1) * size if size is not None else (offset or 0)
    if first_total is not None and page > 1 and max(start, offset or 0) >= first_total:
        listing.ended = "past_total"  # the API answers a page that its own total says does not exist
        return listing
    listing.links = [link for link in (article_link(a, url) for a in articles) if link is not None]
    if first_total is None:
        listing.ended = "api_missing_total"  # the first page's links, but no way to know how many pages
        return listing
    if not articles:
        if start < first_total:
            listing.ended = "api_empty_page"
        return listing
    first_key = _article_key(articles[0])
    if state.get("previous") == first_key:
        listing.ended = "repeated_page"  # the API ignores the page number: the same page again
        return listing
    if total != first_total:
        listing.ended = "total_changed"  # counted; paging goes on to the first page's total
    if start + len(articles) >= first_total:
        return listing
    if page >= MAX_PAGES:
        listing.ended = "page_limit"
        return listing
    next_state = {
        **dict(state),
        "category": state.get("category") or _category_of(url),
        "page": str(page + 1),
        "total": str(first_total),
        "size": str(size),
        "previous": first_key,
    }
    listing.next_pages.append(PageRequest(url=_with_page(url, page + 1), adapter=NAME, state=tuple(next_state.items())))
    return listing
