"""Retry safety: a generation whose request was sent is never sent again unless asked to
be, because the server may already have done (and billed) the work.

- respx answers for the unit cases; a real raw-socket server on 127.0.0.1
  (tests/_fault_server.py) for faults only a real connection has;
- every delay goes through the Harness's fake clock (`h.sleeps`), with the policy's
  jitter pinned by `set_jitter`;
- each test runs against both `Pollinations` and `AsyncPollinations`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import respx
from _custom_helpers import (
    API_CALLS_BY_NAME,
    FREE_CALLS,
    GENERATIONS,
    KEY,
    MP3,
    PNG,
    ApiCall,
    ChunkedStream,
    Harness,
    answer_everything,
    chat_chunk,
    chat_completion,
    dumps,
    gateway_error,
    set_jitter,
    sse_body,
)
from _fault_server import Action, FaultServer, close, respond, short_body, stall

from pollinations_client.custom import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AsyncStream,
    IncompleteResponseError,
    InternalServerError,
    InvalidParameterError,
    PaymentRequiredError,
    RateLimitError,
    Stream,
)

pytestmark = pytest.mark.anyio

MAY_HAVE_RUN = "may have done (and billed) the work"
GEN_IDS = [call.name for call in GENERATIONS]
FREE_IDS = [call.name for call in FREE_CALLS]
#: Generations that answer one body (not a stream), which can be cut mid-way.
WHOLE_GENERATIONS = [call for call in GENERATIONS if not call.stream]
STREAMED_GENERATIONS = [call for call in GENERATIONS if call.stream]


async def call_once(h: Harness, client: Any, call: ApiCall, **extra: Any) -> Any:
    result = await h.run(call.call(client, **extra))
    if isinstance(result, (Stream, AsyncStream)):
        return await h.collect(result)
    return result


def cut_mid_body(request: httpx.Request) -> httpx.Response:
    """The headers of a good answer, then part of its body, then the connection drops."""
    whole = answer_everything(request)
    content_type = whole.headers["content-type"]
    return httpx.Response(
        200,
        headers={"content-type": content_type},
        stream=ChunkedStream([b"\x00" * 8], httpx.RemoteProtocolError("peer closed")),
    )


def stalled_mid_body(request: httpx.Request) -> httpx.Response:
    whole = answer_everything(request)
    return httpx.Response(
        200,
        headers={"content-type": whole.headers["content-type"]},
        stream=ChunkedStream([b"\x00" * 8], httpx.ReadTimeout("stalled")),
    )


class Failing:
    """A respx side effect: the given failures in turn, then plausible answers."""

    def __init__(self, *failures: Any) -> None:
        self.failures = list(failures)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if self.failures:
            failure = self.failures.pop(0)
            if isinstance(failure, BaseException):
                raise failure
            if callable(failure):
                response: httpx.Response = failure(request)
                return response
            assert isinstance(failure, httpx.Response)
            return failure
        return answer_everything(request)


def assert_not_repeated(error: BaseException) -> None:
    message = str(error)
    assert MAY_HAVE_RUN in message
    assert "retry_unsafe=True" in message
    assert KEY not in message


# -------------------------------------------- lost after sending: raised at once (respx)


@pytest.mark.parametrize("call", GENERATIONS, ids=GEN_IDS)
async def test_a_read_timeout_on_a_generation_is_raised_at_once(
    h: Harness, router: respx.MockRouter, call: ApiCall
) -> None:
    route = router.route().mock(side_effect=httpx.ReadTimeout("no answer in time"))
    client = h.make(max_retries=5)
    with pytest.raises(APITimeoutError) as caught:
        await call_once(h, client, call)
    assert route.call_count == 1
    assert h.sleeps == []
    assert_not_repeated(caught.value)


@pytest.mark.parametrize(
    "fault",
    [
        httpx.RemoteProtocolError("Server disconnected without sending a response."),
        httpx.ReadError("connection reset by peer"),
    ],
    ids=["remote protocol error", "read error"],
)
@pytest.mark.parametrize("call", GENERATIONS, ids=GEN_IDS)
async def test_a_connection_cut_before_the_answer_of_a_generation_is_raised_at_once(
    h: Harness, router: respx.MockRouter, call: ApiCall, fault: Exception
) -> None:
    """The transport gives no word on whether the connection was new or reused, so the
    request may have reached the server: it is not sent again."""
    route = router.route().mock(side_effect=fault)
    client = h.make(max_retries=5)
    with pytest.raises(APIConnectionError) as caught:
        await call_once(h, client, call)
    assert not isinstance(caught.value, APITimeoutError)
    assert route.call_count == 1
    assert h.sleeps == []
    assert_not_repeated(caught.value)


@pytest.mark.parametrize("call", GENERATIONS, ids=GEN_IDS)
async def test_a_cut_before_the_answer_on_a_transport_of_ones_own_is_raised_at_once(
    h: Harness, call: ApiCall, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same through `http_client=` with httpx's MockTransport (or any transport that
    is not httpcore's, such as a WSGI/ASGI app or a proxying transport)."""
    monkeypatch.delenv("POLLINATIONS_API_KEY", raising=False)
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        raise httpx.RemoteProtocolError("Server disconnected without sending a response.")

    transport = httpx.MockTransport(handler)
    pool = (
        httpx.AsyncClient(transport=transport) if h.is_async else httpx.Client(transport=transport)
    )
    try:
        client = h.make(http_client=pool, max_retries=3)
        with pytest.raises(APIConnectionError) as caught:
            await call_once(h, client, call)
    finally:
        if isinstance(pool, httpx.AsyncClient):
            await pool.aclose()
        else:
            pool.close()
    assert len(seen) == 1
    assert h.sleeps == []
    assert_not_repeated(caught.value)


