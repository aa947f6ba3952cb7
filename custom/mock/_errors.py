"""The gateway's error answers: one envelope, its codes, and where `details` appears.

Clients in other languages are tested against the mock, so its errors must read as the
real gateway's do (../shared/upstream/README.md, from the gateway's source):

    {"status": 402, "success": false,
     "error": {"code": "PAYMENT_REQUIRED", "message": "...", "timestamp": "...Z"}}

- `code` is one of CODES by status; every other status is UNKNOWN_ERROR (a 405, a 412
  passed through from a provider, a 502, a 503);
- `details` appears only where the gateway sends it: validation errors (400, with
  `formErrors` and `fieldErrors`), internal errors (500) and upstream-provider errors
  (502); never for 401, 402, 403, 404 or 429;
- the body carries no `requestId`: the `x-request-id` header does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

CODES = {
    400: "BAD_REQUEST",
    401: "UNAUTHORIZED",
    402: "PAYMENT_REQUIRED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    429: "RATE_LIMITED",
    500: "INTERNAL_ERROR",
}
UNKNOWN_ERROR = "UNKNOWN_ERROR"
# The `details.name` of the statuses that always carry details.
DETAIL_NAMES = {400: "ValidationError", 500: "InternalError", 502: "UpstreamError"}


class ApiError(Exception):
    """An answer other than 2xx; `envelope()` shapes it as the gateway would."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        headers: Mapping[str, str] | None = None,
        field_errors: Mapping[str, list[str]] | None = None,
        form_errors: list[str] | None = None,
        details: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = dict(headers or {})
        self.field_errors = dict(field_errors or {})
        self.form_errors = list(form_errors or [])
        self.details = dict(details) if details is not None else None
        """Extra `details` fields (a provider's status); used only where details belong."""


def code(status: int) -> str:
    return CODES.get(status, UNKNOWN_ERROR)


def timestamp() -> str:
    """Now, as the gateway stamps errors: ISO 8601, milliseconds, `Z`."""
    now = dt.datetime.now(dt.timezone.utc)
    return now.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def envelope(error: ApiError) -> dict[str, Any]:
    info: dict[str, Any] = {
        "code": code(error.status),
        "message": error.message,
        "timestamp": timestamp(),
    }
    name = DETAIL_NAMES.get(error.status)
    if name is not None:
        details: dict[str, Any] = {"name": name, **(error.details or {})}
        if error.status == 400:
            details["formErrors"] = list(error.form_errors)
            details["fieldErrors"] = {k: list(v) for k, v in error.field_errors.items()}
        info["details"] = details
    return {"status": error.status, "success": False, "error": info}
