"""Dynamic endpoints of the demo portal's platform sites, one module per platform.

Static pages are files under data/demo/<site>/; what a platform answers by program (a JSON API paged by
query parameters, a form post, an ASP.NET postback) is emulated here. Each module defines
``answer(handler, method, split, body) -> bool`` (True when it answered) and is registered below by the
site style it serves (``style`` in data/demo/sites.json).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gov_reports.demo.endpoints import aspnet, gkmlpt, jpaas, xxgk

if TYPE_CHECKING:
    from gov_reports.demo.handler import Endpoint

ENDPOINTS: dict[str, Endpoint] = {
    "gkmlpt": gkmlpt.answer,
    "hanweb_xxgk": xxgk.answer,  # Hanweb 信息公开 module: search.jsp, xxgkAnnualReport.jsp
    "jpaas": jpaas.answer,  # the unitbuild list endpoint
    "aspnet": aspnet.answer,  # GridView postbacks
}
