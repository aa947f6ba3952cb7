"""Raw responses (`with_raw_response`) for every method, and the request id on every
parsed result.

Each test runs against both `Pollinations` and `AsyncPollinations` (see `Harness`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
import respx
from _custom_helpers import (
    API_CALLS,
    API_CALLS_BY_NAME,
    KEY,
    MP3,
    PNG,
    USER_MESSAGES,
    ApiCall,
    Harness,
    answer_everything,
    chat_chunk,
    dumps,
    gateway_error,
    set_jitter,
    sse_body,
    sse_response,
)

from pollinations_client.custom import (
    APIResponse,
    APIResponseValidationError,
    AsyncStream,
    AudioResult,
    ImageResult,
    IncompleteResponseError,
    InternalServerError,
    ListResult,
    PaymentRequiredError,
    PollinationsError,
    RateLimitError,
    Stream,
    TextResult,
)
from pollinations_client.models import (
    Balance,
    ChatCompletion,
    ChatCompletionChunk,
    DailyUsageResponse,
    KeyInfo,
    Model,
    ModelInfo,
    Transcription,
    UsageResponse,
    UserProfile,
)

pytestmark = pytest.mark.anyio

CALL_IDS = [call.name for call in API_CALLS]
NOT_STREAMED = [call for call in API_CALLS if not call.stream]
STREAMED = [call for call in API_CALLS if call.stream]

#: What each method returns (and so what `.parse()` of its raw response gives).
RESULT_TYPES: dict[str, type] = {
    "images.generate": ImageResult,
    "text.generate": TextResult,
    "text.stream": Stream,
    "chat.completions.create": ChatCompletion,
    "chat.completions.create(stream)": Stream,
    "models.list": ListResult,
    "models.text": ListResult,
    "models.image": ListResult,
    "models.audio": ListResult,
    "account.balance": Balance,
    "account.profile": UserProfile,
    "account.key": KeyInfo,
    "account.usage": UsageResponse,
    "account.usage_csv": TextResult,
    "account.usage_daily": DailyUsageResponse,
    "account.usage_daily_csv": TextResult,
    "audio.speech.create": AudioResult,
    "audio.transcriptions.create": Transcription,
    "audio.generate": AudioResult,
}
#: The type of the items of list results.
ITEM_TYPES: dict[str, type] = {
    "models.list": Model,
    "models.text": ModelInfo,
    "models.image": ModelInfo,
    "models.audio": ModelInfo,
}


#: The calls whose parse can refuse a body (a text answer takes any text).
PARSED = [call for call in NOT_STREAMED if RESULT_TYPES[call.name] is not TextResult]


def expected_type(h: Harness, call: ApiCall) -> type:
    found = RESULT_TYPES[call.name]
    if found is Stream and h.is_async:
        return AsyncStream
    return found


def is_exactly(value: object, cls: type) -> bool:
    """`type(value) is cls` (a function, so that type checkers keep `value` as it was)."""
    return type(value) is cls


def labelled(request: httpx.Request) -> httpx.Response:
    """`answer_everything`, with a request id and the model that answered."""
    response = answer_everything(request)
    response.headers["x-request-id"] = "req-raw-1"
    response.headers["x-model-used"] = "model-that-answered"
    return response


@pytest.fixture
def everything(router: respx.MockRouter) -> respx.Route:
    return router.route().mock(side_effect=labelled)


def raw_views(client: Any, call: ApiCall) -> dict[str, Any]:
    """Every way to reach the raw twin of `call`'s method, by how it is written."""
    first, *rest = call.path
    views = {
        "client.with_raw_response": ApiCall(
            call.name, ("with_raw_response", *call.path), call.http_method, call.url_path
        ),
        "client.resource.with_raw_response": ApiCall(
            call.name, (first, "with_raw_response", *rest), call.http_method, call.url_path
        ),
    }
    return {label: view.method(client) for label, view in views.items()}


async def raw_call(h: Harness, method: Callable[..., Any], call: ApiCall, **extra: Any) -> Any:
    return await h.run(method(*call.args, **{**call.kwargs, **extra}))


async def finish(h: Harness, result: Any) -> Any:
    if isinstance(result, (Stream, AsyncStream)):
        return await h.collect(result)
    return result


# ------------------------------------------------------------------ the raw response


