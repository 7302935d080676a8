"""From a page (HTML or a text dump) to the report body, chrome and spam removed.

HTML: the content container is found by the CMS's own markers (#zoom,
.TRS_Editor, …) or, failing those, by text density; hidden elements and
off-site spam links are cut out with their text recorded; the container is
rendered to lines with *all* its text (never dropping short nodes: Word-pasted
spans carry single characters such as 年/月), tables as tab-separated rows.

Both HTML and text then go through the same line filter: chrome lines are
dropped (their labelled dates and metadata kept as evidence), spam phrases are
cut out of sentences, and PDF/Word line breaks inside words are mended.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice
from urllib.parse import urljoin, urlsplit

from lxml import etree

from gov_reports.extract.chrome import (
    FILE_EXT_RE,
    attachment_from_line,
    is_chrome_line,
    is_label_line,
    parse_labels,
)
from gov_reports.extract.regions import is_body_name
from gov_reports.extract.spam import (
    SPAM_PHRASE_RE,
    has_spam_core,
    is_spam_line,
    looks_like_spam,
    remove_spam_phrases,
)
from gov_reports.extract.tables import SPACE_RE as _GRID_SPACE_RE
from gov_reports.extract.tables import Grid, RowSpec, Spans, expand_rows, html_grids, spanned_cells, table_rows
from gov_reports.extract.tables import cell_text as table_cell_text
from gov_reports.extract.text import clean_line, match_form, normalize_spaces, squeeze
from gov_reports.extract.titles import is_report_title, issuer_from_title

# Body containers of known CMSes: trusted whenever they hold anything (a 「详见附件」 page is short).
CMS_CONTAINERS = ("#zoom", ".TRS_Editor", ".TRS_UEDITOR", "#UCAP-CONTENT", ".news_cont_d_wrap")
# Common but generic class names: trusted only when they hold most of the page's text.
GENERIC_CONTAINERS = (
    ".article-content", ".article_content", "#article-content", ".wz_content", "#wz_content", ".zw", "#zw",
    ".pages_content", ".detail-content", ".detail_content", "#detailContent", ".content_text", ".contentText",
    "#content", ".content", "article",
)  # fmt: skip
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
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "section",
        "article",
        "blockquote",
        "center",
        "pre",
        "dl",
        "dt",
        "dd",
        "header",
        "footer",
        "address",
        "form",
        "fieldset",
        "figure",
        "figcaption",
        "hr",
        "main",
        "nav",
        "aside",
        "caption",
        "tr",
        "table",
        "tbody",
        "thead",
        "tfoot",
    ]
)
_NOT_INLINE = _BLOCK_TAGS | {"table", "br"}
"""What `_render` does more with than take its text: blocks, tables, line breaks."""
_LEAF_BLOCKS = _BLOCK_TAGS - {"table"}
"""Blocks whose text, when they have no children, is simply a line (a table's own text is not read)."""
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:px)?\b", re.I)
_HEADING_OR_LIST_RE = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]"
    r"|第[一二三四五六七八九十]|[（(]?[一二三四五六七八九十]+是)"
)
_ENDS_SENTENCE = tuple("。！？；：:;!?」”）)》")
_BOLD_MARKERS_RE = re.compile(r"\*\*")
_DOWNLOAD_HREF_RE = re.compile(
    r"downfile\.jsp|/download/|attachment|/attach/"
    r"|\.(?:pdf|docx?|wps|xlsx?|et|ofd|zip|rar)(?:$|[?#])",
    re.I,
)

# Compiled once: parsel compiled (and wrapped in Selector objects) every query on every call.
_ABSOLUTE_LINKS_XPATH = etree.XPath(".//a/@href[starts-with(., 'http')]/..")
# Attribute steps (`//*/@style/..`) rather than predicates on every element (`//*[@style]`): libxml2
# answers them several times faster, with the same elements in the same (document) order. `//*/@style`
# is `//@style` (only elements have attributes), and faster: libxml2 then walks elements, not every node.
_HIDDEN_CANDIDATES_XPATH = etree.XPath("//*/@hidden/.. | //*/@style/.. | //*/@aria-hidden[.='true']/..")
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


