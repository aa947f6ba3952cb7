"""What the sync and async clients share: settings, request building, error mapping.

Only the I/O differs between `Pollinations` and `AsyncPollinations`; everything that
decides what is sent and how an answer is judged lives here, once.
"""

from __future__ import annotations

import os
import sys
import time
import warnings
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Literal, TypeVar, cast

import attrs
import httpx

from ._body import ACCEPT_ENCODING, MAX_RESPONSE_SIZE, UNDECODABLE, Reading, media_type
from ._exceptions import (
    APIResponseValidationError,
    APIStatusError,
    InvalidParameterError,
    MissingAPIKeyError,
    status_error,
)
from ._logging import KEY_PARAMETER, guard_key, logger
from ._retry import DEFAULT_MAX_RETRIES, RetryPolicy
from ._validation import (
    as_timeout,
    check_api_key,
    check_base_url,
    check_bool,
    check_int,
    check_seconds,
)

if TYPE_CHECKING:
    from httpx._client import UseClientDefault

__all__ = [
    "DEFAULT_BASE_URL",
    "GENERATION_TIMEOUT",
    "LISTING_TIMEOUT",
    "AuthMode",
    "BaseClient",
    "PublishableKeyWarning",
    "RequestOptions",
]

DEFAULT_BASE_URL = "https://gen.pollinations.ai"
#: Generating images, video, audio and text: long enough for upstream's slowest models
#: (upstream's own SDK allows 20 minutes for a video); connecting should not take long.
GENERATION_TIMEOUT = httpx.Timeout(1200.0, connect=10.0)
#: Listings and account calls answer at once, or something is wrong.
LISTING_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)
API_KEY_ENV = "POLLINATIONS_API_KEY"
BASE_URL_ENV = "POLLINATIONS_BASE_URL"
USER_AGENT = "pollinations-client/0.1.0"
#: Set once on the connection pool this client creates, rather than on every request.
DEFAULT_HEADERS = {
    "User-Agent": USER_AGENT,
    "Accept": "application/json",
    "Accept-Encoding": ACCEPT_ENCODING,
}

AuthMode = Literal["header", "query"]
R = TypeVar("R")
P = TypeVar("P", httpx.Client, httpx.AsyncClient)
C = TypeVar("C", bound="BaseClient[Any]")


_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))


def _caller_stacklevel() -> int:
    """The `stacklevel` that makes a warning point at the first frame outside this package.

    The depth from a public method down to here varies (iterators, async), so it is
    counted rather than fixed.
    """
    frame = sys._getframe(1)  # the function that calls warnings.warn
    level = 1
    while frame.f_back is not None and os.path.abspath(frame.f_code.co_filename).startswith(
        _PACKAGE_DIR
    ):
        frame = frame.f_back
        level += 1
    return level


class PublishableKeyWarning(UserWarning):
    """A publishable (`pk_`) key was used where the API documents secret keys only."""


@attrs.define(slots=True)
class RequestOptions:
    """One logical API call, before authentication is added. (Not frozen, only because a
    frozen class costs a chat call a microsecond to build: nothing changes it.)"""

    method: str
    #: The path, already percent-encoded, relative to the base URL.
    path: str
    #: What to call the operation in error messages.
    operation: str
    params: Mapping[str, Any] = attrs.field(factory=dict)
    content: bytes | None = None
    #: A multipart body's parts (httpx's `files=`), every file's content as bytes, so
    #: that a retry sends the same body again.
    files: Any = None
    #: The caller's extra headers; they win over ours.
    headers: Mapping[str, str] = attrs.field(factory=dict)
    needs_key: bool = True
    secret_key_only: bool = False
    accept: str = "application/json"
    #: A large binary body (images, video): read without the extra copy httpx makes.
    download: bool = False
    #: A generation, which costs pollen: it gets the long timeout, and is not repeated
    #: once sent unless `retry_unsafe` says so.
    billable: bool = False
    #: This call's timeout; None: the client's.
    timeout: httpx.Timeout | None = None
    #: This call's choice of retrying after the request was sent; None: the client's.
    retry_unsafe: bool | None = None
    #: This call's overall deadline in seconds (attempts, waits and body); None: the client's.
    deadline: float | None = None
    #: Write a successful body to this file (through a temporary file next to it).
    to_file: Path | None = None


