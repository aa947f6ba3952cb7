"""The generated low-level client on the wire, against respx mocks (no network at all:
every router asserts that each request it sees is mocked)."""

from __future__ import annotations

import asyncio
import json
import re
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from _spec import BASE_URL, README_PATH, operations, ref_name, resolve, spec

from pollinations_client import AuthenticatedClient, Client
from pollinations_client.api.account import (
    get_account_balance,
    get_account_key,
    get_account_profile,
    get_account_usage,
    get_account_usage_daily,
)
from pollinations_client.api.chat import create_chat_completion
from pollinations_client.api.image import generate_image
from pollinations_client.api.models import list_image_models
from pollinations_client.api.text import generate_text
from pollinations_client.models import (
    Balance,
    ChatCompletion,
    ChatCompletionRequest,
    ErrorResponse,
    ImageModelName,
    ImageQuality,
    ModelInfo,
    TextModelName,
    UsageFormat,
    UsageResponse,
    UserMessage,
    UserProfile,
    ValidationErrorResponse,
)
from pollinations_client.types import File, Response

TOKEN = "sk_test_d0_not_leak_4f9a"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00fake-jpeg-bytes\xff\xd9"


@pytest.fixture
def router() -> Iterator[respx.MockRouter]:
    with respx.mock(
        base_url=BASE_URL, assert_all_mocked=True, assert_all_called=True
    ) as mock_router:
        yield mock_router


@pytest.fixture
def client() -> Iterator[AuthenticatedClient]:
    with AuthenticatedClient(base_url=BASE_URL, token=TOKEN) as authenticated:
        yield authenticated


def _only_request(route: respx.Route) -> httpx.Request:
    assert route.call_count == 1
    request: httpx.Request = route.calls.last.request
    return request


def _jpeg() -> httpx.Response:
    return httpx.Response(200, content=JPEG, headers={"content-type": "image/jpeg"})


# ------------------------------------------------------------------ prompt encoding

PROMPTS = [
    "100% a/b?c#d e\nf 🐱",
    "a cat on the moon",
    "a/b/c",
    "why?",
    "#hashtag",
    "100%",
    "%2F already looks encoded %20",
    "line one\nline two\r\nthree\ttab",
    "🐱🚀 ünïcödé 日本語",
    "a+b=c&d;e,f:g@h$i!j*k'(l)",
    "/leading and trailing/",
    "...",
    "~tilde_under-score.dot",
]


def _prompt_segment(request: httpx.Request, prefix: bytes) -> bytes:
    raw_path: bytes = request.url.raw_path
    assert raw_path.startswith(prefix), raw_path
    segment = raw_path[len(prefix) :]
    assert b"?" not in segment  # the query, if any, is after the prompt
    return segment


@pytest.mark.parametrize("prompt", PROMPTS)
def test_image_prompt_is_encoded_exactly_once(
    router: respx.MockRouter, client: AuthenticatedClient, prompt: str
) -> None:
    route = router.get(url__startswith=BASE_URL + "/image/").mock(return_value=_jpeg())
    generate_image.sync_detailed(prompt, client=client)
    request = _only_request(route)
    segment = _prompt_segment(request, b"/image/")
    assert segment.decode("ascii") == urllib.parse.quote(prompt, safe="")
    assert urllib.parse.unquote(segment.decode("ascii")) == prompt
    assert request.url.query == b""


@pytest.mark.parametrize("prompt", PROMPTS)
def test_text_prompt_is_encoded_exactly_once(
    router: respx.MockRouter, client: AuthenticatedClient, prompt: str
) -> None:
    route = router.get(url__startswith=BASE_URL + "/text/").mock(
        return_value=httpx.Response(200, text="ok", headers={"content-type": "text/plain"})
    )
    assert generate_text.sync(prompt, client=client) == "ok"
    request = _only_request(route)
    segment = _prompt_segment(request, b"/text/")
    assert segment.decode("ascii") == urllib.parse.quote(prompt, safe="")
    assert urllib.parse.unquote(segment.decode("ascii")) == prompt


