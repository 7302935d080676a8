"""Is this copy of a report the official one, a hijacked mirror's, or can we not tell?

Expired and hijacked domains serve copies of government pages (reference
chrome-and-spam.md §2): the issuer's name replaced by a gambling brand
(「365bet(中国)官方网站 2024年政府信息公开工作年度报告」), a porn or gambling
`<title>` prepended, the body converted to Traditional characters with pinyin
glosses (「政(zheng)府(fu)」), the portal address in the body rewritten to the
mirror's own domain. Such copies keep the CMS paths of the original, so the URL
path proves nothing; the host and the content decide.

`assess` gives a verdict with stable reason codes (a code, or ``code:detail``):

Host (exactly one):
  ``gov_host``               the page's host is a government domain (*.gov.cn, *.gov)
  ``configured_host``        the host is one the crawl was told is official (start URLs, --host, sources)
  ``unofficial_host:<host>`` the host is neither (an off-host redirect, a page extracted with official=False)
  ``unverified_host``        a URL whose host nobody vouched for either way (offline extraction)
  ``no_url``                 no URL at all (a text dump)

Mirror signs (any one of them makes the copy a mirror, whatever its host):
  ``brand_issuer:<word>``    the issuer's name carries a brand (spam word, 官方网站/官网/娱乐/app, Latin letters)
  ``brand_title:<phrase>``   a title of the page (<title>, headings, ArticleTitle) carries gambling/porn spam
  ``brand_site_name``        the SiteName meta carries spam (「欧洲杯决赛竞猜_2024欧洲杯买球平台-线上app官网」)
  ``pinyin_gloss``           at least 3 characters glossed with pinyin: 「政(zheng)府(fu)」
  ``traditional_script``     the body is in Traditional characters (mainland reports are written in Simplified)
  ``site_name_mismatch:<SiteName>`` / ``site_id_mismatch:<code>``
                             the site's SiteName / SiteIDCode (网站标识码) lies in a division that neither
                             contains nor is contained in the issuer's — a mirror sign only on a host nobody
                             vouched for: on a government or configured host (the registry's hosts, the
                             portal's own site, a province's 集约化 platform hosting its counties' sites) the
                             site metadata is the hosting portal's, and it is a weak sign
  ``self_portal_address:<host>``
                             the body gives the page's own non-government host as a web address: the mirror
                             rewrote the portal address to itself (tgflt.cn, zwinkt.com)
  ``junk_tags``              SEO junk tags with random ids: <noframes id="zdbdv"><listing id="zdbdv">…
  ``spam_dense``             at least 6 spam items were removed, or at least 3 that make up 3% of the text

Weak signs (recorded; they make a mirror only on an unofficial host):
  ``nongov_address:<host>``  the body names a non-government web address that is not an official host
                             (an official page may quote a legacy or partner address, and the demo pages
                             quote the mirror's)
  ``spam_injected``          some spam was removed (hacked official pages get injections too)
  site signs on an official host (above)

Verdict:
  ``mirror``   any mirror sign; or an unofficial host with a weak sign;
  ``official`` otherwise, when the host is a government or configured host;
  ``unknown``  otherwise (no URL, an unverified host, or an unofficial host with a clean page).

The record's trust flags come from the same decision (`trust_flags`), so they
cannot contradict the verdict: ``mirror_suspected`` on every mirror and on an
``unknown`` copy whose body names a foreign address, never on an ``official`` one; ``unofficial_host``
exactly when the host reason says so; ``nongov_address:<host>`` as in the reasons.

`rejection` says whether a mirror copy must be dropped rather than kept: a copy
never invents an issuer, so a mirror whose issuer is a brand, or is not
recognisable as a government body (a Traditional or pinyin-garbled name that
would make a new key), is rejected. A mirror of a real issuer is kept with its
verdict: it may be the only surviving copy, and an official copy replaces it
whenever one is found (see gov_reports.model.merge).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from gov_reports.extract.regions import division_by_code, locate
from gov_reports.extract.spam import SPAM_PHRASE_RE
from gov_reports.extract.text import address_matches, squeeze
from gov_reports.model.vocabulary import Flag, FlagPrefix, SkipReason, TrustVerdict, TrustVerdictName

Verdict = TrustVerdictName
VERDICTS: tuple[Verdict, ...] = (TrustVerdict.OFFICIAL, TrustVerdict.MIRROR, TrustVerdict.UNKNOWN)

MIRROR_SIGNS = (
    "brand_issuer",
    "brand_title",
    "brand_site_name",
    "pinyin_gloss",
    "traditional_script",
    "site_name_mismatch",
    "site_id_mismatch",
    "self_portal_address",
    "junk_tags",
    "spam_dense",
)
WEAK_SIGNS = ("nongov_address", "spam_injected")
REJECTED = SkipReason.MIRROR_REJECTED

# One pinyin syllable (an initial, vowels with or without tone marks, a final n/ng/r) in brackets right
# after a character: 「政(zheng)」, 「號(hào)」. Whole syllables only, so a WeChat id in brackets
# (「政务微博(hrbzw)」) is not taken for a gloss.
_SYLLABLE = r"(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?[aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,3}(?:ng|n|r)?"
PINYIN_GLOSS_RE = re.compile(rf"[\u4e00-\u9fff]\({_SYLLABLE}\)")
PINYIN_GLOSS_STRIP_RE = re.compile(rf"(?<=[\u4e00-\u9fff])\({_SYLLABLE}\)")
MIN_PINYIN_GLOSSES = 3
_TITLE_TAG_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
# Characters that exist only in Traditional writing (their Simplified forms differ), chosen among
# those common in government reports; none of them is used in Simplified text.
TRADITIONAL_CHARS = frozenset(
    "國開發機構號報門網與為這們會時對關從應條務區縣辦總計請見處過際實現進資訊證點擊數頁體經濟產業農電話費"
    "項單價級專題規劃標準類別結錯誤說該設認識議論評審訴訟權歸檔統責組織維護書記錄據態員長問個並東車軍運"
    "動勞醫藥衛環質監稅銀錢鐵陽隊雙難風飛齊龍萬廣廳圖團壓執場變當擔損擴歷歲殘氣決況沒溝滿災熱獨獲畫療盡確"
    "禮種積穩窮競築簡節糧紀約紅細終絡給絲綜綠緊線編練績續聯職聽興舉舊藝蘇補裝複覺視親觀討訓許診詢試詳課調"
    "談諮講讀讓負財貨購貸賣贊趨跡踐軌軟轉輕較輔輸連週達違遠適選遺還邊鄉鄰釋針鋼鎮閉間閱陣陸階險隱雜離靈"
    "順須預領頻額顯養館驗黨齡後裡麼來樣協"
    "爾濱陝蘭遼寧瀋灣臺鄭廈漢華蕪澤濰"  # in place names: a converted issuer name must not pass for a new body
)
_TRADITIONAL_RE = re.compile("[" + "".join(sorted(TRADITIONAL_CHARS)) + "]")  # C-level counting: a hot path
MIN_TRADITIONAL = 20
TRADITIONAL_SHARE = 0.03
DENSE_SPAM_ITEMS = 6
DENSE_SPAM_SHARE = 0.03
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
# The issuer's own name never holds these: they are what brand sites put where the body's name was.
_BRAND_WORDS_RE = re.compile(r"官方网站|官网|娱乐|平台|投注|博彩|app|[A-Za-z]{2,}", re.IGNORECASE)
_JUNK_TAG_RE = re.compile(r"<(?:noframes|listing|xmp|address)\s+id=[\"']?[a-z]{3,10}[\"']?\s*>", re.IGNORECASE)
MIN_JUNK_TAGS = 2
# An address starts with a scheme or a bare 「www.」; its host follows. Two plain regexes: a lookbehind
# tried at every position of a page's text costs a millisecond per page.
_ADDRESS_START_RE = re.compile(r"https?://|www\.", re.IGNORECASE)
_HOST_RE = re.compile(r"[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)+")
_IP_RE = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")
# Names of government bodies end like this (regions.normalize_issuer gives regions their 人民政府).
_GOV_BODY_RE = re.compile(
    r"(?:人民政府|政府|局|委员会|委|办公厅|办公室|办|厅|署|中心|院|所|队|站|部|总局|管委会|管理委员会|街道办事处|"
    r"办事处|镇|乡|会|处|馆|台|社)(?:办公室|办公厅)?$"
)


@dataclass(frozen=True)
class Trust:
    """A verdict and the reasons for it, in the order they were found."""

    verdict: Verdict
    reasons: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {"verdict": self.verdict, "reasons": list(self.reasons)}

    def has(self, code: str) -> bool:
        return any(r == code or r.startswith(code + ":") for r in self.reasons)


@dataclass(frozen=True, kw_only=True)
class TrustEvidence:
    """What one copy shows: where it was found and what its page says."""

    url: str = ""
    official: bool = True
    """The crawler's view: the host is one of its configured hosts (or nobody said otherwise)."""
    official_hosts: frozenset[str] = frozenset()
    """host[:port] the crawl was told are official; empty when nobody said (offline extraction)."""
    issuer: str = ""
    division_code: str | None = None
    """The issuer's division (six digits), when it was located."""
    titles: Sequence[str] = ()
    text: str = ""
    spam: Sequence[str] = ()
    site_name: str | None = None
    site_id_code: str | None = None
    raw: str = ""
    """The page as fetched (HTML or text), for what cleaning removes (junk tags)."""


