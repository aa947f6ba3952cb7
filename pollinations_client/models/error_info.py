# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING, Any

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.error_details import ErrorDetails


class ErrorInfo(_t.Model):
    """The `ErrorInfo` object of the pollinations.ai API."""

    __slots__ = ()

    code: _t.Field[str] = _t.Field("code", _t.plain("str"))
    message: _t.Field[str] = _t.Field("message", _t.plain("str"))
    timestamp: _t.Field[str] = _t.Field("timestamp", _t.plain("str"))
    details: _t.Field[ErrorDetails | None] = _t.Field("details", _t.model("ErrorDetails"))
    request_id: _t.Field[str | None] = _t.Field("requestId", _t.plain("str"))
    cause: _t.Field[Any | None] = _t.Field("cause", _t.plain("Any"))
    _REQUIRED = (
        "code",
        "message",
        "timestamp",
    )

    def __init__(
        self,
        *,
        code: str,
        message: str,
        timestamp: str,
        details: ErrorDetails | None = None,
        request_id: str | None = None,
        cause: Any | None = None,
    ) -> None:
        self._init(
            {
                "code": code,
                "message": message,
                "timestamp": timestamp,
                "details": details,
                "requestId": request_id,
                "cause": cause,
            }
        )