@pytest.mark.parametrize("call", WHOLE_GENERATIONS, ids=[c.name for c in WHOLE_GENERATIONS])
async def test_a_generation_cut_mid_answer_is_raised_at_once_and_never_returned(
    h: Harness, router: respx.MockRouter, call: ApiCall
) -> None:
    route = router.route().mock(side_effect=cut_mid_body)
    client = h.make(max_retries=5)
    result: object = None
    with pytest.raises(IncompleteResponseError) as caught:
        result = await call_once(h, client, call)
    assert result is None
    assert route.call_count == 1
    assert h.sleeps == []
    assert_not_repeated(caught.value)


@pytest.mark.parametrize("call", WHOLE_GENERATIONS, ids=[c.name for c in WHOLE_GENERATIONS])
async def test_a_generation_that_stalls_mid_answer_is_raised_at_once(
    h: Harness, router: respx.MockRouter, call: ApiCall
) -> None:
    route = router.route().mock(side_effect=stalled_mid_body)
    client = h.make(max_retries=5)
    with pytest.raises(APITimeoutError) as caught:
        await call_once(h, client, call)
    assert route.call_count == 1
    assert h.sleeps == []
    assert_not_repeated(caught.value)


@pytest.mark.parametrize("call", STREAMED_GENERATIONS, ids=[c.name for c in STREAMED_GENERATIONS])
async def test_a_stream_cut_mid_way_raises_and_is_not_asked_for_again(
    h: Harness, router: respx.MockRouter, call: ApiCall
) -> None:
    piece = dumps(chat_chunk("piece")) if call.name.startswith("chat") else "piece"

    def cut_stream(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200,
            headers={"content-type": "text/event-stream"},
            stream=ChunkedStream([sse_body(piece)], httpx.RemoteProtocolError("gone")),
        )

    route = router.route().mock(side_effect=cut_stream)
    client = h.make(max_retries=5)
    with pytest.raises(IncompleteResponseError):
        await call_once(h, client, call)
    assert route.call_count == 1
    assert h.sleeps == []


# ------------------------------------------------ not sent: retried, even a generation


@pytest.mark.parametrize(
    "faults",
    [
        (httpx.ConnectError("refused"), httpx.ConnectTimeout("no handshake")),
        (httpx.ConnectTimeout("no handshake"), httpx.ConnectError("refused")),
    ],
    ids=["connect error first", "connect timeout first"],
)
@pytest.mark.parametrize("call", GENERATIONS, ids=GEN_IDS)
async def test_a_generation_that_could_not_connect_is_retried(
    h: Harness, router: respx.MockRouter, call: ApiCall, faults: tuple[Exception, ...]
) -> None:
    route = router.route().mock(side_effect=Failing(*faults))
    client = h.make()
    set_jitter(client, 0.0)
    await call_once(h, client, call)
    assert route.call_count == 3
    assert h.sleeps == [0.5, 1.0]


