"""Logging that never shows the API key.

With query authentication the key travels in the URL, and httpx logs every request URL
at INFO. A filter on the `httpx` logger masks the `key` parameter in those records, so
turning on debug logging cannot leak it.
"""

from __future__ import annotations

import logging
import re

logger = logging.getLogger("pollinations_client")

#: The query parameter the gateway also reads the key from (`?key=`, auth="query").
KEY_PARAMETER = "key"
_KEY_IN_QUERY = re.compile(rf"([?&]{KEY_PARAMETER}=)[^&#\s\"']+")


def redact(text: str) -> str:
    return _KEY_IN_QUERY.sub(r"\1***", text)


class _RedactKeyFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(redact(str(a)) if "key=" in str(a) else a for a in record.args)
        if isinstance(record.msg, str) and "key=" in record.msg:
            record.msg = redact(record.msg)
        return True


_FILTER = _RedactKeyFilter()


def install_query_key_filter() -> None:
    """Idempotent: attach the filter to httpx's logger once."""
    httpx_logger = logging.getLogger("httpx")
    if _FILTER not in httpx_logger.filters:
        httpx_logger.addFilter(_FILTER)
