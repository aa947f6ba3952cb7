"""One exception hierarchy, rooted in `PollinationsError`.

Status errors carry what a caller needs to act or to report a problem upstream: the
HTTP status, the server's error code and message, the request id and, for a 400, the
per-field messages. The body the server sent may be the documented envelope, empty, an
HTML page or anything else; every case still produces the right class and a useful
message. Messages never contain the API key: they are built from the status and body
only, never from the request URL.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

import httpx

from . import _json

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "IncompleteResponseError",
    "InternalServerError",
    "InvalidParameterError",
    "MissingAPIKeyError",
    "NotFoundError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "PollinationsError",
    "RateLimitError",
    "cut_short",
]

#: How much of an unparseable body an error message quotes.
EXCERPT_LENGTH = 200


class PollinationsError(Exception):
    """The base of every exception this client raises."""


class InvalidParameterError(PollinationsError, ValueError):
    """An argument was rejected before any request was sent."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


class MissingAPIKeyError(PollinationsError):
    """An operation that needs an API key was called without one."""

    def __init__(self, operation: str) -> None:
        super().__init__(
            f"{operation} needs an API key: pass api_key=... to the client "
            "or set the POLLINATIONS_API_KEY environment variable"
        )


class APIError(PollinationsError):
    """Something went wrong talking to the API."""

    def __init__(self, message: str, *, request: httpx.Request | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request


class APIConnectionError(APIError):
    """The request did not get a complete answer: connection refused, reset or closed."""

    def __init__(
        self, message: str = "Connection error.", *, request: httpx.Request | None = None
    ) -> None:
        super().__init__(message, request=request)


class APITimeoutError(APIConnectionError):
    """The server did not answer within the configured timeout."""

    def __init__(self, *, request: httpx.Request | None = None, detail: str = "") -> None:
        super().__init__(f"Request timed out{detail}.", request=request)


class IncompleteResponseError(APIConnectionError):
    """The answer stopped short: a stream without `[DONE]`, a body shorter than announced.

    Raised instead of returning what arrived, which would look like a whole answer.
    """


class APIResponseValidationError(APIError):
    """A successful status came with a body that does not match the API's schema."""

    def __init__(
        self, response: httpx.Response, detail: str, *, secrets: Sequence[str] = ()
    ) -> None:
        excerpt = body_excerpt(response, secrets=secrets)
        message = f"Invalid response body (HTTP {response.status_code}): {detail}"
        if excerpt:
            message += f"; body starts: {excerpt!r}"
        super().__init__(scrub(message, secrets), request=response.request)
        self.response = response
        self.status_code = response.status_code


class APIStatusError(APIError):
    """The server answered with a 4xx or 5xx status."""

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        code: str | None,
        server_message: str | None,
        request_id: str | None,
        field_errors: Mapping[str, list[str]],
        form_errors: list[str],
        body: object,
    ) -> None:
        super().__init__(message, request=response.request)
        self.response = response
        self.status_code = response.status_code
        #: The server's error code, e.g. BAD_REQUEST.
        self.code = code
        #: The server's own message, without status, code or request id.
        self.server_message = server_message
        self.request_id = request_id
        self.field_errors = dict(field_errors)
        self.form_errors = form_errors
        self.body = body


class BadRequestError(APIStatusError):
    """400: the server rejected the input; `field_errors` says which field and why."""


class AuthenticationError(APIStatusError):
    """401: no key, or a key the server does not accept."""


class PaymentRequiredError(APIStatusError):
    """402: no pollen left for this call: the key's budget or the account's balance."""

    @property
    def exhausted(self) -> Literal["key_budget", "balance"] | None:
        """Which ran out, where the server's message says so: "key_budget" (the key's own
        budget) or "balance" (the account's pollen); None when it does not tell."""
        text = (self.server_message or "").lower()
        budget, balance = "budget" in text, "balance" in text
        if budget != balance:
            return "key_budget" if budget else "balance"
        return None


