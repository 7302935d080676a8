"""Page chrome as lines: recognise it, and keep the evidence it carries.

Chrome (breadcrumbs, 字号 widgets, share bars, QR prompts, chatbots, counters,
metadata tables, footers) survives in text dumps and inside content containers,
so it is recognised line by line. Some chrome is evidence (the 「日期:」 line,
the metadata block's 发布机构 and 索引号): `parse_labels` reads it before the
line is dropped. Strings are from reference/chrome-and-spam.md.
"""

from __future__ import annotations

import re

from gov_reports.extract.text import match_form

# Labels of the 信息公开 metadata block and of date/source lines.
META_LABELS = (
    "索引号",
    "发布机构",
    "发文机关",
    "发文机构",
    "发布单位",
    "发布日期",
    "发布时间",
    "發布日期",
    "公开日期",
    "发文日期",
    "成文日期",
    "生成日期",
    "日期",
    "时间",
    "文号",
    "发文字号",
    "体裁分类",
    "主题分类",
    "组配分类",
    "服务对象分类",
    "分类",
    "信息分类",
    "有效性",
    "信息来源",
    "来源",
    "作者",
    "主题词",
    "关键词",
    "生效时间",
    "终止时间",
    "公开方式",
    "公开范围",
    "公开时限",
    "生命周期分类",
    "信息格式",
    "语种",
    "信息名称",
    "内容概述",
    "点击数",
    "點擊數",
    "浏览次数",
    "阅读次数",
    "访问量",
    "累计次数",
    "归档时间",
    "字体",
    "字号",
    "标题",
    "所属机构",
    "统一编号",
    "有效期",
    "文件编号",
    # A crawler's or a saved page's own header (「栏目: 政府信息公开年报」 reads as a report title).
    "栏目",
    "所属栏目",
    "原文链接",
    "原文地址",
    "本地目录",
    "采集时间",
)
_LABEL_ALT = "|".join(sorted(META_LABELS, key=len, reverse=True))
_LABEL_RE = re.compile(rf"({_LABEL_ALT}):")
_LABEL_VALUE_RE = re.compile(rf"(?P<label>{_LABEL_ALT}):(?P<value>.*?)(?=(?:{_LABEL_ALT}):|$)")
_LABEL_ONLY_RE = re.compile(rf"^(?:{_LABEL_ALT}):?$")
_LABEL_START_RE = re.compile(rf"^(?:{_LABEL_ALT}):")
# Any label word at all: a line without one cannot be a label line (checked first, it is most lines).
_ANY_LABEL_RE = re.compile(_LABEL_ALT)

_WIDGET_TOKENS = (
    "字号",
    "字体",
    "字體大小",
    "大",
    "中",
    "小",
    "默认",
    "打印",
    "打印本页",
    "打印此页",
    "关闭",
    "关闭窗口",
    "关闭本页",
    "收藏",
    "加入收藏",
    "分享",
    "分享到",
    "保存",
    "纠错",
    "我要纠错",
    "返回",
    "返回顶部",
    "返回頂部",
    "顶部",
    "上一篇",
    "下一篇",
    "发表评论",
    "互动社区",
    "[",
    "]",
    "【",
    "】",
    "|",
    "/",
    "",
    "A+",
    "A-",
    "A",
    "繁体",
    "简体",
    "繁體",
    "无障碍",
    "长者模式",
    "登录",
    "注册",
    "登錄",
    "简体|",
    "繁体|",
)
_WIDGET_SPLIT_RE = re.compile(r"[\s\[\]【】|/:：]+")
# What a widget line is made of: its words' characters, the separators, and whitespace (all of it
# is below U+3001).
_WIDGET_CHARS = frozenset(
    "".join(_WIDGET_TOKENS) + "[]【】|/:：" + "".join(c for c in map(chr, range(0x3001)) if c.isspace())
)
_CHROME_LINE_PATTERNS = (
    r"^(?:当前位置|您的位置|您现在的位置|当前的位置|所在位置|位置):",
    r"^(?:首页|主页|网站首页)\??(?:>|»|›|/|\?)",
    r".+>.+>.*$",  # a bare breadcrumb trail (checked with a length cap)
    r"^扫一扫在手机(?:上)?(?:打开|查看)当前页",
    r"^(?:手机)?扫一扫",
    r"^更多精彩内容.{0,12}二维码",
    r"^智小龙问答机器人",
    r"^hi!我是",
    r"^点击收听.{0,6}语音朗读",
    r"^正文内容区域请使用tab",
    r"^特殊稿件右侧区域内容请使用tab",
    r"^信息公开元数据",
    r"^\|{3,}",
    r"^(?:相关文章|相关链接|相关阅读|相关新闻|相关信息|相关推荐|延伸阅读)$",
    r"^(?:本页|本文)?(?:浏览|访问|阅读|点击)(?:次数|量|数)?:?\d*(?:次|人次)?$",
    r"^全文共[计計].{0,20}分[钟鐘]",
    r"^字[体體]大小",
    r"^(?:详细信息|公开具体内容|详细内容|文章详情)$",
    r"^(?:附件\d*|相关附件|附件列表|附件下载|下载附件):?$",
    r"无障碍|长者模式|简体\|?繁体|English|Русская|公務安全郵箱|政務服務門戶",
    r"^【?(?:打印本页|关闭窗口|打印|关闭)】?",
)
_BREADCRUMB = r".+>.+>.*$"
_BREADCRUMB_RE = re.compile(_BREADCRUMB)
# The other patterns as two regexes: the anchored ones tried once at the start of the line (an
# alternation of `^…` branches is otherwise tried at every character), the others searched.
_CHROME_LINE_START_RE = re.compile(
    "|".join(f"(?:{p[1:]})" for p in _CHROME_LINE_PATTERNS if p != _BREADCRUMB and p.startswith("^"))
)
_CHROME_LINE_ANYWHERE_RE = re.compile(
    "|".join(f"(?:{p})" for p in _CHROME_LINE_PATTERNS if p != _BREADCRUMB and not p.startswith("^"))
)
_FOOTER_TOKENS_RE = re.compile(
    r"主办单位|主办:|承办:|承办单位|技术支持|网站标识码|ICP备|ICP证|ICP\d{6}|E-mail:|公网安备|版权所有|Copyright|©|"
    r"网站地图|联系我们|网站声明|建议使用.{0,12}浏览器|分辨率"
)
# 「附件」 needs its colon (「附件是…」 is a sentence); the download phrases do not.
ATTACHMENT_LINE_RE = re.compile(
    r"^(?:(?:年报下载|附件下载|附件列表|相关附件|下载附件|点击下载)[:：]?|附件\d*[:：])\s*(?P<name>.*)$"
)
FILE_EXT_RE = re.compile(r"\.(pdf|docx?|wps|xlsx?|et|ofd|zip|rar|7z|txt|rtf|ceb|caj)\b", re.IGNORECASE)


