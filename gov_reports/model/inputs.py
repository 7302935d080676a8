"""Reading a dump that a command was given as input (`export`, `report`): every line a record, or a clear error.

A crawl keeps going past a bad line of its own dump (it moves it to `<dump>.rejected`, gov_reports.crawl.feeds);
a command that *reads* a dump to make something else must not: an export of a file that is not a
gov-reports dump (a README, a half-copied file) would be an empty or partial table with exit code 0.
So the first line that is not a record stops it, with its number, before anything is written.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from gov_reports.crawl.feeds import read_dump


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