@dataclass(kw_only=True)
class CleanPage:
    """What cleaning found: the body lines and the evidence around them."""

    lines: list[str] = field(default_factory=list)
    """Body paragraphs in order; a table row is one line with tab-separated cells."""
    body: etree._Element | None = field(default=None, repr=False)
    """The cleaned content container element (tables kept), for table parsing."""
    titles: list[str] = field(default_factory=list)
    """Title candidates, best first: ArticleTitle meta, headings, <title>, a title line of a dump."""
    meta: dict[str, str] = field(default_factory=dict)
    """<meta name=… content=…> pairs (PubDate, SiteName, SiteIDCode, …)."""
    labels: dict[str, str] = field(default_factory=dict)
    """Metadata block and date-line labels (发布机构, 发布时间, 索引号, …) found in the chrome."""
    grids: list[Grid] | None = field(default=None, repr=False)
    """The container's innermost tables as grids, read with its lines (`tables.html_grids(body)`);
    None when not read (a text page, or a table nested too deep to render)."""
    attachments: list[dict] = field(default_factory=list)
    spam: list[str] = field(default_factory=list)
    image_count: int = 0
    container: str | None = None
    """How the body was found: a CSS selector, 'density' or 'text'."""

    @property
    def body_html(self) -> str | None:
        """The cleaned content container as HTML, when the page was HTML."""
        if self.body is None:
            return None
        return etree.tostring(self.body, encoding="unicode", method="html")


# --------------------------------------------------------------------------- HTML


def clean_html(html: str, url: str = "") -> CleanPage:
    """Clean an HTML report page."""
    page = CleanPage()
    root = parse_html(html)
    if not isinstance(root.tag, str):
        return page
    page.meta = _read_meta(root)
    host = urlsplit(url).netloc.lower()
    _drop_invisible(root, page)
    _drop_spam_links(root, host, page)
    page.titles = _title_candidates(root, page.meta)
    container, how = _find_container(root)
    page.container = how
    page.labels = _labels_outside(root, container)
    _collect_attachments(container, url, page)
    page.image_count = sum(1 for _ in container.iterdescendants("img"))
    lines: list[str] = []
    grids: list[Grid] = []
    page.grids = grids if _render(container, lines, grids=grids) else None
    page.body = container
    _finish(lines, page)
    _add_labelled_title(page, first=False)
    return page


# C0 control bytes but tab, LF and CR; none occurs inside a UTF-8 multi-byte sequence.
_CONTROL_BYTES = bytes(c for c in range(32) if c not in (9, 10, 13))


def parse_html(html: str) -> etree._Element:
    """The page's tree, parsed as parsel's `Selector(text=html)` parses it (same bytes, same libxml2 options).

    A plain `etree.HTMLParser`: `lxml.html`'s parser looks up a Python element class for every
    element proxy it hands out, a cost paid on every step of every walk below, for methods
    (`drop_tree`, `text_content`) that this module does not need (see `_drop`).
    """
    # libxml2 keeps C0 control characters in text nodes, and lxml then refuses them when a dropped
    # element's tail is moved (binary served as text/html, a stray \x0c in a Word paste).
    data = html.strip().encode("utf-8").translate(None, _CONTROL_BYTES) or b"<html/>"
    # A parser per call: parsers keep state and are not safe to share between threads.
    parser = etree.HTMLParser(recover=True, encoding="utf-8", huge_tree=True)
    root = etree.fromstring(data, parser=parser)
    return root if root is not None else etree.fromstring(b"<html/>", parser=parser)


def _read_meta(root: etree._Element) -> dict[str, str]:
    meta: dict[str, str] = {}
    for el in root.iter("meta"):
        name = el.get("name") or el.get("property") or el.get("http-equiv")
        content = el.get("content")
        if name and content is not None:
            meta.setdefault(name.strip(), normalize_spaces(content).strip())
    return meta


