"""Tables 二/三/四 whose grid was lost in the text: a cell per line, Markdown rows, or cells run together.

Real copies of the statutory tables often reach us as text that kept the cells but not the grid:

- one cell per line (text dumps of PDFs), labels broken over several lines, page footers (「— 1 —」) between rows;
- Markdown rows (`| 1.属于国家秘密 | 0 | … |`) whose labels may sit lines away from their numbers;
- a whole table on one line, cells run together (crawler dumps): 「规章 000行政规范性文件693665」,
  「一、本年新收政府信息公开申请数量640020470二、上年结转…」, the next row's numbering glued on
  (「00000002.其他法律…」: the 2 is the label's, not a cell's).

Rows are placed by the table's fixed row identities: a row's own label, else its place in the format's row
order between two labelled rows (only when exactly as many unlabelled rows sit there as the layout has).
A run of digits is split into cells by the table's sums (总计 = the six applicant columns; 新收 + 上年结转 =
（七）总计 + 结转下年度; （七）总计 = the outcome rows; table 四's 总计 = 维持 + 纠正 + 其他 + 尚未审结), and a
reading is kept only where it is the only one the digits and the sums allow. Otherwise the cells are null
and the row is flagged (`ambiguous_cells:<table>.<row>`): a number is never guessed.

A run is read as several cells only when the row has too few cells otherwise; cells kept apart by spaces,
tabs or `|` are never joined. A zero never starts a longer number (reports print 0, not 05), which is what
makes most runs readable at all: 「0000000」 can only be seven zeros.
"""

from __future__ import annotations

from gov_reports.extract.flat_applications import read_flat_applications
from gov_reports.extract.flat_cells import labelled_values, pieces, read_cells
from gov_reports.extract.flat_disclosure import read_flat_disclosure
from gov_reports.extract.flat_reviews import read_flat_reviews

__all__ = [
    "labelled_values",
    "pieces",
    "read_cells",
    "read_flat_applications",
    "read_flat_disclosure",
    "read_flat_reviews",
]
