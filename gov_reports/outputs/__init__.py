"""What is made from a dump: CSV/Parquet export, the data dictionary, the coverage report.
Importing these does not import Scrapy or Twisted."""