@pytest.mark.parametrize("prompt", [".", ".."])
@pytest.mark.parametrize(
    ("prefix", "call"),
    [
        ("/image/", lambda prompt, c: generate_image.sync_detailed(prompt, client=c)),
        ("/text/", lambda prompt, c: generate_text.sync_detailed(prompt, client=c)),
    ],
    ids=["image", "text"],
)
def test_dot_segment_prompt_stays_a_prompt(prompt: str, prefix: str, call: Any) -> None:
    """`.` and `..` are prompts like any other (at least one character, any Unicode);
    sent unencoded they are dot segments, which URL normalisation removes, so the request
    would go to another path."""
    with (
        respx.mock(base_url=BASE_URL, assert_all_mocked=True) as mock_router,
        AuthenticatedClient(base_url=BASE_URL, token=TOKEN) as client,
    ):
        mock_router.route().mock(return_value=_jpeg())  # wherever it goes: still mocked
        call(prompt, client)
        request: httpx.Request = mock_router.calls.last.request
    raw_path = request.url.raw_path.decode("ascii")
    assert raw_path.startswith(prefix), f"prompt {prompt!r} was sent to {raw_path!r}"
    assert urllib.parse.unquote(raw_path[len(prefix) :]) == prompt


# ------------------------------------------------------------------ query parameters


def _query(request: httpx.Request) -> list[tuple[str, str]]:
    return list(request.url.params.multi_items())


def test_image_query_parameters(router: respx.MockRouter, client: AuthenticatedClient) -> None:
    route = router.get(url__startswith=BASE_URL + "/image/").mock(return_value=_jpeg())
    generate_image.sync_detailed(
        "a fox",
        client=client,
        model=ImageModelName.NANOBANANA_PRO,
        width=512,
        height=0,
        seed=-1,
        enhance=True,
        negative_prompt="blurry, text",
        safe=True,
        quality=ImageQuality.HD,
        image="https://example.com/a.jpg|https://example.com/b.jpg",
        transparent=False,
        duration=6,
        aspect_ratio="9:16",
        audio=True,
    )
    request = _only_request(route)
    assert dict(_query(request)) == {
        "model": "nanobanana-pro",
        "width": "512",
        "height": "0",
        "seed": "-1",
        "enhance": "true",
        "negative_prompt": "blurry, text",
        "safe": "true",
        "quality": "hd",
        "image": "https://example.com/a.jpg|https://example.com/b.jpg",
        "transparent": "false",
        "duration": "6",
        "aspectRatio": "9:16",
        "audio": "true",
    }
    assert len(_query(request)) == 13  # each once
    assert b"aspect_ratio" not in request.url.raw_path


def test_image_unknown_model_is_passed_through(
    router: respx.MockRouter, client: AuthenticatedClient
) -> None:
    route = router.get(url__startswith=BASE_URL + "/image/").mock(return_value=_jpeg())
    generate_image.sync_detailed("x", client=client, model="zimage-2")
    assert _query(_only_request(route)) == [("model", "zimage-2")]


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, []),
        ({"model": TextModelName.OPENAI_FAST}, [("model", "openai-fast")]),
        ({"model": "mistral-next"}, [("model", "mistral-next")]),
        ({"json": True}, [("json", "true")]),
        ({"json": False, "stream": False}, [("json", "false"), ("stream", "false")]),
        ({"seed": 0}, [("seed", "0")]),
        ({"temperature": 0.0}, [("temperature", "0.0")]),
        ({"system": "be brief & kind"}, [("system", "be brief & kind")]),
    ],
)
def test_text_query_parameters(
    router: respx.MockRouter,
    client: AuthenticatedClient,
    kwargs: dict[str, Any],
    expected: list[tuple[str, str]],
) -> None:
    route = router.get(url__startswith=BASE_URL + "/text/").mock(
        return_value=httpx.Response(200, text="hi", headers={"content-type": "text/plain"})
    )
    generate_text.sync_detailed("hello", client=client, **kwargs)
    assert _query(_only_request(route)) == expected


def test_optional_parameters_that_are_not_given_are_not_sent(
    router: respx.MockRouter, client: AuthenticatedClient
) -> None:
    image = router.get(url__startswith=BASE_URL + "/image/").mock(return_value=_jpeg())
    usage = router.get("/account/usage").mock(
        return_value=httpx.Response(200, json={"usage": [], "count": 0})
    )
    generate_image.sync_detailed("x", client=client, width=256)
    get_account_usage.sync_detailed(client=client)
    assert _query(_only_request(image)) == [("width", "256")]
    assert _only_request(usage).url.query == b""


