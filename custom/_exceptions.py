"""One exception hierarchy, rooted in `PollinationsError`.

Status errors carry what a caller needs to act or to report a problem upstream: the
HTTP status, the server's error code and message, the request id and, for a 400, the
per-field messages. The body the server sent may be the documented envelope, empty, an
HTML page or anything else; every case still produces the right class and a useful
message. Messages never contain the API key: they are built from the status and body
only, never from the request URL; and `secure`, applied where the clients raise, masks
the key in everything else an exception holds (see there).

Every exception pickles and copies with its class, message and attributes, whatever
its `__init__` takes (see `PollinationsError.__reduce__`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal
from urllib.parse import quote, quote_plus

import httpx

from . import _json
from ._logging import MASK, redact

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "IncompleteResponseError",
    "InternalServerError",
    "InvalidParameterError",
    "MissingAPIKeyError",
    "NotFoundError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "PollinationsError",
    "RateLimitError",
    "ResponseTooLargeError",
    "cut_short",
    "secure",
]

#: Why a timeout struck when it was the call's own deadline, not a read that stalled.
DEADLINE_PASSED = "the call's deadline passed"
#: How much of an unparseable body an error message quotes.
EXCERPT_LENGTH = 200


class PollinationsError(Exception):
    """The base of every exception this client raises."""

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickle and copy call `type(self)(*self.args)` by default, which fails for the
        # keyword-only signatures below and rewrites the message of those that format
        # it. Rebuilt instead without their __init__ (see _rebuild), then
        # BaseException.__setstate__ restores the attributes.
        return (_rebuild, (type(self), self.args), self.__dict__)


def _rebuild(cls: type[PollinationsError], args: tuple[Any, ...]) -> PollinationsError:
    """An instance of `cls` with these args (hence its message), and nothing else yet."""
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    return error


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


class ClientClosedError(PollinationsError, RuntimeError):
    """A call on a client that was closed (or whose `http_client` was)."""

    def __init__(self, operation: str) -> None:
        super().__init__(
            f"{operation} was called on a closed client: make a new client, or keep this "
            "one open (leave its `with` block, or call close(), only when done with it)"
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


class ResponseTooLargeError(APIError):
    """A successful answer, decoded, is larger than the client's `max_response_size`.

    Raised as soon as the limit is passed, so a body of any size (or a small one that
    inflates to gigabytes) never costs more memory than the limit.
    """

    def __init__(self, limit: int, *, request: httpx.Request | None = None) -> None:
        super().__init__(
            f"The answer is larger than max_response_size ({limit} bytes, decompressed); "
            "pass a larger max_response_size to the client (or with_options) if it is "
            "expected",
            request=request,
        )
        self.limit = limit


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
            text = text.replace(secret, MASK)
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


#: How much of one server text `str(exc)` quotes: the whole stays in the attributes.
MESSAGE_LENGTH = 500


def shorten(text: str, limit: int = MESSAGE_LENGTH) -> str:
    """`text`, cut to `limit` characters: a server's 20 MB message is not an exception's."""
    return text if len(text) <= limit else text[:limit] + f"... ({len(text) - limit} more)"


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
    except (ValueError, RecursionError):  # not JSON, or nested deeper than Python goes
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
        message += f" {shorten(code)}"
    if server_message:
        message += f": {shorten(server_message)}"
    else:
        excerpt = body_excerpt(response, secrets=secrets)
        message += f": {reason}" + (f" (body: {excerpt!r})" if excerpt else " (empty body)")
    if field_errors:
        fields = "; ".join(f"{name}: {', '.join(msgs)}" for name, msgs in field_errors.items())
        message += f" [{shorten(fields)}]"
    if form_errors:
        message += f" [{shorten('; '.join(form_errors))}]"
    if request_id:
        message += f" (request id: {shorten(request_id, 100)})"
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


def timeout_detail(exc: Exception) -> str:
    """What to add to "Request timed out" for a timeout: why, when it is the deadline."""
    return f": {DEADLINE_PASSED}" if str(exc) == DEADLINE_PASSED else ""


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
        return APITimeoutError(request=request, detail=timeout_detail(exc) + note)
    detail = scrub(f"{type(exc).__name__}: {exc}", secrets)
    return IncompleteResponseError(
        f"The answer was cut short ({detail}); it is incomplete{note}.", request=request
    )


#: How deep `secure` goes into a body the server sent; deeper containers are masked
#: whole, unread (no error body is nested that deep, and recursion must stay bounded).
_MAX_DEPTH = 64
_CREDENTIAL_HEADERS = (b"authorization", b"proxy-authorization")


def secure(error: BaseException, secrets: Sequence[str]) -> None:
    """Mask the secrets in everything reachable from `error`, and its cause and context
    chain, in place; called where the clients raise (on the error path only).

    The request carries the key (`?key=` or `Authorization`), and a server may echo it
    into any field of its answer. So every exception of the chain (ours and httpx's)
    gets its args and attributes scrubbed, recursively through dicts, lists and tuples,
    and masked copies of the requests and responses it holds: one copy per original,
    so `exc.request is exc.response.request` still holds.
    """
    masker = _Masker(secrets)
    seen: set[int] = set()
    pending: list[BaseException] = [error]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        masker.exception(current)
        pending += [e for e in (current.__cause__, current.__context__) if e is not None]


def _forms(secrets: Sequence[str]) -> list[str]:
    """Each secret as it may be written: as is, and percent-encoded as a query has it."""
    forms: set[str] = set()
    for secret in secrets:
        if secret:
            in_query = str(httpx.QueryParams({"k": secret}))[len("k=") :]
            forms |= {secret, quote(secret, safe=""), quote_plus(secret), in_query}
    return sorted(forms, key=len, reverse=True)


class _Masker:
    """Masked copies of what one exception chain holds (see `secure`)."""

    def __init__(self, secrets: Sequence[str]) -> None:
        self._forms = _forms(secrets)
        self._bytes_forms = [form.encode() for form in self._forms]
        #: id(original) -> (original, copy); the original is kept so its id is not reused.
        self._copies: dict[int, tuple[Any, Any]] = {}

    def text(self, text: str) -> str:
        for form in self._forms:
            if form in text:
                text = text.replace(form, MASK)
        return text

    def data(self, data: bytes) -> bytes:
        for form in self._bytes_forms:
            if form in data:
                data = data.replace(form, MASK.encode())
        return data

    def value(self, value: Any, depth: int = 0) -> Any:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, bytes):
            return self.data(value)
        if isinstance(value, httpx.Request):
            return self.request(value)
        if isinstance(value, httpx.Response):
            return self.response(value)
        if type(value) in (dict, list, tuple) and depth >= _MAX_DEPTH:
            return MASK
        if type(value) is dict:
            return {self.value(k, depth + 1): self.value(v, depth + 1) for k, v in value.items()}
        if type(value) is list:
            return [self.value(item, depth + 1) for item in value]
        if type(value) is tuple:
            return tuple(self.value(item, depth + 1) for item in value)
        return value

    def exception(self, error: BaseException) -> None:
        args = tuple(self.value(arg) for arg in error.args)
        if args != error.args:
            error.args = args
        attributes = vars(error)
        for name, item in list(attributes.items()):
            masked = self.value(item)
            if masked is not item:
                attributes[name] = masked  # where it was, past any property of the class
        if isinstance(error, OSError):  # str() shows these fields, not args
            for name in ("strerror", "filename", "filename2"):
                item = getattr(error, name)
                masked = self.value(item)
                if masked is not item:
                    setattr(error, name, masked)

    def headers(self, headers: httpx.Headers) -> httpx.Headers:
        items = []
        for name, value in headers.raw:
            if name.lower() in _CREDENTIAL_HEADERS:
                scheme, _, credentials = value.partition(b" ")
                value = scheme + b" " + MASK.encode() if credentials else MASK.encode()
            items.append((name, self.data(value)))
        return httpx.Headers(items, encoding=headers.encoding)

    def url(self, url: httpx.URL) -> httpx.URL:
        """The URL with the `key` parameter's value masked, and any secret elsewhere."""
        try:
            return httpx.URL(self.text(redact(str(url))))
        except httpx.InvalidURL:  # a secret in the host: keep only where it went
            return httpx.URL(scheme=url.scheme, host=url.host, port=url.port)

    def request(self, request: httpx.Request) -> httpx.Request:
        found = self._copies.get(id(request))
        if found is not None:
            masked: httpx.Request = found[1]
            return masked
        # A shallow copy (httpx's own __getstate__ would drop the body's stream): what
        # was sent stays readable, without the key.
        masked = object.__new__(type(request))
        masked.__dict__.update(vars(request))
        masked.url = self.url(request.url)
        masked.headers = self.headers(request.headers)
        self._copies[id(request)] = (request, masked)
        return masked

    def response(self, response: httpx.Response) -> httpx.Response:
        found = self._copies.get(id(response))
        if found is not None:
            copied: httpx.Response = found[1]
            return copied
        masked = object.__new__(type(response))
        masked.__dict__.update(vars(response))
        self._copies[id(response)] = (response, masked)
        masked.headers = self.headers(response.headers)
        original = vars(response).get("_request")
        if isinstance(original, httpx.Request):
            masked.request = self.request(original)
        masked.history = [self.response(earlier) for earlier in response.history]
        if response.next_request is not None:
            masked.next_request = self.request(response.next_request)
        content = vars(response).get("_content")
        if isinstance(content, bytes):
            # The body, read already, replaces the raw stream: that may hold the first
            # bytes as they arrived, and leads to the connection.
            masked._content = self.data(content)
            masked.__dict__.pop("_text", None)
            masked.stream = httpx.ByteStream(masked._content)
        return masked
