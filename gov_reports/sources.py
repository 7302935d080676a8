"""The sources registry: the 年报 columns gov-reports knows, one CSV row each.

`data/sources/*.csv` (UTF-8, one header row) lists real 年报 columns with the
issuing body, where it sits, the column URL, the CMS platform where known, the
official hosts, and where the entry comes from and when it was last checked.
It feeds province backfills (`gov-reports crawl --province …`), the host
whitelist of the trust checks, and the coverage report's list of missing
(issuer, year) pairs. Loading validates every row and reports all bad rows at
once, with file and line, so a curator fixes them in one pass.
"""

from __future__ import annotations

import csv
import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from gov_reports.model.vocabulary import Level
from gov_reports.paths import DATA_DIR

logger = logging.getLogger(__name__)
DEFAULT_REGISTRY = DATA_DIR / "sources"
COLUMNS = (
    "issuer",
    "province",
    "city",
    "county",
    "level",
    "column_url",
    "cms",
    "hosts",
    "provenance",
    "checked",
)
REQUIRED = ("issuer", "province", "level", "column_url", "provenance")
LEVELS = (Level.PROVINCE, Level.CITY, Level.COUNTY, Level.DEPARTMENT, Level.TOWNSHIP)
CMS_TYPES = ("hanweb", "trs", "gkmlpt", "generic")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_HOST_RE = re.compile(r"^[a-z0-9.-]+(?::\d{1,5})?$")


@dataclass(frozen=True)
class Source:
    """One registered 年报 column."""

    issuer: str
    """The issuing body's full name, as records name it (e.g. 黑龙江省人民政府)."""
    province: str
    """Province-level division, full name (黑龙江省, 北京市, 广西壮族自治区)."""
    level: str
    """province | city | county | department | township."""
    column_url: str
    """The 年报 column (listing page) to start from."""
    provenance: str
    """Where this entry comes from (a reference file, a public page), so it can be re-checked."""
    city: str | None = None
    county: str | None = None
    cms: str | None = None
    """hanweb | trs | gkmlpt | generic, where known."""
    hosts: tuple[str, ...] = ()
    """Official hosts (host[:port]); the column URL's host is always one of them."""
    checked: str | None = None
    """YYYY-MM-DD of the last check that the column URL answered with a 年报 list; None if never checked."""

    @property
    def official_hosts(self) -> frozenset[str]:
        return frozenset({urlsplit(self.column_url).netloc.lower(), *self.hosts})


@dataclass(frozen=True)
class RowProblem:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class RegistryError(ValueError):
    """The registry has bad rows; `problems` lists every one of them."""

    def __init__(self, problems: list[RowProblem]) -> None:
        self.problems = problems
        shown = "\n".join(f"  {p}" for p in problems[:50])
        more = f"\n  … and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{len(problems)} bad row(s) in the sources registry:\n{shown}{more}")


@dataclass(frozen=True)
class Registry:
    sources: tuple[Source, ...]
    files: tuple[Path, ...] = field(default=())

    def __iter__(self) -> Iterator[Source]:
        return iter(self.sources)

    def __len__(self) -> int:
        return len(self.sources)

    def in_province(self, province: str) -> list[Source]:
        """Sources of a province, named in full (黑龙江省) or short (黑龙江)."""
        wanted = _province_stem(province)
        return [s for s in self.sources if _province_stem(s.province) == wanted]

    @property
    def official_hosts(self) -> frozenset[str]:
        return frozenset(host for source in self.sources for host in source.official_hosts)

    @property
    def provinces(self) -> frozenset[str]:
        return frozenset(s.province for s in self.sources)


_PROVINCE_SUFFIX_RE = re.compile(r"(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$")


def _province_stem(name: str) -> str:
    return _PROVINCE_SUFFIX_RE.sub("", name.strip())


def load_registry(
    paths: Path | Iterable[Path] | None = None, *, placeholders: Mapping[str, str] | None = None
) -> Registry:
    """Load and validate registry CSVs (a file, a directory of *.csv, or several); raise RegistryError.

    `placeholders` fills `{name}` in column_url and hosts before validation: the demo
    registry (data/demo/sources.csv) names its sites' host:port as `{hanweb}`, `{trs}`…,
    which are only known once the demo portal has bound its ports.
    """
    files = _registry_files(DEFAULT_REGISTRY if paths is None else paths)
    sources: list[Source] = []
    problems: list[RowProblem] = []
    seen: dict[str, RowProblem] = {}
    for path in files:
        for line, row in _rows(path, problems):
            if placeholders is not None:
                unknown = _fill_placeholders(row, placeholders)
                if unknown:
                    problems.append(RowProblem(path, line, f"unknown placeholder(s) {unknown}"))
                    continue
            source, row_problems = parse_row(row)
            problems.extend(RowProblem(path, line, message) for message in row_problems)
            if source is None:
                continue
            first = seen.get(source.column_url)
            if first is not None:
                problems.append(RowProblem(path, line, f"column_url already listed at {first.path}:{first.line}"))
                continue
            seen[source.column_url] = RowProblem(path, line, "")
            sources.append(source)
    if problems:
        raise RegistryError(problems)
    return Registry(tuple(sources), tuple(files))


_PLACEHOLDER_RE = re.compile(r"\{(\w+)\}")


def _fill_placeholders(row: dict[str, str], values: Mapping[str, str]) -> list[str]:
    unknown: list[str] = []

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            unknown.append(name)
            return match.group(0)
        return values[name]

    for column in ("column_url", "hosts"):
        row[column] = _PLACEHOLDER_RE.sub(fill, row.get(column, ""))
    return unknown


