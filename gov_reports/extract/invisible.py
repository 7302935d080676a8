"""Cut what a reader of the page does not see (scripts, hidden elements, junk tags) and off-site spam links.

Their text goes to `CleanPage.spam` when it is spam, as the evidence of what was removed."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree

from gov_reports.extract.cleaned_page import CleanPage
from gov_reports.extract.html_tree import drop, links
from gov_reports.extract.spam import SPAM_PHRASE_RE, looks_like_spam
from gov_reports.extract.text import clean_line

_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "iframe",
    "object",
    "embed",
    "template",
    "svg",
    "select",
    "button",
    "input",
    "textarea",
    "link",
    "head",
)
_JUNK_TAGS = ("noframes", "listing", "xmp", "plaintext")
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:px)?\b", re.I)

# Compiled once: parsel compiled (and wrapped in Selector objects) every query on every call.
_ABSOLUTE_LINKS_XPATH = etree.XPath(".//a/@href[starts-with(., 'http')]/..")
# Attribute steps (`//*/@style/..`) rather than predicates on every element (`//*[@style]`): libxml2
# answers them several times faster, with the same elements in the same (document) order. `//*/@style`
# is `//@style` (only elements have attributes), and faster: libxml2 then walks elements, not every node.
_HIDDEN_CANDIDATES_XPATH = etree.XPath("//*/@hidden/.. | //*/@style/.. | //*/@aria-hidden[.='true']/..")


def drop_invisible(root: etree._Element, page: CleanPage) -> None:
    for el in list(root.iter(*_DROP_TAGS)):
        if el.tag == "script" and (el.get("type") or "").endswith("xml"):
            continue  # a Hanweb datastore: not visible, but harmless
        drop(el)
    for el in list(root.iter(etree.Comment)):
        drop(el)
    hidden = _HIDDEN_CANDIDATES_XPATH(root)
    for el in hidden:
        style = el.get("style") or ""
        if el.get("hidden") is None and el.get("aria-hidden") != "true" and not _HIDDEN_STYLE_RE.search(style):
            continue
        text = clean_line(" ".join(el.itertext()))
        if text and (looks_like_spam(text) or _ABSOLUTE_LINKS_XPATH(el)):
            link_texts = [clean_line(" ".join(a.itertext())) for a in el.iter("a")]
            page.spam.extend(t for t in link_texts if t) if any(link_texts) else page.spam.append(text[:200])
        drop(el)
    for el in list(root.iter(*_JUNK_TAGS)):
        text = clean_line(" ".join(el.itertext()))
        if text:
            page.spam.append(text[:200])
        drop(el)


def drop_spam_links(root: etree._Element, host: str, page: CleanPage) -> None:
    for a in links(root):
        href = a.get("href") or ""
        text = clean_line(" ".join(a.itertext()))
        link_host = urlsplit(href).netloc.lower()
        offsite = bool(link_host) and link_host != host
        strong = SPAM_PHRASE_RE.search(text) is not None  # what remove_spam_phrases would cut: a match
        if strong or (offsite and (looks_like_spam(text) or looks_like_spam(href))):
            page.spam.append(text or href)
            drop(a)
