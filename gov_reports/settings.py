"""Scrapy settings for gov-reports: polite by default.

Government portals are slow, shared public infrastructure: about one request
per second per host (reference/crawling.md §3), robots.txt obeyed, an honest
User-Agent with a contact address. `gov_reports.addons.LocalPortal` relaxes the
politeness for servers on this machine (the demo portal, tests) only.
"""

BOT_NAME = "gov_reports"
SPIDER_MODULES = ["gov_reports.spiders"]
NEWSPIDER_MODULE = "gov_reports.spiders"

# Who to contact about this crawler; set it (e.g. -s GOV_REPORTS_CONTACT=you@example.org).
GOV_REPORTS_CONTACT = "https://github.com/gov-reports/gov-reports/issues"
USER_AGENT = f"gov-reports/0.1 (research crawler of 政府信息公开年报; +{GOV_REPORTS_CONTACT})"

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
REDIRECT_MAX_TIMES = 10
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"

DOWNLOADER_MIDDLEWARES = {
    "gov_reports.middlewares.ConfiguredHostsMiddleware": 50,
}
ITEM_PIPELINES = {
    "gov_reports.table_images.TableImagesPipeline": 95,
    "gov_reports.pipelines.ReportExtractionPipeline": 100,
    "gov_reports.attachments.AttachmentExtractionPipeline": 110,
    "gov_reports.pipelines.SchemaValidationPipeline": 200,
    "gov_reports.pipelines.DuplicateCountPipeline": 300,
}
EXTENSIONS = {
    "gov_reports.extensions.CrawlSummary": 500,
}

# The deduplicating, merging JSON Lines dump (gov_reports.feeds).
FEED_EXPORT_ENCODING = "utf-8"
FEED_STORAGES = {
    "": "gov_reports.feeds.MergingFileFeedStorage",
    "file": "gov_reports.feeds.MergingFileFeedStorage",
}
FEED_EXPORTERS = {
    "jsonlines": "gov_reports.feeds.FlushingJsonLinesExporter",
    "jsonl": "gov_reports.feeds.FlushingJsonLinesExporter",
}
FEED_STORE_EMPTY = True

# Reports published as files (gov_reports.attachments): follow report pages' PDF/DOCX/DOC/WPS/XLS(X)
# links on the configured hosts, each bounded by its own download size limit.
GOV_REPORTS_ATTACHMENTS_ENABLED = True
GOV_REPORTS_ATTACHMENT_MAXSIZE = 30 * 1024 * 1024
# Tables pasted as images: OCR with Tesseract (gov_reports.table_images), numbers kept only when verified.
GOV_REPORTS_OCR_ENABLED = True
GOV_REPORTS_OCR_LANG = "chi_sim"