OFFICIAL_HOST_REASONS = ("gov_host", "configured_host")


def assess(evidence: TrustEvidence) -> Trust:
    """The verdict on one copy (see the module docstring for the rules)."""
    host, host_reason = host_status(evidence)
    official_host = host_reason in OFFICIAL_HOST_REASONS
    signs: list[str] = []
    weak: list[str] = []
    signs += _brand_signs(evidence)
    glosses = _count_glosses(evidence.text)
    if glosses >= MIN_PINYIN_GLOSSES:
        signs.append("pinyin_gloss")
    if is_traditional(evidence.text):
        signs.append("traditional_script")
    # The site metadata of a page on an official host is the hosting portal's: never a mirror by itself.
    (weak if official_host else signs).extend(_site_signs(evidence))
    addresses = nongov_hosts(evidence.text)
    own = _site(host.split(":")[0]) if host else ""
    if own and not is_gov_host(own) and not _IP_RE.match(own) and own in {_site(a) for a in addresses}:
        signs.append(f"self_portal_address:{own}")
    if len(_JUNK_TAG_RE.findall(evidence.raw)) >= MIN_JUNK_TAGS:
        signs.append("junk_tags")
    weak += [
        f"{FlagPrefix.NONGOV_ADDRESS}{a}"
        for a in addresses
        if _site(a) != own and not _is_official(a, evidence.official_hosts)
    ]
    if evidence.spam and is_dense_spam(evidence.spam, evidence.text):
        signs.append("spam_dense")
    elif evidence.spam:
        weak.append("spam_injected")
    reasons = (host_reason, *signs, *weak)
    if signs:
        verdict: Verdict = TrustVerdict.MIRROR
    elif host_reason in ("gov_host", "configured_host"):
        verdict = TrustVerdict.OFFICIAL
    elif host_reason.startswith(Flag.UNOFFICIAL_HOST) and weak:
        verdict = TrustVerdict.MIRROR
    else:
        verdict = TrustVerdict.UNKNOWN
    return Trust(verdict, tuple(dict.fromkeys(reasons)))


