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

This module runs the portal (`DemoPortal`, one `SiteServer` per site) and its command line; the requests
are answered by `handler.SiteHandler` (static files, conditional requests, downloads), `hanweb` (dataproxy,
downfile) and `endpoints/` (the platform sites); `files` maps a URL onto a site's file. The files themselves
are written by `gov_reports.demo.builder`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

from gov_reports.demo.handler import SiteHandler
from gov_reports.paths import DATA_DIR


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


class SiteServer(ThreadingHTTPServer):
    """One site: its name, root directory and configuration travel with the server."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, addr: tuple[str, int], portal: DemoPortal, name: str) -> None:
        super().__init__(addr, SiteHandler)
        self.portal = portal
        self.site_name = name
        self.site_conf = portal.site_conf[name]
        self.site_root = portal.root / name


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
        self._servers: list[tuple[SiteServer, threading.Thread]] = []

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

    def _bind(self, name: str, port: int) -> SiteServer:
        try:
            return SiteServer((self.host, port), self, name)
        except OSError as error:
            if not port:
                raise
            print(f"demo site {name}: port {port} is taken ({error.strerror}); using a free one", file=sys.stderr)
            return SiteServer((self.host, 0), self, name)

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


if __name__ == "__main__":
    raise SystemExit(serve_forever_cli())
