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

from urllib.parse import urlsplit

from gov_reports.extract.cleaned_page import CleanPage
from gov_reports.extract.container import collect_attachments, find_container, labels_outside
from gov_reports.extract.html_titles import title_candidates
from gov_reports.extract.html_tree import parse_html, read_meta
from gov_reports.extract.invisible import drop_invisible, drop_spam_links
from gov_reports.extract.line_filter import clean_row, filter_lines
from gov_reports.extract.render import render
from gov_reports.extract.tables import Grid
from gov_reports.extract.text_page import (
    BOLD_MARKERS_RE,
    RUN_IN_CRUMB_RE,
    TITLE_LABELS,
    TITLE_WINDOW,
    cut_run_in_chrome,
    dump_header,
    title_from_lines,
)
from gov_reports.extract.titles import is_report_title

__all__ = ["CleanPage", "clean_html", "clean_text", "dump_header", "parse_html", "title_from_lines"]


# --------------------------------------------------------------------------- HTML


def clean_html(html: str, url: str = "") -> CleanPage:
    """Clean an HTML report page."""
    page = CleanPage()
    root = parse_html(html)
    if not isinstance(root.tag, str):
        return page
    page.meta = read_meta(root)
    host = urlsplit(url).netloc.lower()
    drop_invisible(root, page)
    drop_spam_links(root, host, page)
    page.titles = title_candidates(root, page.meta)
    container, how = find_container(root)
    page.container = how
    page.labels = labels_outside(root, container)
    collect_attachments(container, url, page)
    page.image_count = sum(1 for _ in container.iterdescendants("img"))
    lines: list[str] = []
    grids: list[Grid] = []
    page.grids = grids if render(container, lines, grids=grids) else None
    page.body = container
    filter_lines(lines, page)
    _add_labelled_title(page, first=False)
    return page


# --------------------------------------------------------------------------- text


def clean_text(text: str) -> CleanPage:
    """Clean a plain-text dump of a report page (like the seeds), a saved page or a document's text."""
    page = CleanPage(container="text")
    raw_lines = [clean_row(line) for line in text.splitlines()]
    raw_lines = [BOLD_MARKERS_RE.sub("", line) for line in raw_lines]
    header, start = dump_header(raw_lines)
    page.labels.update(header)
    lines = [line for line in raw_lines[start:] if line]
    if lines and RUN_IN_CRUMB_RE.match(lines[0]):
        lines[0] = cut_run_in_chrome(lines[0], page)
    heading = title_from_lines(lines[:TITLE_WINDOW])
    if heading:
        page.titles.append(heading)
    filter_lines(lines, page, mend_breaks=True)
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
