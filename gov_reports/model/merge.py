"""Merging copies of one report (same key) into one record, deterministically.

The same report is met on several listings, re-published (「更正」), mirrored,
and crawled again next week. All copies merge into one record: the best copy
supplies the fields, every copy's URLs and attachments are kept, and fields the
best copy lacks are filled from the others. The order of arrival never changes
the result (merging is commutative), so repeated crawls are idempotent.

Mirror copies (trust verdict 'mirror', see gov_reports.extract.trust) rank below
every other copy, so an official copy wins whether it arrives first, later, or
in a later crawl into the same dump. While a copy that is not a mirror exists,
mirrors lend it nothing but their address, which goes to `mirrors` (never to
`urls`): no field, attachment or spam of a hijacked page leaks into the record.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

from gov_reports.model.vocabulary import Flag, FlagPrefix, ReportFormat, TrustVerdict

Record = dict[str, Any]
_MIRROR_FLAGS = (Flag.MIRROR_SUSPECTED, Flag.UNOFFICIAL_HOST)
_VERDICT_RANK = {"official": 2, "unknown": 1, "mirror": 0}


def trust_rank(record: Mapping[str, Any]) -> int:
    """2 official, 1 unknown, 0 mirror; records written before `trust` existed rank by their flags."""
    verdict = (record.get("trust") or {}).get("verdict")
    if verdict in _VERDICT_RANK:
        return _VERDICT_RANK[verdict]
    return 1 if Flag.UNOFFICIAL_HOST in (record.get("flags") or []) else 2


def is_mirror(record: Mapping[str, Any]) -> bool:
    return (record.get("trust") or {}).get("verdict") == TrustVerdict.MIRROR


def copy_quality(record: Mapping[str, Any]) -> tuple:
    """Sort key, higher is better: official > unknown > mirror, clean > corrected > complete > longer > earlier URL."""
    flags = record.get("flags") or []
    clean = not any(f in flags for f in _MIRROR_FLAGS) and not record.get("spam")
    corrected = Flag.CORRECTION in flags
    has_tables = bool((record.get("stats") or {}).get("applications")) and Flag.TABLES_MISSING not in flags
    url = record.get("url") or ""
    # The URL, then the content itself, only break ties (inverted so that "earlier" wins): the
    # order copies arrive in must never decide.
    content = json.dumps(record, sort_keys=True, ensure_ascii=False)
    length = len(record.get("text") or "")
    return (trust_rank(record), clean, corrected, has_tables, length, _invert(url), _invert(content))


def _invert(text: str) -> tuple[int, ...]:
    return tuple(-ord(ch) for ch in text)


def merge_records(records: Iterable[Record]) -> Record:
    """One record from copies of the same report."""
    copies = sorted(records, key=copy_quality, reverse=True)
    if not copies:
        raise ValueError("nothing to merge")
    # Copies ranked like this: when the best is not a mirror, mirrors cannot lend it anything.
    donors = copies if is_mirror(copies[0]) else [c for c in copies if not is_mirror(c)]
    # A report's page is its face (URL, publish date, metadata); a copy read from its attachment
    # lends what the page lacks (see with_attachment). Reports published only as files have no page.
    pages = [c for c in donors if not _from_attachment(c)]
    documents = [c for c in donors if _from_attachment(c)]
    first = (pages or documents)[0]
    best = dict(first)
    if pages and documents:
        best = with_attachment(best, documents[0])
    for other in donors:
        if other is first:
            continue
        for field, value in other.items():
            if field == "flags" and pages and _from_attachment(other):
                continue  # an attachment's flags describe the file, not the page
            if field == "sections" and other.get("text") != best.get("text"):
                continue  # sections are places in their own copy's text
            if field == "table_images":
                continue  # the pictures of that copy's tables, OCR'd or flagged on that copy alone
            if best.get(field) in (None, "", [], {}) and value not in (None, "", [], {}):
                best[field] = value
    _publication_dates(best, pages or documents, donors)
    best["urls"] = sorted({u for c in donors if not is_mirror(c) for u in _copy_urls(c)})
    mirrors = {u for c in copies for u in c.get("mirrors") or []}
    mirrors |= {u for c in copies if is_mirror(c) for u in _copy_urls(c)}
    if mirrors or "mirrors" in best:
        best["mirrors"] = sorted(mirrors - set(best["urls"]))
    best["attachments"] = _union(a for c in donors for a in c.get("attachments") or [])
    best["spam"] = sorted({s for c in donors for s in c.get("spam") or []})
    return best


def _publication_dates(best: Record, faces: list[Record], donors: list[Record]) -> None:
    """`published` is the first publication among the copies that show the report (its pages, or its
    files when it has no page); `corrected` the latest correction's date. A 更正/修订 copy has no
    `published` of its own (gov_reports.extract.page), so a correction never moves the first date."""
    dated = [c for c in faces if c.get("published") and not _legacy_correction(c)]
    if dated:
        # Copies are in quality order: among equal dates the best copy's source is kept.
        first = min(dated, key=lambda c: c["published"])
        best["published"], best["published_source"] = first["published"], first.get("published_source")
    elif all(Flag.CORRECTION in (c.get("flags") or []) for c in faces):
        # Only corrected copies show the report: the first publication is unknown (not a file's date
        # filled in above).
        best["published"] = best["published_source"] = None
    corrections = [best.get("corrected")] + [
        c.get("published") if _legacy_correction(c) else c.get("corrected") for c in donors
    ]
    dates: list[str] = [d for d in corrections if d]
    if dates:
        best["corrected"] = max(dates)


def _legacy_correction(record: Mapping[str, Any]) -> bool:
    """A correction copy written before `corrected` existed: its `published` is the correction's date."""
    return Flag.CORRECTION in (record.get("flags") or []) and "corrected" not in record