def test_usage_query_parameters(router: respx.MockRouter, client: AuthenticatedClient) -> None:
    route = router.get("/account/usage").mock(
        return_value=httpx.Response(200, json={"usage": [], "count": 0})
    )
    get_account_usage.sync_detailed(
        client=client, format_=UsageFormat.JSON, limit=5, before="2025-06-01 12:00:00"
    )
    assert _query(_only_request(route)) == [
        ("format", "json"),
        ("limit", "5"),
        ("before", "2025-06-01 12:00:00"),
    ]


# --------------------------------------------------------------------- credentials


def test_bearer_header_is_sent(router: respx.MockRouter, client: AuthenticatedClient) -> None:
    route = router.get("/account/profile").mock(return_value=httpx.Response(401))
    response = get_account_profile.sync_detailed(client=client)
    assert response.status_code == 401
    assert _only_request(route).headers["Authorization"] == f"Bearer {TOKEN}"


def test_bearer_header_is_sent_by_the_async_client(router: respx.MockRouter) -> None:
    route = router.get(url__startswith=BASE_URL + "/image/").mock(return_value=_jpeg())

    async def main() -> bytes:
        async with AuthenticatedClient(base_url=BASE_URL, token=TOKEN) as async_client:
            response = await generate_image.asyncio_detailed("x", client=async_client)
            return response.content

    assert asyncio.run(main()) == JPEG
    assert _only_request(route).headers["Authorization"] == f"Bearer {TOKEN}"


def test_unauthenticated_client_sends_no_authorization(router: respx.MockRouter) -> None:
    route = router.get("/image/models").mock(return_value=httpx.Response(200, json=[]))
    with Client(base_url=BASE_URL) as anonymous:
        # The model listings need no key (`security: []`): a plain Client type-checks.
        assert list_image_models.sync(client=anonymous) == []
    assert "Authorization" not in _only_request(route).headers


def test_repr_never_shows_the_token() -> None:
    client = AuthenticatedClient(base_url=BASE_URL, token=TOKEN, headers={"X-Trace": "t1"})
    texts = [repr(client), str(client)]
    client.get_httpx_client()
    client.get_async_httpx_client()
    texts += [repr(client), str(client), repr(client.with_headers({"X-Other": "1"}))]
    for text in texts:
        assert TOKEN not in text
        assert TOKEN[-8:] not in text  # not even a tail of it
        assert "Bearer sk" not in text
    assert "AuthenticatedClient(" in texts[0]  # it is a real repr, not a blank one


def test_repr_never_shows_headers_that_carry_a_key() -> None:
    client = Client(base_url=BASE_URL, headers={"Authorization": f"Bearer {TOKEN}"})
    client.get_httpx_client()
    assert TOKEN not in repr(client)


# --------------------------------------------------------------------- chat bodies


def test_chat_body_contains_only_what_was_set(
    router: respx.MockRouter, client: AuthenticatedClient
) -> None:
    route = router.post("/v1/chat/completions").mock(
        return_value=httpx.Response(400, json=_validation_error())
    )
    request = ChatCompletionRequest(messages=[UserMessage(role="user", content="Hello")])
    create_chat_completion.sync_detailed(client=client, body=request)
    sent = _only_request(route)
    assert sent.headers["Content-Type"] == "application/json"
    assert json.loads(sent.content) == {"messages": [{"role": "user", "content": "Hello"}]}


def test_chat_body_sends_set_fields_including_explicit_null(
    router: respx.MockRouter, client: AuthenticatedClient
) -> None:
    route = router.post("/v1/chat/completions").mock(
        return_value=httpx.Response(200, json=_completion())
    )
    request = ChatCompletionRequest.from_dict(
        {
            "model": "openai",
            "messages": [{"role": "user", "content": "Hello"}],
            "temperature": 0.2,
            "seed": None,
        }
    )
    answer = create_chat_completion.sync(client=client, body=request)
    assert isinstance(answer, ChatCompletion)
    assert json.loads(_only_request(route).content) == {
        "model": "openai",
        "messages": [{"role": "user", "content": "Hello"}],
        "temperature": 0.2,
        "seed": None,
    }


# ----------------------------------------------------------------------- responses


def _error(status: int, code: str) -> dict[str, Any]:
    return {
        "status": status,
        "success": False,
        "error": {
            "code": code,
            "message": "something",
            "timestamp": "2025-06-01T00:00:00Z",
            "details": {"name": "Error"},
            "requestId": "req_1",
            "cause": {"upstream": "timeout"},
        },
    }


