"""Retries, with a fake clock: which answers are retried, how often, and how long between.

`Harness.make` replaces `client._sleep` with a recorder (`h.sleeps`), and `set_jitter`
fixes the policy's random draw and clock, so every delay is exact and nothing sleeps.
"""

from __future__ import annotations

import email.utils
import json
import logging

import httpx
import pytest
import respx
from _custom_helpers import (
    Harness,
    chat_chunk,
    chat_completion,
    dumps,
    envelope,
    set_jitter,
    sse_body,
    sse_response,
)

from pollinations_client.custom import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    RateLimitError,
)

pytestmark = pytest.mark.anyio

#: A fixed "now" for HTTP-date Retry-After headers.
NOW = 1_750_000_000.0


def error(status: int, **headers: str) -> httpx.Response:
    return httpx.Response(status, json=envelope(status, "E", f"status {status}"), headers=headers)


def ok() -> httpx.Response:
    return httpx.Response(200, json={"balance": 3.0})


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (408, APIStatusError),
        (429, RateLimitError),
        (500, InternalServerError),
        (502, InternalServerError),
        (503, InternalServerError),
    ],
)
async def test_retryable_statuses_are_retried_up_to_max_retries(
    h: Harness, router: respx.MockRouter, status: int, cls: type[APIStatusError]
) -> None:
    route = router.get("/account/balance").mock(return_value=error(status))
    client = h.make()
    set_jitter(client, 0.0)
    with pytest.raises(cls) as caught:
        await h.run(client.account.balance())
    assert type(caught.value) is cls
    assert caught.value.status_code == status
    assert route.call_count == 3
    assert h.sleeps == [0.5, 1.0]


@pytest.mark.parametrize(
    ("side_effect", "cls"),
    [(httpx.ConnectError, APIConnectionError), (httpx.ReadTimeout, APITimeoutError)],
)
async def test_transport_errors_are_retried(
    h: Harness,
    router: respx.MockRouter,
    side_effect: type[httpx.TransportError],
    cls: type[APIConnectionError],
) -> None:
    route = router.get("/account/balance").mock(side_effect=side_effect)
    client = h.make()
    set_jitter(client, 0.0)
    with pytest.raises(cls):
        await h.run(client.account.balance())
    assert route.call_count == 3
    assert h.sleeps == [0.5, 1.0]


async def test_a_transport_error_then_success(h: Harness, router: respx.MockRouter) -> None:
    route = router.get("/account/balance").mock(side_effect=[httpx.ConnectError("reset"), ok()])
    client = h.make()
    set_jitter(client, 0.0)
    balance = await h.run(client.account.balance())
    assert balance.balance == 3.0
    assert route.call_count == 2
    assert h.sleeps == [0.5]


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (402, PaymentRequiredError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (422, APIStatusError),
    ],
)
async def test_client_errors_are_never_retried(
    h: Harness, router: respx.MockRouter, status: int, cls: type[APIStatusError]
) -> None:
    route = router.get("/account/balance").mock(return_value=error(status, **{"retry-after": "1"}))
    client = h.make(max_retries=5)
    with pytest.raises(cls):
        await h.run(client.account.balance())
    assert route.call_count == 1
    assert h.sleeps == []


@pytest.mark.parametrize(("random", "factor"), [(0.0, 1.0), (0.5, 0.875), (1.0, 0.75), (0.2, 0.95)])
async def test_exponential_backoff_with_jitter_capped_at_8_seconds(
    h: Harness, router: respx.MockRouter, random: float, factor: float
) -> None:
    route = router.get("/account/balance").mock(return_value=error(503))
    client = h.make(max_retries=7)
    set_jitter(client, random)
    with pytest.raises(InternalServerError):
        await h.run(client.account.balance())
    assert route.call_count == 8
    expected = [d * factor for d in (0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0)]
    assert h.sleeps == pytest.approx(expected)


async def test_default_jitter_stays_within_bounds(h: Harness, router: respx.MockRouter) -> None:
    router.get("/account/balance").mock(return_value=error(502))
    client = h.make(max_retries=6)
    with pytest.raises(InternalServerError):
        await h.run(client.account.balance())
    for delay, base in zip(h.sleeps, (0.5, 1.0, 2.0, 4.0, 8.0, 8.0), strict=True):
        assert 0.75 * base <= delay <= base


@pytest.mark.parametrize("status", [429, 503])
async def test_retry_after_in_seconds(h: Harness, router: respx.MockRouter, status: int) -> None:
    route = router.get("/account/balance").mock(
        side_effect=[
            error(status, **{"retry-after": "3"}),
            error(status, **{"retry-after": "0"}),
            ok(),
        ]
    )
    client = h.make()
    set_jitter(client, 0.9)
    assert (await h.run(client.account.balance())).balance == 3.0
    assert route.call_count == 3
    assert h.sleeps == [3.0, 0.0]


async def test_retry_after_as_an_http_date(h: Harness, router: respx.MockRouter) -> None:
    in_seven_seconds = email.utils.formatdate(NOW + 7, usegmt=True)
    in_the_past = email.utils.formatdate(NOW - 100, usegmt=True)
    route = router.get("/account/balance").mock(
        side_effect=[
            error(429, **{"retry-after": in_seven_seconds}),
            error(429, **{"retry-after": in_the_past}),
            ok(),
        ]
    )
    client = h.make()
    set_jitter(client, 0.0, now=NOW)
    await h.run(client.account.balance())
    assert route.call_count == 3
    assert h.sleeps == [7.0, 0.0]


