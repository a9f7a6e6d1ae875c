"""One TLS context for every client of the process."""

from __future__ import annotations

import functools
import ssl

import httpx


@functools.lru_cache(maxsize=1)
def tls_context() -> ssl.SSLContext:
    """httpx's default TLS settings (the certifi bundle, or SSL_CERT_FILE/SSL_CERT_DIR), made once
    per process: loading the certificates takes tens of milliseconds, paid on every new client
    otherwise (app.preload makes it after the first picture, off the GUI thread)."""
    return httpx.create_ssl_context()
