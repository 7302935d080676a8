"""The one vocabulary: every flag, skip reason, statistics key, format and level gov-reports spells.

Each family is a class of `Final` string constants, not an Enum: the values
flow into records, stats, log lines and exception messages exactly as before
(a plain ``str``, so ``repr``, pickling and JSON stay byte-identical), and mypy
sees each constant as its Literal, so it fits the record's Literal types.
The attribute docstring under each constant says what it means; `members`
lists a family. No other module spells these values (tests/unit/test_vocabulary.py).
"""

from __future__ import annotations

from typing import Final, Literal


def members(family: type) -> dict[str, str]:
    """NAME -> value of every constant of a vocabulary class, in definition order."""
    return {name: value for name, value in vars(family).items() if name.isupper() and isinstance(value, str)}


# --------------------------------------------------------------------------- the record


class Level:
    """`AnnualReport.level`: the administrative level of the issuer."""

    PROVINCE: Final = "province"
    """A province-level government (省级)."""
    CITY: Final = "city"
    """A prefecture-level government (市级)."""
    COUNTY: Final = "county"
    """A county-level government (县级)."""
    DEPARTMENT: Final = "department"
    """A department of a government (部门)."""
    TOWNSHIP: Final = "township"
    """A township or street office (乡镇、街道)."""
    UNKNOWN: Final = "unknown"
    """The level could not be read."""


class ReportFormat:
    """`AnnualReport.format`: which statutory table layout the report follows."""

    PRE2019: Final = "pre2019"
    """Before the 2019 regulation: no statutory tables."""
    Y2019: Final = "2019"
    """The 2019 template (reports for 2019 and 2020)."""
    Y2021: Final = "2021"
    """The 2021 template (reports for 2021 on)."""
    UNKNOWN: Final = "unknown"
    """Neither the tables nor the year decide it."""


class TrustVerdict:
    """`AnnualReport.trust.verdict`: whose copy of the report this is."""

    OFFICIAL: Final = "official"
    """Served by the issuer's own (government or configured) host."""
    MIRROR: Final = "mirror"
    """A copy on a host that is not the issuer's (hijacked domain, scraper site)."""
    UNKNOWN: Final = "unknown"
    """Nothing vouches for the host either way."""


# The record's Literal types: PEP 586 admits no names inside Literal, so the values are
# repeated here, next to their constants, and a test asserts both agree.
LevelName = Literal["province", "city", "county", "department", "township", "unknown"]
ReportFormatName = Literal["pre2019", "2019", "2021", "unknown"]
TrustVerdictName = Literal["official", "mirror", "unknown"]


class Flag:
    """`AnnualReport.flags`: quality flags without a parameter."""

    SPAM_REMOVED: Final = "spam_removed"
    """Injected spam was cut out of the page."""
    TITLE_RECONSTRUCTED: Final = "title_reconstructed"
    """The title was rebuilt from the issuer and year (the page's own was missing or spam)."""
    CORRECTION: Final = "correction"
    """The page is a 「更正」/修订 republication."""
    YEAR_FROM_BODY: Final = "year_from_body"
    """The report year was read from the body, not the title."""
    TABLES_MISSING: Final = "tables_missing"
    """A 2019/2021-format report whose statutory tables were not found."""
    TABLES_AS_IMAGES: Final = "tables_as_images"
    """Tables are missing and the page has images: they are probably published as pictures."""
    BLANK_CELLS: Final = "blank_cells"
    """Some table cells were blank."""
    FORMAT_CONFLICT: Final = "format_conflict"
    """The tables' own vocabulary and the report year disagree on the layout."""
    MIRROR_SUSPECTED: Final = "mirror_suspected"
    """The trust verdict (or a foreign portal address on an unvouched host) says mirror."""
    UNOFFICIAL_HOST: Final = "unofficial_host"
    """Served by a host that is neither a government host nor configured as official."""
    FROM_ATTACHMENT: Final = "from_attachment"
    """A record read from an attached file (a report published only as a file)."""
    STATS_FROM_ATTACHMENT: Final = "stats_from_attachment"
    """The statistics came from the page's attachment."""
    TEXT_FROM_ATTACHMENT: Final = "text_from_attachment"
    """The text came from the page's attachment."""
    STATS_FROM_OCR: Final = "stats_from_ocr"
    """The statistics were OCR'd from table images and pass their checks."""
    OCR_UNVERIFIED: Final = "ocr_unverified"
    """Table images were OCR'd but the checks failed: no OCR'd number is presented."""


