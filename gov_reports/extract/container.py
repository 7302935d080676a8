"""Find the page's body container, and read what stands around it (date labels, attachment links)."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from lxml import etree

from gov_reports.extract.chrome import FILE_EXT_RE, attachment_from_line, is_label_line, parse_labels
from gov_reports.extract.cleaned_page import CleanPage
from gov_reports.extract.html_tree import all_text, links
from gov_reports.extract.line_filter import match_forms
from gov_reports.extract.render import render
from gov_reports.extract.text import clean_line, squeeze

# Body containers of known CMSes: trusted whenever they hold anything (a 「详见附件」 page is short).
CMS_CONTAINERS = ("#zoom", ".TRS_Editor", ".TRS_UEDITOR", "#UCAP-CONTENT", ".news_cont_d_wrap")
# Common but generic class names: trusted only when they hold most of the page's text.
GENERIC_CONTAINERS = (
    ".article-content", ".article_content", "#article-content", ".wz_content", "#wz_content", ".zw", "#zw",
    ".pages_content", ".detail-content", ".detail_content", "#detailContent", ".content_text", ".contentText",
    "#content", ".content", "article",
)  # fmt: skip
_DOWNLOAD_HREF_RE = re.compile(
    r"downfile\.jsp|/download/|attachment|/attach/"
    r"|\.(?:pdf|docx?|wps|xlsx?|et|ofd|zip|rar)(?:$|[?#])",
    re.I,
)

# Every element a container selector could match, in document order, in one walk of the tree.
_CONTAINER_CANDIDATES = etree.XPath("//*/@id/.. | //*/@class/.. | //article")
_CONTAINER_SELECTORS = frozenset(CMS_CONTAINERS + GENERIC_CONTAINERS)


def _container_index(root: etree._Element) -> dict[str, list[etree._Element]]:
    """The elements each container selector (#id, .class or tag) matches, in document order.

    One walk indexes the candidates, instead of one XPath walk of the whole page per selector (21 of them).
    """
    by_key: dict[str, list[etree._Element]] = {}
    selectors = _CONTAINER_SELECTORS
    for el in _CONTAINER_CANDIDATES(root):
        # The keys this element answers to that are selectors; most of its id and class tokens are not.
        keys = [el.tag] if el.tag in selectors else []
        el_id = el.get("id")
        if el_id is not None and "#" + el_id in selectors:
            keys.append("#" + el_id)
        classes = el.get("class")
        if classes:
            # CSS's ~= test as cssselect writes it: a token of normalize-space(@class).
            for blank in "\t\r\n":
                classes = classes.replace(blank, " ")
            keys += ["." + token for token in classes.split(" ") if token and "." + token in selectors]
        for key in keys:
            found = by_key.setdefault(key, [])
            if not found or found[-1] is not el:  # a class written twice: the element once
                found.append(el)
    return by_key


def _text_density_scores(root: etree._Element) -> dict[etree._Element, float]:
    scores: dict[etree._Element, float] = {}
    containers = ("div", "td", "article", "section", "main", "body")
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        own = len((el.text or "").strip()) + sum(len((c.tail or "").strip()) for c in el)
        if own < 8 or el.tag == "a":
            continue
        node = el
        while node is not None and node.tag not in containers:
            node = node.getparent()
        if node is None:
            continue
        scores[node] = scores.get(node, 0) + own
        parent = node.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0) + own / 2
    return scores


def find_container(root: etree._Element) -> tuple[etree._Element, str]:
    body = root.find("body")
    body = body if body is not None else root
    index = _container_index(root)
    for selector in CMS_CONTAINERS:
        for el in index.get(selector, ()):
            if any(t.strip() for t in el.itertext()) or el.find(".//a") is not None:
                return el, selector
    body_text = len(squeeze(all_text(body)))
    for selector in GENERIC_CONTAINERS:
        for el in index.get(selector, ()):
            text = len(squeeze(all_text(el)))
            # Scoring every element by text density is only worth its cost when no container is found.
            if text >= 0.4 * body_text or text >= 2000:
                return el, selector
    scores = _text_density_scores(root)
    return (max(scores, key=scores.__getitem__) if scores else body), "density"


def labels_outside(root: etree._Element, container: etree._Element) -> dict[str, str]:
    """Date and metadata labels from the page around the body (labels inside it are read by `filter_lines`)."""
    labels: dict[str, str] = {}
    parent = container.getparent()
    placeholder = etree.Element("span")
    if parent is not None:
        parent.replace(container, placeholder)  # render only the chrome around the body: it is small
    try:
        lines: list[str] = []
        body = root.find("body")
        render(body if body is not None else root, lines)
    finally:
        if parent is not None:
            parent.replace(placeholder, container)
    for line, compact in zip(lines, match_forms(lines), strict=True):
        if is_label_line(line, compact):
            for key, value in parse_labels(line).items():
                labels.setdefault(key, value)
    return labels


def _article_area(container: etree._Element) -> etree._Element:
    """The container's parent: attachment lists (「附件：」, 「年报下载：」) often sit right beside the body."""
    parent = container.getparent()
    return parent if parent is not None and parent.tag not in ("body", "html") else container


def collect_attachments(container: etree._Element, url: str, page: CleanPage) -> None:
    for a in links(_article_area(container)):
        href = a.get("href", "").strip()
        name = clean_line(" ".join(a.itertext())) or href.rsplit("/", 1)[-1]
        if not href or href.startswith(("javascript:", "mailto:", "#")):
            continue
        if not _DOWNLOAD_HREF_RE.search(href) and not FILE_EXT_RE.search(name):
            continue
        ext = FILE_EXT_RE.search(href.split("?")[0]) or FILE_EXT_RE.search(href) or FILE_EXT_RE.search(name)
        page.attachments.append(
            {"url": urljoin(url, href), "name": name, "type": ext.group(1).lower() if ext else None}
        )
    # 「年报下载:….doc」 printed as plain text in a block right after the body.
    for sibling in container.itersiblings():
        lines: list[str] = []
        render(sibling, lines)
        for line in lines[:5]:
            attachment = attachment_from_line(line)
            if attachment and attachment["type"] and not any(a["name"] == attachment["name"] for a in page.attachments):
                page.attachments.append(attachment)
