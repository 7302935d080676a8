"""Split a report body into its numbered sections.

Both the 2019/2021 formats and most pre-2019 reports use 「一、…」 headings. Table
rows of 表三 start with 「一、本年新收…」 too; they are tab-separated lines and
are never headings. Numbers must follow on (一, 二, 三 …) so that a stray
「三、」 inside the text does not open a section.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from gov_reports.extract.numbers import chinese_to_int

HEADING_RE = re.compile(r"^\s*(?P<num>[一二三四五六七八九十]{1,3})\s*[、.．]\s*(?P<title>\S.{0,38})$")
SIX_HEADINGS = (
    ("总体情况",),
    ("主动公开政府信息情况", "主动公开政府信息"),
    ("收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请"),
    ("行政复议", "行政诉讼"),
    ("存在的主要问题", "存在问题", "主要问题"),
    ("其他需要报告的事项", "其他需要报告"),
)


def split_sections(lines: list[str]) -> list[dict[str, Any]]:
    """[{heading, start, end}] in order: the section's body is `lines[start:end]`, its heading `lines[start - 1]`.

    Paragraphs before the first heading have heading ''. A section points into the lines instead
    of copying them: the record's `text` is these lines joined, and holds each paragraph once.
    """
    sections: list[dict[str, Any]] = []
    heading, expected, start = "", 1, 0
    for index, line in enumerate(lines):
        match = None if "\t" in line else HEADING_RE.match(line)
        number = chinese_to_int(match["num"]) if match else None
        if (
            match
            and number is not None
            and (number == expected or (not sections and not heading))
            and not line.rstrip().endswith(("。", "；", ";"))
        ):
            if heading or index > start:
                sections.append({"heading": heading, "start": start, "end": index})
            heading, expected, start = line.strip(), number + 1, index + 1
    if heading or len(lines) > start:
        sections.append({"heading": heading, "start": start, "end": len(lines)})
    return sections


def section_text(text: str, section: Mapping[str, Any]) -> str:
    """A section's paragraphs, from the record's `text` (a record written before sections were places
    in the text carries the section's text itself)."""
    if "text" in section:
        return str(section["text"])
    return "\n".join(text.split("\n")[section["start"] : section["end"]])


def has_six_headings(sections: list[dict[str, str]]) -> bool:
    """True when the 2019/2021 format's six headings are all there (tables or not)."""
    headings = [s["heading"] for s in sections if s["heading"]]
    return all(any(any(v in h for v in variants) for h in headings) for variants in SIX_HEADINGS)
