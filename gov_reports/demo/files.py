"""Where a demo URL is answered from in a site's directory, and its ETag."""

from __future__ import annotations

import hashlib
import posixpath
from pathlib import Path
from urllib.parse import unquote


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
