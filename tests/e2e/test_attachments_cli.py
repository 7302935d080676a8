"""`gov-reports extract` on report files in its own process: PDF, DOCX and WPS copies of one report merge into
one record, broken files are named on stderr."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.documents import make_report_docx, make_report_pdf
from tests.support.paths import DOCUMENTS as FIXTURES
from tests.support.paths import ROOT


@pytest.fixture(scope="module")
def docx_bytes() -> bytes:
    return make_report_docx()


def test_extract_command_reads_attachments(tmp_path: Path, docx_bytes: bytes) -> None:
    files = {
        "hulin.pdf": make_report_pdf(),
        "hulin.docx": docx_bytes,
        "broken.pdf": b"<!DOCTYPE html><html><body>login</body></html>",
        "cut.docx": docx_bytes[:2000],
    }
    if shutil.which("soffice") or shutil.which("antiword"):
        files["hulin.wps"] = gzip.decompress((FIXTURES / "hulin_2020.doc.gz").read_bytes())
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    out = tmp_path / "out.jsonl"
    inputs = sorted(map(str, tmp_path.glob("*.*")))
    command = [sys.executable, "-m", "gov_reports.cli", "extract", *inputs, "-o", str(out)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, result.stderr
    assert "broken.pdf: not_a_pdf_but_html" in result.stderr and "cut.docx: truncated" in result.stderr
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["key"] == "虎林市人民政府|2020"
    types = {a["type"] for a in record["attachments"] if a.get("sha256")}
    assert types == {"pdf", "docx"} | ({"wps"} if "hulin.wps" in files else set())
    assert record["summary"]["applications_new"] == 16
