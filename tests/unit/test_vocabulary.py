"""The one vocabulary (gov_reports.model.vocabulary): complete, documented, and the only place that spells it.

"Nothing else spells them" is checked on the AST of every module of gov_reports/: no statistics key
anywhere, and no flag, skip reason, level, format or verdict in the positions where the word is
vocabulary (a flag appended or looked up, a skip's reason, a comparison with `.level`/`.verdict`/
`.format`/`.reason`, a module constant). The same word with another meaning (a check named
'tables_missing', a document's 'truncated') is not vocabulary and is left alone.
"""

from __future__ import annotations

import ast
import re
import typing
from pathlib import Path

import pytest

from gov_reports.crawl.summary import refused_reasons, skipped_reasons
from gov_reports.model import record, vocabulary
from gov_reports.model.vocabulary import (
    ExportFormat,
    Flag,
    FlagPrefix,
    Level,
    ReadFailure,
    ReadFailurePrefix,
    ReportFormat,
    SkipReason,
    Stat,
    StatPrefix,
    TrustVerdict,
    members,
    refused_key,
    skipped_key,
)

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "gov_reports"
VOCABULARY = PACKAGE / "model" / "vocabulary.py"
FAMILIES = (
    Flag,
    FlagPrefix,
    SkipReason,
    ReadFailure,
    ReadFailurePrefix,
    Stat,
    StatPrefix,
    Level,
    ReportFormat,
    TrustVerdict,
    ExportFormat,
)
# Words distinctive enough that a module constant spelling one is the vocabulary spelled twice.
DISTINCT = {
    v for family in (Flag, FlagPrefix, SkipReason, ReadFailure, Stat, StatPrefix) for v in members(family).values()
}
SKIP_CALLS = {"RecordedSkip": 0, "NotAReport": 0, "RefusedPage": 0, "_skip": 0, "skip_request": 1}
# A file's read failure: UnreadableDocument(reason, …).
READ_CALLS = {"UnreadableDocument": 0}
_FORMATS = frozenset({*members(ReportFormat).values(), *members(ExportFormat).values()})
# A variable, parameter, keyword or attribute of one of these names holds that family's values.
BY_NAME: dict[str, frozenset[str]] = {
    "level": frozenset(members(Level).values()),
    "verdict": frozenset(members(TrustVerdict).values()),
    **dict.fromkeys(("format", "fmt", "report_format", "table_format", "layout_hint"), _FORMATS),
}
# Comparisons also with `.reason`.
GENERIC = BY_NAME | {"reason": frozenset({*members(SkipReason).values(), *members(ReadFailure).values()})}
# Annotations (and return types) that are the record's Literal types.
BY_TYPE = {
    **dict.fromkeys(("Level", "LevelName"), BY_NAME["level"]),
    **dict.fromkeys(("ReportFormat", "ReportFormatName"), frozenset(members(ReportFormat).values())),
    **dict.fromkeys(("Verdict", "TrustVerdict", "TrustVerdictName"), BY_NAME["verdict"]),
}


def _constants(node: ast.AST | None) -> list[ast.Constant]:
    """The strings an expression can evaluate to: itself, if-expression branches, `or` operands,
    tuple/list/set elements, `("a", "b")[i]`, `frozenset({...})`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node]
    if isinstance(node, ast.IfExp):
        return _constants(node.body) + _constants(node.orelse)
    if isinstance(node, ast.BoolOp):
        return [c for v in node.values for c in _constants(v)]
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return [c for v in node.elts for c in _constants(v)]
    if isinstance(node, ast.Subscript) and isinstance(node.value, (ast.Tuple, ast.List)):
        return _constants(node.value)
    if isinstance(node, ast.Call) and _text(node.func) in ("frozenset", "set", "tuple") and len(node.args) == 1:
        return _constants(node.args[0])
    return []


def _function_values(name: str) -> frozenset[str]:
    """issuer_level returns levels, detect_format formats; format_summary (a verb) neither."""
    words = name.strip("_").split("_")
    if "level" in words:
        return BY_NAME["level"]
    if "verdict" in words:
        return BY_NAME["verdict"]
    if "format" in words and words[0] != "format":
        return frozenset(members(ReportFormat).values())
    return frozenset()


def _constant_values(name: str, value: ast.AST | None) -> frozenset[str]:
    """LEVELS, GOVERNMENT_LEVELS, STATS_FORMATS, VERDICTS: the family, when every element is one of it."""
    found = {c.value for c in _constants(value)}
    for word, family in (("LEVEL", "level"), ("VERDICT", "verdict"), ("FORMAT", "format")):
        if word in name and found and found <= BY_NAME[family]:
            return BY_NAME[family]
    return frozenset()


def _text(node: ast.AST) -> str:
    """'record.get(flags)', 'trust.verdict', 'level': enough of an expression to see what it names."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_text(node.value)}.{node.attr}"
    if isinstance(node, ast.Call):
        return f"{_text(node.func)}({','.join(a.value for a in node.args if _is_str(a))})"
    if isinstance(node, ast.BoolOp):
        return " or ".join(_text(v) for v in node.values)
    return ""


