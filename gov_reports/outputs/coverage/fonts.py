"""The CJK font the report embeds, cut down to the characters the page uses, so no box (tofu) ever appears.

A report is often opened on another machine than the one that wrote it, and a machine without a CJK
font draws every Chinese character as the same empty box. So the page carries its own: the characters
of its text, subset with fontTools (matplotlib's dependency) from a CJK font found here, as an
`@font-face` with a `data:` URL (WOFF2 when brotli is there, else WOFF), first in the page's font stack.
A few hundred characters cost some tens of kilobytes.

The font: GOV_REPORTS_REPORT_FONT (a path to an OpenType/TrueType file or collection) if set, else the
first installed family of `CJK_FAMILIES` (Debian `fonts-noto-cjk` or `fonts-wqy-zenhei`, macOS and
Windows system fonts). Without one the report is still written, says so at its top, and the command
warns on stderr: the text then depends on the reader's fonts.
"""

from __future__ import annotations

import base64
import html
import io
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FONT_FAMILY = "gov-reports CJK"
"""The embedded face's name in the page's CSS."""
FONT_ENV = "GOV_REPORTS_REPORT_FONT"
CJK_FAMILIES: tuple[str, ...] = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
    "AR PL UMing CN",
    "PingFang SC",
    "Hiragino Sans GB",
    "Microsoft YaHei",
    "SimHei",
    "Noto Sans CJK JP",
)
NO_FONT_HINT = (
    "install a CJK font (apt: fonts-noto-cjk or fonts-wqy-zenhei; dnf: google-noto-sans-cjk-fonts) "
    f"or set {FONT_ENV}=/path/to/font.ttf, then write the report again"
)
_TAG_RE = re.compile(r"<svg\b.*?</svg>|<style\b.*?</style>|<[^>]+>", re.DOTALL)


@dataclass(frozen=True)
class EmbeddedFont:
    """The `@font-face` rule (empty without a font), where the font came from, and characters it lacks."""

    css: str
    source: Path | None
    missing: str = ""


def page_characters(page: str) -> str:
    """Every character of the page's visible text (tags, styles and the charts' SVG left out), sorted."""
    text = html.unescape(_TAG_RE.sub(" ", page))
    return "".join(sorted({ch for ch in text if not ch.isspace()}))


def find_cjk_font() -> tuple[Path, int] | None:
    """(font file, index in a collection) of a CJK font on this machine, or None."""
    configured = os.environ.get(FONT_ENV)
    if configured:
        path = Path(configured).expanduser()
        if not path.is_file():
            raise ValueError(f"{FONT_ENV}={configured}: no such font file")
        return path, 0
    from matplotlib import font_manager

    by_name: dict[str, str] = {}
    for entry in font_manager.fontManager.ttflist:
        by_name.setdefault(entry.name, entry.fname)
    for family in CJK_FAMILIES:
        if family in by_name:
            return Path(by_name[family]), _collection_index(Path(by_name[family]), family)
    return None


def _collection_index(path: Path, family: str) -> int:
    """Which font of a .ttc/.otc collection is `family` (0 for a single font)."""
    if path.suffix.lower() not in (".ttc", ".otc"):
        return 0
    from fontTools.ttLib import TTCollection

    with TTCollection(str(path), lazy=True) as collection:
        for index, font in enumerate(collection.fonts):
            if font["name"].getDebugName(1) == family:
                return index
    return 0


def embed_font(characters: str, font: tuple[Path, int] | None) -> EmbeddedFont:
    """The `@font-face` rule of `font` cut down to `characters` (only the non-ASCII ones: Latin text is
    in every browser's fonts), and which of them the font has no glyph for."""
    wanted = "".join(ch for ch in characters if ord(ch) > 0x7F)
    if font is None or not wanted:
        return EmbeddedFont("", None, wanted if font is None else "")
    from fontTools.ttLib import TTFont

    path, index = font
    # Tables load as the subsetter asks for them: lazy=False decompiled all of a CJK font's ~30,000 glyphs
    # (3.8 s of the report, for the same bytes).
    with TTFont(str(path), fontNumber=index) as face:
        return _subset(face, path, wanted)


def _subset(face: Any, path: Path, wanted: str) -> EmbeddedFont:
    from fontTools import subset

    cmap = face.getBestCmap() or {}
    missing = "".join(ch for ch in wanted if ord(ch) not in cmap)
    options = subset.Options()
    options.flavor = "woff2" if _has_brotli() else "woff"
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    # fontTools logs every table it drops (a bitmap font's BDF…) at WARNING: not the user's concern.
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(ch) for ch in wanted if ord(ch) in cmap])
    subsetter.subset(face)
    buffer = io.BytesIO()
    face.flavor = options.flavor
    face.save(buffer)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    css = (
        f'@font-face{{font-family:"{FONT_FAMILY}";'
        f'src:url(data:font/{options.flavor};base64,{data}) format("{options.flavor}");font-display:block}}'
    )
    return EmbeddedFont(css, path, missing)


def _has_brotli() -> bool:
    try:
        import brotli  # noqa: F401
    except ImportError:
        return False
    return True
