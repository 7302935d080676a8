"""Demo sites of the portal platforms (issue 13), one builder module each.

A module builds one site that build.py's own templates do not cover, and gives build.py:
``SITE`` (a ``build.Site``), ``START`` (its start paths), ``render()`` (its files, paths relative to
data/demo) and ``ground_truth()`` (its ``Page``s, ``Report``s and traps, for expected.json).
"""

from __future__ import annotations

from platforms import aspnet, gkmlpt, jpaas, xxgk

PLATFORMS = (gkmlpt, xxgk, jpaas, aspnet)
