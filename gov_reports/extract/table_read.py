"""What reading one statutory table gives (`TableRead`), and one cell's number."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gov_reports.extract.numbers import parse_cell

# --- Results -----------------------------------------------------------------


@dataclass
class TableRead:
    """One table's reading: its data, the problems found, and its format evidence."""

    data: dict[str, Any] | None = None
    flags: list[str] = field(default_factory=list)
    evidence: set[str] = field(default_factory=set)
    blank_cells: int = 0
    incomplete: list[dict[str, Any]] = field(default_factory=list)


def cell_value(cell: str | None) -> tuple[int | float | None, bool]:
    """(value, was_blank) for a value cell; unknown cells (None) are not blank."""
    if cell is None:
        return None, False
    parsed = parse_cell(cell)
    if parsed is None:
        return None, False
    value, _, _ = parsed
    return value, value is None