def is_event_stream(response: httpx.Response) -> bool:
    """Whether a successful answer to a streaming call is really a stream.

    A gateway's HTML page or a JSON error with status 200 would otherwise read as a stream
    that ended before `[DONE]`. No content type at all is given the benefit of the doubt.
    """
    return "content-type" not in response.headers or media_type(response) == "text/event-stream"


def _pool_size(pool: httpx.Client | httpx.AsyncClient) -> int | None:
    """The pool's max_connections, for messages; httpx keeps it private: None if moved."""
    transport = getattr(pool, "_transport", None)
    size = getattr(getattr(transport, "_pool", None), "_max_connections", None)
    return size if isinstance(size, int) else None


def _media(accept: str) -> tuple[str, ...]:
    """The media types an Accept header allows, as prefixes ("image/*" -> "image/")."""
    return tuple(
        kind.split(";")[0].strip().removesuffix("*") for kind in accept.split(",") if kind.strip()
    )


#: The timeout httpx gives a client nobody configured (as openai-python, we do not adopt it).
_HTTPX_DEFAULT = httpx.Timeout(5.0)


class BaseClient(Generic[P]):
    """Settings and pure request logic, once for both clients; each subclass owns an httpx
    client of its kind (`_pool_class`) and does the I/O."""

    _pool_class: ClassVar[type[httpx.Client] | type[httpx.AsyncClient]]

    api_key: str | None
    base_url: str
    #: The timeout of every call, when one was given; None: each operation's default,
    #: GENERATION_TIMEOUT for a generation, LISTING_TIMEOUT for listings and the account.
    timeout: httpx.Timeout | None
    max_retries: int
    auth: AuthMode
    #: Retry a generation whose request was sent but whose answer never arrived whole.
    retry_unsafe: bool
    #: The largest successful answer, decompressed, in bytes (ResponseTooLargeError).
    max_response_size: int
    #: Seconds a call may take in all, retries and waits included; None: no bound.
    deadline: float | None
    _http: P

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: P | None = None,
        auth: AuthMode = "header",
        retry_unsafe: bool = False,
        max_response_size: int = MAX_RESPONSE_SIZE,
        deadline: float | None = None,
    ) -> None:
        if timeout is None and http_client is not None and http_client.timeout != _HTTPX_DEFAULT:
            # A timeout set on your own client wins over our per-operation defaults; httpx's
            # 5 s default was not chosen by you and would cut every generation short.
            timeout = http_client.timeout
        if api_key is None:
            api_key = os.environ.get(API_KEY_ENV) or None
        if base_url is None:
            base_url = os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
        self._setup(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            auth=auth,
            retry_unsafe=retry_unsafe,
            max_response_size=max_response_size,
            deadline=deadline,
        )
        self._owns_http = http_client is None
        self._use_pool(http_client or self._new_pool())
        self._sleep = self._default_sleep()

    def _setup(
        self,
        *,
        api_key: str | None,
        base_url: str,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
        auth: AuthMode,
        retry_unsafe: bool,
        max_response_size: int,
        deadline: float | None,
    ) -> None:
        if auth not in ("header", "query"):
            raise InvalidParameterError("auth", f"must be 'header' or 'query', not {auth!r}")
        self.api_key = check_api_key(api_key) if api_key is not None else None
        self.base_url = check_base_url(base_url)
        self.timeout = as_timeout(timeout)
        self.max_retries = check_int("max_retries", max_retries, 0)
        self.retry_unsafe = check_bool("retry_unsafe", retry_unsafe)
        self.max_response_size = check_int("max_response_size", max_response_size, 1)
        self.deadline = check_seconds("deadline", deadline)
        self.auth = auth
        self._readings = {
            (keep_open, download): Reading(
                keep_open=keep_open, download=download, limit=self.max_response_size
            )
            for keep_open in (False, True)
            for download in (False, True)
        }
        self._retry_policy = RetryPolicy(max_retries=self.max_retries, secrets=self._secrets())
        self._log_guard = guard_key(self.api_key)

    def with_options(
        self: C,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        auth: AuthMode | None = None,
        retry_unsafe: bool | None = None,
        max_response_size: int | None = None,
        deadline: float | None = None,
    ) -> C:
        """A copy with some settings changed, sharing this client's connection pool (which
        stays this client's to close).

        >>> client.with_options(max_retries=5, timeout=600).images.generate("a cat")
        """
        copy = type(self).__new__(type(self))
        copy._setup(
            api_key=self.api_key if api_key is None else api_key,
            base_url=self.base_url if base_url is None else base_url,
            timeout=self.timeout if timeout is None else timeout,
            max_retries=self.max_retries if max_retries is None else max_retries,
            auth=self.auth if auth is None else auth,
            retry_unsafe=self.retry_unsafe if retry_unsafe is None else retry_unsafe,
            max_response_size=self.max_response_size
            if max_response_size is None
            else max_response_size,
            deadline=self.deadline if deadline is None else deadline,
        )
        copy._owns_http = False
        copy._use_pool(self._http)
        copy._sleep = self._sleep
        return copy

    def _default_sleep(self) -> Any:
        raise NotImplementedError

    def __repr__(self) -> str:
        key = "set" if self.api_key else "none"
        timeout = "per operation" if self.timeout is None else self.timeout.read
        return (
            f"{type(self).__name__}(base_url={self.base_url!r}, api_key=<{key}>, "
            f"auth={self.auth!r}, max_retries={self.max_retries}, timeout={timeout})"
        )

    def _new_pool(self) -> P:
        pool: P = self._pool_class(  # type: ignore[assignment]
            timeout=self.timeout or GENERATION_TIMEOUT,
            follow_redirects=True,
            limits=DEFAULT_LIMITS,
            headers=DEFAULT_HEADERS,
        )
        return pool

    def _use_pool(self, pool: P) -> None:
        """Note which of our headers the pool already sends, to leave them off requests:
        every header passed with a request costs httpx a merge, measurable on a small
        chat call. A pool passed in (or shared by `with_options`) may lack them."""
        self._http = pool
        self._pool_accept = pool.headers.get("Accept")
        self._pool_has_agent = pool.headers.get("User-Agent") == USER_AGENT
        self._pool_timeout = pool.timeout
        self._pool_default: httpx.Timeout | None = None
        self._pool_gzip = pool.headers.get("Accept-Encoding") == ACCEPT_ENCODING
        self._retry_policy = attrs.evolve(self._retry_policy, pool_size=_pool_size(pool))

    def _reading(self, options: RequestOptions, stream: bool) -> tuple[Reading, float | None]:
        """How to read the call's body, and its deadline (a `time.monotonic()` time)."""
        seconds = options.deadline or self.deadline
        if seconds is None and options.to_file is None:
            return self._readings[stream, options.download], None
        deadline = None if seconds is None else time.monotonic() + seconds
        reading = Reading(
            keep_open=stream,
            download=options.download,
            limit=self.max_response_size,
            to_file=options.to_file,
            media=_media(options.accept),
            deadline=deadline,
        )
        return reading, deadline

    def _request_timeout(self, options: RequestOptions) -> httpx.Timeout | UseClientDefault:
        """The call's timeout: its own, else the client's, else the operation kind's; the
        pool's own when they agree (cheaper to send)."""
        timeout = options.timeout or self.timeout
        if timeout is None:
            timeout = GENERATION_TIMEOUT if options.billable else LISTING_TIMEOUT
        if timeout is self._pool_default or timeout == self._pool_timeout:
            self._pool_default = timeout  # the next call with it skips the comparison
            return httpx.USE_CLIENT_DEFAULT
        return timeout

    def _repeatable(self, options: RequestOptions) -> bool:
        """Whether a request that was sent may be sent again after its answer was lost."""
        if not options.billable:
            return True
        return self.retry_unsafe if options.retry_unsafe is None else options.retry_unsafe

    def _headers(self, options: RequestOptions) -> dict[str, str]:
        headers: dict[str, str] = {}
        if options.accept != self._pool_accept:
            headers["Accept"] = options.accept
        if not self._pool_has_agent:
            headers["User-Agent"] = USER_AGENT
        if not self._pool_gzip:
            headers["Accept-Encoding"] = ACCEPT_ENCODING  # only what we decode and check
        if options.content is not None:
            headers["Content-Type"] = "application/json"
        return headers

    def _authenticate(
        self, options: RequestOptions, headers: dict[str, str], params: dict[str, Any]
    ) -> None:
        key = self.api_key
        if not key:
            if options.needs_key:
                raise MissingAPIKeyError(options.operation)
            return
        if options.secret_key_only and key.startswith("pk_"):
            warnings.warn(
                f"{options.operation} is documented for secret (sk_) keys only; "
                "a publishable (pk_) key may be refused or rate limited",
                PublishableKeyWarning,
                stacklevel=_caller_stacklevel(),
            )
        if self.auth == "header":
            headers["Authorization"] = f"Bearer {key}"
        else:
            params[KEY_PARAMETER] = key

    def _prepare(self, options: RequestOptions) -> tuple[str, dict[str, str], dict[str, Any]]:
        """URL, headers and query of a call; raises before any I/O if the key is missing."""
        headers = self._headers(options)
        params = dict(options.params)
        self._authenticate(options, headers, params)
        if options.headers:
            headers.update(options.headers)  # the caller's extra headers win
        return self.base_url + options.path, headers, params

    def url_for(self, options: RequestOptions) -> str:
        """The full URL of a GET call without any credentials, safe to share or print."""
        return str(httpx.URL(self.base_url + options.path, params=dict(options.params)))

    def _secrets(self) -> tuple[str, ...]:
        return (self.api_key,) if self.api_key else ()

    def _status_error(self, response: httpx.Response) -> APIStatusError:
        return status_error(response, secrets=self._secrets())

    def _not_a_stream(self, response: httpx.Response) -> APIResponseValidationError:
        content_type = response.headers.get("content-type", "")
        return APIResponseValidationError(
            response, f"expected text/event-stream, got {content_type}", secrets=self._secrets()
        )

    def _judge(self, response: httpx.Response, parse: Callable[[httpx.Response], R]) -> R:
        """Raise for an error status (body already read), else parse the body.

        Parsers raise ValueError (or whatever a malformed body makes them raise); the
        error is built here, where the key is known and can be masked in the excerpt.
        """
        if response.is_error:
            raise self._status_error(response)
        encoding = response.extensions.get(UNDECODABLE)
        if encoding is not None:
            raise APIResponseValidationError(
                response,
                f"the body does not decode as Content-Encoding {encoding!r}",
                secrets=self._secrets(),
            )
        try:
            result = parse(response)
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
            detail = str(exc) if type(exc) is ValueError else f"{type(exc).__name__}: {exc}"
            raise APIResponseValidationError(response, detail, secrets=self._secrets()) from exc
        if hasattr(type(result), "_rid"):  # models, TextResult, ListResult: see _types.py
            cast(Any, result)._rid = response.headers.get("x-request-id")
        return result

    @staticmethod
    def _log_retry(seconds: float, attempt: int, max_retries: int) -> None:
        logger.info("Retrying in %.2f s (retry %d of %d)", seconds, attempt, max_retries)
