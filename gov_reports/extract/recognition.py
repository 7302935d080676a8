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
from typing import Literal
from urllib.parse import urlsplit

from gov_reports.extract.clean import CleanPage
from gov_reports.extract.sections import SIX_HEADINGS
from gov_reports.extract.text import match_form
from gov_reports.extract.titles import REPORT_NAME_RE, is_report_title

# --------------------------------------------------------------------------- titles

_CN_DIGIT = "〇零○一二三四五六七八九"
_YEAR_RE = re.compile(rf"(?<!\d)(?:19|20)\d{{2}}(?!\d)|[{_CN_DIGIT}]{{4}}")
_DISCLOSURE_RE = re.compile(r"信息公开|政务公开|政府信息|政务信息|公开工作")
_REPORT_WORD_RE = re.compile(r"报告|年报")
# 「年度报告」 / 「年报」 anywhere: 「关于…的年度报告」, 「XX局2021年度报告」, 「2021年报_审计局」.
_ANNUAL_REPORT_RE = re.compile(r"年度(?:工作)?报告|年报")
_TRUNCATED_RE = re.compile(r"…|\.{2,}$|。{3,}$")
# A bare year inside a 年报 column: 「2021年」, 「2020年度」, 「（2019年）」, 「2021年报」.
_BARE_YEAR_RE = re.compile(
    rf"^[(\[【]?(?:(?:19|20)\d{{2}}|[{_CN_DIGIT}]{{4}})\s*年?度?(?:年报|报告|年度报告)?[)\]】]?$"
)
# What a list shows besides its entries.
_NAVIGATION_RE = re.compile(
    r"^(?:首页|主页|网站首页|返回首页|回到首页|更多|更多>+|更多信息|查看更多|more|more>+|上一页|下一页|上页|下页|前页|后页|"
    r"尾页|末页|第一页|最后一页|跳转|转到|go|返回|返回顶部|返回列表|打印|打印本页|关闭|关闭窗口|收藏|加入收藏|设为首页|分享|"
    r"登录|注册|退出|联系我们|关于我们|网站地图|网站声明|隐私声明|版权声明|免责声明|使用帮助|帮助|无障碍|无障碍浏览|长者模式|"
    r"关怀版|english|繁體|繁体|简体|rss|纠错|我要纠错|\d{1,3}|[<>«»›‹]+)$",
    re.I,
)
_CONTACT_RE = re.compile(r"联系(?:我们|方式|电话|地址)|网站地图|ICP备|备案|网站标识码|主办单位|承办单位|技术支持")
# News of meetings and activities: never a report, however many report words they carry.
_NEWS_RE = re.compile(r"召开|举办|举行|部署会|推进会|动员会|培训|座谈|调研|视察|考察|会议|工作会|活动|开班|揭牌|签约")
# A column's or sub-column's name: a few characters before 年报 / 年度报告 and no year (「部门年报」, 「县区年报」).
_SUBCOLUMN_NAME_RE = re.compile(r"^[\u4e00-\u9fff()]{0,8}(?:年报|年度报告)(?:专栏|栏目|汇总|目录)?$")
_FILE_RE = re.compile(r"\.(?:pdf|docx?|wps|xlsx?|et|ofd|rtf)$", re.I)
# Labels a saved page or crawler dump puts before a title: 「标题: …」 is the title, 「栏目: …」 is not one.
_TITLE_LABEL_RE = re.compile(r"^(?:标题|题名|文章标题|信息名称|名称)\s*[:：]\s*")
_OTHER_LABEL_RE = re.compile(
    r"^(?:栏目|所属栏目|来源|信息来源|发布机构|发布时间|发布日期|索引号|文号|分类|当前位置)\s*[:：]"
)

RefusalKind = Literal[
    "draft",
    "interpretation",
    "rule",
    "format_notice",
    "period_statistics",
    "website_report",
    "budget",
    "guide",
    "compilation_notice",
    "letter",
    "work_summary",
    "work_report",
    "plan",
    "other_annual_report",
    "notice",
]


@dataclass(frozen=True)
class _TitleRule:
    kind: RefusalKind
    pattern: re.Pattern[str]
    conclusive: bool
    """True: no page content makes such a document a report (an interpretation stays one whatever it quotes)."""