def _validation_error() -> dict[str, Any]:
    body = _error(400, "BAD_REQUEST")
    body["error"]["details"] = {
        "name": "ZodError",
        "formErrors": [],
        "fieldErrors": {"width": ["Expected number, received string"], "seed": ["Too small"]},
    }
    return body


def _completion() -> dict[str, Any]:
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 1733000000,
        "model": "openai",
        "choices": [
            {
                "index": 0,
                "finish_reason": "stop",
                "message": {"role": "assistant", "content": "Hello! How can I help?"},
            }
        ],
        "usage": {"completion_tokens": 6, "prompt_tokens": 9, "total_tokens": 15},
        "user_tier": "seed",
    }


def test_image_bytes_come_back_as_a_file(
    router: respx.MockRouter, client: AuthenticatedClient
) -> None:
    router.get(url__startswith=BASE_URL + "/image/").mock(return_value=_jpeg())
    response = generate_image.sync_detailed("a cat", client=client)
    assert response.status_code == 200
    assert response.content == JPEG
    assert response.headers["content-type"] == "image/jpeg"
    assert isinstance(response.parsed, File)
    assert response.parsed.payload.read() == JPEG


def test_video_bytes_come_back_as_a_file(
    router: respx.MockRouter, client: AuthenticatedClient
) -> None:
    video = b"\x00\x00\x00\x18ftypmp42fake"
    router.get(url__startswith=BASE_URL + "/image/").mock(
        return_value=httpx.Response(200, content=video, headers={"content-type": "video/mp4"})
    )
    parsed = generate_image.sync("a wave", client=client, model=ImageModelName.VEO)
    assert isinstance(parsed, File)
    assert parsed.payload.read() == video


def test_400_parses_into_validation_error_response(
    router: respx.MockRouter, client: AuthenticatedClient
) -> None:
    router.get(url__startswith=BASE_URL + "/image/").mock(
        return_value=httpx.Response(400, json=_validation_error())
    )
    response = generate_image.sync_detailed("x", client=client, width=-5)
    assert response.status_code == 400
    error = response.parsed
    assert isinstance(error, ValidationErrorResponse)
    assert (error.status, error.success, error.error.code) == (400, False, "BAD_REQUEST")
    assert error.error.details.field_errors.additional_properties == {
        "width": ["Expected number, received string"],
        "seed": ["Too small"],
    }
    assert error.error.details.form_errors == []


@pytest.mark.parametrize(
    ("status", "code"),
    [(401, "UNAUTHORIZED"), (402, "PAYMENT_REQUIRED"), (403, "FORBIDDEN"), (500, "INTERNAL")],
)
def test_error_statuses_parse_into_error_response(
    router: respx.MockRouter, client: AuthenticatedClient, status: int, code: str
) -> None:
    router.get(url__startswith=BASE_URL + "/text/").mock(
        return_value=httpx.Response(status, json=_error(status, code))
    )
    error = generate_text.sync("x", client=client)
    assert isinstance(error, ErrorResponse)
    assert (error.status, error.error.code, error.error.request_id) == (status, code, "req_1")
    assert error.error.cause == {"upstream": "timeout"}


def test_500_on_chat_parses_into_error_response(
    router: respx.MockRouter, client: AuthenticatedClient
) -> None:
    router.post("/v1/chat/completions").mock(
        return_value=httpx.Response(500, json=_error(500, "INTERNAL_ERROR"))
    )
    body = ChatCompletionRequest(messages=[UserMessage(role="user", content="Hi")])
    error = create_chat_completion.sync(client=client, body=body)
    assert isinstance(error, ErrorResponse)
    assert error.error.code == "INTERNAL_ERROR"


def test_account_errors_without_a_body_do_not_crash(
    router: respx.MockRouter, client: AuthenticatedClient
) -> None:
    router.get("/account/profile").mock(return_value=httpx.Response(403, text="Forbidden"))
    response = get_account_profile.sync_detailed(client=client)
    assert response.status_code == 403
    assert response.parsed is None
    assert response.content == b"Forbidden"


