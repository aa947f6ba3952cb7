"""Fault injection, so that client retry, timeout and stream-recovery code can be tested.

A request chooses its fault with the `X-Mock-Fault` header; the server's `fault` option
(CLI `--fault`) applies the same grammar to every request that carries no header (an
empty header opts a request out of it).

    X-Mock-Fault: directive *( (";" | ",") directive )

    latency=SECONDS        wait this long before answering (a float, at most 60)
    status=CODE            answer CODE (400..599) with the documented error envelope
                           instead of serving the request; nothing is charged
    retry-after=SECONDS    the Retry-After header of a `status` answer (429 and 503
                           get `1` unless given)
    drop-before-headers    close the connection without sending a single byte
    drop-mid-stream        send the status line, the headers and about half of the body
                           (half of the events of a stream), then close the connection
    times=N                apply the fault to the first N requests that carry this exact
                           header value only; later ones are served normally, so that a
                           retrying client eventually succeeds

Examples: `latency=0.2`, `status=429;retry-after=1`, `status=500;times=2`,
`drop-mid-stream`, `drop-before-headers`. Names are case-insensitive; spaces are ignored.
A header that does not parse is answered 400 with the reason in `formErrors`.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

FAULT_HEADER = "X-Mock-Fault"
MAX_LATENCY = 60.0


@dataclass(frozen=True)
class Fault:
    latency: float = 0.0
    status: int | None = None
    retry_after: str | None = None
    drop_before_headers: bool = False
    drop_mid_stream: bool = False
    times: int | None = None

    @property
    def empty(self) -> bool:
        return self == Fault()


NO_FAULT = Fault()


def parse_fault(text: str) -> Fault:
    """The header (or option) value as a Fault; ValueError says what is wrong with it."""
    latency = 0.0
    status: int | None = None
    retry_after: str | None = None
    drop_before = drop_mid = False
    times: int | None = None
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
    if retry_after is None and status in (429, 503):
        retry_after = "1"
    return Fault(latency, status, retry_after, drop_before, drop_mid, times)


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
