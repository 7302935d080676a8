"""The fault suite: each failure class of issue 15, against hostile local servers written for the tests.

`fault_portal.py` is the misbehaving portal of the network-edge tests (WAF pages, storms, redirects,
charsets, size caps); `servers.py` holds the other hostile servers (gzip bombs, slow drips, 412
challenges, Set-Cookie, a trap column). docs/reliability.md lists every class with its guarantee
and the test that proves it. Run alone: `python -m pytest tests/faults`.
"""
