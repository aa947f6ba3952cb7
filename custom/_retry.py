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

import attrs
import httpx

from ._body import TruncatedBody
from ._exceptions import APIConnectionError, APITimeoutError, cut_short, scrub

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
