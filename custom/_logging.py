"""Logging that never shows the API key.

With query authentication the key travels in the URL, and httpx logs every request URL
at INFO; at DEBUG httpcore logs every header it sends and receives, and a server may echo
the key in one. A filter on those loggers masks the `key` parameter and every key a client
was made with, so turning on debug logging cannot leak it.
"""

from __future__ import annotations

import logging
import re
import weakref

logger = logging.getLogger("pollinations_client")

#: The query parameter the gateway also reads the key from (`?key=`, auth="query").
KEY_PARAMETER = "key"
#: What a masked secret reads as, everywhere.
MASK = "***"
_KEY_IN_QUERY = re.compile(rf"([?&]{KEY_PARAMETER}=)[^&#\s\"']+")
#: The loggers of the transport: a filter on a logger sees only its own records, not
#: its children's, so each is named.
_TRANSPORT_LOGGERS = (
    "httpx",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
)


def redact(text: str) -> str:
    return _KEY_IN_QUERY.sub(rf"\1{MASK}", text)


class _Secret(str):
    """A key, held weakly by the filter: a key goes from the logs' list with its client."""


class _RedactKeyFilter(logging.Filter):
    def __init__(self) -> None:
        super().__init__()
        self.keys: weakref.WeakSet[_Secret] = weakref.WeakSet()

    def _clean(self, text: str) -> str:
        if "key=" in text:
            text = redact(text)
        for key in list(self.keys):
            if key in text:
                text = text.replace(key, MASK)
        return text

    def _arg(self, arg: object) -> object:
        """An argument as it was (a number stays one for `%d`), or as masked text."""
        if isinstance(arg, (int, float)):
            return arg
        text = str(arg)
        cleaned = self._clean(text)
        return arg if cleaned == text else cleaned

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and record.args:
            record.args = tuple(self._arg(a) for a in record.args)
        if isinstance(record.msg, str):
            record.msg = self._clean(record.msg)
        return True


_FILTER = _RedactKeyFilter()


def guard_key(key: str | None) -> object:
    """Mask `key` in the transport's log records (as long as the returned token, which
    the client keeps, lives); idempotent for the filter itself."""
    for name in _TRANSPORT_LOGGERS:
        transport_logger = logging.getLogger(name)
        if _FILTER not in transport_logger.filters:
            transport_logger.addFilter(_FILTER)
    if not key:
        return None
    token = _Secret(key)
    _FILTER.keys.add(token)
    return token
