"""Scrapy settings for gov-reports: polite by default.

Government portals are slow, shared public infrastructure: about one request
per second per host (reference/crawling.md §3), robots.txt obeyed, an honest
User-Agent with a contact address. `gov_reports.crawl.addons.LocalPortal` relaxes the
politeness for servers on this machine (the demo portal, tests) only.
"""

BOT_NAME = "gov_reports"
SPIDER_MODULES = ["gov_reports.crawl.spiders"]
NEWSPIDER_MODULE = "gov_reports.crawl.spiders"

# Who to contact about this crawler; set it (e.g. -s GOV_REPORTS_CONTACT=you@example.org).
GOV_REPORTS_CONTACT = "https://github.com/gov-reports/gov-reports/issues"
# HTTP headers are ASCII: the User-Agent says in English what the crawler collects.
USER_AGENT = f"gov-reports/0.1 (research crawler of government disclosure annual reports; +{GOV_REPORTS_CONTACT})"
ADDONS = {
    # Rebuilds USER_AGENT when GOV_REPORTS_CONTACT is set later (-s on the command line).
    "gov_reports.crawl.addons.ContactUserAgent": 0,
    # Distributed mode (below): off unless GOV_REPORTS_REDIS_URL is set; after LocalPortal (100).
    "gov_reports.crawl.addons.Redis": 900,
}

ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
DOWNLOAD_DELAY_JITTER = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 64 * 1024 * 1024
DOWNLOAD_WARNSIZE = 16 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 2
# A 500 or a dead host after the retries is an expected failure (a counted skip in the summary), not an ERROR.
RETRY_GIVE_UP_LOG_LEVEL = "WARNING"
# Dropped items are logged by their reason, not their repr (gov_reports.crawl.logs).
LOG_FORMATTER = "gov_reports.crawl.logs.QuietLogFormatter"
REDIRECT_MAX_TIMES = 10
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"

DOWNLOADER_MIDDLEWARES = {
    # Scrapy's OffsiteMiddleware drops offsite redirects when they are scheduled, with no errback and no
    # reason recorded; ConfiguredHostsMiddleware is stricter (host:port) and records `offsite_host`.
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    # Scrapy's would fetch the public-suffix list from the network on the first Set-Cookie
    # (gov_reports.crawl.downloader.cookies).
    "scrapy.downloadermiddlewares.cookies.CookiesMiddleware": None,
    "gov_reports.crawl.downloader.cookies.OfflineCookiesMiddleware": 700,
    "gov_reports.crawl.downloader.jobdir.JobDirResumeMiddleware": 40,
    "gov_reports.crawl.downloader.safety.PrivateAddressMiddleware": 45,
    "gov_reports.crawl.downloader.hosts.ConfiguredHostsMiddleware": 50,
    "gov_reports.crawl.downloader.incremental.IncrementalMiddleware": 80,
    # Request path: after robots.txt (100). Response path (high to low): loops are caught before
    # RedirectMiddleware (600) schedules them; WAF pages, pauses and charset repair act on the
    # decompressed body (after 590) and before RetryMiddleware (550) retries a 429/5xx.
    "gov_reports.crawl.downloader.redirect_loops.RedirectLoopMiddleware": 610,
    "gov_reports.crawl.downloader.waf.WafBlockMiddleware": 580,
    "gov_reports.crawl.downloader.encoding_repair.EncodingRepairMiddleware": 575,
    "gov_reports.crawl.downloader.politeness.HostPacingMiddleware": 570,
}
# Pauses per host (gov_reports.crawl.downloader.politeness): base·2^(n-1) s after the n-th bad answer in a row, at most
# GOV_REPORTS_BACKOFF_MAX, and at least the Retry-After (up to GOV_REPORTS_RETRY_AFTER_MAX).
# WAF blocks are often lifted after a minute or two.
GOV_REPORTS_BACKOFF_BASE = 5.0
GOV_REPORTS_BACKOFF_MAX = 600.0
GOV_REPORTS_RETRY_AFTER_MAX = 3600.0
GOV_REPORTS_BACKOFF_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524]
GOV_REPORTS_WAF_BACKOFF_BASE = 60.0
GOV_REPORTS_WAF_RETRIES = 2
ITEM_PIPELINES = {
    "gov_reports.crawl.pipelines.extraction.ReportExtractionPipeline": 100,
    # OCR is a follow-up on the records extracted just before that are flagged tables_as_images.
    "gov_reports.crawl.pipelines.table_images.TableImagesPipeline": 105,
    "gov_reports.crawl.pipelines.attachments.AttachmentExtractionPipeline": 110,
    "gov_reports.crawl.pipelines.years.YearRangePipeline": 150,
    "gov_reports.crawl.pipelines.validation.SchemaValidationPipeline": 200,
    "gov_reports.crawl.pipelines.validation.DuplicateCountPipeline": 300,
}
EXTENSIONS = {
    "gov_reports.crawl.extensions.CrawlSummary": 500,
    "gov_reports.crawl.progress.CrawlProgress": 510,
    "gov_reports.crawl.progress_display.ProgressDisplay": 520,  # only with GOV_REPORTS_PROGRESS_DISPLAY (a terminal)
    "gov_reports.crawl.logs.ExpectedFailures": 530,
}