# What a report is about, when its title names no disclosure: 「法治政府建设年度报告」, 「国资国企监管工作情况的报告」.
_OTHER_SUBJECT_RE = re.compile(
    r"法治|法制|依法行政|普法|行政执法|执法|建设|统计|审计|经营|社会责任|信用|质量|环境|生态|安全生产|慈善|国有资产|国资|"
    r"人大代表|政协|提案|建议|热线|12345|新闻发布|双随机|营商|绩效|财务|债务|监管|巡察|整改|述职|述廉|党建|廉政|扶贫|"
    r"乡村振兴|民生实事|国民经济|工作进展|网站"
)
# Where an issuer's name ends (its subject words are its own: 统计局, 住房和城乡建设局, 国有资产管理局).
_ISSUER_END_RE = re.compile(
    r"(?:人民政府|政府|委员会|管委会|办事处|办公厅|办公室|局|委|办|厅|署|院|中心|公司|镇|乡|街道)"
)
# Verbs of a notice that organises the reports rather than carrying one (报送 is not one: a 「关于报送…的函」
# may carry the report).
_COMPILE_VERBS = r"做好|编制|审核|督查|督促|检查|抽查|评估|评查|考核|核查|整改|通报"

TITLE_RULES: tuple[_TitleRule, ...] = (
    _TitleRule("draft", re.compile(r"征求意见稿|征求意见|送审稿|草案"), True),
    _TitleRule(
        "interpretation",
        re.compile(
            r"(?:解读|图解|读懂|看懂|问答).*(?:报告|年报)|(?:报告|年报).*(?:解读|图解|读懂|问答)|^(?:图解|解读)"
        ),
        True,
    ),
    _TitleRule("rule", re.compile(r"(?:报告|年报|公开)(?:工作)?制度|(?:报告|年报)(?:办法|规定|规范|细则)$"), True),
    _TitleRule("format_notice", re.compile(r"《[^》]*格式[^》]*》|(?:报告|年报)格式"), True),
    _TitleRule(
        "period_statistics", re.compile(r"上半年|下半年|前三季度|[一二三四1-4]季度|季报|月报|\d{1,2}月份|半年报"), True
    ),
    _TitleRule("website_report", re.compile(r"网站(?:工作)?(?:年度)?报表|网站年报"), True),
    _TitleRule("budget", re.compile(r"预算|决算"), True),
    _TitleRule("guide", re.compile(r"指南"), True),
    _TitleRule(
        "compilation_notice",
        re.compile(
            rf"(?:{_COMPILE_VERBS}).*(?:年度报告|年报).*(?:通知|通报|函)$|(?:年度报告|年报).*(?:{_COMPILE_VERBS})"
        ),
        True,
    ),
    _TitleRule("letter", re.compile(r"函$|的函[(（]|函告"), False),
    _TitleRule("work_summary", re.compile(r"工作总结|总结$|总结报告"), False),
    _TitleRule("work_report", re.compile(r"政府工作报告|述职报告|(?:情况|工作)(?:暨.*)?的?报告$"), False),
    _TitleRule(
        "plan", re.compile(r"工作要点|工作计划|工作方案|实施方案|工作安排|任务分工|重点任务|计划$|方案$"), False
    ),
    _TitleRule("other_annual_report", re.compile(r"年度报告|年报|年度工作报告"), False),
    _TitleRule("notice", re.compile(r"通知$|通报$|公告$|的通知[(（]|决定$|意见$|批复$"), False),
)
# Kinds that hold only when the report's subject is not disclosure (see `report_subject`).
_SUBJECT_KINDS = frozenset({"work_report", "other_annual_report"})
LINK_REFUSALS: frozenset[RefusalKind] = frozenset(
    {"draft", "interpretation", "rule", "format_notice", "period_statistics", "website_report"}
)
"""Kinds refused at the link already (counted `trap_link`): the §9 traps, that the page could never overturn."""


def compact_title(title: str) -> str:
    """The title as matched: no blanks, half-width punctuation, a leading 「标题:」 label cut."""
    return _TITLE_LABEL_RE.sub("", match_form(title))


def names_disclosure_report(title: str) -> bool:
    """The title names the 年报 itself: 「…政府信息公开工作年度报告」, 「…政务公开工作报告」, 「…信息公开年报」."""
    text = compact_title(title)
    if REPORT_NAME_RE.search(text):
        return True
    disclosure = _DISCLOSURE_RE.search(text)
    return bool(disclosure and _REPORT_WORD_RE.search(text, disclosure.end()))


