"""docs/data-dictionary.md is the generator's output, and docs/loading.md's pandas code runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gov_reports.cli import main
from gov_reports.model.schema import record_schema
from gov_reports.outputs.dictionary import DEFAULT_PATH, render_dictionary
from gov_reports.outputs.export import LONG_COLUMNS, WIDE_COLUMNS
from tests.support.paths import DEMO_ROOT, DOCS


def test_data_dictionary_is_up_to_date() -> None:
    assert DEFAULT_PATH == DOCS / "data-dictionary.md"
    assert DEFAULT_PATH.read_text(encoding="utf-8") == render_dictionary(), (
        "docs/data-dictionary.md is stale: run `gov-reports schema`"
    )


def test_data_dictionary_covers_every_field_and_column() -> None:
    text = render_dictionary()
    for name in record_schema()["properties"]:
        assert f"| `{name}` |" in text, name
    for name in (*LONG_COLUMNS, *WIDE_COLUMNS):
        assert f"| `{name}` |" in text, name
    assert "| `stats.applications.<row>.<column>` |" in text
    assert "`withheld_state_secret`" in text and "`litigation_after_reconsideration`" in text


def test_schema_command_writes_the_dictionary(tmp_path: Path) -> None:
    schema, docs = tmp_path / "schema.json", tmp_path / "dictionary.md"
    assert main(["schema", "-o", str(schema), "--docs", str(docs)]) == 0
    assert docs.read_text(encoding="utf-8") == render_dictionary()


def test_loading_pandas_snippets_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas", reason="pandas (the `test` extra) is not installed")
    demo = DEMO_ROOT
    # A dump made offline from some demo pages (reports and others), exported as the how-to says.
    pages = sorted(demo.glob("*/**/*.html"))[:12]
    monkeypatch.chdir(tmp_path)
    assert main(["extract", *map(str, pages), "-o", "reports.jsonl"]) in (0, 1)
    assert main(["export", "reports.jsonl", "--format", "both", "-o", "stats.csv"]) == 0
    text = (DOCS / "loading.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.DOTALL)
    assert len(blocks) == 2
    namespace: dict = {}
    for block in blocks:
        exec(compile(block, "docs/loading.md", "exec"), namespace)
    records, reports, cells = namespace["records"], namespace["reports"], namespace["cells"]
    assert len(records) == len(reports) == len(namespace["reports_csv"]) > 0
    assert str(reports["applications_new"].dtype) == "Int64"
    assert str(reports_csv_year := namespace["reports_csv"]["year"].dtype) == "Int64", reports_csv_year
    assert len(cells) == len(Path("stats.csv").read_text(encoding="utf-8").splitlines()) - 1
    assert namespace["received"]["count"].sum() == reports["applications_new"].notna().sum()
