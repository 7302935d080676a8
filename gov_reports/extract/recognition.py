"""Is this link worth fetching, and is the fetched page a 年报? Recognition by content.

Two steps (ISSUE 13 item 6). **Candidates** are picked broadly from listing
pages: real titles vary far beyond 「…政府信息公开工作年度报告」 (「关于…的年度报告」,
政务公开 wording, 年度 anywhere, short issuers, list titles cut short with 「…」,
bare years and file links inside a 年报 column), so one title regex misses
reports. Only navigation, news of meetings and titles that are traps whatever
the page says (an interpretation, a rule, the format notice, a draft, half-year
statistics, a website's yearly form: report-formats.md §9) are left out.

The **decision** is then made on the fetched, cleaned page (`decide`): its own
titles (ArticleTitle, headings, a 「标题:」 label, the first lines of a file),
the six 2019/2021 headings or the old-format ones, the 统计期限 / 本报告所列数据
sentence, the 《中华人民共和国政府信息公开条例》 citation, the statutory tables'
header words. Look-alikes are refused with a reason code: other documents that
are filed in 年报 columns or look like reports (notices about compiling the
reports, letters, plans, summaries, work reports, other annual reports,
budgets and final accounts, guides, website yearly statistics). Several of
them cite the 条例 and quote report numbers, so the title's kind counts first
and only strong report evidence (the headings or the tables) overturns a
non-conclusive kind, and only when the title also names the report itself.

Pure code (no Scrapy): the spider, the page extraction and the tests call it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from gov_reports.extract.candidate_links import is_annual_column_page, is_article_url, is_candidate_link, link_verdict
from gov_reports.extract.clean import CleanPage
from gov_reports.extract.sections import SIX_HEADINGS
from gov_reports.extract.text import match_form
from gov_reports.extract.title_kinds import (
    CN_DIGIT,
    OTHER_LABEL_RE,
    TITLE_LABEL_RE,
    RefusalKind,
    is_conclusive,
    names_disclosure_report,
    title_kind,
)
from gov_reports.extract.titles import is_report_title

__all__ = [
    "STRONG_EVIDENCE",
    "Decision",
    "address_kind",
    "body_evidence",
    "body_kind",
    "decide",
    "is_annual_column_page",
    "is_article_url",
    "is_candidate_link",
    "link_verdict",
    "own_titles",
    "title_kind",
]


# --------------------------------------------------------------------------- the decision on the page

# The addressee a notice or letter opens with: 「省政府办公厅:」, 「各区县(市)人民政府,市政府各部门:」.
_SALUTATION_END_RE = re.compile(
    r"(?:办公厅|办公室|人民政府|政府|各部门|各单位|有关单位|直属机构|各乡镇|街道|委员会|管委会|局|委|厅|处|科室|同志)$"
)
_LETTER_BODY_RE = re.compile(r"函告如下|特此函告|现函告|予以函复|特此函复|函复如下")
_NOTICE_BODY_RE = re.compile(r"通知如下|特此通知|请于\d|请各|请认真|遵照执行|印发给你们|报送至|联系人[:：]")
_COMPILE_BODY_RE = re.compile(
    r"(?:编制|报送|编报|发布)(?:和|、)?(?:发布|报送)?.{0,12}(?:年度报告|年报)|(?:年度报告|年报).{0,12}(?:编制|报送|编报)"
)
_FORMAT_BODY_RE = re.compile(r"年度报告格式.{0,40}(?:印发给|请遵照|遵照执行|认真贯彻)|印发给你们.{0,40}年度报告格式")
_BUDGET_BODY_RE = re.compile(r"收入支出(?:决算|预算)总表|财政拨款收入支出(?:决算|预算)总表|部门(?:决算|预算)表")
_WEBSITE_BODY = ("网站名称", "首页网址", "主办单位")
_WEBSITE_STATS_RE = re.compile(r"独立用户访问总量|网站总访问量|总访问量|栏目数量|信息发布总数")
_GUIDE_BODY_RE = re.compile(r"本指南|政府信息公开指南")
_GUIDE_DETAIL_RE = re.compile(r"办公时间|受理机构|邮政编码|传真|联系电话")
_PLAN_BODY_RE = re.compile(r"工作要点(?:印发给|如下|的通知)|工作计划如下|现将.{0,30}(?:工作要点|工作计划|实施方案)")

_REGULATION_RE = re.compile(r"《(?:中华人民共和国)?政府信息公开(?:工作)?条例》|《条例》")
_STAT_PERIOD_RE = re.compile(
    rf"统计(?:期限|时限|周期|时间|区间|范围|口径)[^。;]{{0,16}}?(?:(?:19|20)\d{{2}}|[{CN_DIGIT}]{{4}})年"
    r"|本(?:年度)?报告(?:中)?所列(?:的)?数据"
)
# Header words of the statutory tables 二/三/四 (report-formats.md §3-§4), in match form.
_TABLE_MARKERS = {
    "四": ("未经复议直接起诉", "复议后起诉", "尚未审结"),
    "三": (
        "本列数据的勾稽关系",
        "本年新收政府信息公开申请数量",
        "上年结转政府信息公开申请数量",
        "结转下年度继续办理",
        "社会公益组织",
    ),
    "二": ("本年制发件数", "现行有效件数", "本年新制作数量", "本年新公开数量", "对外公开总数量", "处理决定数量"),
}
# A Chinese-numeral enumerator (「三、」, 「三．」): where a heading may start; text dumps flatten paragraphs, so
# not only at line starts.
_ENUMERATOR_RE = re.compile(r"[一二三四五六七八九十][、.．]")
# Six-headings topics (the 2019/2021 formats), as the start of what follows an enumerator.
_SIX_HEADING_STARTS = tuple(tuple(variants) for variants in SIX_HEADINGS)
# Old-format (2008-2018) section topics (report-formats.md §7.1), matched on what follows an enumerator.
_OLD_HEADING_RES = tuple(
    re.compile(rf"(?:政府信息公开工作的?)?(?:{topic})")
    for topic in (
        r"概述|基本情况|总体情况",
        r"(?:政府信息)?主动公开",
        r"(?:政府信息)?依申请公开|(?:收到和)?处理政府信息公开申请",
        r"(?:政府信息公开的?)?收费|.{0,12}减免",
        r".{0,16}(?:行政复议|行政诉讼|申诉)",
        r".{0,12}(?:存在的?主要问题|存在问题|问题和改进|改进措施)",
    )
)
# The vocabulary every report has (the old page.py gate, kept: a page without it is no report whatever its title).
_REPORT_VOCABULARY = ("信息公开", "公开")
_REPORT_SUBJECTS = ("主动公开", "依申请", "申请", "政务公开")

STRONG_EVIDENCE = frozenset({"six_headings", "tables"})
_WEIGHTS = {"six_headings": 2, "tables": 2, "old_headings": 1, "stat_period": 1, "regulation": 1, "self_reference": 1}


@dataclass(frozen=True)
class Decision:
    """Whether a fetched page is a 年报, why (a reason code for the stats) and on what evidence."""

    is_report: bool
    reason: str
    """'report', or the refusal code: a look-alike kind, 'not_report_text' or 'no_report_evidence'."""
    evidence: tuple[str, ...] = ()
    """What was found: 'title', 'six_headings', 'old_headings', 'stat_period', 'regulation', 'tables',
    'self_reference', and for refusals 'title_kind:<kind>' or 'body:<kind>'."""
    title: str | None = None
    """The title the decision read (the page's own, else the list's)."""


def own_titles(page: CleanPage, listing_title: str | None) -> list[str]:
    """The document's titles in order of trust: ArticleTitle, a 「标题:」 label, the page's best title, the list's.

    Only the best of the page's title candidates: the others include sidebar box headings
    (「政府信息公开指南」, 「部门预决算」) that name no document of this page. A file or a text dump
    without a title has its first short lines instead (a cover, a heading).
    """
    page_titles = [page.meta.get("ArticleTitle") or "", page.labels.get("标题") or "", *page.titles[:1]]
    found = [t for t in page_titles if t and not OTHER_LABEL_RE.match(match_form(t))]
    if not found:
        found = [line for line in page.lines[:4] if "\t" not in line and len(line) <= 60][:2]
    if listing_title:
        found.append(listing_title)
    return list(dict.fromkeys(TITLE_LABEL_RE.sub("", t.strip()) for t in found if t.strip()))


def _heading_starts(compact: str) -> list[str]:
    """What follows each enumerator of the text (40 characters): where its headings would be.

    One regex scan, then short strings: faster than a scan of the whole text per heading (or per enumerator:
    `str.find` is slower than the regex engine on these texts).
    """
    return [compact[m.end() : m.end() + 40] for m in _ENUMERATOR_RE.finditer(compact)]


def body_evidence(page: CleanPage, compact: str) -> list[str]:
    """Which kinds of report evidence the body carries (see `Decision.evidence`)."""
    found: list[str] = []
    # What follows each enumerator, once: a few dozen short strings instead of a dozen scans of the text.
    heads = _heading_starts(compact)
    if sum(1 for variants in _SIX_HEADING_STARTS if any(h.startswith(variants) for h in heads)) >= 5:
        found.append("six_headings")
    elif sum(1 for pattern in _OLD_HEADING_RES if any(pattern.match(h) for h in heads)) >= 3:
        found.append("old_headings")
    if _STAT_PERIOD_RE.search(compact):
        found.append("stat_period")
    if _REGULATION_RE.search(compact):
        found.append("regulation")
    tables = 0
    for markers in _TABLE_MARKERS.values():
        tables += any(marker in compact for marker in markers)
        if tables >= 2:
            found.append("tables")
            break
    head = compact[:800]
    if re.search(r"本(?:年度)?报告|(?:信息公开|政务公开)(?:工作)?(?:年度报告|年报)", head):
        found.append("self_reference")
    return found


def body_kind(compact: str, evidence: Iterable[str]) -> RefusalKind | None:
    """A look-alike recognised by its body's structure: the format notice, a budget, a website's yearly form."""
    if "年度报告格式" in compact and _FORMAT_BODY_RE.search(compact):
        return "format_notice"  # the template carries the headings and the tables: strong evidence is no proof
    if STRONG_EVIDENCE & set(evidence):
        return None
    if ("总表" in compact or "算表" in compact) and _BUDGET_BODY_RE.search(compact):
        return "budget"
    if all(w in compact for w in _WEBSITE_BODY) and _WEBSITE_STATS_RE.search(compact):
        return "website_report"
    return None


_COLON_RE = re.compile(r"[:：]")


def _colons(text: str) -> list[int]:
    return [match.start() for match in _COLON_RE.finditer(text)]


def address_kind(compact: str) -> RefusalKind | None:
    """A look-alike recognised by how its body speaks: a letter, a notice organising the reports, a guide, a plan."""
    opening = compact[:600]
    salutation = any(_SALUTATION_END_RE.search(opening, max(0, i - 4), i) for i in _colons(opening))
    if salutation and _LETTER_BODY_RE.search(compact[:2000]):
        return "letter"
    if salutation and _COMPILE_BODY_RE.search(compact[:3000]) and _NOTICE_BODY_RE.search(compact):
        return "compilation_notice"
    if _GUIDE_BODY_RE.search(opening) and len(_GUIDE_DETAIL_RE.findall(compact)) >= 2:
        return "guide"
    if _PLAN_BODY_RE.search(opening):
        return "plan"
    return None


def decide(
    page: CleanPage, *, listing_title: str | None = None, text: str | None = None, compact: str | None = None
) -> Decision:
    """Is the cleaned page a 年报? `text`/`compact`: the body joined and its `match_form`, when the caller has them."""
    if compact is None:
        compact = match_form("\n".join(page.lines) if text is None else text)
    titles = own_titles(page, listing_title)
    evidence = body_evidence(page, compact)
    strong = bool(STRONG_EVIDENCE & set(evidence))
    report_titles = [t for t in titles if is_report_title(t)]
    title = report_titles[0] if report_titles else (titles[0] if titles else None)

    kinds = {candidate: title_kind(candidate) for candidate in titles}
    # 1. A title naming a look-alike that no content can overturn: an interpretation, a budget, a guide…
    for candidate, kind in kinds.items():
        if kind is not None and is_conclusive(kind):
            return Decision(False, kind, (f"title_kind:{kind}", *evidence), candidate)
    # 2. A body built like a look-alike's: the format notice, a budget's tables, a website's yearly form.
    kind = body_kind(compact, evidence)
    if kind is not None:
        return Decision(False, kind, (f"body:{kind}", *evidence), title)
    # 3. The main title, or the way the body speaks, names a look-alike (a letter, a plan, a work report, a
    #    notice): only strong report evidence with a title naming the report makes it one (a notice carrying it).
    main = next((t for t in titles if kinds[t] is not None or names_disclosure_report(t)), None)
    kind = kinds[main] if main else None
    source = "title_kind"
    if kind is None:
        kind, source = address_kind(compact), "body"
    if kind is not None:
        if strong and main is not None and names_disclosure_report(main):
            return Decision(True, "report", ("title", *evidence), main)
        return Decision(False, kind, (f"{source}:{kind}", *evidence), main or title)
    if not any(w in compact for w in _REPORT_VOCABULARY) or not any(w in compact for w in _REPORT_SUBJECTS):
        return Decision(False, "not_report_text", tuple(evidence), title)
    # 4. The evidence: a report title (and the vocabulary), or body evidence worth two.
    if report_titles:
        return Decision(True, "report", ("title", *evidence), title)
    if sum(_WEIGHTS[e] for e in evidence) >= 2:
        return Decision(True, "report", tuple(evidence), title)
    return Decision(False, "no_report_evidence", tuple(evidence), title)
