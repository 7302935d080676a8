"""Requests as JSON text for the shared queue: never pickle, never code from Redis.

A request is turned into a dict by Scrapy (`Request.to_dict(spider=…)`, the dict that
`scrapy.utils.request.request_from_dict` reads back): callbacks by name, headers, body,
cookies, meta, cb_kwargs. That dict holds bytes (the body, header names and values) and may
hold tuples or dicts with non-string keys (meta), which JSON has no words for; they are
written as one-key objects tagged with a ``$`` name:

* ``{"$bytes": "<base64>"}`` — bytes;
* ``{"$tuple": [...]}`` — a tuple;
* ``{"$dict": [[key, value], ...]}`` — a dict whose keys are not all strings, or whose
  keys could be taken for a tag.

Anything else (a set, a datetime, an object) cannot be written: `encode_request` raises
`UnsharableRequest` and the scheduler keeps that request in its own worker.

Reading is strict, because whoever can write to Redis writes these entries: an entry that is
not UTF-8 JSON of exactly this shape, whose URL is not http(s), whose request class is not a
`scrapy.Request` subclass already imported, or whose callback is not a method of the
project's spider, raises `BadQueueEntry` with a short reason, and is dropped (counted) by the
scheduler, never run. Decoding imports nothing and calls nothing but the Request class.
"""

from __future__ import annotations

import base64
import binascii
import json
import sys
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, Spider
from scrapy.utils.request import request_from_dict

BYTES, TUPLE, DICT = "$bytes", "$tuple", "$dict"
TAGS = frozenset((BYTES, TUPLE, DICT))
SCHEMES = frozenset(("http", "https"))

# Drop reasons (stats gov_reports/redis/dropped/<reason>).
NOT_JSON = "not_json"
NOT_A_REQUEST = "not_a_request"
NOT_HTTP = "not_http"
UNKNOWN_CALLBACK = "unknown_callback"


class UnsharableRequest(ValueError):
    """This request cannot be written as JSON (a callback that is not a spider method, odd meta)."""


