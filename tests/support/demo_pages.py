"""The demo portal's pages read from data/demo, as the crawler would receive them from DemoPortal.

Shared by the extraction tests on the demo (tests/unit/test_extract_html.py, test_trust.py,
test_trust_consistency.py): each site gets a host of its own (BASES), a page is decoded with the charset the
demo server sends, and a report published only as a file is read as the crawl reads an attachment.
"""

from __future__ import annotations

import json
from typing import Any

from w3lib.encoding import html_to_unicode

from gov_reports.demo.files import site_file
from gov_reports.demo.server import default_root
from gov_reports.extract.documents.record import document_report
from gov_reports.extract.page import Page, PageSource, extract
from gov_reports.extract.saved_files import DOCUMENT_SUFFIXES
from gov_reports.model.record import AnnualReport
from tests.support.paths import DEMO_ROOT as DEMO

EXPECTED = json.loads((DEMO / "expected.json").read_text(encoding="utf-8"))
SITES: dict[str, dict[str, Any]] = json.loads((DEMO / "sites.json").read_text(encoding="utf-8"))["sites"]
# Each demo site is its own host, as when served by DemoPortal.
BASES = {name: f"http://127.0.0.1:{8001 + i}" for i, name in enumerate(sorted(SITES))}


def demo_page(site: str, path: str) -> tuple[str, str]:
    """(encoding, text) of a demo page, decoded as Scrapy would from the server's Content-Type."""
    charset = SITES[site]["charset"]
    content_type = f"text/html; charset={charset}" if charset else "text/html"
    return html_to_unicode(content_type, site_file(DEMO / site, path).read_bytes())


def demo_extract(site: str, path: str, official_hosts: frozenset[str] = frozenset()) -> AnnualReport:
    source = PageSource(url=BASES[site] + path, official_hosts=official_hosts)
    if is_demo_file(path):  # a report published only as a file (PDF, DOCX)
        data = (DEMO / site / path.lstrip("/")).read_bytes()
        return document_report(data, url=source.url, name=path.rsplit("/", 1)[-1], source=source)[0]
    return extract(Page(demo_page(site, path)[1], kind="html", source=source))


def is_demo_file(path: str) -> bool:
    return path.rsplit(".", 1)[-1].lower() in DOCUMENT_SUFFIXES


def page_text(site: str, path: str) -> str:
    """A demo page's text as the server's root holds it, decoded with its site's encoding (sites.json)."""
    data = site_file(default_root() / site, path).read_bytes()
    return data.decode("gb18030" if SITES[site]["encoding"] == "gbk" else "utf-8")
