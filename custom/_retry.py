"""When to retry, how long to wait, and the retry loop shared by sync and async clients.

The loop is written once, as a generator that yields what to do next (send a request,
sleep) and receives what happened. The sync and async clients only drive it with their
own I/O, so the two cannot drift apart in how they retry.
"""

from __future__ import annotations

import email.utils
import math
import time
from collections.abc import Callable, Generator
from datetime import timezone

import attrs
import httpx

from ._body import TruncatedBody
from ._exceptions import (
    DEADLINE_PASSED,
    APIConnectionError,
    APITimeoutError,
    cut_short,
    scrub,
    timeout_detail,
)
from ._logging import KEY_PARAMETER

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "RetryPolicy",
    "Send",
    "Sleep",
    "retry_plan",
]

DEFAULT_MAX_RETRIES = 2
#: Statuses worth another try: request timeout, rate limit, and server errors. An answer
#: with one of these did no billable work, so even a generation is retried. 402 (no
#: pollen left) never is: trying again cannot help.
RETRYABLE_STATUSES = frozenset({408, 429})


#: Failures before the request reached the server: it cannot have done any work.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
#: Said when a generation that may have been done is not repeated.
MAY_HAVE_RUN = (
    "the request was sent, so the server may have done (and billed) the work; it is not "
    "retried (pass retry_unsafe=True to retry such calls)"
)


def is_retryable_status(status: int) -> bool:
    return status in RETRYABLE_STATUSES or status >= 500


def _seconds(raw: str, scale: float = 1.0) -> float | None:
    """A finite, non-negative number of seconds, else None ("nan", "-1", "inf", "abc")."""
    try:
        value = float(raw) / scale
    except ValueError:
        return None
    return value if math.isfinite(value) and value >= 0 else None


def parse_retry_after(headers: httpx.Headers, now: Callable[[], float] = time.time) -> float | None:
    """Seconds to wait from `retry-after-ms` or `Retry-After` (seconds or an HTTP date).

    A value that is none of these is ignored, whatever it is, so the backoff applies:
    a server's `nan` must not turn retries off while its `abc` does not.
    """
    raw_ms = headers.get("retry-after-ms")
    if raw_ms is not None:
        seconds = _seconds(raw_ms.strip(), 1000.0)
        if seconds is not None:
            return seconds
    raw = headers.get("retry-after")
    if raw is None:
        return None
    raw = raw.strip()
    seconds = _seconds(raw)
    if seconds is not None:
        return seconds
    try:
        when = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(when.timestamp() - now(), 0.0)


def _random() -> float:
    # random is imported at the first retry, not with the package (it costs a few ms).
    import random

    return random.random()


@attrs.frozen
class RetryPolicy:
    """Exponential backoff with jitter, bounded; `Retry-After` wins when the server sends it.

    A `Retry-After` longer than `max_retry_after` is not waited out: the error is raised
    at once, since blocking a caller for minutes is worse than letting it decide.
    """

    max_retries: int = DEFAULT_MAX_RETRIES
    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0
    jitter: float = 0.25
    random: Callable[[], float] = attrs.field(default=_random, repr=False, eq=False)
    now: Callable[[], float] = attrs.field(default=time.time, repr=False, eq=False)
    #: Masked in the messages of transport errors (the API key).
    secrets: tuple[str, ...] = attrs.field(default=(), repr=False, eq=False)
    #: The clock of deadlines (monotonic: the wall clock may jump).
    clock: Callable[[], float] = attrs.field(default=time.monotonic, repr=False, eq=False)
    #: The connection pool's size, for the message of a pool timeout (None: unknown).
    pool_size: int | None = None

    def backoff(self, retries_done: int) -> float:
        delay = min(self.initial_delay * (2.0**retries_done), self.max_delay)
        return delay * (1.0 - self.jitter * self.random())

    def delay_for(self, retries_done: int, response: httpx.Response | None) -> float | None:
        """How long to wait before the next attempt, or None when not to retry."""
        if retries_done >= self.max_retries:
            return None
        if response is not None:
            if not is_retryable_status(response.status_code):
                return None
            retry_after = parse_retry_after(response.headers, self.now)
            if retry_after is not None:
                return retry_after if retry_after <= self.max_retry_after else None
        return self.backoff(retries_done)


@attrs.frozen
class Send:
    request: httpx.Request


@attrs.frozen
class Sleep:
    seconds: float
    #: The answer being given up on; the driver closes it.
    discard: httpx.Response | None


Step = Send | Sleep
Outcome = httpx.Response | Exception | None


#: Redirects followed for one attempt before giving up, as httpx's own default.
MAX_REDIRECTS = 20