def _is_official(host: str, official_hosts: frozenset[str]) -> bool:
    return host in official_hosts or host.split(":")[0] in official_hosts


def trust_flags(trust: Trust) -> list[str]:
    """The record's trust flags, derived from the verdict and its reasons (they cannot disagree with it)."""
    host_reason = trust.reasons[0] if trust.reasons else ""
    addresses = [r for r in trust.reasons if r.startswith(FlagPrefix.NONGOV_ADDRESS)]
    flags = []
    # On a host nobody vouched for, a foreign portal address in the body is the suspicion the flag names.
    if trust.verdict == TrustVerdict.MIRROR or (trust.verdict == TrustVerdict.UNKNOWN and addresses):
        flags.append(Flag.MIRROR_SUSPECTED)
    flags += addresses
    if host_reason.startswith(Flag.UNOFFICIAL_HOST):
        flags.append(Flag.UNOFFICIAL_HOST)
    return flags


def rejection(issuer: str, trust: Trust) -> str | None:
    """The stats reason for dropping a mirror copy (``mirror_rejected:<why>``), or None to keep it."""
    if trust.verdict != TrustVerdict.MIRROR:
        return None
    if trust.has("brand_issuer"):
        return f"{REJECTED}:brand_issuer"
    if not is_government_body(issuer):
        return f"{REJECTED}:unrecognised_issuer"
    return None


def brand_rejection(names: Sequence[str]) -> str | None:
    """When no issuer could be read at all: ``mirror_rejected:brand_issuer`` if a candidate name is a brand.

    A brand that swallowed the body's name can be too long to pass for a name
    (「365bet网上娱乐_365BETAPP官网_365体育平台网址人民政府合作交流办公室」); the copy is
    still a brand-issuer mirror, and is counted as one.
    """
    return f"{REJECTED}:brand_issuer" if any(brand_in(name) for name in names) else None


# --------------------------------------------------------------------------- the signs


def host_status(evidence: TrustEvidence) -> tuple[str, str]:
    """(host[:port] or '', the host reason)."""
    host = urlsplit(evidence.url).netloc.lower() if evidence.url else ""
    if not host:
        return "", "no_url"
    bare = host.split(":")[0]
    if is_gov_host(bare):
        return host, "gov_host"
    if host in evidence.official_hosts or bare in evidence.official_hosts:
        return host, "configured_host"
    if evidence.official and not evidence.official_hosts:
        return host, "unverified_host"
    return host, f"unofficial_host:{host}"


def is_gov_host(host: str) -> bool:
    host = host.lower().rstrip(".")
    return host.endswith((".gov.cn", ".gov")) or host in ("gov.cn", "gov")


