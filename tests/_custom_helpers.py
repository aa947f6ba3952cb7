"""Shared pieces of the tests of `pollinations_client.custom` (tests/test_custom_*.py).

`Harness` runs one scenario against `Pollinations` or `AsyncPollinations`: a test is an
`async def` marked `anyio`, parametrized over "sync" and "async", and writes

    client = h.make()
    result = await h.run(client.images.generate("a cat"))

For the sync client the call has already happened when `run` sees its result; for the
async one `run` awaits the coroutine. Every client a harness makes gets a fake clock
(`_sleep` records the delays instead of sleeping), so no test ever waits.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import (
    AsyncGenerator,
    AsyncIterator,
    Generator,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
from typing import Any

import attrs
import httpx

from pollinations_client.custom import AsyncPollinations, AsyncStream, Pollinations, Stream

BASE_URL = "https://gen.pollinations.ai"
#: Long and distinctive, so that a leak anywhere is found by a substring search.
KEY = "sk_test_5ecr3tK3yDoNotLeak0123456789"
PK_KEY = "pk_test_publ1shableK3yDoNotLeak98765"

Client = Pollinations | AsyncPollinations
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(64))
#: The start of an MPEG-1 Layer III frame (sync word, 128 kbit/s, 44.1 kHz), and more.
MP3 = b"\xff\xfb\x90\x64" + bytes(range(60))
KEY_INFO: dict[str, Any] = {
    "valid": True,
    "type": "secret",
    "name": "ci",
    "expiresAt": None,
    "expiresIn": None,
    "permissions": {"models": None, "account": ["balance", "usage"]},
    "pollenBudget": 5.0,
    "rateLimitEnabled": False,
}
DAILY_USAGE: dict[str, Any] = {
    "usage": [
        {
            "date": "2025-01-02",
            "model": "openai",
            "requests": 3,
            "cost_usd": 0.3,
            "meter_source": "tier",
        }
    ],
    "count": 1,
}


class Harness:
    """Makes clients of one flavour (sync or async) and runs calls on them."""

    def __init__(self, mode: str) -> None:
        assert mode in ("sync", "async")
        self.mode = mode
        self.is_async = mode == "async"
        #: Every delay any client of this harness asked to sleep, in order.
        self.sleeps: list[float] = []
        self._clients: list[Client] = []

    def make(self, **overrides: Any) -> Client:
        """A client with the test key and base URL unless overridden, and a fake clock."""
        kwargs: dict[str, Any] = {"api_key": KEY, "base_url": BASE_URL, **overrides}
        client: Client = AsyncPollinations(**kwargs) if self.is_async else Pollinations(**kwargs)
        self.install_fake_clock(client)
        self._clients.append(client)
        return client

    def adopt(self, clients: Mapping[str, Client]) -> Client:
        """The client of this harness's flavour from a shared (module-scoped) pair; its
        owner closes it. Making a client costs an SSL context, so tests that only check
        arguments share one."""
        client = clients[self.mode]
        self.install_fake_clock(client)
        return client

    def install_fake_clock(self, client: Client) -> None:
        sleeps = self.sleeps
        if isinstance(client, AsyncPollinations):

            async def fake_async_sleep(seconds: float) -> None:
                sleeps.append(seconds)

            client._sleep = fake_async_sleep
        else:

            def fake_sleep(seconds: float) -> None:
                sleeps.append(seconds)

            client._sleep = fake_sleep

    def track(self, client: Client) -> Client:
        """Close `client` at the end of the test too (for copies made by with_options)."""
        self._clients.append(client)
        return client

    async def run(self, value: object) -> Any:
        """The result of a call: awaited for the async client, as is for the sync one."""
        if inspect.isawaitable(value):
            return await value
        return value

    async def drive(self, value: object) -> Any:
        """`run`, and for a generator (iter_usage) iterate it to the end: what it raises."""
        result = await self.run(value)
        if isinstance(result, (Generator, AsyncGenerator)):
            return await self.collect(result)
        return result

    async def collect(self, value: object) -> list[Any]:
        """Everything an iterator (a stream, iter_usage) yields, sync or async."""
        iterable = await self.run(value)
        if hasattr(iterable, "__aiter__"):
            return [item async for item in iterable]
        assert isinstance(iterable, Iterable)
        return list(iterable)

    async def next_item(self, iterable: object) -> Any:
        if isinstance(iterable, AsyncIterator):
            return await iterable.__anext__()
        assert isinstance(iterable, Iterator)
        return next(iterable)

    async def close_iterator(self, iterator: object) -> None:
        aclose = getattr(iterator, "aclose", None)
        if aclose is not None:
            await aclose()
            return
        close = getattr(iterator, "close", None)
        assert close is not None
        close()

    async def close_stream(self, stream: Stream[Any] | AsyncStream[Any]) -> None:
        if isinstance(stream, AsyncStream):
            await stream.close()
        else:
            stream.close()

    async def aclose(self) -> None:
        for client in self._clients:
            if isinstance(client, AsyncPollinations):
                await client.close()
            else:
                client.close()


def set_jitter(client: Client, random: float, now: float | None = None) -> None:
    """Fix the retry policy's random draw (and clock) so that delays are exact."""
    policy = attrs.evolve(client._retry_policy, random=lambda: random)
    if now is not None:
        policy = attrs.evolve(policy, now=lambda: now)
    client._retry_policy = policy


class ChunkedStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body delivered in exactly the given pieces, then optionally an error."""

    def __init__(self, chunks: Sequence[bytes], error: Exception | None = None) -> None:
        self.chunks = list(chunks)
        self.error = error

    def __iter__(self) -> Iterator[bytes]:
        yield from self.chunks
        if self.error is not None:
            raise self.error

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks:
            yield chunk
        if self.error is not None:
            raise self.error


def split_every(data: bytes, size: int) -> list[bytes]:
    return [data[i : i + size] for i in range(0, len(data), size)]


def sse_response(
    chunks: Sequence[bytes], *, error: Exception | None = None, status: int = 200
) -> httpx.Response:
    return httpx.Response(
        status,
        headers={"content-type": "text/event-stream"},
        stream=ChunkedStream(chunks, error),
    )


def sse_body(*events: str, newline: str = "\n") -> bytes:
    """`data: <event>` blocks, each ended by a blank line."""
    return "".join(
        "".join(f"data: {line}{newline}" for line in event.split("\n")) + newline
        for event in events
    ).encode()


def chat_completion(content: str = "Hello!") -> dict[str, Any]:
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 1_700_000_000,
        "model": "openai",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5},
    }


def chat_chunk(
    content: str | None = None,
    *,
    tool_calls: list[dict[str, Any]] | None = None,
    index: int = 0,
    finish_reason: str | None = None,
) -> dict[str, Any]:
    delta: dict[str, Any] = {}
    if content is not None:
        delta["content"] = content
    if tool_calls is not None:
        delta["tool_calls"] = tool_calls
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": 1_700_000_000,
        "model": "openai",
        "choices": [{"index": index, "delta": delta, "finish_reason": finish_reason}],
    }


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def usage_record(timestamp: str, cost: float = 0.01) -> dict[str, Any]:
    return {
        "timestamp": timestamp,
        "type": "generate.text",
        "model": "openai",
        "api_key": "sk_***",
        "api_key_type": "secret",
        "meter_source": "tier",
        "input_text_tokens": 10,
        "input_cached_tokens": 0,
        "input_audio_tokens": 0,
        "input_image_tokens": 0,
        "output_text_tokens": 20,
        "output_reasoning_tokens": 0,
        "output_audio_tokens": 0,
        "output_image_tokens": 0,
        "cost_usd": cost,
        "response_time_ms": 123,
    }


def usage_page(*timestamps: str) -> dict[str, Any]:
    return {"usage": [usage_record(ts) for ts in timestamps], "count": len(timestamps)}


MODEL_INFO: dict[str, Any] = {
    "name": "flux",
    "aliases": ["flux-dev"],
    "pricing": {"currency": "pollen", "completionImageTokens": 0.001},
    "description": "Flux image model",
    "input_modalities": ["text"],
    "output_modalities": ["image"],
    "tools": False,
    "is_specialized": False,
}

PROFILE: dict[str, Any] = {
    "name": "Ada",
    "email": "ada@example.com",
    "githubUsername": "ada",
    "image": None,
    "tier": "seed",
    "createdAt": "2024-01-01T00:00:00Z",
    "nextResetAt": None,
}


def envelope(
    status: int,
    code: str,
    message: str,
    *,
    request_id: str | None = None,
    field_errors: dict[str, list[str]] | None = None,
    form_errors: list[str] | None = None,
) -> dict[str, Any]:
    """The API's documented error body."""
    details: dict[str, Any] = {"name": "Error"}
    if field_errors is not None or form_errors is not None:
        details["fieldErrors"] = field_errors or {}
        details["formErrors"] = form_errors or []
    error: dict[str, Any] = {
        "code": code,
        "message": message,
        "timestamp": "2025-01-01T00:00:00Z",
        "details": details,
    }
    if request_id is not None:
        error["requestId"] = request_id
    return {"status": status, "success": False, "error": error}


