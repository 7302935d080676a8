"""Reading a gov-reports JSON Lines dump: every line parsed and checked against the record schema.

Two ways to read one. A crawl, merging into its own dump, keeps going past a bad line (`read_dump` says what is
wrong with it, and the writer, gov_reports.model.dump_writer, moves it to `<dump>.rejected`). A command that
*reads* a dump to make something else (`export`, `report`) must not: an export of a file that is not a
gov-reports dump (a README, a half-copied file) would be an empty or partial table with exit code 0. So
`dump_records` stops at the first line that is not a record, with its number, before anything is written.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gov_reports.model.merge import Record
from gov_reports.model.schema import record_is_valid, record_validator
from gov_reports.model.vocabulary import FlagPrefix

# Fields the merge itself reads and rewrites: they must be valid whatever the record's flags declare.
_MERGED_FIELDS = frozenset({"key", "url", "urls", "mirrors", "attachments", "flags", "spam", "trust", "text", "stats"})


@dataclass(frozen=True)
class DumpLine:
    """One non-blank line of a dump: its 1-based number, exact text, and the record or why it is none."""

    number: int
    raw: str
    record: Record | None
    problem: str | None


def record_problem(record: Any) -> str | None:
    """Why a parsed line is no record the dump can keep, or None for a good one.

    The record schema decides (gov_reports.model.schema). Violations the schema pipeline
    already declared in the record's flags (`schema_invalid:<path>`, records it
    kept on purpose) are accepted, except in the fields the merge itself works on.
    """
    if not isinstance(record, dict):
        return f"not a JSON object but {type(record).__name__}"
    key = record.get("key")
    if not isinstance(key, str) or not key:
        return f"key: not a non-empty string but {type(key).__name__}"
    if record_is_valid(record):
        return None
    flags = record.get("flags")
    declared = (
        {f.split(":", 1)[1] for f in flags if isinstance(f, str) and f.startswith(FlagPrefix.SCHEMA_INVALID)}
        if isinstance(flags, list)
        else set()
    )
    for error in record_validator().iter_errors(record):
        where = "/".join(str(p) for p in error.path) or "(record)"
        if where in declared and error.path and error.path[0] not in _MERGED_FIELDS:
            continue
        return f"{where}: {error.message}"[:300]
    return None


def read_dump(path: Path) -> Iterator[DumpLine]:
    """Every non-blank line of a JSON Lines dump, parsed and checked (`record_problem`)."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            # surrogateescape: a line torn inside a character is written back with its exact bytes.
            line = raw.decode("utf-8", errors="surrogateescape").rstrip("\n")
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as error:
                yield DumpLine(number, line, None, f"not JSON: {error}"[:300])
                continue
            problem = record_problem(record)
            yield DumpLine(number, line, None if problem else record, problem)


def read_jsonl(path: Path) -> Iterator[tuple[str, Record | None]]:
    """(raw line, record or None) for each line; a torn, corrupt or invalid line gives None."""
    for line in read_dump(path):
        yield line.raw, line.record


class MalformedDump(ValueError):
    """The input is not a gov-reports JSON Lines dump; the message names the file, the line and why."""


def check_input(path: Path) -> None:
    if not path.exists():
        raise MalformedDump(f"{path}: no such file (give the JSON Lines dump written by gov-reports crawl -o)")
    if path.is_dir():
        raise MalformedDump(f"{path}: is a directory, not a JSON Lines dump")


def dump_records(path: Path) -> Iterator[dict[str, Any]]:
    """The records of `path`, streamed; `MalformedDump` at the first line that is not a record."""
    check_input(path)
    for line in read_dump(path):
        if line.record is None:
            raise MalformedDump(
                f"{path}:{line.number}: not a gov-reports record ({line.problem}); "
                "is it the JSON Lines dump written by gov-reports crawl -o?"
            )
        yield line.record
