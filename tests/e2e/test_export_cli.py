"""`gov-reports export` as a user runs it (the installed entry point, its own process): formats, exact names,
the Parquet extra asked for by name, and garbage in → exit 2, the bad line's number, nothing written."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.support.cli_support import gov_reports
from tests.support.stats_support import HULIN, QINHUANGDAO, export_record, seed


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    path = tmp_path / "reports.jsonl"
    records = [
        export_record(seed(HULIN), "虎林市人民政府", 2020, "2019", "2021-02-04"),
        export_record(seed(QINHUANGDAO), "秦皇岛市人民政府", 2016, "pre2019", None),
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


@pytest.mark.parametrize(
    ("fmt", "name", "written"),
    [
        ("parquet", "n.parquet", {"n.parquet", "n.summary.parquet"}),  # no n.parquet.parquet
        ("csv", "n.csv", {"n.csv", "n.summary.csv"}),
        ("both", "n.csv", {"n.csv", "n.summary.csv", "n.parquet", "n.summary.parquet"}),
        ("both", "n.parquet", {"n.csv", "n.summary.csv", "n.parquet", "n.summary.parquet"}),
        ("parquet", "stats", {"stats", "stats.summary.parquet"}),  # exactly the name given
    ],
)
def test_format_and_exact_names(dump: Path, tmp_path: Path, fmt: str, name: str, written: set[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    result = gov_reports("export", dump, "--format", fmt, "-o", out / name)
    assert result.returncode == 0, result.stderr
    assert files(out) == written
    if "parquet" in fmt or fmt == "both":
        import pyarrow.parquet as pq

        parquet = next(out / n for n in written if n.endswith(".summary.parquet"))
        assert pq.read_table(parquet).num_rows == 2


def test_parquet_without_pyarrow_asks_for_the_extra(dump: Path, tmp_path: Path) -> None:
    """pyarrow made unimportable for the command: one line naming the extra, exit 2, nothing written."""
    blocker = tmp_path / "no_pyarrow" / "pyarrow"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text("raise ModuleNotFoundError(\"No module named 'pyarrow'\")\n")
    out = tmp_path / "out"
    out.mkdir()
    path = os.pathsep.join([str(blocker.parent), os.environ.get("PYTHONPATH", "")])
    env_result = _with_env({"PYTHONPATH": path}, "export", dump, "--format", "parquet", "-o", out / "n.parquet")
    assert env_result.returncode == 2
    lines = env_result.stderr.strip().splitlines()
    assert len(lines) == 1 and "pip install 'gov-reports[parquet]'" in lines[0] and "pyarrow" in lines[0], lines
    assert files(out) == set()
    # CSV needs no extra.
    assert _with_env({"PYTHONPATH": path}, "export", dump, "--format", "csv", "-o", out / "n.csv").returncode == 0


def _with_env(extra: dict[str, str], *args: str | Path):
    import subprocess

    from tests.support.cli_support import ROOT, gov_reports_command

    env = {**os.environ, **extra}
    command = [*gov_reports_command(), *map(str, args)]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize("fmt", ["csv", "parquet", "both"])
def test_garbage_input_is_exit_2_with_the_line_and_nothing_written(tmp_path: Path, fmt: str) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# Not a dump\n\nSome text.\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    earlier = out / "n.csv"
    earlier.write_text("an earlier export\n", encoding="utf-8")
    result = gov_reports("export", readme, "--format", fmt, "-o", earlier)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]  # one line
    assert f"{readme}:1: not a gov-reports record" in result.stderr
    assert files(out) == {"n.csv"} and earlier.read_text(encoding="utf-8") == "an earlier export\n"


def test_a_bad_line_after_good_ones_leaves_nothing_half_written(dump: Path, tmp_path: Path) -> None:
    with dump.open("a", encoding="utf-8") as handle:
        handle.write('{"key": ["not", "a", "string"]}\n')
    out = tmp_path / "out"
    out.mkdir()
    result = gov_reports("export", dump, "--format", "csv", "-o", out / "n.csv")
    assert result.returncode == 2 and f"{dump}:3: not a gov-reports record" in result.stderr
    assert files(out) == set()  # no temporary file left either


@pytest.mark.parametrize("problem", ["directory", "missing_parent", "missing_input"])
def test_bad_paths_are_exit_2(dump: Path, tmp_path: Path, problem: str) -> None:
    target = {"directory": tmp_path, "missing_parent": tmp_path / "no" / "n.csv"}.get(problem, tmp_path / "n.csv")
    source = tmp_path / "absent.jsonl" if problem == "missing_input" else dump
    before = files(tmp_path)
    result = gov_reports("export", source, "-o", target)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    assert files(tmp_path) == before
