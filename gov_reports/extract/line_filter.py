"""The line filter shared by HTML and text: chrome, labels, attachments, spam, repeated titles, broken words."""

from __future__ import annotations

import re

from gov_reports.extract.chrome import attachment_from_line, is_chrome_line, is_label_line, parse_labels
from gov_reports.extract.cleaned_page import CleanPage
from gov_reports.extract.spam import has_spam_core, is_spam_line, remove_spam_phrases
from gov_reports.extract.text import clean_line, match_form

_HEADING_OR_LIST_RE = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]"
    r"|第[一二三四五六七八九十]|[（(]?[一二三四五六七八九十]+是)"
)
ENDS_SENTENCE = tuple("。！？；：:;!?」”）)》")


_UNCLEAN_CELL_RE = re.compile(
    r"[\r\f\v\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff\u202f]| {2}|^[^\S\t]|[^\S\t]$|[^\S\t]\t|\t[^\S\t]"
)


def clean_row(line: str) -> str:
    """A display line; in a table row each cell is cleaned and the tabs kept, leading ones too."""
    if "\t" in line:
        # Every character `_UNCLEAN_CELL_RE` looks for is a space or unprintable (tabs aside): rows with
        # neither, most rows rendered from <table> cells, are clean without running it.
        if (" " not in line and line.replace("\t", "").isprintable()) or _UNCLEAN_CELL_RE.search(line) is None:
            return line.rstrip("\t")  # every cell is already clean
        return "\t".join(clean_line(cell) for cell in line.split("\t")).rstrip("\t")
    return clean_line(line)


# Longer lines cannot be chrome, labels or captions (see chrome.is_chrome_line/is_label_line).
_LONGEST_CHROME = 240
_ATTACHMENT_START_RE = re.compile(r"\s*(?:年报下载|附件|相关附件|下载附件|点击下载)")


def filter_lines(lines: list[str], page: CleanPage, *, mend_breaks: bool = False) -> None:
    """The line filter shared by HTML and text: chrome, attachments, spam, titles, broken words."""
    titles = {match_form(t) for t in page.titles[:3]}
    check_spam = has_spam_core("\n".join(lines))
    kept: list[str] = []
    cleaned = [clean_row(raw) for raw in lines]
    for line, compact in zip(cleaned, match_forms(cleaned), strict=True):
        if not line.strip():
            continue
        if len(line) > _LONGEST_CHROME and "\t" not in line and not (check_spam and has_spam_core(line)):
            kept.append(line)  # a paragraph: no chrome, label or caption line is this long
            continue
        attachment = attachment_from_line(line) if _ATTACHMENT_START_RE.match(line) else None
        if attachment is not None:
            if attachment["name"] and not any(a["name"] == attachment["name"] for a in page.attachments):
                page.attachments.append(attachment)
            continue
        if check_spam and has_spam_core(line):
            if is_spam_line(line):
                page.spam.append(line)
                continue
            line, removed = remove_spam_phrases(line)
            page.spam.extend(removed)
            compact = match_form(line)
        if is_label_line(line, compact):
            for key, value in parse_labels(line).items():
                page.labels.setdefault(key, value)
            continue
        if "\t" not in line and is_chrome_line(line, compact, labels_checked=True):
            continue
        if compact in titles and len(kept) < 3:
            continue  # the title printed again above the body
        kept.append(line)
    if mend_breaks:
        kept = mend_broken_lines(kept)
    page.lines = kept


def match_forms(lines: list[str]) -> list[str]:
    """`[match_form(line) for line in lines]`, in one call on the lines joined by a separator that
    `match_form` keeps (NUL: not whitespace, not punctuation) and no line holds (else line by line)."""
    forms = match_form("\0".join(lines)).split("\0")
    return forms if len(forms) == len(lines) else [match_form(line) for line in lines]


def mend_broken_lines(lines: list[str]) -> list[str]:
    """Join a word broken across a page or line break: 「…《条例》要」 + 「求，在市政府…」."""
    out: list[str] = []
    for line in lines:
        if (
            out
            and "\t" not in line
            and "\t" not in out[-1]
            and len(out[-1]) >= 20
            and not out[-1].endswith(ENDS_SENTENCE)
            and "\u4e00" <= out[-1][-1] <= "\u9fff"
            and "\u4e00" <= line[0] <= "\u9fff"
            and not _HEADING_OR_LIST_RE.match(line)
        ):
            out[-1] += line
        else:
            out.append(line)
    return out
