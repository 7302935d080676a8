"""Every output of the extraction on every page and text we have, as JSON: run by tests/e2e/test_compiled.py.

`python tests/support/extraction_outputs.py OUT.json` writes {"modules": which extraction modules ran (compiled or
pure), "outputs": {input: outputs}}; run once with GOV_REPORTS_PURE_PYTHON=1 and once without, the two
must be equal. Inputs: the demo portal's pages, texts and report files, the seeds, the page and table
fixtures, the real-document shapes (tests/fixtures/real_shapes), and a few broken inputs (for the NotAReport
paths).
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

from w3lib.encoding import html_to_unicode

ROOT = Path(__file__).resolve().parents[2]

from gov_reports import extract  # noqa: E402
from gov_reports.extract import clean  # noqa: E402
from gov_reports.extract.clean import clean_html, clean_text  # noqa: E402
from gov_reports.extract.documents import UnreadableDocument, read_document  # noqa: E402
from gov_reports.extract.page import NotAReport, Page, PageSource  # noqa: E402
from gov_reports.extract.statistics import extract_statistics  # noqa: E402

BROKEN = {
    "empty": "",
    "blank": " \n\t ",
    "no body": "<html><head><title>2020年政府信息公开工作年度报告</title></head></html>",
    "not html": "\x00\x01binary\xff" * 50,
    "deep": "<div>" * 400 + "2020年度政府信息公开工作年度报告 主动公开 依申请" + "</div>" * 400,
    "nested tables": (
        "<div id=zoom><table><tr><td><table><tr><td>本年新收</td><td>3</td></tr></table></td></tr></table></div>"
    ),
}


def _html_outputs(html: str, url: str) -> dict[str, Any]:
    page = clean_html(html, url)
    fields = ("lines", "titles", "meta", "labels", "attachments", "spam", "image_count", "container")
    found: dict[str, Any] = {name: getattr(page, name) for name in fields}
    found["body_html"] = page.body_html
    found["grids"] = repr(page.grids)
    found["statistics_from_html"] = repr(extract_statistics("\n".join(page.lines), html=html))
    return found


def _record(content: str, kind: str, url: str) -> Any:
    try:
        return dataclasses.asdict(extract.extract(Page(content=content, kind=kind, source=PageSource(url=url))))  # type: ignore[arg-type]
    except NotAReport as exc:
        return ["NotAReport", exc.reason, exc.detail]


def outputs() -> dict[str, Any]:
    found: dict[str, Any] = {}

    def html(name: str, content: str, url: str) -> None:
        found[f"{name}|record"] = _record(content, "html", url)
        found[f"{name}|clean"] = _html_outputs(content, url)

    def text(name: str, content: str) -> None:
        found[f"{name}|record"] = _record(content, "text", "")
        page = clean_text(content)
        found[f"{name}|clean"] = {k: getattr(page, k) for k in ("lines", "titles", "meta", "labels", "spam")}

    for path in sorted((ROOT / "data" / "demo").rglob("*")):
        name = str(path.relative_to(ROOT))
        if not path.is_file():
            continue
        if path.suffix in (".html", ".shtml", ".htm"):
            html(name, html_to_unicode(None, path.read_bytes())[1], f"https://www.example.gov.cn/{path.name}")
        elif path.suffix == ".txt":
            text(name, path.read_text(encoding="utf-8", errors="replace"))
        elif path.suffix in (".pdf", ".doc", ".docx"):
            try:
                text(name + "#document", read_document(path.read_bytes(), name=path.name).text)
            except UnreadableDocument as exc:
                found[name + "#document"] = ["UnreadableDocument", str(exc)]
    for path in sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.txt")):
        text(str(path.relative_to(ROOT)), path.read_text(encoding="utf-8"))
    for path in sorted((ROOT / "tests" / "fixtures").glob("pages/*/input.*")) + sorted(
        (ROOT / "tests" / "fixtures" / "tables").glob("*.html")
    ):
        content = html_to_unicode(None, path.read_bytes())[1]
        html(str(path.relative_to(ROOT)), content, "https://www.example.gov.cn/x/t1.html")
    # Issue 14's shapes of real documents: a crawler dump, a bold-<p> title page, a cover PDF.
    shapes = ROOT / "tests" / "fixtures" / "real_shapes"
    for path in sorted(shapes.glob("*.txt")):
        text(str(path.relative_to(ROOT)), path.read_text(encoding="utf-8"))
    for path in sorted(shapes.glob("*.html")):
        html(str(path.relative_to(ROOT)), path.read_text(encoding="utf-8"), "https://www.example.gov.cn/x/t3.html")
    for path in sorted(shapes.glob("*.pdf")):
        text(str(path.relative_to(ROOT)) + "#document", read_document(path.read_bytes(), name=path.name).text)
    for name, content in BROKEN.items():
        found[f"broken:{name}|record"] = _record(content, "html", "https://www.example.gov.cn/x/t2.html")
    return found


def main(out: str) -> None:
    modules = {"compiled": extract.COMPILED, "reason": extract.PURE_REASON, "clean": Path(clean.__file__).name}
    payload = {"modules": modules, "outputs": outputs()}
    Path(out).write_text(json.dumps(payload, ensure_ascii=False, sort_keys=True, default=repr), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
