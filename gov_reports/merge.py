"""Merging copies of one report (same key) into one record, deterministically.

The same report is met on several listings, re-published (「更正」), mirrored,
and crawled again next week. All copies merge into one record: the best copy
supplies the fields, every copy's URLs and attachments are kept, and fields the
best copy lacks are filled from the others. The order of arrival never changes
the result (merging is commutative), so repeated crawls are idempotent.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

Record = dict[str, Any]
_MIRROR_FLAGS = ("mirror_suspected", "unofficial_host")


def copy_quality(record: Mapping[str, Any]) -> tuple:
    """Sort key, higher is better: official > not mirror > corrected > complete > longer > earlier URL."""
    flags = record.get("flags") or []
    trust = (record.get("trust") or {}).get("verdict")
    official = trust != "mirror" and "unofficial_host" not in flags
    clean = not any(f in flags for f in _MIRROR_FLAGS) and not record.get("spam")
    corrected = "correction" in flags
    has_tables = bool((record.get("stats") or {}).get("applications")) and "tables_missing" not in flags
    url = record.get("url") or ""
    # The URL, then the content itself, only break ties (inverted so that "earlier" wins): the
    # order copies arrive in must never decide.
    content = json.dumps(record, sort_keys=True, ensure_ascii=False)
    return (official, clean, corrected, has_tables, len(record.get("text") or ""), _invert(url), _invert(content))


def _invert(text: str) -> tuple[int, ...]:
    return tuple(-ord(ch) for ch in text)


def merge_records(records: Iterable[Record]) -> Record:
    """One record from copies of the same report."""
    copies = sorted(records, key=copy_quality, reverse=True)
    if not copies:
        raise ValueError("nothing to merge")
    best = dict(copies[0])
    for other in copies[1:]:
        for field, value in other.items():
            if best.get(field) in (None, "", [], {}) and value not in (None, "", [], {}):
                best[field] = value
    best["urls"] = sorted({u for c in copies for u in (c.get("urls") or [c.get("url")]) if u})
    best["attachments"] = _union(a for c in copies for a in c.get("attachments") or [])
    best["spam"] = sorted({s for c in copies for s in c.get("spam") or []})
    return best


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
