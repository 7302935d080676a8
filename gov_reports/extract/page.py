"""Extract one annual-report record from one page: the extraction entry point.

Pure code, no crawler inside (the web-poet idea): give it the page's content
and what the crawler knows about it, get an `AnnualReport` or a `NotAReport`
with a reason. The pipelines, the `extract` CLI and the benchmarks all call it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Literal

from gov_reports.extract import fields
from gov_reports.extract.clean import CleanPage, clean_html, clean_text
from gov_reports.extract.dates import parse_date
from gov_reports.extract.formats import detect_format
from gov_reports.extract.recognition import decide
from gov_reports.extract.regions import Place, division_codes, issuer_level, locate
from gov_reports.extract.sections import has_six_headings, split_sections
from gov_reports.extract.statistics import Statistics, extract_statistics
from gov_reports.extract.text import match_form
from gov_reports.extract.titles import is_correction
from gov_reports.extract.trust import Trust, TrustEvidence, assess, brand_rejection, rejection, trust_flags
from gov_reports.model.record import AnnualReport
from gov_reports.model.vocabulary import Flag, FlagPrefix, ReportFormat, SkipReason, TrustVerdict


class NotAReport(Exception):
    """The page is not an annual report (or not a usable one); `reason` is a short code for stats."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


class RefusedPage(NotAReport):
    """A candidate page refused by its content (`recognition.decide`): a look-alike of a report, `reason`
    its kind (letter, plan, budget…), or a page without report evidence. Counted apart from skips."""


@dataclass(kw_only=True)
class PageSource:
    """What the crawler knows about a page besides its content."""

    url: str = ""
    listing_title: str | None = None
    listing_date: str | None = None
    official: bool = True
    official_hosts: frozenset[str] = frozenset()
    platform_published: str | None = None
    """The portal platform's own publication date of the entry (gkmlpt's publish time): it beats the page's."""
    issuer_evidence: dict[str, str] = field(default_factory=dict)
    """What the platform says of the issuer: 'publisher' (a name), 'credit_code'."""


@dataclass(frozen=True)
class Page:
    """One page to extract: its content (decoded HTML, or text), which of the two, and what the crawler knows."""

    content: str
    kind: Literal["html", "text"] = "html"
    source: PageSource = field(default_factory=PageSource)


def extract(page: Page) -> AnnualReport:
    """The extraction: the page's HTML parsed once (`clean.clean_html`), its one tree and one line list handed
    to every step (fields, sections, statistics tables, recognition, trust); an `AnnualReport`, or `NotAReport`."""
    if not page.content or not page.content.strip():
        raise NotAReport(SkipReason.EMPTY_PAGE)
    source = page.source
    cleaned = clean_html(page.content, source.url) if page.kind == "html" else clean_text(page.content)
    return build_record(cleaned, page.content, source)


def build_record(page: CleanPage, raw: str, source: PageSource) -> AnnualReport:
    """Turn a cleaned page into a record (also used for attachment text): the steps below, in this order."""
    if not page.lines:
        raise NotAReport(SkipReason.EMPTY_BODY, source.url)
    text = "\n".join(page.lines)
    compact = match_form(text)
    title = _recognised_title(page, source, compact)
    flags: list[str] = []
    year, year_flags = fields.report_year(title, text, source.listing_title)
    flags += year_flags
    if year is None:
        raise NotAReport(SkipReason.NO_YEAR, title or source.url)
    sig = fields.signature(page.lines)
    issuer, place = _issuer(page, source, title, sig, text, flags)
    published, published_source, date_flags = fields.published_date(page, sig, source.listing_date, year)
    flags += date_flags
    platform_date = parse_date(source.platform_published) if source.platform_published else None
    if platform_date and (year is None or int(platform_date[:4]) >= year):
        published, published_source = platform_date, "platform"

    # Places in `text` (its lines, split the way a reader splits them), not copies of its paragraphs.
    sections = split_sections(text.split("\n"))
    statistics, report_format = _statistics(page, text, compact, sections, year)

    if title is None:
        # Researchers sort and search by title; say plainly that this one is ours, not the page's.
        title = f"{issuer}{year}年政府信息公开工作年度报告"
        flags.append(Flag.TITLE_RECONSTRUCTED)
    if page.spam:
        flags.append(Flag.SPAM_REMOVED)
    corrected = None
    if title and is_correction(title):
        # A 更正/修订 copy's date is when the correction came out, not the report's first publication:
        # `published` stays for the original copy (merging takes the earliest), `corrected` says when.
        flags.append(Flag.CORRECTION)
        corrected, published, published_source = published, None, None
    flags += [f for f in statistics.flags if f not in flags]
    if page.image_count and Flag.TABLES_MISSING in flags:
        # Pictures where the tables belong: the numbers exist, only not as text (OCR or the attachment).
        flags.append(Flag.TABLES_AS_IMAGES)

    site_code = fields.site_id_code(page, raw)
    trust = _trust(page, source, raw, issuer, place, text, site_code)
    # mirror_suspected, unofficial_host, nongov_address:… come from the verdict's own decision.
    flags += [f for f in trust_flags(trust) if f not in flags]
    mirror = trust.verdict == TrustVerdict.MIRROR
    level = issuer_level(issuer, place)
    codes = division_codes(issuer, place, level)
    urls = [source.url] if source.url else []

    record = AnnualReport(
        key=f"{issuer}|{year}",
        issuer=issuer,
        year=year,
        published=published,
        published_source=published_source,
        title=title,
        corrected=corrected,
        province=place.province if place else None,
        region=place.region if place else None,
        division_code=codes.own,
        parent_division_code=codes.parent,
        level=level,  # type: ignore[arg-type]
        format=report_format,  # type: ignore[arg-type]
        sections=sections,
        text=text,
        signature=sig.issuer,
        signature_date=sig.date,
        index_number=fields.index_number(page),
        site_id_code=site_code,
        issuer_evidence=dict(source.issuer_evidence),
        url=source.url,
        urls=[] if mirror else urls,
        mirrors=urls if mirror else [],
        attachments=_unique_attachments(page.attachments),
        flags=flags,
        spam=list(dict.fromkeys(page.spam)),
        trust=trust.as_dict(),
        stats=statistics.stats,
        summary=statistics.summary,
        checks=statistics.checks,
    )
    record.content_sha1 = content_hash(record)
    return record


