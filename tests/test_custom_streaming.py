"""Server-sent events: parsing, completeness, closing, errors in the stream, tool calls."""

from __future__ import annotations

import gc
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import respx
from _custom_helpers import (
    BASE_URL,
    Client,
    Harness,
    chat_chunk,
    dumps,
    split_every,
    sse_body,
    sse_response,
)

from pollinations_client.custom import (
    APIError,
    APITimeoutError,
    AsyncStream,
    IncompleteResponseError,
    Pollinations,
    PollinationsError,
    Stream,
    ToolCallAccumulator,
)
from pollinations_client.models import ChatCompletionChunk, ToolCall

pytestmark = pytest.mark.anyio

MESSAGES = [{"role": "user", "content": "hi"}]


def serve_chat(
    router: respx.MockRouter, chunks: list[bytes], error: Exception | None = None
) -> respx.Route:
    return router.post("/v1/chat/completions").mock(
        side_effect=lambda request: sse_response(chunks, error=error)
    )


def serve_text(
    router: respx.MockRouter, chunks: list[bytes], error: Exception | None = None
) -> respx.Route:
    return router.get(path__startswith="/text/").mock(
        side_effect=lambda request: sse_response(chunks, error=error)
    )


async def chat_stream(h: Harness, client: Client) -> Stream[Any] | AsyncStream[Any]:
    stream = await h.run(client.chat.completions.create(messages=MESSAGES, stream=True))
    assert isinstance(stream, AsyncStream if h.is_async else Stream)
    return stream


async def text_stream(h: Harness, client: Client) -> Stream[Any] | AsyncStream[Any]:
    stream = await h.run(client.text.stream("hi"))
    assert isinstance(stream, AsyncStream if h.is_async else Stream)
    return stream


def contents(chunks: list[ChatCompletionChunk]) -> list[Any]:
    return [chunk.choices[0].delta.content for chunk in chunks]


CHAT_BODY = sse_body(
    dumps(chat_chunk("Hé")),
    dumps(chat_chunk("llo ☕ wörld")),
    dumps(chat_chunk("!", finish_reason="stop")),
    "[DONE]",
)


# ----------------------------------------------------------------------- SSE parsing


@pytest.mark.parametrize("size", [1, 2, 3, 5, 7, 16, 64, 10_000])
async def test_events_split_across_arbitrary_chunk_boundaries(
    h: Harness, router: respx.MockRouter, size: int
) -> None:
    serve_chat(router, split_every(CHAT_BODY, size))
    client = h.make()
    chunks = await h.collect(await chat_stream(h, client))
    assert contents(chunks) == ["Hé", "llo ☕ wörld", "!"]


@pytest.mark.parametrize("size", [1, 2, 3, 7, 10_000])
async def test_crlf_line_endings(h: Harness, router: respx.MockRouter, size: int) -> None:
    body = sse_body(dumps(chat_chunk("a")), dumps(chat_chunk("b")), "[DONE]", newline="\r\n")
    assert b"\r\n\r\n" in body
    serve_chat(router, split_every(body, size))
    client = h.make()
    chunks = await h.collect(await chat_stream(h, client))
    assert contents(chunks) == ["a", "b"]


async def test_every_two_piece_split_of_a_stream(h: Harness, router: respx.MockRouter) -> None:
    body = sse_body(dumps(chat_chunk("x")), "[DONE]", newline="\r\n")
    client = h.make()
    for cut in range(1, len(body)):
        route = serve_chat(router, [body[:cut], body[cut:]])
        chunks = await h.collect(await chat_stream(h, client))
        assert contents(chunks) == ["x"], cut
        assert route.call_count == 1
        router.routes.clear()


async def test_multi_line_data_comments_and_other_fields(
    h: Harness, router: respx.MockRouter
) -> None:
    body = (
        b": this is a comment\n"
        b":keep-alive\n"
        b"\n"
        b"id: 1\n"
        b"event: message\n"
        b"data: first line\n"
        b"data:second line\n"
        b"data:  indented\n"
        b"retry: 1000\n"
        b"\n"
        b"\n"
        b": another comment\n"
        b"data: [DONE]\n"
        b"\n"
    )
    serve_text(router, split_every(body, 4))
    client = h.make()
    stream = await text_stream(h, client)
    assert await h.collect(stream) == ["first line\nsecond line\n indented"]
    assert stream.done


