"""The report page's building blocks: its style sheet, and escaped table cells, tables and counts.

Every value goes through `html.escape`. A numeric cell or count carries `data-cell` naming what it counts, so
tests and scrapers read the numbers back without parsing the layout (gov_reports.outputs.coverage.html).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

# The embedded subset first (gov_reports.outputs.coverage.fonts): it has every Chinese character of the page, so no box
# appears whatever the reader's machine has; then the usual CJK families, for a report written without one.
CSS = """
body{font-family:"gov-reports CJK","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Zen Hei","Microsoft YaHei",
"PingFang SC",system-ui,sans-serif;margin:0;color:#212529;background:#f8f9fa;line-height:1.45}
main{max-width:1100px;margin:0 auto;padding:1.5rem}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:2px solid #dee2e6}
h3{font-size:1.05rem}
.meta{color:#495057}
.cards{display:flex;flex-wrap:wrap;gap:.8rem;margin:1rem 0}
.card{background:#fff;border:1px solid #dee2e6;border-radius:6px;padding:.6rem 1rem;min-width:8rem}
.card b{display:block;font-size:1.5rem}
table{border-collapse:collapse;background:#fff;margin:.6rem 0;font-size:.9rem}
th,td{border:1px solid #dee2e6;padding:.25rem .5rem;text-align:right}
th:first-child,td.name{text-align:left}
thead th{background:#e9ecef}
td.zero{color:#adb5bd}td.yes{background:#d3f9d8;text-align:center}td.no{background:#ffe3e3;text-align:center}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(460px,1fr));gap:1rem}
figure{background:#fff;border:1px solid #dee2e6;border-radius:6px;margin:0;padding:.5rem}
figcaption{font-size:.85rem;color:#495057}
svg.chart{width:100%;height:auto}
.note{font-size:.88rem;color:#495057}
details{margin:.4rem 0}
"""


def cell(value: object, key: str | None = None, *, css: str | None = None) -> str:
    text = "" if value is None else (f"{value:g}" if isinstance(value, float) else str(value))
    classes = css or ("zero" if value == 0 else None)
    attrs = f' data-cell="{escape(key)}"' if key else ""
    attrs += f' class="{classes}"' if classes else ""
    return f"<td{attrs}>{escape(text)}</td>"


def table(headers: Sequence[str], rows: Iterable[str], *, caption: str | None = None) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    body = "".join(f"<tr>{row}</tr>" for row in rows)
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def name_cell(text: str) -> str:
    return f'<td class="name">{escape(text)}</td>'


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "–"


def count(value: int, key: str) -> str:
    return f'<b data-cell="{escape(key)}">{value}</b>'
