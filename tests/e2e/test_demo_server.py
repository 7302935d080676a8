"""The demo portal server (gov_reports.demo.server) and the consistency of data/demo.

These talk plain HTTP to 127.0.0.1 with urllib, so they test what a crawler
sees: encodings, the Hanweb dataproxy, errors, caching headers and robots.txt.
The last tests check that expected.json's pages are linked and the build is up to
date; its content against the files is checked in tests/unit/test_demo_site.py, so
the end-to-end tests that rely on it stand on solid ground.
"""

from __future__ import annotations

import html
import http.client
import json
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from gov_reports.demo.handler import PLATFORM_ENDPOINTS
from gov_reports.demo.server import DemoPortal, default_root
from tests.support.demo_pages import page_text

ROOT = default_root()
EXPECTED = json.loads((ROOT / "expected.json").read_text(encoding="utf-8"))
SITES = json.loads((ROOT / "sites.json").read_text(encoding="utf-8"))["sites"]


@pytest.fixture(scope="module")
def portal() -> Iterator[DemoPortal]:
    with DemoPortal() as p:
        yield p


def fetch(
    url: str,
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
    method: str | None = None,
) -> tuple[int, dict[str, str], bytes]:
    """GET/POST/HEAD without raising on HTTP errors: (status, headers, body)."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def raw_get(base: str, path: str) -> int:
    """Send the path byte-for-byte (urllib would not normalise, but be explicit)."""
    split = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(split.hostname, split.port, timeout=10)
    try:
        conn.putrequest("GET", path, skip_accept_encoding=True)
        conn.endheaders()
        resp = conn.getresponse()
        resp.read()
        return resp.status
    finally:
        conn.close()


def dataproxy(portal: DemoPortal, start: int, end: int, **form: str) -> tuple[int, str]:
    records = json.loads((ROOT / "hanweb" / "_records" / "col4971.json").read_text("utf-8"))
    fields = {
        "col": "1",
        "appid": "1",
        "webid": "1",
        "path": "/",
        "columnid": "4971",
        "sourceContentType": "1",
        "unitid": records["unitid"],
        "webname": records["webname"],
        "permissiontype": "0",
    }
    fields.update(form)
    url = portal.url(
        "hanweb",
        f"/module/web/jpage/dataproxy.jsp?startrecord={start}&endrecord={end}&perpage={records['perpage']}",
    )
    status, _, body = fetch(url, urllib.parse.urlencode(fields).encode())
    return status, body.decode("utf-8")


RECORD_RE = re.compile(r"<record><!\[CDATA\[(.*?)\]\]></record>", re.S)
HREF_RE = re.compile(r"""href=['"]([^'"]+)['"]""")


# -- the server ------------------------------------------------------------------------


def test_every_site_has_its_own_port_and_start_urls(portal: DemoPortal) -> None:
    assert list(portal.sites) == list(SITES)
    styles = {c["style"] for c in SITES.values()}
    # The platform sites (gkmlpt, jpaas, aspnet…) answer what is not a static file through their demo endpoints.
    assert {"hanweb", "trs", "generic"} <= styles and styles - {"hanweb", "trs", "generic"} <= set(PLATFORM_ENDPOINTS)
    ports = {urllib.parse.urlsplit(b).port for b in portal.sites.values()}
    assert len(ports) == len(SITES) >= 3
    expected_starts = [portal.sites[s] + p for s, c in SITES.items() for p in c["start"]]
    assert portal.start_urls == expected_starts
    for url in portal.start_urls:
        assert fetch(url)[0] == 200


def test_gbk_site_has_no_charset_and_decodes_by_meta(portal: DemoPortal) -> None:
    report = next(r for r in EXPECTED["reports"] if r["key"] == "秦皇岛市人民政府|2016")
    status, headers, body = fetch(portal.url("trs", report["best_path"]))
    assert status == 200
    assert headers["Content-Type"] == "text/html"
    assert b"charset=gb2312" in body[:600]
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    text = body.decode("gb18030")
    assert f"<h1>{report['title']}</h1>" in text
    assert "本报告中所列数据的统计时限自2016年1月1日起至2016年12月31日止" in text


def test_utf8_sites_declare_charset(portal: DemoPortal) -> None:
    for site in ("hanweb", "generic"):
        status, headers, _ = fetch(portal.sites[site] + SITES[site]["start"][0])
        assert status == 200
        assert headers["Content-Type"] == "text/html; charset=utf-8"


def test_dataproxy_returns_the_requested_range(portal: DemoPortal) -> None:
    records = json.loads((ROOT / "hanweb" / "_records" / "col4971.json").read_text("utf-8"))
    status, body = dataproxy(portal, 5, 8)
    assert status == 200
    fragments = RECORD_RE.findall(body)
    hrefs = [HREF_RE.search(f).group(1) for f in fragments]
    assert hrefs == [r["href"] for r in records["records"][4:8]]
    assert f"<totalrecord>{len(records['records'])}</totalrecord>" in body
    # a block past the end is short, not an error
    status, body = dataproxy(portal, 9, 20)
    assert status == 200
    assert len(RECORD_RE.findall(body)) == len(records["records"]) - 8


def test_embedded_first_page_matches_dataproxy(portal: DemoPortal) -> None:
    _, _, page = fetch(portal.start_urls[0])
    html = page.decode("utf-8")
    per_page = int(re.search(r"perPage:(\d+)", html).group(1))
    total = int(re.search(r"totalRecord:(\d+)", html).group(1))
    assert total >= 3 * per_page - per_page + 1, "at least three list pages"
    embedded = RECORD_RE.findall(html)
    _, body = dataproxy(portal, 1, per_page)
    assert embedded == RECORD_RE.findall(body)


def test_dataproxy_needs_post_and_the_right_unit(portal: DemoPortal) -> None:
    url = portal.url("hanweb", "/module/web/jpage/dataproxy.jsp?startrecord=1&endrecord=4")
    assert fetch(url)[0] == 405
    assert dataproxy(portal, 1, 4, unitid="999")[0] == 400
    assert dataproxy(portal, 1, 4, columnid="")[0] == 400


def test_missing_and_error_pages(portal: DemoPortal) -> None:
    assert EXPECTED["missing"]
    for item in EXPECTED["missing"]:
        assert fetch(portal.url(item["site"], item["path"]))[0] == item["status"]
    assert fetch(portal.url("generic", "/no/such/page.html"))[0] == 404


@pytest.mark.parametrize(
    "path",
    [
        "/../sites.json",
        "/xxgk/../../sites.json",
        "/%2e%2e/sites.json",
        "/xxgk/%2E%2E/%2e%2e/expected.json",
        "/_records/col4971.json",
        "/xxgk/nb/list.html@page=2",
        "/..%2fsites.json",
    ],
)
def test_path_traversal_and_private_files_refused(portal: DemoPortal, path: str) -> None:
    for site in ("hanweb", "generic"):
        assert raw_get(portal.sites[site], path) in (403, 404)


def test_conditional_requests_and_head(portal: DemoPortal) -> None:
    url = portal.start_urls[1]
    status, headers, body = fetch(url)
    assert status == 200
    etag, modified = headers["ETag"], headers["Last-Modified"]
    assert fetch(url, headers={"If-None-Match": etag})[0] == 304
    assert fetch(url, headers={"If-None-Match": '"other"'})[0] == 200
    assert fetch(url, headers={"If-Modified-Since": modified})[0] == 304
    assert fetch(url, headers={"If-Modified-Since": "Thu, 01 Jan 1970 00:00:00 GMT"})[0] == 200
    status, head_headers, head_body = fetch(url, method="HEAD")
    assert status == 200 and head_body == b""
    assert head_headers["ETag"] == etag
    assert int(head_headers["Content-Length"]) == len(body)


def test_robots_txt(portal: DemoPortal) -> None:
    import urllib.robotparser

    for site, base in portal.sites.items():
        status, headers, body = fetch(base + "/robots.txt")
        assert status == 200 and headers["Content-Type"].startswith("text/plain")
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(body.decode().splitlines())
        for url in portal.start_urls:
            if url.startswith(base):
                assert parser.can_fetch("gov-reports", url)
        for item in EXPECTED["robots_disallowed"]:
            if item["site"] == site:
                assert not parser.can_fetch("gov-reports", base + item["path"])
                assert fetch(base + item["path"])[0] == 200, "it exists: only robots.txt hides it"
    assert EXPECTED["robots_disallowed"]


def test_generic_query_pages(portal: DemoPortal) -> None:
    url = portal.url("generic", SITES["generic"]["start"][0])
    first = fetch(url)[2].decode()
    second = fetch(url + "?page=2")[2].decode()
    assert first != second
    assert 'href="list.html?page=2">下一页</a>' in first
    assert fetch(url + "?unknown=1")[2].decode() == first


def test_request_log(portal: DemoPortal) -> None:
    before = len(portal.request_log)
    fetch(portal.url("generic", "/robots.txt"))
    fetch(portal.url("generic", "/nothing-here"))
    new = portal.request_log[before:]
    assert ("generic", "GET", "/robots.txt", 200) in new
    assert ("generic", "GET", "/nothing-here", 404) in new


def test_stopped_portal_frees_its_ports() -> None:
    p = DemoPortal().start()
    base = p.sites["generic"]
    p.stop()
    with pytest.raises(OSError):
        urllib.request.urlopen(base + "/robots.txt", timeout=2)


# -- expected.json against the files ---------------------------------------------------


def _crawl_links(portal: DemoPortal) -> dict[str, set[str]]:
    """Every detail link reachable from the lists, by site: a tiny reference crawl."""
    found: dict[str, set[str]] = {s: set() for s in SITES}
    seen: set[str] = set()
    queue = list(portal.start_urls)
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        site = next(s for s, b in portal.sites.items() if url.startswith(b + "/"))
        status, _, body = fetch(url)
        assert status == 200, url
        text = body.decode("gb18030" if SITES[site]["encoding"] == "gbk" else "utf-8")
        hrefs = [h for f in RECORD_RE.findall(text) for h in HREF_RE.findall(f)]
        match = re.search(r"jpage\(\{[^}]*perPage:(\d+),totalRecord:(\d+)", text)
        if match:
            per, total = int(match.group(1)), int(match.group(2))
            for start in range(per + 1, total + 1, per):
                _, xml = dataproxy(portal, start, start + per - 1)
                hrefs += [h for f in RECORD_RE.findall(xml) for h in HREF_RE.findall(f)]
        list_block = re.search(r'<ul class="(?:list|news-list)">(.*?)</ul>', text, re.S)
        if list_block:
            hrefs += HREF_RE.findall(list_block.group(1))
        classic = re.search(r'createPageHTML\((\d+), (\d+), "(\w+)", "(\w+)"\);', text)
        if classic:
            count, _cur, name, ext = classic.groups()
            queue += [urllib.parse.urljoin(url, f"{name}_{i}.{ext}") for i in range(1, int(count))]
        six = re.search(r"createPageHTML\('\w+', (\d+), (\d+), '(\w+)', '(\w+)', \d+\)", text)
        if six:
            count, _cur, name, ext = six.groups()
            queue += [urllib.parse.urljoin(url, f"{name}_{i}.{ext}") for i in range(2, int(count) + 1)]
        menu = re.search(r'<ul class="column-list">(.*?)</ul>', text, re.S)  # a hub's sub-columns
        if menu:
            queue += [urllib.parse.urljoin(url, h) for h in HREF_RE.findall(menu.group(1))]
        pager = re.search(r'<div class="pager">(.*?)</div>', text, re.S)
        if pager:
            queue += [urllib.parse.urljoin(url, h) for h in HREF_RE.findall(pager.group(1))]
        side = re.search(r'<div class="left-menu">(.*?)</div>', text, re.S)  # a JPaaS column's sub-columns
        if side:
            queue += [urllib.parse.urljoin(url, h) for h in HREF_RE.findall(side.group(1))]
        hrefs += _jpaas_articles(url, text) + _aspnet_articles(url, text)
        gkmlpt = re.search(r"SID: '(\d+)',.*?TREE: (\[.*\])\n", text, re.S)
        if gkmlpt:  # a gkmlpt directory: every category's list API, page after page
            hrefs += _gkmlpt_articles(url, gkmlpt.group(1), json.loads(gkmlpt.group(2)))
        if SITES[site]["style"] == "hanweb_xxgk":
            entries, views = _xxgk_links(url, text)
            hrefs += entries
            queue += views
            split = urllib.parse.urlsplit(url)
            if split.path.endswith("/xxgkAnnualReport.jsp"):  # the view of one (year, unit) is the report page
                found[site].add(f"{split.path}?{split.query}")
        for href in hrefs:
            link = urllib.parse.urlsplit(urllib.parse.urljoin(url, html.unescape(href)))
            found[site].add(link.path + (f"?{link.query}" if link.query else ""))
    return found


def _jpaas_articles(url: str, text: str) -> list[str]:
    """A JPaaS column's list: every page of its unitbuild endpoint, until an empty, repeated or non-JSON one."""
    hrefs: list[str] = []
    for tag in re.findall(r"<script[^>]*unitbuild\.js[^>]*>", text):
        query = re.search(r'queryData="([^"]+)"', tag)
        if not query or "信息列表" not in query.group(1):
            continue  # the navigation unit
        params = json.loads(html.unescape(query.group(1)).replace("'", '"'))
        endpoint = urllib.parse.urljoin(url, re.search(r'url="([^"]+)"', tag).group(1))  # type: ignore[union-attr]
        previous: list[str] = []
        for page in range(1, 20):
            paging = json.dumps({"pageNo": page, "pageSize": 3})
            _, _, body = fetch(endpoint + "?" + urllib.parse.urlencode({**params, "paramJson": paging}))
            try:
                listed = HREF_RE.findall(json.loads(body)["data"]["html"])
            except ValueError:  # the broken unit's HTML error page
                break
            if not listed or listed == previous:
                break
            hrefs += listed
            previous = listed
    return hrefs


