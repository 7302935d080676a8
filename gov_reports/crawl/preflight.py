"""What `gov-reports crawl` checks before any network work, so a mistake is one line and exit code 2.

Each check raises `UsageError` (a ValueError: the CLI prints it as one line on stderr and exits 2) with
what is wrong, where, and what to do. Nothing is created or changed by a check that fails: the dump,
the job directory and the output directory are probed, never written.
"""

from __future__ import annotations

import json
import os
import re
import secrets
from collections.abc import Iterable, Sequence
from pathlib import Path


class UsageError(ValueError):
    """A user mistake or an unusable environment, found before the crawl started."""


def check_start_urls(urls: Iterable[str]) -> None:
    """Every start URL is an http(s) URL with a host (the spider's own rule, checked before it runs)."""
    from urllib.parse import urlsplit

    for url in urls:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise UsageError(
                f"--start-url {url!r}: not an http(s) URL with a host; give the 年报 column's address, "
                "e.g. --start-url https://www.example.gov.cn/zwgk/zfxxgknb/"
            )


def writable_directory(directory: Path, what: str) -> None:
    """`directory` exists and a file can be created in it (probed: root passes os.access everywhere)."""
    if not directory.exists():
        raise UsageError(f"{what}: the directory {directory} does not exist; create it or choose another path")
    if not directory.is_dir():
        raise UsageError(f"{what}: {directory} is not a directory")
    probe = directory / f".gov-reports-probe-{secrets.token_hex(4)}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as error:
        raise UsageError(
            f"{what}: cannot write in {directory} ({error.strerror}); choose a directory you can write"
        ) from error
    os.close(fd)
    probe.unlink(missing_ok=True)


def check_dump_output(path: Path) -> None:
    """`-o`: not a directory, in a writable directory, and if it exists, a gov-reports JSON Lines dump."""
    what = f"-o {path}"
    if path.is_dir():
        raise UsageError(f"{what}: is a directory; give the dump's file name, e.g. -o {path / 'reports.jsonl'}")
    writable_directory(path.resolve().parent, what)
    if path.exists():
        problem = not_a_dump(path)
        if problem:
            raise UsageError(
                f"{what}: exists and is not a gov-reports JSON Lines dump ({problem}); it was left untouched: "
                "choose another -o, or move the file away"
            )


def not_a_dump(path: Path) -> str | None:
    """Why an existing file is no dump (its first non-blank line is not a record), or None for a dump.

    An empty file is a dump with no record. Only the first line decides: a dump with a torn line further
    down is still a dump (the merge moves that line to `<dump>.rejected`, gov_reports.model.dump_writer).
    """
    try:
        with path.open("rb") as handle:
            for number, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                try:
                    record = json.loads(raw)
                except ValueError:
                    return f"line {number} is not JSON"
                if not isinstance(record, dict) or not isinstance(record.get("key"), str):
                    return f"line {number} is not a record with a key"
                return None
    except OSError as error:
        return f"cannot be read: {error.strerror}"
    return None


def check_jobdir(jobdir: str) -> None:
    """`--jobdir`: a directory (made by the crawl if absent) in a writable parent; never an existing file."""
    path = Path(jobdir)
    what = f"--jobdir {jobdir}"
    if path.exists() and not path.is_dir():
        raise UsageError(f"{what}: is a file, not a directory; give a directory for the crawl's state")
    writable_directory(path if path.is_dir() else path.resolve().parent, what)


def check_redis(url: str) -> None:
    """`--redis`: the server answers a PING within a few seconds."""
    import redis

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=3, socket_timeout=3)
    except ValueError as error:
        raise UsageError(f"--redis {url}: not a Redis URL ({error}); e.g. --redis redis://127.0.0.1:6379/0") from error
    try:
        client.ping()
    except redis.RedisError as error:
        raise UsageError(
            f"--redis {url}: cannot reach Redis ({error}); start redis-server or check the host, port and password"
        ) from error
    finally:
        client.close()


_FEED_OPTIONS = ("--overwrite-output", "--output", "-O", "-o")


def scrapy_feed_paths(arguments: Sequence[str]) -> list[tuple[Path, str]]:
    """The local files a `scrapy crawl` command line asks feeds to write (-o/-O, `PATH[:FORMAT]`), with
    their format (the `:FORMAT` suffix, else the file's extension); URIs of other schemes are not local."""
    values: list[str] = []
    for index, argument in enumerate(arguments):
        for option in _FEED_OPTIONS:
            if argument == option and index + 1 < len(arguments):
                values.append(arguments[index + 1])
            elif (
                argument.startswith(option)
                and argument != option
                and (len(option) == 2 or argument[len(option)] == "=")
            ):
                values.append(argument[len(option) :].removeprefix("="))  # -oPATH, -o=PATH, --output=PATH
            else:
                continue
            break
    found = []
    for value in values:
        value = value.removeprefix("file://")
        if "://" in value:  # s3://, ftp://…: not a local file
            continue
        with_format = re.fullmatch(r"(.+):([a-z]+)", value)
        path = Path(with_format.group(1) if with_format else value)
        found.append((path, with_format.group(2) if with_format else path.suffix.lstrip(".")))
    return found


def check_scrapy_feeds(arguments: Sequence[str]) -> None:
    """`gov-reports scrapy crawl … -o PATH`: the checks `gov-reports crawl -o` makes, before Scrapy starts."""
    for path, fmt in scrapy_feed_paths(arguments):
        if fmt in ("jsonl", "jsonlines"):
            check_dump_output(path)
        elif path.is_dir():
            raise UsageError(f"-o {path}: is a directory; give a file name")
        else:
            writable_directory(path.resolve().parent, f"-o {path}")
