"""Body text as Word-pasted CMS content writes it: paragraphs, headings in <strong>."""

from __future__ import annotations

import html

E = html.escape
HEADING_CHARS = "一二三四五六七八九十"


def para(text: str, strong: bool = False) -> str:
    """One paragraph as Word-pasted CMS content writes it."""
    inner = f"<strong>{E(text)}</strong>" if strong else E(text)
    return f'<p style="text-indent: 2em;">{inner}</p>'


def is_heading(line: str) -> bool:
    return len(line) < 40 and line[:1] in HEADING_CHARS and "、" in line[:4]


def render_lines(lines: list[str], keep_tabs: bool = False) -> str:
    """Plain text lines to paragraphs; section headings in <strong>."""
    out = []
    for raw in lines:
        line = raw.rstrip("\n") if keep_tabs else raw.strip()
        if not line.strip():
            continue
        out.append(para(line, strong=is_heading(line.strip())))
    return "\n".join(out)
