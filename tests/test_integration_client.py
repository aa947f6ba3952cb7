"""The real client against the real mock server over loopback, sync and async."""

from __future__ import annotations

import asyncio
import json
import struct
from collections.abc import Iterator
from pathlib import Path

import pytest

from pollinations_client.custom import (
    AsyncPollinations,
    AuthenticationError,
    BadRequestError,
    IncompleteResponseError,
    MissingAPIKeyError,
    PaymentRequiredError,
    PermissionDeniedError,
    Pollinations,
    PublishableKeyWarning,
    RateLimitError,
    ToolCallAccumulator,
)
from pollinations_client.custom.mock import MockServer
from pollinations_client.models import ChatCompletion, Tier

KEY = "sk_integration_key"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def server() -> Iterator[MockServer]:
    with MockServer(stream_interval=0.0) as running:
        yield running


@pytest.fixture
def client(server: MockServer) -> Iterator[Pollinations]:
    with Pollinations(api_key=KEY, base_url=server.url) as c:
        yield c


def png_size(content: bytes) -> tuple[int, int]:
    assert content.startswith(PNG_SIGNATURE)
    width, height = struct.unpack(">II", content[16:24])
    return width, height


def test_image_has_the_requested_size_and_is_deterministic(
    client: Pollinations, tmp_path: Path
) -> None:
    first = client.images.generate("a cat/dog? #1 100%", width=64, height=32, seed=7)
    again = client.images.generate("a cat/dog? #1 100%", width=64, height=32, seed=7)
    other = client.images.generate("a cat/dog? #1 100%", width=64, height=32, seed=8)
    assert first.content_type == "image/png"
    assert png_size(first.content) == (64, 32)
    assert first.content == again.content
    assert first.content != other.content
    saved = first.save(tmp_path / "cat.png")
    assert saved.read_bytes() == first.content


def test_video_model_returns_mp4(client: Pollinations) -> None:
    video = client.images.generate("waves", model="seedance", duration=2)
    assert video.content_type == "video/mp4"
    assert video.is_video
    assert video.content[4:8] == b"ftyp"


def test_video_duration_outside_the_model_range_is_a_bad_request(client: Pollinations) -> None:
    with pytest.raises(BadRequestError) as info:
        client.images.generate("waves", model="veo", duration=5)
    assert info.value.status_code == 400
    assert info.value.request_id


def test_text_and_chat_are_deterministic(client: Pollinations) -> None:
    text = client.text.generate("haiku about rain", seed=1)
    assert text and text == client.text.generate("haiku about rain", seed=1)
    answer = client.chat.completions.create(
        model="openai", messages=[{"role": "user", "content": "hi"}], seed=1
    )
    assert isinstance(answer, ChatCompletion)
    content = answer.choices[0].message.content
    assert isinstance(content, str) and content
    assert answer.usage.total_tokens == answer.usage.prompt_tokens + answer.usage.completion_tokens


def test_chat_stream_arrives_in_pieces_and_matches_the_whole_answer(client: Pollinations) -> None:
    messages = [{"role": "user", "content": "tell me a story"}]
    whole = client.chat.completions.create(messages=messages, seed=3)
    pieces = []
    with client.chat.completions.create(messages=messages, seed=3, stream=True) as stream:
        for chunk in stream:
            delta = chunk.choices[0].delta.content if chunk.choices else None
            if isinstance(delta, str):
                pieces.append(delta)
    assert stream.done
    assert len(pieces) > 1
    assert "".join(pieces) == whole.choices[0].message.content


def test_text_stream_joins_to_the_whole_text(client: Pollinations) -> None:
    pieces = list(client.text.stream("a long story", seed=2))
    assert len(pieces) > 1
    assert "".join(pieces) == client.text.generate("a long story", seed=2)


def test_tools_produce_a_tool_call_whole_and_streamed(client: Pollinations) -> None:
    tools = [
        {
            "type": "function",
            "function": {
                "name": "get_weather",
                "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
            },
        }
    ]
    messages = [{"role": "user", "content": "weather in Paris?"}]
    whole = client.chat.completions.create(messages=messages, tools=tools)
    calls = whole.choices[0].message.tool_calls
    assert isinstance(calls, list) and calls[0].function.name == "get_weather"
    json.loads(calls[0].function.arguments)

    accumulator = ToolCallAccumulator()
    for chunk in client.chat.completions.create(messages=messages, tools=tools, stream=True):
        accumulator.add(chunk)
    streamed = accumulator.tool_calls()
    assert [c.function.name for c in streamed] == ["get_weather"]
    assert json.loads(streamed[0].function.arguments) == json.loads(calls[0].function.arguments)