async def test_multi_line_json_event(h: Harness, router: respx.MockRouter) -> None:
    pretty = json.dumps(chat_chunk("multi"), indent=2)
    assert "\n" in pretty
    serve_chat(router, [sse_body(pretty, "[DONE]")])
    client = h.make()
    assert contents(await h.collect(await chat_stream(h, client))) == ["multi"]


async def test_done_ends_the_stream_and_nothing_after_it_is_read(
    h: Harness, router: respx.MockRouter
) -> None:
    body = sse_body(dumps(chat_chunk("a")), "[DONE]", dumps(chat_chunk("ignored")), "{broken")
    serve_chat(router, [body])
    client = h.make()
    stream = await chat_stream(h, client)
    assert contents(await h.collect(stream)) == ["a"]
    assert stream.done
    assert stream.response.is_closed


async def test_done_without_a_final_blank_line(h: Harness, router: respx.MockRouter) -> None:
    serve_chat(router, [sse_body(dumps(chat_chunk("a"))) + b"data: [DONE]"])
    client = h.make()
    stream = await chat_stream(h, client)
    assert contents(await h.collect(stream)) == ["a"]
    assert stream.done


async def test_line_separators_inside_data_are_not_line_breaks(
    h: Harness, router: respx.MockRouter
) -> None:
    """SSE lines end at CR, LF or CRLF only. JSON may carry U+2028, U+2029 and U+0085
    unescaped; a chunk that contains them must arrive whole."""
    text = "one\u2028two\u2029three\x85four"
    body = sse_body(dumps(chat_chunk(text)), "[DONE]")
    assert "\u2028".encode() in body
    serve_chat(router, [body])
    client = h.make()
    assert contents(await h.collect(await chat_stream(h, client))) == [text]


async def test_plain_text_events_with_line_separators(h: Harness, router: respx.MockRouter) -> None:
    serve_text(router, [sse_body("a\u2028b", "[DONE]")])
    client = h.make()
    assert await h.collect(await text_stream(h, client)) == ["a\u2028b"]


# ------------------------------------------------------------------------ incomplete


def case_of(body: bytes) -> str:
    return "empty" if not body else ("no-done" if body.endswith(b"\n\n") else "no-final-newline")


@pytest.mark.parametrize(
    "body",
    [
        sse_body(dumps(chat_chunk("a")), dumps(chat_chunk("b"))),
        sse_body(dumps(chat_chunk("a")), dumps(chat_chunk("b")))[:-1],
        b"",
    ],
    ids=["no-done", "no-final-newline", "empty"],
)
async def test_chat_stream_without_done_is_incomplete(
    h: Harness, router: respx.MockRouter, body: bytes
) -> None:
    serve_chat(router, [body] if body else [])
    client = h.make()
    stream = await chat_stream(h, client)
    received: list[ChatCompletionChunk] = []
    with pytest.raises(IncompleteResponseError) as caught:
        async for chunk in _aiter(stream):
            received.append(chunk)
    # "b" without its blank line may be cut itself: it is not dispatched, as the
    # event-stream format says (a cut gzip stream ends that way, mid-event)
    whole = {"no-done": ["a", "b"], "no-final-newline": ["a"], "empty": []}
    assert contents(received) == whole[case_of(body)]
    assert isinstance(caught.value, PollinationsError)
    assert "[DONE]" in str(caught.value)
    assert not stream.done
    assert stream.response.is_closed


async def test_text_stream_without_done_is_incomplete(h: Harness, router: respx.MockRouter) -> None:
    serve_text(router, [sse_body("Once upon", " a time")])
    client = h.make()
    stream = await text_stream(h, client)
    received: list[str] = []
    with pytest.raises(IncompleteResponseError):
        async for piece in _aiter(stream):
            received.append(piece)
    assert received == ["Once upon", " a time"]


