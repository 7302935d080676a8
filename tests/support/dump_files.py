"""Dump files for the storage tests: minimal records that pass the schema, written as a JSON Lines dump."""

from __future__ import annotations

import json
from pathlib import Path


def record(key: str, text: str = "正文") -> dict:
    """A minimal record that passes the schema."""
    return {"key": key, "issuer": key.split("|")[0], "year": int(key.split("|")[1]), "text": text, "urls": []}


def write_dump(path: Path, records: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
