"""What cleaning a page finds: `CleanPage`, the body lines and the evidence around them."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from gov_reports.extract.tables import Grid


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