def _statistics(
    page: CleanPage, text: str, compact: str, sections: list[dict[str, Any]], year: int
) -> tuple[Statistics, str]:
    """The statistics tables (read from the cleaner's tree and grids, not parsed again) and the report's format;
    a statistics `format` the tables left open takes the report's."""
    statistics = extract_statistics(
        text, html=page.body, grids=page.grids, report_format=ReportFormat.UNKNOWN, year=year
    )
    report_format = detect_format(
        text, year=year, six_headings=has_six_headings(sections), table_hint=statistics.format_hint, compact=compact
    )
    if statistics.stats is not None and statistics.stats.get("format") in (None, ReportFormat.UNKNOWN):
        statistics.stats["format"] = report_format
    return statistics, report_format


def _recognised_title(page: CleanPage, source: PageSource, compact: str) -> str | None:
    """The page's title, once its content says it is a report (`recognition.decide`), else NotAReport/RefusedPage."""
    decision = decide(page, listing_title=source.listing_title, compact=compact)
    if not decision.is_report:
        # A page without the words every report uses is skipped as before; look-alikes are refused.
        refusal = NotAReport if decision.reason == "not_report_text" else RefusedPage
        raise refusal(decision.reason, decision.title or source.url)
    return fields.pick_title(page, source.listing_title)


def _issuer(
    page: CleanPage, source: PageSource, title: str | None, sig: fields.Signature, text: str, flags: list[str]
) -> tuple[str, Place | None]:
    """(issuer, its place) from the title, signature, platform and page evidence; a weak source is flagged."""
    hint = fields.division_hint(page)
    context = fields.site_place(page)
    candidates = fields.issuer_candidates(title, page, sig, text, source.listing_title)
    publisher = source.issuer_evidence.get("publisher")
    if publisher:
        # The platform's publisher field: weaker than the page's own title and signature, stronger than guesses.
        at = next((i for i, (_, where) in enumerate(candidates) if where not in ("title", "signature")), None)
        candidates.insert(len(candidates) if at is None else at, (publisher, "platform"))
    # Relative names (「市政府办公厅」) resolve against the body the title names, else the site.
    title_place = locate(candidates[0][0], hint_code=hint) if candidates else None
    issuer, issuer_source = fields.pick_issuer(candidates, title_place or context)
    if issuer is None:
        raise NotAReport(brand_rejection([name for name, _ in candidates]) or SkipReason.NO_ISSUER, title or source.url)
    if issuer_source not in ("title", "signature", "metadata", "platform"):
        flags.append(f"{FlagPrefix.ISSUER_FROM}{issuer_source}")
    return issuer, locate(issuer, hint_code=hint)


def _trust(
    page: CleanPage, source: PageSource, raw: str, issuer: str, place: Place | None, text: str, site_code: str | None
) -> Trust:
    """Whether the copy is the issuer's own (trust.assess); a copy that must not become a record is NotAReport."""
    trust = assess(
        TrustEvidence(
            url=source.url,
            official=source.official,
            official_hosts=source.official_hosts,
            issuer=issuer,
            division_code=place.division.code if place else None,
            titles=page.titles,
            text=text,
            spam=page.spam,
            site_name=page.meta.get("SiteName"),
            site_id_code=site_code,
            raw=raw,
        )
    )
    rejected = rejection(issuer, trust)
    if rejected is not None:
        raise NotAReport(rejected, f"{issuer}: {source.url}")
    return trust


# What `json.dumps(obj, ensure_ascii=False, sort_keys=True)` builds on every call.
_HASH_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


def content_hash(record: AnnualReport) -> str:
    """Identifies a copy's content: text plus numbers (boilerplate repeats across years)."""
    payload = _HASH_ENCODER.encode([record.text, record.stats])
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()


def _unique_attachments(attachments: list[dict]) -> list[dict]:
    seen: set[tuple] = set()
    unique = []
    for item in attachments:
        marker = (item.get("url"), item.get("name"))
        if marker not in seen:
            seen.add(marker)
            unique.append(item)
    return unique