def test_usage_json_parses_into_usage_response(
    router: respx.MockRouter, client: AuthenticatedClient
) -> None:
    record = {
        "timestamp": "2025-06-01 12:00:00",
        "type": "generate.text",
        "model": "openai",
        "api_key": "sk_...f9a",
        "api_key_type": "secret",
        "meter_source": "tier",
        "input_text_tokens": 9,
        "input_cached_tokens": 0,
        "input_audio_tokens": 0,
        "input_image_tokens": 0,
        "output_text_tokens": 6,
        "output_reasoning_tokens": 0,
        "output_audio_tokens": 0,
        "output_image_tokens": 0,
        "cost_usd": 0.00012,
        "response_time_ms": None,
    }
    router.get("/account/usage").mock(
        return_value=httpx.Response(200, json={"usage": [record], "count": 1})
    )
    usage = get_account_usage.sync(client=client)
    assert isinstance(usage, UsageResponse)
    assert usage.count == 1
    assert usage.usage[0].cost_usd == 0.00012
    assert usage.usage[0].response_time_ms is None
    assert usage.to_dict() == {"usage": [record], "count": 1}


def test_text_comes_back_as_str(router: respx.MockRouter, client: AuthenticatedClient) -> None:
    router.get(url__startswith=BASE_URL + "/text/").mock(
        return_value=httpx.Response(200, text="Ahoj 🐱\n", headers={"content-type": "text/plain"})
    )
    assert generate_text.sync("hi", client=client) == "Ahoj 🐱\n"


def test_models_list_parses(router: respx.MockRouter, client: AuthenticatedClient) -> None:
    models = [{"name": "flux", "aliases": [], "pricing": {"currency": "pollen", "image": 0.0}}]
    router.get("/image/models").mock(return_value=httpx.Response(200, json=models))
    parsed = list_image_models.sync(client=client)
    assert isinstance(parsed, list)
    assert all(isinstance(model, ModelInfo) for model in parsed)
    assert [model.to_dict() for model in parsed] == models


# --------------------------------------------------- errors as the gateway sends them
# The gateway's errors carry no `details` and no `requestId` (both optional): the body
# below is what a 402 looks like. Each operation parses the error statuses its spec
# documents into an ErrorResponse, and any of them answered as text or without a body
# into None.

GATEWAY_ERRORS = {
    401: ("UNAUTHORIZED", "You need to authenticate by providing a session cookie or API key"),
    402: ("PAYMENT_REQUIRED", "Insufficient pollen balance"),
    403: ("FORBIDDEN", "Your key does not have access to this resource"),
    429: ("RATE_LIMITED", "Too many requests, retry in 12 seconds"),
    500: ("INTERNAL_ERROR", "Oh snap, something went wrong on our end. We're on it!"),
}


def _gateway_error(status: int, *given: str) -> dict[str, Any]:
    code, message = given or GATEWAY_ERRORS[status]
    return {
        "status": status,
        "success": False,
        "error": {"code": code, "message": message, "timestamp": "2026-01-01T00:00:00Z"},
    }


def _chat(client: AuthenticatedClient) -> Response[Any]:
    body = ChatCompletionRequest(messages=[UserMessage(content="Hi")])
    return create_chat_completion.sync_detailed(client=client, body=body)


ERROR_CALLS: dict[str, Callable[[AuthenticatedClient], Response[Any]]] = {
    "create_chat_completion": _chat,
    "generate_image": lambda client: generate_image.sync_detailed("a cat", client=client),
    "generate_text": lambda client: generate_text.sync_detailed("hi", client=client),
    "get_account_balance": lambda client: get_account_balance.sync_detailed(client=client),
    "get_account_profile": lambda client: get_account_profile.sync_detailed(client=client),
    "get_account_usage": lambda client: get_account_usage.sync_detailed(client=client),
    "get_account_usage_daily": lambda client: get_account_usage_daily.sync_detailed(client=client),
    "get_account_key": lambda client: get_account_key.sync_detailed(client=client),
}
OPERATIONS = operations(spec())


def _documented_errors(operation_id: str) -> set[int]:
    """The statuses at which the spec says this operation answers an ErrorResponse (a
    `default` one stands for every status the operation does not list)."""
    found = set()
    responses = OPERATIONS[operation_id].node["responses"]
    for status, response in responses.items():
        media = resolve(spec(), response).get("content", {}).get("application/json", {})
        if ref_name(media.get("schema", {})) == "ErrorResponse":
            if status == "default":
                found |= {s for s in [*GATEWAY_ERRORS, 418] if str(s) not in responses}
            else:
                found.add(int(status))
    return found