def _is_str(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _docstrings(tree: ast.AST) -> set[int]:
    return {
        id(stmt.value)
        for node in ast.walk(tree)
        if isinstance(getattr(node, "body", None), list)  # not a lambda's or an if-expression's body
        for stmt in node.body
        if isinstance(stmt, ast.Expr) and _is_str(stmt.value)
    }


def _names(node: ast.AST) -> set[str]:
    return set(re.split(r"[.(),\s]+|or", _text(node))) - {""}


def spelled_vocabulary(source: str) -> list[tuple[int, str]]:
    """(line, value) of every vocabulary value spelled in `source` outside the vocabulary."""
    tree = ast.parse(source)
    docs = _docstrings(tree)
    found: list[tuple[int, str]] = []

    def check(node: ast.AST | None, values: typing.Collection[str]) -> None:
        for value in _constants(node):
            if id(value) not in docs and value.value in values:
                found.append((value.lineno, value.value))

    flags = set(members(Flag).values())
    prefixes = tuple(members(FlagPrefix).values()) + tuple(members(StatPrefix).values())
    prefixes += tuple(members(ReadFailurePrefix).values())
    for node in ast.walk(tree):
        if _is_str(node) and id(node) not in docs and node.value.startswith("gov_reports/"):
            found.append((node.lineno, node.value))  # a statistics key, whole or a prefix, in any position
        elif isinstance(node, ast.JoinedStr) and node.values and _is_str(node.values[0]):
            if node.values[0].value.startswith(prefixes):
                found.append((node.lineno, node.values[0].value))
        elif isinstance(node, ast.Call):
            name = _text(node.func).rsplit(".", 1)[-1].split("(")[0]
            if name in SKIP_CALLS and len(node.args) > SKIP_CALLS[name]:
                arg = node.args[SKIP_CALLS[name]]
                for value in arg.values if isinstance(arg, ast.BoolOp) else [arg]:
                    check(value, members(SkipReason).values())
            if name in READ_CALLS and len(node.args) > READ_CALLS[name]:
                arg = node.args[READ_CALLS[name]]
                for value in arg.values if isinstance(arg, ast.BoolOp) else [arg]:
                    check(value, members(ReadFailure).values())
            if name == "append" and _text(node.func).endswith("flags.append") and node.args:
                check(node.args[0], flags)
            if name == "startswith" and node.args:
                check(node.args[0], flags | set(members(FlagPrefix).values()))
        elif isinstance(node, ast.BinOp) and isinstance(node.left, ast.Name) and node.left.id in ("SKIPPED", "REFUSED"):
            check(node.right, members(SkipReason).values())
        elif isinstance(node, ast.Compare) and len(node.ops) == 1:
            left, right = node.left, node.comparators[0]
            if isinstance(node.ops[0], (ast.In, ast.NotIn)) and "flags" in _text(right):
                check(left, flags)
            pairs = [(left, right)] + ([(right, left)] if isinstance(node.ops[0], (ast.Eq, ast.NotEq)) else [])
            for other, literal in pairs:
                for name, values in GENERIC.items():
                    if name in _names(other):
                        check(literal, values)
        elif isinstance(node, (ast.Assign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(_text(t).endswith("flags") for t in targets):
                for sub in ast.walk(node.value):
                    if isinstance(sub, ast.List):
                        check(sub, flags)
            if any(isinstance(t, ast.Name) and t.id.lstrip("_").isupper() for t in targets):
                # Top-level elements only: a table of (pattern, reason) pairs names another family's reasons.
                elements = node.value.elts if isinstance(node.value, (ast.Tuple, ast.List, ast.Set)) else [node.value]
                for element in elements:
                    if _is_str(element):
                        check(element, DISTINCT)
            for target in targets:
                check(node.value, BY_NAME.get(_text(target).rsplit(".", 1)[-1], ()))
                if isinstance(target, ast.Name):
                    check(node.value, _constant_values(target.id, node.value))
            literal = node.value
            if isinstance(literal, ast.Subscript) and _text(literal.value) == "Literal" and _is_vocabulary(literal):
                found.append((node.lineno, ast.unparse(literal)))
        if isinstance(node, ast.AnnAssign):
            check(node.value, BY_TYPE.get(_text(node.annotation), ()))
            check(node.value, BY_NAME.get(_text(node.target).rsplit(".", 1)[-1], ()))
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                check(keyword.value, BY_NAME.get(keyword.arg or "", ()))
            if node.args and _is_str(node.args[0]) and node.args[0].value == "--format":
                for keyword in node.keywords:
                    check(keyword.value, members(ExportFormat).values())
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            args = node.args
            positional = args.posonlyargs + args.args
            defaults = list(zip(positional[len(positional) - len(args.defaults) :], args.defaults, strict=True))
            defaults += [(a, d) for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True) if d is not None]
            for arg, default in defaults:
                check(default, BY_NAME.get(arg.arg) or BY_TYPE.get(_text(arg.annotation), ()))
            returned = _function_values(node.name) or BY_TYPE.get(_text(node.returns), frozenset())
            for sub in ast.walk(node):
                if isinstance(sub, ast.Return):
                    check(sub.value, returned)
    return found


def _is_vocabulary(literal: ast.Subscript) -> bool:
    """A Literal listing the values of LevelName, ReportFormatName or TrustVerdictName: spell it by that name."""
    values = tuple(e.value for e in getattr(literal.slice, "elts", [literal.slice]) if _is_str(e))
    aliases = (vocabulary.LevelName, vocabulary.ReportFormatName, vocabulary.TrustVerdictName)
    return values in {typing.get_args(alias) for alias in aliases}


def test_nothing_else_spells_the_vocabulary() -> None:
    spelled = [
        f"{path.relative_to(ROOT)}:{line}: {value}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != VOCABULARY
        for line, value in spelled_vocabulary(path.read_text(encoding="utf-8"))
    ]
    assert spelled == []


@pytest.mark.parametrize(
    "source",
    [
        'flags.append("spam_removed")',
        'x = "tables_missing" in record.get("flags")',
        'raise skip_request(self.crawler, "waf_blocked", url)',
        'stats.inc_value(SKIPPED + "trap_link")',
        'stats.inc_value(f"gov_reports/backoff/{host}")',
        'n = stats.get("gov_reports/listing_pages", 0)',
        'ok = record.level == "township"',
        'ok = trust.verdict != "mirror"',
        'ok = fmt in (None, "unknown")',
        'MIRRORS = ("mirror_suspected", "unofficial_host")',
        'f = f"nongov_address:{host}"',
        'Level = Literal["province", "city", "county", "department", "township", "unknown"]',
        'record.flags = [f for f in record.flags if keep(f)] + ["stats_from_ocr"]',
        'level = "township" if town else None',
        'verdict: Verdict = "official"',
        'LEVELS = ("province", "city", "county")',
        'def issuer_level(name):\n    return ("province", "city", "county")[rank]',
        'def f(text, report_format: str = "unknown"): ...',
        'stats = extract_statistics(text, report_format="unknown")',
        'parser.add_argument("--format", choices=["csv", "parquet", "both"], default="csv")',
        'raise UnreadableDocument("truncated", "zip end record missing")',
        'raise UnreadableDocument(f"corrupt_{kind}", str(exc))',
        'retry = error.reason == "converter_missing"',
    ],
)
def test_the_scan_finds_a_spelled_value(source: str) -> None:
    assert spelled_vocabulary(source)


@pytest.mark.parametrize(
    "source",
    [
        '"""Flags such as \'spam_removed\'."""',
        'checks = [c for c in checks if c["name"] != "tables_missing"]',  # a check's name, not the flag
        "flags.append(Flag.SPAM_REMOVED)",
    ],
)
def test_the_scan_leaves_other_meanings(source: str) -> None:
    assert spelled_vocabulary(source) == []


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.__name__)
def test_every_constant_is_distinct_and_documented(family: type) -> None:
    values = members(family)
    assert values and len(set(values.values())) == len(values)
    (cls,) = [
        n for n in ast.parse(VOCABULARY.read_text(encoding="utf-8")).body if getattr(n, "name", "") == family.__name__
    ]
    documented = {
        stmt.target.id
        for stmt, after in zip(cls.body, [*cls.body[1:], None], strict=True)
        if isinstance(stmt, ast.AnnAssign) and isinstance(after, ast.Expr) and _is_str(after.value)
    }
    assert documented == set(values)


def test_the_record_literals_are_the_vocabulary() -> None:
    """The schema's enums come from these Literals (gov_reports.model.schema): they must list the constants."""
    assert typing.get_args(record.Level) == tuple(members(Level).values())
    assert typing.get_args(record.ReportFormat) == tuple(members(ReportFormat).values())
    assert typing.get_args(record.TrustVerdict) == tuple(members(TrustVerdict).values())


def test_stat_keys_live_under_the_project_prefix_and_helpers_round_trip() -> None:
    assert all(v.startswith("gov_reports/") for f in (Stat, StatPrefix) for v in members(f).values())
    assert all(v.endswith("/") for v in members(StatPrefix).values())
    stats = {skipped_key(SkipReason.TRAP_LINK): 2, refused_key("letter"): 1}
    assert skipped_reasons(stats) == {"trap_link": 2}
    assert refused_reasons(stats) == {"letter": 1}


def test_the_data_dictionary_names_only_vocabulary_flags() -> None:
    (row,) = [
        line for line in (ROOT / "docs" / "data-dictionary.md").read_text().splitlines() if line.startswith("| `flags`")
    ]
    named = re.findall(r"'([a-z_]+:?)", row)
    assert named and "spam_removed" in named
    prefixes = tuple(members(FlagPrefix).values())
    assert [n for n in named if n not in members(Flag).values() and not n.startswith(prefixes)] == []