@pytest.mark.parametrize("fault", [httpx.ConnectError, httpx.ConnectTimeout])
@pytest.mark.parametrize("call", GENERATIONS, ids=GEN_IDS)
async def test_a_generation_that_never_connects_gives_up_after_max_retries(
    h: Harness, router: respx.MockRouter, call: ApiCall, fault: type[Exception]
) -> None:
    route = router.route().mock(side_effect=fault("down"))
    client = h.make(max_retries=3)
    set_jitter(client, 0.0)
    with pytest.raises(APIConnectionError) as caught:
        await call_once(h, client, call)
    assert route.call_count == 4
    assert h.sleeps == [0.5, 1.0, 2.0]
    assert isinstance(caught.value, APITimeoutError) is (fault is httpx.ConnectTimeout)
    assert MAY_HAVE_RUN not in str(caught.value)


# ------------------------------------------ statuses: retried, except 402 (and 4xx)


@pytest.mark.parametrize("call", GENERATIONS, ids=GEN_IDS)
async def test_a_generation_rate_limited_waits_out_retry_after(
    h: Harness, router: respx.MockRouter, call: ApiCall
) -> None:
    limited = gateway_error(429, "RATE_LIMITED", "Too many requests")
    limited.headers["retry-after"] = "3"
    route = router.route().mock(side_effect=Failing(limited))
    client = h.make()
    set_jitter(client, 0.0)
    await call_once(h, client, call)
    assert route.call_count == 2
    assert h.sleeps == [3.0]


@pytest.mark.parametrize("call", GENERATIONS, ids=GEN_IDS)
async def test_a_generation_rate_limited_for_too_long_raises(
    h: Harness, router: respx.MockRouter, call: ApiCall
) -> None:
    limited = gateway_error(429, "RATE_LIMITED", "Too many requests")
    limited.headers["retry-after"] = "600"
    route = router.route().mock(return_value=limited)
    client = h.make(max_retries=5)
    with pytest.raises(RateLimitError):
        await call_once(h, client, call)
    assert route.call_count == 1
    assert h.sleeps == []


@pytest.mark.parametrize("call", GENERATIONS, ids=GEN_IDS)
async def test_a_generation_answered_500_502_503_is_retried(
    h: Harness, router: respx.MockRouter, call: ApiCall
) -> None:
    route = router.route().mock(
        side_effect=Failing(
            gateway_error(500, "INTERNAL_ERROR", "oops"),
            gateway_error(502, "BAD_GATEWAY", "upstream"),
            gateway_error(503, "UNAVAILABLE", "busy"),
        )
    )
    client = h.make(max_retries=3)
    set_jitter(client, 0.0)
    await call_once(h, client, call)
    assert route.call_count == 4
    assert h.sleeps == [0.5, 1.0, 2.0]


@pytest.mark.parametrize("call", GENERATIONS, ids=GEN_IDS)
async def test_a_generation_keeps_failing_with_5xx_raises_after_max_retries(
    h: Harness, router: respx.MockRouter, call: ApiCall
) -> None:
    route = router.route().mock(return_value=gateway_error(503, "UNAVAILABLE", "busy"))
    client = h.make(max_retries=2)
    with pytest.raises(InternalServerError):
        await call_once(h, client, call)
    assert route.call_count == 3


@pytest.mark.parametrize("retry_unsafe", [False, True])
@pytest.mark.parametrize("call", [*GENERATIONS, *FREE_CALLS], ids=[*GEN_IDS, *FREE_IDS])
async def test_402_is_never_retried(
    h: Harness, router: respx.MockRouter, call: ApiCall, retry_unsafe: bool
) -> None:
    payment = gateway_error(402, "PAYMENT_REQUIRED", "Insufficient pollen balance: 0 left")
    payment.headers["retry-after"] = "1"
    route = router.route().mock(return_value=payment)
    client = h.make(max_retries=5, retry_unsafe=retry_unsafe)
    with pytest.raises(PaymentRequiredError) as caught:
        await call_once(h, client, call)
    assert route.call_count == 1
    assert h.sleeps == []
    assert caught.value.exhausted == "balance"


# ------------------------------------------------------------ retry_unsafe: three ways


def unsafe_client(h: Harness, how: str, max_retries: int = 2) -> tuple[Any, dict[str, Any]]:
    """A client that retries unsafe cases, and the per-call keywords that make it so."""
    if how == "client":
        return h.make(max_retries=max_retries, retry_unsafe=True), {}
    if how == "with_options":
        base = h.make(max_retries=max_retries)
        return h.track(base.with_options(retry_unsafe=True)), {}
    assert how == "call"
    return h.make(max_retries=max_retries), {"retry_unsafe": True}