def _aspnet_articles(url: str, text: str) -> list[str]:
    """A GridView's further pages: each posted back from the page before, with its hidden fields."""
    grid_re = re.compile(r'<table class="grid"(.*?)<tr class="pager">', re.S)
    hrefs = [h for grid in grid_re.findall(text) for h in HREF_RE.findall(grid)]
    page = 1
    while (state := re.findall(r'<input type="hidden" name="(__\w+)" id="\w+" value="([^"]*)" />', text)) and (
        call := re.search(rf"__doPostBack\(&#39;([^&]+)&#39;,&#39;(Page\${page + 1})&#39;\)", text)
    ):
        form = {**dict(state), "__EVENTTARGET": call.group(1), "__EVENTARGUMENT": call.group(2)}
        status, _, body = fetch(url, urllib.parse.urlencode(form).encode())
        assert status == 200, (url, call.groups())
        text = body.decode("utf-8")
        hrefs += [h for grid in grid_re.findall(text) for h in HREF_RE.findall(grid)]
        page += 1
    return hrefs


def _gkmlpt_articles(url: str, sid: str, tree: list[dict[str, Any]]) -> list[str]:
    hrefs: list[str] = []
    stack = list(tree)
    while stack:
        category = stack.pop()
        stack += category["children"]
        for page in range(1, 20):
            _, _, body = fetch(urllib.parse.urljoin(url, f"/gkmlpt/api/all/{category['id']}?page={page}&sid={sid}"))
            try:
                articles = json.loads(body)["articles"]
            except ValueError:  # the broken category's HTML page
                break
            if not articles:
                break
            hrefs += [a.get("url") or a["post_url"] for a in articles]
    return hrefs


