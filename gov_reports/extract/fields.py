"""The report's identity fields: title, year, issuer, dates, signature, addresses.

Each function takes what cleaning found (`CleanPage` and the body lines) and
returns one field, so each rule can be tested alone. Order of evidence follows
reference/report-formats.md §10 and crawling.md §5: the year from the title or
the 统计期限 sentence (never the publish date or URL); the publish date from
PubDate meta, then a labelled date, then the signature.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gov_reports.extract.clean import CleanPage
from gov_reports.extract.dates import find_dates, parse_date
from gov_reports.extract.numbers import chinese_to_int
from gov_reports.extract.regions import Place, locate, normalize_issuer
from gov_reports.extract.text import address_matches, match_form, squeeze
from gov_reports.extract.titles import is_report_title, issuer_from_title, year_from_title
from gov_reports.model.vocabulary import Flag, FlagPrefix

_STAT_PERIOD_RE = re.compile(
    r"统计(?:期限|时限|时间|区间|周期|范围)[^。;；]{0,12}?((?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})\s*年\s*(?:1|一|01)\s*月\s*(?:1|一|01)\s*日"
)
_BODY_YEAR_RE = re.compile(r"^((?:19|20)\d{2})\s*年(?:度|以来)?[,，]")
_SIGNATURE_DATE_RE = re.compile(
    r"^(?:(?P<org>[\u4e00-\u9fff（）()·]{2,40}?)\s*)?(?P<date>(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日)$"
)
_ORG_LINE_RE = re.compile(
    r"^[\u4e00-\u9fff（）()·]{2,40}(?:人民政府|政府|局|委员会|委|办公厅|办公室|办|厅|署|中心|院|所|街道办事处|管委会|管理委员会|镇|乡|队|站|馆|会)$"
)
_PORTAL_NAME_RE = re.compile(
    r"[“\"「]([\u4e00-\u9fff·]{2,20}?)(?:人民政府)?(?:门户网站|政府网站|政府门户网站|门户网|网站)[”\"」]"
)
# The host after http(s)://, or a bare 「www.…」 (kept in the host: the lookahead consumes nothing).
_ADDRESS_RE = re.compile(r"(?:https?://|(?<![\w.])(?=www\.))([a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)+)(?::\d+)?", re.I)


_IP_RE = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")
PUBDATE_META = ("PubDate", "pubdate", "publishdate", "PublishDate", "firstpublishedtime", "article:published_time")
DATE_LABELS = ("发布日期", "发布时间", "發布日期", "公开日期", "发文日期", "日期", "时间", "生成日期", "成文日期")
ISSUER_LABELS = ("发布机构", "发文机关", "发文机构", "发布单位", "所属机构")


@dataclass(kw_only=True)
class Signature:
    issuer: str | None = None
    date: str | None = None


def pick_title(page: CleanPage, listing_title: str | None) -> str | None:
    """The first report-like title: the page's own candidates, then the listing's link text."""
    for title in [*page.titles, listing_title or ""]:
        if title and is_report_title(title):
            return title
    return None


def stat_period_year(text: str) -> int | None:
    """「本年度报告中所列数据统计期限为2020年1月1日至12月31日」 -> 2020."""
    match = _STAT_PERIOD_RE.search(squeeze(text[:3000]))
    if not match:
        return None
    token = match.group(1)
    return int(token) if token.isdigit() else chinese_to_int(token)


def body_lead_year(lines: list[str]) -> int | None:
    """「2020年，我区…」 at the start of an early paragraph: a weak last resort."""
    for line in lines[:6]:
        match = _BODY_YEAR_RE.match(line)
        if match:
            return int(match.group(1))
    return None


def report_year(title: str | None, text: str, listing_title: str | None) -> tuple[int | None, list[str]]:
    """The covered year and any flags about how it was decided."""
    flags: list[str] = []
    from_title = year_from_title(title) if title else None
    from_period = stat_period_year(text)
    if from_title and from_period and from_title != from_period:
        flags.append(f"{FlagPrefix.YEAR_CONFLICT}title={from_title},period={from_period}")
    year = from_title or from_period or (year_from_title(listing_title) if listing_title else None)
    if year is None:
        year = body_lead_year(text.split("\n"))
        if year is not None:
            flags.append(Flag.YEAR_FROM_BODY)
    return year, flags


def signature(lines: list[str]) -> Signature:
    """The closing signature: 「虎林市人民政府」 over 「2021年2月4日」, or both on one line."""
    tail = [line for line in lines[-3:] if "\t" not in line]
    if not tail:
        return Signature()
    last = squeeze(tail[-1])
    match = _SIGNATURE_DATE_RE.match(last)
    if not match:
        return Signature()
    sig = Signature(date=parse_date(match["date"], fallback=False))
    if match["org"]:
        sig.issuer = match["org"]
    elif len(tail) >= 2 and _ORG_LINE_RE.match(squeeze(tail[-2])):
        sig.issuer = squeeze(tail[-2])
    return sig


def site_place(page: CleanPage) -> Place | None:
    """The site's own division, from SiteName or SiteIDCode meta: context for relative names."""
    site_name = page.meta.get("SiteName")
    place = locate(squeeze(site_name)) if site_name else None
    return place