UNSAFE_FAULTS = {
    "read timeout": httpx.ReadTimeout("no answer in time"),
    "cut before the answer": httpx.RemoteProtocolError("Server disconnected"),
    "cut mid-answer": cut_mid_body,
}
HOW = ["client", "with_options", "call"]


@pytest.mark.parametrize("how", HOW)
@pytest.mark.parametrize("fault", sorted(UNSAFE_FAULTS))
@pytest.mark.parametrize("call", WHOLE_GENERATIONS, ids=[c.name for c in WHOLE_GENERATIONS])
async def test_retry_unsafe_retries_a_lost_generation(
    h: Harness, router: respx.MockRouter, call: ApiCall, fault: str, how: str
) -> None:
    route = router.route().mock(side_effect=Failing(UNSAFE_FAULTS[fault], UNSAFE_FAULTS[fault]))
    client, extra = unsafe_client(h, how)
    set_jitter(client, 0.0)
    result = await call_once(h, client, call, **extra)
    assert result is not None
    assert route.call_count == 3
    assert h.sleeps == [0.5, 1.0]


@pytest.mark.parametrize("how", HOW)
@pytest.mark.parametrize("call", GENERATIONS, ids=GEN_IDS)
async def test_retry_unsafe_gives_up_after_max_retries_without_the_warning(
    h: Harness, router: respx.MockRouter, call: ApiCall, how: str
) -> None:
    route = router.route().mock(side_effect=httpx.ReadTimeout("no answer in time"))
    client, extra = unsafe_client(h, how, max_retries=3)
    with pytest.raises(APITimeoutError) as caught:
        await call_once(h, client, call, **extra)
    assert route.call_count == 4
    assert len(h.sleeps) == 3
    assert MAY_HAVE_RUN not in str(caught.value)


@pytest.mark.parametrize("how", ["client", "with_options"])
@pytest.mark.parametrize("call", GENERATIONS, ids=GEN_IDS)
async def test_retry_unsafe_false_per_call_wins_over_the_client(
    h: Harness, router: respx.MockRouter, call: ApiCall, how: str
) -> None:
    route = router.route().mock(side_effect=httpx.ReadTimeout("no answer in time"))
    client, _ = unsafe_client(h, how, max_retries=3)
    with pytest.raises(APITimeoutError) as caught:
        await call_once(h, client, call, retry_unsafe=False)
    assert route.call_count == 1
    assert h.sleeps == []
    assert_not_repeated(caught.value)


@pytest.mark.parametrize("call", GENERATIONS, ids=GEN_IDS)
async def test_with_options_retry_unsafe_false_wins_over_the_client(
    h: Harness, router: respx.MockRouter, call: ApiCall
) -> None:
    route = router.route().mock(side_effect=httpx.ReadTimeout("no answer in time"))
    client = h.make(max_retries=3, retry_unsafe=True)
    copy = h.track(client.with_options(retry_unsafe=False))
    with pytest.raises(APITimeoutError):
        await call_once(h, copy, call)
    assert route.call_count == 1


async def test_retry_unsafe_must_be_a_bool_for_the_client(
    h: Harness, router: respx.MockRouter
) -> None:
    with pytest.raises(InvalidParameterError) as caught:
        h.make(retry_unsafe="yes")
    assert caught.value.field == "retry_unsafe"
    client = h.make()
    one: Any = 1
    with pytest.raises(InvalidParameterError) as caught:
        client.with_options(retry_unsafe=one)
    assert caught.value.field == "retry_unsafe"
    assert not router.calls


@pytest.mark.parametrize("value", ["false", 1], ids=["the string false", "the int 1"])
@pytest.mark.parametrize("name", ["images.generate", "audio.speech.create"])
async def test_retry_unsafe_must_be_a_bool_per_call(
    h: Harness, router: respx.MockRouter, name: str, value: Any
) -> None:
    """As for the client and with_options: `retry_unsafe="false"` must not read as true
    and repeat a generation that may have been billed."""
    route = router.route().mock(side_effect=answer_everything)
    client = h.make()
    with pytest.raises(InvalidParameterError) as caught:
        await call_once(h, client, API_CALLS_BY_NAME[name], retry_unsafe=value)
    assert caught.value.field == "retry_unsafe"
    assert route.call_count == 0


# ----------------------------------------------- listings and account: retry everything


