"""Shared fixtures: the bundled demo portal served over real HTTP on 127.0.0.1."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

import pytest

from gov_reports.demo.server import DemoPortal
from tests.support.paths import DEMO_ROOT
from tests.support.redis_support import redis_for_test  # noqa: F401 - the Redis fixture of tests/e2e/test_redis_*.py


@pytest.fixture(scope="session")
def demo_portal() -> Iterator[DemoPortal]:
    with DemoPortal() as portal:
        yield portal


@pytest.fixture(scope="session")
def demo_expected() -> dict[str, Any]:
    return json.loads((DEMO_ROOT / "expected.json").read_text(encoding="utf-8"))


# CI (.ci/run) sets GOV_REPORTS_NO_SKIP=1: there every OS package and service is installed, so a test that skips
# (a missing converter, no Redis, no ../shared corpus) is a broken CI set-up, reported as a failure.
NO_SKIP = os.environ.get("GOV_REPORTS_NO_SKIP", "").strip() not in ("", "0")


def _fail_skip(report: pytest.TestReport | pytest.CollectReport) -> None:
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    report.outcome = "failed"
    report.longrepr = f"skipped, and GOV_REPORTS_NO_SKIP=1 makes a skip a failure: {reason}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> pytest.TestReport:
    report = yield
    if NO_SKIP and report.skipped and not hasattr(report, "wasxfail"):
        _fail_skip(report)
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> pytest.CollectReport:
    report = yield
    if NO_SKIP and report.skipped:
        _fail_skip(report)
    return report
