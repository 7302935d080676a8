"""What a title says a page is: the annual report, or a look-alike's kind (a letter, a plan, a budget…)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from gov_reports.extract.text import match_form
from gov_reports.extract.titles import REPORT_NAME_RE

# --------------------------------------------------------------------------- titles

CN_DIGIT = "〇零○一二三四五六七八九"
YEAR_RE = re.compile(rf"(?<!\d)(?:19|20)\d{{2}}(?!\d)|[{CN_DIGIT}]{{4}}")
DISCLOSURE_RE = re.compile(r"信息公开|政务公开|政府信息|政务信息|公开工作")
REPORT_WORD_RE = re.compile(r"报告|年报")
# 「年度报告」 / 「年报」 anywhere: 「关于…的年度报告」, 「XX局2021年度报告」, 「2021年报_审计局」.
ANNUAL_REPORT_RE = re.compile(r"年度(?:工作)?报告|年报")
TRUNCATED_RE = re.compile(r"…|\.{2,}$|。{3,}$")
# A bare year inside a 年报 column: 「2021年」, 「2020年度」, 「（2019年）」, 「2021年报」.
BARE_YEAR_RE = re.compile(rf"^[(\[【]?(?:(?:19|20)\d{{2}}|[{CN_DIGIT}]{{4}})\s*年?度?(?:年报|报告|年度报告)?[)\]】]?$")
# What a list shows besides its entries.
NAVIGATION_RE = re.compile(
    r"^(?:首页|主页|网站首页|返回首页|回到首页|更多|更多>+|更多信息|查看更多|more|more>+|上一页|下一页|上页|下页|前页|后页|"
    r"尾页|末页|第一页|最后一页|跳转|转到|go|返回|返回顶部|返回列表|打印|打印本页|关闭|关闭窗口|收藏|加入收藏|设为首页|分享|"
    r"登录|注册|退出|联系我们|关于我们|网站地图|网站声明|隐私声明|版权声明|免责声明|使用帮助|帮助|无障碍|无障碍浏览|长者模式|"
    r"关怀版|english|繁體|繁体|简体|rss|纠错|我要纠错|\d{1,3}|[<>«»›‹]+)$",
    re.I,
)
CONTACT_RE = re.compile(r"联系(?:我们|方式|电话|地址)|网站地图|ICP备|备案|网站标识码|主办单位|承办单位|技术支持")
# News of meetings and activities: never a report, however many report words they carry.
NEWS_RE = re.compile(r"召开|举办|举行|部署会|推进会|动员会|培训|座谈|调研|视察|考察|会议|工作会|活动|开班|揭牌|签约")
# A column's or sub-column's name: a few characters before 年报 / 年度报告 and no year (「部门年报」, 「县区年报」).
SUBCOLUMN_NAME_RE = re.compile(r"^[\u4e00-\u9fff()]{0,8}(?:年报|年度报告)(?:专栏|栏目|汇总|目录)?$")
FILE_RE = re.compile(r"\.(?:pdf|docx?|wps|xlsx?|et|ofd|rtf)$", re.I)
# Labels a saved page or crawler dump puts before a title: 「标题: …」 is the title, 「栏目: …」 is not one.
TITLE_LABEL_RE = re.compile(r"^(?:标题|题名|文章标题|信息名称|名称)\s*[:：]\s*")
OTHER_LABEL_RE = re.compile(
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
    return TITLE_LABEL_RE.sub("", match_form(title))


def names_disclosure_report(title: str) -> bool:
    """The title names the 年报 itself: 「…政府信息公开工作年度报告」, 「…政务公开工作报告」, 「…信息公开年报」."""
    text = compact_title(title)
    if REPORT_NAME_RE.search(text):
        return True
    disclosure = DISCLOSURE_RE.search(text)
    return bool(disclosure and REPORT_WORD_RE.search(text, disclosure.end()))


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
    report = REPORT_WORD_RE.search(text)
    head = text[: report.start()] if report else text
    if "关于" in head:
        return head[head.rindex("关于") + 2 :]
    # The issuer stands before the year (「…住房和城乡建设局2021年…」: not the 乡 of 城乡), else the title is all issuer
    # and subject (「…办理情况」: not the 办 of 办理).
    year = YEAR_RE.search(head)
    ends = [m.end() for m in _ISSUER_END_RE.finditer(head, 0, year.start() if year else len(head))]
    return head[ends[-1] :] if ends else head


def _names_other_subject(text: str) -> bool:
    if "政府工作报告" in text and not DISCLOSURE_RE.search(text):
        return True
    subject = report_subject(text)
    return bool(_OTHER_SUBJECT_RE.search(subject)) and not DISCLOSURE_RE.search(subject)


def is_conclusive(kind: RefusalKind) -> bool:
    return next(rule.conclusive for rule in TITLE_RULES if rule.kind == kind)
