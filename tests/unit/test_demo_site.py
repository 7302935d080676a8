"""The demo portal's content as data/demo holds it: every expected page exists, enough variety, small enough.

What the server does with it (ports, charsets, endpoints, robots.txt, the request log) is tested over HTTP in
tests/e2e/test_demo_server.py.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from gov_reports.demo.files import safe_path, site_file
from gov_reports.demo.server import default_root
from tests.support.demo_pages import EXPECTED, page_text

ROOT = default_root()


def test_safe_path_stays_inside(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    assert safe_path(tmp_path, "/a/b.html") == (tmp_path / "a" / "b.html").resolve()
    assert safe_path(tmp_path, "/a/../../x") is None
    assert safe_path(tmp_path, "/a/%2e%2e/%2e%2e/x") is None
    assert safe_path(tmp_path, "/a\\..\\x") is None


def test_expected_paths_exist() -> None:
    for report in EXPECTED["reports"]:
        assert report["key"] == f"{report['issuer']}|{report['year']}"
        assert report["best_path"] in report["paths"]
        assert report["format"] in {"pre2019", "2019", "2021", "unknown"}
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", report["published"])
        files = {f["link"]: f for f in report.get("files", [])}
        for path in report["paths"]:
            if path in files:  # a report file (PDF, DOCX, DOC), possibly behind a download script
                data = (ROOT / report["site"] / files[path]["path"].lstrip("/")).read_bytes()
                assert hashlib.sha256(data).hexdigest() == files[path]["sha256"]
                continue
            text = page_text(report["site"], path)
            assert str(report["year"]) in text
        if report["best_path"] in files:
            continue
        best = page_text(report["site"], report["best_path"])
        for spam in report["spam"]:
            assert spam in best, (report["key"], spam)
    for trap in EXPECTED["traps"] + EXPECTED["robots_disallowed"]:
        assert site_file(ROOT / trap["site"], trap["path"]).is_file()
    for item in EXPECTED["missing"]:
        if item["status"] == 404:
            assert not (ROOT / item["site"] / item["path"].lstrip("/")).exists()


def test_enough_reports_and_variety() -> None:
    reports = EXPECTED["reports"]
    assert len({r["key"] for r in reports}) == len(reports) >= 15
    assert {r["format"] for r in reports} >= {"pre2019", "2019", "2021"}
    assert {r["published_source"] for r in reports} == {"meta", "label", "signature", "platform"}
    assert any(len(r["paths"]) > 1 for r in reports)
    assert any("更正" in r["title"] for r in reports)
    flags = [r.get("table3_total_column", {}).get("consistent") for r in reports]
    assert True in flags and False in flags


def test_same_report_listed_twice_in_one_list() -> None:
    records: list[dict[str, Any]] = json.loads((ROOT / "hanweb" / "_records" / "col4971.json").read_text("utf-8"))[
        "records"
    ]
    hrefs = [r["href"] for r in records]
    assert len(hrefs) != len(set(hrefs))


def test_demo_is_small() -> None:
    size = sum(f.stat().st_size for f in ROOT.rglob("*") if f.is_file())
    assert size < 2_000_000
