"""The records gov-reports produces.

`AnnualReport` is the public record: one per (issuer, year) in the JSON Lines
dump. Its JSON Schema is generated from this module (see `gov_reports.model.schema`),
so the attribute docstrings below are the data dictionary.

`FetchedPage` is internal: what the spider hands to the pipelines. The spider
only fetches; extraction happens in the pipelines.
"""

from dataclasses import dataclass, field
from typing import Any, Literal

from gov_reports.model import vocabulary
from gov_reports.model.vocabulary import LevelName, ReportFormatName, TrustVerdictName

Level = LevelName
ReportFormat = ReportFormatName
TrustVerdict = TrustVerdictName


@dataclass(kw_only=True)
class FetchedPage:
    """A downloaded page or file that may hold an annual report (internal)."""

    url: str
    """Where it was fetched (after redirects)."""
    # Not in repr: Scrapy logs a dropped item whole, and a page's HTML would flood the log.
    text: str = field(default="", repr=False)
    """The decoded HTML (kind 'html') or plain text (kind 'text')."""
    kind: Literal["html", "text"] = "html"
    """How `text` is to be read."""
    listing_title: str | None = None
    """The link text on the listing page that led here."""
    listing_date: str | None = None
    """The date printed beside the link on the listing page, if any."""
    listing_url: str | None = None
    """The listing page that linked here."""
    listing_published: str | None = None
    """The platform's own publication date of the entry (an API's publish time), YYYY-MM-DD."""
    listing_evidence: dict[str, str] = field(default_factory=dict)
    """What the platform says of the issuer (publisher, credit_code…)."""
    source: str | None = None
    """The column (start URL) this page was reached from."""
    official: bool = True
    """True when the host is one of the configured (official) hosts."""
    encoding: str | None = None
    """The encoding the body was decoded with."""
    image_urls: list[str] = field(default_factory=list)
    """Same-host images on the page (tables pasted as pictures are OCR'd from these)."""
    attachment_links: int = 0
    """How many report files the spider follows from this page (they are read as records of their own)."""


@dataclass(kw_only=True)
class FetchedDocument:
    """A downloaded attachment (PDF, DOCX, DOC/WPS, XLS/XLSX) that may hold a report (internal)."""

    url: str
    """Where it was fetched (after redirects)."""
    body: bytes = field(default=b"", repr=False)  # not in the log of a dropped item
    """The file's bytes as received."""
    name: str | None = None
    """File name: Content-Disposition, else the link text or the URL's `showname`/`filename`, else its last part."""
    content_type: str | None = None
    """The Content-Type header, a hint only (the readers trust the bytes)."""
    parent_url: str | None = None
    """The report page that links it; None when a listing links the file directly."""
    parent_title: str | None = None
    """The linking page's or listing entry's title (year and issuer when the file names neither)."""
    listing_date: str | None = None
    """The date printed beside the listing entry, if any."""
    official: bool = True
    """True when the host is one of the configured (official) hosts."""
    truncated: bool = False
    """True when the server sent fewer bytes than it announced."""