async def test_connection_broken_mid_stream(h: Harness, router: respx.MockRouter) -> None:
    serve_chat(router, [sse_body(dumps(chat_chunk("a")))], error=httpx.ReadError("reset"))
    client = h.make()
    stream = await chat_stream(h, client)
    received: list[ChatCompletionChunk] = []
    with pytest.raises(IncompleteResponseError) as caught:
        async for chunk in _aiter(stream):
            received.append(chunk)
    assert contents(received) == ["a"]
    assert isinstance(caught.value.__cause__, httpx.ReadError)
    assert stream.response.is_closed


async def test_timeout_mid_stream(h: Harness, router: respx.MockRouter) -> None:
    serve_text(router, [sse_body("a")], error=httpx.ReadTimeout("slow"))
    client = h.make()
    stream = await text_stream(h, client)
    with pytest.raises(APITimeoutError):
        await h.collect(stream)


async def _aiter(stream: Stream[Any] | AsyncStream[Any]) -> AsyncIterator[Any]:
    """Iterate a sync or async stream from an async test, one item at a time."""
    if isinstance(stream, AsyncStream):
        async for item in stream:
            yield item
    else:
        for item in stream:
            yield item


# --------------------------------------------------------------------------- closing


def _endless_body() -> list[bytes]:
    return [sse_body(dumps(chat_chunk(str(i)))) for i in range(50)] + [sse_body("[DONE]")]


async def test_breaking_out_of_a_with_block_closes_the_response(
    h: Harness, router: respx.MockRouter
) -> None:
    serve_chat(router, _endless_body())
    client = h.make()
    stream = await chat_stream(h, client)
    if isinstance(stream, AsyncStream):
        async with stream:
            async for chunk in stream:
                first = chunk
                break
    else:
        with stream:
            for chunk in stream:
                first = chunk
                break
    assert contents([first]) == ["0"]
    assert stream.response.is_closed
    assert not stream.done


async def test_an_exception_in_a_with_block_closes_the_response(
    h: Harness, router: respx.MockRouter
) -> None:
    serve_chat(router, _endless_body())
    client = h.make()
    stream = await chat_stream(h, client)
    with pytest.raises(RuntimeError):
        if isinstance(stream, AsyncStream):
            async with stream:
                await stream.__anext__()
                raise RuntimeError("caller gave up")
        else:
            with stream:
                next(stream)
                raise RuntimeError("caller gave up")
    assert stream.response.is_closed


async def test_close_after_breaking_out_closes_the_response(
    h: Harness, router: respx.MockRouter
) -> None:
    serve_text(router, [sse_body("a", "b", "c", "[DONE]")])
    client = h.make()
    stream = await text_stream(h, client)
    assert await h.next_item(stream) == "a"
    assert not stream.response.is_closed
    await h.close_stream(stream)
    assert stream.response.is_closed
    # A closed stream yields nothing more.
    assert await h.collect(stream) == []


async def test_close_before_iterating_closes_the_response(
    h: Harness, router: respx.MockRouter
) -> None:
    serve_text(router, [sse_body("a", "[DONE]")])
    client = h.make()
    stream = await text_stream(h, client)
    await h.close_stream(stream)
    assert stream.response.is_closed


async def test_the_response_is_closed_after_done_even_if_the_server_keeps_it_open(
    h: Harness, router: respx.MockRouter
) -> None:
    serve_text(router, [sse_body("a", "[DONE]"), b": still here\n\n"])
    client = h.make()
    stream = await text_stream(h, client)
    assert await h.collect(stream) == ["a"]
    assert stream.response.is_closed


def test_a_dropped_sync_stream_is_closed_when_collected(router: respx.MockRouter) -> None:
    """Without `with` or close(), leaving the loop leaves the response open until the
    stream is garbage-collected (it is a reference cycle: the generator holds the stream)."""
    serve_text(router, _endless_body())
    with Pollinations(api_key="sk_x", base_url=BASE_URL) as client:
        stream = client.text.stream("hi")
        response = stream.response
        for _ in stream:
            break
        del stream
        gc.collect()
        assert response.is_closed


# ------------------------------------------------------------------ errors in-stream