def nongov_hosts(text: str) -> list[str]:
    """Web addresses in `text` whose host is not a government domain or an IP address, in order."""
    hosts: list[str] = []
    for start in address_matches(_ADDRESS_START_RE, text):
        bare_www = start.group(0).lower() == "www."
        if bare_www and _inside_a_name(text, start.start()):
            continue
        host_match = _HOST_RE.match(text, start.start() if bare_www else start.end())
        if host_match is None:
            continue
        host = host_match.group(0).lower().rstrip(".")
        if is_gov_host(host) or _IP_RE.match(host) or host in hosts:
            continue
        hosts.append(host)
    return hosts


def _count_glosses(text: str) -> int:
    """`len(PINYIN_GLOSS_RE.findall(text))`, the regex tried only before an ASCII 「(」 (rare in Chinese
    text) instead of at every Chinese character, where its first item matches."""
    count, end = 0, 0
    at = text.find("(", 1)
    while at != -1:
        if at - 1 >= end:
            match = PINYIN_GLOSS_RE.match(text, at - 1)
            if match:
                count += 1
                end = match.end()
        at = text.find("(", at + 1)
    return count


def _inside_a_name(text: str, pos: int) -> bool:
    """「www.」 preceded by a letter, digit or dot is part of a longer name (or of an address already seen)."""
    before = text[pos - 1] if pos else ""
    return bool(before) and ((before.isascii() and before.isalnum()) or before in "./-_")


def _site(host: str) -> str:
    """www.zwinkt.com and zwinkt.com are one site."""
    return host.removeprefix("www.")


def is_traditional(text: str) -> bool:
    """True when Traditional-only characters make up a real share of the Chinese text."""
    traditional = len(_TRADITIONAL_RE.findall(text))
    if traditional < MIN_TRADITIONAL:
        return False
    return traditional >= TRADITIONAL_SHARE * len(_CJK_RE.findall(text))


def is_dense_spam(spam: Sequence[str], text: str) -> bool:
    if len(spam) >= DENSE_SPAM_ITEMS:
        return True
    spam_chars = sum(len(s) for s in spam)
    return len(spam) >= 3 and spam_chars >= DENSE_SPAM_SHARE * (len(text) + spam_chars)


def brand_in(name: str) -> str | None:
    """The brand part of a name that should be a government body's, or None (pinyin glosses are not brands)."""
    compact = PINYIN_GLOSS_STRIP_RE.sub("", squeeze(name))
    match = SPAM_PHRASE_RE.search(compact) or _BRAND_WORDS_RE.search(compact)
    return match.group(0) if match else None


def _brand_signs(evidence: TrustEvidence) -> list[str]:
    signs: list[str] = []
    if evidence.issuer and (brand := brand_in(evidence.issuer)):
        signs.append(f"brand_issuer:{brand}")
    # Cleaning drops <head>, so the <title> a mirror prepends its keywords to is read from the raw page.
    title_tag = _TITLE_TAG_RE.search(evidence.raw[:20000])
    for title in (*evidence.titles, title_tag.group(1) if title_tag else ""):
        match = SPAM_PHRASE_RE.search(squeeze(title))
        if match:
            signs.append(f"brand_title:{match.group(0).strip('_-|')}")
            break
    if evidence.site_name and SPAM_PHRASE_RE.search(squeeze(evidence.site_name)):
        signs.append("brand_site_name")
    return signs


def _site_signs(evidence: TrustEvidence) -> list[str]:
    """SiteName / SiteIDCode in a division unrelated to the issuer's."""
    if not evidence.division_code:
        return []
    signs: list[str] = []
    if evidence.site_name:
        # Same-named divisions (朝阳区 in Beijing and in Changchun): prefer the issuer's.
        place = locate(squeeze(evidence.site_name), hint_code=evidence.division_code)
        if place is not None and not related_divisions(place.division.code, evidence.division_code):
            signs.append(f"site_name_mismatch:{squeeze(evidence.site_name)}")
    code = (evidence.site_id_code or "")[:6]
    division = division_by_code(code) if code.isdigit() else None
    if division is not None and not related_divisions(division.code, evidence.division_code):
        signs.append(f"site_id_mismatch:{evidence.site_id_code}")
    return signs


def related_divisions(a: str, b: str) -> bool:
    """True when one division contains the other (or they are the same)."""
    first, second = division_by_code(a), division_by_code(b)
    if first is None or second is None:
        return True  # an unknown code proves nothing
    width = 2 + 2 * min(first.rank, second.rank)
    return a[:width] == b[:width]


def is_government_body(issuer: str) -> bool:
    """A name that can be a government body's: Simplified, no brand, a division or a body suffix."""
    name = squeeze(issuer)
    if not name or brand_in(name) or PINYIN_GLOSS_RE.search(name) or _TRADITIONAL_RE.search(name):
        return False
    if re.search(r"[^\u4e00-\u9fff()（）·]", name):
        return False
    return locate(name) is not None or bool(_GOV_BODY_RE.search(name))