class FlagPrefix:
    """`AnnualReport.flags` that carry a parameter after the prefix."""

    NONGOV_ADDRESS: Final = "nongov_address:"
    """A foreign portal address in the body: nongov_address:HOST."""
    ISSUER_FROM: Final = "issuer_from_"
    """Where the issuer was read when not from the title: issuer_from_<source>."""
    YEAR_CONFLICT: Final = "year_conflict:"
    """Title and 统计期限 give different years."""
    IMPLAUSIBLE_DATE_IGNORED: Final = "implausible_date_ignored:"
    """A publication date out of range was ignored: implausible_date_ignored:<source>=<date>."""
    SCHEMA_INVALID: Final = "schema_invalid:"
    """The record failed the JSON Schema at <where>."""
    SUMMARY_FROM_PROSE: Final = "summary_from_prose:"
    """A summary number was read from the prose: summary_from_prose:<key>."""
    TABLE_MISSING: Final = "table_missing:"
    """One statutory table was not found: table_missing:<table>."""
    CHECK_FAILED: Final = "check_failed:"
    """A consistency check ran and failed: check_failed:<name>."""
    SHORT_ROW: Final = "short_row:"
    """A row with fewer cells than columns."""
    LONG_ROW: Final = "long_row:"
    """A row with more cells than columns."""
    DUPLICATE_ROW: Final = "duplicate_row:"
    """A row read twice (the first kept)."""
    MISSING_ROW: Final = "missing_row:"
    """An expected row not found."""
    UNEXPECTED_ROW: Final = "unexpected_row:"
    """A row the layout does not have."""
    UNEXPECTED_COLUMNS: Final = "unexpected_columns:"
    """A row with columns the layout does not have."""
    COLUMNS_BY_POSITION: Final = "columns_by_position:"
    """Columns placed by their position, the headers unread."""
    CELL_PLACED_BY_SUMS: Final = "cell_placed_by_sums:"
    """A cell placed where the table's sums leave one reading."""
    CELLS_BY_PROSE: Final = "cells_by_prose:"
    """Cells read from the prose around a flat table."""
    ROWS_BY_ORDER: Final = "rows_by_order:"
    """Rows placed by their order, the labels unread."""
    UNPLACED_ROWS: Final = "unplaced_rows:"
    """Rows that could not be placed."""


# --------------------------------------------------------------------------- skips


class SkipReason:
    """Why a request or page was skipped or refused (stats gov_reports/skipped/<reason>)."""

    UNDECODABLE: Final = "undecodable"
    """The body could not be decoded in any candidate encoding."""
    REDIRECT_LOOP: Final = "redirect_loop"
    """The redirect chain came back to a URL it had visited."""
    WAF_BLOCKED: Final = "waf_blocked"
    """A WAF/challenge page answered, after the retries."""
    PRIVATE_ADDRESS: Final = "private_address"
    """The host resolves to a private or local address."""
    OFFSITE_HOST: Final = "offsite_host"
    """A link to a host outside the crawl's sources."""
    ALREADY_COLLECTED: Final = "already_collected"
    """A resumed crawl had already written this report."""
    TRAP_LINK: Final = "trap_link"
    """A listing link whose title is a known trap (§9 of the regulation, letters…)."""
    YEAR_OUT_OF_RANGE: Final = "year_out_of_range"
    """The report year is outside --years."""
    LISTING_OVER_BUDGET: Final = "listing_over_budget"
    """Listing pages beyond the per-source budget."""
    EXTRACTION_ERROR: Final = "extraction_error"
    """An extractor raised: a bug, logged as ERROR."""
    LISTING_NOT_HTML: Final = "listing_not_html"
    """A listing page that is not HTML."""
    REPORT_NOT_HTML: Final = "report_not_html"
    """A report page that is not HTML (and not an attachment)."""
    BODY_IN_ATTACHMENT: Final = "body_in_attachment"
    """No body text of its own, but attachments are followed (「详见附件」): no loss."""
    EMPTY_PAGE: Final = "empty_page"
    """The page has no content at all."""
    EMPTY_BODY: Final = "empty_body"
    """No body text left after the chrome and spam are removed."""
    NO_YEAR: Final = "no_year"
    """No report year could be read."""
    NO_ISSUER: Final = "no_issuer"
    """No issuer could be read."""
    TRUNCATED: Final = "truncated"
    """An attachment with fewer bytes than announced (stats attachment_truncated)."""
    MIRROR_REJECTED: Final = "mirror_rejected"
    """A mirror copy dropped: mirror_rejected:<why>."""