def parse_labels(line: str) -> dict[str, str]:
    """Label/value pairs of a metadata or date line: 「发布时间:2017-02-22 发布机构:市政府办公厅」.

    Works on tab-separated table rows too (「索引号\\t014416330/2018-04736\\t分类\\t…」).
    """
    pairs: dict[str, str] = {}
    if "\t" in line:
        cells = [match_form(c) for c in line.split("\t")]
        i = 0
        while i < len(cells):
            cell = cells[i]
            if _LABEL_ONLY_RE.match(cell):
                label = cell.rstrip(":")
                following = cells[i + 1] if i + 1 < len(cells) else ""
                # The next cell is this label's value unless it is a label (with its own value) itself.
                value = "" if _LABEL_ONLY_RE.match(following) or _LABEL_START_RE.match(following) else following
                pairs.setdefault(label, value)
                i += 2 if value else 1
                continue
            pairs.update({k: v for k, v in parse_labels(cell).items() if k not in pairs})
            i += 1
        return pairs
    compact = match_form(line)
    for m in _LABEL_VALUE_RE.finditer(compact):
        pairs.setdefault(m["label"], m["value"].strip())
    return pairs


def is_label_line(line: str, compact: str | None = None) -> bool:
    """A line made of metadata/date labels and their values (and nothing else of substance)."""
    if len(line) > 240:
        return False
    compact = match_form(line) if compact is None else compact
    if len(compact) > 160 or not compact or not _ANY_LABEL_RE.search(compact):
        return False
    if "\t" in line:
        cells = [match_form(c) for c in line.split("\t")]
        if sum(1 for c in cells if _LABEL_ONLY_RE.match(c)) >= 2:
            return True
    labels = _LABEL_RE.findall(compact)
    if len(labels) >= 2:
        return True
    if len(labels) == 1 and compact.startswith(labels[0]):
        # One label at the start: 「日期:2021-03-05 13:32 来源:」 or 「字号:」; prose is longer.
        return len(compact) <= 60 and not compact.endswith("。")
    return False


def is_widget_line(line: str) -> bool:
    """Made only of widget words: 「字号: 大 中 小」, 「【打印本页】【关闭窗口】」, 「收藏」."""
    if len(line) > 60:
        return False
    if not all(map(_WIDGET_CHARS.__contains__, line)):
        return False  # a character no widget word has (whitespace splits tokens): most lines, decided cheaply
    tokens = [t for t in _WIDGET_SPLIT_RE.split(line.strip()) if t]
    if not tokens:
        return False
    return all(t in _WIDGET_TOKENS or t.strip("【】[]") in _WIDGET_TOKENS for t in tokens)


def is_chrome_line(line: str, compact: str | None = None, *, labels_checked: bool = False) -> bool:
    """True for a line of page chrome (not for the closing signature, which is report text).

    `labels_checked`: the caller has already found that `is_label_line(line, compact)` is False.
    """
    if len(line) > 400:
        return False  # prose paragraph: no chrome line is this long
    compact = match_form(line) if compact is None else compact
    if not compact:
        return True
    if is_widget_line(line) or (not labels_checked and is_label_line(line, compact)):
        return True
    if len(compact) <= 120:
        if _CHROME_LINE_START_RE.match(compact) or _CHROME_LINE_ANYWHERE_RE.search(compact):
            return True
        # A bare trail needs 首页 or two steps, and no sentence punctuation (two 「>」 at least to match).
        if (
            compact.count(">") >= 2
            and _BREADCRUMB_RE.search(compact)
            and not (("首页" not in compact and compact.count(">") < 2) or any(p in compact for p in "。,;"))
        ):
            return True
    return len(compact) <= 200 and bool(_FOOTER_TOKENS_RE.search(compact)) and not compact.endswith("。")


def attachment_from_line(line: str) -> dict[str, str | None] | None:
    """「年报下载:哈尔滨市2020政府信息公开工作报告.doc」 -> {url: None, name, type}."""
    match = ATTACHMENT_LINE_RE.match(match_form(line))
    if not match:
        return None
    name = match["name"].strip()
    ext = FILE_EXT_RE.search(name)
    if not ext:
        # 「附件:」 alone is an attachment caption (chrome): name None, nothing to record.
        return None if name.endswith(("。", ".")) else {"url": None, "name": name or None, "type": None}
    return {"url": None, "name": name, "type": ext.group(1).lower()}