_FROM_ATTACHMENT = Flag.FROM_ATTACHMENT  # gov_reports.extract.documents.record.FROM_ATTACHMENT
# Flags that describe the statistics tables: they travel with the tables they describe.
_TABLE_FLAGS = (Flag.TABLES_MISSING, Flag.BLANK_CELLS, Flag.FORMAT_CONFLICT)
_TABLE_FLAG_PREFIXES = (
    FlagPrefix.TABLE_MISSING,
    FlagPrefix.CHECK_FAILED,
    FlagPrefix.SHORT_ROW,
    FlagPrefix.LONG_ROW,
    FlagPrefix.DUPLICATE_ROW,
    FlagPrefix.MISSING_ROW,
    FlagPrefix.SUMMARY_FROM_PROSE,
)


def _from_attachment(record: Mapping[str, Any]) -> bool:
    return _FROM_ATTACHMENT in (record.get("flags") or [])


def is_table_flag(flag: str) -> bool:
    return flag in _TABLE_FLAGS or flag.startswith(_TABLE_FLAG_PREFIXES)


def _table_count(record: Mapping[str, Any]) -> int:
    """How many of tables 二/三/四 (or the prose numbers) the record has."""
    stats = record.get("stats") or {}
    if Flag.TABLES_MISSING in (record.get("flags") or []):
        return 0
    return sum(1 for part in ("disclosure", "applications", "reviews", "prose") if stats.get(part))


def with_attachment(page: Record, document: Record) -> Record:
    """The page's record completed from the record read from its attachment (same key).

    The page keeps its URL, title, publish date and metadata. The statistics
    come from the attachment when it has more of the tables than the page (a
    page that lost its tables, or kept only some); the text comes from the
    attachment when the statistics do or when it is longer (the full version).
    Flags say where things came from: stats_from_attachment, text_from_attachment.
    """
    merged = dict(page)
    flags = [f for f in page.get("flags") or [] if f != _FROM_ATTACHMENT]
    if _table_count(document) > _table_count(page):
        for field in ("stats", "summary", "checks"):
            merged[field] = document.get(field)
        # Numbers the attachment does not give (主动公开 totals are often prose) stay the page's.
        kept = [
            name
            for name, value in (page.get("summary") or {}).items()
            if value is not None and (document.get("summary") or {}).get(name) is None
        ]
        merged["summary"] = {**(document.get("summary") or {}), **{n: page["summary"][n] for n in kept}}
        if merged.get("format") in (None, ReportFormat.UNKNOWN):
            merged["format"] = document.get("format")
        flags = [f for f in flags if not is_table_flag(f)]
        flags += [f for f in document.get("flags") or [] if is_table_flag(f) and f not in flags]
        flags += [
            f"{FlagPrefix.SUMMARY_FROM_PROSE}{n}"
            for n in kept
            if f"{FlagPrefix.SUMMARY_FROM_PROSE}{n}" in (page.get("flags") or [])
        ]
        flags.append(Flag.STATS_FROM_ATTACHMENT)
    if Flag.STATS_FROM_ATTACHMENT in flags or len(document.get("text") or "") > len(page.get("text") or ""):
        merged["text"] = document.get("text") or ""
        merged["sections"] = document.get("sections") or []
        flags.append(Flag.TEXT_FROM_ATTACHMENT)
    merged["flags"] = list(dict.fromkeys(flags))
    if merged.get("text") != page.get("text") or merged.get("stats") != page.get("stats"):
        merged["content_sha1"] = content_sha1(merged)
    return merged


def content_sha1(record: Mapping[str, Any]) -> str:
    """The same payload as `gov_reports.extract.page.content_hash`: text plus numbers."""
    payload = json.dumps([record.get("text") or "", record.get("stats")], ensure_ascii=False, sort_keys=True)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()


def _copy_urls(record: Mapping[str, Any]) -> list[str]:
    """The places one copy (or merged record) stands for: its `urls`, or its `url` for a bare copy."""
    urls = [u for u in record.get("urls") or [] if u]
    if urls or record.get("mirrors"):
        return urls
    return [record["url"]] if record.get("url") else []


def _union(items: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Unique attachments by URL (or name when the URL is unknown), most informative copy kept."""
    chosen: dict[str, dict[str, Any]] = {}
    for item in items:
        marker = item.get("url") or f"name:{item.get('name')}"
        current = chosen.get(marker)
        if current is None or len([v for v in item.values() if v]) > len([v for v in current.values() if v]):
            chosen[marker] = dict(item)
    return [chosen[k] for k in sorted(chosen)]


def same_content(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """True when two records would serialise identically (used to count real changes)."""
    return json.dumps(a, sort_keys=True, ensure_ascii=False) == json.dumps(b, sort_keys=True, ensure_ascii=False)
