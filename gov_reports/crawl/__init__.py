"""Crawling: the spider, its portal adapters, downloader middlewares, pipelines, feed storage, stats and
settings. Pipelines call `gov_reports.extract`; nothing here parses a report."""
