"""Score `gov-reports extract` on the real corpus against the truth a person read from each document.

Run by hand from the repo root (tests/unit/test_real_corpus.py runs the same scoring on the tuned part)::

    python bench/real_corpus.py [--part tuned|holdout|all] [--corpus DIR] [--truth FILE] [--json] [-v]

The corpus is ``../shared/real-corpus`` beside the clone (the ``corpus`` entry of the truth file,
relative to the repo root), or ``--corpus``, or ``$GOV_REPORTS_REAL_CORPUS``; it is third-party
data and never copied into the repository. The truth is ``tests/fixtures/real/truth.json``
(format: facts read by a person, never produced by the extractor). The files listed in
``tests/fixtures/real/HOLDOUT`` are the holdout part, every other document of the truth the tuned
part. ``--part tuned`` (the default) never opens a holdout file: the holdout is scored once, at the
end, by whoever reports it.

Each file goes through `gov_reports.cli.extract_file`, the function `gov-reports extract` calls, and
is scored per measure:

- *reports found*: a report yields a record; *traps refused*: a trap (or a list page) yields none;
- *fields*: issuer (the truth's ``issuer`` or one of ``issuer_accept``), year, published (only where
  the truth prints one), format; a report without a record has every field wrong;
- *numbers*: every number of the truth's ``stats`` and ``summary`` not listed in ``unreadable``,
  against the record's value at the same path (a ``{value, unit, raw}`` cell compares its value);
  a path the record lacks is wrong;
- *blanks*, apart: the truth's null leaves (a blank cell, a figure the document does not print),
  right where the record has no number there either (null, or no such path): nothing invented.

Accuracy is right / total per measure and part. ``-v`` prints every miss per document; ``--json``
prints the whole result (documents, checks, summary) as one JSON object instead of the table.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TRUTH = ROOT / "tests" / "fixtures" / "real" / "truth.json"
HOLDOUT = ROOT / "tests" / "fixtures" / "real" / "HOLDOUT"
DEFAULT_CORPUS = "../shared/real-corpus"
CORPUS_ENV = "GOV_REPORTS_REAL_CORPUS"
PARTS = ("tuned", "holdout", "all")
FIELDS = ("issuer", "year", "published", "format")
MEASURES = ("reports_found", "traps_refused", "fields", *FIELDS, "numbers", "blanks")
NUMBER_GROUPS = ("stats", "summary")
MISSING = "<missing>"
"""What a check got where the record has no such path."""

Part = Literal["tuned", "holdout", "all"]


@dataclass(kw_only=True)
class Check:
    """One scored fact: what the truth says at `path`, what the record gave, and whether they agree."""

    measure: str
    path: str
    expected: Any
    got: Any
    right: bool


@dataclass(kw_only=True)
class DocumentResult:
    name: str
    kind: str
    part: str
    skipped: str | None = None
    """Why the file gave no record (the extractor's reason), None when it gave one."""
    key: str | None = None
    """The record's key, when it gave one."""
    checks: list[Check] = field(default_factory=list)

    @property
    def misses(self) -> list[Check]:
        return [check for check in self.checks if not check.right]


def corpus_dir(truth: dict[str, Any], given: str | Path | None = None) -> Path:
    """--corpus, else $GOV_REPORTS_REAL_CORPUS, else the truth's `corpus` entry relative to the repo root."""
    chosen = given or os.environ.get(CORPUS_ENV) or truth.get("corpus") or DEFAULT_CORPUS
    path = Path(chosen)
    return path if path.is_absolute() else (ROOT / path).resolve()


def load_truth(path: Path = TRUTH) -> dict[str, Any]:
    truth = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(truth.get("documents"), dict):
        raise ValueError(f"{path}: no 'documents' object")
    return truth


def load_holdout(path: Path = HOLDOUT) -> set[str]:
    """The holdout's file names: one a line, '#' comments and blank lines ignored."""
    names = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return {name for name in names if name}


def part_of(name: str, holdout: set[str]) -> str:
    return "holdout" if name in holdout else "tuned"


def select(truth: dict[str, Any], holdout: set[str], part: Part) -> list[str]:
    """The documents of one part, sorted by name."""
    return sorted(name for name in truth["documents"] if part == "all" or part_of(name, holdout) == part)


def extract(path: Path) -> tuple[dict[str, Any] | None, str | None]:
    """(record, None) or (None, why there is none): what `gov-reports extract` makes of one file."""
    from gov_reports.cli import extract_file
    from gov_reports.extract.documents import UnreadableDocument
    from gov_reports.extract.page import NotAReport

    if not path.is_file():
        return None, "file_missing"
    try:
        return extract_file(path), None
    except NotAReport as error:
        return None, error.reason
    except UnreadableDocument as error:
        return None, error.reason
    except (ValueError, OSError) as error:
        return None, f"{type(error).__name__}: {error}"[:120]


def leaves(tree: Any, prefix: str) -> Iterator[tuple[str, Any]]:
    """(dotted path, value) of every leaf under `tree`: numbers and nulls (blanks)."""
    if isinstance(tree, dict):
        for key, value in tree.items():
            yield from leaves(value, f"{prefix}.{key}")
    else:
        yield prefix, tree


def value_at(record: dict[str, Any], path: str) -> tuple[bool, Any]:
    """(found, value) at a dotted path of the record; a {value, unit, raw} cell gives its value."""
    node: Any = record
    for key in path.split("."):
        if not isinstance(node, dict) or key not in node:
            return False, None
        node = node[key]
    if isinstance(node, dict) and "value" in node:
        node = node["value"]
    return True, node


def same_number(expected: Any, got: Any) -> bool:
    if expected is None or got is None:
        return expected is None and got is None
    if isinstance(got, bool) or not isinstance(got, int | float) or not isinstance(expected, int | float):
        return False
    return math.isclose(float(expected), float(got), rel_tol=1e-9, abs_tol=1e-9)


def field_checks(entry: dict[str, Any], record: dict[str, Any] | None) -> list[Check]:
    got = record or {}
    accepted = [name for name in [entry.get("issuer"), *entry.get("issuer_accept", [])] if name]
    checks = [
        Check(
            measure="issuer",
            path="issuer",
            expected=entry.get("issuer"),
            got=got.get("issuer"),
            right=record is not None and got.get("issuer") in accepted,
        )
    ]
    for name in ("year", "published", "format"):
        expected = entry.get(name)
        if name == "published" and expected is None:
            continue  # not printed in the document: nothing to score
        right = record is not None and got.get(name) == expected
        checks.append(Check(measure=name, path=name, expected=expected, got=got.get(name), right=right))
    return checks


def number_checks(entry: dict[str, Any], record: dict[str, Any] | None) -> list[Check]:
    unreadable = set(entry.get("unreadable", []))
    checks: list[Check] = []
    for group in NUMBER_GROUPS:
        for path, expected in leaves(entry.get(group) or {}, group):
            if path in unreadable:
                continue
            found, got = value_at(record, path) if record is not None else (False, None)
            # A blank is right when the record shows no number there either.
            right = (record is not None and got is None) if expected is None else (found and same_number(expected, got))
            checks.append(
                Check(
                    measure="blanks" if expected is None else "numbers",
                    path=path,
                    expected=expected,
                    got=got if found else MISSING,
                    right=right,
                )
            )
    return checks


def score_document(
    name: str, entry: dict[str, Any], record: dict[str, Any] | None, skipped: str | None, part: str
) -> DocumentResult:
    kind = entry.get("kind", "report")
    key = record.get("key") if record is not None else None
    result = DocumentResult(name=name, kind=kind, part=part, skipped=skipped, key=key)
    if kind == "report":
        result.checks.append(
            Check(
                measure="reports_found",
                path="record",
                expected="a record",
                got=skipped or "a record",
                right=record is not None,
            )
        )
        result.checks += field_checks(entry, record)
        result.checks += number_checks(entry, record)
    else:  # a trap or a list page: no record
        got = f"record {record.get('key')}" if record is not None else skipped
        result.checks.append(
            Check(measure="traps_refused", path="record", expected="no record", got=got, right=record is None)
        )
    return result


def run(truth: dict[str, Any], holdout: set[str], part: Part, corpus: Path) -> list[DocumentResult]:
    results = []
    for name in select(truth, holdout, part):
        record, skipped = extract(corpus / name)
        results.append(score_document(name, truth["documents"][name], record, skipped, part_of(name, holdout)))
    return results


def tally(results: Iterable[DocumentResult]) -> dict[str, dict[str, float | int | None]]:
    """{measure: {right, total, accuracy}}; `fields` is issuer + year + published + format together."""
    counts = {measure: [0, 0] for measure in MEASURES}
    for result in results:
        for check in result.checks:
            for measure in (check.measure, "fields") if check.measure in FIELDS else (check.measure,):
                counts[measure][0] += check.right
                counts[measure][1] += 1
    return {
        measure: {"right": right, "total": total, "accuracy": (right / total) if total else None}
        for measure, (right, total) in counts.items()
    }


def summary(results: list[DocumentResult]) -> dict[str, dict[str, dict[str, float | int | None]]]:
    """Per part present in `results` (and 'all' when both are), the tallies."""
    parts = sorted({result.part for result in results})
    out = {p: tally(r for r in results if r.part == p) for p in parts}
    if len(parts) > 1:
        out["all"] = tally(results)
    return out


def _cell(counts: dict[str, float | int | None]) -> str:
    if not counts["total"]:
        return "–"
    return f"{counts['right']}/{counts['total']} ({counts['accuracy']:.3f})"


def markdown(results: list[DocumentResult], *, verbose: bool) -> str:
    table = summary(results)
    lines = ["| measure | " + " | ".join(table) + " |", "|---|" + "---|" * len(table)]
    lines += [f"| {measure} | " + " | ".join(_cell(table[p][measure]) for p in table) + " |" for measure in MEASURES]
    lines += ["", "| document | part | kind | record | misses |", "|---|---|---|---|---|"]
    for result in results:
        lines.append(
            f"| {result.name} | {result.part} | {result.kind} | {'no: ' + result.skipped if result.skipped else 'yes'} "
            f"| {len(result.misses)} of {len(result.checks)} |"
        )
    if verbose:
        for result in results:
            if not result.misses:
                continue
            lines += [
                "",
                f"### {result.name} ({result.part}, {result.kind})",
                "",
                "| path | expected | got |",
                "|---|---|---|",
            ]
            lines += [f"| {path} | {expected} | {got} |" for path, expected, got in _miss_rows(result.misses)]
    return "\n".join(lines)


def _miss_rows(misses: list[Check]) -> list[tuple[str, str, str]]:
    """One row per miss, except that the cells of a table the record lacks altogether are one row."""
    absent: dict[str, int] = {}
    rows: list[tuple[str, str, str]] = []
    for check in misses:
        table = ".".join(check.path.split(".")[:2])
        if check.got == MISSING and check.path.startswith("stats."):
            if table not in absent:
                rows.append((table, "", ""))
            absent[table] = absent.get(table, 0) + 1
        else:
            rows.append((check.path, repr(check.expected), repr(check.got)))
    return [(path, f"{absent[path]} cells", MISSING) if path in absent else (path, e, g) for path, e, g in rows]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--part", choices=PARTS, default="tuned", help="which documents to score (default: tuned)")
    parser.add_argument("--corpus", help=f"the corpus directory (default: $ {CORPUS_ENV} or {DEFAULT_CORPUS})")
    parser.add_argument("--truth", type=Path, default=TRUTH)
    parser.add_argument("--holdout", type=Path, default=HOLDOUT)
    parser.add_argument("--json", action="store_true", help="print the result as one JSON object")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss per document")
    args = parser.parse_args(argv)
    try:
        truth = load_truth(args.truth)
        holdout = load_holdout(args.holdout)
    except (OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    corpus = corpus_dir(truth, args.corpus)
    if not corpus.is_dir():
        print(f"error: no corpus at {corpus} (give --corpus DIR or set {CORPUS_ENV})", file=sys.stderr)
        return 2
    results = run(truth, holdout, args.part, corpus)
    if args.json:
        payload = {
            "part": args.part,
            "corpus": str(corpus),
            "summary": summary(results),
            "documents": [asdict(result) | {"misses": len(result.misses)} for result in results],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=1, default=str))
    else:
        print(markdown(results, verbose=args.verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