def _links(el: etree._Element) -> list[etree._Element]:
    """`el.xpath(".//a[@href]")`: the links below `el`, in document order."""
    return [a for a in el.iterdescendants("a") if a.get("href") is not None]


def _drop(el: etree._Element) -> None:
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


def _drop_invisible(root: etree._Element, page: CleanPage) -> None:
    for el in list(root.iter(*_DROP_TAGS)):
        if el.tag == "script" and (el.get("type") or "").endswith("xml"):
            continue  # a Hanweb datastore: not visible, but harmless
        _drop(el)
    for el in list(root.iter(etree.Comment)):
        _drop(el)
    hidden = _HIDDEN_CANDIDATES_XPATH(root)
    for el in hidden:
        style = el.get("style") or ""
        if el.get("hidden") is None and el.get("aria-hidden") != "true" and not _HIDDEN_STYLE_RE.search(style):
            continue
        text = clean_line(" ".join(el.itertext()))
        if text and (looks_like_spam(text) or _ABSOLUTE_LINKS_XPATH(el)):
            link_texts = [clean_line(" ".join(a.itertext())) for a in el.iter("a")]
            page.spam.extend(t for t in link_texts if t) if any(link_texts) else page.spam.append(text[:200])
        _drop(el)
    for el in list(root.iter(*_JUNK_TAGS)):
        text = clean_line(" ".join(el.itertext()))
        if text:
            page.spam.append(text[:200])
        _drop(el)


def _drop_spam_links(root: etree._Element, host: str, page: CleanPage) -> None:
    for a in _links(root):
        href = a.get("href") or ""
        text = clean_line(" ".join(a.itertext()))
        link_host = urlsplit(href).netloc.lower()
        offsite = bool(link_host) and link_host != host
        strong = SPAM_PHRASE_RE.search(text) is not None  # what remove_spam_phrases would cut: a match
        if strong or (offsite and (looks_like_spam(text) or looks_like_spam(href))):
            page.spam.append(text or href)
            _drop(a)


def _title_candidates(root: etree._Element, meta: dict[str, str]) -> list[str]:
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


def _all_text(el: etree._Element) -> str:
    """`"".join(el.itertext())`, serialised by libxml2 instead of a Python loop over the text nodes."""
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)


def _find_container(root: etree._Element) -> tuple[etree._Element, str]:
    body = root.find("body")
    body = body if body is not None else root
    index = _container_index(root)
    for selector in CMS_CONTAINERS:
        for el in index.get(selector, ()):
            if any(t.strip() for t in el.itertext()) or el.find(".//a") is not None:
                return el, selector
    body_text = len(squeeze(_all_text(body)))
    for selector in GENERIC_CONTAINERS:
        for el in index.get(selector, ()):
            text = len(squeeze(_all_text(el)))
            # Scoring every element by text density is only worth its cost when no container is found.
            if text >= 0.4 * body_text or text >= 2000:
                return el, selector
    scores = _text_density_scores(root)
    return (max(scores, key=scores.__getitem__) if scores else body), "density"


def _labels_outside(root: etree._Element, container: etree._Element) -> dict[str, str]:
    """Date and metadata labels from the page around the body (labels inside it are read by `_finish`)."""
    labels: dict[str, str] = {}
    parent = container.getparent()
    placeholder = etree.Element("span")
    if parent is not None:
        parent.replace(container, placeholder)  # render only the chrome around the body: it is small
    try:
        lines: list[str] = []
        body = root.find("body")
        _render(body if body is not None else root, lines)
    finally:
        if parent is not None:
            parent.replace(placeholder, container)
    for line, compact in zip(lines, _match_forms(lines), strict=True):
        if is_label_line(line, compact):
            for key, value in parse_labels(line).items():
                labels.setdefault(key, value)
    return labels


def _article_area(container: etree._Element) -> etree._Element:
    """The container's parent: attachment lists (「附件：」, 「年报下载：」) often sit right beside the body."""
    parent = container.getparent()
    return parent if parent is not None and parent.tag not in ("body", "html") else container