def title_kind(title: str) -> RefusalKind | None:
    """The kind of look-alike a title names (a letter, a plan, a budget…), or None."""
    text = compact_title(title)
    if not text:
        return None
    for rule in TITLE_RULES:
        if rule.pattern.search(text):
            if rule.kind in _SUBJECT_KINDS and not _names_other_subject(text):
                continue  # 「…政务公开工作情况的报告」, 「XX统计局2021年报」: decided by content
            return rule.kind
    return None


def report_subject(title: str) -> str:
    """What the report in a title is about: after 「关于」, else after the issuer's name, up to 「报告」/「年报」.

    「XX国有资产管理局关于2022年度国资国企监管工作情况的报告」 -> 「2022年度国资国企监管工作情况的」;
    「XX市法治政府建设2021年度报告」 -> 「建设2021年度」; 「XX市统计局2021年报」 -> 「2021」;
    「XX局2021年人大代表建议办理情况报告」 -> 「2021年人大代表建议办理情况」.
    """
    text = compact_title(title)
    report = _REPORT_WORD_RE.search(text)
    head = text[: report.start()] if report else text
    if "关于" in head:
        return head[head.rindex("关于") + 2 :]
    # The issuer stands before the year (「…住房和城乡建设局2021年…」: not the 乡 of 城乡), else the title is all issuer
    # and subject (「…办理情况」: not the 办 of 办理).
    year = _YEAR_RE.search(head)
    ends = [m.end() for m in _ISSUER_END_RE.finditer(head, 0, year.start() if year else len(head))]
    return head[ends[-1] :] if ends else head


def _names_other_subject(text: str) -> bool:
    if "政府工作报告" in text and not _DISCLOSURE_RE.search(text):
        return True
    subject = report_subject(text)
    return bool(_OTHER_SUBJECT_RE.search(subject)) and not _DISCLOSURE_RE.search(subject)


def is_conclusive(kind: RefusalKind) -> bool:
    return next(rule.conclusive for rule in TITLE_RULES if rule.kind == kind)


# --------------------------------------------------------------------------- candidates

LinkVerdict = Literal["candidate", "trap"]


def is_navigation(title: str) -> bool:
    """首页, 更多, 下一页, page numbers, contact and footer links."""
    text = match_form(title).strip("»>›·|-_")
    return not text or bool(_NAVIGATION_RE.match(text)) or bool(_CONTACT_RE.search(text))


def is_file_url(url: str) -> bool:
    """A link to a document file (.pdf, .doc, .docx, .wps, .xls, .ofd…), by its path."""
    return bool(_FILE_RE.search(urlsplit(url).path))


_ARTICLE_URL_RE = re.compile(
    r"(?:t\d{8}_\d+|art_\d+_\d+|post_\d+|content_\d+|\d{5,}|[0-9a-f]{16,}|detail|content|show|article|view)[^/]*$", re.I
)
_COLUMN_URL_RE = re.compile(r"(?:/|index(?:_\d+)?\.s?html?|list(?:_\d+)?\.s?html?|default\.\w+|col\d+/?[^/]*)$", re.I)


# A dated directory (/2022/0128/, /202203/, /2024/1/23/) above a numbered file: where CMSes keep articles.
_DATED_ARTICLE_RE = re.compile(r"/(?:19|20)\d{2}(?:[01]\d)?(?:/\d{1,4}){0,2}/(?:[^/]+/)*[^/]*\d+[^/]*\.\w+$")


_DOCUMENT_QUERY_RE = re.compile(r"(?:^|&)(?:id|articleid|infoid|contentid|docid|fbtime|year|nd)=\w+", re.I)


def is_article_url(url: str) -> bool:
    """An article's address (t20220128_5021.html, art_4971_1011.html, /2022/0125/4101.html…), not a column's."""
    parts = urlsplit(url)
    if _COLUMN_URL_RE.search(parts.path):
        return False
    if _ARTICLE_URL_RE.search(parts.path) or _DATED_ARTICLE_RE.search(parts.path):
        return True
    # A dynamic page naming one document: ?id=123, ?articleId=…, xxgkAnnualReport.jsp?fbtime=2021&area=… (one year's).
    return bool(parts.query and _DOCUMENT_QUERY_RE.search(parts.query))


