"""Text normalisation shared by the extractors.

Government pages mix full- and half-width punctuation, NBSP and ideographic
spaces, and letter-space their labels (「索   引   号」). Regexes elsewhere match
the normalised forms produced here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

# Characters that render as blank space on these pages.
# str.translate with a dict is a Python-level lookup per character, far slower on
# CJK text than these C-level regex and replace calls; this code is on the hot path.
_RUN_OF_SPACES = re.compile(r"[ \r\f\v\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff\u202f]+")
_PUNCT = (("（", "("), ("）", ")"), ("：", ":"), ("，", ","), ("；", ";"), ("［", "["), ("］", "]"))


def normalize_spaces(text: str) -> str:
    """Turn every kind of blank into a plain space and collapse runs (tabs and newlines kept)."""
    if text.isprintable() and "  " not in text:
        return text  # no blank but single spaces (every other blank is unprintable): nothing to change
    return _RUN_OF_SPACES.sub(" ", text)


def squeeze(text: str) -> str:
    """Remove all whitespace: for matching letter-spaced labels such as 「发 布 机 构」.

    Whitespace is what the regex class `[\\s\\u200b\\ufeff]` matches: str.split splits on exactly the
    characters `\\s` matches (NBSP and the ideographic space included), and is several times faster on
    a whole report than that regex, which tests its class character by character.
    """
    if "\u200b" in text:
        text = text.replace("\u200b", "")
    if "\ufeff" in text:
        text = text.replace("\ufeff", "")
    return "".join(text.split())


def halfwidth_punct(text: str) -> str:
    """Map the full-width brackets, colon, comma and semicolon to ASCII for matching."""
    for full, half in _PUNCT:
        if full in text:
            text = text.replace(full, half)
    return text


def match_form(text: str) -> str:
    """The form used for label matching: no whitespace, half-width punctuation."""
    # `halfwidth_punct(squeeze(text))`, written out: called for every line, its two calls cost as much as their work.
    if "\u200b" in text:
        text = text.replace("\u200b", "")
    if "\ufeff" in text:
        text = text.replace("\ufeff", "")
    text = "".join(text.split())
    for full, half in _PUNCT:
        if full in text:
            text = text.replace(full, half)
    return text


def clean_line(text: str) -> str:
    """One display line: blanks normalised, ends stripped."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # the common case: already clean (the only printable blank is the space)
    return _RUN_OF_SPACES.sub(" ", text).strip()


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` gives, when every match begins at one of `starts` (found cheaply elsewhere).

    For patterns with no literal prefix for the regex engine to skip to (a lookbehind, an alternation under
    IGNORECASE), `finditer` tries every character of a report; a few substring searches find the starts.
    """
    end = 0
    for start in sorted(set(starts)):
        if start < end:
            continue  # finditer resumes after the previous match
        match = pattern.match(text, start)
        if match:
            yield match
            end = match.end()


def address_matches(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern whose matches start at 「http(s)://」 or 「www.」."""
    starts: list[int] = []
    at = text.find("://")
    while at != -1:
        starts += (max(at - 5, 0), max(at - 4, 0))  # https:// or http://
        at = text.find("://", at + 1)
    at = text.find(".")
    while at != -1:
        if at >= 3 and text[at - 3 : at].lower() == "www":
            starts.append(at - 3)
        at = text.find(".", at + 1)
    return list(matches_at(pattern, text, starts))