DOCUMENTED_ERRORS = [
    (operation_id, status)
    for operation_id in ERROR_CALLS
    for status in GATEWAY_ERRORS
    if status in _documented_errors(operation_id)
]
UNDOCUMENTED_ERRORS = [
    (operation_id, status)
    for operation_id in ERROR_CALLS
    for status in GATEWAY_ERRORS
    if status not in _documented_errors(operation_id)
]


def _ids(cases: list[tuple[str, int]]) -> list[str]:
    return [f"{operation_id}-{status}" for operation_id, status in cases]


def _assert_sent_to(route: respx.Route, operation_id: str) -> None:
    op = OPERATIONS[operation_id]
    request = _only_request(route)
    assert request.method == op.method
    assert request.url.path.startswith(op.path.split("{")[0])


def test_error_tables() -> None:
    """Every operation answers every gateway error with the envelope: upstream lists
    some statuses, and the overlay's `default` response stands for the others (the
    account's 402 and 500)."""
    for operation_id in OPERATIONS:
        assert _documented_errors(operation_id) >= set(GATEWAY_ERRORS), operation_id
    assert UNDOCUMENTED_ERRORS == []
    assert len(DOCUMENTED_ERRORS) == len(ERROR_CALLS) * len(GATEWAY_ERRORS)
    assert {"get_account_balance", "get_account_key", "get_account_usage_daily"} <= set(ERROR_CALLS)


@pytest.mark.parametrize(("operation_id", "status"), DOCUMENTED_ERRORS, ids=_ids(DOCUMENTED_ERRORS))
def test_gateway_error_without_details_parses(
    router: respx.MockRouter, client: AuthenticatedClient, operation_id: str, status: int
) -> None:
    body = _gateway_error(status)
    route = router.route().mock(return_value=httpx.Response(status, json=body))
    response = ERROR_CALLS[operation_id](client)
    _assert_sent_to(route, operation_id)
    assert response.status_code == status
    error = response.parsed
    assert isinstance(error, ErrorResponse)
    assert (error.status, error.success) == (status, False)
    assert (error.error.code, error.error.message) == GATEWAY_ERRORS[status]
    assert error.error.timestamp == "2026-01-01T00:00:00Z"
    assert error.error.details is None
    assert error.error.request_id is None
    assert error.error.cause is None
    assert error.to_dict() == body
    assert "Unset" not in repr(error)
    assert "details" not in repr(error)
    assert "request_id" not in repr(error)


@pytest.mark.parametrize("operation_id", sorted(ERROR_CALLS))
def test_an_error_at_a_status_no_one_lists_parses_through_default(
    router: respx.MockRouter, client: AuthenticatedClient, operation_id: str
) -> None:
    """A 418 is in no operation's list: the `default` response parses it all the same,
    so `raise_on_unexpected_status` has nothing left to raise for."""
    body = _gateway_error(418, "TEAPOT", "short and stout")
    route = router.route().mock(return_value=httpx.Response(418, json=body))
    response = ERROR_CALLS[operation_id](client)
    _assert_sent_to(route, operation_id)
    assert response.status_code == 418
    assert isinstance(response.parsed, ErrorResponse)
    assert response.parsed.error.code == "TEAPOT"
    assert response.parsed.to_dict() == body
    with AuthenticatedClient(
        base_url=BASE_URL, token=TOKEN, raise_on_unexpected_status=True
    ) as strict:
        assert isinstance(ERROR_CALLS[operation_id](strict).parsed, ErrorResponse)


# The same errors, not as JSON: answered by a proxy, or cut short.
NOT_JSON: dict[str, Callable[[int], httpx.Response]] = {
    "text/plain": lambda status: httpx.Response(status, text=GATEWAY_ERRORS[status][1]),
    "text/html": lambda status: httpx.Response(status, html="<h1>Something went wrong</h1>"),
    "empty": lambda status: httpx.Response(status),
    "empty, labelled JSON": lambda status: httpx.Response(
        status, headers={"content-type": "application/json"}
    ),
}


@pytest.mark.parametrize("kind", list(NOT_JSON))
@pytest.mark.parametrize(("operation_id", "status"), DOCUMENTED_ERRORS, ids=_ids(DOCUMENTED_ERRORS))
def test_gateway_error_that_is_not_json_is_not_parsed(
    router: respx.MockRouter,
    client: AuthenticatedClient,
    operation_id: str,
    status: int,
    kind: str,
) -> None:
    answer = NOT_JSON[kind](status)
    route = router.route().mock(return_value=answer)
    response = ERROR_CALLS[operation_id](client)
    _assert_sent_to(route, operation_id)
    assert response.status_code == status
    assert response.parsed is None
    assert response.content == answer.content