@pytest.mark.parametrize(
    "event",
    [
        dumps({"error": {"message": "quota exceeded", "code": 402}}),
        dumps({"error": "quota exceeded"}),
    ],
)
async def test_error_event_in_a_chat_stream(
    h: Harness, router: respx.MockRouter, event: str
) -> None:
    serve_chat(router, [sse_body(dumps(chat_chunk("partial")), event, "[DONE]")])
    client = h.make()
    stream = await chat_stream(h, client)
    received: list[ChatCompletionChunk] = []
    with pytest.raises(APIError, match="quota exceeded"):
        async for chunk in _aiter(stream):
            received.append(chunk)
    assert contents(received) == ["partial"]
    assert stream.response.is_closed


async def test_error_event_in_a_text_stream(h: Harness, router: respx.MockRouter) -> None:
    serve_text(router, [sse_body("partial", dumps({"error": {"message": "model overloaded"}}))])
    client = h.make()
    stream = await text_stream(h, client)
    with pytest.raises(APIError, match="model overloaded"):
        await h.collect(stream)


async def test_event_named_error(h: Harness, router: respx.MockRouter) -> None:
    serve_text(router, [b"event: error\ndata: upstream failed\n\n"])
    client = h.make()
    stream = await text_stream(h, client)
    with pytest.raises(APIError, match="upstream failed"):
        await h.collect(stream)


async def test_a_chunk_missing_its_fields_is_passed_on_as_sent(
    h: Harness, router: respx.MockRouter
) -> None:
    serve_chat(router, [sse_body(dumps({"id": "x"}), "[DONE]")])
    client = h.make()
    [chunk] = await h.collect(await chat_stream(h, client))
    assert (chunk.id, chunk.choices, chunk.model) == ("x", None, None)
    assert chunk.to_dict() == {"id": "x"}


@pytest.mark.parametrize("event", ["{not json", "[1, 2]", '"just a string"', "null"])
async def test_malformed_chat_event(h: Harness, router: respx.MockRouter, event: str) -> None:
    serve_chat(router, [sse_body(event, "[DONE]")])
    client = h.make()
    stream = await chat_stream(h, client)
    with pytest.raises(APIError) as caught:
        await h.collect(stream)
    assert "Malformed" in str(caught.value)
    assert event[:5] in str(caught.value)
    assert stream.response.is_closed


@pytest.mark.parametrize(
    "event",
    [
        dumps({"choices": ["not a choice"]}),
        dumps({"choices": [{"index": 0, "delta": "not a delta"}]}),
        dumps({"choices": [None]}),
    ],
    ids=["choice-is-a-string", "delta-is-a-string", "choice-is-null"],
)
async def test_malformed_openai_chunk_in_a_text_stream(
    h: Harness, router: respx.MockRouter, event: str
) -> None:
    """An event shaped like an OpenAI chunk whose parts have the wrong types is a malformed
    event (APIError), like in a chat stream; not an AttributeError from inside the parser."""
    serve_text(router, [sse_body("ok", event, "[DONE]")])
    client = h.make()
    stream = await text_stream(h, client)
    with pytest.raises(APIError) as caught:
        await h.collect(stream)
    assert "Malformed" in str(caught.value)
    assert stream.response.is_closed


# ----------------------------------------------------------------- text stream shapes