def division_hint(page: CleanPage) -> str | None:
    code = page.meta.get("SiteIDCode") or page.labels.get("网站标识码") or ""
    return code[:6] if code[:6].isdigit() else None


def issuer_candidates(
    title: str | None, page: CleanPage, sig: Signature, text: str, listing_title: str | None
) -> list[tuple[str, str]]:
    """(raw name, where from) in order of trust."""
    found: list[tuple[str, str]] = []
    if title and (name := issuer_from_title(title)):
        found.append((name, "title"))
    if sig.issuer:
        found.append((sig.issuer, "signature"))
    for label in ISSUER_LABELS:
        value = page.labels.get(label)
        if value and len(value) <= 40:
            found.append((value, "metadata"))
    match = _PORTAL_NAME_RE.search(text[:1500])
    if match:
        found.append((match.group(1), "portal_name"))
    if listing_title and (name := issuer_from_title(listing_title)):
        found.append((name, "listing"))
    if page.meta.get("SiteName"):
        found.append((page.meta["SiteName"], "site_name"))
    return found


def pick_issuer(candidates: list[tuple[str, str]], context: Place | None) -> tuple[str | None, str | None]:
    """The first candidate that normalises to a plausible body name."""
    for raw, source in candidates:
        name = normalize_issuer(raw, context=context)
        if 2 <= len(name) <= 40 and re.search(r"[\u4e00-\u9fff]", name) and not re.search(r"\d{4}", name):
            return name, source
    return None, None


def published_date(
    page: CleanPage, sig: Signature, listing_date: str | None, year: int | None
) -> tuple[str | None, str | None, list[str]]:
    """(date, where from, flags): PubDate meta -> labelled date -> signature -> listing date."""
    candidates: list[tuple[str | None, str]] = []
    for name in PUBDATE_META:
        if page.meta.get(name):
            candidates.append((parse_date(page.meta[name]), "meta"))
    for label in DATE_LABELS:
        if page.labels.get(label):
            dates = find_dates(page.labels[label])
            candidates.append((dates[0] if dates else None, "label"))
    candidates.append((sig.date, "signature"))
    if listing_date:
        candidates.append((parse_date(listing_date), "listing"))
    flags: list[str] = []
    for date, source in candidates:
        if not date:
            continue
        # A report on year N cannot be out before N ends; such dates are widgets or the URL's.
        if year is not None and int(date[:4]) < year:
            flags.append(f"{FlagPrefix.IMPLAUSIBLE_DATE_IGNORED}{source}={date}")
            continue
        return date, source, flags
    return None, None, flags


def nongov_addresses(text: str, official_hosts: frozenset[str] = frozenset()) -> list[str]:
    """Web addresses named in the body whose host is not a government one (the mirror sign)."""
    hosts: list[str] = []
    for match in address_matches(_ADDRESS_RE, text):
        host = match.group(1).lower().rstrip(".")
        if host.endswith((".gov.cn", ".gov")) or host == "gov.cn" or _IP_RE.match(host):
            continue
        if host in official_hosts or host.split(":")[0] in official_hosts:
            continue
        if host not in hosts:
            hosts.append(host)
    return hosts


def index_number(page: CleanPage) -> str | None:
    value = page.labels.get("索引号")
    return value or None


def site_id_code(page: CleanPage, raw: str) -> str | None:
    code = page.meta.get("SiteIDCode")
    if code:
        return code
    match = re.search(r"网站标识码[:：]?\s*([0-9a-zA-Z]{10})", match_form(raw[-20000:]))
    return match.group(1) if match else None