def _collect_attachments(container: etree._Element, url: str, page: CleanPage) -> None:
    for a in _links(_article_area(container)):
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
        _render(sibling, lines)
        for line in lines[:5]:
            attachment = attachment_from_line(line)
            if attachment and attachment["type"] and not any(a["name"] == attachment["name"] for a in page.attachments):
                page.attachments.append(attachment)


def _cell_text(cell: etree._Element) -> str:
    """A table cell's text on one display line: its text nodes joined by spaces, blanks normalised."""
    if len(cell):
        return _line_cell(" ".join(filter(None, cell.itertext())))
    text = cell.text  # the common case (a number, a short label): no text nodes to gather
    return _line_cell(text) if text else ""


def _line_cell(text: str) -> str:
    text = clean_line(text)
    return text.replace("\t", " ") if "\t" in text else text


def _render(el: etree._Element, lines: list[str], depth: int = 0, grids: list[Grid] | None = None) -> bool:
    """Append `el`'s text to `lines`: blocks start new lines, tables become tab-separated rows.

    With `grids`, also append the grid of every innermost table (what `tables.html_grids(el)` gives),
    reading each cell once for both; returns False when some table was not reached (then `grids`
    is incomplete).
    """
    renderer = _Renderer(lines, grids)
    renderer.walk(el, depth)
    renderer.flush()
    return renderer.complete


class _Renderer:
    """The state of one `_render` call: the text of the current line, buffered until a block ends it.

    A class rather than nested functions: a recursive closure is a reference cycle that only the garbage
    collector frees, on every page.
    """

    def __init__(self, lines: list[str], grids: list[Grid] | None) -> None:
        self.lines = lines
        self.grids = grids
        self.buf: list[str] = []
        self.complete = True

    def flush(self) -> None:
        buf = self.buf
        if not buf:
            return
        text = "".join(buf)
        buf.clear()
        if "\n" in text:
            self.lines.extend(part for part in text.split("\n") if part.strip())
        elif text.strip():
            self.lines.append(text)

    def walk(self, node: etree._Element, level: int) -> None:
        tag = node.tag  # for a comment or processing instruction, a function: equal to none of the names below
        buf = self.buf
        if tag == "table":
            self.flush()
            if self.grids is None:
                for row in node.iter("tr"):
                    cells = [_cell_text(c) for c in row.iterchildren("td", "th")]
                    if any(cells):
                        self.lines.append("\t".join(cells))
            else:
                _render_table(node, self.lines, self.grids)
            return
        if tag == "br":
            buf.append("\n")
            return
        block = tag in _BLOCK_TAGS
        if block and buf:  # `flush()` does nothing on an empty buffer: spare the call
            self.flush()
        text = node.text
        if text and tag != "script" and tag != "style":
            buf.append(text)
        if len(node):
            deep = level > 300
            for child in node:
                if deep:
                    self.complete = False
                    buf.append(" ".join(child.itertext()))
                elif len(child):
                    self.walk(child, level + 1)
                elif (leaf_tag := child.tag) not in _NOT_INLINE:  # read once: lxml builds the name per read
                    # An inline leaf (most <span>, <a>, <font>): what `walk(child)` does, without the call.
                    leaf_text = child.text
                    if leaf_text and leaf_tag != "script" and leaf_tag != "style":
                        buf.append(leaf_text)
                elif leaf_tag in _LEAF_BLOCKS:
                    # A block leaf (most <p>): its text is a line of its own, as `walk(child)` makes it.
                    if buf:
                        self.flush()
                    leaf_text = child.text
                    if leaf_text:
                        buf.append(leaf_text)
                        self.flush()
                else:
                    self.walk(child, level + 1)
                tail = child.tail
                if tail:
                    buf.append(tail)
        if block and buf:
            self.flush()


