"""What the sync and async clients share: settings, request building, error mapping.

Only the I/O differs between `Pollinations` and `AsyncPollinations`; everything that
decides what is sent and how an answer is judged lives here, once.
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import attrs
import httpx

from ._body import UNDECODABLE
from ._exceptions import (
    APIResponseValidationError,
    APIStatusError,
    InvalidParameterError,
    MissingAPIKeyError,
    status_error,
)
from ._logging import KEY_PARAMETER, install_query_key_filter, logger
from ._retry import RetryPolicy
from ._validation import check_api_key, check_base_url, check_int

if TYPE_CHECKING:
    from httpx._client import UseClientDefault

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "AuthMode",
    "BaseClient",
    "PublishableKeyWarning",
    "RequestOptions",
]

DEFAULT_BASE_URL = "https://gen.pollinations.ai"
#: Image and video generation can take minutes; connecting should not.
DEFAULT_TIMEOUT = httpx.Timeout(300.0, connect=10.0)
DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)
API_KEY_ENV = "POLLINATIONS_API_KEY"
BASE_URL_ENV = "POLLINATIONS_BASE_URL"
USER_AGENT = "pollinations-client/0.1.0"
#: Set once on the connection pool this client creates, rather than on every request.
DEFAULT_HEADERS = {"User-Agent": USER_AGENT, "Accept": "application/json"}

AuthMode = Literal["header", "query"]
R = TypeVar("R")
P = TypeVar("P", httpx.Client, httpx.AsyncClient)


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


@attrs.frozen(slots=True)
class RequestOptions:
    """One logical API call, before authentication is added."""

    method: str
    #: The path, already percent-encoded, relative to the base URL.
    path: str
    #: What to call the operation in error messages.
    operation: str
    params: Mapping[str, Any] = attrs.field(factory=dict)
    content: bytes | None = None
    needs_key: bool = True
    secret_key_only: bool = False
    accept: str = "application/json"
    #: A large binary body (images, video): read without the extra copy httpx makes.
    download: bool = False


def is_event_stream(response: httpx.Response) -> bool:
    """Whether a successful answer to a streaming call is really a stream.

    A gateway's HTML page or a JSON error with status 200 would otherwise read as a stream
    that ended before `[DONE]`. No content type at all is given the benefit of the doubt.
    """
    content_type = response.headers.get("content-type")
    return content_type is None or content_type.split(";")[0].strip().lower() == "text/event-stream"


class BaseClient:
    """Settings and pure request logic; subclasses own an httpx client and do the I/O."""

    api_key: str | None
    base_url: str
    timeout: httpx.Timeout
    max_retries: int
    auth: AuthMode

    def _configure(
        self,
        *,
        api_key: str | None,
        base_url: str | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
        auth: AuthMode,
        http_client: httpx.Client | httpx.AsyncClient | None,
    ) -> None:
        if timeout is None and http_client is not None:
            timeout = http_client.timeout  # your client's own setting wins over our default
        if api_key is None:
            api_key = os.environ.get(API_KEY_ENV) or None
        if base_url is None:
            base_url = os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
        if auth not in ("header", "query"):
            raise InvalidParameterError("auth", f"must be 'header' or 'query', not {auth!r}")
        self.api_key = check_api_key(api_key) if api_key is not None else None
        self.base_url = check_base_url(base_url)
        self.timeout = (
            timeout
            if isinstance(timeout, httpx.Timeout)
            else DEFAULT_TIMEOUT
            if timeout is None
            else httpx.Timeout(timeout)
        )
        self.max_retries = check_int("max_retries", max_retries, 0)
        self.auth = auth
        self._retry_policy = RetryPolicy(max_retries=self.max_retries, secrets=self._secrets())
        if auth == "query":
            install_query_key_filter()

    def _options_for_copy(
        self,
        *,
        api_key: str | None,
        base_url: str | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int | None,
        auth: AuthMode | None,
    ) -> dict[str, Any]:
        return {
            "api_key": self.api_key if api_key is None else api_key,
            "base_url": self.base_url if base_url is None else base_url,
            "timeout": self.timeout if timeout is None else timeout,
            "max_retries": self.max_retries if max_retries is None else max_retries,
            "auth": self.auth if auth is None else auth,
        }

    def __repr__(self) -> str:
        key = "set" if self.api_key else "none"
        return (
            f"{type(self).__name__}(base_url={self.base_url!r}, api_key=<{key}>, "
            f"auth={self.auth!r}, max_retries={self.max_retries}, timeout={self.timeout.read})"
        )

    def _pool(self, http_client: P | None, factory: type[P]) -> P:
        """The connection pool: the one passed in (left for its owner to close) or ours.

        Which of our headers the pool already sends is noted, to leave them off requests:
        every header passed with a request costs httpx a merge, measurable on a small
        chat call. A pool passed in (or shared by `with_options`) may lack them.
        """
        self._owns_http = http_client is None
        pool = http_client or factory(
            timeout=self.timeout,
            follow_redirects=True,
            limits=DEFAULT_LIMITS,
            headers=DEFAULT_HEADERS,
        )
        self._pool_accept = pool.headers.get("Accept")
        self._pool_has_agent = pool.headers.get("User-Agent") == USER_AGENT
        self._pool_timeout = pool.timeout
        return pool

    def _request_timeout(self) -> httpx.Timeout | UseClientDefault:
        """This client's timeout, or the pool's own when they agree (cheaper to send)."""
        if self.timeout == self._pool_timeout:
            return httpx.USE_CLIENT_DEFAULT
        return self.timeout

    def _headers(self, options: RequestOptions) -> dict[str, str]:
        headers: dict[str, str] = {}
        if options.accept != self._pool_accept:
            headers["Accept"] = options.accept
        if not self._pool_has_agent:
            headers["User-Agent"] = USER_AGENT
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
            return parse(response)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            detail = str(exc) if type(exc) is ValueError else f"{type(exc).__name__}: {exc}"
            raise APIResponseValidationError(response, detail, secrets=self._secrets()) from exc

    @staticmethod
    def _log_retry(seconds: float, attempt: int, max_retries: int) -> None:
        logger.info("Retrying in %.2f s (retry %d of %d)", seconds, attempt, max_retries)
