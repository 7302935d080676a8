"""Downloader middlewares, one module per job."""
