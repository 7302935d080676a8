"""Reading numbers as Chinese reports print them.

Reports mix Arabic digits, full-width digits, Chinese numerals (二千七百八十七,
二〇一〇) and 万 units; PDF/Word text adds stray spaces inside numbers
(「3929. 08」). Everything here is pure and tolerant: it returns None rather
than guessing.
"""

from __future__ import annotations

import re
from functools import lru_cache

_DIGITS = {
    "〇": 0,
    "零": 0,
    "○": 0,
    "Ｏ": 0,
    "O": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "贰": 2,
    "两": 2,
    "三": 3,
    "叁": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000}

CHINESE_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS)
_FULLWIDTH = tuple(zip("０１２３４５６７８９．，", "0123456789.,", strict=True))


def to_halfwidth_digits(text: str) -> str:
    """Full-width digits and separators to ASCII."""
    # str.translate looks every character up in a dict at Python level, slow on a whole CJK report;
    # a C-level scan per character to map is many times faster.
    for full, half in _FULLWIDTH:
        if full in text:
            text = text.replace(full, half)
    return text


def chinese_to_int(text: str) -> int | None:
    """Parse a Chinese numeral: 二千七百八十七 -> 2787, 十二 -> 12, 二〇一〇 -> 2010.

    A run of bare digits without units (二〇一〇) is read digit by digit, as
    years are written. Returns None when `text` is not a numeral.
    """
    text = text.strip()
    if not text or any(ch not in CHINESE_NUMERAL_CHARS for ch in text):
        return None
    if all(ch in _DIGITS for ch in text):
        return int("".join(str(_DIGITS[ch]) for ch in text))
    total = section = digit = 0
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            section += (digit or 1) * _SMALL_UNITS[ch]
            digit = 0
        else:
            total = (total + section + digit) * _BIG_UNITS[ch]
            section = digit = 0
    return total + section + digit


# --- Whole-string number parsing (table cells, prose captures) -------------

_SPACED_DECIMAL = re.compile(r"(\d)\s*\.\s*(\d)")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?:\D|$))")
_ARABIC = re.compile(r"[+-]?\d+(?:\.\d+)?")
_DIGIT_GAP = re.compile(r"\d\s+\d")
_APPROX_SUFFIX = re.compile(r"(?:余|多|左右|以上)$")
_BIG_SUFFIX = re.compile(r"^(?P<num>.+?)(?P<big>[万萬亿])$")


def parse_number(text: str) -> int | float | None:
    """Read one printed quantity: 「16836」, 「1,234」, 「3929. 08」, 「1.2万」, 「一万二千」.

    The whole string must be the number (units such as 条/件/元 are the
    caller's job). Integral results come back as int, so 「1.2万」 -> 12000.
    Returns None for anything else, never a guess.
    """
    s = to_halfwidth_digits(text).strip()
    if not s:
        return None
    s = _APPROX_SUFFIX.sub("", s).strip()
    s = _SPACED_DECIMAL.sub(r"\1.\2", s)
    s = _THOUSANDS.sub("", s)
    if _DIGIT_GAP.search(s):
        return None  # 「3 4」: two numbers or one? Do not guess.
    s = s.replace(" ", "")
    if not s:
        return None
    if _ARABIC.fullmatch(s):
        return _tidy(float(s)) if "." in s else int(s)
    m = _BIG_SUFFIX.match(s)
    if m and _ARABIC.fullmatch(m["num"]):
        return _tidy(float(m["num"]) * _BIG_UNITS[m["big"]])
    if s[0] != "十" and not any(ch in _DIGITS for ch in s):
        return None  # a bare unit character (万, 千) is not a number
    return chinese_to_int(s)


def _tidy(value: float) -> int | float:
    """Integral floats become ints; others are rounded to undo 1.2*10000 noise."""
    rounded = round(value, 6)
    return int(rounded) if rounded.is_integer() else rounded


# --- Table cells -----------------------------------------------------------

BLANK_CELL_TEXTS = frozenset({"", "-", "--", "—", "——", "/", "\\", "－", "／", "空"})
_CELL = re.compile(
    r"""^(?P<sign>增加?|减少?|新增|[+-])?\s*
        (?P<num>[0-9][0-9,.\s]*?)\s*
        (?P<unit>万元|亿元|元|万|件|条|项|个)?$""",
    re.VERBOSE,
)


_CELL_START = frozenset("0123456789０１２３４５６７８９+-增减新无")


@lru_cache(maxsize=8192)
def parse_cell(text: str) -> tuple[int | float | None, str | None, bool] | None:
    """Read a numeric table cell: (value, unit, plain).

    `plain` is False when the cell was more than a bare number (a sign word
    such as 「增 71」 / 「减 3」, a unit such as 「3929. 08 万元」, stray spaces),
    so callers know to keep the printed text. Blank cells give (None, None,
    True). Returns None when the cell is not a number at all (a label).
    """
    stripped = text.strip(" \t\xa0\u3000")
    if stripped in BLANK_CELL_TEXTS:
        return None, None, True
    if stripped[0] not in _CELL_START or len(stripped) > 40:
        return None  # a label or a sentence: the common case, decided cheaply
    raw = to_halfwidth_digits(stripped.replace("\xa0", " ").replace("\u3000", " "))
    if raw in BLANK_CELL_TEXTS:
        return None, None, True
    if raw == "无":
        return 0, None, False
    m = _CELL.match(raw)
    if not m:
        return None
    value = parse_number(m["num"])
    if value is None:
        return None
    sign = m["sign"]
    if sign and (sign.startswith("减") or sign == "-"):
        value = -value
    unit = m["unit"]
    if unit in ("件", "条", "项", "个"):
        unit = None
    plain = raw == m["num"] or (sign == "-" and raw == "-" + m["num"])
    return value, unit, plain