def answer_everything(request: httpx.Request) -> httpx.Response:
    """A plausible success for any endpoint of the API (for tests that only count calls).

    The base URL may carry a path prefix (a proxy); it is skipped.
    """
    path = request.url.path
    while path and not path.startswith(("/image/", "/text/", "/v1/", "/account/", "/audio/")):
        _, _, rest = path[1:].partition("/")
        path = "/" + rest if rest else ""
    if path.startswith(("/image/models", "/text/models", "/audio/models")):
        return httpx.Response(200, json=[MODEL_INFO])
    if path.startswith("/image/"):
        return httpx.Response(200, content=PNG, headers={"content-type": "image/png"})
    if path.startswith("/text/"):
        if request.url.params.get("stream") == "true":
            return sse_response([sse_body("hi", "[DONE]")])
        return httpx.Response(200, text="hi")
    if path == "/v1/chat/completions":
        if json.loads(request.content).get("stream"):
            return sse_response([sse_body(dumps(chat_chunk("hi")), "[DONE]")])
        return httpx.Response(200, json=chat_completion())
    if path == "/v1/models":
        return httpx.Response(
            200,
            json={"object": "list", "data": [{"id": "openai", "object": "model", "created": 1}]},
        )
    if path.startswith("/audio/") or path == "/v1/audio/speech":
        return httpx.Response(200, content=MP3, headers={"content-type": "audio/mpeg"})
    if path == "/v1/audio/transcriptions":
        return httpx.Response(200, json={"text": "hi"})
    if path == "/account/key":
        return httpx.Response(200, json=KEY_INFO)
    if path == "/account/usage/daily":
        if request.url.params.get("format") == "csv":
            return httpx.Response(
                200, text="date,model,requests\n", headers={"content-type": "text/csv"}
            )
        return httpx.Response(200, json=DAILY_USAGE)
    if path == "/account/balance":
        return httpx.Response(200, json={"balance": 12.5})
    if path == "/account/profile":
        return httpx.Response(200, json=PROFILE)
    if path == "/account/usage":
        if request.url.params.get("format") == "csv":
            return httpx.Response(
                200, text="timestamp,cost\n", headers={"content-type": "text/csv"}
            )
        return httpx.Response(200, json=usage_page("2025-01-01 00:00:00"))
    raise AssertionError(f"unexpected request {request.method} {path}")


# ------------------------------------------------- every public method, for option tests
#: A minimal valid conversation.
USER_MESSAGES: list[dict[str, Any]] = [{"role": "user", "content": "hi"}]


@attrs.frozen
class ApiCall:
    """One public method that sends a request, with arguments that make a valid call.

    `path` walks from a client (or a raw view) to the method; `answer_everything` serves
    every one of them. `url_path` is the path the request arrives at.
    """

    name: str
    path: tuple[str, ...]
    http_method: str
    url_path: str
    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] = attrs.field(factory=dict)
    #: The request carries a JSON body (extra_body is merged into it).
    json_body: bool = False
    #: A generation, which costs pollen (not repeated once sent, by default).
    billable: bool = False
    #: The method returns a Stream / AsyncStream.
    stream: bool = False

    def method(self, root: Any) -> Any:
        target = root
        for name in self.path:
            target = getattr(target, name)
        return target

    def call(self, root: Any, **extra: Any) -> Any:
        """Call the method on `root` (a client or a raw view) with `extra` keywords."""
        return self.method(root)(*self.args, **{**self.kwargs, **extra})