class ReadFailure:
    """Why a downloaded file could not be read (`UnreadableDocument.reason`; stats
    gov_reports/skipped/attachment_<reason>)."""

    EMPTY_FILE: Final = "empty_file"
    """No bytes at all."""
    TOO_LARGE: Final = "too_large"
    """Above the size limit (the file, or what a converter made of it)."""
    TRUNCATED: Final = "truncated"
    """Cut short: a PDF without its %%EOF, a zip without its end record, a short antiword read."""
    ZIP_BOMB: Final = "zip_bomb"
    """An Office file whose zip declares too many entries or bytes."""
    XML_TOO_LARGE: Final = "xml_too_large"
    """An Office file's XML part above GOV_REPORTS_DOCUMENT_XML_MAXSIZE."""
    TOO_MANY_PAGES: Final = "too_many_pages"
    """A PDF of more pages than GOV_REPORTS_PDF_MAX_PAGES."""
    UNSUPPORTED_TYPE: Final = "unsupported_type"
    """A type no reader handles (or one that needs LibreOffice, not installed)."""
    CONVERTER_MISSING: Final = "converter_missing"
    """The converter the type needs is not installed (antiword/LibreOffice; Tesseract for a scan): retried."""
    CONVERTER_FAILED: Final = "converter_failed"
    """The converter ran and failed or timed out: retried for a few crawls."""
    EMPTY_TEXT: Final = "empty_text"
    """Read, and no text in it."""
    IMAGE_ONLY_PDF: Final = "image_only_pdf"
    """A PDF of page images with OCR turned off (or OCR read nothing)."""
    UNMAPPED_FONT_PDF: Final = "unmapped_font_pdf"
    """A PDF whose glyphs have no Unicode mapping (its text would be gibberish)."""
    ENCRYPTED_PDF: Final = "encrypted_pdf"
    """A PDF that needs a password to open."""
    ENCRYPTED_DOCUMENT: Final = "encrypted_document"
    """A password-protected Office file."""
    CORRUPT_PDF: Final = "corrupt_pdf"
    """A PDF that cannot be parsed."""


class ReadFailurePrefix:
    """The start of a `ReadFailure` reason composed with the file's kind."""

    CORRUPT: Final = "corrupt_"
    """corrupt_<kind>: docx, xlsx, doc, wps, xls, zip… that cannot be parsed."""
    NOT_A: Final = "not_a_"
    """not_a_<kind>_but_html: an HTML page served for the file."""


# --------------------------------------------------------------------------- statistics keys


class Stat:
    """Crawl statistics keys (Scrapy stats) with one fixed name."""

    LISTING_PAGES: Final = "gov_reports/listing_pages"
    """Listing pages parsed."""
    REPORTS_EXTRACTED: Final = "gov_reports/reports_extracted"
    """Records extracted (before deduplication)."""
    UNIQUE_REPORTS: Final = "gov_reports/unique_reports"
    """Distinct (issuer, year) keys among them."""
    DUPLICATE_COPIES: Final = "gov_reports/duplicate_copies"
    """Copies merged into a record of the same crawl."""
    SCHEMA_INVALID: Final = "gov_reports/schema_invalid"
    """Records that failed the JSON Schema (kept, flagged)."""
    SUBCOLUMNS_FOLLOWED: Final = "gov_reports/subcolumns/followed"
    """Sub-columns of a hub followed."""
    SUBCOLUMNS_TOO_DEEP: Final = "gov_reports/subcolumns/too_deep"
    """Sub-columns beyond GOV_REPORTS_SUBCOLUMN_DEPTH."""
    DISCOVERY_COLUMN_LINKS: Final = "gov_reports/discovery/column_links"
    """年报 column links found on a home page."""
    DISCOVERY_HUB_LINKS: Final = "gov_reports/discovery/hub_links"
    """信息公开 hub links found on a home page."""
    FEED_NEW: Final = "gov_reports/feed/new"
    """Records new to the dump."""
    FEED_UPDATED: Final = "gov_reports/feed/updated"
    """Records of the dump replaced by a better copy."""
    FEED_UNCHANGED: Final = "gov_reports/feed/unchanged"
    """Records of the dump left as they were."""
    FEED_WRITTEN: Final = "gov_reports/feed/written"
    """Records in the dump after the merge."""
    FEED_UNREADABLE_LINES: Final = "gov_reports/feed/unreadable_lines"
    """Lines of the old dump that failed the schema (moved to .rejected)."""
    FEED_STORE_FAILED: Final = "gov_reports/feed/store_failed"
    """The merge failed: the .pending file's path."""
    FEED_STORE_ERROR: Final = "gov_reports/feed/store_error"
    """The merge failed: the error."""
    FEED_REJECTED_PATH: Final = "gov_reports/feed/rejected_path"
    """Where the rejected lines were written."""
    RETRY_AFTER_HONOURED: Final = "gov_reports/retry_after_honoured"
    """Retry-After headers obeyed."""
    SKIPPED_OFFSITE_HOST: Final = "gov_reports/skipped/offsite_host"
    """Requests to hosts outside the sources (counted before the skip)."""
    WAF_RETRIES: Final = "gov_reports/waf_retries"
    """Requests retried after a WAF page."""
    RESUME_AFTER_HARD_KILL: Final = "gov_reports/resume/after_hard_kill"
    """1 when the JOBDIR was left by a killed crawl."""
    RESUME_ALREADY_COLLECTED: Final = "gov_reports/resume/already_collected"
    """Requests of reports a resumed crawl had already written."""
    ATTACHMENTS_READ: Final = "gov_reports/attachments_read"
    """Attachments read (by kind under ATTACHMENTS_READ_BY_KIND)."""
    OCR_VERIFIED: Final = "gov_reports/ocr/verified"
    """Table images OCR'd whose numbers pass the checks."""
    OCR_UNVERIFIED: Final = "gov_reports/ocr/unverified"
    """Table images OCR'd whose numbers fail them."""
    REDIS_HOST_CONCURRENCY_WAITS: Final = "gov_reports/redis/host_concurrency_waits"
    """Waits for a host's shared concurrency slot."""
    REDIS_HOST_DELAY_WAITS: Final = "gov_reports/redis/host_delay_waits"
    """Waits for a host's shared download delay."""


