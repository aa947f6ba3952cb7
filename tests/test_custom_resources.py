"""Every public method of the custom layer: what goes on the wire, and what comes back.

Each scenario runs against both `Pollinations` and `AsyncPollinations` (see `Harness`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from _custom_helpers import (
    BASE_URL,
    KEY,
    MODEL_INFO,
    PNG,
    PROFILE,
    Harness,
    chat_chunk,
    chat_completion,
    dumps,
    sse_body,
    sse_response,
    usage_page,
)

from pollinations_client.custom import AsyncStream, ImageResult, Stream
from pollinations_client.models import (
    Balance,
    ChatCompletion,
    ChatCompletionChunk,
    FunctionDefinition,
    FunctionTool,
    ImageModelName,
    ImageQuality,
    Model,
    ModelInfo,
    ResponseFormatJsonObject,
    SystemMessage,
    TextModelName,
    Tier,
    UsageRecord,
    UsageResponse,
    UserMessage,
    UserProfile,
)

pytestmark = pytest.mark.anyio


def raw_path(request: httpx.Request) -> bytes:
    return request.url.raw_path.partition(b"?")[0]


def only_request(route: respx.Route) -> httpx.Request:
    assert route.call_count == 1
    return route.calls.last.request


def assert_header_auth(request: httpx.Request, key: str = KEY) -> None:
    assert request.headers["authorization"] == f"Bearer {key}"
    assert "key" not in request.url.params


def json_body(request: httpx.Request) -> Any:
    assert request.headers["content-type"] == "application/json"
    return json.loads(request.content)


# ---------------------------------------------------------------------------- images


def png_response(content_type: str = "image/png", **headers: str) -> httpx.Response:
    return httpx.Response(200, content=PNG, headers={"content-type": content_type, **headers})


async def test_images_generate_sends_every_parameter_by_its_api_name(
    h: Harness, router: respx.MockRouter, tmp_path: Path
) -> None:
    route = router.get(path__startswith="/image/").mock(
        return_value=png_response(**{"x-request-id": "req-img-1"})
    )
    client = h.make()
    result = await h.run(
        client.images.generate(
            "a cat, 50% on the moon/sun? #1",
            model="flux",
            width=512,
            height=256,
            seed=-1,
            enhance=True,
            negative_prompt="blurry",
            safe=False,
            quality="hd",
            image=["https://a.example/1.png", "http://b.example/2.jpg"],
            transparent=True,
            duration=4,
            aspect_ratio="16:9",
            audio=False,
        )
    )
    request = only_request(route)
    assert request.method == "GET"
    assert raw_path(request) == b"/image/a%20cat%2C%2050%25%20on%20the%20moon%2Fsun%3F%20%231"
    assert dict(request.url.params) == {
        "model": "flux",
        "width": "512",
        "height": "256",
        "seed": "-1",
        "enhance": "true",
        "negative_prompt": "blurry",
        "safe": "false",
        "quality": "hd",
        "image": "https://a.example/1.png,http://b.example/2.jpg",
        "transparent": "true",
        "duration": "4",
        "aspectRatio": "16:9",
        "audio": "false",
    }
    assert_header_auth(request)
    assert "image/" in request.headers["accept"]
    assert request.headers["user-agent"].startswith("pollinations-client/")

    assert isinstance(result, ImageResult)
    assert result.content == PNG
    assert result.content_type == "image/png"
    assert result.request_id == "req-img-1"
    assert result.extension == ".png"
    assert not result.is_video
    saved = result.save(tmp_path / "cat.png")
    assert saved == tmp_path / "cat.png"
    assert saved.read_bytes() == PNG
    assert KEY not in repr(result)
    assert str(len(PNG)) in repr(result)


async def test_images_generate_sends_only_the_given_parameters(
    h: Harness, router: respx.MockRouter
) -> None:
    route = router.get(path__startswith="/image/").mock(return_value=png_response())
    client = h.make()
    await h.run(client.images.generate("cat"))
    request = only_request(route)
    assert raw_path(request) == b"/image/cat"
    assert dict(request.url.params) == {}


async def test_images_generate_accepts_enums_and_a_single_image_url(
    h: Harness, router: respx.MockRouter
) -> None:
    route = router.get(path__startswith="/image/").mock(return_value=png_response())
    client = h.make()
    await h.run(
        client.images.generate(
            "café ☕",
            model=ImageModelName.ZIMAGE,
            quality=ImageQuality.HIGH,
            image=" https://a.example/ref.png ",
        )
    )
    request = only_request(route)
    assert raw_path(request) == b"/image/caf%C3%A9%20%E2%98%95"
    assert dict(request.url.params) == {
        "model": "zimage",
        "quality": "high",
        "image": "https://a.example/ref.png",
    }


async def test_images_generate_accepts_unknown_model_names_as_strings(
    h: Harness, router: respx.MockRouter
) -> None:
    route = router.get(path__startswith="/image/").mock(return_value=png_response())
    client = h.make()
    await h.run(client.images.generate("cat", model="brand-new-model-2030"))
    assert only_request(route).url.params["model"] == "brand-new-model-2030"


@pytest.mark.parametrize(
    ("header", "content_type", "extension", "is_video"),
    [
        ("image/jpeg", "image/jpeg", ".jpg", False),
        ("IMAGE/PNG; charset=binary", "image/png", ".png", False),
        ("video/mp4", "video/mp4", ".mp4", True),
    ],
)
async def test_images_generate_result_content_type(
    h: Harness,
    router: respx.MockRouter,
    header: str,
    content_type: str,
    extension: str,
    is_video: bool,
) -> None:
    router.get(path__startswith="/image/").mock(return_value=png_response(header))
    client = h.make()
    result = await h.run(client.images.generate("clip", model="veo"))
    assert result.content_type == content_type
    assert result.extension == extension
    assert result.is_video is is_video
    assert result.request_id is None


@pytest.mark.parametrize("prompt", [".", "..", "a.", "x/../y"])
@pytest.mark.parametrize("resource", ["images", "text"])
async def test_prompt_made_of_dots_still_reaches_the_prompt_endpoint(
    h: Harness, router: respx.MockRouter, prompt: str, resource: str
) -> None:
    """A prompt is one path segment, whatever it says: "." and ".." must not be read as
    dot segments that move the request to another endpoint (the site's home page, whose
    HTML text.generate would return as the answer)."""
    if resource == "images":
        route = router.get(path__startswith="/image/").mock(return_value=png_response())
    else:
        route = router.get(path__startswith="/text/").mock(
            return_value=httpx.Response(200, text="the answer")
        )
    router.route().mock(return_value=httpx.Response(200, text="<html>home page</html>"))
    client = h.make()
    await h.run(getattr(client, resource).generate(prompt))
    assert route.call_count == 1
    assert dict(route.calls.last.request.url.params) == {}
    if resource == "images":
        assert client.images.url(prompt).startswith(f"{BASE_URL}/image/")


async def test_images_url_builds_the_same_url_without_a_request(
    h: Harness, router: respx.MockRouter
) -> None:
    client = h.make()
    url = client.images.url(
        "a cat/dog?", width=512, safe=True, seed=7, aspect_ratio="9:16", image=["https://x.y/a"]
    )
    assert url == (
        f"{BASE_URL}/image/a%20cat%2Fdog%3F?width=512&seed=7&safe=true"
        "&image=https%3A%2F%2Fx.y%2Fa&aspectRatio=9%3A16"
    )
    assert client.images.url("cat") == f"{BASE_URL}/image/cat"
    assert not router.calls


async def test_images_url_needs_no_api_key(h: Harness, router: respx.MockRouter) -> None:
    client = h.make(api_key=None)
    assert client.images.url("cat", width=1) == f"{BASE_URL}/image/cat?width=1"
    assert not router.calls


# ------------------------------------------------------------------------------ text


async def test_text_generate(h: Harness, router: respx.MockRouter) -> None:
    route = router.get(path__startswith="/text/").mock(
        return_value=httpx.Response(200, text="Bonjour, le monde", headers={"x-request-id": "r"})
    )
    client = h.make()
    answer = await h.run(
        client.text.generate(
            "say hi/bye in French?",
            model=TextModelName.OPENAI,
            seed=42,
            system="You are terse.",
            json=True,
            temperature=0.7,
        )
    )
    request = only_request(route)
    assert request.method == "GET"
    assert raw_path(request) == b"/text/say%20hi%2Fbye%20in%20French%3F"
    assert dict(request.url.params) == {
        "model": "openai",
        "seed": "42",
        "system": "You are terse.",
        "json": "true",
        "temperature": "0.7",
    }
    assert_header_auth(request)
    assert answer == "Bonjour, le monde"


async def test_text_generate_sends_only_the_given_parameters(
    h: Harness, router: respx.MockRouter
) -> None:
    route = router.get(path__startswith="/text/").mock(return_value=httpx.Response(200, text="x"))
    client = h.make()
    assert await h.run(client.text.generate("hi", model="some-new-model", json=False)) == "x"
    assert dict(only_request(route).url.params) == {"model": "some-new-model", "json": "false"}


async def test_text_stream(h: Harness, router: respx.MockRouter) -> None:
    body = sse_body(
        dumps({"choices": [{"index": 0, "delta": {"role": "assistant"}}]}),
        dumps({"choices": [{"index": 0, "delta": {"content": "Hel"}}]}),
        "lo",
        dumps({"choices": [{"index": 0, "delta": {"content": ", world"}}]}),
        "[DONE]",
    )
    route = router.get(path__startswith="/text/").mock(
        side_effect=lambda request: sse_response([body])
    )
    client = h.make()
    stream = await h.run(client.text.stream("greet me", seed=3))
    assert isinstance(stream, AsyncStream if h.is_async else Stream)
    pieces = await h.collect(stream)
    request = only_request(route)
    assert request.method == "GET"
    assert raw_path(request) == b"/text/greet%20me"
    assert dict(request.url.params) == {"seed": "3", "stream": "true"}
    assert request.headers["accept"] == "text/event-stream"
    assert_header_auth(request)
    assert pieces == ["Hel", "lo", ", world"]
    assert stream.done
    assert stream.response.is_closed


# ------------------------------------------------------------------------------ chat


async def test_chat_completion_request_body_and_result(
    h: Harness, router: respx.MockRouter
) -> None:
    route = router.post("/v1/chat/completions").mock(
        return_value=httpx.Response(200, json=chat_completion("Hello!"))
    )
    client = h.make()
    tool_model = FunctionTool(
        type_="function", function=FunctionDefinition(name="get_time", description="Now")
    )
    tool_dict = {"type": "function", "function": {"name": "get_weather"}}
    completion = await h.run(
        client.chat.completions.create(
            messages=[
                SystemMessage(role="system", content="Be brief."),
                {"role": "user", "content": [{"type": "text", "text": "Hi"}]},
                {"role": "assistant", "content": "Hello"},
                UserMessage(role="user", content="How are you?"),
            ],
            model="openai",
            temperature=0.2,
            top_p=0.9,
            seed=7,
            max_tokens=100,
            stop=["\n\n"],
            tools=[tool_model, tool_dict],
            tool_choice="auto",
            response_format=ResponseFormatJsonObject(type_="json_object"),
            logit_bias={"50256": -100},
            reasoning_effort="low",
            extra_body={"private": True, "referrer": "tests"},
        )
    )
    request = only_request(route)
    assert request.method == "POST"
    assert raw_path(request) == b"/v1/chat/completions"
    assert dict(request.url.params) == {}
    assert_header_auth(request)
    assert request.headers["accept"] == "application/json"
    assert json_body(request) == {
        "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": [{"type": "text", "text": "Hi"}]},
            {"role": "assistant", "content": "Hello"},
            {"role": "user", "content": "How are you?"},
        ],
        "model": "openai",
        "temperature": 0.2,
        "top_p": 0.9,
        "seed": 7,
        "max_tokens": 100,
        "stop": ["\n\n"],
        "tools": [
            {"type": "function", "function": {"name": "get_time", "description": "Now"}},
            {"type": "function", "function": {"name": "get_weather"}},
        ],
        "tool_choice": "auto",
        "response_format": {"type": "json_object"},
        "logit_bias": {"50256": -100},
        "reasoning_effort": "low",
        "private": True,
        "referrer": "tests",
    }
    assert isinstance(completion, ChatCompletion)
    assert completion.id == "chatcmpl-1"
    assert completion.choices[0].message.content == "Hello!"
    assert completion.choices[0].finish_reason == "stop"
    assert completion.usage.total_tokens == 5


async def test_chat_completion_body_has_only_the_given_fields(
    h: Harness, router: respx.MockRouter
) -> None:
    route = router.post("/v1/chat/completions").mock(
        return_value=httpx.Response(200, json=chat_completion())
    )
    client = h.make()
    # None means "not given" (the TypedDict does not admit it, hence the Any).
    unset: dict[str, Any] = {"temperature": None, "top_p": None}
    await h.run(
        client.chat.completions.create(
            messages=[{"role": "user", "content": "hi"}], stream=False, **unset
        )
    )
    assert json_body(only_request(route)) == {"messages": [{"role": "user", "content": "hi"}]}


async def test_chat_completion_model_enum_and_plain_dicts(
    h: Harness, router: respx.MockRouter
) -> None:
    route = router.post("/v1/chat/completions").mock(
        return_value=httpx.Response(200, json=chat_completion())
    )
    client = h.make()
    await h.run(
        client.chat.completions.create(
            messages=(UserMessage(role="user", content="hi"),),
            model=TextModelName.OPENAI,
            response_format={"type": "text"},
            tool_choice={"type": "function", "function": {"name": "f"}},
            stream_options={"include_usage": True},
            extra_body={},
        )
    )
    assert json_body(only_request(route)) == {
        "messages": [{"role": "user", "content": "hi"}],
        "model": "openai",
        "response_format": {"type": "text"},
        "tool_choice": {"type": "function", "function": {"name": "f"}},
        "stream_options": {"include_usage": True},
    }


async def test_chat_completion_stream(h: Harness, router: respx.MockRouter) -> None:
    body = sse_body(
        dumps(chat_chunk("Hel")), dumps(chat_chunk("lo!", finish_reason="stop")), "[DONE]"
    )
    route = router.post("/v1/chat/completions").mock(
        side_effect=lambda request: sse_response([body])
    )
    client = h.make()
    stream = await h.run(
        client.chat.completions.create(
            messages=[{"role": "user", "content": "hi"}], model="openai", stream=True
        )
    )
    assert isinstance(stream, AsyncStream if h.is_async else Stream)
    chunks = await h.collect(stream)
    request = only_request(route)
    assert request.method == "POST"
    assert request.headers["accept"] == "text/event-stream"
    assert_header_auth(request)
    assert json_body(request) == {
        "messages": [{"role": "user", "content": "hi"}],
        "model": "openai",
        "stream": True,
    }
    assert all(isinstance(chunk, ChatCompletionChunk) for chunk in chunks)
    assert [chunk.choices[0].delta.content for chunk in chunks] == ["Hel", "lo!"]
    assert chunks[-1].choices[0].finish_reason == "stop"
    assert stream.response.is_closed


# ---------------------------------------------------------------------------- models


MODEL_LIST = {
    "object": "list",
    "data": [
        {"id": "openai", "object": "model", "created": 1700000000},
        {"id": "mistral", "object": "model", "created": 1700000001},
    ],
}


async def test_models_list_without_a_key(h: Harness, router: respx.MockRouter) -> None:
    route = router.get("/v1/models").mock(return_value=httpx.Response(200, json=MODEL_LIST))
    client = h.make(api_key=None)
    models = await h.run(client.models.list())
    request = only_request(route)
    assert request.method == "GET"
    assert "authorization" not in request.headers
    assert dict(request.url.params) == {}
    assert all(isinstance(model, Model) for model in models)
    assert [model.id for model in models] == ["openai", "mistral"]
    assert models[0].created == 1700000000


@pytest.mark.parametrize(("method", "path"), [("text", "/text/models"), ("image", "/image/models")])
async def test_models_with_pricing(
    h: Harness, router: respx.MockRouter, method: str, path: str
) -> None:
    second = {"name": "turbo", "aliases": [], "pricing": {"currency": "pollen"}}
    route = router.get(path).mock(return_value=httpx.Response(200, json=[MODEL_INFO, second]))
    client = h.make()
    infos = await h.run(getattr(client.models, method)())
    request = only_request(route)
    assert request.method == "GET"
    assert_header_auth(request)
    assert all(isinstance(info, ModelInfo) for info in infos)
    assert [info.name for info in infos] == ["flux", "turbo"]
    assert infos[0].aliases == ["flux-dev"]
    assert infos[0].pricing.currency == "pollen"
    assert infos[0].pricing.additional_properties == {"completionImageTokens": 0.001}
    assert infos[0].output_modalities == ["image"]


# --------------------------------------------------------------------------- account


async def test_account_balance(h: Harness, router: respx.MockRouter) -> None:
    route = router.get("/account/balance").mock(
        return_value=httpx.Response(200, json={"balance": 12.5})
    )
    client = h.make()
    balance = await h.run(client.account.balance())
    request = only_request(route)
    assert request.method == "GET"
    assert dict(request.url.params) == {}
    assert_header_auth(request)
    assert isinstance(balance, Balance)
    assert balance.balance == 12.5


async def test_account_profile(h: Harness, router: respx.MockRouter) -> None:
    route = router.get("/account/profile").mock(return_value=httpx.Response(200, json=PROFILE))
    client = h.make()
    profile = await h.run(client.account.profile())
    assert_header_auth(only_request(route))
    assert isinstance(profile, UserProfile)
    assert profile.name == "Ada"
    assert profile.github_username == "ada"
    assert profile.tier == Tier.SEED
    assert profile.next_reset_at is None


async def test_account_profile_with_an_unknown_tier(h: Harness, router: respx.MockRouter) -> None:
    router.get("/account/profile").mock(
        return_value=httpx.Response(200, json={**PROFILE, "tier": "galaxy"})
    )
    client = h.make()
    profile = await h.run(client.account.profile())
    assert profile.tier == "galaxy"


async def test_account_usage(h: Harness, router: respx.MockRouter) -> None:
    route = router.get("/account/usage").mock(
        return_value=httpx.Response(
            200, json=usage_page("2025-01-02 10:00:00", "2025-01-01 09:00:00")
        )
    )
    client = h.make()
    usage = await h.run(client.account.usage(limit=2, before="2025-02-01 00:00:00"))
    request = only_request(route)
    assert request.method == "GET"
    assert dict(request.url.params) == {"limit": "2", "before": "2025-02-01 00:00:00"}
    assert request.headers["accept"] == "application/json"
    assert_header_auth(request)
    assert isinstance(usage, UsageResponse)
    assert usage.count == 2
    assert all(isinstance(record, UsageRecord) for record in usage.usage)
    assert usage.usage[0].timestamp == "2025-01-02 10:00:00"
    assert usage.usage[0].type_ == "generate.text"
    assert usage.usage[0].cost_usd == 0.01


async def test_account_usage_sends_only_the_given_parameters(
    h: Harness, router: respx.MockRouter
) -> None:
    route = router.get("/account/usage").mock(return_value=httpx.Response(200, json=usage_page()))
    client = h.make()
    usage = await h.run(client.account.usage())
    assert dict(only_request(route).url.params) == {}
    assert usage.usage == []


async def test_account_usage_csv(h: Harness, router: respx.MockRouter) -> None:
    csv = "timestamp,type,cost_usd\n2025-01-01 00:00:00,generate.text,0.01\n"
    route = router.get("/account/usage").mock(
        return_value=httpx.Response(200, text=csv, headers={"content-type": "text/csv"})
    )
    client = h.make()
    answer = await h.run(client.account.usage_csv(limit=10))
    request = only_request(route)
    assert dict(request.url.params) == {"format": "csv", "limit": "10"}
    assert request.headers["accept"] == "text/csv"
    assert_header_auth(request)
    assert answer == csv


async def test_account_iter_usage_pages_backwards_until_a_short_page(
    h: Harness, router: respx.MockRouter
) -> None:
    pages = [
        usage_page("2025-01-06", "2025-01-05"),
        usage_page("2025-01-04", "2025-01-03"),
        usage_page("2025-01-02"),
    ]
    route = router.get("/account/usage").mock(
        side_effect=[httpx.Response(200, json=page) for page in pages]
    )
    client = h.make()
    records = await h.collect(client.account.iter_usage(page_size=2))
    assert [record.timestamp for record in records] == [
        "2025-01-06",
        "2025-01-05",
        "2025-01-04",
        "2025-01-03",
        "2025-01-02",
    ]
    assert all(isinstance(record, UsageRecord) for record in records)
    assert [dict(call.request.url.params) for call in route.calls] == [
        {"limit": "2"},
        {"limit": "2", "before": "2025-01-05"},
        {"limit": "2", "before": "2025-01-03"},
    ]


async def test_account_iter_usage_stops_on_an_empty_page_and_starts_at_before(
    h: Harness, router: respx.MockRouter
) -> None:
    route = router.get("/account/usage").mock(
        side_effect=[
            httpx.Response(200, json=usage_page("2025-01-04")),
            httpx.Response(200, json=usage_page()),
        ]
    )
    client = h.make()
    records = await h.collect(client.account.iter_usage(page_size=1, before="2025-01-05"))
    assert [record.timestamp for record in records] == ["2025-01-04"]
    assert [dict(call.request.url.params) for call in route.calls] == [
        {"limit": "1", "before": "2025-01-05"},
        {"limit": "1", "before": "2025-01-04"},
    ]


async def test_account_iter_usage_default_page_size(h: Harness, router: respx.MockRouter) -> None:
    route = router.get("/account/usage").mock(
        return_value=httpx.Response(200, json=usage_page("2025-01-01"))
    )
    client = h.make()
    records = await h.collect(client.account.iter_usage())
    assert len(records) == 1
    assert dict(only_request(route).url.params) == {"limit": "1000"}


async def test_account_iter_usage_is_lazy(h: Harness, router: respx.MockRouter) -> None:
    route = router.get("/account/usage").mock(
        return_value=httpx.Response(200, json=usage_page("2025-01-02", "2025-01-01"))
    )
    client = h.make()
    iterator = client.account.iter_usage(page_size=2)
    assert route.call_count == 0
    first = await h.next_item(iterator)
    assert first.timestamp == "2025-01-02"
    assert route.call_count == 1
    await h.close_iterator(iterator)