FREE_FAULTS = {
    "read timeout": httpx.ReadTimeout("no answer in time"),
    "cut before the answer": httpx.RemoteProtocolError("Server disconnected"),
    "read error": httpx.ReadError("reset"),
    "cut mid-answer": cut_mid_body,
    "stalled mid-answer": stalled_mid_body,
    "connect error": httpx.ConnectError("refused"),
    "connect timeout": httpx.ConnectTimeout("no handshake"),
    "429": gateway_error(429, "RATE_LIMITED", "slow down"),
    "500": gateway_error(500, "INTERNAL_ERROR", "oops"),
    "502": gateway_error(502, "BAD_GATEWAY", "upstream"),
    "503": gateway_error(503, "UNAVAILABLE", "busy"),
}


@pytest.mark.parametrize("fault", sorted(FREE_FAULTS))
@pytest.mark.parametrize("call", FREE_CALLS, ids=FREE_IDS)
async def test_listings_and_account_calls_retry_everything(
    h: Harness, router: respx.MockRouter, call: ApiCall, fault: str
) -> None:
    route = router.route().mock(side_effect=Failing(FREE_FAULTS[fault], FREE_FAULTS[fault]))
    client = h.make()
    set_jitter(client, 0.0)
    result = await call_once(h, client, call)
    assert result is not None
    assert route.call_count == 3
    assert h.sleeps == [0.5, 1.0]


@pytest.mark.parametrize("call", FREE_CALLS, ids=FREE_IDS)
async def test_a_listing_that_keeps_timing_out_gives_up_after_max_retries(
    h: Harness, router: respx.MockRouter, call: ApiCall
) -> None:
    route = router.route().mock(side_effect=httpx.ReadTimeout("no answer in time"))
    client = h.make(max_retries=4)
    with pytest.raises(APITimeoutError) as caught:
        await call_once(h, client, call)
    assert route.call_count == 5
    assert MAY_HAVE_RUN not in str(caught.value)


# ------------------------------------------------------- PaymentRequiredError.exhausted


EXHAUSTED = [
    ("Insufficient pollen balance: image generation costs 1 pollen", "balance"),
    ("INSUFFICIENT POLLEN BALANCE", "balance"),
    ("API key budget exhausted: text generation costs 0.1 pollen", "key_budget"),
    ("api key budget exhausted", "key_budget"),
    ("Payment required", None),
    ("API key budget exhausted and insufficient pollen balance", None),
    ("", None),
]


@pytest.mark.parametrize(("message", "exhausted"), EXHAUSTED)
@pytest.mark.parametrize(
    "name", ["images.generate", "chat.completions.create", "audio.speech.create", "account.key"]
)
async def test_payment_required_says_what_ran_out(
    h: Harness, router: respx.MockRouter, name: str, message: str, exhausted: str | None
) -> None:
    answer = gateway_error(402, "PAYMENT_REQUIRED", message) if message else httpx.Response(402)
    router.route().mock(return_value=answer)
    client = h.make(max_retries=3)
    with pytest.raises(PaymentRequiredError) as caught:
        await call_once(h, client, API_CALLS_BY_NAME[name])
    assert caught.value.exhausted == exhausted
    assert caught.value.status_code == 402
    assert caught.value.server_message == (message or None)


async def test_exhausted_reads_the_servers_message_not_the_code(
    h: Harness, router: respx.MockRouter
) -> None:
    body = {
        "status": 402,
        "success": False,
        "error": {"code": "KEY_BUDGET_EXHAUSTED", "message": "Insufficient pollen balance"},
    }
    router.route().mock(return_value=httpx.Response(402, json=body))
    client = h.make()
    with pytest.raises(PaymentRequiredError) as caught:
        await h.run(client.images.generate("a cat"))
    assert caught.value.exhausted == "balance"


# -------------------------------------------------- the same on real connections


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[FaultServer]:
    monkeypatch.delenv("POLLINATIONS_API_KEY", raising=False)
    monkeypatch.delenv("POLLINATIONS_BASE_URL", raising=False)
    with FaultServer() as running:
        yield running
    assert running.errors == []


