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
    """The text at that place is not a plain data literal."""


def inline_scripts(html: str) -> list[str]:
    """The text of every inline <script> of a page (scripts loaded by src have none)."""
    return [body for attrs, body in _SCRIPT_RE.findall(html) if "src=" not in attrs.lower() and body.strip()]


def literal_at(text: str, start: int) -> tuple[Any, int]:
    """The literal beginning at text[start] (after blanks and comments), and where it ends."""
    return _Reader(text).value(start, 0)


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text

    def skip(self, at: int) -> int:
        text = self.text
        while at < len(text):
            if text[at].isspace():
                at += 1
            elif text.startswith("//", at):
                end = text.find("\n", at)
                at = len(text) if end < 0 else end + 1
            elif text.startswith("/*", at):
                end = text.find("*/", at + 2)
                if end < 0:
                    raise NotALiteral("unclosed comment")
                at = end + 2
            else:
                break
        return at

    def value(self, at: int, depth: int) -> tuple[Any, int]:
        if depth > MAX_DEPTH:
            raise NotALiteral("nested too deep")
        at = self.skip(at)
        if at >= len(self.text):
            raise NotALiteral("end of text")
        char = self.text[at]
        if char == "{":
            return self.object(at + 1, depth)
        if char == "[":
            return self.array(at + 1, depth)
        if char in "'\"`":
            return self.string(at)
        number = _NUMBER_RE.match(self.text, at)
        if number:
            token = number.group(0)
            return (float(token) if any(c in token for c in ".eE") else int(token)), number.end()
        name = _NAME_RE.match(self.text, at)
        if name and name.group(0) in _WORDS:
            return _WORDS[name.group(0)], name.end()
        raise NotALiteral(f"not a literal at {at}: {self.text[at : at + 20]!r}")

    def object(self, at: int, depth: int) -> tuple[dict[str, Any], int]:
        result: dict[str, Any] = {}
        while True:
            at = self.skip(at)
            if self.text.startswith("}", at):
                return result, at + 1
            if at < len(self.text) and self.text[at] in "'\"":
                key, at = self.string(at)
            else:
                name = _NAME_RE.match(self.text, at) or _DIGITS_RE.match(self.text, at)
                if not name:
                    raise NotALiteral(f"no key at {at}")
                key, at = name.group(0), name.end()
            at = self.skip(at)
            if not self.text.startswith(":", at):
                raise NotALiteral(f"no ':' after key {key!r}")
            result[key], at = self.value(at + 1, depth + 1)
            at = self.skip(at)
            if self.text.startswith(",", at):
                at += 1
            elif not self.text.startswith("}", at):
                raise NotALiteral(f"no ',' or '}}' at {at}")

    def array(self, at: int, depth: int) -> tuple[list[Any], int]:
        result: list[Any] = []
        while True:
            at = self.skip(at)
            if self.text.startswith("]", at):
                return result, at + 1
            item, at = self.value(at, depth + 1)
            result.append(item)
            at = self.skip(at)
            if self.text.startswith(",", at):
                at += 1
            elif not self.text.startswith("]", at):
                raise NotALiteral(f"no ',' or ']' at {at}")

    def string(self, at: int) -> tuple[str, int]:
        quote, text, out = self.text[at], self.text, []
        at += 1
        while at < len(text):
            char = text[at]
            if char == quote:
                return "".join(out), at + 1
            if char == "\\" and at + 1 < len(text):
                code = text[at + 1]
                if code == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", text[at + 2 : at + 6]):
                    out.append(chr(int(text[at + 2 : at + 6], 16)))
                    at += 6
                    continue
                if code == "\n":  # a line continuation
                    at += 2
                    continue
                out.append(_ESCAPES.get(code, code))
                at += 2
                continue
            if quote == "`" and text.startswith("${", at):
                raise NotALiteral("template literal with a substitution")
            out.append(char)
            at += 1
        raise NotALiteral("unclosed string")