class StatPrefix:
    """Crawl statistics key families: the prefix, then a reason, host, kind or name."""

    SKIPPED: Final = "gov_reports/skipped/"
    """Skipped requests and pages, by SkipReason (and attachment_<reason>, <role>_<failure>)."""
    REFUSED: Final = "gov_reports/refused/"
    """Candidate pages refused by their content (recognition.decide), by kind: letter, plan, budget…"""
    BLOCKED: Final = "gov_reports/blocked/"
    """WAF/block pages, by host."""
    BLOCKED_KIND: Final = "gov_reports/blocked_kind/"
    """WAF/block pages, by kind of block."""
    TRUST: Final = "gov_reports/trust/"
    """Records extracted, by TrustVerdict."""
    PLATFORM: Final = "gov_reports/platform/"
    """Listing pages, by portal adapter."""
    LISTING_ENDED: Final = "gov_reports/listing_ended/"
    """Listings ended early: <adapter>/<reason>."""
    CRAWL_DELAY: Final = "gov_reports/crawl_delay/"
    """The robots.txt Crawl-delay adopted, by host."""
    BACKOFF: Final = "gov_reports/backoff/"
    """Back-offs after 429/503, by host."""
    ENCODING_REPAIRED: Final = "gov_reports/encoding_repaired/"
    """Bodies whose declared encoding was wrong, by repair."""
    INCREMENTAL: Final = "gov_reports/incremental/"
    """Conditional requests and retries of a re-crawl, by outcome."""
    SOURCE: Final = "gov_reports/source/"
    """Per-source counts: <count>/<source>, adapter/<source>."""
    REDIS: Final = "gov_reports/redis/"
    """The distributed scheduler's counts."""
    FEED: Final = "gov_reports/feed/"
    """The dump merge's counts, by name."""
    ATTACHMENTS_READ_BY_KIND: Final = "gov_reports/attachments_read/"
    """Attachments read, by the format actually read."""


def skipped_key(reason: str) -> str:
    """The stats key counting skips for `reason`."""
    return StatPrefix.SKIPPED + reason


def refused_key(kind: str) -> str:
    """The stats key counting pages refused as `kind`."""
    return StatPrefix.REFUSED + kind


def trust_key(verdict: str) -> str:
    """The stats key counting records with trust `verdict`."""
    return StatPrefix.TRUST + verdict


# --------------------------------------------------------------------------- outputs


class ExportFormat:
    """`gov-reports export --format`."""

    CSV: Final = "csv"
    """CSV files (long and wide)."""
    PARQUET: Final = "parquet"
    """Parquet files (the [parquet] extra)."""
    BOTH: Final = "both"
    """Both of them."""
