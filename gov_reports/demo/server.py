"""The bundled offline demo portal: a few static government sites served on 127.0.0.1.

The README's first command and the end-to-end tests crawl this instead of the
real internet, so the crawl is reproducible and offline. Each site is served by
its own server on its own port (its own host:port), as real portals are
separate hosts. Standard library only, so it runs wherever the package does.

Layout (see data/demo/README.md): ``data/demo/sites.json`` configures the
sites; ``data/demo/<site>/`` holds the static files. Besides static files the
server emulates what the crawler has to cope with on real portals:

* the Hanweb ``/module/web/jpage/dataproxy.jsp`` POST endpoint that pages a
  column's list (records from ``<site>/_records/col<id>.json``);
* generic ``list.html?page=N`` lists (the file ``list.html@page=N``);
* a GBK site answered with ``Content-Type: text/html`` and no charset, so the
  decoder must read the ``<meta http-equiv>``;
* robots.txt, 404 for absent files, a configured 500, HEAD, and
  ETag/Last-Modified with 304 answers for conditional requests;
* attachments: Hanweb's ``/module/download/downfile.jsp?filename=…`` (a 302
  to ``/attach/0/…``), and per-file ``downloads`` settings in sites.json: a
  Content-Disposition name in GBK (raw bytes) or RFC 5987 UTF-8, another
  Content-Type, or a cut-off body (``send_bytes`` below the Content-Length).
"""

from __future__ import annotations

import argparse
import email.utils
import hashlib
import json
import mimetypes
import os
import posixpath
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import SplitResult, parse_qs, quote, unquote, urlsplit

from gov_reports.paths import DATA_DIR

DATAPROXY_PATH = "/module/web/jpage/dataproxy.jsp"
DOWNFILE_PATH = "/module/download/downfile.jsp"
_TEXT_TYPES = {".html", ".htm", ".shtml", ".aspx", ".xml", ".txt", ".json", ".js", ".css"}
_MAX_BODY = 1 << 20


# Dynamic endpoints of platform sites (JSON APIs, form posts, postbacks), by site style: a function that answers
# the request and returns True, or returns False to let the static files answer. Registered by the modules of
# gov_reports/demo/endpoints/ (one per platform), imported at the end of this module.
Endpoint = Callable[["_Handler", str, SplitResult, bytes], bool]
PLATFORM_ENDPOINTS: dict[str, Endpoint] = {}


def default_root() -> Path:
    """The demo data directory: $GOV_REPORTS_DEMO_ROOT, else data/demo (the checkout's or the wheel's)."""
    env = os.environ.get("GOV_REPORTS_DEMO_ROOT")
    if env:
        return Path(env)
    return DATA_DIR / "demo"