def _render_table(table: etree._Element, lines: list[str], grids: list[Grid]) -> None:
    """A table's rows as lines (every <tr> inside it, nested ones too), and its innermost tables as grids."""
    trs = list(table.iter("tr"))
    own = table_rows(table) if table.find(".//table") is None else None
    if own is None or len(own) != len(trs):
        # Nested tables (or rows outside thead/tbody/tfoot): the lines and the grids read different rows.
        for row in trs:
            row_cells = [_cell_text(c) for c in row.iterchildren("td", "th")]
            if any(row_cells):
                lines.append("\t".join(row_cells))
        grids.extend(html_grids(table))
        return
    spanned = spanned_cells(table)
    grid_rows: list[RowSpec] = []
    for row in trs:
        cells: list[str] = []
        grid_texts: list[str] = []
        spans: list[Spans] | None = None
        for cell in row.iterchildren("td", "th"):
            text = cell.text
            if len(cell):
                cells.append(_cell_text(cell))
                grid_texts.append(table_cell_text(cell, restore=True))
            elif not text:
                cells.append("")
                grid_texts.append("")
            elif text.isprintable() and "  " not in text and text[0] != " " and text[-1] != " ":
                cells.append(text)  # no blank to normalise (see text.clean_line): most cells
                grid_texts.append(text)
            else:
                cells.append(_line_cell(text))
                grid_texts.append(_GRID_SPACE_RE.sub(" ", text).strip())
            if cell in spanned:
                if spans is None:
                    spans = [(None, None)] * (len(grid_texts) - 1)
                spans.append((cell.get("rowspan"), cell.get("colspan")))
            elif spans is not None:
                spans.append((None, None))
        grid_rows.append((grid_texts, spans))
        if any(cells):
            lines.append("\t".join(cells))
    if trs:
        grids.append(Grid(expand_rows(grid_rows), positional=True))


# --------------------------------------------------------------------------- text


def clean_text(text: str) -> CleanPage:
    """Clean a plain-text dump of a report page (like the seeds), a saved page or a document's text."""
    page = CleanPage(container="text")
    raw_lines = [_clean_row(line) for line in text.splitlines()]
    raw_lines = [_BOLD_MARKERS_RE.sub("", line) for line in raw_lines]
    header, start = dump_header(raw_lines)
    page.labels.update(header)
    lines = [line for line in raw_lines[start:] if line]
    if lines and _RUN_IN_CRUMB_RE.match(lines[0]):
        lines[0] = _cut_run_in_chrome(lines[0], page)
    heading = title_from_lines(lines[:_TITLE_WINDOW])
    if heading:
        page.titles.append(heading)
    _finish(lines, page, mend_breaks=True)
    # A text's own title label (「标题: …」, in a dump header or a label line) names it best.
    _add_labelled_title(page, first=True)
    return page


def _add_labelled_title(page: CleanPage, *, first: bool) -> None:
    """The value of a title label (「标题:」 of a saved page's header or metadata block) as a title candidate.

    Its label never goes with it (「标题:平潭综合实验区」 is no issuer). Report-like titles stay first.
    """
    labelled = next((page.labels[label] for label in TITLE_LABELS if page.labels.get(label)), None)
    if not labelled or len(labelled) > 120 or labelled in page.titles:
        return
    page.titles.insert(0 if first else len(page.titles), labelled)
    page.titles.sort(key=lambda t: not is_report_title(t))


TITLE_LABELS = ("标题", "文章标题", "题名", "信息名称")
"""Labels whose value is the document's title."""
_TITLE_WINDOW = 12
"""Lines at the top of a text where its title (or a cover's title block) stands."""
# The rule under a crawler's header that opens the page text: 「==================== 正文 ====================」.
_DUMP_RULE_RE = re.compile(r"^[=＝\-—_*#~]{3,}\s*(?:正文|内容|全文|原文|正文内容)?\s*[=＝\-—_*#~]*$")
_HEADER_LABEL_RE = re.compile(r"^(?P<label>[\u4e00-\u9fff]{2,8})\s*[:：]\s*(?P<value>.*)$")
_DUMP_HEADER_LINES = 20


