"""The published JSON Schema (data/annual_report.schema.json) is the one the record's code gives."""

from __future__ import annotations

import json

from gov_reports.model.schema import record_schema
from tests.support.paths import ROOT


def test_published_schema_matches_the_code() -> None:
    published = json.loads((ROOT / "data" / "annual_report.schema.json").read_text(encoding="utf-8"))
    assert published == json.loads(json.dumps(record_schema())), "run `gov-reports schema` and commit the result"