# Incremental recrawls (gov_reports.crawl.downloader.incremental): reports already in the dump are revalidated with
# conditional requests, using a seen-store beside the dump (OUT.jsonl.seen.json unless set here).
GOV_REPORTS_INCREMENTAL_ENABLED = True
GOV_REPORTS_SEEN_STORE = None
# A file that failed to download or convert (not a missing converter) is retried by this many crawls, then given up.
GOV_REPORTS_RETRY_CRAWLS = 3
# The sources registry (data/sources/ when None): its hosts are official in the trust checks; "" turns that off.
GOV_REPORTS_SOURCES = None
# Report years to keep, e.g. "2016-2024" (gov-reports crawl --years); empty keeps every year.
GOV_REPORTS_YEARS = ""
# A progress line (sources, listing pages, reports) every N seconds; 0 turns it off.
GOV_REPORTS_PROGRESS_INTERVAL = 30.0

# The deduplicating, merging JSON Lines dump (gov_reports.crawl.feeds).
FEED_EXPORT_ENCODING = "utf-8"
FEED_STORAGES = {
    "": "gov_reports.crawl.feeds.MergingFileFeedStorage",
    "file": "gov_reports.crawl.feeds.MergingFileFeedStorage",
}
FEED_EXPORTERS = {
    "jsonlines": "gov_reports.crawl.feeds.FlushingJsonLinesExporter",
    "jsonl": "gov_reports.crawl.feeds.FlushingJsonLinesExporter",
}
FEED_STORE_EMPTY = True

# Reports published as files (gov_reports.crawl.attachments): follow report pages' PDF/DOCX/DOC/WPS/XLS(X)
# links on the configured hosts, each bounded by its own download size limit: attachments may be larger than
# pages but not unbounded (their download_maxsize).
GOV_REPORTS_ATTACHMENTS_ENABLED = True
GOV_REPORTS_ATTACHMENT_MAXSIZE = 30 * 1024 * 1024
# Memory bounds of the document readers (gov_reports.extract.documents): the largest XML part of a DOCX/XLSX
# (uncompressed; far below the download limit, since parsed XML costs many times its size), the most pages a
# PDF may have, the largest image (in pixels, read from its header) given to OCR.
GOV_REPORTS_DOCUMENT_XML_MAXSIZE = 8_000_000
GOV_REPORTS_PDF_MAX_PAGES = 2000
GOV_REPORTS_OCR_MAX_PIXELS = 50_000_000
# OCR with Tesseract, numbers kept only when verified: tables pasted as images
# (gov_reports.crawl.pipelines.table_images) and scanned PDFs (gov_reports.extract.documents.record); off, a
# scan is skipped as attachment_image_only_pdf and image tables are only flagged.
GOV_REPORTS_OCR_ENABLED = True
GOV_REPORTS_OCR_LANG = "chi_sim+eng"

# Distributed mode (docs/distributed.md): set GOV_REPORTS_REDIS_URL (or `gov-reports crawl --redis URL`) and
# every worker started with it shares one frontier and one per-host politeness budget in Redis
# (the Redis add-on in ADDONS above).
GOV_REPORTS_REDIS_URL = ""

# Listing pages one source (column) may take, besides the crawl's own budget (the spider's max_listing_pages,
# 2000): a trap column that paginates for ever stops here and leaves the budget to the honest ones; 0: no cap.
GOV_REPORTS_MAX_LISTING_PAGES_PER_SOURCE = 500

# From a page with no report link (a registered portal home page), follow links named like a 年报
# column, and links named like the hubs leading to one (政务公开, 政府信息公开…) this many hops deep.
GOV_REPORTS_DISCOVERY_HOPS = 3
# Sub-columns (per year, level, department) descended below a 年报 column.
GOV_REPORTS_SUBCOLUMN_DEPTH = 3