def dump_header(lines: list[str]) -> tuple[dict[str, str], int]:
    """A crawler's or a saver's header above the page text: ({label: value}, index of the first text line).

    The header is label lines (「标题: …」「发布时间: …」「发布机构: …」「栏目: …」「原文链接: …」) closed by a
    rule (「==== 正文 ====」); nothing of it is page text, so none of it may become the issuer or the
    title's text. Without such a rule there is no header ({}, 0): label lines then go through the
    line filter like any page's.
    """
    for index, line in enumerate(lines[:_DUMP_HEADER_LINES]):
        if not _DUMP_RULE_RE.match(line.strip()):
            continue
        labels: dict[str, str] = {}
        for above in lines[:index]:
            match = _HEADER_LABEL_RE.match(above.strip())  # values as printed: 「2012-04-11 00:00」
            if match:
                labels.setdefault(match["label"], match["value"].strip())
        # Two labels at least: one could be a report's own sentence above a rule of dashes.
        return (labels, index + 1) if len(labels) >= 2 else ({}, 0)
    return {}, 0


_SENTENCE_RE = re.compile(r"[，。；！？,;]")
# A dump that joins a page's lines: the breadcrumb, title, 来源/时间 labels and share widgets run into the
# first paragraph on one line (「当前位置： 首页… 时间：2012-04-11 00:00 微信 微博 QQ空间 文件下载 本报告…」).
_RUN_IN_CRUMB_RE = re.compile(r"^(?:当前位置|您的位置|您现在的位置|当前的位置|所在位置)\s*[:：]")
_RUN_IN_WIDGETS = frozenset(
    (
        "微信", "微博", "QQ空间", "QQ", "全真版", "文字版", "文件下载", "打印", "打印本页", "关闭", "关闭窗口", "收藏",
        "分享", "分享到", "字号", "大", "中", "小", "相关链接:", "相关链接：", "-->", "【打印】", "【关闭】",
    )
)  # fmt: skip
_RUN_IN_REACH = 400
"""How far into such a line the chrome can run (a breadcrumb, a title, two labels, the widgets)."""


def _cut_run_in_chrome(line: str, page: CleanPage) -> str:
    """The line without the chrome run into its start: up to the last widget word within reach.

    The labels in that chrome (来源, 时间) are kept as evidence like any label line's. Without a widget
    word there, the end of the chrome is not known and the line stays whole.
    """
    first, end, at = 0, 0, 0
    for token in line[:_RUN_IN_REACH].split(" "):
        at += len(token) + 1
        if token in _RUN_IN_WIDGETS and at <= _RUN_IN_REACH:
            first = first or at - len(token) - 1
            end = at
    body = line[end:].strip()
    if not end or not body:
        return line
    for key, value in parse_labels(line[:first]).items():  # the labels stand before the widgets
        page.labels.setdefault(key, value)
    return body


_TITLE_PART_MAX = 40
"""A line of a title split over lines is short (a cover's, a PDF's first page)."""


def title_from_lines(lines: list[str]) -> str | None:
    """The report title at the top of a text: one line, or a title split over two or three short lines.

    「2024 年上海市科委政府信息公开工作」 over 「年度报告」 is one title; so is a cover's issuer line
    standing alone above (or else below) 「2024 年政府信息公开工作年度报告」, a title that names no body.
    Fewer lines are tried first, so that a heading above the title (「正文」) is not joined to it.
    """
    candidates = [line if "\t" not in line else "" for line in lines]
    for span in (1, 2, 3):
        for first in range(len(candidates) - span + 1):
            parts = candidates[first : first + span]
            if not all(parts) or (span > 1 and any(len(part) > _TITLE_PART_MAX for part in parts)):
                continue
            title = "".join(parts)
            if span > 1 and (any(part.endswith(_ENDS_SENTENCE) for part in parts[:-1]) or _SENTENCE_RE.search(title)):
                continue  # lines of a sentence, not of a title
            if len(title) > 80 or is_label_line(title) or not is_report_title(title):
                continue
            if issuer_from_title(title) is None:
                issuer = _cover_issuer(candidates, first, first + span)
                if issuer:
                    title = issuer + title
            return title
    return None


def _cover_issuer(lines: list[str], start: int, end: int) -> str | None:
    """The body's name on a line of its own just above the title lines [start, end), else just below."""
    for index in (start - 1, end):
        if 0 <= index < len(lines) and lines[index] and is_body_name(lines[index]):
            return squeeze(lines[index]).strip("（）()")
    return None