def test_account_answers_missing_required_fields_still_parse(
    router: respx.MockRouter, client: AuthenticatedClient
) -> None:
    router.get("/account/balance").mock(return_value=httpx.Response(200, json={}))
    router.get("/account/profile").mock(
        return_value=httpx.Response(200, json={"tier": "seed", "x_new": 1})
    )
    balance = get_account_balance.sync(client=client)
    assert isinstance(balance, Balance)
    assert balance.balance is None
    assert balance.to_dict() == {}
    profile = get_account_profile.sync(client=client)
    assert isinstance(profile, UserProfile)
    assert (profile.tier, profile.created_at, profile.name) == ("seed", None, None)
    assert profile.additional_properties == {"x_new": 1}
    assert (
        repr(profile) == "UserProfile(tier=<Tier.SEED: 'seed'>, additional_properties={'x_new': 1})"
    )


# README: "`text/plain`, `text/csv` and `text/event-stream` bodies come back as `str`".

SSE = (
    'data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"openai",'
    '"choices":[{"index":0,"delta":{"content":"Hi"}}]}\n\n'
    "data: [DONE]\n\n"
)


def test_text_stream_comes_back_as_str(
    router: respx.MockRouter, client: AuthenticatedClient
) -> None:
    router.get(url__startswith=BASE_URL + "/text/").mock(
        return_value=httpx.Response(200, text=SSE, headers={"content-type": "text/event-stream"})
    )
    assert generate_text.sync("hi", client=client, stream=True) == SSE


def test_usage_csv_is_left_unparsed_in_content(
    router: respx.MockRouter, client: AuthenticatedClient
) -> None:
    """Only the JSON media type is parsed; the CSV body stays in `content`, no crash."""
    csv = "timestamp,type,model,cost_usd\n2025-06-01 12:00:00,generate.text,openai,0.0001\n"
    router.get("/account/usage").mock(
        return_value=httpx.Response(200, text=csv, headers={"content-type": "text/csv"})
    )
    response = get_account_usage.sync_detailed(client=client, format_=UsageFormat.CSV)
    assert response.status_code == 200
    assert response.content.decode() == csv
    assert response.parsed is None


def test_chat_stream_is_left_unparsed_in_content(
    router: respx.MockRouter, client: AuthenticatedClient
) -> None:
    """The event stream is not JSON: `parsed` is None and the events are in `content`."""
    router.post("/v1/chat/completions").mock(
        return_value=httpx.Response(200, text=SSE, headers={"content-type": "text/event-stream"})
    )
    body = ChatCompletionRequest.from_dict(
        {"messages": [{"role": "user", "content": "Hi"}], "stream": True}
    )
    response = create_chat_completion.sync_detailed(client=client, body=body)
    assert response.status_code == 200
    assert response.content.decode() == SSE
    assert response.parsed is None


# ------------------------------------------------------------------ README example


def _readme_low_level_example() -> str:
    readme = README_PATH.read_text(encoding="utf-8")
    section = readme.split("## Low-level usage", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match, "README's Low-level usage section has no python block"
    return match[1]


def test_readme_low_level_example(
    router: respx.MockRouter,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = _readme_low_level_example()
    assert 'base_url="https://gen.pollinations.ai"' in code
    chat = router.post("/v1/chat/completions").mock(
        return_value=httpx.Response(200, json=_completion())
    )
    image = router.get(
        "/image/a%20cat%20on%20the%20moon", params={"width": "512", "seed": "7"}
    ).mock(return_value=_jpeg())
    monkeypatch.chdir(tmp_path)

    exec(compile(code, "README.md", "exec"), {"__name__": "readme_example"})

    assert capsys.readouterr().out == "Hello! How can I help?\n"
    assert (tmp_path / "cat.jpg").read_bytes() == JPEG
    sent = json.loads(_only_request(chat).content)
    assert sent == {"model": "openai", "messages": [{"role": "user", "content": "Hello"}]}
    token = re.search(r'token="([^"]+)"', code)
    assert token
    for request in (_only_request(chat), _only_request(image)):
        assert request.headers["Authorization"] == f"Bearer {token[1]}"
    assert _query(_only_request(image)) == [("width", "512"), ("seed", "7")]