async def test_retry_after_ms(h: Harness, router: respx.MockRouter) -> None:
    route = router.get("/account/balance").mock(
        side_effect=[
            error(429, **{"retry-after-ms": "1500"}),
            # retry-after-ms is the more precise of the two and wins
            error(429, **{"retry-after-ms": "250", "retry-after": "9"}),
            ok(),
        ]
    )
    client = h.make()
    set_jitter(client, 0.0)
    await h.run(client.account.balance())
    assert route.call_count == 3
    assert h.sleeps == [1.5, 0.25]


async def test_unparseable_retry_after_falls_back_to_backoff(
    h: Harness, router: respx.MockRouter
) -> None:
    router.get("/account/balance").mock(
        side_effect=[
            error(503, **{"retry-after": "soon"}),
            error(503, **{"retry-after-ms": "later"}),
            ok(),
        ]
    )
    client = h.make()
    set_jitter(client, 0.0)
    await h.run(client.account.balance())
    assert h.sleeps == [0.5, 1.0]


@pytest.mark.parametrize(
    "headers",
    [
        {"retry-after": "61"},
        {"retry-after": "3600"},
        {"retry-after-ms": "60001"},
        {"retry-after": email.utils.formatdate(NOW + 120, usegmt=True)},
    ],
)
async def test_retry_after_beyond_60_seconds_raises_at_once(
    h: Harness, router: respx.MockRouter, headers: dict[str, str]
) -> None:
    route = router.get("/account/balance").mock(return_value=error(429, **headers))
    client = h.make(max_retries=5)
    set_jitter(client, 0.0, now=NOW)
    with pytest.raises(RateLimitError):
        await h.run(client.account.balance())
    assert route.call_count == 1
    assert h.sleeps == []


async def test_retry_after_of_exactly_60_seconds_is_waited_out(
    h: Harness, router: respx.MockRouter
) -> None:
    router.get("/account/balance").mock(side_effect=[error(429, **{"retry-after": "60"}), ok()])
    client = h.make()
    await h.run(client.account.balance())
    assert h.sleeps == [60.0]


async def test_max_retries_zero_means_a_single_attempt(
    h: Harness, router: respx.MockRouter
) -> None:
    route = router.get("/account/balance").mock(return_value=error(503))
    client = h.make(max_retries=0)
    with pytest.raises(InternalServerError):
        await h.run(client.account.balance())
    assert route.call_count == 1
    assert h.sleeps == []

    router.get(path__startswith="/text/").mock(side_effect=httpx.ConnectError)
    with pytest.raises(APIConnectionError):
        await h.run(client.text.generate("hi"))
    assert h.sleeps == []


async def test_with_options_overrides_max_retries_per_call(
    h: Harness, router: respx.MockRouter
) -> None:
    route = router.get("/account/balance").mock(return_value=error(500))
    client = h.make()
    patient = h.track(client.with_options(max_retries=5))
    set_jitter(patient, 0.0)
    with pytest.raises(InternalServerError):
        await h.run(patient.account.balance())
    assert route.call_count == 6
    assert h.sleeps == [0.5, 1.0, 2.0, 4.0, 8.0]

    # The original keeps its own setting.
    route.reset()
    h.sleeps.clear()
    with pytest.raises(InternalServerError):
        await h.run(client.account.balance())
    assert route.call_count == 3
    assert len(h.sleeps) == 2


async def test_success_after_two_503s_returns_the_result(
    h: Harness, router: respx.MockRouter
) -> None:
    route = router.post("/v1/chat/completions").mock(
        side_effect=[error(503), error(503), httpx.Response(200, json=chat_completion("Finally"))]
    )
    client = h.make()
    set_jitter(client, 0.0)
    completion = await h.run(
        client.chat.completions.create(messages=[{"role": "user", "content": "hi"}], seed=1)
    )
    assert completion.choices[0].message.content == "Finally"
    assert route.call_count == 3
    assert h.sleeps == [0.5, 1.0]
    # Every attempt carries the same request.
    bodies = [json.loads(call.request.content) for call in route.calls]
    assert bodies == [{"messages": [{"role": "user", "content": "hi"}], "seed": 1}] * 3
    assert {call.request.headers["authorization"] for call in route.calls} == {
        route.calls[0].request.headers["authorization"]
    }


async def test_streams_are_retried_before_the_first_event(
    h: Harness, router: respx.MockRouter
) -> None:
    body = sse_body(dumps(chat_chunk("ok")), "[DONE]")
    route = router.post("/v1/chat/completions").mock(
        side_effect=[error(503), error(429), sse_response([body])]
    )
    client = h.make()
    set_jitter(client, 0.0)
    stream = await h.run(
        client.chat.completions.create(messages=[{"role": "user", "content": "hi"}], stream=True)
    )
    chunks = await h.collect(stream)
    assert [chunk.choices[0].delta.content for chunk in chunks] == ["ok"]
    assert route.call_count == 3
    assert h.sleeps == [0.5, 1.0]


async def test_a_stream_that_keeps_failing_raises_the_status_error(
    h: Harness, router: respx.MockRouter
) -> None:
    route = router.get(path__startswith="/text/").mock(return_value=error(502))
    client = h.make()
    with pytest.raises(InternalServerError) as caught:
        await h.run(client.text.stream("hi"))
    assert caught.value.status_code == 502
    assert "status 502" in str(caught.value)
    assert route.call_count == 3


async def test_retries_are_logged(
    h: Harness, router: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="pollinations_client")
    router.get("/account/balance").mock(side_effect=[error(503), error(503), ok()])
    client = h.make()
    set_jitter(client, 0.0)
    await h.run(client.account.balance())
    messages = [r.getMessage() for r in caplog.records if r.name == "pollinations_client"]
    assert messages == ["Retrying in 0.50 s (retry 1 of 2)", "Retrying in 1.00 s (retry 2 of 2)"]