class PermissionDeniedError(APIStatusError):
    """403: the key lacks a permission (for example a publishable key on /account)."""


class NotFoundError(APIStatusError):
    """404."""


class RateLimitError(APIStatusError):
    """429: too many requests; retried automatically while `max_retries` allows."""


class InternalServerError(APIStatusError):
    """5xx."""


_STATUS_CLASSES: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: PaymentRequiredError,
    403: PermissionDeniedError,
    404: NotFoundError,
    429: RateLimitError,
}


def scrub(text: str, secrets: Sequence[str]) -> str:
    """`text` with every secret masked: a server may echo the key it was sent."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


def body_excerpt(
    response: httpx.Response, limit: int = EXCERPT_LENGTH, *, secrets: Sequence[str] = ()
) -> str:
    """A short, printable start of the body, for messages about bodies we cannot use."""
    try:
        text = response.content[: limit * 4].decode("utf-8", errors="replace")
    except httpx.ResponseNotRead:
        return ""
    text = scrub(" ".join(text.split()), secrets)
    return text[:limit] + ("..." if len(text) > limit else "")


def _as_str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def status_error(response: httpx.Response, *, secrets: Sequence[str] = ()) -> APIStatusError:
    """Build the exception for an error response whose body has been read.

    `secrets` (the API key) are masked wherever the server's text is quoted.
    """
    status = response.status_code
    cls = _STATUS_CLASSES.get(status, InternalServerError if status >= 500 else APIStatusError)
    body: Any = None
    error: Mapping[str, Any] = {}
    try:
        body = _json.loads(response.content) if response.content else None
    except ValueError:
        body = None
    if isinstance(body, Mapping) and isinstance(body.get("error"), Mapping):
        error = body["error"]
    elif isinstance(body, Mapping):
        error = body  # some gateways put code/message at the top level

    details = error.get("details")
    details = details if isinstance(details, Mapping) else {}
    raw_fields = details.get("fieldErrors")
    field_errors: dict[str, list[str]] = {}
    if isinstance(raw_fields, Mapping):
        for name, messages in raw_fields.items():
            if isinstance(messages, list):
                field_errors[str(name)] = [str(m) for m in messages]
            else:
                field_errors[str(name)] = [str(messages)]
    raw_form = details.get("formErrors")
    form_errors = [str(m) for m in raw_form] if isinstance(raw_form, list) else []

    code = _as_str(error.get("code"))
    server_message = _as_str(error.get("message"))
    request_id = _as_str(error.get("requestId")) or response.headers.get("x-request-id")

    reason = response.reason_phrase or "Error"
    message = f"HTTP {status}"
    if code:
        message += f" {code}"
    if server_message:
        message += f": {server_message}"
    else:
        excerpt = body_excerpt(response, secrets=secrets)
        message += f": {reason}" + (f" (body: {excerpt!r})" if excerpt else " (empty body)")
    if field_errors:
        fields = "; ".join(f"{name}: {', '.join(msgs)}" for name, msgs in field_errors.items())
        message += f" [{fields}]"
    if form_errors:
        message += f" [{'; '.join(form_errors)}]"
    if request_id:
        message += f" (request id: {request_id})"
    return cls(
        scrub(message, secrets),
        response=response,
        code=code,
        server_message=scrub(server_message, secrets) if server_message else None,
        request_id=request_id,
        field_errors=field_errors,
        form_errors=form_errors,
        body=body if body is not None else body_excerpt(response, secrets=secrets),
    )


def cut_short(
    exc: httpx.TransportError,
    request: httpx.Request,
    *,
    secrets: Sequence[str] = (),
    note: str = "",
) -> APIConnectionError:
    """The error for an answer that stopped after it began: a timeout stays a timeout,
    anything else means what arrived is incomplete. `note` is added to the message."""
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(request=request, detail=note)
    detail = scrub(f"{type(exc).__name__}: {exc}", secrets)
    return IncompleteResponseError(
        f"The answer was cut short ({detail}); it is incomplete{note}.", request=request
    )