@pytest.mark.parametrize("view", ["client.with_raw_response", "client.resource.with_raw_response"])
@pytest.mark.parametrize("call", API_CALLS, ids=CALL_IDS)
async def test_a_raw_call_answers_an_api_response_with_status_and_headers(
    h: Harness, everything: respx.Route, call: ApiCall, view: str
) -> None:
    client = h.make()
    method = raw_views(client, call)[view]
    response = await raw_call(h, method, call)
    assert isinstance(response, APIResponse)
    assert everything.call_count == 1
    request = everything.calls.last.request
    assert request.method == call.http_method
    assert request.url.raw_path.partition(b"?")[0] == call.url_path.encode()
    assert response.status_code == 200
    assert isinstance(response.headers, httpx.Headers)
    assert response.headers["x-request-id"] == "req-raw-1"
    assert response.headers["x-model-used"] == "model-that-answered"
    assert response.request_id == "req-raw-1"
    assert response.model_used == "model-that-answered"
    assert response.http_response.request is request or (
        response.http_response.request.url == request.url
    )
    parsed = response.parse()
    assert type(parsed) is expected_type(h, call)
    assert response.parse() is parsed  # parsed once, then kept
    await finish(h, parsed)


@pytest.mark.parametrize("call", NOT_STREAMED, ids=[c.name for c in NOT_STREAMED])
async def test_parse_gives_what_the_normal_call_returns(
    h: Harness, everything: respx.Route, call: ApiCall
) -> None:
    client = h.make()
    normal = await h.run(call.call(client))
    raw = await h.run(call.call(client.with_raw_response))
    parsed: Any = raw.parse()
    assert is_exactly(parsed, RESULT_TYPES[call.name])
    assert is_exactly(normal, RESULT_TYPES[call.name])
    assert parsed == normal
    if call.name in ITEM_TYPES:
        assert len(parsed) > 0
        assert all(type(item) is ITEM_TYPES[call.name] for item in parsed)
    assert parsed._request_id == normal._request_id == "req-raw-1"
    assert everything.call_count == 2


@pytest.mark.parametrize("call", PARSED, ids=[c.name for c in PARSED])
async def test_parse_is_lazy_and_a_bad_body_raises_only_then(
    h: Harness, router: respx.MockRouter, call: ApiCall
) -> None:
    """The raw response is there to look at whatever came back; parsing judges the body."""
    route = router.route().mock(
        return_value=httpx.Response(
            200, content=b"\x00not what you expect", headers={"content-type": "application/json"}
        )
    )
    client = h.make()
    raw = await h.run(call.call(client.with_raw_response))
    assert raw.status_code == 200
    assert raw.content == b"\x00not what you expect"
    with pytest.raises(APIResponseValidationError):
        raw.parse()
    assert route.call_count == 1


async def test_the_raw_body_of_a_binary_answer_is_there_unparsed(
    h: Harness, everything: respx.Route
) -> None:
    client = h.make()
    image = await h.run(client.with_raw_response.images.generate("a cat"))
    speech = await h.run(client.with_raw_response.audio.speech.create(input="hi"))
    assert image.content == PNG
    assert image.headers["content-type"] == "image/png"
    assert speech.content == MP3
    assert speech.parse().content == MP3
    assert speech.parse().request_id == "req-raw-1"


@pytest.mark.parametrize(
    "path",
    [
        ("chat", "completions", "with_raw_response", "create"),
        ("audio", "speech", "with_raw_response", "create"),
        ("audio", "transcriptions", "with_raw_response", "create"),
    ],
    ids=lambda path: ".".join(path),
)
async def test_sub_resources_have_their_own_raw_view(
    h: Harness, everything: respx.Route, path: tuple[str, ...]
) -> None:
    """As openai has it: `client.audio.speech.with_raw_response.create(...)`, like
    `client.chat.completions.with_raw_response.create(...)` here."""
    name = ".".join(p for p in path if p != "with_raw_response")
    call = API_CALLS_BY_NAME[name]
    client = h.make()
    method = ApiCall(name, path, call.http_method, call.url_path).method(client)
    response = await raw_call(h, method, call)
    assert isinstance(response, APIResponse)
    assert type(response.parse()) is RESULT_TYPES[name]


