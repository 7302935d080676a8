"""The short summary printed at the end of a crawl, from the crawl stats."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gov_reports.model.vocabulary import SkipReason, Stat, StatPrefix

SKIPPED = StatPrefix.SKIPPED
# Candidate pages refused by their content (recognition.decide), by reason: letter, plan, budget…
REFUSED = StatPrefix.REFUSED
BLOCKED = StatPrefix.BLOCKED
TRUST = StatPrefix.TRUST
MIRROR_REJECTED = SkipReason.MIRROR_REJECTED


def skipped_reasons(stats: Mapping[str, Any]) -> dict[str, int]:
    return {k[len(SKIPPED) :]: v for k, v in sorted(stats.items()) if k.startswith(SKIPPED) and v}


def refused_reasons(stats: Mapping[str, Any]) -> dict[str, int]:
    return {k[len(REFUSED) :]: v for k, v in sorted(stats.items()) if k.startswith(REFUSED) and v}


def blocked_hosts(stats: Mapping[str, Any]) -> dict[str, int]:
    """Host -> number of WAF/block pages it answered (gov_reports.crawl.downloader.waf)."""
    return {k[len(BLOCKED) :]: v for k, v in sorted(stats.items()) if k.startswith(BLOCKED) and v}


def format_summary(stats: Mapping[str, Any]) -> str:
    """Pages fetched, reports written, duplicates merged, pages skipped and why."""
    lines = [
        "gov-reports crawl summary",
        f"  pages fetched:       {stats.get('downloader/response_count', 0)}",
        f"  listing pages:       {stats.get(Stat.LISTING_PAGES, 0)}",
        f"  reports extracted:   {stats.get(Stat.REPORTS_EXTRACTED, 0)} ({stats.get(Stat.UNIQUE_REPORTS, 0)} distinct)",
        f"  duplicates merged:   {stats.get(Stat.DUPLICATE_COPIES, 0)} in this crawl, "
        f"{stats.get(Stat.FEED_UNCHANGED, 0) + stats.get(Stat.FEED_UPDATED, 0)}"
        " with the existing dump",
        f"  records written:     {stats.get(Stat.FEED_WRITTEN, 0)} in the dump "
        f"({stats.get(Stat.FEED_NEW, 0)} new, {stats.get(Stat.FEED_UPDATED, 0)} updated, "
        f"{stats.get(Stat.FEED_UNCHANGED, 0)} unchanged)",
    ]
    lines += storage_lines(stats)
    lines += trust_lines(stats)
    lines += attachment_lines(stats)
    if stats.get(Stat.SCHEMA_INVALID):
        lines.append(f"  schema violations:   {stats[Stat.SCHEMA_INVALID]} record(s), flagged")
    from gov_reports.crawl.downloader.incremental import format_incremental
    from gov_reports.crawl.progress import format_sources

    lines += format_incremental(stats)
    blocked = blocked_hosts(stats)
    if blocked:
        lines.append(f"  blocked hosts:       {len(blocked)} (WAF or block pages; retried later, never parsed)")
        lines += [f"    {host}: {count} block page(s)" for host, count in blocked.items()]
    reasons = skipped_reasons(stats)
    total = sum(reasons.values())
    lines.append(f"  skipped:             {total}")
    lines += [f"    {reason}: {count}" for reason, count in reasons.items()]
    refused = refused_reasons(stats)
    lines.append(f"  refused candidates:  {sum(refused.values())} (fetched, not reports by their content)")
    lines += [f"    {reason}: {count}" for reason, count in refused.items()]
    lines += format_sources(stats)
    return "\n".join(lines)


def storage_lines(stats: Mapping[str, Any]) -> list[str]:
    """Where the records are when the merge failed, and where lines the schema refused went."""
    lines = []
    pending = stats.get(Stat.FEED_STORE_FAILED)
    if pending:
        error = stats.get(Stat.FEED_STORE_ERROR, "?")
        lines.append(
            f"  NOT STORED:          the merge into the dump failed ({error}); "
            f"the records are in {pending}; the next gov-reports crawl into the dump "
            "(with the same --jobdir, if one was given) merges them first"
        )
    rejected = stats.get(Stat.FEED_REJECTED_PATH)
    if rejected:
        lines.append(
            f"  rejected lines:      {stats.get(Stat.FEED_UNREADABLE_LINES, 0)} failed the record schema, "
            f"kept verbatim in {rejected}"
        )
    return lines


def trust_lines(stats: Mapping[str, Any]) -> list[str]:
    """Copies by trust verdict, and the mirror copies rejected (by reason; they are also under skipped)."""
    rejected = {
        reason.split(":", 1)[-1]: count
        for reason, count in skipped_reasons(stats).items()
        if reason.split(":", 1)[0] == MIRROR_REJECTED
    }
    verdicts = ", ".join(f"{stats.get(TRUST + v, 0)} {v}" for v in ("official", "unknown", "mirror"))
    lines = [f"  copies by trust:     {verdicts}"]
    detail = ", ".join(f"{reason} {count}" for reason, count in rejected.items())
    lines.append(f"  mirrors rejected:    {sum(rejected.values())}" + (f" ({detail})" if detail else ""))
    return lines


ATTACHMENTS_READ = Stat.ATTACHMENTS_READ


def attachment_lines(stats: Mapping[str, Any]) -> list[str]:
    """Attachments read, by the format actually read (bad ones are under skipped), and table images OCR'd."""
    prefix = ATTACHMENTS_READ + "/"
    kinds = {k[len(prefix) :]: v for k, v in sorted(stats.items()) if k.startswith(prefix)}
    detail = ", ".join(f"{kind} {count}" for kind, count in kinds.items())
    lines = [f"  attachments read:    {stats.get(ATTACHMENTS_READ, 0)}" + (f" ({detail})" if detail else "")]
    verified, unverified = stats.get(Stat.OCR_VERIFIED, 0), stats.get(Stat.OCR_UNVERIFIED, 0)
    if verified or unverified:
        lines.append(f"  table images OCR'd:  {verified} verified, {unverified} withheld (ocr_unverified)")
    return lines