API_CALLS: tuple[ApiCall, ...] = (
    ApiCall("images.generate", ("images", "generate"), "GET", "/image/a%20cat",
            args=("a cat",), billable=True),
    ApiCall("text.generate", ("text", "generate"), "GET", "/text/hi", args=("hi",),
            billable=True),
    ApiCall("text.stream", ("text", "stream"), "GET", "/text/hi", args=("hi",),
            billable=True, stream=True),
    ApiCall("chat.completions.create", ("chat", "completions", "create"), "POST",
            "/v1/chat/completions", kwargs={"messages": USER_MESSAGES}, json_body=True,
            billable=True),
    ApiCall("chat.completions.create(stream)", ("chat", "completions", "create"), "POST",
            "/v1/chat/completions", kwargs={"messages": USER_MESSAGES, "stream": True},
            json_body=True, billable=True, stream=True),
    ApiCall("models.list", ("models", "list"), "GET", "/v1/models"),
    ApiCall("models.text", ("models", "text"), "GET", "/text/models"),
    ApiCall("models.image", ("models", "image"), "GET", "/image/models"),
    ApiCall("models.audio", ("models", "audio"), "GET", "/audio/models"),
    ApiCall("account.balance", ("account", "balance"), "GET", "/account/balance"),
    ApiCall("account.profile", ("account", "profile"), "GET", "/account/profile"),
    ApiCall("account.key", ("account", "key"), "GET", "/account/key"),
    ApiCall("account.usage", ("account", "usage"), "GET", "/account/usage"),
    ApiCall("account.usage_csv", ("account", "usage_csv"), "GET", "/account/usage"),
    ApiCall("account.usage_daily", ("account", "usage_daily"), "GET", "/account/usage/daily"),
    ApiCall("account.usage_daily_csv", ("account", "usage_daily_csv"), "GET",
            "/account/usage/daily"),
    ApiCall("audio.speech.create", ("audio", "speech", "create"), "POST", "/v1/audio/speech",
            kwargs={"input": "hi"}, json_body=True, billable=True),
    ApiCall("audio.transcriptions.create", ("audio", "transcriptions", "create"), "POST",
            "/v1/audio/transcriptions", kwargs={"file": ("hi.mp3", MP3)}, billable=True),
    ApiCall("audio.generate", ("audio", "generate"), "GET", "/audio/hi", args=("hi",),
            billable=True),
)  # fmt: skip
API_CALLS_BY_NAME: dict[str, ApiCall] = {call.name: call for call in API_CALLS}
#: The generations: each costs pollen, so a lost answer is not asked for again.
GENERATIONS: tuple[ApiCall, ...] = tuple(call for call in API_CALLS if call.billable)
#: The listings and account calls: free, retried whatever went wrong.
FREE_CALLS: tuple[ApiCall, ...] = tuple(call for call in API_CALLS if not call.billable)


def gateway_error(
    status: int, code: str, message: str, *, request_id: str | None = "req-err-1"
) -> httpx.Response:
    """An error as the gateway sends it: the envelope without `details`, and its request
    id in the `x-request-id` header."""
    body = {
        "status": status,
        "success": False,
        "error": {"code": code, "message": message, "timestamp": "2025-01-01T00:00:00Z"},
    }
    headers = {"x-request-id": request_id} if request_id else {}
    return httpx.Response(status, json=body, headers=headers)


@attrs.frozen
class FormPart:
    """One part of a multipart/form-data body, as the server reads it."""

    name: str
    filename: str | None
    content_type: str | None
    data: bytes


def multipart_parts(request: httpx.Request) -> list[FormPart]:
    """The parts of a multipart/form-data request, in order, parsed from the raw body
    (strictly: every delimiter and part head must be where RFC 7578 puts it)."""
    import re

    content_type = request.headers["content-type"]
    assert content_type.startswith("multipart/form-data; boundary="), content_type
    boundary = content_type.partition("boundary=")[2].strip('"').encode()
    pieces = request.content.split(b"--" + boundary)
    assert pieces[0] == b"", pieces[0]
    assert pieces[-1] == b"--\r\n", pieces[-1]
    parts: list[FormPart] = []
    for piece in pieces[1:-1]:
        assert piece.startswith(b"\r\n") and piece.endswith(b"\r\n"), piece[:80]
        head, separator, data = piece[2:-2].partition(b"\r\n\r\n")
        assert separator, piece[:80]
        headers: dict[str, str] = {}
        for line in head.decode("utf-8").split("\r\n"):
            key, _, value = line.partition(":")
            headers[key.strip().lower()] = value.strip()
        disposition = headers["content-disposition"]
        assert disposition.startswith("form-data;"), disposition
        name = re.search(r';\s*name="([^"]*)"', disposition)
        filename = re.search(r';\s*filename="([^"]*)"', disposition)
        assert name is not None, disposition
        parts.append(
            FormPart(
                name=name.group(1),
                filename=filename.group(1) if filename else None,
                content_type=headers.get("content-type"),
                data=data,
            )
        )
    return parts
