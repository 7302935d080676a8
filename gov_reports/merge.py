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

import json
from collections.abc import Iterable, Mapping
from typing import Any

Record = dict[str, Any]
_MIRROR_FLAGS = ("mirror_suspected", "unofficial_host")
_VERDICT_RANK = {"official": 2, "unknown": 1, "mirror": 0}


def trust_rank(record: Mapping[str, Any]) -> int:
    """2 official, 1 unknown, 0 mirror; records written before `trust` existed rank by their flags."""
    verdict = (record.get("trust") or {}).get("verdict")
    if verdict in _VERDICT_RANK:
        return _VERDICT_RANK[verdict]
    return 1 if "unofficial_host" in (record.get("flags") or []) else 2


def is_mirror(record: Mapping[str, Any]) -> bool:
    return (record.get("trust") or {}).get("verdict") == "mirror"


def copy_quality(record: Mapping[str, Any]) -> tuple:
    """Sort key, higher is better: official > unknown > mirror, clean > corrected > complete > longer > earlier URL."""
    flags = record.get("flags") or []
    clean = not any(f in flags for f in _MIRROR_FLAGS) and not record.get("spam")
    corrected = "correction" in flags
    has_tables = bool((record.get("stats") or {}).get("applications")) and "tables_missing" not in flags
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
    best = dict(copies[0])
    # Copies ranked like this: when the best is not a mirror, mirrors cannot lend it anything.
    donors = copies if is_mirror(best) else [c for c in copies if not is_mirror(c)]
    for other in donors[1:]:
        for field, value in other.items():
            if best.get(field) in (None, "", [], {}) and value not in (None, "", [], {}):
                best[field] = value
    best["urls"] = sorted({u for c in donors if not is_mirror(c) for u in _copy_urls(c)})
    mirrors = {u for c in copies for u in c.get("mirrors") or []}
    mirrors |= {u for c in copies if is_mirror(c) for u in _copy_urls(c)}
    if mirrors or "mirrors" in best:
        best["mirrors"] = sorted(mirrors - set(best["urls"]))
    best["attachments"] = _union(a for c in donors for a in c.get("attachments") or [])
    best["spam"] = sorted({s for c in donors for s in c.get("spam") or []})
    return best


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
