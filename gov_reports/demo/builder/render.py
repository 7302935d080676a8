"""Every file of the demo portal from the sites' declarations: pages, lists, sites.json and expected.json."""

from __future__ import annotations

import json

from gov_reports.demo.builder import aspnet, generic, gkmlpt, hanweb, hub, jianggan, jpaas, trs, xxgk
from gov_reports.demo.builder.attachments import add_attachments
from gov_reports.demo.builder.chrome import related_html
from gov_reports.demo.builder.expected import expected
from gov_reports.demo.builder.model import Page, Report, Site, Truth
from gov_reports.demo.builder.sites import COLUMNS, SITES
from gov_reports.demo.builder.templates import (
    generic_detail,
    generic_list,
    hanweb_column,
    hanweb_detail,
    home_page,
    hub_page,
    list_file_path,
    trs_detail,
    trs_list,
)

# The sites of portal platforms, each built by its own module (`SITE`, `START`, `render()`, `ground_truth()`)
# rather than by templates.py; in this order in sites.json and expected.json.
PLATFORMS = (gkmlpt, xxgk, jpaas, aspnet)


def build_pages() -> Truth:
    """Every page of the template-built sites and the ground truth about it (in the order expected.json keeps)."""
    pages: list[Page] = []
    reports: list[Report] = []
    traps: list[dict[str, str]] = []

    def trap(page: Page, kind: str) -> None:
        pages.append(page)
        traps.append({"site": page.site, "path": page.path, "title": page.title, "kind": kind})

    for site in (hanweb, trs, generic, jianggan, hub):
        site.declare(pages, reports, trap)
    add_attachments(pages, reports)
    return pages, reports, traps


def all_sites() -> dict[str, Site]:
    return {**SITES, **{p.SITE.key: p.SITE for p in PLATFORMS}}


def render_all() -> dict[str, bytes]:
    """Every output file (path relative to data/demo) and its bytes."""
    pages, reports, traps = build_pages()
    files: dict[str, bytes] = {}
    by_path = {(p.site, p.path): p for p in pages}
    if len(by_path) != len(pages):
        raise SystemExit("duplicate page path")

    def put(site: Site, path: str, text: str) -> None:
        data = text.encode(site.encoding, errors="xmlcharrefreplace")
        files[f"{site.key}{path}"] = data

    # detail pages
    for page in pages:
        site = SITES[page.site]
        for name, data in page.extra_files.items():
            files[f"{site.key}{name}"] = data
        if page.file is not None:
            files[f"{site.key}{page.path}"] = page.file
            continue
        col = COLUMNS[page.lists[0][0]]
        if not page.exists or page.path in site.errors:
            continue
        if site.style == "hanweb":
            put(site, page.path, hanweb_detail(site, col, page, related_html(by_path, page, False)))
        elif site.style == "trs":
            put(site, page.path, trs_detail(site, col, page, related_html(by_path, page, True)))
        else:
            put(site, page.path, generic_detail(site, col, page))

    # lists
    entries_by_col: dict[str, list[tuple[Page, str]]] = {k: [] for k in COLUMNS}
    for page in pages:
        for col_key, date in page.lists:
            entries_by_col[col_key].append((page, date))
    for col_key, entries in entries_by_col.items():
        col = COLUMNS[col_key]
        site = SITES[col.site]
        entries.sort(key=lambda e: e[1], reverse=True)
        total = len(entries)
        count = -(-total // col.per_page)
        if col.scheme == "hanweb":
            records = [{"href": p.path, "title": p.list_title or p.title, "date": d} for p, d in entries]
            put(site, col.path, hanweb_column(site, col, records))
            column_data = {
                "columnid": col.columnid,
                "unitid": col.unitid,
                "webid": 1,
                "webname": site.name,
                "perpage": col.per_page,
                "records": records,
            }
            files[f"{site.key}/_records/col{col.columnid}.json"] = (
                json.dumps(column_data, ensure_ascii=False, indent=1) + "\n"
            ).encode()
            continue
        for i in range(count):
            chunk = entries[i * col.per_page : (i + 1) * col.per_page]
            render = trs_list if site.style == "trs" else generic_list
            put(site, list_file_path(col, i), render(site, col, chunk, i, count, total))

    for site in SITES.values():
        files[f"{site.key}/robots.txt"] = site.robots.encode()
        columns = [c for c in COLUMNS.values() if c.site == site.key]
        links = site.home_links or [(c.name, c.path) for c in columns]
        put(site, "/index.html", home_page(site, links))
        for path, (title, crumb, menu) in site.hubs.items():
            put(site, path, hub_page(site, title, crumb, menu))

    sites_json = {
        "sites": {
            s.key: {
                "style": s.style,
                "name": s.name,
                "charset": s.charset,
                "encoding": s.encoding,
                "start": s.start or [c.path for c in COLUMNS.values() if c.site == s.key],
                "errors": s.errors,
                "downloads": s.downloads,
            }
            for s in SITES.values()
        }
    }
    for platform in PLATFORMS:
        site = platform.SITE
        files.update(platform.render())
        sites_json["sites"][site.key] = {
            "style": site.style,
            "name": site.name,
            "charset": site.charset,
            "encoding": site.encoding,
            "start": platform.START,
            "errors": site.errors,
            "downloads": site.downloads,
        }
        more_pages, more_reports, more_traps = platform.ground_truth()
        pages, reports, traps = pages + more_pages, reports + more_reports, traps + more_traps
    files["sites.json"] = (json.dumps(sites_json, ensure_ascii=False, indent=2) + "\n").encode()
    truth = expected(pages, reports, traps, all_sites())
    files["expected.json"] = (json.dumps(truth, ensure_ascii=False, indent=2) + "\n").encode()
    return files
