"""`crawl` and `extract` make the same record from the same bytes: every demo page, through the entry point.

The demo is crawled; then every page and file each record was found at is fetched again from the demo
portal, saved as a browser saves it (its Content-Disposition name, else its URL's last part) and given to
`gov-reports extract` with the URL it came from and the crawl's hosts. The records must be equal, field
for field (titles, dates, trust, urls, attachments, statistics…), except what only a platform's listing API
says (gkmlpt's publish time, Hanweb xxgk's publisher and credit code), which no saved page carries. The trap
pages, which the crawl refuses, must give no record either.
"""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

from gov_reports.demo.server import DemoPortal
from gov_reports.extract.attachment_links import disposition_filename
from tests.support.cli_support import gov_reports

# The demo sites whose listings are platform APIs that say more than the pages (data/demo/sites.json).
PLATFORM_SITES = {"gkmlpt", "xxgk"}


def read_records(path: Path) -> dict[str, dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return {record["key"]: record for record in map(json.loads, lines)}


def save(url: str, folder: Path) -> Path:
    """Fetch `url` (following redirects, as a browser) and save it under the name a browser gives it."""
    with urllib.request.urlopen(url, timeout=30) as response:
        data = response.read()
        header = response.headers.get("Content-Disposition")  # decoded as Latin-1 by http.client: its raw bytes
        name = disposition_filename(header.encode("latin-1") if header else None)
    name = name or PurePosixPath(unquote(urlsplit(url).path)).name or "index.html"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def extract(files: list[tuple[Path, str]], hosts: list[str], output: Path) -> Any:
    args: list[str | Path] = ["extract", *(path for path, _ in files), "-o", output]
    for _, url in files:
        args += ["--url", url]
    for host in hosts:
        args += ["--host", host]
    return gov_reports(*args)


def test_crawl_and_extract_give_the_same_records(
    demo_portal: DemoPortal, demo_expected: dict[str, Any], tmp_path: Path
) -> None:
    dump = tmp_path / "crawl.jsonl"
    args: list[str | Path] = ["crawl", "-o", dump, "--log-level", "WARNING"]
    for url in demo_portal.start_urls:
        args += ["--start-url", url]
    crawled = gov_reports(*args)
    assert crawled.returncode == 0, crawled.stderr[-3000:]
    records = read_records(dump)
    assert set(records) == {r["key"] for r in demo_expected["reports"]}
    hosts = sorted({urlsplit(url).netloc for url in demo_portal.sites.values()})

    differences = {}
    for number, (key, record) in enumerate(sorted(records.items())):
        folder = tmp_path / f"saved-{number}"
        files = [(save(url, folder / str(i)), url) for i, url in enumerate(record["urls"])]
        output = tmp_path / f"extract-{number}.jsonl"
        result = extract(files, hosts, output)
        assert result.returncode == 0, (key, result.stderr)
        got = read_records(output)
        assert list(got) == [key], (key, result.stderr)
        fields = sorted(f for f in {*record, *got[key]} if record.get(f) != got[key].get(f))
        if fields:
            differences[key] = {f: (record.get(f), got[key].get(f)) for f in fields}
    # What only a platform's listing API says (gkmlpt's publish time, Hanweb xxgk's publisher and credit code)
    # is no part of a page's bytes: the one difference allowed, and only where the crawl says it came from there.
    from_listing = {}
    for key, fields in differences.items():
        record = records[key]
        if record["issuer_evidence"] and "issuer_evidence" in fields and fields["issuer_evidence"][1] == {}:
            from_listing.setdefault(key, []).append(fields.pop("issuer_evidence"))
        if record["published_source"] == "platform" and {"published", "published_source"} <= set(fields):
            from_listing.setdefault(key, []).append((fields.pop("published"), fields.pop("published_source")))
    assert {key: fields for key, fields in differences.items() if fields} == {}
    # Only the sites behind such a platform have them; every other record is equal field for field.
    site_of = {urlsplit(base).netloc: name for name, base in demo_portal.sites.items()}
    assert {site_of[urlsplit(records[key]["url"]).netloc] for key in from_listing} == PLATFORM_SITES


def test_trap_pages_give_no_record_either(demo_portal: DemoPortal, demo_expected: dict[str, Any], tmp_path: Path):
    hosts = sorted({urlsplit(url).netloc for url in demo_portal.sites.values()})
    traps = [demo_portal.url(t["site"], t["path"]) for t in demo_expected["traps"]]
    assert traps
    files = [(save(url, tmp_path / str(i)), url) for i, url in enumerate(traps)]
    output = tmp_path / "traps.jsonl"
    result = extract(files, hosts, output)
    assert result.returncode == 1, result.stderr  # every file skipped, each with its reason
    assert result.stderr.count("skipped ") == len(traps)
    assert read_records(output) == {}