XXGK_FORM_RE = re.compile(r'<form[^>]*action="([^"]*module/xxgk/search\.jsp[^"]*)"[^>]*>(.*?)</form>', re.S)
XXGK_HIDDEN_RE = re.compile(r'<input type="hidden" name="(\w+)" value="([^"]*)">')
XXGK_VIEW_RE = re.compile(r'href="([^"]*xxgkAnnualReport\.jsp\?[^"]*)"')
XXGK_UNIT_RE = re.compile(r'<option value="([0-9A-Z]{18})"')


def _xxgk_links(url: str, text: str) -> tuple[list[str], list[str]]:
    """The Hanweb 信息公开 module: (entries of search.jsp posted for pages 1..N, annual-report views to visit)."""
    entries: list[str] = []
    form = XXGK_FORM_RE.search(text)
    if form:
        action, fields = html.unescape(form.group(1)), dict(XXGK_HIDDEN_RE.findall(form.group(2)))
        page, count = 1, 1
        while page <= count:
            fields["currpage"] = str(page)
            target = urllib.parse.urljoin(url, re.sub(r"currpage=\d+", f"currpage={page}", action))
            status, _, body = fetch(target, urllib.parse.urlencode(fields).encode())
            assert status == 200, target
            answer = body.decode("utf-8")
            count = int(re.search(r"共(\d+)页", answer).group(1))  # type: ignore[union-attr]
            entries += re.findall(r'<a href="([^"]+)" target="_blank" title=', answer)
            page += 1
    views = [urllib.parse.urljoin(url, html.unescape(v)) for v in XXGK_VIEW_RE.findall(text)]
    year = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query).get("fbtime")
    if year:  # the unit select: the same year's view of every other unit
        views += [urllib.parse.urljoin(url, f"?fbtime={year[0]}&area={code}") for code in XXGK_UNIT_RE.findall(text)]
    return entries, views


def test_every_expected_page_is_linked_from_a_list(portal: DemoPortal) -> None:
    linked = _crawl_links(portal)
    for report in EXPECTED["reports"]:
        files = {f["link"] for f in report.get("files", [])}
        pages = [
            page_text(report["site"], p) for p in [*report["paths"], *report.get("linked_from", [])] if p not in files
        ]
        for path in report["paths"]:
            if path in files and path not in linked[report["site"]]:  # linked from its page (年报下载, 附件)
                assert any(f'href="{html.escape(path)}"' in page for page in pages), (report["key"], path)
                continue
            assert path in linked[report["site"]], (report["key"], path)
    for item in EXPECTED["traps"] + EXPECTED["missing"] + EXPECTED["robots_disallowed"]:
        assert item["path"] in linked[item["site"]], item


def test_build_output_is_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "gov_reports.demo.builder", "--check"],
        cwd=ROOT.parent.parent,  # the checkout's root: the builder uses gov_reports/demo/builder/pdf_writer.py
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
