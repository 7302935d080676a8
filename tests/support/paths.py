"""Where things are, for every test module: the checkout, its data and the fixtures.

One place instead of `Path(__file__).resolve().parents[N]` in each module, whose N changes with the module's
depth (tests/unit, tests/e2e/faults, tests/support/faults…). The two scripts that run without the checkout on
sys.path (tests/support/extraction_outputs.py, tests/fixtures/real_shapes/build.py) find the root themselves.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
"""The checkout (the directory holding gov_reports/, data/, tests/)."""

DEMO_ROOT = ROOT / "data" / "demo"
"""The bundled demo portal: one directory per site, sites.json, expected.json."""
DOCS = ROOT / "docs"
BENCH = ROOT / "bench"

FIXTURES = ROOT / "tests" / "fixtures"
SEEDS = FIXTURES / "seeds"
"""The seed texts (copies of ../shared/seeds)."""
PAGES = FIXTURES / "pages"
"""Hand-written pages: <case>/input.html + expected.json."""
DOCUMENTS = FIXTURES / "documents"
PORTAL_FIXTURES = FIXTURES / "portals"
"""Saved pages and API answers of each portal platform: portals/<platform>/."""
REAL = FIXTURES / "real"
"""The real corpus's hand-read truth (truth.json) and its HOLDOUT list; the corpus itself is never in the repo."""
REAL_SHAPES = FIXTURES / "real_shapes"

SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
"""The shared seed texts beside the clone, when they are there."""
