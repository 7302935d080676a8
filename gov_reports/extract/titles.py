"""Is this title an annual report, and which year and issuer does it name?

Used twice: by the spider to pick report links from listing pages (by link
text), and by the field extractor on the page's own title. The trap titles in
report-formats.md §9 look like reports and must be refused.
"""

from __future__ import annotations

import re

from gov_reports.extract.numbers import chinese_to_int
from gov_reports.extract.text import squeeze

_CN_YEAR = "[〇零○一二三四五六七八九]{4}"
_YEAR = rf"(?:(?:19|20)\d{{2}}|{_CN_YEAR})"

# The report's own name; 政务信息 and 政府信息 both occur (舒兰 2016), and so do
# 年度报告 / 工作报告 / 年报 / 情况的报告.
REPORT_NAME_RE = re.compile(
    r"(?:政府|政务)?信息公开(?:工作)?"
    r"(?:(?:19|20)\d{2}年度?(?:工作)?报告|年度报告|年度工作报告|工作报告|年报|情况的?报告|工作情况报告)"
    r"|\d{4}年报"
)
TRAP_RE = re.compile(
    r"报告制度|年报制度|文字解读|图解|解读|报告格式|年度报告格式|工作年度报表|网站工作年度报|网站年度报|"
    r"上半年|季度|月报|第[一二三四]季|统计表?$|通知$|的通知|指南|目录|征求意见|提纲|要点|工作方案|公示$"
)
# 「…年度报告（更正）」 and similar republications are reports, and preferred.
CORRECTION_RE = re.compile(r"[(（【\[]?(?:更正|修订|修正|更新)(?:版|稿)?[)）】\]]?")
_YEAR_IN_TITLE_RE = re.compile(rf"({_YEAR})\s*年")
_LEADING_NOISE_RE = re.compile(r"^(?:关于|附件\d*[:：]?|【[^】]*】)")


def is_report_title(title: str) -> bool:
    """True for a 政府信息公开工作年度报告 title, False for traps and anything else."""
    text = squeeze(title)
    if ">" in text or "当前位置" in text or len(text) > 100 or not REPORT_NAME_RE.search(text):
        return False  # breadcrumbs and sentences name reports too
    trap_part = CORRECTION_RE.sub("", text)
    # The format notice names the report type inside 《…》; real titles do not quote it.
    if "《" in trap_part and "格式" in trap_part:
        return False
    return not TRAP_RE.search(trap_part)


def is_trap_title(title: str) -> bool:
    """A report-like document that is not a report: a rule, an interpretation, the format notice…"""
    compact = squeeze(title)
    return "报" in compact and bool(TRAP_RE.search(compact)) and not is_report_title(compact)


def is_correction(title: str) -> bool:
    """True for a corrected/revised republication (「更正」, 「修订」)."""
    return bool(CORRECTION_RE.search(squeeze(title)))


def year_from_title(title: str) -> int | None:
    """The covered year named in a report title: 「…2020年…」, 「…工作2016年度报告」, 「二〇一六年…」."""
    text = squeeze(title)
    for match in _YEAR_IN_TITLE_RE.finditer(text):
        token = match.group(1)
        year = int(token) if token.isdigit() else chinese_to_int(token)
        if year and 1990 <= year <= 2100:
            return year
    short = re.search(r"((?:19|20)\d{2})年报", text)
    return int(short.group(1)) if short else None


def issuer_from_title(title: str) -> str | None:
    """The body named before the year or the report name: 「哈尔滨市2020年…」 -> 「哈尔滨市」."""
    text = _LEADING_NOISE_RE.sub("", squeeze(title))
    text = CORRECTION_RE.sub("", text)
    cut = len(text)
    for pattern in (_YEAR_IN_TITLE_RE, REPORT_NAME_RE):
        match = pattern.search(text)
        if match:
            cut = min(cut, match.start())
    head = text[:cut].rstrip("的关于《「“")
    if not head:
        # 「二〇一〇年某县政府信息公开…」: the body stands between the year and the report name.
        year, name = _YEAR_IN_TITLE_RE.search(text), REPORT_NAME_RE.search(text)
        if year and name and name.start() > year.end():
            head = text[year.end() : name.start()].lstrip("度")
    head = (
        re.sub(r"(?:政府|政务)$", "", head)
        if head.endswith(("政府", "政务")) and not head.endswith("人民政府")
        else head
    )
    return head or None
