"""The layout rules of issue 17, checked on the tree: tests by kind, shared code in tests/support, small modules.

- No module under tests/ imports a test module (test_*.py, conftest.py): what two test modules share lives in
  tests/support/, named after what it holds.
- A module under tests/unit/ starts no server, crawl or process. The rule is on what it imports (and the two
  conftest fixtures that start services), so it is simple and can be wrong only by being too strict: such a
  test belongs in tests/e2e/.
- No module under gov_reports/ is longer than 400 lines unless a comment in its first lines says why
  (`# Over 400 lines: …`). This one fails while the modules being split in phase 2 of the restructure are
  still long: it is meant to fail until they are done (never xfail it).

Each rule is a function over a directory, run on the checkout and on small trees made here, so that each is
seen to fail on what it forbids.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from tests.support.paths import ROOT

TESTS = ROOT / "tests"
MAX_LINES = 400
HEADER_LINES = 10
REASON = re.compile(r"^\s*#.*\b400 lines\b", re.IGNORECASE)

# What a unit test must not import: modules that start processes or servers, the support modules that run a
# crawl, the command or a Redis worker, and the classes that serve HTTP or run crawlers.
NOT_IN_UNIT_MODULES = (
    "subprocess",
    "multiprocessing",
    "pty",
    "socketserver",
    "http.server",
    "scrapy.crawler",
    "gov_reports.demo.synthetic",
    "tests.support.crawling",
    "tests.support.cli_support",
    "tests.support.redis_support",
    "tests.support.redis_workers",
    "tests.support.faults.servers",
)
NOT_IN_UNIT_NAMES = frozenset(
    {
        "DemoPortal",
        "SyntheticPortal",
        "FaultPortal",
        "MirrorPortal",
        "RecognitionPortal",
        "HostileServer",
        "RedisForTest",
        "HTTPServer",
        "ThreadingHTTPServer",
        "Popen",
        "CrawlerProcess",
        "CrawlerRunner",
        "AsyncCrawlerRunner",
    }
)
# tests/conftest.py's fixtures that start a service for the test that asks for them.
SERVICE_FIXTURES = frozenset({"demo_portal", "redis_for_test"})


def python_files(directory: Path) -> Iterator[Path]:
    yield from sorted(p for p in directory.rglob("*.py") if "__pycache__" not in p.parts)


def is_test_module(path: Path) -> bool:
    return path.name.startswith("test_") or path.name == "conftest.py"


def imported_names(path: Path, root: Path) -> Iterator[tuple[int, str]]:
    """(line, dotted name) of every import in the module, relative imports resolved; `from a import b` gives
    both `a` and `a.b`, since b may be a module."""
    package = path.relative_to(root).with_suffix("").parts[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            if module:
                yield node.lineno, module
            for alias in node.names:
                yield node.lineno, f"{module}.{alias.name}" if module else alias.name


def module_file(name: str, root: Path) -> Path | None:
    """The file under root that a dotted name imports, if any: from the checkout (tests.unit.test_x) or from
    tests/ itself, which pytest puts on sys.path (unit.test_x, conftest)."""
    parts = name.split(".")
    for base in (root, root / "tests"):
        for candidate in (base.joinpath(*parts).with_suffix(".py"), base.joinpath(*parts, "__init__.py")):
            if candidate.is_file():
                return candidate
    return None


def imports_of_test_modules(root: Path) -> list[str]:
    """Every import, anywhere under root/tests, of a test module."""
    found = []
    for path in python_files(root / "tests"):
        for line, name in imported_names(path, root):
            target = module_file(name, root)
            if target is not None and target != path and is_test_module(target):
                found.append(f"{path.relative_to(root)}:{line} imports {target.relative_to(root)}")
    return found


def unit_modules_starting_things(root: Path) -> list[str]:
    """Every import (or service fixture) in root/tests/unit that starts a server, a crawl or a process."""
    found = []
    for path in python_files(root / "tests" / "unit"):
        where = path.relative_to(root)
        for line, name in imported_names(path, root):
            if (
                name.startswith(tuple(f"{m}." for m in NOT_IN_UNIT_MODULES))
                or name in NOT_IN_UNIT_MODULES
                or name.rsplit(".", 1)[-1] in NOT_IN_UNIT_NAMES
            ):
                found.append(f"{where}:{line} imports {name}")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                for arg in node.args.args:
                    if arg.arg in SERVICE_FIXTURES:
                        found.append(f"{where}:{node.lineno} {node.name} asks for the {arg.arg} fixture")
    return sorted(set(found))


def long_modules_without_a_reason(package: Path) -> list[str]:
    """Modules of package over MAX_LINES lines with no `# … 400 lines …` comment in their first lines."""
    found = []
    for path in python_files(package):
        lines = path.read_text(encoding="utf-8").splitlines()
        if len(lines) > MAX_LINES and not any(REASON.match(line) for line in lines[:HEADER_LINES]):
            found.append(f"{path.relative_to(package.parent)}: {len(lines)} lines")
    return found


# --------------------------------------------------------------------------- the checkout


def test_no_test_module_imports_another() -> None:
    found = imports_of_test_modules(ROOT)
    assert found == [], f"move what they share into tests/support/: {found}"


def test_unit_tests_start_no_server_crawl_or_process() -> None:
    found = unit_modules_starting_things(ROOT)
    assert found == [], f"a test that needs these belongs in tests/e2e/: {found}"


def test_no_module_in_gov_reports_over_400_lines_without_a_reason() -> None:
    """Fails while phase 2 of issue 17 is splitting the long modules: the list says which are left."""
    long = long_modules_without_a_reason(ROOT / "gov_reports")
    assert long == [], (
        f"split, or say why in a comment in the first {HEADER_LINES} lines (`# Over 400 lines: …`): {long}"
    )


# --------------------------------------------------------------------------- the rules fail on what they forbid


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_every_way_of_importing_a_test_module_is_found(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "tests/conftest.py": "DEMO = 1\n",
            "tests/unit/__init__.py": "",
            "tests/unit/test_a.py": "HELPER = 1\n",
            "tests/unit/test_b.py": "from tests.unit.test_a import HELPER\n",
            "tests/unit/test_c.py": "from tests.unit import test_a\n",
            "tests/unit/test_d.py": "from .test_a import HELPER\n",
            "tests/e2e/test_e.py": "def test():\n    import unit.test_a\n",
            "tests/e2e/test_f.py": "from tests.conftest import DEMO\n",
            "tests/support/helpers.py": "from tests.unit import test_a\n",
            "tests/support/shared.py": "X = 1\n",
            "tests/unit/test_g.py": "from tests.support.shared import X\nfrom tests.support import shared\n",
        },
    )
    assert imports_of_test_modules(root) == [
        "tests/e2e/test_e.py:2 imports tests/unit/test_a.py",
        "tests/e2e/test_f.py:1 imports tests/conftest.py",
        "tests/support/helpers.py:1 imports tests/unit/test_a.py",
        "tests/unit/test_b.py:1 imports tests/unit/test_a.py",
        "tests/unit/test_c.py:1 imports tests/unit/test_a.py",
        "tests/unit/test_d.py:1 imports tests/unit/test_a.py",
    ]


def test_unit_modules_that_start_things_are_found(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "tests/unit/test_a.py": "import subprocess\nfrom http.server import ThreadingHTTPServer\n",
            "tests/unit/test_b.py": "from gov_reports.demo.server import DemoPortal, default_root\n",
            "tests/unit/test_c.py": "def test(demo_portal):\n    from tests.support.crawling import crawl\n",
            "tests/unit/test_d.py": "from gov_reports.demo.files import site_file\nimport scrapy.utils.test\n",
            "tests/e2e/test_e.py": "import subprocess\n",
        },
    )
    assert unit_modules_starting_things(root) == [
        "tests/unit/test_a.py:1 imports subprocess",
        "tests/unit/test_a.py:2 imports http.server",
        "tests/unit/test_a.py:2 imports http.server.ThreadingHTTPServer",
        "tests/unit/test_b.py:1 imports gov_reports.demo.server.DemoPortal",
        "tests/unit/test_c.py:1 test asks for the demo_portal fixture",
        "tests/unit/test_c.py:2 imports tests.support.crawling",
        "tests/unit/test_c.py:2 imports tests.support.crawling.crawl",
    ]


def test_long_modules_need_a_reason_in_their_first_lines(tmp_path: Path) -> None:
    body = "x = 1\n" * MAX_LINES
    reason = "# Over 400 lines: one state machine; cut in two, each half needs the other.\n"
    files = {
        "pkg/short.py": body,
        "pkg/long.py": '"""Doc."""\n' + body,
        "pkg/sub/explained.py": '"""Doc."""\n\n' + reason + body,
        "pkg/late.py": body + reason,
    }
    package = _tree(tmp_path, files) / "pkg"
    assert long_modules_without_a_reason(package) == [
        f"pkg/late.py: {MAX_LINES + 1} lines",
        f"pkg/long.py: {MAX_LINES + 1} lines",
    ]
