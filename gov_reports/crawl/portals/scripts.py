"""Values written in page scripts, read as text: never run.

Portals that render in the browser carry their configuration in inline scripts
(`window._CONFIG = {SID: '755031', TREE: [...]}`). JSON is the easy case, but
these are JavaScript literals: unquoted keys, single-quoted strings, trailing
commas, comments. `literal_at` parses one such literal (objects, arrays,
strings, numbers, true/false/null) and refuses anything else (a function call,
a variable): it reads data and never evaluates code.
"""

from __future__ import annotations

import re
from typing import Any

_SCRIPT_RE = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_NUMBER_RE = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_NAME_RE = re.compile(r"[A-Za-z_$][\w$]*")
_DIGITS_RE = re.compile(r"\d+")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_WORDS = {"true": True, "false": False, "null": None, "undefined": None}
MAX_DEPTH = 64


class NotALiteral(ValueError):
    """The text at that place is not a plain data literal; `at` is where reading stopped."""

    def __init__(self, message: str, at: int = 0) -> None:
        super().__init__(message)
        self.at = at


def inline_scripts(html: str) -> list[str]:
    """The text of every inline <script> of a page (scripts loaded by src have none)."""
    return [body for attrs, body in _SCRIPT_RE.findall(html) if "src=" not in attrs.lower() and body.strip()]


def literal_at(text: str, start: int, max_chars: int | None = None) -> tuple[Any, int]:
    """The literal beginning at text[start] (after blanks and comments), and where it ends.

    `max_chars` bounds the reading: a longer literal is refused (NotALiteral) once that much is read.
    """
    end = len(text) if max_chars is None else min(len(text), start + max_chars)
    return _Reader(text, end).value(start, 0)


class _Reader:
    """A recursive-descent reader of text[:end] (the bound is kept, the text is never copied)."""

    def __init__(self, text: str, end: int) -> None:
        self.text = text
        self.end = end

    def fail(self, message: str, at: int) -> NotALiteral:
        return NotALiteral("too long" if at >= self.end and self.end < len(self.text) else message, at)

    def starts(self, token: str, at: int) -> bool:
        return self.text.startswith(token, at, self.end)

    def skip(self, at: int) -> int:
        text, end = self.text, self.end
        while at < end:
            if text[at].isspace():
                at += 1
            elif self.starts("//", at):
                stop = text.find("\n", at, end)
                at = end if stop < 0 else stop + 1
            elif self.starts("/*", at):
                stop = text.find("*/", at + 2, end)
                if stop < 0:
                    raise self.fail("unclosed comment", end)
                at = stop + 2
            else:
                break
        return at

    def value(self, at: int, depth: int) -> tuple[Any, int]:
        if depth > MAX_DEPTH:
            raise self.fail("nested too deep", at)
        at = self.skip(at)
        if at >= self.end:
            raise self.fail("end of text", at)
        char = self.text[at]
        if char == "{":
            return self.object(at + 1, depth)
        if char == "[":
            return self.array(at + 1, depth)
        if char in "'\"`":
            return self.string(at)
        number = _NUMBER_RE.match(self.text, at, self.end)
        if number:
            token = number.group(0)
            return (float(token) if any(c in token for c in ".eE") else int(token)), number.end()
        name = _NAME_RE.match(self.text, at, self.end)
        if name and name.group(0) in _WORDS:
            return _WORDS[name.group(0)], name.end()
        raise self.fail(f"not a literal at {at}: {self.text[at : at + 20]!r}", at)

    def object(self, at: int, depth: int) -> tuple[dict[str, Any], int]:
        result: dict[str, Any] = {}
        while True:
            at = self.skip(at)
            if self.starts("}", at):
                return result, at + 1
            if at < self.end and self.text[at] in "'\"":
                key, at = self.string(at)
            else:
                name = _NAME_RE.match(self.text, at, self.end) or _DIGITS_RE.match(self.text, at, self.end)
                if not name:
                    raise self.fail(f"no key at {at}", at)
                key, at = name.group(0), name.end()
            at = self.skip(at)
            if not self.starts(":", at):
                raise self.fail(f"no ':' after key {key!r}", at)
            result[key], at = self.value(at + 1, depth + 1)
            at = self.skip(at)
            if self.starts(",", at):
                at += 1
            elif not self.starts("}", at):
                raise self.fail(f"no ',' or '}}' at {at}", at)

    def array(self, at: int, depth: int) -> tuple[list[Any], int]:
        result: list[Any] = []
        while True:
            at = self.skip(at)
            if self.starts("]", at):
                return result, at + 1
            item, at = self.value(at, depth + 1)
            result.append(item)
            at = self.skip(at)
            if self.starts(",", at):
                at += 1
            elif not self.starts("]", at):
                raise self.fail(f"no ',' or ']' at {at}", at)

    def string(self, at: int) -> tuple[str, int]:
        quote, text, end, out = self.text[at], self.text, self.end, []
        at += 1
        while at < end:
            char = text[at]
            if char == quote:
                return "".join(out), at + 1
            if char == "\\" and at + 1 < end:
                code = text[at + 1]
                if code == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", text[at + 2 : min(at + 6, end)]):
                    out.append(chr(int(text[at + 2 : at + 6], 16)))
                    at += 6
                    continue
                if code == "\n":  # a line continuation
                    at += 2
                    continue
                out.append(_ESCAPES.get(code, code))
                at += 2
                continue
            if quote == "`" and text.startswith("${", at, end):
                raise self.fail("template literal with a substitution", at)
            out.append(char)
            at += 1
        raise self.fail("unclosed string", at)
