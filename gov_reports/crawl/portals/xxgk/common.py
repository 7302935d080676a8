"""What the xxgk adapter's views share: its name and addresses, and the readers both views use."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from parsel import Selector

from gov_reports.extract.text import clean_line

NAME = "xxgk"
SEARCH_PATH = "/module/xxgk/search.jsp"
ANNUAL_PATH = "/module/xxgk/xxgkAnnualReport.jsp"
SEARCH_IN_HTML_RE = re.compile(r"module/xxgk/search\.jsp", re.I)
SPACE_RE = re.compile(r"[\s\u00a0\u3000]+")
# The module's own error answers (a 200 page instead of the list).
ERROR_RE = re.compile(r"系统繁忙|系统错误|系统异常|出错了|访问出错|请求错误|参数错误|Exception|Error\s*\d{3}", re.I)


def attr(element: Selector, name: str, default: str = "") -> str:
    """One attribute, by XPath: `.attrib` builds every attribute and fails on names lxml cannot give back."""
    value = element.xpath(f"@{name}").get()
    return default if value is None else value


def is_module_link(url: str) -> bool:
    # The module's own scripts (search.jsp, the annual-report view, the tree) are list pages, not documents.
    return "/module/xxgk/" in urlsplit(url).path.lower()


def visible_text(sel: Selector) -> str:
    parts = sel.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)]").getall()
    return clean_line(" ".join(parts))