def _registry_files(paths: Path | Iterable[Path]) -> tuple[Path, ...]:
    given = [paths] if isinstance(paths, Path | str) else list(paths)
    files: list[Path] = []
    for path in map(Path, given):
        if path.is_dir():
            files.extend(sorted(path.glob("*.csv")))
        elif path.is_file():
            files.append(path)
        else:
            raise FileNotFoundError(f"no sources registry at {path}")
    return tuple(files)


def _rows(path: Path, problems: list[RowProblem]) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        problems.append(RowProblem(path, 0, f"not UTF-8: {error}"))
        return
    reader = csv.DictReader(text.splitlines())
    header = reader.fieldnames or []
    missing = [c for c in REQUIRED if c not in header]
    unknown = [c for c in header if c not in COLUMNS]
    if missing or unknown:
        problems.append(RowProblem(path, 1, f"header: missing {missing or '-'}, unknown {unknown or '-'}"))
        return
    for row in reader:
        if not any((value or "").strip() for value in row.values() if isinstance(value, str)):
            continue
        if None in row:
            problems.append(RowProblem(path, reader.line_num, "more cells than header columns"))
            continue
        yield reader.line_num, {k: (v or "").strip() for k, v in row.items()}


def parse_row(row: dict[str, str]) -> tuple[Source | None, list[str]]:
    """One CSV row -> (Source, []) or (None, [what is wrong])."""
    problems = [f"{name} is empty" for name in REQUIRED if not row.get(name)]
    level = row.get("level", "")
    if level and level not in LEVELS:
        problems.append(f"level {level!r} is not one of {', '.join(LEVELS)}")
    cms = row.get("cms") or None
    if cms and cms not in CMS_TYPES:
        problems.append(f"cms {cms!r} is not one of {', '.join(CMS_TYPES)}")
    url = row.get("column_url", "")
    parts = urlsplit(url)
    if url and (parts.scheme not in ("http", "https") or not parts.netloc):
        problems.append(f"column_url {url!r} is not an http(s) URL")
    hosts = tuple(h.lower() for h in (row.get("hosts") or "").split())
    bad_hosts = [h for h in hosts if not _HOST_RE.match(h)]
    if bad_hosts:
        problems.append(f"hosts {bad_hosts} are not host[:port]")
    checked = row.get("checked") or None
    if checked and not _DATE_RE.match(checked):
        problems.append(f"checked {checked!r} is not YYYY-MM-DD")
    if problems:
        return None, problems
    return (
        Source(
            issuer=row["issuer"],
            province=row["province"],
            level=level,
            column_url=url,
            provenance=row["provenance"],
            city=row.get("city") or None,
            county=row.get("county") or None,
            cms=cms,
            hosts=hosts,
            checked=checked,
        ),
        [],
    )


DEMO_REGISTRY = DEFAULT_REGISTRY.parent / "demo" / "sources.csv"


def demo_placeholders(sites: Mapping[str, str]) -> dict[str, str]:
    """{site name: host:port} of a running demo portal (DemoPortal.sites), for data/demo/sources.csv."""
    return {name: urlsplit(base).netloc for name, base in sites.items()}


@dataclass(frozen=True)
class ProvinceColumns:
    """What a crawl of some provinces needs from the registry."""

    start_urls: tuple[str, ...]
    hosts: tuple[str, ...]
    labels: dict[str, str]
    """column URL -> 'issuer (level)', to name sources in the crawl summary."""


def province_columns(registry: Registry, provinces: Iterable[str]) -> ProvinceColumns:
    """Every registered column of the provinces (cities, counties and departments included); ValueError if none."""
    sources: list[Source] = []
    for province in provinces:
        found = registry.in_province(province)
        if not found:
            known = "、".join(sorted(registry.provinces)) or "none"
            raise ValueError(f"no sources registered for {province!r} (provinces in the registry: {known})")
        sources.extend(found)
    return ProvinceColumns(
        start_urls=tuple(s.column_url for s in sources),
        hosts=tuple(sorted({host for s in sources for host in s.official_hosts})),
        labels={s.column_url: f"{s.issuer} ({s.level})" for s in sources},
    )


def crawl_columns(
    provinces: Iterable[str], registry_path: Path | None = None, *, demo_sites: Mapping[str, str] | None = None
) -> ProvinceColumns:
    """The columns `crawl --province` crawls: `province_columns` of the registry at `registry_path`.

    The registry defaults to data/sources/; with the demo portal running (`demo_sites`, DemoPortal.sites) it
    defaults to data/demo/sources.csv, whose `{site}` placeholders are filled with the demo sites' host:port.
    """
    if demo_sites is not None:
        registry = load_registry(registry_path or DEMO_REGISTRY, placeholders=demo_placeholders(demo_sites))
    else:
        registry = load_registry(registry_path)
    return province_columns(registry, provinces)


def registry_hosts(paths: Path | Iterable[Path] | None = None) -> frozenset[str]:
    """Official hosts of every registered source, for the trust checks' whitelist (empty if the registry is bad).

    A broken registry must not stop a crawl that does not depend on it: the problems
    are logged (all of them, with file and line) and the crawl goes on with the
    hosts it was configured with.
    """
    try:
        return load_registry(paths).official_hosts
    except (RegistryError, FileNotFoundError) as error:
        logger.error("Sources registry not used for the official-host whitelist: %s", error)
        return frozenset()