def retry_plan(
    build: Callable[[], httpx.Request],
    policy: RetryPolicy,
    *,
    repeatable: bool = True,
    deadline: float | None = None,
) -> Generator[Step, Outcome, httpx.Response]:
    """Drive one logical request through its attempts (and each attempt's redirects).

    Yields `Send` (answer it with the response, or with the transport exception) and
    `Sleep` (answer it with None). Returns the final response, whatever its status;
    raises `APITimeoutError` or `APIConnectionError` once transport failures exhaust
    the retries. When the request is not `repeatable` (a generation, which costs pollen),
    a failure after it was sent (a read timeout, a connection cut mid-answer) is raised
    at once: only what certainly did no work is retried. `deadline` (a
    `policy.clock()` time) bounds every attempt's timeouts and the waits between them.
    """
    retries_done = 0
    while True:
        request = _within(build(), deadline, policy)
        origin = request.url
        redirects = 0
        while True:
            outcome = yield Send(request)
            if not isinstance(outcome, httpx.Response) or outcome.next_request is None:
                break
            redirects += 1
            if redirects > MAX_REDIRECTS:
                raise APIConnectionError(
                    f"Too many redirects (more than {MAX_REDIRECTS}); the last went to "
                    f"{_shown(outcome.next_request.url, policy)}",
                    request=request,
                )
            request = _within(_redirected(outcome.next_request, origin), deadline, policy)
        response: httpx.Response | None = None
        if isinstance(outcome, httpx.Response):
            response = outcome
        elif isinstance(outcome, (httpx.LocalProtocolError, httpx.UnsupportedProtocol)):
            # The request itself cannot be sent (an illegal header, a bad scheme, a
            # redirect to one): trying again changes nothing.
            detail = scrub(str(outcome) or type(outcome).__name__, policy.secrets)
            raise APIConnectionError(f"Request not sent: {detail}", request=request) from None
        elif isinstance(outcome, httpx.RemoteProtocolError) and str(outcome).startswith(
            _BAD_LOCATION
        ):
            # The server answered, with a redirect nowhere: asking again gets the same.
            detail = scrub(str(outcome), policy.secrets)
            raise APIConnectionError(
                f"The server redirected to an invalid URL ({detail})", request=request
            ) from None
        elif isinstance(outcome, httpx.TransportError):
            unsafe = not repeatable and not isinstance(outcome, NOT_SENT)
            if unsafe or policy.delay_for(retries_done, None) is None:
                raise _transport_error(outcome, request, policy, unsafe=unsafe) from outcome
        elif isinstance(outcome, httpx.RequestError):
            detail = scrub(f"{type(outcome).__name__}: {outcome}", policy.secrets)
            raise APIConnectionError(detail, request=request) from outcome
        elif isinstance(outcome, Exception):
            raise outcome
        delay = policy.delay_for(retries_done, response)
        if delay is not None and deadline is not None and policy.clock() + delay >= deadline:
            delay = None  # the wait alone would pass the deadline: stop here
        if delay is None:
            if response is None:  # a transport failure, and no time left to retry it
                assert isinstance(outcome, httpx.TransportError)
                raise _transport_error(outcome, request, policy, unsafe=False) from outcome
            return response
        retries_done += 1
        yield Sleep(delay, response)


#: How httpx words a Location it cannot follow (a RemoteProtocolError, retried otherwise).
_BAD_LOCATION = "Invalid URL in location header"


def _within(request: httpx.Request, deadline: float | None, policy: RetryPolicy) -> httpx.Request:
    """The request, its timeouts cut to what is left before the deadline."""
    if deadline is None:
        return request
    left = deadline - policy.clock()
    if left <= 0:
        raise APITimeoutError(request=request, detail=f": {DEADLINE_PASSED}")
    timeouts = request.extensions.get("timeout") or {}
    request.extensions["timeout"] = {
        name: left if value is None else min(value, left)
        for name, value in {
            "connect": None,
            "read": None,
            "write": None,
            "pool": None,
            **timeouts,
        }.items()
    }
    return request


def _redirected(request: httpx.Request, origin: httpx.URL) -> httpx.Request:
    """A redirect's request, as httpx built it (the Authorization header already left off
    for another origin), with the API key in the query for the configured origin only:
    dropped for another, whatever the Location says, and kept for the same one (where
    header auth keeps its header), so query auth authenticates every hop at home."""
    url = request.url
    same = (url.scheme, url.host, url.port) == (origin.scheme, origin.host, origin.port)
    # http -> https on the default ports is the same site, as httpx judges it
    upgraded = (
        (origin.scheme, url.scheme) == ("http", "https")
        and url.host == origin.host
        and origin.port in (None, 80)
        and url.port in (None, 443)
    )
    key = origin.params.get(KEY_PARAMETER)
    if same or upgraded:
        if key is not None and url.params.get(KEY_PARAMETER) != key:
            request.url = url.copy_set_param(KEY_PARAMETER, key)
    elif KEY_PARAMETER in url.params:
        request.url = url.copy_remove_param(KEY_PARAMETER)
    return request


def _shown(url: httpx.URL, policy: RetryPolicy) -> str:
    """A URL for a message: the key masked, in the query or echoed anywhere."""
    shown = str(url.copy_remove_param(KEY_PARAMETER)) if KEY_PARAMETER in url.params else str(url)
    return scrub(shown, policy.secrets)


def _transport_error(
    outcome: httpx.TransportError, request: httpx.Request, policy: RetryPolicy, *, unsafe: bool
) -> APIConnectionError:
    """The error to raise for a transport failure that is not (or no longer) retried."""
    note = f"; {MAY_HAVE_RUN}" if unsafe else ""
    if isinstance(outcome, httpx.PoolTimeout):
        size = f"all {policy.pool_size}" if policy.pool_size else "all"
        return APITimeoutError(
            request=request,
            detail=f" waiting for a free connection: {size} of the pool's connections were "
            "busy (close unfinished streams, or pass an http_client with larger limits)",
        )
    if isinstance(outcome, httpx.TimeoutException):
        return APITimeoutError(request=request, detail=timeout_detail(outcome) + note)
    if isinstance(outcome, TruncatedBody):
        return cut_short(outcome, request, secrets=policy.secrets, note=note)
    detail = scrub(str(outcome) or type(outcome).__name__, policy.secrets)
    return APIConnectionError(f"Connection error: {detail}{note}", request=request)
