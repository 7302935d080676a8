"""Trust without contradictions: a property over every demo and fixture record, in every setting a copy
can be met in (no URL, an unverified host, a configured host, an unofficial host).

- the flags come from the verdict's own decision: never `mirror_suspected` on an official copy, always
  on a mirror; `unofficial_host` exactly when the host reason says so; `nongov_address:` as in the reasons;
  a mirror's address in `mirrors`, never in `urls`, and the other way round;
- on an official host (a government domain, the registry's or the crawl's hosts) the site metadata is the
  hosting portal's: a SiteIDCode of an unrelated division never turns an official copy into a mirror.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from urllib.parse import urlsplit

import pytest

from gov_reports.extract.page import NotAReport, Page, PageSource, extract
from gov_reports.extract.trust import MIRROR_SIGNS, OFFICIAL_HOST_REASONS
from gov_reports.model.record import AnnualReport
from tests.support.demo_pages import BASES, EXPECTED, demo_page, is_demo_file
from tests.support.mirror_portal import mirror_pages
from tests.support.paths import FIXTURES

SITE_SIGNS = ("site_id_mismatch", "site_name_mismatch")
FOREIGN_SITE_ID = "6501000001"  # 乌鲁木齐市: no demo or fixture issuer is in or around it


@cache
def pages() -> dict[str, tuple[str, str, str]]:
    """name -> (content, kind, URL it was served at) of every demo report page and fixture page."""
    found: dict[str, tuple[str, str, str]] = {}
    for report in EXPECTED["reports"]:
        if not is_demo_file(report["best_path"]):
            url = BASES[report["site"]] + report["best_path"]
            found[report["key"]] = (demo_page(report["site"], report["best_path"])[1], "html", url)
    for path, body in mirror_pages().items():
        found[f"mirror{path}"] = (body.decode("utf-8"), "html", f"http://www.tgflt.cn{path}")
    for case in sorted((FIXTURES / "pages").iterdir()):
        found[f"page:{case.name}"] = ((case / "input.html").read_text(encoding="utf-8"), "html", "")
    for seed in sorted((FIXTURES / "seeds").glob("*.txt")):
        found[f"seed:{seed.name}"] = (seed.read_text(encoding="utf-8"), "text", "")
    return found


def settings(url: str) -> Iterator[tuple[str, PageSource]]:
    yield "no_url", PageSource()
    if not url:
        url = "http://www.example-portal.cn/a.html"
    host = urlsplit(url).netloc
    yield "unverified", PageSource(url=url)
    yield "configured", PageSource(url=url, official_hosts=frozenset({host}))
    yield "unofficial", PageSource(url=url, official=False, official_hosts=frozenset({"www.harbin.gov.cn"}))


def records() -> Iterator[tuple[str, AnnualReport]]:
    for name, (content, kind, url) in pages().items():
        for setting, source in settings(url):
            try:
                yield f"{name} [{setting}]", extract(Page(content, kind=kind, source=source))  # type: ignore[arg-type]
            except NotAReport:
                continue


def contradictions(record: AnnualReport) -> list[str]:
    verdict, reasons, flags = record.trust["verdict"], record.trust["reasons"], record.flags
    found = []
    if verdict == "official" and "mirror_suspected" in flags:
        found.append("official verdict with mirror_suspected")
    if verdict == "mirror" and "mirror_suspected" not in flags:
        found.append("mirror verdict without mirror_suspected")
    if ("unofficial_host" in flags) != reasons[0].startswith("unofficial_host"):
        found.append(f"unofficial_host flag against host reason {reasons[0]}")
    if sorted(f for f in flags if f.startswith("nongov_address:")) != sorted(
        r for r in reasons if r.startswith("nongov_address:")
    ):
        found.append("nongov_address flags differ from the reasons")
    if record.urls if verdict == "mirror" else record.mirrors:
        found.append(f"urls {record.urls} / mirrors {record.mirrors} against verdict {verdict}")
    if verdict == "mirror" and reasons[0] in OFFICIAL_HOST_REASONS:
        content_signs = [r for r in reasons if r.split(":")[0] in MIRROR_SIGNS and r.split(":")[0] not in SITE_SIGNS]
        if not content_signs:
            found.append("a mirror on an official host by its site metadata alone")
    return found


def test_every_record_is_consistent_with_its_verdict():
    checked = {name: contradictions(record) for name, record in records()}
    assert len(checked) > 100  # every demo report, mirror copy, fixture page and seed, in four settings
    assert {name: found for name, found in checked.items() if found} == {}
    verdicts = {record.trust["verdict"] for _, record in records()}
    assert verdicts == {"official", "mirror", "unknown"}  # the property is exercised on all three


def with_site_id(content: str, kind: str, code: str) -> str:
    if kind == "html":
        return re.sub(r"(<head[^>]*>)", rf'\1<meta name="SiteIDCode" content="{code}">', content, count=1, flags=re.I)
    return content + f"\n网站标识码：{code}"


@pytest.mark.parametrize("name", [k for k, (_, _, url) in pages().items() if url and not k.startswith("mirror")])
def test_a_foreign_site_id_never_makes_an_official_copy_a_mirror(name: str):
    content, kind, url = pages()[name]
    source = PageSource(url=url, official_hosts=frozenset({urlsplit(url).netloc}))
    plain = extract(Page(content, kind=kind, source=source))  # type: ignore[arg-type]
    hosted = extract(Page(with_site_id(content, kind, FOREIGN_SITE_ID), kind=kind, source=source))  # type: ignore[arg-type]
    assert hosted.site_id_code == FOREIGN_SITE_ID
    if plain.division_code is None or plain.division_code.startswith("65"):
        # Issuer not located (or near the foreign code): no mismatch to record, and the verdict must not move.
        assert hosted.trust["verdict"] == plain.trust["verdict"]
        assert contradictions(hosted) == []
        return
    assert f"site_id_mismatch:{FOREIGN_SITE_ID}" in hosted.trust["reasons"]  # recorded…
    assert hosted.trust["verdict"] == plain.trust["verdict"] == "official"  # …never a mirror by itself
    assert contradictions(hosted) == []
