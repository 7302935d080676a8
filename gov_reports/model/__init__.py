"""The record and everything about it that is not crawling: the vocabulary, merge rules, the dump format,
the years grammar, the JSON Schema and the crawl log. Nothing here imports Scrapy or Twisted."""