async def test_raw_transcription_text_format_parses_as_text(
    h: Harness, router: respx.MockRouter
) -> None:
    router.post("/v1/audio/transcriptions").mock(
        return_value=httpx.Response(200, text="hello", headers={"x-request-id": "r-t"})
    )
    client = h.make()
    # The raw view's signature is the first overload's (text formats are the second).
    create: Any = client.with_raw_response.audio.transcriptions.create
    raw = await h.run(create(file=("a.mp3", MP3), response_format="text"))
    parsed = raw.parse()
    assert type(parsed) is TextResult
    assert parsed == "hello"
    assert parsed._request_id == "r-t"


# ------------------------------------------------------------------------- errors


@pytest.mark.parametrize("call", API_CALLS, ids=CALL_IDS)
async def test_a_raw_call_still_raises_the_typed_error(
    h: Harness, router: respx.MockRouter, call: ApiCall
) -> None:
    route = router.route().mock(
        return_value=gateway_error(402, "PAYMENT_REQUIRED", "Insufficient pollen balance")
    )
    client = h.make(max_retries=5)
    with pytest.raises(PaymentRequiredError) as caught:
        await h.run(call.call(client.with_raw_response))
    assert caught.value.status_code == 402
    assert caught.value.request_id == "req-err-1"
    assert caught.value.exhausted == "balance"
    assert route.call_count == 1
    assert h.sleeps == []


@pytest.mark.parametrize("call", API_CALLS, ids=CALL_IDS)
async def test_a_raw_call_is_retried_like_a_normal_one(
    h: Harness, router: respx.MockRouter, call: ApiCall
) -> None:
    failures = [
        gateway_error(429, "RATE_LIMITED", "slow down"),
        gateway_error(503, "UNAVAILABLE", "busy"),
    ]
    route = router.route().mock(
        side_effect=lambda request: failures.pop(0) if failures else labelled(request)
    )
    client = h.make()
    set_jitter(client, 0.0)
    raw = await h.run(call.call(client.with_raw_response))
    assert raw.status_code == 200
    assert route.call_count == 3
    assert h.sleeps == [0.5, 1.0]
    await finish(h, raw.parse())


@pytest.mark.parametrize(
    ("status", "cls"), [(429, RateLimitError), (500, InternalServerError)], ids=["429", "500"]
)
@pytest.mark.parametrize("call", API_CALLS, ids=CALL_IDS)
async def test_a_raw_call_raises_once_the_retries_are_spent(
    h: Harness, router: respx.MockRouter, call: ApiCall, status: int, cls: type[Exception]
) -> None:
    route = router.route().mock(return_value=gateway_error(status, "E", "no"))
    client = h.make(max_retries=1)
    with pytest.raises(cls):
        await h.run(call.call(client.with_raw_response))
    assert route.call_count == 2


# ------------------------------------------------------------------------ streams


@pytest.mark.parametrize("call", STREAMED, ids=[c.name for c in STREAMED])
async def test_a_raw_stream_parses_to_the_stream_which_reads_the_body(
    h: Harness, router: respx.MockRouter, call: ApiCall
) -> None:
    if call.name.startswith("chat"):
        body = sse_body(dumps(chat_chunk("Hel")), dumps(chat_chunk("lo")), "[DONE]")
    else:
        body = sse_body("Hel", "lo", "[DONE]")
    route = router.route().mock(
        side_effect=lambda request: httpx.Response(
            200,
            headers={
                "content-type": "text/event-stream",
                "x-request-id": "req-stream",
                "x-model-used": "openai-fast",
            },
            stream=sse_response([body]).stream,
        )
    )
    client = h.make()
    raw = await h.run(call.call(client.with_raw_response))
    assert raw.status_code == 200
    assert raw.request_id == "req-stream"
    assert raw.model_used == "openai-fast"
    assert raw.headers["content-type"] == "text/event-stream"
    for attribute in ("content", "text"):  # a clear error, not httpx's ResponseNotRead
        with pytest.raises(PollinationsError, match="streamed answer") as caught:
            getattr(raw, attribute)
        assert caught.value.__cause__ is None and caught.value.__suppress_context__
    stream = raw.parse()
    assert type(stream) is expected_type(h, call)
    assert raw.parse() is stream
    assert not stream.response.is_closed  # nothing read before the caller iterates
    items = await h.collect(stream)
    if call.name.startswith("chat"):
        assert all(isinstance(item, ChatCompletionChunk) for item in items)
        assert [item.choices[0].delta.content for item in items] == ["Hel", "lo"]
    else:
        assert items == ["Hel", "lo"]
    assert stream.done
    assert stream.response.is_closed
    assert route.call_count == 1


