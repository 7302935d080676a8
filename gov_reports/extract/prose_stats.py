"""Headline numbers stated in prose (pre-2019 reports, and later reports whose tables are lost).

Free-form reports say 「市本级平台公开各类政府信息16836条」, 「共受理信息公开申请8件」,
「报告行政复议4件」, 「未向申请人收取任何费用」. Each number is read from one
clause (text between ，；。) by a pattern anchored on the statutory wording,
so a category count (「主动公开应急救援信息 10 条」) or a percentage is not
taken for a total. A clause that says there were none (「未发生…行政复议案」,
「没有依申请收费…」) gives 0. The first statement of each quantity wins.

A count is taken only from a sentence about that count: an application count from one about
政府信息公开/依申请 requests, never 窗口受理, 办件, 热线 or 咨询 counts (「共受理审批事项117件」); the
主动公开 total before a channel's 「门户网站公开政府信息3636条」; 「未收到…信息公开申请」 is 0 applications,
「未收到…信息公开行政复议申请」 0 reconsiderations and nothing about applications. An old report's
统计表 (「指标名称 计量单位 本年度 历年累计」) fills what the sentences leave unsaid.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from gov_reports.extract.flat_tables import labelled_values, read_cells
from gov_reports.extract.numbers import parse_number, to_halfwidth_digits
from gov_reports.extract.tables import normalise_text
from gov_reports.extract.text import matches_at

PROSE_KEYS: tuple[str, ...] = (
    "proactive_total",
    "applications_received",
    "disclosed",
    "partially_disclosed",
    "not_disclosed",
    "not_held",
    "reconsideration",
    "litigation",
    "fees",
)
"""stats.prose keys; `fees` is in 元 (yuan)."""

_NUM = r"(?P<num>\d+(?:[.,]\s?\d+)*\s*[万亿]?|[〇零一二两三四五六七八九十百千万亿]+)\s*(?:余|多)?"
_QUOTE = r"[”\"」』]?"
_GAP = r"[^，,；;。\n]"  # stays inside one clause
_CLAUSE_END = re.compile(r"[，,；;。\n]")

# Every pattern starts with a literal (or a few) so the regex engine can skip ahead:
# conditions on what comes *before* the match are checked in `_accept`.
_COUNT_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (key, re.compile(pattern))
    for key, pattern in (
        (
            "proactive_total",
            r"公开(?:各类|各种)?(?P<gov>政府)?信息(?:的)?(?:共计?|总数|总量|数量)?(?:为|有|达)?"
            rf"\s*{_NUM}\s*(?:条|件|项)",
        ),
        (
            "applications_received",
            rf"(?:受理|收到|接到|接收|报告){_GAP}{{0,24}}?申请"
            rf"(?:公开(?:政府)?(?:信息)?)?(?:的)?(?:数量|总数|数)?(?:共计?|合计)?(?:为|有|达|是)?"
            rf"\s*{_NUM}\s*(?:件|条|宗)(?![一二三四五六七八九十])",
        ),
        ("partially_disclosed", rf"部分公开{_QUOTE}(?:的)?(?:申请)?(?:有|为|共)?\s*{_NUM}\s*(?:件|条|项)"),
        ("disclosed", rf"(?:同意|予以|全部)公开{_QUOTE}(?:的)?(?:申请)?(?:有|为|共)?\s*{_NUM}\s*(?:件|条|项)"),
        (
            "not_disclosed",
            rf"(?:不予以?|否决|不同意)公开{_QUOTE}(?:的)?(?:信息|申请)?(?:有|为|共)?\s*{_NUM}"
            r"\s*(?:件|条|项)",
        ),
        (
            "not_held",
            r"(?:非本(?:机关|部门|单位)(?:政府信息|掌握|信息)?|信息不存在|不属于本(?:机关|部门))"
            rf"{_QUOTE}(?:的)?(?:有|为|共)?\s*{_NUM}\s*(?:件|条|项)",
        ),
        ("reconsideration", rf"行政复议(?:案件|案|申请)?[^，,；;。\n\d%]{{0,10}}?{_NUM}\s*(?:件|起|宗|次|例)"),
        ("litigation", rf"行政诉讼(?:案件|案)?[^，,；;。\n\d%]{{0,10}}?{_NUM}\s*(?:件|起|宗|次|例)"),
    )
)
# Further ways to state a count, tried in order when the pattern above finds none; for the `_TIERED` keys the
# first of them comes before that pattern instead.
_LATER_PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    "proactive_total": (
        # 「全年主动公开我区各级单位政府信息2645条」 goes before 「门户网站公开政府信息3636条」 (a channel's count)
        re.compile(
            rf"主动公开(?:各类|各种)?(?:(?P<whose>{_GAP}{{0,12}}?)政府)?信息(?:的)?(?:共计?|总数|总量|数量)?"
            rf"(?:为|有|达)?\s*{_NUM}\s*(?:条|件|项)"
        ),
        # 「通过部门网站当年发布政府信息393件」
        re.compile(rf"发布(?:各类|各种)?政府信息(?:共计?|总数|总量)?(?:为|有|达)?\s*{_NUM}\s*(?:条|件|项)"),
    ),
    # 「本年度全区共收到70件申请」, 「受理政府信息公开申请的有5件」 in the other order
    "applications_received": (
        re.compile(rf"(?:受理|收到|接到|接收)(?:了)?(?:各类)?\s*{_NUM}\s*件(?:政府信息公开|信息公开|依申请公开)?申请"),
    ),
}
_TIERED = ("proactive_total",)
"""Keys whose first `_LATER_PATTERNS` pattern outranks the main one wherever in the text each is found."""
# Clauses about other counts that use the same words: service windows, 办件, hotlines, consultations.
_OTHER_COUNTS = re.compile(r"窗口|办件|热线|咨询|审批|许可|信访|投诉|来电|来信|收件")
_CATEGORY = re.compile(r"其他|其它|类|领域|方面|关于|有关|涉及|重点|专项|中")
_ABOUT_APPLICATIONS = re.compile(r"公开|依申请")
_NEGATION = re.compile(r"(?<!尚)(?:未发生|未出现|未收到|未接到|未有|没有|未|无(?!论))")
_ZERO_AFTER = re.compile(rf"{_GAP}{{0,20}}?(?:均为|为|是)(?:零|0)")
_ZERO_TERMS = {"reconsideration": re.compile("行政复议"), "litigation": re.compile("行政诉讼")}
# Sentences saying there was none of a count that has no term of its own to negate:
# 「未收到有关政府信息公开的申请」 (not 「…政府信息公开行政复议申请」: that one is about 行政复议).
_NONE_STATEMENTS: dict[str, re.Pattern[str]] = {
    "applications_received": re.compile(
        r"(?<!尚)(?:未|没有|无)(?:发生|出现|收到|接到|受理|产生)?(?:有关|任何|过)?(?:政府)?"
        r"(?:信息公开|依申请公开(?:政府信息)?)(?:的)?申请"
    ),
    "not_disclosed": re.compile(
        r"(?<!尚)(?:未|没有|无)(?:发生|出现|作出)?不予公开(?:政府)?信息(?:的)?(?:情况|申请|事项)"
    ),
}
_FEES = re.compile(rf"收取(?:任何)?{_GAP}{{0,16}}?费(?:用)?(?:{_GAP}{{0,8}}?{_NUM}\s*(?P<unit>万元|元))?|收费")
_FEES_NEGATED_TAKE = re.compile(r"(?:未|没有|不|无|免予?)(?:向申请人)?$")
_FEES_NONE_BEFORE = re.compile(r"没有|未发生|未产生")
_FEES_ZERO_AFTER = re.compile(r"(?:和减免)?(?:情况)?(?:均为|为)(?:零|0)")


def _clause_before(text: str, start: int, window: int = 40) -> str:
    """The part of the clause that precedes `start` (at most `window` characters)."""
    head = text[max(0, start - window) : start]
    ends = [m.end() for m in _CLAUSE_END.finditer(head)]
    return head[ends[-1] :] if ends else head


def _accept(key: str, text: str, match: re.Match[str]) -> bool:
    """Conditions on the words before a match that a leading-literal pattern cannot say."""
    before = text[max(0, match.start() - 3) : match.start()]
    if key == "proactive_total":
        # 「依申请公开政府信息」 and 「不予公开」 are not 主动公开; 「公开各类信息」 needs 主动
        if before.endswith(("申请", "不予")):
            return False
        if "whose" in match.re.groupindex:
            # whose information (「我区各级单位」), not which kind: 「其他政府信息」「重点领域政府信息」 are parts
            return match["whose"] is None or _CATEGORY.search(match["whose"]) is None
        return "gov" not in match.re.groupindex or bool(match["gov"]) or before.endswith("主动")
    if key == "disclosed":
        return not before.endswith("不")
    if key == "applications_received":
        clause = _clause_before(text, match.start()) + match.group()
        return _ABOUT_APPLICATIONS.search(clause) is not None and _OTHER_COUNTS.search(clause) is None
    return True


# The words a pattern's match must begin with, where its leading alternation gives the regex engine
# no literal to skip ahead to (it would try the pattern at every character of the report).
_LEADING_WORDS: dict[str, tuple[str, ...]] = {
    "applications_received": ("受理", "收到", "接到", "接收", "报告"),
    "disclosed": ("同意", "予以", "全部"),
    "not_disclosed": ("不予", "否决", "不同意"),
    "not_held": ("非本", "信息不存在", "不属于本"),
}


def _matches(key: str, pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, trying the pattern only where one of its leading words occurs."""
    words = _LEADING_WORDS.get(key)
    if words is None:
        yield from pattern.finditer(text)
        return
    starts: list[int] = []
    for word in words:
        at = text.find(word)
        while at != -1:
            starts.append(at)
            at = text.find(word, at + 1)
    yield from matches_at(pattern, text, starts)