def success(call: ApiCall) -> Action:
    """A whole, good answer to `call`, as the real server sends it."""
    name = call.name
    if name == "images.generate":
        return respond(200, PNG, content_type="image/png")
    if name.startswith(("audio.speech", "audio.generate")):
        return respond(200, MP3, content_type="audio/mpeg")
    if name.startswith("audio.transcriptions"):
        return respond(200, b'{"text": "hi"}', content_type="application/json")
    if name == "text.generate":
        return respond(200, b"hi")
    if call.stream:
        events = b"data: " + json.dumps(chat_completion()).encode() + b"\n\ndata: [DONE]\n\n"
        if name == "text.stream":
            events = b"data: hi\n\ndata: [DONE]\n\n"
        return respond(200, events, content_type="text/event-stream")
    return respond(200, json.dumps(chat_completion()).encode(), content_type="application/json")


def on_server(h: Harness, server: FaultServer, **overrides: Any) -> Any:
    return h.make(api_key=KEY, base_url=server.url, **overrides)


REAL_FAULTS: dict[str, Action] = {
    "closed before any byte": close(),
    "headers then close": short_body(b"", content_type="application/octet-stream", announced=64),
    "half the body": short_body(
        b"\x00" * 32, content_type="application/octet-stream", announced=64
    ),
}


#: Every generation with every fault; a stream's body is read as it is iterated, so for
#: streams only the connection closed before any answer is a fault of the call itself.
REAL_CASES = [
    pytest.param(call, fault, id=f"{call.name}-{fault}")
    for call in GENERATIONS
    for fault in sorted(REAL_FAULTS)
    if not call.stream or fault == "closed before any byte"
]


@pytest.mark.parametrize(("call", "fault"), REAL_CASES)
async def test_on_a_real_connection_a_lost_generation_is_not_repeated(
    h: Harness, server: FaultServer, call: ApiCall, fault: str
) -> None:
    server.script(*[REAL_FAULTS[fault]] * 3)
    client = on_server(h, server, max_retries=2)
    with pytest.raises(APIConnectionError) as caught:
        await call_once(h, client, call)
    assert len(server.requests) == 1
    assert h.sleeps == []
    assert_not_repeated(caught.value)


@pytest.mark.parametrize("call", GENERATIONS, ids=GEN_IDS)
async def test_on_a_real_connection_a_stalled_generation_times_out_once(
    h: Harness, server: FaultServer, call: ApiCall
) -> None:
    server.script(*[stall(2.0)] * 3)
    client = on_server(h, server, max_retries=2)
    with pytest.raises(APITimeoutError) as caught:
        await call_once(h, client, call, timeout=httpx.Timeout(5.0, read=0.2))
    assert len(server.requests) == 1
    assert_not_repeated(caught.value)


@pytest.mark.parametrize("how", HOW)
@pytest.mark.parametrize("call", GENERATIONS, ids=GEN_IDS)
async def test_on_a_real_connection_retry_unsafe_repeats_a_lost_generation(
    h: Harness, server: FaultServer, call: ApiCall, how: str
) -> None:
    server.script(close(), close(), success(call))
    client, extra = unsafe_client(h, how)
    client = h.track(client.with_options(base_url=server.url, api_key=KEY))
    result = await call_once(h, client, call, **extra)
    assert result is not None
    assert len(server.requests) == 3
    assert len(h.sleeps) == 2


@pytest.mark.parametrize("call", GENERATIONS, ids=GEN_IDS)
async def test_on_a_real_connection_a_generation_after_a_503_is_retried(
    h: Harness, server: FaultServer, call: ApiCall
) -> None:
    busy = json.dumps({"status": 503, "success": False, "error": {"message": "busy"}})
    server.script(
        respond(503, busy.encode(), content_type="application/json", headers={"Retry-After": "0"}),
        success(call),
    )
    client = on_server(h, server)
    await call_once(h, client, call)
    assert len(server.requests) == 2
    assert h.sleeps == [0.0]


@pytest.mark.parametrize("call", GENERATIONS, ids=GEN_IDS)
async def test_on_a_real_connection_402_is_never_retried(
    h: Harness, server: FaultServer, call: ApiCall
) -> None:
    body = json.dumps(
        {
            "status": 402,
            "success": False,
            "error": {"code": "PAYMENT_REQUIRED", "message": "API key budget exhausted"},
        }
    )
    server.script(*[respond(402, body.encode(), content_type="application/json")] * 6)
    client = on_server(h, server, max_retries=5, retry_unsafe=True)
    with pytest.raises(APIStatusError) as caught:
        await call_once(h, client, call)
    assert isinstance(caught.value, PaymentRequiredError)
    assert caught.value.exhausted == "key_budget"
    assert len(server.requests) == 1
