"""The title candidates of an HTML page: meta, headings, <title> parts and, failing those, styled paragraphs."""

from __future__ import annotations

import re
from itertools import islice

from lxml import etree

from gov_reports.extract.text import clean_line
from gov_reports.extract.titles import is_report_title

# //h1, //h2, //*[contains(@class,'title') or contains(@id,'title')], //title: the tag searches by iter
# (no XPath evaluation), all in document order.
_TITLE_FINDERS = (
    lambda root: list(islice(root.iter("h1"), 5)),
    lambda root: list(islice(root.iter("h2"), 5)),
    etree.XPath("//*/@class[contains(., 'title')]/.. | //*/@id[contains(., 'title')]/.."),
    lambda root: list(islice(root.iter("title"), 5)),
)
# 「…年度报告_某市人民政府」, 「… - 某市」, and 「…年度报告-某县发改局」 (a hyphen between words, not in 2019-2020).
_TITLE_SEPARATOR_RE = re.compile(r"\s*[_|—–]\s*|\s+-\s+|(?<=[\u4e00-\u9fff）)])-(?=[\u4e00-\u9fff（(])")


def title_candidates(root: etree._Element, meta: dict[str, str]) -> list[str]:
    candidates = [meta.get("ArticleTitle", ""), meta.get("title", "")]
    h1_texts: set[str] = set()
    for find in _TITLE_FINDERS:
        for el in find(root)[:5]:
            text = clean_line(" ".join(el.itertext()))
            if el.tag == "title":
                candidates.extend(p for p in _TITLE_SEPARATOR_RE.split(text) if p)
            elif el.tag == "h1":
                h1_texts.add(clean_line(text))
            candidates.append(text)
    seen, titles = set(), []
    for text in candidates:
        text = clean_line(text)
        if text and len(text) <= 120 and text not in seen:
            seen.add(text)
            titles.append(text)
    if not any(map(is_report_title, titles)):
        # No heading names the report (no <h1>, or one with the site's name): a Word-pasted page
        # sets its title as a bold, centred or large paragraph. Placed after the <h1>s, before
        # the <title>'s parts, so that a trap title set that way is among the first candidates.
        lead = {clean_line(meta.get("ArticleTitle", "")), clean_line(meta.get("title", "")), *h1_texts}
        at = 0
        while at < len(titles) and titles[at] in lead:
            at += 1
        titles[at:at] = [text for text in _styled_headings(root) if text not in seen]
    # Report-like titles first, keeping their order.
    return sorted(titles, key=lambda t: not is_report_title(t))


_STYLED_HEADING_RE = re.compile(
    r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)|text-align\s*:\s*center"
    r"|font-size\s*:\s*(?:(?:1[6-9]|[2-9]\d)(?:\.\d+)?(?:px|pt)|(?:1\.[2-9]|[2-4](?:\.\d+)?)em)"
    r"|mso-outline-level|font-family\s*:[^;\"]*(?:小标宋|黑体|标宋)",
    re.I,
)
_BOLD_TAGS = frozenset(("b", "strong"))
_PARAGRAPH_BLOCKS = ("p", "div", "center", "td", "h3", "h4", "li")
_HEADING_BLOCKS = frozenset((*_PARAGRAPH_BLOCKS, "span", "font"))
# Text nodes that can name a report, one walk: their parents are where a styled title's words sit.
_REPORT_WORD_TEXT_XPATH = etree.XPath("//text()[contains(., '报告') or contains(., '年报')]/..")
_STYLED_HEADING_MAX = 5


def _styled_headings(root: etree._Element) -> list[str]:
    """Short blocks that look like a heading and carry 报告/年报: the titles of pages without a real one.

    A block looks like a heading when it (or an element between it and the words) is bold (<b>,
    <strong>, font-weight), centred (<center>, align=center, text-align), set large (font-size) or
    in a heading font (小标宋, 黑体); a sentence (「。」 at its end) or a long paragraph is not one.
    """
    found: list[str] = []
    for holder in _REPORT_WORD_TEXT_XPATH(root):
        block, styled, linked = holder, False, False
        # Up to the nearest paragraph-like block, noting any heading style on the way.
        for _ in range(6):
            if not isinstance(block.tag, str):
                break
            linked = linked or block.tag == "a"  # a link (a list's entry) is not the page's heading
            styled = styled or _looks_like_heading(block)
            if block.tag in _PARAGRAPH_BLOCKS:
                break
            parent = block.getparent()
            if parent is None:
                break
            block = parent
        if linked or not styled or block.tag not in _HEADING_BLOCKS:
            continue
        # Joined as they are: a Word paste splits one title line into spans (「…办公厅」「2023年…」).
        text = clean_line("".join(block.itertext()))
        if 6 <= len(text) <= 100 and not text.endswith(("。", "！", "？", "；")) and text not in found:
            found.append(text)
            if len(found) >= _STYLED_HEADING_MAX:
                break
    return found


def _looks_like_heading(el: etree._Element) -> bool:
    if el.tag in _BOLD_TAGS or el.tag == "center" or (el.get("align") or "").lower() == "center":
        return True
    style = el.get("style")
    return bool(style) and _STYLED_HEADING_RE.search(style) is not None
