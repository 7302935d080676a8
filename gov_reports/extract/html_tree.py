"""The page's lxml tree: parsing it once, and the few tree operations the cleaning steps share."""

from __future__ import annotations

from lxml import etree

from gov_reports.extract.text import normalize_spaces

# C0 control bytes but tab, LF and CR; none occurs inside a UTF-8 multi-byte sequence.
_CONTROL_BYTES = bytes(c for c in range(32) if c not in (9, 10, 13))


def parse_html(html: str) -> etree._Element:
    """The page's tree, parsed as parsel's `Selector(text=html)` parses it (same bytes, same libxml2 options).

    A plain `etree.HTMLParser`: `lxml.html`'s parser looks up a Python element class for every
    element proxy it hands out, a cost paid on every step of every walk below, for methods
    (`drop_tree`, `text_content`) that this module does not need (see `drop`).
    """
    # libxml2 keeps C0 control characters in text nodes, and lxml then refuses them when a dropped
    # element's tail is moved (binary served as text/html, a stray \x0c in a Word paste).
    data = html.strip().encode("utf-8").translate(None, _CONTROL_BYTES) or b"<html/>"
    # A parser per call: parsers keep state and are not safe to share between threads.
    parser = etree.HTMLParser(recover=True, encoding="utf-8", huge_tree=True)
    root = etree.fromstring(data, parser=parser)
    return root if root is not None else etree.fromstring(b"<html/>", parser=parser)


def read_meta(root: etree._Element) -> dict[str, str]:
    meta: dict[str, str] = {}
    for el in root.iter("meta"):
        name = el.get("name") or el.get("property") or el.get("http-equiv")
        content = el.get("content")
        if name and content is not None:
            meta.setdefault(name.strip(), normalize_spaces(content).strip())
    return meta


def links(el: etree._Element) -> list[etree._Element]:
    """`el.xpath(".//a[@href]")`: the links below `el`, in document order."""
    return [a for a in el.iterdescendants("a") if a.get("href") is not None]


def drop(el: etree._Element) -> None:
    """Remove an element but keep its tail text, which belongs to the surrounding sentence.

    What `lxml.html`'s `drop_tree` does: the tail joins the previous sibling's tail, or the parent's text.
    """
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        previous = el.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + el.tail
        else:
            previous.tail = (previous.tail or "") + el.tail
    parent.remove(el)


def all_text(el: etree._Element) -> str:
    """`"".join(el.itertext())`, serialised by libxml2 instead of a Python loop over the text nodes."""
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)
