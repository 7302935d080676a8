"""Optional dependencies (pyproject.toml's extras): a feature whose extra is missing says what to install.

The base install crawls, extracts HTML/PDF/DOCX and writes JSON Lines. Heavier libraries that only one
feature needs are extras; importing that feature without its extra raises `MissingExtra`, which the command
line prints as its one error line with exit code 2 (docs/cli.md).
"""

from __future__ import annotations

import importlib
from types import ModuleType

PARQUET = "parquet"  # pyarrow, pandas: `gov-reports export --format parquet|both`
REPORT = "report"  # matplotlib (and its fontTools): `gov-reports report`'s charts and embedded font
REDIS = "redis"  # redis: `gov-reports crawl --redis` (distributed crawling)


class MissingExtra(ImportError):
    """An optional dependency is not installed; the message says which and how to install it."""


def install_command(extra: str) -> str:
    return f"pip install 'gov-reports[{extra}]'"


def require(module: str, extra: str, feature: str) -> ModuleType:
    """`module`, imported; `MissingExtra` naming `extra` when it is not installed."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise MissingExtra(
            f"{feature} needs {module.partition('.')[0]}, which is not installed: {install_command(extra)}"
        ) from error