def link_verdict(title: str, url: str, in_annual_column: bool) -> LinkVerdict | None:
    """'candidate' (fetch it and decide on the page), 'trap' (a §9 look-alike by its title alone) or None.

    `in_annual_column`: the listing is a 年报 column (its name, its path, or how it was reached);
    there, bare years, file links and any title naming a year or 年度 are candidates too.
    """
    text = compact_title(title)
    if is_navigation(text) or _OTHER_LABEL_RE.match(text):
        return None
    if _SUBCOLUMN_NAME_RE.match(text):
        return None  # 「部门年报」, 「乡镇年报」: a (sub-)column, read as a list page or found by discovery
    kind = title_kind(text)
    if kind in LINK_REFUSALS and (_REPORT_WORD_RE.search(text) or "报表" in text or _YEAR_RE.search(text)):
        return "trap"  # a document's title (a column named 「政府信息公开制度」 is only navigation)
    if is_report_title(text):
        return "candidate"
    if _COLUMN_URL_RE.search(urlsplit(url).path):
        return None  # a column's address (…/, index.html, list.html): a 「2022年度」 sub-column, never a report page
    if _NEWS_RE.search(text) and not _ANNUAL_REPORT_RE.search(text):
        return None
    annual = bool(_YEAR_RE.search(text)) or "年度" in text
    disclosure = bool(_DISCLOSURE_RE.search(text))
    if _ANNUAL_REPORT_RE.search(text) or (disclosure and (annual or _REPORT_WORD_RE.search(text))):
        return "candidate"
    if _TRUNCATED_RE.search(text) and (annual or disclosure or _REPORT_WORD_RE.search(text)):
        return "candidate"  # 「平潭综合实验区2021年度政府信…」: the list cut the title; the page has it whole
    if in_annual_column and (is_file_url(url) or (annual and (is_article_url(url) or not _BARE_YEAR_RE.match(text)))):
        return "candidate"  # a bare 「2021年」 only where it points at an article: elsewhere it names a sub-column
    return None


def is_candidate_link(title: str, url: str, in_annual_column: bool) -> bool:
    """True when the link may be a report and the page must be fetched to decide."""
    return link_verdict(title, url, in_annual_column) == "candidate"


# Names of a 年报 column in a listing page's <title> or breadcrumb (portals.md §1).
_ANNUAL_COLUMN_NAME_RE = re.compile(
    r"(?:信息公开|政务公开)(?:工作)?(?:年度报告|年报)|年度报告|[^\w]?年报(?:专栏|栏目)?(?:$|[_\-|>])"
)
# Path tokens of 年报 columns (portals.md §1).
_ANNUAL_PATH_RE = re.compile(
    r"(?:^|/)(?:[a-z]*xxgk[a-z]*nb|gknb|[a-z]*ndbg[a-z]*|nb|bmnb|xinxigongkainianbao|nianbao)(?:/|$|_|\.)|"
    r"OpennessAnnualReport|AnnualReport",
    re.I,
)
_HTML_TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_BREADCRUMB_RE = re.compile(r"(?:当前位置|您的位置|所在位置|当前栏目|您现在的位置)\s*(?:[:：]|&nbsp;)(.{0,600})", re.S)
_TAG_RE = re.compile(r"<[^>]+>")


def is_annual_column_page(html: str, url: str) -> bool:
    """The listing page is a 年报 column: its <title>, breadcrumb or path says so."""
    if _ANNUAL_PATH_RE.search(urlsplit(url).path):
        return True
    names: list[str] = []
    title = _HTML_TITLE_RE.search(html[:20000])
    if title:
        names.append(title.group(1))
    crumb = _BREADCRUMB_RE.search(html)
    if crumb:
        names.append(_TAG_RE.sub(" ", crumb.group(1)).split("\n")[0])
    return any(_ANNUAL_COLUMN_NAME_RE.search(match_form(name.replace("&nbsp;", " "))) for name in names)


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
    rf"统计(?:期限|时限|周期|时间|区间|范围|口径)[^。;]{{0,16}}?(?:(?:19|20)\d{{2}}|[{_CN_DIGIT}]{{4}})年"
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
    found = [t for t in page_titles if t and not _OTHER_LABEL_RE.match(match_form(t))]
    if not found:
        found = [line for line in page.lines[:4] if "\t" not in line and len(line) <= 60][:2]
    if listing_title:
        found.append(listing_title)
    return list(dict.fromkeys(_TITLE_LABEL_RE.sub("", t.strip()) for t in found if t.strip()))


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
