"""Repair a page decoded with the wrong charset; pure code (bytes and text in, text out).

Scrapy decodes by BOM, then the HTTP header, then `<meta charset>`, then a
guess (reference/crawling.md §1). Government sites break that order: a GBK
body sent with `charset=UTF-8` decodes into U+FFFD replacement characters; a
GBK body with no charset anywhere is guessed as cp1252 (「ÕþžÎ」); a page that
was once read as GBK, or as ISO-8859-1 (the Java/JSP default), and saved again
as UTF-8 is valid UTF-8 full of nonsense (「鎶ュ憡」 or 「æ\x8a¥å\x91\x8a」 for
报告), possibly several times over. `repair_decoding` notices a
garbled decoding and finds the one that reads cleanly, or says the page cannot
be read (`Undecodable`): 「锟斤拷」 is U+FFFD itself mis-decoded, the text is gone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from w3lib.encoding import resolve_encoding

# Traces of mis-decoding; see reference/crawling.md §1.
MOJIBAKE_MARKERS = ("锟斤拷", "閿", "鈥", "Ã", "烫烫烫", "屯屯屯")
FALLBACK_ENCODINGS = ("utf-8", "gb18030")
# Charsets UTF-8 bytes are wrongly read in, turning Chinese into mojibake that can be undone.
MISREAD_AS = ("gb18030", "latin-1", "cp1252")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN1_LETTERS = re.compile(r"[\u00c0-\u00ff]")
_MAX_MOJIBAKE_LAYERS = 3
_MIN_CJK_FOR_REVERSAL = 10


class Undecodable(ValueError):
    """No charset reads the page without garbling."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    repair: str  # "charset": the body read in another charset; "mojibake": mis-decoding layers undone


def looks_garbled(text: str) -> bool:
    """Replacement characters, mojibake markers, or Latin-1 letters where Chinese should be."""
    if text.count("\ufffd") >= 3 or sum(text.count(m) for m in MOJIBAKE_MARKERS) >= 3:
        return True
    latin = len(_LATIN1_LETTERS.findall(text))
    return latin >= 20 and latin > len(_CJK.findall(text))


def undo_mojibake_layer(text: str) -> str | None:
    """The text before one mistake of reading UTF-8 as GBK or Latin-1, or None if none fits.

    The mistake fits when the text, encoded back in the misread charset, is
    strictly valid UTF-8 and shorter: real Chinese in GB18030, or real Latin-1
    text, is almost never valid UTF-8. `undo_mojibake` adds the final check.
    """
    for misread in MISREAD_AS:
        try:
            earlier = text.encode(misread).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if len(earlier) < len(text):
            return earlier
    return None


def undo_mojibake(text: str) -> tuple[str, int]:
    """(the text with its mis-decoding layers undone, how many); (text, 0) when it was not mojibake.

    Undone layers must end in Chinese (at least a few characters), so a short
    string that happens to round-trip is never "repaired".
    """
    current, layers = text, 0
    while layers < _MAX_MOJIBAKE_LAYERS and (earlier := undo_mojibake_layer(current)) is not None:
        current, layers = earlier, layers + 1
    if layers and len(_CJK.findall(current)) >= _MIN_CJK_FOR_REVERSAL:
        return current, layers
    return text, 0


def repair_decoding(body: bytes, text: str, declared: Sequence[str | None] = ()) -> Decoded | None:
    """None when `text` (the body as decoded so far) is fine; else the clean decoding.

    `declared` are the charsets the page claims (HTTP header, `<meta>`), tried
    first, then UTF-8 and GB18030; each decoding must be strict.
    Raises Undecodable when every decoding is still garbled.
    """
    if not looks_garbled(text) and not undo_mojibake(text)[1]:
        return None
    tried: set[str] = set()
    for name in (*declared, *FALLBACK_ENCODINGS):
        encoding = resolve_encoding(name) if name else None
        if not encoding or encoding in tried:
            continue
        tried.add(encoding)
        try:
            candidate = body.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        candidate, layers = undo_mojibake(candidate)
        if not looks_garbled(candidate):
            return Decoded(candidate, encoding, "mojibake" if layers else "charset")
    raise Undecodable("every charset tried gives replacement characters or mojibake")
