"""Short, stable reasons for failed requests (http_404, connection_refused, timeout…), for the summary."""

from __future__ import annotations

from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

# Failure class names (Twisted's and Scrapy's, which vary by version) -> short reasons for the summary.
_FAILURE_REASONS = (
    ("DownloadCancelled", "too_large"),  # download_maxsize exceeded
    ("ConnectionRefused", "connection_refused"),
    ("DNSLookup", "dns_error"),
    ("CannotResolveHost", "dns_error"),
    ("DataLoss", "truncated"),
    ("DownloadFailed", "connection_lost"),
    ("Cancelled", "too_large"),  # Scrapy cancels a download only when it outgrows DOWNLOAD_MAXSIZE
    ("Timeout", "timeout"),
    ("ConnectionLost", "connection_lost"),
    ("ResponseNeverReceived", "connection_lost"),
    ("ConnectionDone", "connection_lost"),
    ("SSL", "tls_error"),
    ("TLS", "tls_error"),
    ("IgnoreRequest", "ignored"),
)


def failure_reason(failure: Failure) -> str:
    """A short, stable reason for a failed request: http_404, connection_refused, timeout…"""
    if failure.check(HttpError):
        return f"http_{failure.value.response.status}"
    names = [cls.__name__ for cls in type(failure.value).__mro__]
    for marker, reason in _FAILURE_REASONS:
        if any(marker in name for name in names):
            if reason == "ignored" and "robots" in str(failure.value).lower():
                return "robots_forbidden"
            if reason == "ignored" and "redirections" in str(failure.value).lower():
                return "too_many_redirects"
            if reason == "ignored" and "DOWNLOAD_MAXSIZE" in str(failure.value):
                return "too_large"  # a compressed body cut off while inflating (HttpCompressionMiddleware)
            return reason
    return type(failure.value).__name__