async def test_text_stream_mixes_openai_chunks_and_plain_text(
    h: Harness, router: respx.MockRouter
) -> None:
    serve_text(
        router,
        [
            sse_body(
                dumps({"choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}}]}),
                dumps(chat_chunk("JSON ")),
                "plain ",
                dumps({"choices": [{"index": 0, "message": {"content": "message "}}]}),
                "{not json but text",
                dumps({"choices": [{"index": 0, "delta": {"content": None}}]}),
                "[DONE]",
            )
        ],
    )
    client = h.make()
    pieces = await h.collect(await text_stream(h, client))
    assert pieces == ["JSON ", "plain ", "message ", "{not json but text"]


# ------------------------------------------------------------------------ tool calls


def tool_delta(
    index: int, *, id: str | None = None, name: str | None = None, arguments: str | None = None
) -> dict[str, Any]:
    function: dict[str, Any] = {}
    if name is not None:
        function["name"] = name
    if arguments is not None:
        function["arguments"] = arguments
    delta: dict[str, Any] = {"index": index, "function": function}
    if id is not None:
        delta["id"] = id
        delta["type"] = "function"
    return delta


TOOL_CHUNKS = [
    chat_chunk(tool_calls=[tool_delta(0, id="call_a", name="get_weather", arguments="")]),
    chat_chunk(tool_calls=[tool_delta(0, arguments='{"city"')]),
    chat_chunk(tool_calls=[tool_delta(1, id="call_b", name="get_time", arguments='{"tz":')]),
    chat_chunk(tool_calls=[tool_delta(0, arguments=': "Par')]),
    chat_chunk(tool_calls=[tool_delta(1, arguments=' "UTC"}')]),
    chat_chunk(tool_calls=[tool_delta(0, arguments='is"}')]),
    chat_chunk(finish_reason="tool_calls"),
]

EXPECTED_TOOL_CALLS = [
    ("call_a", "get_weather", {"city": "Paris"}),
    ("call_b", "get_time", {"tz": "UTC"}),
]


def described(calls: list[ToolCall]) -> list[tuple[str, str, Any]]:
    assert all(isinstance(call, ToolCall) and call.type_ == "function" for call in calls)
    return [(c.id, c.function.name, json.loads(c.function.arguments)) for c in calls]


def test_tool_call_accumulator_assembles_deltas() -> None:
    accumulator = ToolCallAccumulator()
    for chunk in TOOL_CHUNKS:
        accumulator.add(ChatCompletionChunk.from_dict(chunk))
    assert described(accumulator.tool_calls()) == EXPECTED_TOOL_CALLS
    assert accumulator.tool_calls(choice=1) == []


def test_tool_call_accumulator_keeps_choices_apart() -> None:
    accumulator = ToolCallAccumulator()
    accumulator.add(
        ChatCompletionChunk.from_dict(
            chat_chunk(tool_calls=[tool_delta(0, id="c0", name="f", arguments="{}")], index=0)
        )
    )
    accumulator.add(
        ChatCompletionChunk.from_dict(
            chat_chunk(tool_calls=[tool_delta(0, id="c1", name="g", arguments='{"a"')], index=1)
        )
    )
    accumulator.add(
        ChatCompletionChunk.from_dict(
            chat_chunk(tool_calls=[tool_delta(0, arguments=": 1}")], index=1)
        )
    )
    assert described(accumulator.tool_calls(0)) == [("c0", "f", {})]
    assert described(accumulator.tool_calls(1)) == [("c1", "g", {"a": 1})]


def test_tool_call_accumulator_orders_by_index_and_ignores_content() -> None:
    accumulator = ToolCallAccumulator()
    accumulator.add(ChatCompletionChunk.from_dict(chat_chunk("some text")))
    accumulator.add(
        ChatCompletionChunk.from_dict(
            chat_chunk(tool_calls=[tool_delta(2, id="late", name="z", arguments="{}")])
        )
    )
    accumulator.add(
        ChatCompletionChunk.from_dict(
            chat_chunk(
                tool_calls=[
                    tool_delta(0, id="early", name="a", arguments="{}"),
                    tool_delta(1, id="mid", name="m", arguments="[]"),
                ]
            )
        )
    )
    assert [call.id for call in accumulator.tool_calls()] == ["early", "mid", "late"]
    assert ToolCallAccumulator().tool_calls() == []


@pytest.mark.parametrize("size", [3, 10_000])
async def test_tool_calls_from_a_stream(h: Harness, router: respx.MockRouter, size: int) -> None:
    body = sse_body(*(dumps(chunk) for chunk in TOOL_CHUNKS), "[DONE]")
    serve_chat(router, split_every(body, size))
    client = h.make()
    accumulator = ToolCallAccumulator()
    async for chunk in _aiter(await chat_stream(h, client)):
        accumulator.add(chunk)
    assert described(accumulator.tool_calls()) == EXPECTED_TOOL_CALLS