@dataclass(kw_only=True)
class AnnualReport:
    """One 政府信息公开工作年度报告: a body's report on one year."""

    key: str
    """Deduplication key: issuer and year joined by '|', e.g. '哈尔滨市人民政府|2020'."""
    issuer: str
    """The issuing body's full, normalised name, e.g. '哈尔滨市人民政府', '哈尔滨市民政局'."""
    year: int
    """The year the report covers (from the title or the 统计期限 sentence, never the publish date)."""
    published: str | None = None
    """First publication, YYYY-MM-DD: PubDate meta, then a labelled date near the title, then the signature date;
    the earliest such date among the report's copies. A 更正/修订 copy never sets it (its date is `corrected`):
    null when only a corrected copy was found."""
    published_source: str | None = None
    """Where `published` came from: 'platform' (the portal platform's own publish time, e.g. gkmlpt's API),
    'meta', 'label', 'listing' or 'signature'."""
    corrected: str | None = None
    """When a corrected or revised copy (「更正」, 「修订」 in its title) was published, YYYY-MM-DD (the latest
    such copy's date); null when no corrected copy was found."""
    title: str | None = None
    """The report's title as printed (or reconstructed from issuer and year when the page has none)."""
    province: str | None = None
    """Province-level division of the issuer, e.g. '黑龙江省'; null for central bodies or when unknown."""
    region: str | None = None
    """The issuer's division as a path, e.g. '黑龙江省/鸡西市/虎林市'."""
    division_code: str | None = None
    """The issuer's own administrative division code: six digits (GB/T 2260) for a province, city or county and
    their departments; for a township or street (level 'township') its nine-digit code where the division table
    (gov_reports/extract/data/divisions.tsv) has it, else null — never the county's."""
    parent_division_code: str | None = None
    """For a township or street: the code of the county-level division it belongs to (the last part of `region`);
    null for every other level."""
    level: Level = vocabulary.Level.UNKNOWN
    """The issuer's level: province | city | county | department | township | unknown."""
    format: ReportFormat = vocabulary.ReportFormat.UNKNOWN
    """Layout, from the text's vocabulary: pre2019 | 2019 (国办公开办函〔2019〕60号) | 2021 (〔2021〕30号) | unknown."""
    sections: list[dict[str, Any]] = field(default_factory=list)
    """The report's sections in order, as places in `text` (which holds each paragraph once): {heading, start, end},
    the section's paragraphs being lines start to end-1 of `text` split at '\\n' (0-based; the heading's own line,
    when there is a heading, is line start-1); paragraphs before the first heading have heading ''.
    `gov_reports.extract.sections.section_text(record['text'], section)` gives a section's text."""
    text: str = ""
    """The clean report body, chrome and spam removed, paragraphs separated by newlines (table rows tab-separated)."""
    signature: str | None = None
    """The closing signature line (issuing body), when present."""
    signature_date: str | None = None
    """The closing signature date, YYYY-MM-DD."""
    index_number: str | None = None
    """索引号 from the page's metadata block, when present."""
    site_id_code: str | None = None
    """SiteIDCode / 网站标识码 of the site the page came from, when present."""
    issuer_evidence: dict[str, str] = field(default_factory=dict)
    """What the portal platform says of the issuer: 'publisher' (gkmlpt's publisher), 'credit_code' (the Hanweb
    信息公开 module's `area`, the 统一社会信用代码)…; empty when the platform says nothing."""
    url: str = ""
    """The canonical place of the report: the best copy's URL."""
    urls: list[str] = field(default_factory=list)
    """Every place a copy that is not a mirror was found (pages, re-publications), sorted."""
    mirrors: list[str] = field(default_factory=list)
    """Where mirror copies (trust verdict 'mirror') were found, sorted; they lend the record nothing else."""
    attachments: list[dict[str, Any]] = field(default_factory=list)
    """Attachment links found with the report: {url, name, type}; files read also have size (bytes) and sha256."""
    flags: list[str] = field(default_factory=list)
    """Quality flags, e.g. 'nongov_address:www.tgflt.cn', 'spam_removed', 'tables_missing', 'title_reconstructed';
    where the numbers came from: 'stats_from_attachment', 'text_from_attachment', 'from_attachment' (a report
    published only as a file), 'tables_as_images', 'stats_from_ocr', 'ocr_unverified' (see docs/attachments.md)."""
    table_images: list[str] = field(default_factory=list)
    """On a page flagged 'tables_as_images': its images on the crawl's hosts (up to 12, in page order), where the
    tables pasted as pictures are; the OCR step reads them. Empty on every other record."""
    spam: list[str] = field(default_factory=list)
    """Spam removed from the page (injected keywords, off-site gambling links, hidden text)."""
    trust: dict[str, Any] = field(default_factory=lambda: {"verdict": "unknown", "reasons": []})
    """Trust in the best copy: {verdict: official | mirror | unknown, reasons: stable codes}; see docs/trust.md."""
    stats: dict[str, Any] | None = None
    """The statutory statistics (tables 二/三/四 or pre-2019 prose numbers); see the schema."""
    summary: dict[str, Any] = field(default_factory=dict)
    """Headline numbers comparable across formats; null where the report does not say."""
    checks: list[dict[str, Any]] = field(default_factory=list)
    """Consistency checks run on the statistics: {name, ok, detail, message}: `detail` the arithmetic, `message`
    the same in the report's words (「总计列：本年新收加上年结转之和 (12) ≠ 总计加结转下年度继续办理之和 (11)」)."""
    content_sha1: str = ""
    """SHA-1 of `text` plus the statistics: identifies a copy's content across crawls."""
