"""Table 二 (proactive disclosure) from flattened text: each row's cells in the format's column order."""

from __future__ import annotations

import re
from typing import Any

from gov_reports.extract.flat_applications import table_end
from gov_reports.extract.flat_cells import pieces, settle
from gov_reports.extract.numbers import to_halfwidth_digits
from gov_reports.extract.report_tables import (
    DISCLOSURE_LAYOUT,
    TableRead,
    disclosure_cell,
)
from gov_reports.extract.tables import normalise_text
from gov_reports.model.vocabulary import FlagPrefix, ReportFormat

# --- Table 二 ----------------------------------------------------------------

_ARTICLE = re.compile(r"第\s*二\s*十\s*条")
_APPLICATIONS_START = re.compile(r"勾稽|申请人情况|收到和处理政府信息公开申请|本\s*年\s*新\s*收")
_DISCLOSURE_ROW_NAMES: tuple[tuple[str, str], ...] = (
    ("other_services", "其他对外管理服务事项"),
    ("normative_documents", "规范性文件"),
    ("rules", "规章"),
    ("licensing", "行政许可"),
    ("penalties", "行政处罚"),
    ("coercive_measures", "行政强制"),
    ("fees", "行政事业性收费"),
    ("procurement", "集中采购"),
)
_DISCLOSURE_WORDS = re.compile(r"第\s*二\s*十\s*条|信息内容|规章|规范性文件|行政许可|行政处罚|行政强制|行政事业性收费")
_EVIDENCE_WORDS = {
    "2021": ("制发", "废止", "现行有效", "收费金额"),
    "2019": ("新制作", "新公开", "对外公开总", "上一年", "采购项目", "采购总金额", "第二十条第(九)项"),
}
_UNIT = re.compile(r"单位[:：]?(万元|亿元|元)")
_PROSE_MARKS = re.compile(r"[，。；！？,;]")
# What a report says in words about a table-二 (一) row (2021 columns): 「集中公开现行有效行政规范性文件698件，
# 动态更新本年度制发的规范性文件88件」. Used only to choose among the readings a run of digits allows.
_STATED_NAMES = {"rules": r"规章", "normative_documents": r"(?:行政)?规范性文件"}
_STATED_COLUMNS = {
    "in_force": r"现行有效(?:的)?",
    "issued": r"(?:本年度?|全年|年内)?(?:共|新)?制发(?:了)?(?:的)?",
    "repealed": r"(?:本年度?|全年|年内)?(?:共)?废止(?:了)?(?:的)?",
}
_STATED: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (row, column, re.compile(rf"{words}{name}(?:共计?|总数)?(?:为|有|达)?\s*(\d+)\s*(?:件|部|个)"))
    for row, name in _STATED_NAMES.items()
    for column, words in _STATED_COLUMNS.items()
)


def _stated_cells(text: str) -> dict[tuple[str, str], str]:
    """(row, column) -> the number the prose states for that table-二 cell (the first statement)."""
    stated: dict[tuple[str, str], str] = {}
    for row, column, pattern in _STATED:
        found = pattern.search(text)
        if found is not None:
            stated[(row, column)] = found.group(1)
    return stated


def _by_statements(
    key: str, columns: tuple[str, ...], readings: list[tuple[str, ...]], stated: dict[tuple[str, str], str]
) -> tuple[str, ...] | None:
    """The one reading that agrees with every cell the prose states for the row, if exactly one does."""
    said = {i: stated[(key, column)] for i, column in enumerate(columns) if (key, column) in stated}
    if not said:
        return None
    agreeing = [r for r in readings if all(r[i] == value for i, value in said.items())]
    return agreeing[0] if len(agreeing) == 1 else None


def _disclosure_regions(text: str) -> list[str]:
    regions: list[str] = []
    at = 0
    while (m := _ARTICLE.search(text, at)) is not None:
        end = table_end(text, m.end(), _APPLICATIONS_START, _DISCLOSURE_WORDS)
        regions.append(text[m.start() : end])
        at = max(end, m.end())
    return regions


def _disclosure_key(label: str, explicit: bool) -> str | None:
    name = normalise_text(label)
    name = re.sub(r"^(?:[一二三四五六七八九十]+[,.]|\([一二三四五六七八九十\d]+\)|\d+[.,])+", "", name)
    for key, word in _DISCLOSURE_ROW_NAMES:
        if (name == word or name.endswith(word)) if not explicit else name in (word, "行政" + word):
            return key
    return None


def _printed_name(label: str, key: str) -> str:
    """The row's name as the label text prints it at its end (「…现行有效件数规章」 -> 「规章」)."""
    word = dict(_DISCLOSURE_ROW_NAMES)[key]
    at = label.rfind(word)
    if at >= 2 and label[at - 2 : at] == "行政":
        at -= 2
    return label[at:].strip() if at >= 0 else label.strip()


def read_flat_disclosure(text: str, layout_hint: str = ReportFormat.Y2021) -> TableRead:
    """Table 二 from text whose grid is lost: each row's cells in the format's column order."""
    out = TableRead()
    regions = _disclosure_regions(text)
    if not regions:
        return out
    words = normalise_text("".join(regions))
    for fmt, evidence in _EVIDENCE_WORDS.items():
        if any(w in words for w in evidence):
            out.evidence.add(fmt)
    layout = DISCLOSURE_LAYOUT[next(iter(out.evidence)) if len(out.evidence) == 1 else layout_hint]
    stated = _stated_cells(to_halfwidth_digits(text))
    rows: dict[str, dict[str, Any]] = {}
    for region in regions:
        pending = ""
        unit: str | None = None
        for piece in pieces(region):
            if isinstance(piece, str):
                pending += piece
                found = _UNIT.search(normalise_text(piece))
                unit = found.group(1) if found else unit
                continue
            if piece.label:
                key = _disclosure_key(piece.label, True)
            else:  # a label in a sentence is prose (「按照第二十条…，全年办理行政许可1800件」), not a row
                key = None if _PROSE_MARKS.search(pending) else _disclosure_key(pending, False)
            row_label, pending = pending, ""
            if key is None or key not in layout:
                continue
            columns = layout[key]
            settled = settle(piece, len(columns), None, key in ("fees", "procurement"))
            if settled is None:
                continue
            if key in rows:
                out.flags.append(f"{FlagPrefix.DUPLICATE_ROW}disclosure.{key}")
                continue
            cells, problem, readings = settled
            chosen = _by_statements(key, columns, readings, stated) if readings else None
            if chosen is not None:
                cells, problem = list(chosen), None
                out.flags.append(f"{FlagPrefix.CELLS_BY_PROSE}disclosure.{key}")
            if problem:
                label = "cells" if problem == "ambiguous" else "row"
                out.flags.append(f"{problem}_{label}:disclosure.{key}")
                printed = piece.raw if piece.label else [_printed_name(row_label, key), *piece.raw]
                out.incomplete.append({"table": "disclosure", "row": key, "cells": printed})
            row: dict[str, Any] = {}
            for column, cell in zip(columns, cells, strict=True):
                value, blank = disclosure_cell(cell, column, unit)
                row[column] = value
                out.blank_cells += blank
            rows[key] = row
    if rows:
        out.data = rows
    return out