def test_json_mode_gives_json(client: Pollinations) -> None:
    answer = client.chat.completions.create(
        messages=[{"role": "user", "content": "a cat as JSON"}],
        response_format={"type": "json_object"},
    )
    content = answer.choices[0].message.content
    assert isinstance(content, str)
    assert isinstance(json.loads(content), dict)
    assert isinstance(json.loads(client.text.generate("a cat", json=True)), (dict, list))


def test_models(client: Pollinations) -> None:
    ids = [model.id for model in client.models.list()]
    assert "openai" in ids
    assert "flux" in [info.name for info in client.models.image()]
    assert "openai" in [info.name for info in client.models.text()]


def test_models_need_no_key(server: MockServer) -> None:
    with Pollinations(api_key=None, base_url=server.url) as anonymous:
        assert anonymous.models.list()
        with pytest.raises(MissingAPIKeyError):
            anonymous.account.balance()


def test_balance_drops_and_usage_lists_what_was_served(server: MockServer) -> None:
    with Pollinations(api_key="sk_fresh_account", base_url=server.url) as c:
        before = c.account.balance().balance
        c.text.generate("one")
        c.images.generate("two", width=16, height=16)
        after = c.account.balance().balance
        assert after < before
        usage = c.account.usage()
        assert usage.count == 2
        assert [record.type_ for record in usage.usage] == ["generate.image", "generate.text"]
        csv = c.account.usage_csv()
        assert csv.splitlines()[0].startswith("timestamp")
        assert len(csv.strip().splitlines()) == 3
        for i in range(5):
            c.text.generate(f"page {i}")
        records = list(c.account.iter_usage(page_size=2))
        assert len(records) == 7
        timestamps = [record.timestamp for record in records]
        assert timestamps == sorted(timestamps, reverse=True)
        profile = c.account.profile()
        assert profile.tier == Tier.SEED


def test_error_classes_from_the_server(server: MockServer) -> None:
    with Pollinations(api_key="sk_empty_wallet", base_url=server.url) as broke:
        with pytest.raises(PaymentRequiredError) as paid:
            broke.text.generate("hello")
        assert paid.value.request_id
    # The gateway decides by the key's permissions, not its prefix: a key declared
    # without `account:balance` gets 403.
    with (
        MockServer(keys={"keys": {"pk_publishable": {"permissions": []}}}) as restricted,
        Pollinations(api_key="pk_publishable", base_url=restricted.url) as publishable,
        pytest.warns(PublishableKeyWarning),
        pytest.raises(PermissionDeniedError),
    ):
        publishable.account.balance()
    with (
        Pollinations(api_key="not-a-key", base_url=server.url) as wrong,
        pytest.raises(AuthenticationError),
    ):
        wrong.text.generate("hello")


def test_rate_limit_is_retried_then_raised(client: Pollinations) -> None:
    slept: list[float] = []
    client._sleep = slept.append
    with pytest.raises(RateLimitError):
        client._http.headers["X-Mock-Fault"] = "status=429;retry-after=0"
        try:
            client.text.generate("hi")
        finally:
            del client._http.headers["X-Mock-Fault"]
    assert slept == [0.0, 0.0]


def test_stream_dropped_mid_way_raises(client: Pollinations) -> None:
    client._http.headers["X-Mock-Fault"] = "drop-mid-stream"
    try:
        with pytest.raises(IncompleteResponseError):
            for _ in client.chat.completions.create(
                messages=[{"role": "user", "content": "story"}], stream=True
            ):
                pass
    finally:
        del client._http.headers["X-Mock-Fault"]


def test_async_client_end_to_end(server: MockServer) -> None:
    async def scenario() -> None:
        async with AsyncPollinations(api_key=KEY, base_url=server.url) as c:
            image, text, answer = await asyncio.gather(
                c.images.generate("async cat", width=8, height=8, seed=1),
                c.text.generate("async haiku", seed=1),
                c.chat.completions.create(messages=[{"role": "user", "content": "hi"}], seed=1),
            )
            assert png_size(image.content) == (8, 8)
            assert text
            pieces = []
            stream = await c.chat.completions.create(
                messages=[{"role": "user", "content": "hi"}], seed=1, stream=True
            )
            async with stream:
                async for chunk in stream:
                    delta = chunk.choices[0].delta.content if chunk.choices else None
                    if isinstance(delta, str):
                        pieces.append(delta)
            assert "".join(pieces) == answer.choices[0].message.content
            text_pieces = [p async for p in await c.text.stream("async story", seed=4)]
            assert "".join(text_pieces) == await c.text.generate("async story", seed=4)
            assert (await c.account.balance()).balance >= 0
            records = [r async for r in c.account.iter_usage(page_size=3)]
            assert records

    asyncio.run(scenario())
