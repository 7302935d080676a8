"""The exit codes of `gov-reports` (the table in docs/cli.md)."""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    """What `gov-reports crawl` tells a scheduler (cron, systemd, scrapyd): the table in docs/cli.md."""

    OK = 0
    """Crawled and stored: every record is in the dump, no source was dead."""
    NOTHING_FETCHED = 1
    """No page could be fetched, or every source was dead: nothing was crawled."""
    USAGE = 2
    """Bad arguments or input (a clear one-line error); nothing was started."""
    DEAD_SOURCES = 3
    """Done and stored, but some sources were dead (their listing could not be fetched)."""
    NOT_STORED = 4
    """The records could not be merged into the dump (full disk, file-size limit…): they are in the
    `.pending` file the summary names, and the next crawl into the dump merges them first."""
    INTERRUPTED = 5
    """Stopped before the end (Ctrl-C, SIGTERM, a CLOSESPIDER limit): what was collected is stored."""


INTERNAL_ERROR = 70
"""Exit code of a bug (an exception no check anticipated; EX_SOFTWARE): docs/cli.md."""
