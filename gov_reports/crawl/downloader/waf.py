"""WAF challenges and block pages: detect, count per host, retry later, never parse, never circumvent.

Chinese government sites sit behind 瑞数 (HTTP 412 with an inline `$_ts`
script), 加速乐 (HTTP 521 setting `__jsl_clearance` through obfuscated JS),
「安全验证」/「访问异常」 interstitials and pages that are empty shells filled
by JavaScript (reference/crawling.md §2). None of them is a report. The
crawler does not run their scripts or forge their cookies: it counts the block
under `gov_reports/blocked/<host>`, pauses the host with a growing delay
(blocks are often lifted after a minute or two), asks again a bounded number
of times, and then records the skip `waf_blocked`. One blocked answer never
blacklists the host: other pages of it are still asked for.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gov_reports.crawl.downloader.politeness import SlotPauses, host_pacer, request_host
from gov_reports.crawl.downloader.skips import skip_request
from gov_reports.crawl.portals import reads_script_page
from gov_reports.model.vocabulary import SkipReason, Stat, StatPrefix

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)

# Interstitial texts; looked for in UTF-8 and GBK bytes, since the page may be either.
CHALLENGE_TEXTS = ("安全验证", "访问异常", "访问被拒绝", "请稍候", "Just a moment")
# A challenge text inside a page with at least this much visible text is a report mentioning it, not a block.
_SHORT_PAGE_CHARS = 400
# A 2xx HTML page with less visible text than this, scripts and no links is a shell filled by JavaScript.
_SHELL_MAX_CHARS = 30

_INVISIBLE = re.compile(rb"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_TAG = re.compile(rb"<[^>]*>")
_ENTITY_OR_SPACE = re.compile(r"&[#\w]+;|\s+")
_SCRIPT_RE = re.compile(rb"<script\b", re.I)
_LINK_RE = re.compile(rb"<a\s[^>]*href", re.I)


@dataclass(frozen=True)
class BlockPage:
    """Why an answer is a block page: the WAF (kind) and the evidence (marker)."""

    kind: str
    marker: str


def visible_text_length(body: bytes) -> int:
    """Characters a reader would see: scripts, styles, comments, tags and whitespace removed."""
    stripped = _TAG.sub(b" ", _INVISIBLE.sub(b" ", body))
    try:
        text = stripped.decode("utf-8")
    except UnicodeDecodeError:
        text = stripped.decode("gb18030", errors="ignore")
    return len(_ENTITY_OR_SPACE.sub("", text))


def _contains_text(body: bytes, text: str) -> bool:
    return any(encoded in body for encoded in _ENCODED_TEXTS.get(text) or _encodings(text))


def _encodings(text: str) -> tuple[bytes, ...]:
    return tuple(text.encode(encoding) for encoding in ("utf-8", "gb18030"))


# The interstitial texts as the page may spell them (encoded once, not per response).
_ENCODED_TEXTS = {text: _encodings(text) for text in (*CHALLENGE_TEXTS, "瑞数", "加速乐")}


def looks_like_html(content_type: str, body: bytes) -> bool:
    if content_type:
        return "html" in content_type.lower()
    return body.lstrip()[:1] == b"<"


def detect_block(
    status: int, body: bytes, *, content_type: str = "", set_cookies: Iterable[bytes] = (), url: str = ""
) -> BlockPage | None:
    """The block page this answer is, or None for an ordinary answer (a report, a 404, a PDF…).

    With its `url`, a JavaScript-rendered page that a portal adapter reads from its script text (a gkmlpt
    directory's SID and category tree) is no shell: it is the platform's page.
    """
    block = _block_page(status, body, content_type, set_cookies)
    shell = block is not None and block.kind in ("challenge_page", "js_shell") and 200 <= status < 300
    if shell and url and _read_from_scripts(body, url):
        return None
    return block


def _read_from_scripts(body: bytes, url: str) -> bool:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        text = body.decode("gb18030", errors="replace")
    return reads_script_page(text, url)


def _block_page(status: int, body: bytes, content_type: str, set_cookies: Iterable[bytes]) -> BlockPage | None:
    cookies = b" ".join(set_cookies)
    if status == 412 and (b"$_ts" in body or _contains_text(body, "瑞数")):
        return BlockPage("ruishu", "412 $_ts")
    if status == 412 and _SCRIPT_RE.search(body) and visible_text_length(body) < _SHORT_PAGE_CHARS:
        # 412 Precondition Failed to a GET without preconditions: a challenge whose script sets a cookie and
        # reloads (瑞数 variants without $_ts, other vendors). A server's own 412 page has text, not a script.
        return BlockPage("waf_412", "412 JavaScript challenge")
    if status == 521 and (b"__jsl_clearance" in body or b"__jsl" in cookies or _contains_text(body, "加速乐")):
        return BlockPage("jiasule", "521 __jsl_clearance")
    if not looks_like_html(content_type, body):
        return None
    # The visible text is measured only for a page that could be a block (it costs a pass over the body,
    # and an ordinary report page has no challenge text and links): the same answers, in another order.
    challenge = next((text for text in CHALLENGE_TEXTS if _contains_text(body, text)), None)
    if challenge is not None and (status >= 400 or visible_text_length(body) < _SHORT_PAGE_CHARS):
        return BlockPage("challenge_page", challenge)
    if (
        200 <= status < 300
        and _SCRIPT_RE.search(body)
        and not _LINK_RE.search(body)
        and visible_text_length(body) < _SHELL_MAX_CHARS
    ):
        return BlockPage("js_shell", "scripts, no text")
    return None


class WafBlockMiddleware:
    """Turn block pages into host pauses and retries, then a recorded `waf_blocked` skip."""

    def __init__(self, pauses: SlotPauses, stats: StatsCollector, *, retries: int, base: float, maximum: float) -> None:
        self.pauses = pauses
        self.pacer = pauses.pacer
        self.stats = stats
        self.retries = retries
        self.base = base
        self.maximum = maximum

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        assert crawler.stats is not None
        return cls(
            host_pacer(crawler),
            crawler.stats,
            retries=settings.getint("GOV_REPORTS_WAF_RETRIES"),
            base=settings.getfloat("GOV_REPORTS_WAF_BACKOFF_BASE"),
            maximum=settings.getfloat("GOV_REPORTS_BACKOFF_MAX"),
        )

    def process_response(self, request: Request, response: Response) -> Request | Response:
        block = detect_block(
            response.status,
            response.body,
            content_type=(response.headers.get(b"Content-Type") or b"").decode("latin-1"),
            set_cookies=response.headers.getlist(b"Set-Cookie"),
            url=response.url,
        )
        if block is None:
            return response
        host = request_host(request)
        stats = self.stats
        stats.inc_value(f"{StatPrefix.BLOCKED}{host}")
        stats.inc_value(f"{StatPrefix.BLOCKED_KIND}{block.kind}")
        pause = self.pacer.back_off(host, self.base, self.maximum)
        self.pauses.hold(request)
        tries = request.meta.get("gov_reports_waf_retries", 0)
        logger.warning(
            "Blocked by a WAF (%s, %s, HTTP %d) at %s; host paused %.1f s",
            block.kind,
            block.marker,
            response.status,
            response.url,
            pause,
        )
        if tries >= self.retries:
            raise skip_request(self.stats, SkipReason.WAF_BLOCKED, request.url)
        stats.inc_value(Stat.WAF_RETRIES)
        retry = request.replace(dont_filter=True)
        retry.meta["gov_reports_waf_retries"] = tries + 1
        return retry
