"""Item pipelines: extract once, then validate, filter and count. No parsing logic here.

In ITEM_PIPELINES order (gov_reports.crawl.settings):

- `extraction.ReportExtractionPipeline` (100): FetchedPage -> AnnualReport, the one extraction of a
  page, or a counted drop. A record flagged `tables_as_images` carries the page's image URLs.
- `table_images.TableImagesPipeline` (105): the OCR follow-up on those flagged records only.
- `attachments.AttachmentExtractionPipeline` (110): FetchedDocument -> AnnualReport.
- `years.YearRangePipeline` (150): `--years`.
- `validation.SchemaValidationPipeline` (200) and `validation.DuplicateCountPipeline` (300).

Every pipeline takes plain values (settings values, the stats collector) in `__init__` and builds
itself in `from_crawler`. Deduplication itself happens in the feed storage (gov_reports.crawl.feeds),
where copies are merged.
"""
