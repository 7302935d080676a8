"""Copies of one report as the pipelines write them: the records the merge and dump tests merge."""

from __future__ import annotations

from typing import Any

from gov_reports.model.merge import Record

KEY = "哈尔滨市人民政府|2020"
"""The key of the report a copy belongs to unless told otherwise."""


def copy(url: str, key: str = KEY, **fields: Any) -> Record:
    """One copy of a report as the pipelines write it (only the fields merging looks at, plus a few)."""
    record: Record = {
        "key": key,
        "issuer": key.split("|")[0],
        "year": int(key.split("|")[1]),
        "url": url,
        "urls": [url],
        "title": "哈尔滨市2020年政府信息公开工作报告",
        "published": None,
        "text": "正文。",
        "flags": [],
        "spam": [],
        "attachments": [],
        "stats": None,
    }
    record.update(fields)
    return record
