"""Where the project's data lives: the checkout's top-level `data/`, or the copy a wheel ships.

The registry of sources, the demo portal and the record's JSON Schema stay in `data/` at the top of the
repository, where the project's design has them; building a wheel copies that folder into the package as
`gov_reports/_data` (setup.py), so an installed copy finds them from any directory.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir() -> Path:
    """`data/` of the checkout this package runs from, else the wheel's `gov_reports/_data`."""
    checkout = _PACKAGE.parent / "data"
    if (checkout / "sources").is_dir() and (checkout / "demo" / "sites.json").is_file():
        return checkout
    return _PACKAGE / "_data"


DATA_DIR = data_dir()