class BadQueueEntry(ValueError):
    """A queue entry that is not a request this project wrote; `reason` names why (a stats key)."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason


def encode_request(request: Request, spider: Spider) -> str:
    """The request as compact JSON text (see the module doc)."""
    if urlsplit(request.url).scheme not in SCHEMES:
        raise UnsharableRequest(f"not an http(s) URL: {request.url[:200]}")
    try:
        return json.dumps(_to_json(request.to_dict(spider=spider)), ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError) as error:
        raise UnsharableRequest(str(error)) from error


def decode_request(text: bytes, spider: Spider) -> Request:
    """The request written by `encode_request`, bound to `spider`; `BadQueueEntry` for anything else."""
    try:
        data = _from_json(json.loads(text.decode("utf-8")))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise BadQueueEntry(NOT_JSON, f"{type(error).__name__}: {text[:60]!r}") from None
    except (TypeError, ValueError, binascii.Error) as error:
        raise BadQueueEntry(NOT_A_REQUEST, f"bad tagged value: {error}") from None
    _check_shape(data)
    for name in ("callback", "errback"):
        if data.get(name) is not None and not _is_spider_callback(spider, data[name]):
            raise BadQueueEntry(UNKNOWN_CALLBACK, f"{name} {data[name]!r} is not a method of {type(spider).__name__}")
    try:
        return request_from_dict(data, spider=spider)
    except Exception as error:  # whatever the Request class makes of hostile fields, it is not a request
        raise BadQueueEntry(NOT_A_REQUEST, f"{type(error).__name__}: {error}") from None


def _to_json(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float)):  # bool is an int
        return value
    if isinstance(value, bytes):
        return {BYTES: base64.b64encode(value).decode("ascii")}
    if isinstance(value, list):
        return [_to_json(item) for item in value]
    if isinstance(value, tuple):
        return {TUPLE: [_to_json(item) for item in value]}
    if isinstance(value, dict):
        if all(isinstance(key, str) and key not in TAGS for key in value):
            return {key: _to_json(item) for key, item in value.items()}
        return {DICT: [[_to_json(key), _to_json(item)] for key, item in value.items()]}
    raise TypeError(f"{type(value).__name__} cannot be written as JSON")


def _from_json(value: Any) -> Any:
    if isinstance(value, list):
        return [_from_json(item) for item in value]
    if not isinstance(value, dict):
        return value
    tags = TAGS.intersection(value)
    if not tags:
        return {key: _from_json(item) for key, item in value.items()}
    if len(value) != 1:
        raise ValueError(f"a tag among other keys: {sorted(value)[:5]}")
    tag, content = next(iter(value.items()))
    if tag == BYTES:
        if not isinstance(content, str):
            raise TypeError(f"{BYTES} of a {type(content).__name__}")
        return base64.b64decode(content, validate=True)
    if not isinstance(content, list):
        raise TypeError(f"{tag} of a {type(content).__name__}")
    if tag == TUPLE:
        return tuple(_from_json(item) for item in content)
    pairs = [_from_json(pair) for pair in content]
    if not all(isinstance(pair, list) and len(pair) == 2 for pair in pairs):
        raise ValueError(f"{DICT} entries must be [key, value] pairs")
    return {_hashable(key): item for key, item in pairs}


def _hashable(key: Any) -> Any:
    hash(key)  # TypeError for a list or dict used as a key
    return key


# Attribute name -> the types its value may have (None is allowed for those that say so).
_SHAPE: dict[str, tuple[type, ...]] = {
    "url": (str,),
    "method": (str,),
    "headers": (dict,),
    "body": (bytes, str),
    "cookies": (dict, list),
    "meta": (dict,),
    "encoding": (str,),
    "priority": (int,),
    "dont_filter": (bool,),
    "flags": (list,),
    "cb_kwargs": (dict,),
    "callback": (str, type(None)),
    "errback": (str, type(None)),
    "_class": (str,),
}


def _check_shape(data: Any) -> None:
    if not isinstance(data, dict) or not isinstance(data.get("url"), str):
        raise BadQueueEntry(NOT_A_REQUEST, f"not a request dict: {str(data)[:80]}")
    for name, types in _SHAPE.items():
        if name in data and not isinstance(data[name], types):
            raise BadQueueEntry(NOT_A_REQUEST, f"{name} is a {type(data[name]).__name__}")
    if isinstance(data.get("priority"), bool):
        raise BadQueueEntry(NOT_A_REQUEST, "priority is a bool")
    try:
        scheme = urlsplit(data["url"]).scheme
    except ValueError as error:  # e.g. an unclosed IPv6 bracket
        raise BadQueueEntry(NOT_A_REQUEST, f"url {data['url'][:200]!r}: {error}") from None
    if scheme not in SCHEMES:
        raise BadQueueEntry(NOT_HTTP, data["url"][:200])
    if "_class" in data and _request_class(data["_class"]) is None:
        raise BadQueueEntry(NOT_A_REQUEST, f"_class {data['_class'][:120]!r} is not a loaded Request class")


def _request_class(path: str) -> type[Request] | None:
    """The Request subclass named `path`, if its module is imported already (nothing is imported here).

    request_from_dict would `load_object` any dotted path and call it with the entry's fields.
    """
    module_name, _, name = path.rpartition(".")
    candidate = getattr(sys.modules.get(module_name), name, None) if module_name else None
    if isinstance(candidate, type) and issubclass(candidate, Request):
        return candidate
    return None


def _is_spider_callback(spider: Spider, name: str) -> bool:
    """`name` is a method the project's spider class defines (or Scrapy's default `parse`).

    Not any attribute: an entry must not make a worker call `close`, `start` or
    `_set_crawler` with a response.
    """
    if name == "parse":
        return callable(getattr(spider, name, None))
    for cls in type(spider).__mro__:
        if cls is Spider:
            return False
        if name in vars(cls):
            return callable(getattr(spider, name, None))
    return False