# --------------------------------------------------------------------------- shared


# Something `clean_line` would change in a cell of a tab-separated row: a blank other than a single
# space, or a blank at either end of a cell. Rows rendered from <table> cells rarely have any.
_UNCLEAN_CELL_RE = re.compile(
    r"[\r\f\v\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff\u202f]| {2}|^[^\S\t]|[^\S\t]$|[^\S\t]\t|\t[^\S\t]"
)


def _clean_row(line: str) -> str:
    """A display line; in a table row each cell is cleaned and the tabs kept, leading ones too."""
    if "\t" in line:
        # Every character `_UNCLEAN_CELL_RE` looks for is a space or unprintable (tabs aside): rows with
        # neither, most rows rendered from <table> cells, are clean without running it.
        if (" " not in line and line.replace("\t", "").isprintable()) or _UNCLEAN_CELL_RE.search(line) is None:
            return line.rstrip("\t")  # every cell is already clean
        return "\t".join(clean_line(cell) for cell in line.split("\t")).rstrip("\t")
    return clean_line(line)


# Longer lines cannot be chrome, labels or captions (see chrome.is_chrome_line/is_label_line).
_LONGEST_CHROME = 240
_ATTACHMENT_START_RE = re.compile(r"\s*(?:年报下载|附件|相关附件|下载附件|点击下载)")


def _finish(lines: list[str], page: CleanPage, *, mend_breaks: bool = False) -> None:
    """The line filter shared by HTML and text: chrome, attachments, spam, titles, broken words."""
    titles = {match_form(t) for t in page.titles[:3]}
    check_spam = has_spam_core("\n".join(lines))
    kept: list[str] = []
    cleaned = [_clean_row(raw) for raw in lines]
    for line, compact in zip(cleaned, _match_forms(cleaned), strict=True):
        if not line.strip():
            continue
        if len(line) > _LONGEST_CHROME and "\t" not in line and not (check_spam and has_spam_core(line)):
            kept.append(line)  # a paragraph: no chrome, label or caption line is this long
            continue
        attachment = attachment_from_line(line) if _ATTACHMENT_START_RE.match(line) else None
        if attachment is not None:
            if attachment["name"] and not any(a["name"] == attachment["name"] for a in page.attachments):
                page.attachments.append(attachment)
            continue
        if check_spam and has_spam_core(line):
            if is_spam_line(line):
                page.spam.append(line)
                continue
            line, removed = remove_spam_phrases(line)
            page.spam.extend(removed)
            compact = match_form(line)
        if is_label_line(line, compact):
            for key, value in parse_labels(line).items():
                page.labels.setdefault(key, value)
            continue
        if "\t" not in line and is_chrome_line(line, compact, labels_checked=True):
            continue
        if compact in titles and len(kept) < 3:
            continue  # the title printed again above the body
        kept.append(line)
    if mend_breaks:
        kept = _mend_broken_lines(kept)
    page.lines = kept


def _match_forms(lines: list[str]) -> list[str]:
    """`[match_form(line) for line in lines]`, in one call on the lines joined by a separator that
    `match_form` keeps (NUL: not whitespace, not punctuation) and no line holds (else line by line)."""
    forms = match_form("\0".join(lines)).split("\0")
    return forms if len(forms) == len(lines) else [match_form(line) for line in lines]


def _mend_broken_lines(lines: list[str]) -> list[str]:
    """Join a word broken across a page or line break: 「…《条例》要」 + 「求，在市政府…」."""
    out: list[str] = []
    for line in lines:
        if (
            out
            and "\t" not in line
            and "\t" not in out[-1]
            and len(out[-1]) >= 20
            and not out[-1].endswith(_ENDS_SENTENCE)
            and "\u4e00" <= out[-1][-1] <= "\u9fff"
            and "\u4e00" <= line[0] <= "\u9fff"
            and not _HEADING_OR_LIST_RE.match(line)
        ):
            out[-1] += line
        else:
            out.append(line)
    return out
