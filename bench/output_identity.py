"""Prove a refactoring kept behaviour: dump every output gov-reports makes, before and after, and compare.

`python bench/output_identity.py dump OUT.json` writes, as one JSON object:

- `extraction`: every extractor output on every page and text we have (tests/support/extraction_outputs.py:
  the demo portal's pages, texts and report files, the seeds, the page and table fixtures, the real-document
  shapes, broken inputs), cleaning internals included;
- `real_corpus`: the record `gov-reports extract` makes of every file of the real corpus (or why there is none);
- `crawl`: the records of `gov-reports crawl --demo`, by key, and the crawl's exit code.

`python bench/output_identity.py compare BEFORE.json AFTER.json` prints the first differences and exits 1 if
there are any. Issue 17's restructure was checked this way (docs/architecture.md).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def extraction() -> dict[str, Any]:
    from tests.support.extraction_outputs import outputs

    return outputs()


def real_corpus() -> dict[str, Any]:
    from bench.real_corpus import extract

    corpus = Path(os.environ.get("GOV_REPORTS_REAL_CORPUS", ROOT.parent / "shared" / "real-corpus"))
    found: dict[str, Any] = {}
    for path in sorted(corpus.iterdir()):
        if path.is_file() and path.name != "PROVENANCE.md":
            record, why = extract(path)
            found[path.name] = record if record is not None else ["none", why]
    return found


def crawl() -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / "demo.jsonl"
        done = subprocess.run(
            [sys.executable, "-m", "gov_reports.cli", "crawl", "--demo", "-o", str(out)],
            cwd=work,
            capture_output=True,
            text=True,
            check=False,
        )
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] if out.exists() else []
    return {"exit": done.returncode, "records": {record["key"]: record for record in records}}


def differences(before: Any, after: Any, path: str = "") -> list[str]:
    if isinstance(before, dict) and isinstance(after, dict):
        found = []
        for key in sorted(set(before) | set(after)):
            if key not in after:
                found.append(f"{path}/{key}: only before")
            elif key not in before:
                found.append(f"{path}/{key}: only after")
            else:
                found.extend(differences(before[key], after[key], f"{path}/{key}"))
        return found
    if before != after:
        return [
            f"{path}: {json.dumps(before, ensure_ascii=False)[:160]} != {json.dumps(after, ensure_ascii=False)[:160]}"
        ]
    return []


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "dump":
        payload = {"extraction": extraction(), "real_corpus": real_corpus(), "crawl": crawl()}
        text = json.dumps(payload, ensure_ascii=False, sort_keys=True, default=repr)
        Path(argv[1]).write_text(text, encoding="utf-8")
        counts = {part: len(value) for part, value in payload.items()}
        print(f"{argv[1]}: {counts}, {len(payload['crawl']['records'])} crawled records")
        return 0
    if len(argv) == 3 and argv[0] == "compare":
        before, after = (json.loads(Path(name).read_text(encoding="utf-8")) for name in argv[1:])
        found = differences(before, after)
        for line in found[:40]:
            print(line)
        print(f"{len(found)} difference(s)" if found else "identical")
        return 1 if found else 0
    print("usage: output_identity.py dump OUT.json | compare BEFORE.json AFTER.json", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
