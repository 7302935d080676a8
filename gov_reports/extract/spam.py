"""Injected gambling/porn spam: the lexicon and how to cut it out of a sentence.

Hijacked pages inject short phrases such as 「类似亚博的台子」 or
「麻将胡了最新官方版下载」 into genuine report text. A phrase is a spam core word
with spam-ish affixes around it (最新, 官方版, 下载, 类似, 的台子…), so removing
the whole phrase keeps the sentence around it intact.

Strong words are spam wherever they appear. Weak words (彩票, 棋牌, 竞猜…) occur
in genuine reports (福利彩票公益金, 棋牌运动管理中心), so in running text they only
count next to an unmistakable affix (彩票官网, 棋牌app). Off-site links and hidden
elements are judged with the wider `LINK_WORDS`, which adds words like 澳门 and
成人 that are too common in real text to cut from a sentence.
"""

from __future__ import annotations

import re

STRONG_WORDS = (
    "亚博",
    "麻将胡了",
    "365bet",
    "bet365",
    "bt365",
    "j9九游",
    "九游会",
    "网上娱乐",
    "菠萝视频",
    "国产精品",
    "一区二区",
    "久久久",
    "无码",
    "内射",
    "A片",
    "买球",
    "欧洲杯决赛竞猜",
    "开云体育",
    "葡京",
    "威尼斯人",
    "太阳城集团",
    "365体育",
    "体育平台网址",
    "百家乐",
    "老虎机",
    "娱乐城",
)
WEAK_WORDS = ("彩票", "投注", "竞猜", "棋牌", "欧洲杯", "博彩", "体育平台")
LINK_WORDS = (*STRONG_WORDS, *WEAK_WORDS, "九游", "澳门", "真人", "成人", "久久", "台子", "赌场")
# Affixes allowed around a strong core (they carry no meaning of their own there).
AFFIXES = (
    "最新官方版",
    "官方版",
    "官方网站",
    "官方",
    "官网",
    "最新",
    "正版",
    "下载",
    "手机版",
    "安卓版",
    "苹果版",
    "app",
    "平台",
    "网址",
    "入口",
    "登录",
    "注册",
    "在线",
    "免费",
    "观看",
    "类似",
    "的台子",
    "台子",
    "(中国)",
    "（中国）",
    "直播",
    "体育",
    "娱乐",
    "官网入口",
)
# Affixes that make a weak core unmistakably spam.
SPAM_AFFIXES = ("最新官方版", "官方版", "官网", "app", "手机版", "安卓版", "苹果版", "网址", "入口", "的台子", "类似")


def _alternation(words: tuple[str, ...]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


_AFFIX, _SPAM_AFFIX = _alternation(AFFIXES), _alternation(SPAM_AFFIXES)
_STRONG, _WEAK = _alternation(STRONG_WORDS), _alternation(WEAK_WORDS)
SPAM_PHRASE_RE = re.compile(
    rf"{_AFFIX}*{_STRONG}(?:{_AFFIX}|{_STRONG}|_)*"
    rf"|{_SPAM_AFFIX}+{_WEAK}(?:{_AFFIX}|{_WEAK})*"
    rf"|{_WEAK}{_SPAM_AFFIX}(?:{_AFFIX}|{_WEAK})*",
    re.IGNORECASE,
)
LINK_SPAM_RE = re.compile(_alternation(LINK_WORDS), re.IGNORECASE)
# Cores only, lower-cased, no IGNORECASE: the cheap test that lets clean pages skip the phrase regex.
_CORE_RE = re.compile(_alternation(tuple(w.lower() for w in (*STRONG_WORDS, *WEAK_WORDS))))


def has_spam_core(text: str) -> bool:
    """Fast pre-check: does `text` contain any word a spam phrase is built around?"""
    return _CORE_RE.search(text.lower()) is not None


_TRIM = " \t,.;:!?，。；：、！？|-_"


def remove_spam_phrases(text: str) -> tuple[str, list[str]]:
    """Cut spam phrases out of `text`; return the cleaned text and what was cut."""
    removed: list[str] = []

    def cut(match: re.Match[str]) -> str:
        removed.append(match.group(0))
        return ""

    return SPAM_PHRASE_RE.sub(cut, text), removed


def looks_like_spam(text: str) -> bool:
    """True when `text` has any spam word, weak ones included: for off-site links and hidden blocks."""
    return bool(LINK_SPAM_RE.search(text))


def is_spam_line(text: str) -> bool:
    """A whole line that is nothing but spam (like the Harbin seed's last line)."""
    cleaned, removed = remove_spam_phrases(text)
    return bool(removed) and not cleaned.strip(_TRIM)
