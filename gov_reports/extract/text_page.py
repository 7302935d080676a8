"""What a plain text has instead of HTML markup: a crawler's dump header, chrome run into the first line,
a title over one to three lines at the top."""

from __future__ import annotations

import re

from gov_reports.extract.chrome import is_label_line, parse_labels
from gov_reports.extract.cleaned_page import CleanPage
from gov_reports.extract.line_filter import ENDS_SENTENCE
from gov_reports.extract.regions import is_body_name
from gov_reports.extract.text import squeeze
from gov_reports.extract.titles import is_report_title, issuer_from_title

BOLD_MARKERS_RE = re.compile(r"\*\*")
TITLE_LABELS = ("标题", "文章标题", "题名", "信息名称")
"""Labels whose value is the document's title."""
TITLE_WINDOW = 12
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
RUN_IN_CRUMB_RE = re.compile(r"^(?:当前位置|您的位置|您现在的位置|当前的位置|所在位置)\s*[:：]")
_RUN_IN_WIDGETS = frozenset(
    (
        "微信", "微博", "QQ空间", "QQ", "全真版", "文字版", "文件下载", "打印", "打印本页", "关闭", "关闭窗口", "收藏",
        "分享", "分享到", "字号", "大", "中", "小", "相关链接:", "相关链接：", "-->", "【打印】", "【关闭】",
    )
)  # fmt: skip
_RUN_IN_REACH = 400
"""How far into such a line the chrome can run (a breadcrumb, a title, two labels, the widgets)."""


def cut_run_in_chrome(line: str, page: CleanPage) -> str:
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
            if span > 1 and (any(part.endswith(ENDS_SENTENCE) for part in parts[:-1]) or _SENTENCE_RE.search(title)):
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
