"""The JSON form of queue entries: every request field survives, and nothing else gets through."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest
from scrapy import Request
from scrapy.http import FormRequest, JsonRequest

from gov_reports.crawl.distributed.codec import BadQueueEntry, UnsharableRequest, decode_request, encode_request
from gov_reports.crawl.spiders.annual_reports import AnnualReportsSpider

START = "http://127.0.0.1:9/list.html"


@pytest.fixture
def spider() -> AnnualReportsSpider:
    return AnnualReportsSpider(start_urls=[START])


def test_a_request_comes_back_field_for_field(spider: AnnualReportsSpider):
    meta = {"tuple": (1, "a"), "bytes": b"\x00\xff", "int keys": {1: "one"}, "$tuple": "a tag as a key", "none": None}
    request = Request(
        START,
        method="PUT",
        body=b"\x89PNG\r\n",
        headers={"Accept": [b"text/html", b"*/*"]},
        cookies=[{"name": "a", "value": "1", "domain": "127.0.0.1"}],
        meta=meta,
        encoding="gb18030",
        priority=12,
        dont_filter=True,
        callback=spider.parse_report,
        errback=spider.on_error,
        flags=["x"],
        cb_kwargs={"depth": 2, "names": ["a"]},
    )
    text = encode_request(request, spider)
    assert "\\u" not in text and "PNG" not in text  # UTF-8 JSON; the body is base64
    back = decode_request(text.encode("utf-8"), spider)
    for name in ("url", "method", "body", "cookies", "meta", "encoding", "priority", "dont_filter", "flags"):
        assert getattr(back, name) == getattr(request, name), name
    assert back.cb_kwargs == request.cb_kwargs
    assert back.headers.getlist("Accept") == [b"text/html", b"*/*"]
    assert (back.callback, back.errback) == (spider.parse_report, spider.on_error)
    assert back.meta["tuple"] == (1, "a") and isinstance(back.meta["tuple"], tuple)


@pytest.mark.parametrize(
    "request_",
    [
        FormRequest(START, formdata={"page": "2", "栏目": "年报"}),
        JsonRequest(START, data={"page": 2}),
    ],
)
def test_request_subclasses_keep_their_class(spider: AnnualReportsSpider, request_: Request):
    back = decode_request(encode_request(request_, spider).encode(), spider)
    assert type(back) is type(request_) and back.body == request_.body and back.method == request_.method


def test_what_json_cannot_say_stays_in_the_worker(spider: AnnualReportsSpider):
    with pytest.raises(UnsharableRequest):
        encode_request(Request(START, meta={"when": {1, 2}}), spider)  # a set
    with pytest.raises(UnsharableRequest):
        encode_request(Request(START, callback=lambda response: None), spider)  # not a spider method
    with pytest.raises(UnsharableRequest):
        encode_request(Request("data:,x"), spider)


def random_json(rng: random.Random, depth: int = 0) -> Any:
    """A random JSON value, tags and the names the checks look for included."""
    kind = rng.randrange(4 if depth < 3 else 1)
    if kind == 1:
        return [random_json(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    if kind == 2:
        return {rng.choice(["$bytes", "$tuple", "$dict", "a", "url"]): random_json(rng, depth + 1)}
    if kind == 3:
        return {"$dict": [[random_json(rng, depth + 1), random_json(rng, depth + 1)]]}
    scalars: list[Any] = [None, True, False, rng.randint(-(2**70), 2**70), rng.random() * 1e6, "", "x", "AA=="]
    scalars += ["parse_report", "close", "file:///etc/passwd", START, "$bytes", "scrapy.http.request.Request"]
    return rng.choice(scalars)


def test_a_mangled_entry_is_refused_with_a_reason_or_is_a_well_formed_request(spider: AnnualReportsSpider):
    rng = random.Random(15)
    valid = json.loads(encode_request(Request(START, callback=spider.parse_listing, meta={"a": b"1"}), spider))
    outcomes: dict[str, int] = {}
    for _ in range(3000):
        entry = dict(valid)
        for _ in range(rng.randint(1, 3)):
            entry[rng.choice([*valid, "_class"])] = random_json(rng)
        text = json.dumps(entry).encode()
        if rng.random() < 0.2:  # torn or flipped bytes too
            position = rng.randrange(len(text))
            text = text[:position] + bytes([rng.randrange(256)]) + text[position + 1 :]
        try:
            request = decode_request(text, spider)
        except BadQueueEntry as refused:
            outcomes[refused.reason] = outcomes.get(refused.reason, 0) + 1
            continue
        outcomes["request"] = outcomes.get("request", 0) + 1
        assert isinstance(request, Request) and request.url.startswith(("http://", "https://"))
        assert request.callback in (None, spider.parse_listing, spider.parse_report)
    # Every kind of outcome happened, so the mutations reached every check.
    assert set(outcomes) == {"request", "not_json", "not_a_request", "not_http", "unknown_callback"}, outcomes
