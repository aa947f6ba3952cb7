"""When to retry, how long to wait, and the retry loop shared by sync and async clients.

The loop is written once, as a generator that yields what to do next (send a request,
sleep) and receives what happened. The sync and async clients only drive it with their
own I/O, so the two cannot drift apart in how they retry.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable, Generator
from datetime import timezone
from typing import Any

import attrs
import httpx

from ._body import TruncatedBody
from ._exceptions import APIConnectionError, APITimeoutError, cut_short, scrub

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "AsyncConnections",
    "Connections",
    "RetryPolicy",
    "Send",
    "Sleep",
    "StaleConnection",
    "before_the_answer",
    "retry_plan",
]

DEFAULT_MAX_RETRIES = 2
#: Statuses worth another try: request timeout, rate limit, and server errors. An answer
#: with one of these did no billable work, so even a generation is retried. 402 (no
#: pollen left) never is: trying again cannot help.
RETRYABLE_STATUSES = frozenset({408, 429})


class StaleConnection(httpx.TransportError):
    """A kept-alive connection turned out to be closed by the server before this request:
    it failed before any answer, on a connection the server had already given up."""


#: Failures before the request reached the server: it cannot have done any work.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, StaleConnection)
#: What a request sent on a connection the server has closed fails with.
_LOST_ON_REUSE = (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)


#: Where a request keeps its Connections: httpcore's own `trace` slot is emptied as soon
#: as the connection is known, so that httpcore stops calling it (each call costs).
CONNECTIONS = "pollinations.connections"


class Connections:
    """httpcore's `trace` extension, noting whether an attempt opened a new connection.

    A request that fails before any answer on a *reused* connection met a connection
    the server closed while it was idle (it does so at any time): it never reached the
    server, so even a generation is safely sent again. Only requests that are not
    otherwise repeated carry it (see `extensions`).
    """

    __slots__ = ("opened", "placed")

    def __init__(self) -> None:
        #: A connection was opened for this attempt.
        self.opened = False
        #: httpcore put the request on a connection (so `opened` is known). A transport of
        #: your own (a mock, WSGI, a proxy of yours) tells nothing: then nothing is assumed.
        self.placed = False

    def extensions(self) -> dict[str, Any]:
        return {"trace": self, CONNECTIONS: self}

    def __call__(self, name: str, info: dict[str, Any]) -> None:
        self._note(name, info)

    def _note(self, name: str, info: dict[str, Any]) -> None:
        if name.startswith("connection.connect_"):
            self.opened = True
        elif name.startswith(("http11.", "http2.")):
            # the request is on its connection, new or not: nothing more to learn
            self.placed = True
            request = info.get("request")
            if request is not None:
                request.extensions.pop("trace", None)


class AsyncConnections(Connections):
    """The async twin: httpcore awaits the trace callback of an async request."""

    __slots__ = ()

    async def __call__(self, name: str, info: dict[str, Any]) -> None:  # type: ignore[override]
        self._note(name, info)


def before_the_answer(exc: httpx.RequestError, request: httpx.Request) -> httpx.RequestError:
    """`exc`, raised while sending `request` (before any of its answer was read), as
    StaleConnection when the connection was a reused one the server had closed."""
    trace = request.extensions.get(CONNECTIONS)
    reused = isinstance(trace, Connections) and trace.placed and not trace.opened
    if reused and isinstance(exc, _LOST_ON_REUSE):
        stale = StaleConnection(f"{type(exc).__name__}: {exc}", request=request)
        stale.__cause__ = exc
        return stale
    return exc


#: Said when a generation that may have been done is not repeated.
MAY_HAVE_RUN = (
    "the request was sent, so the server may have done (and billed) the work; it is not "
    "retried (pass retry_unsafe=True to retry such calls)"
)


def is_retryable_status(status: int) -> bool:
    return status in RETRYABLE_STATUSES or status >= 500


def parse_retry_after(headers: httpx.Headers, now: Callable[[], float] = time.time) -> float | None:
    """Seconds to wait from `Retry-After` (seconds or an HTTP date) or `retry-after-ms`."""
    raw_ms = headers.get("retry-after-ms")
    if raw_ms is not None:
        try:
            return max(float(raw_ms) / 1000.0, 0.0)
        except ValueError:
            pass
    raw = headers.get("retry-after")
    if raw is None:
        return None
    raw = raw.strip()
    try:
        return max(float(raw), 0.0)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
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


def retry_plan(
    build: Callable[[], httpx.Request], policy: RetryPolicy, *, repeatable: bool = True
) -> Generator[Step, Outcome, httpx.Response]:
    """Drive one logical request through its attempts.

    Yields `Send` (answer it with the response, or with the transport exception) and
    `Sleep` (answer it with None). Returns the final response, whatever its status;
    raises `APITimeoutError` or `APIConnectionError` once transport failures exhaust
    the retries. When the request is not `repeatable` (a generation, which costs pollen),
    a failure after it was sent (a read timeout, a connection cut mid-answer) is raised
    at once: only what certainly did no work is retried.
    """
    retries_done = 0
    while True:
        request = build()
        outcome = yield Send(request)
        response: httpx.Response | None = None
        if isinstance(outcome, httpx.Response):
            response = outcome
        elif isinstance(outcome, (httpx.LocalProtocolError, httpx.UnsupportedProtocol)):
            # The request itself cannot be sent (an illegal header, a bad scheme): trying
            # again changes nothing.
            detail = scrub(str(outcome) or type(outcome).__name__, policy.secrets)
            raise APIConnectionError(f"Request not sent: {detail}", request=request) from None
        elif isinstance(outcome, httpx.TransportError):
            unsafe = not repeatable and not isinstance(outcome, NOT_SENT)
            if unsafe or policy.delay_for(retries_done, None) is None:
                raise _transport_error(outcome, request, policy, unsafe=unsafe) from outcome
        elif isinstance(outcome, httpx.RequestError):
            # Not worth repeating: too many redirects, for one.
            detail = scrub(f"{type(outcome).__name__}: {outcome}", policy.secrets)
            raise APIConnectionError(detail, request=request) from outcome
        elif isinstance(outcome, Exception):
            raise outcome
        delay = policy.delay_for(retries_done, response)
        if delay is None:
            assert response is not None  # transport failures without a delay raised above
            return response
        retries_done += 1
        yield Sleep(delay, response)


def _transport_error(
    outcome: httpx.TransportError, request: httpx.Request, policy: RetryPolicy, *, unsafe: bool
) -> APIConnectionError:
    """The error to raise for a transport failure that is not (or no longer) retried."""
    note = f"; {MAY_HAVE_RUN}" if unsafe else ""
    if isinstance(outcome, httpx.TimeoutException):
        return APITimeoutError(request=request, detail=note)
    if isinstance(outcome, TruncatedBody):
        return cut_short(outcome, request, secrets=policy.secrets, note=note)
    detail = scrub(str(outcome) or type(outcome).__name__, policy.secrets)
    return APIConnectionError(f"Connection error: {detail}{note}", request=request)