def load_sites(root: Path) -> dict[str, dict[str, Any]]:
    """Read sites.json: site name -> its configuration, in file order."""
    with (root / "sites.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    return dict(data["sites"])


def safe_path(site_root: Path, url_path: str) -> Path | None:
    """Map a URL path onto a file under site_root, or None when it tries to escape.

    Percent-decoding happens first so that %2e%2e is caught as well as '..'.
    Names starting with '_' (build inputs such as _records/) and names holding
    '@' (query variants, reachable only with their query) are never served
    directly.
    """
    decoded = unquote(url_path)
    if "\x00" in decoded or "\\" in decoded:
        return None
    parts = [p for p in decoded.split("/") if p not in ("", ".")]
    if any(p == ".." for p in parts):
        return None
    if any(p.startswith(("_", ".")) or "@" in p for p in parts):
        return None
    normal = posixpath.normpath("/" + "/".join(parts))
    target = (site_root / normal.lstrip("/")).resolve()
    root = site_root.resolve()
    if target != root and not target.is_relative_to(root):
        return None
    return target


def site_file(site_root: Path, url_path: str) -> Path:
    """The file that answers a site-relative URL: a query variant ``X?q`` lives in ``X@q`` (see `safe_path`)."""
    return site_root / url_path.lstrip("/").replace("?", "@", 1)


def etag_for(data: bytes) -> str:
    """A strong ETag from the content, stable across checkouts (mtimes are not)."""
    return '"' + hashlib.sha1(data).hexdigest()[:20] + '"'


class _SiteServer(ThreadingHTTPServer):
    """One site: its name, root directory and configuration travel with the server."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, addr: tuple[str, int], portal: DemoPortal, name: str) -> None:
        super().__init__(addr, _Handler)
        self.portal = portal
        self.site_name = name
        self.site_conf = portal.site_conf[name]
        self.site_root = portal.root / name


class _Handler(BaseHTTPRequestHandler):
    """Serves one site's files and emulated endpoints."""

    server: _SiteServer
    server_version = "GovDemo/1.0"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        """Silence the default stderr access log: tests read request_log instead."""

    # -- plumbing --------------------------------------------------------------------

    def _log(self, status: int) -> None:
        self.server.portal._record(self.server.site_name, self.command, self.path, status)

    def _send(
        self,
        status: int,
        body: bytes = b"",
        content_type: str | None = "text/plain; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        # Logged before the response leaves: a client that reads the log right after its
        # request returns must find the request there.
        self._log(status)
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if status != HTTPStatus.NOT_MODIFIED:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD" and status != HTTPStatus.NOT_MODIFIED:
            self.wfile.write(body)

    def _error(self, status: int) -> None:
        phrase = HTTPStatus(status).phrase
        body = (
            f"<html><head><title>{status} {phrase}</title></head><body><h1>{status} {phrase}</h1></body></html>"
        ).encode()
        self._send(status, body, "text/html; charset=utf-8")

    def _read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        if length < 0 or length > _MAX_BODY:
            return b""
        return self.rfile.read(length) if length else b""

    # -- verbs -----------------------------------------------------------------------

    def do_GET(self) -> None:
        self._serve(head=False)

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def do_POST(self) -> None:
        body = self._read_body()
        split = urlsplit(self.path)
        if self._platform_endpoint("POST", split, body):
            return
        if split.path == DATAPROXY_PATH and self.server.site_conf.get("style") == "hanweb":
            self._dataproxy(parse_qs(split.query), parse_qs(body.decode("utf-8", "replace")))
            return
        self._error(HTTPStatus.METHOD_NOT_ALLOWED)

    def _platform_endpoint(self, method: str, split: SplitResult, body: bytes) -> bool:
        endpoint = PLATFORM_ENDPOINTS.get(self.server.site_conf.get("style", ""))
        return endpoint is not None and endpoint(self, method, split, body)

    # -- static files ----------------------------------------------------------------

    def _serve(self, head: bool) -> None:
        conf = self.server.site_conf
        split = urlsplit(self.path)
        path = split.path or "/"
        forced = conf.get("errors", {}).get(path)
        if forced:
            self._error(int(forced))
            return
        if self._platform_endpoint(self.command, split, b""):
            return
        if path == DATAPROXY_PATH:
            self._error(HTTPStatus.METHOD_NOT_ALLOWED)
            return
        if path == DOWNFILE_PATH and conf.get("style") == "hanweb":
            self._downfile(parse_qs(split.query))
            return
        target = safe_path(self.server.site_root, path)
        if target is None:
            self._error(HTTPStatus.FORBIDDEN)
            return
        if target.is_dir():
            if not path.endswith("/"):
                self._send(HTTPStatus.MOVED_PERMANENTLY, b"", None, {"Location": path + "/"})
                return
            target = target / "index.html"
        if split.query:
            # A query variant of a list page (generic ``list.html?page=2``) lives in
            # ``list.html@page=2``; unknown queries fall back to the plain file,
            # as most real servers ignore parameters they do not know.
            variant = target.with_name(target.name + "@" + split.query)
            if variant.is_file():
                target = variant
        if not target.is_file():
            self._error(HTTPStatus.NOT_FOUND)
            return
        self._file(target)

    def _file(self, target: Path) -> None:
        data = target.read_bytes()
        etag = etag_for(data)
        mtime = int(target.stat().st_mtime)
        headers = {
            "ETag": etag,
            "Last-Modified": email.utils.formatdate(mtime, usegmt=True),
            "Cache-Control": "no-cache",
        }
        if self._not_modified(etag, mtime):
            self._send(HTTPStatus.NOT_MODIFIED, b"", None, headers)
            return
        download = self.server.site_conf.get("downloads", {}).get(urlsplit(self.path).path)
        if download:
            self._download(data, download, headers, self._content_type(target))
            return
        self._send(HTTPStatus.OK, data, self._content_type(target), headers)

    # -- attachments -----------------------------------------------------------------

    def _downfile(self, query: dict[str, list[str]]) -> None:
        """Hanweb's download script: a 302 to the stored file (``/attach/{classid}/{filename}``)."""
        name = (query.get("filename") or [""])[0]
        classid = (query.get("classid") or ["0"])[0]
        if not name or "/" in name or "\\" in name or not classid.isdigit():
            self._error(HTTPStatus.BAD_REQUEST)
            return
        self._send(HTTPStatus.FOUND, b"", None, {"Location": f"/attach/{classid}/{name}"})

    def _download(self, data: bytes, download: dict[str, Any], headers: dict[str, str], default_type: str) -> None:
        """A file sent as configured: its name, its type, or fewer bytes than announced."""
        filename = download.get("filename")
        if filename:
            if download.get("charset") == "rfc5987":
                value = f"attachment; filename*=UTF-8''{quote(filename)}"
            else:  # raw bytes in the header, as IIS/Java servers send GBK names
                raw = filename.encode(download.get("charset", "utf-8")).decode("latin-1")
                value = f'attachment; filename="{raw}"'
            headers = {**headers, "Content-Disposition": value}
        content_type = download.get("content_type") or default_type
        cut = download.get("send_bytes")
        if cut is None:
            self._send(HTTPStatus.OK, data, content_type, headers)
            return
        self._log(HTTPStatus.OK)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data[: int(cut)])
        self.close_connection = True

    def _not_modified(self, etag: str, mtime: int) -> bool:
        """RFC 9110 §13.2.2: If-None-Match wins; If-Modified-Since only without it."""
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
            return "*" in tags or etag in tags
        ims = self.headers.get("If-Modified-Since")
        if ims:
            try:
                since = email.utils.parsedate_to_datetime(ims).timestamp()
            except (TypeError, ValueError):
                return False
            return mtime <= since
        return False

    def _content_type(self, target: Path) -> str:
        name = target.name.split("@", 1)[0]
        suffix = Path(name).suffix.lower()
        if suffix in (".html", ".htm", ".shtml", ".aspx"):  # .aspx: the ASP.NET site's pages
            base = "text/html"
        elif name == "robots.txt":
            base = "text/plain"
        else:
            base = mimetypes.guess_type(name)[0] or "application/octet-stream"
        charset = self.server.site_conf.get("charset")
        if suffix in _TEXT_TYPES or name == "robots.txt":
            # The GBK site declares its charset only in <meta http-equiv> (charset
            # null in sites.json); robots.txt is ASCII everywhere.
            if name == "robots.txt":
                return base + "; charset=utf-8"
            if charset:
                return f"{base}; charset={charset}"
        return base

    # -- Hanweb dataproxy ------------------------------------------------------------

    def _dataproxy(self, query: dict[str, list[str]], form: dict[str, list[str]]) -> None:
        """Answer a jpage list request: records startrecord..endrecord (1-based, inclusive)."""

        def one(source: dict[str, list[str]], key: str) -> str | None:
            values = source.get(key)
            return values[0] if values else None

        column = one(form, "columnid") or one(query, "columnid")
        if not column or not column.isdigit():
            self._error(HTTPStatus.BAD_REQUEST)
            return
        records_file = self.server.site_root / "_records" / f"col{column}.json"
        if not records_file.is_file():
            self._error(HTTPStatus.NOT_FOUND)
            return
        column_data = json.loads(records_file.read_text(encoding="utf-8"))
        if one(form, "unitid") != str(column_data["unitid"]):
            self._error(HTTPStatus.BAD_REQUEST)
            return
        try:
            start = int(one(query, "startrecord") or 1)
            end = int(one(query, "endrecord") or start + int(column_data["perpage"]) - 1)
        except ValueError:
            self._error(HTTPStatus.BAD_REQUEST)
            return
        start = max(start, 1)
        records = column_data["records"]
        chosen = records[start - 1 : max(end, start - 1)]
        body = render_datastore(column_data, chosen, total=len(records)).encode("utf-8")
        self._send(HTTPStatus.OK, body, "text/xml; charset=utf-8")


def render_record(record: dict[str, str]) -> str:
    """One list entry as Hanweb writes it inside <record><![CDATA[…]]>."""
    title = record["title"].replace("'", "&#39;")
    return (
        f"<li><a href='{record['href']}' title='{title}' target='_blank'>"
        f"{record['title']}</a><span>{record['date']}</span></li>"
    )


def render_datastore(column: dict[str, Any], records: list[dict[str, str]], total: int | None = None) -> str:
    """The <datastore> block shared by the embedded first page and dataproxy.jsp."""
    nextgroup = (
        f'<a href="{DATAPROXY_PATH}?page=1&appid=1&webid={column["webid"]}&path=/'
        f"&columnid={column['columnid']}&unitid={column['unitid']}"
        f'&webname={column["webname"]}&permissiontype=0"></a>'
    )
    lines = ["<datastore>", f"<nextgroup><![CDATA[{nextgroup}]]></nextgroup>", "<recordset>"]
    lines += [f"<record><![CDATA[{render_record(r)}]]></record>" for r in records]
    lines.append("</recordset>")
    if total is not None:
        lines.append(f"<totalrecord>{total}</totalrecord>")
    lines.append("</datastore>")
    return "\n".join(lines)


class DemoPortal:
    """All demo sites, each on its own 127.0.0.1 port; use as a context manager."""

    def __init__(self, root: Path | None = None, host: str = "127.0.0.1", base_port: int = 0) -> None:
        self.root = Path(root) if root is not None else default_root()
        self.host = host
        # 0: free ports (tests). Otherwise site i asks for base_port + i, so that a dump crawled from the demo
        # keeps its URLs from one run to the next; a port already taken falls back to a free one.
        self.base_port = base_port
        self.site_conf = load_sites(self.root)
        self.sites: dict[str, str] = {}
        self.start_urls: list[str] = []
        self.request_log: list[tuple[str, str, str, int]] = []
        self._lock = threading.Lock()
        self._servers: list[tuple[_SiteServer, threading.Thread]] = []

    def _record(self, site: str, method: str, path: str, status: int) -> None:
        with self._lock:
            self.request_log.append((site, method, path, status))

    def start(self) -> DemoPortal:
        """Bind every site on a free port and serve it from a daemon thread."""
        if self._servers:
            return self
        for index, (name, conf) in enumerate(self.site_conf.items()):
            server = self._bind(name, self.base_port + index if self.base_port else 0)
            port = server.server_address[1]
            thread = threading.Thread(
                target=server.serve_forever,
                kwargs={"poll_interval": 0.05},
                name=f"demo-{name}",
                daemon=True,
            )
            thread.start()
            self._servers.append((server, thread))
            base = f"http://{self.host}:{port}"
            self.sites[name] = base
            self.start_urls.extend(base + path for path in conf["start"])
        return self

    def _bind(self, name: str, port: int) -> _SiteServer:
        try:
            return _SiteServer((self.host, port), self, name)
        except OSError as error:
            if not port:
                raise
            print(f"demo site {name}: port {port} is taken ({error.strerror}); using a free one", file=sys.stderr)
            return _SiteServer((self.host, 0), self, name)

    def stop(self) -> None:
        """Shut every server down and free the ports."""
        for server, thread in self._servers:
            server.shutdown()
            server.server_close()
            thread.join(timeout=5)
        self._servers.clear()

    def url(self, site: str, path: str) -> str:
        """Absolute URL of a site-relative path (helps tests and expected.json users)."""
        return self.sites[site] + path

    def requests_for(self, site: str) -> Iterator[tuple[str, str, str, int]]:
        """A snapshot of the log entries of one site."""
        with self._lock:
            entries = list(self.request_log)
        return (e for e in entries if e[0] == site)

    def __enter__(self) -> DemoPortal:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def serve_forever_cli(argv: list[str] | None = None) -> int:
    """`python -m gov_reports.demo.server`: serve the demo portal until Ctrl-C."""
    parser = argparse.ArgumentParser(prog="python -m gov_reports.demo.server", description=__doc__)
    parser.add_argument("--root", type=Path, default=None, help="demo data directory")
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args(argv)
    with DemoPortal(args.root, args.host) as portal:
        for name, base in portal.sites.items():
            print(f"{name}\t{base}", flush=True)
        for url in portal.start_urls:
            print(f"start\t{url}", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            print("stopped", file=sys.stderr)
    return 0


# Imported last: the endpoint modules use this module's handler API.
from gov_reports.demo.endpoints import ENDPOINTS  # noqa: E402

PLATFORM_ENDPOINTS.update(ENDPOINTS)

if __name__ == "__main__":
    raise SystemExit(serve_forever_cli())