def _first_count(key: str, pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first statement of `key`'s count: the best tier that says it, its first match there."""
    tiers = [pattern, *_LATER_PATTERNS.get(key, ())]
    if key in _TIERED:
        tiers = [tiers[1], tiers[0], *tiers[2:]]
    for tier in tiers:
        found = (m for m in (_matches(key, tier, text) if tier is pattern else tier.finditer(text)))
        match = next((m for m in found if _accept(key, text, m)), None)
        if match is not None:
            return match
    return None


def _first_none(term: re.Pattern[str], text: str, before: int | None = None) -> int | None:
    """Where the text first says there was none of `term` (「未发生…行政复议」, 「…为零」).

    With `before`, only a place before it is wanted (a count found there wins otherwise): None past it.
    """
    for m in term.finditer(text):
        if before is not None and m.start() >= before:
            return None
        if _NEGATION.search(_clause_before(text, m.start())) or _ZERO_AFTER.match(text, m.end()):
            return m.start()
    return None


def _fees(text: str) -> int | float | None:
    """Fees charged, in 元: the first amount, or 0 when the text first says none were charged."""
    for m in _FEES.finditer(text):
        if m["num"] is not None:
            value = _value(m)
            return parse_number(f"{value}万") if value is not None and m["unit"] == "万元" else value
        before = _clause_before(text, m.start(), 20)
        if m.group(0).startswith("收取"):
            if _FEES_NEGATED_TAKE.search(before):
                return 0
        elif _FEES_NONE_BEFORE.search(before) or _FEES_ZERO_AFTER.match(text, m.end()):
            return 0
    return None


def _value(match: re.Match[str]) -> int | float | None:
    return parse_number(match["num"])


def extract_prose_stats(text: str) -> dict[str, int | float | None]:
    """The PROSE_KEYS numbers stated in `text`; None where it does not say.

    Patterns keep within one clause (their gaps exclude ，；。), so each runs
    once over the whole text; the earliest statement wins, whether a number
    or a sentence saying there were none. What the sentences leave unsaid, an
    old report's 统计表 may print (`indicator_table_numbers`).
    """
    found: dict[str, int | float | None] = dict.fromkeys(PROSE_KEYS)
    text = to_halfwidth_digits(text)
    for key, pattern in _COUNT_PATTERNS:
        match = _first_count(key, pattern, text)
        before = match.start() if match is not None else None
        none_at = _first_none(_ZERO_TERMS[key], text, before) if key in _ZERO_TERMS else None
        if key in _NONE_STATEMENTS:
            said = _NONE_STATEMENTS[key].search(text)
            none_at = said.start() if said is not None else None
        if none_at is not None and (match is None or none_at < match.start()):
            found[key] = 0
        elif match is not None:
            found[key] = _value(match)
    found["fees"] = _fees(text)
    for key, value in indicator_table_numbers(text).items():
        if found[key] is None:
            found[key] = value
    return found


# --- The pre-2019 统计表 ------------------------------------------------------
# 「政府信息公开情况统计表 指标名称 计量单位 2011年度 历年累计 主动公开信息数 条 425 1516 …」: the old reports'
# indicator table, flattened. Its rows give the numbers the prose leaves unsaid (「行政诉讼数 条 0 0」).

_INDICATOR_TABLE = re.compile(r"指\s*标\s*名\s*称")
# A row name stands at the start of its label, after its numbering (「其中：1、」) or after the header's last word.
_ROW_START = r"(?:^|[:,.]|其中|累计)"
_INDICATOR_ROWS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (key, re.compile(rf"{_ROW_START}(?:{name})(?:条|件|项|个|宗)?$"))
    for key, name in (
        ("proactive_total", r"主动公开(?:政府)?(?:信息|文件)(?:总)?数"),
        ("applications_received", r"受理\S{0,10}?申请\S{0,6}?总?数"),
        ("partially_disclosed", r"同意部分公开(?:答复)?数"),
        ("disclosed", r"同意公开(?:答复)?数"),
        ("not_disclosed", r"(?:否决|不予|不同意)公开(?:答复)?(?:总)?数"),
        ("reconsideration", r"行政复议(?:案件)?数"),
        ("litigation", r"行政诉讼(?:案件)?数"),
    )
)


