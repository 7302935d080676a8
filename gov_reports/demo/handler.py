"""The demo sites' request handler: static files, conditional requests, downloads and the emulated endpoints.

Static pages are files under data/demo/<site>/ (`files.safe_path`); what a site answers by program is Hanweb's
(`hanweb`) or a platform's (gov_reports/demo/endpoints/, by site style).
"""

from __future__ import annotations

import email.utils
import mimetypes
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import SplitResult, parse_qs, quote, urlsplit

from gov_reports.demo.endpoints import ENDPOINTS
from gov_reports.demo.files import etag_for, safe_path
from gov_reports.demo.hanweb import DATAPROXY_PATH, DOWNFILE_PATH, dataproxy, downfile

if TYPE_CHECKING:
    from gov_reports.demo.server import SiteServer

_TEXT_TYPES = {".html", ".htm", ".shtml", ".aspx", ".xml", ".txt", ".json", ".js", ".css"}
_MAX_BODY = 1 << 20

# Dynamic endpoints of platform sites (JSON APIs, form posts, postbacks), by site style: a function that answers
# the request and returns True, or returns False to let the static files answer. One module per platform in
# gov_reports/demo/endpoints/.
Endpoint = Callable[["SiteHandler", str, SplitResult, bytes], bool]
PLATFORM_ENDPOINTS: dict[str, Endpoint] = dict(ENDPOINTS)


class SiteHandler(BaseHTTPRequestHandler):
    """Serves one site's files and emulated endpoints."""

    server: SiteServer
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
            dataproxy(self, parse_qs(split.query), parse_qs(body.decode("utf-8", "replace")))
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
            downfile(self, parse_qs(split.query))
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
