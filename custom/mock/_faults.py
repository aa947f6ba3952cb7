"""Fault injection, so that client retry, timeout and stream-recovery code can be tested.

A request chooses its fault with the `X-Mock-Fault` header; the server's `fault` option
(CLI `--fault`) applies the same grammar to every request that carries no header (an
empty header opts a request out of it).

    X-Mock-Fault: directive *( (";" | ",") directive )

    latency=SECONDS        wait this long before answering (a float, at most 60)
    status=CODE            answer CODE (400..599) with the gateway's error envelope
                           instead of serving the request, before the key is looked
                           at; nothing is charged
    provider-status=CODE   the model provider answered CODE, and the gateway says so as
                           it does: 401, 403, 404, 409, 415 and 429 become 502 (details
                           `{name: UpstreamError, upstreamStatus: CODE}`), 412 passes
                           through as 412 UNKNOWN_ERROR; only once the key and the
                           request passed their checks (a provider is called for valid
                           requests only); nothing is charged
    rate-limited           the key is over its rate limit: 429 RATE_LIMITED with
                           Retry-After, once the key is known (no key is still 401)
    retry-after=SECONDS    the Retry-After header of the answer (429, 503 and
                           rate-limited get `1` unless given)
    drop-before-headers    close the connection without sending a single byte
    drop-mid-stream        send the status line, the headers and about half of the body
                           (half of the events of a stream), then close the connection
    times=N                apply the fault to the first N requests that carry this exact
                           header value only; later ones are served normally, so that a
                           retrying client eventually succeeds

At most one of status, provider-status and rate-limited. Examples: `latency=0.2`,
`status=429;retry-after=1`, `status=500;times=2`, `provider-status=429`,
`provider-status=412`, `rate-limited;retry-after=3`, `drop-mid-stream`,
`drop-before-headers`. Names are case-insensitive; spaces are ignored.
A header that does not parse is answered 400 with the reason in `formErrors`.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from http import HTTPStatus

from ._errors import ApiError

FAULT_HEADER = "X-Mock-Fault"
MAX_LATENCY = 60.0
# The gateway answers a provider's own 401, 403, 404, 409, 415 or 429 as 502: they are
# the provider's trouble, not the client's key or request. A 412 passes through.
REMAPPED_TO_502 = frozenset({401, 403, 404, 409, 415, 429})
PASSED_THROUGH = frozenset({412})


@dataclass(frozen=True)
class Fault:
    latency: float = 0.0
    status: int | None = None
    retry_after: str | None = None
    drop_before_headers: bool = False
    drop_mid_stream: bool = False
    times: int | None = None
    provider_status: int | None = None
    rate_limited: bool = False

    @property
    def empty(self) -> bool:
        return self == Fault()


NO_FAULT = Fault()


def parse_fault(text: str) -> Fault:
    """The header (or option) value as a Fault; ValueError says what is wrong with it."""
    latency = 0.0
    status: int | None = None
    retry_after: str | None = None
    drop_before = drop_mid = rate_limited = False
    times: int | None = None
    provider: int | None = None
    for raw in text.replace(",", ";").split(";"):
        item = raw.strip()
        if not item:
            continue
        name, _, value = item.partition("=")
        name = name.strip().lower()
        value = value.strip()
        if name == "latency":
            latency = _seconds(name, value)
            if latency > MAX_LATENCY:
                raise ValueError(f"latency is at most {MAX_LATENCY:g} seconds")
        elif name == "status":
            if not value.isdigit() or not 400 <= int(value) <= 599:
                raise ValueError(f"status must be an HTTP error code 400..599, not '{value}'")
            status = int(value)
        elif name == "provider-status":
            codes = sorted(REMAPPED_TO_502 | PASSED_THROUGH)
            if not value.isdigit() or int(value) not in codes:
                choices = ", ".join(str(code) for code in codes)
                raise ValueError(f"provider-status is one of {choices}, not '{value}'")
            provider = int(value)
        elif name == "rate-limited":
            if value:
                raise ValueError(f"{name} takes no value")
            rate_limited = True
        elif name == "retry-after":
            retry_after = f"{_seconds(name, value):g}"
        elif name == "times":
            if not value.isdigit() or int(value) < 1:
                raise ValueError(f"times must be a positive integer, not '{value}'")
            times = int(value)
        elif name in ("drop-before-headers", "drop-mid-stream"):
            if value:
                raise ValueError(f"{name} takes no value")
            drop_before = drop_before or name == "drop-before-headers"
            drop_mid = drop_mid or name == "drop-mid-stream"
        else:
            raise ValueError(f"unknown fault directive '{name}'")
    if sum((status is not None, provider is not None, rate_limited)) > 1:
        raise ValueError("give at most one of status, provider-status and rate-limited")
    if retry_after is None and (status in (429, 503) or rate_limited):
        retry_after = "1"
    return Fault(
        latency=latency,
        status=status,
        retry_after=retry_after,
        drop_before_headers=drop_before,
        drop_mid_stream=drop_mid,
        times=times,
        provider_status=provider,
        rate_limited=rate_limited,
    )


def _seconds(name: str, value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise ValueError(f"{name} needs a number of seconds, not '{value}'") from None
    if not math.isfinite(seconds) or seconds < 0:
        raise ValueError(f"{name} needs a non-negative number of seconds, not '{value}'")
    return seconds


class FaultCounter:
    """Counts requests per fault text, for `times=N`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seen: dict[str, int] = {}

    def applies(self, text: str, fault: Fault) -> bool:
        if fault.times is None:
            return True
        with self._lock:
            count = self._seen.get(text, 0) + 1
            self._seen[text] = count
        return count <= fault.times


class FaultInjector:
    """Which fault a request gets: its header, else the server's option (an empty header
    opts out), counted for `times=N`. One place, so the header and `--fault` agree."""

    def __init__(self, default: str | None = None) -> None:
        if default:
            parse_fault(default)  # refuse a bad option now rather than on every request
        self.default = default or None
        self._counter = FaultCounter()

    def choose(self, header: str | None) -> Fault:
        """The request's fault; ApiError 400 when the header does not parse."""
        text = self.default if header is None else header
        if not text:
            return NO_FAULT
        try:
            fault = parse_fault(text)
        except ValueError as exc:
            message = f"Invalid {FAULT_HEADER}: {exc}"
            raise ApiError(400, message, form_errors=[message]) from None
        return fault if self._counter.applies(text, fault) else NO_FAULT


def status_error(fault: Fault) -> ApiError | None:
    """The answer of `status=CODE`: that status, the envelope, Retry-After if any."""
    if fault.status is None:
        return None
    return ApiError(
        fault.status, f"Injected fault: status {fault.status}", headers=_retry_after(fault)
    )


def forced_rate_limit(fault: Fault) -> str | None:
    """The Retry-After of `rate-limited`, which the key step answers once the key is
    known; None without it."""
    return (fault.retry_after or "1") if fault.rate_limited else None


def provider_error(fault: Fault) -> ApiError | None:
    """The gateway's answer to the provider status of `provider-status=CODE`."""
    code = fault.provider_status
    if code is None:
        return None
    said = f"The model provider answered {code} {HTTPStatus(code).phrase}"
    if code in PASSED_THROUGH:
        return ApiError(code, said, headers=_retry_after(fault))
    return ApiError(
        502,
        f"{said}; the gateway reports it as 502",
        headers=_retry_after(fault),
        details={"upstreamStatus": code},
    )


def _retry_after(fault: Fault) -> dict[str, str]:
    return {"Retry-After": fault.retry_after} if fault.retry_after else {}