def _cumulative_check(values: list[int | float | None]) -> bool | None:
    """历年累计 includes the year: it is never smaller (what splits 「0 0」 glued as 「00」, not 「212210037」)."""
    year, total = values
    return None if year is None or total is None else year <= total


def indicator_table_numbers(text: str) -> dict[str, int | float]:
    """The PROSE_KEYS numbers an old report's 统计表 prints for the year (its first value column)."""
    start = _INDICATOR_TABLE.search(text)
    if start is None:
        return {}
    end = text.find("。", start.end())
    region = text[start.start() : end if end != -1 else len(text)]
    width = 2 if "累计" in normalise_text(region[:60]) else 1
    found: dict[str, int | float] = {}
    for label, values in labelled_values(region):
        name = normalise_text(label)
        for key, pattern in _INDICATOR_ROWS:
            if pattern.search(name):
                cells = read_cells(values, width, _cumulative_check if width == 2 else None)
                if key not in found and cells is not None and cells[0] is not None:
                    found[key] = cells[0]
                break
    return found


def prose_summary(prose: dict[str, Any]) -> dict[str, Any]:
    """The summary fields that prose numbers fill."""
    return {
        "proactive_total": prose.get("proactive_total"),
        "applications_new": prose.get("applications_received"),
        "reconsideration_total": prose.get("reconsideration"),
        "litigation_total": prose.get("litigation"),
        "fees": prose.get("fees"),
    }