async def test_a_raw_stream_cut_short_raises_while_iterating(
    h: Harness, router: respx.MockRouter
) -> None:
    router.post("/v1/chat/completions").mock(
        side_effect=lambda request: sse_response([sse_body(dumps(chat_chunk("Hel")))])
    )
    client = h.make()
    # The raw view's signature is the first overload's (stream=True is the second).
    create: Any = client.with_raw_response.chat.completions.create
    raw = await h.run(create(messages=USER_MESSAGES, stream=True))
    with pytest.raises(IncompleteResponseError):
        await h.collect(raw.parse())


# --------------------------------------------------------- request ids on every result


@pytest.mark.parametrize("call", NOT_STREAMED, ids=[c.name for c in NOT_STREAMED])
async def test_every_parsed_result_carries_the_request_id(
    h: Harness, everything: respx.Route, call: ApiCall
) -> None:
    client = h.make()
    result: Any = await h.run(call.call(client))
    assert is_exactly(result, RESULT_TYPES[call.name])
    assert result._request_id == "req-raw-1"
    if isinstance(result, (ImageResult, AudioResult)):
        assert result.request_id == "req-raw-1"


@pytest.mark.parametrize("call", STREAMED, ids=[c.name for c in STREAMED])
async def test_a_stream_carries_the_request_id_too(
    h: Harness, everything: respx.Route, call: ApiCall
) -> None:
    client = h.make()
    stream: Any = await h.run(call.call(client))
    assert stream._request_id == "req-raw-1"
    await h.collect(stream)


@pytest.mark.parametrize("call", NOT_STREAMED, ids=[c.name for c in NOT_STREAMED])
async def test_a_result_without_a_request_id_says_none(
    h: Harness, router: respx.MockRouter, call: ApiCall
) -> None:
    router.route().mock(side_effect=answer_everything)
    client = h.make()
    result = await h.run(call.call(client))
    assert result._request_id is None


async def test_each_result_keeps_its_own_request_id(h: Harness, router: respx.MockRouter) -> None:
    """Request ids are per answer: results of the same kind never share one."""
    ids = iter(["first", "second"])

    def answer(request: httpx.Request) -> httpx.Response:
        response = answer_everything(request)
        response.headers["x-request-id"] = next(ids)
        return response

    router.route().mock(side_effect=answer)
    client = h.make()
    one = await h.run(client.text.generate("hi"))
    two = await h.run(client.text.generate("hi"))
    assert (one._request_id, two._request_id) == ("first", "second")
    assert TextResult._rid is None


# ------------------------------------------------------------------------ secrets


@pytest.mark.parametrize("auth", ["header", "query"])
@pytest.mark.parametrize("call", API_CALLS, ids=CALL_IDS)
async def test_the_api_key_never_appears_in_the_repr_of_a_raw_response(
    h: Harness, router: respx.MockRouter, call: ApiCall, auth: str
) -> None:
    def echo_the_key(request: httpx.Request) -> httpx.Response:
        response = labelled(request)
        response.headers["x-echo"] = KEY
        return response

    router.route().mock(side_effect=echo_the_key)
    client = h.make(auth=auth)
    raw = await h.run(call.call(client.with_raw_response))
    text = repr(raw)
    assert KEY not in text
    assert text.startswith("<APIResponse [200")
    assert "req-raw-1" in text
    await finish(h, raw.parse())


async def test_the_repr_of_an_error_raw_response_never_shows_the_key(
    h: Harness, router: respx.MockRouter
) -> None:
    router.route().mock(
        return_value=httpx.Response(
            200,
            content=f"not json, but the key: {KEY}".encode(),
            headers={"x-echo": KEY, "content-type": "application/json"},
        )
    )
    client = h.make(auth="query")
    raw = await h.run(client.with_raw_response.account.balance())
    assert KEY not in repr(raw)
    with pytest.raises(APIResponseValidationError) as caught:
        raw.parse()
    assert KEY not in str(caught.value)
    assert "not json, but the key" in str(caught.value)
