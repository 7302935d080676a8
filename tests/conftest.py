"""Shared fixtures: the bundled demo portal served over real HTTP on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gov_reports.demo import DemoPortal
from tests.redis_support import redis_for_test  # noqa: F401 - the Redis fixture of tests/test_redis_*.py

DEMO_ROOT = Path(__file__).resolve().parents[1] / "data" / "demo"


@pytest.fixture(scope="session")
def demo_portal() -> Iterator[DemoPortal]:
    with DemoPortal() as portal:
        yield portal


@pytest.fixture(scope="session")
def demo_expected() -> dict[str, Any]:
    return json.loads((DEMO_ROOT / "expected.json").read_text(encoding="utf-8"))
