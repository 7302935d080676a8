"""Reading numbers as Chinese reports print them.

Reports mix Arabic digits, full-width digits, Chinese numerals (二千七百八十七,
二〇一〇) and 万 units; PDF/Word text adds stray spaces inside numbers
(「3929. 08」). Everything here is pure and tolerant: it returns None rather
than guessing.
"""

from __future__ import annotations

import re

_DIGITS = {
    "〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0,
    "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
    "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000}

CHINESE_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS)
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")


def to_halfwidth_digits(text: str) -> str:
    """Full-width digits and separators to ASCII."""
    return text.translate(_FULLWIDTH)


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
