"""Faults on the wire, against a real HTTP/1.1 server on 127.0.0.1 (tests/_fault_server.py).

Each test scripts what the server does with the next requests (close the connection at
some byte, stall, answer with a broken body) and checks three things: the exception
class, how many attempts reached the server, and that nothing truncated is returned as
if it were whole. Retry delays go through the client's fake clock (`Harness` replaces
`client._sleep`), except in the one test that waits out a real `Retry-After: 1`.
"""

from __future__ import annotations

import ast
import email.utils
import json
import re
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from _custom_helpers import Harness, set_jitter
from _fault_server import (
    Action,
    FaultServer,
    FullBacklogListener,
    chunked,
    close,
    closed_port,
    gzip_garbage,
    gzipped,
    headers_then_close,
    html_page,
    partial_headers,
    partial_status_line,
    reset,
    respond,
    short_body,
    sse,
    stall,
)

from pollinations_client.custom import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ImageResult,
    IncompleteResponseError,
    InternalServerError,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    Pollinations,
    PollinationsError,
    RateLimitError,
)

pytestmark = pytest.mark.anyio

KEY = "sk_reliability_faults_5ecr3t_0123456789"
USER = [{"role": "user", "content": "hi"}]
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
#: How much of a body an error message may quote (custom/_exceptions.EXCERPT_LENGTH),
#: plus the ellipsis.
EXCERPT_LIMIT = 200 + len("...")
#: A fixed "now" for HTTP-date Retry-After headers (the policy's clock is pinned to it).
NOW = 1_750_000_000.0


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[FaultServer]:
    monkeypatch.delenv("POLLINATIONS_API_KEY", raising=False)
    monkeypatch.delenv("POLLINATIONS_BASE_URL", raising=False)
    with FaultServer() as running:
        yield running
    assert running.errors == []


def make(h: Harness, server: FaultServer, **overrides: Any) -> Any:
    """A client of the harness's flavour aimed at `server`, with the fake clock."""
    return h.make(api_key=KEY, base_url=server.url, **overrides)


def chunk_json(content: str) -> str:
    return json.dumps(
        {
            "id": "chatcmpl-1",
            "object": "chat.completion.chunk",
            "created": 1,
            "model": "openai",
            "choices": [{"index": 0, "delta": {"content": content}, "finish_reason": None}],
        }
    )


def quoted_excerpt(message: str) -> str:
    """The body excerpt an error message quotes (`body starts: '...'` or `(body: '...')`)."""
    match = re.search(
        r"(?:body starts: |\(body: )('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")", message
    )
    assert match, f"no body excerpt in {message!r}"
    excerpt = ast.literal_eval(match.group(1))
    assert isinstance(excerpt, str)
    return excerpt


def assert_short_safe_excerpt(error: BaseException, expected_start: str) -> None:
    message = str(error)
    excerpt = quoted_excerpt(message)
    assert excerpt.startswith(expected_start), (excerpt, expected_start)
    assert len(excerpt) <= EXCERPT_LIMIT
    assert len(message) < 600
    assert KEY not in message


async def call_image(h: Harness, client: Any) -> Any:
    return await h.run(client.images.generate("a cat", width=64, height=64))


async def call_chat(h: Harness, client: Any) -> Any:
    return await h.run(client.chat.completions.create(messages=USER, model="openai"))


CALLS = {"image": call_image, "chat": call_chat}


async def call_models(h: Harness, client: Any) -> Any:
    return await h.run(client.models.list())


async def call_balance(h: Harness, client: Any) -> Any:
    return await h.run(client.account.balance())


#: Calls that cost nothing: retried whatever went wrong.
LISTINGS = {"models": call_models, "balance": call_balance}


# ------------------------------------------------------ the connection goes away


BEFORE_THE_BODY: dict[str, Action] = {
    "closed before any byte": close(),
    "reset before any byte": reset(),
    "closed inside the status line": partial_status_line(),
    "closed inside the headers": partial_headers(),
}


@pytest.mark.parametrize("endpoint", sorted(CALLS))
@pytest.mark.parametrize("fault", sorted(BEFORE_THE_BODY))
async def test_a_generation_lost_after_it_was_sent_is_not_repeated(
    h: Harness, server: FaultServer, fault: str, endpoint: str
) -> None:
    """The server had the request: it may have done, and billed, the work. Once."""
    server.script(*[BEFORE_THE_BODY[fault]] * 3)
    client = make(h, server, max_retries=2)
    with pytest.raises(APIConnectionError) as caught:
        await CALLS[endpoint](h, client)
    assert not isinstance(caught.value, APITimeoutError)
    assert len(server.requests) == 1
    assert h.sleeps == []
    assert "may have done (and billed) the work" in str(caught.value)
    assert "retry_unsafe=True" in str(caught.value)
    assert KEY not in str(caught.value)


@pytest.mark.parametrize("per", ["client", "call"])
@pytest.mark.parametrize("endpoint", sorted(CALLS))
@pytest.mark.parametrize("fault", sorted(BEFORE_THE_BODY))
async def test_with_retry_unsafe_a_lost_generation_is_retried_then_a_connection_error(
    h: Harness, server: FaultServer, fault: str, endpoint: str, per: str
) -> None:
    server.script(*[BEFORE_THE_BODY[fault]] * 3)
    if per == "client":
        client = make(h, server, max_retries=2, retry_unsafe=True)
    else:
        client = make(h, server, max_retries=2).with_options(retry_unsafe=True)
    with pytest.raises(APIConnectionError) as caught:
        await CALLS[endpoint](h, client)
    assert not isinstance(caught.value, APITimeoutError)
    assert len(server.requests) == 3  # the first attempt and max_retries=2 retries
    assert len(h.sleeps) == 2
    assert "may have done" not in str(caught.value)
    assert KEY not in str(caught.value)


@pytest.mark.parametrize("endpoint", sorted(LISTINGS))
@pytest.mark.parametrize("fault", sorted(BEFORE_THE_BODY))
async def test_a_listing_lost_after_it_was_sent_is_retried_then_a_connection_error(
    h: Harness, server: FaultServer, fault: str, endpoint: str
) -> None:
    server.script(*[BEFORE_THE_BODY[fault]] * 3)
    client = make(h, server, max_retries=2)
    with pytest.raises(APIConnectionError) as caught:
        await LISTINGS[endpoint](h, client)
    assert len(server.requests) == 3
    assert len(h.sleeps) == 2
    assert KEY not in str(caught.value)


TRUNCATED_IMAGES: dict[str, Action] = {
    "headers then close": headers_then_close("image/png", content_length=len(PNG)),
    "half the announced bytes": short_body(PNG[: len(PNG) // 2], announced=len(PNG)),
    "all but the last byte": short_body(PNG[:-1], announced=len(PNG)),
    "chunked body cut off": chunked(
        [PNG[:100], PNG[100:300]], content_type="image/png", finish=False
    ),
}


@pytest.mark.parametrize("unsafe", [False, True])
@pytest.mark.parametrize("fault", sorted(TRUNCATED_IMAGES))
async def test_a_truncated_image_is_never_returned(
    h: Harness, server: FaultServer, fault: str, unsafe: bool
) -> None:
    server.script(*[TRUNCATED_IMAGES[fault]] * 3)
    client = make(h, server, max_retries=2)
    result: object = None
    with pytest.raises(APIConnectionError):
        result = await h.run(client.images.generate("a cat", retry_unsafe=unsafe))
    assert not isinstance(result, ImageResult)
    assert len(server.requests) == (3 if unsafe else 1)


@pytest.mark.parametrize("fault", sorted(TRUNCATED_IMAGES))
async def test_a_truncated_image_raises_incomplete_response_error(
    h: Harness, server: FaultServer, fault: str
) -> None:
    """IncompleteResponseError is documented for "a body shorter than announced"."""
    server.script(*[TRUNCATED_IMAGES[fault]] * 3)
    client = make(h, server, max_retries=2)
    with pytest.raises(IncompleteResponseError) as caught:
        await call_image(h, client)
    assert len(server.requests) == 1
    assert "may have done (and billed) the work" in str(caught.value)


async def test_a_truncated_image_then_a_whole_one_returns_the_whole_one(
    h: Harness, server: FaultServer
) -> None:
    server.script(
        short_body(PNG[:300], announced=len(PNG)),
        respond(200, PNG, content_type="image/png"),
    )
    client = make(h, server, retry_unsafe=True)
    result = await call_image(h, client)
    assert isinstance(result, ImageResult)
    assert result.content == PNG
    assert len(server.requests) == 2


async def test_a_truncated_chat_completion_is_never_returned(
    h: Harness, server: FaultServer
) -> None:
    body = json.dumps({"id": "x", "object": "chat.completion", "choices": []}).encode()
    server.script(
        *[short_body(body[:10], content_type="application/json", announced=len(body))] * 3
    )
    client = make(h, server)
    with pytest.raises(IncompleteResponseError):
        await call_chat(h, client)
    assert len(server.requests) == 1


async def test_a_connection_closed_after_a_complete_answer_is_not_an_error(
    h: Harness, server: FaultServer
) -> None:
    """`Connection: close` after a whole answer: the next call opens a new connection."""
    server.script(respond(200, b"first", keep_alive=False), respond(200, b"second"))
    client = make(h, server, max_retries=0)
    assert await h.run(client.text.generate("one")) == "first"
    assert await h.run(client.text.generate("two")) == "second"
    assert server.connections == 2
    assert h.sleeps == []


def _model_list(i: int) -> Action:
    body = json.dumps({"object": "list", "data": [{"id": f"m{i}", "object": "model"}]})
    return respond(200, body.encode(), content_type="application/json", close_after=True)


async def test_a_silently_closed_idle_connection_is_not_an_error_for_a_listing(
    h: Harness, server: FaultServer
) -> None:
    """The server drops a kept-alive connection without warning after each answer; the
    next listings still get their own, complete answers (retried where they met it)."""
    server.script(*[_model_list(i) for i in range(5)], *[_model_list(i) for i in range(5)])
    client = make(h, server)
    for i in range(5):
        (model,) = await h.run(client.models.list())
        assert model.id == f"m{i}"
    assert server.connections >= 5


async def test_a_generation_lost_on_a_reused_connection_is_not_repeated(
    h: Harness, server: FaultServer
) -> None:
    """The second request goes out on the kept-alive connection of the first, and the
    server closes it without a byte of answer. It may have taken the request first (a
    load balancer does that), so a generation is not sent again; a listing is."""
    server.script(respond(200, b"first"), close(), respond(200, b"unused"))
    client = make(h, server, max_retries=2)
    assert await h.run(client.text.generate("one")) == "first"
    with pytest.raises(APIConnectionError) as caught:
        await h.run(client.text.generate("two"))
    assert "may have done (and billed) the work" in str(caught.value)
    assert h.sleeps == []
    assert len(server.requests) == 2
    assert server.connections == 1  # the second request really did reuse the connection


async def test_a_transient_close_then_success(h: Harness, server: FaultServer) -> None:
    server.script(close(), reset())
    client = make(h, server, max_retries=2)
    assert await h.run(client.text.generate("hello", retry_unsafe=True)) == "echo:hello"
    assert len(server.requests) == 3
    assert len(h.sleeps) == 2


async def test_a_transient_close_then_success_for_a_listing(
    h: Harness, server: FaultServer
) -> None:
    body = json.dumps({"object": "list", "data": []}).encode()
    server.script(close(), reset(), respond(200, body, content_type="application/json"))
    client = make(h, server, max_retries=2)
    assert await h.run(client.models.list()) == []
    assert len(server.requests) == 3
    assert len(h.sleeps) == 2


# ------------------------------------------------------------------------ streams


def chat_stream(h: Harness, client: Any) -> Any:
    return client.chat.completions.create(messages=USER, model="openai", stream=True)


async def consume(h: Harness, stream: Any, into: list[Any]) -> None:
    if hasattr(stream, "__aiter__"):
        async for item in stream:
            into.append(item)
    else:
        for item in stream:
            into.append(item)


@pytest.mark.parametrize("kind", ["chat", "text"])
async def test_a_stream_cut_mid_way_raises_after_the_events_it_got(
    h: Harness, server: FaultServer, kind: str
) -> None:
    events = [chunk_json("Once "), chunk_json("upon "), chunk_json("a time")]
    server.script(chunked(sse(*events), finish=False))
    client = make(h, server)
    stream = await h.run(chat_stream(h, client) if kind == "chat" else client.text.stream("tale"))
    received: list[Any] = []
    with pytest.raises(IncompleteResponseError):
        await consume(h, stream, received)
    assert len(received) == 3
    assert not stream.done
    assert len(server.requests) == 1  # nothing is repeated once events were delivered


@pytest.mark.parametrize("kind", ["chat", "text"])
async def test_a_stream_that_ends_cleanly_without_done_raises(
    h: Harness, server: FaultServer, kind: str
) -> None:
    server.script(chunked(sse(chunk_json("Hello"), chunk_json(" world")), finish=True))
    client = make(h, server)
    stream = await h.run(chat_stream(h, client) if kind == "chat" else client.text.stream("hi"))
    received: list[Any] = []
    with pytest.raises(IncompleteResponseError):
        await consume(h, stream, received)
    assert len(received) == 2
    assert not stream.done


async def test_a_stream_cut_inside_an_event_raises(h: Harness, server: FaultServer) -> None:
    whole = sse(chunk_json("Hello"))[0]
    server.script(chunked([whole, b'data: {"id": "chatcmpl-1", "obj'], finish=False))
    client = make(h, server)
    stream = await h.run(chat_stream(h, client))
    received: list[Any] = []
    with pytest.raises(IncompleteResponseError):
        await consume(h, stream, received)
    assert len(received) == 1


async def test_a_complete_stream_ends_at_done(h: Harness, server: FaultServer) -> None:
    """The control: the same server, ending with [DONE], gives every event and no error."""
    server.script(chunked(sse(chunk_json("Hello"), chunk_json(" world"), "[DONE]")))
    client = make(h, server)
    stream = await h.run(chat_stream(h, client))
    received: list[Any] = []
    await consume(h, stream, received)
    assert "".join(c.choices[0].delta.content for c in received) == "Hello world"
    assert stream.done


@pytest.mark.parametrize("unsafe", [False, True])
async def test_a_stream_whose_connection_drops_before_the_headers(
    h: Harness, server: FaultServer, unsafe: bool
) -> None:
    server.script(close(), partial_headers(), close())
    client = make(h, server, max_retries=2, retry_unsafe=unsafe)
    with pytest.raises(APIConnectionError):
        await h.run(chat_stream(h, client))
    assert len(server.requests) == (3 if unsafe else 1)


# ------------------------------------------------------------------------ retries


async def test_429_retry_after_in_seconds_is_honoured(h: Harness, server: FaultServer) -> None:
    server.script(respond(429, b"", headers={"Retry-After": "3"}))
    client = make(h, server)
    assert await h.run(client.text.generate("patience")) == "echo:patience"
    assert h.sleeps == [3.0]
    assert len(server.requests) == 2


async def test_429_retry_after_as_an_http_date_is_honoured(h: Harness, server: FaultServer) -> None:
    when = email.utils.formatdate(NOW + 7, usegmt=True)
    server.script(respond(429, b"", headers={"Retry-After": when}))
    client = make(h, server)
    set_jitter(client, 0.0, now=NOW)
    assert await h.run(client.text.generate("later")) == "echo:later"
    assert h.sleeps == [7.0]
    assert len(server.requests) == 2


async def test_retry_after_beyond_a_minute_is_not_waited_out(
    h: Harness, server: FaultServer
) -> None:
    server.script(respond(429, b"", headers={"Retry-After": "120"}))
    client = make(h, server)
    with pytest.raises(RateLimitError):
        await h.run(client.text.generate("no"))
    assert h.sleeps == []
    assert len(server.requests) == 1


async def test_a_burst_of_server_errors_then_success(h: Harness, server: FaultServer) -> None:
    server.script(respond(500), respond(502), respond(503), respond(408))
    client = make(h, server, max_retries=4)
    set_jitter(client, 0.0)
    assert await h.run(client.text.generate("eventually")) == "echo:eventually"
    assert len(server.requests) == 5
    assert h.sleeps == [0.5, 1.0, 2.0, 4.0]


async def test_backoff_with_jitter_stays_within_its_bounds(h: Harness, server: FaultServer) -> None:
    server.script(respond(503), respond(502), respond(500))
    client = make(h, server, max_retries=3)
    assert await h.run(client.text.generate("jitter")) == "echo:jitter"
    assert len(h.sleeps) == 3
    for delay, nominal in zip(h.sleeps, [0.5, 1.0, 2.0], strict=True):
        assert 0.75 * nominal <= delay <= nominal


async def test_a_burst_longer_than_max_retries_raises_the_last_status(
    h: Harness, server: FaultServer
) -> None:
    server.script(respond(500), respond(502), respond(503), respond(200, b"too late"))
    client = make(h, server, max_retries=2)
    with pytest.raises(InternalServerError) as caught:
        await h.run(client.text.generate("never"))
    assert caught.value.status_code == 503
    assert len(server.requests) == 3
    assert server.pending == 1


NON_RETRYABLE: list[tuple[int, type[APIStatusError]]] = [
    (400, BadRequestError),
    (401, AuthenticationError),
    (402, PaymentRequiredError),
    (403, PermissionDeniedError),
    (404, NotFoundError),
    (409, APIStatusError),
    (422, APIStatusError),
]


@pytest.mark.parametrize(("status", "cls"), NON_RETRYABLE)
async def test_other_4xx_fail_at_once(
    h: Harness, server: FaultServer, status: int, cls: type[APIStatusError]
) -> None:
    body = json.dumps({"error": {"code": "E", "message": f"refused with {status}"}}).encode()
    server.script(respond(status, body, content_type="application/json"), respond(200, b"no"))
    client = make(h, server, max_retries=5)
    with pytest.raises(cls) as caught:
        await call_chat(h, client)
    assert type(caught.value) is cls
    assert caught.value.status_code == status
    assert f"refused with {status}" in str(caught.value)
    assert len(server.requests) == 1
    assert server.pending == 1
    assert h.sleeps == []


def test_a_real_retry_after_of_one_second_is_waited_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """The one test with a real clock: Retry-After: 1 is slept, then the call succeeds."""
    monkeypatch.delenv("POLLINATIONS_API_KEY", raising=False)
    with FaultServer() as server, Pollinations(api_key=KEY, base_url=server.url) as client:
        server.script(respond(429, b"", headers={"Retry-After": "1"}))
        waited: list[float] = []

        def recording_sleep(seconds: float) -> None:
            waited.append(seconds)
            time.sleep(seconds)

        client._sleep = recording_sleep
        started = time.monotonic()
        assert client.text.generate("wait for it") == "echo:wait for it"
        elapsed = time.monotonic() - started
        first, second = server.requests
    assert waited == [1.0]
    # Loose bounds only: the wait happened, between the two attempts.
    assert elapsed >= 0.9
    assert second.received_at - first.received_at >= 0.9


# ---------------------------------------------------------- bodies that are wrong


LONG_GARBAGE = b"{not json at all: " + b"x" * 5000


@pytest.mark.parametrize("call", ["balance", "models", "chat"])
async def test_invalid_json_with_200_quotes_a_short_excerpt(
    h: Harness, server: FaultServer, call: str
) -> None:
    server.script(respond(200, LONG_GARBAGE, content_type="application/json"))
    client = make(h, server)
    with pytest.raises(APIResponseValidationError) as caught:
        if call == "balance":
            await h.run(client.account.balance())
        elif call == "models":
            await h.run(client.models.list())
        else:
            await call_chat(h, client)
    assert caught.value.status_code == 200
    assert_short_safe_excerpt(caught.value, "{not json at all: xxx")
    assert str(caught.value).endswith("...'")
    assert len(server.requests) == 1


HTML_STATUSES: list[tuple[int, type[APIStatusError], int]] = [
    (500, InternalServerError, 3),
    (502, InternalServerError, 3),
    (503, InternalServerError, 3),
    (404, NotFoundError, 1),
    (403, PermissionDeniedError, 1),
]


@pytest.mark.parametrize(("status", "cls", "attempts"), HTML_STATUSES)
async def test_html_error_pages_give_the_status_class_and_a_short_excerpt(
    h: Harness, server: FaultServer, status: int, cls: type[APIStatusError], attempts: int
) -> None:
    server.script(*[html_page(status, "Gateway trouble")] * attempts)
    client = make(h, server)
    with pytest.raises(cls) as caught:
        await call_image(h, client)
    assert caught.value.status_code == status
    assert_short_safe_excerpt(caught.value, "<!DOCTYPE html><html><head><title>")
    assert "Gateway trouble" in str(caught.value)
    assert len(server.requests) == attempts


@pytest.mark.parametrize("call", ["image", "balance"])
async def test_an_html_page_with_200_is_a_validation_error(
    h: Harness, server: FaultServer, call: str
) -> None:
    server.script(html_page(200, "Please log in"))
    client = make(h, server)
    with pytest.raises(APIResponseValidationError) as caught:
        if call == "image":
            await call_image(h, client)
        else:
            await h.run(client.account.balance())
    assert_short_safe_excerpt(caught.value, "<!DOCTYPE html>")
    assert "Please log in" in str(caught.value)


@pytest.mark.parametrize("call", ["balance", "models", "chat"])
async def test_an_empty_200_body_is_a_validation_error(
    h: Harness, server: FaultServer, call: str
) -> None:
    server.script(respond(200, b"", content_type="application/json"))
    client = make(h, server)
    with pytest.raises(APIResponseValidationError) as caught:
        if call == "balance":
            await h.run(client.account.balance())
        elif call == "models":
            await h.run(client.models.list())
        else:
            await call_chat(h, client)
    assert caught.value.status_code == 200


async def test_an_empty_image_is_not_an_image(h: Harness, server: FaultServer) -> None:
    """200 with `image/png` and zero bytes: there is no image to return."""
    server.script(respond(200, b"", content_type="image/png"))
    client = make(h, server)
    result: object = None
    with pytest.raises(APIResponseValidationError):
        result = await call_image(h, client)
    assert not isinstance(result, ImageResult)


async def test_an_empty_error_body_says_so(h: Harness, server: FaultServer) -> None:
    server.script(*[respond(500, b"", content_type=None)] * 3)
    client = make(h, server)
    with pytest.raises(InternalServerError) as caught:
        await h.run(client.text.generate("x"))
    assert "empty body" in str(caught.value)
    assert len(server.requests) == 3


@pytest.mark.parametrize(
    "content_type", ["application/json", "text/plain; charset=utf-8", "text/html", None]
)
async def test_an_image_endpoint_answering_another_content_type(
    h: Harness, server: FaultServer, content_type: str | None
) -> None:
    server.script(respond(200, b'{"note": "not an image"}', content_type=content_type))
    client = make(h, server)
    with pytest.raises(APIResponseValidationError) as caught:
        await call_image(h, client)
    assert (content_type or "no content type").split(";")[0] in str(caught.value)
    assert_short_safe_excerpt(caught.value, '{"note": "not an image"}')


async def test_a_stream_answered_with_an_html_page_quotes_it(
    h: Harness, server: FaultServer
) -> None:
    """A 200 that is not an event stream (a proxy's login page) is a wrong content type,
    not an answer that merely stopped early."""
    server.script(html_page(200, "Checking your browser"))
    client = make(h, server)
    received: list[Any] = []
    with pytest.raises(APIResponseValidationError) as caught:
        stream = await h.run(chat_stream(h, client))
        await consume(h, stream, received)
    assert received == []
    assert_short_safe_excerpt(caught.value, "<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("status", "cls", "attempts"),
    [(200, APIResponseValidationError, 1), (503, InternalServerError, 3)],
)
async def test_gzip_that_does_not_decode(
    h: Harness, server: FaultServer, status: int, cls: type[APIError], attempts: int
) -> None:
    body = b"plainly not gzip: " + b"y" * 600
    server.script(*[gzip_garbage(body, status=status)] * attempts)
    client = make(h, server)
    with pytest.raises(cls) as caught:
        await h.run(client.account.balance())
    assert_short_safe_excerpt(caught.value, "plainly not gzip: yyy")
    assert len(server.requests) == attempts


async def test_real_gzip_decodes(h: Harness, server: FaultServer) -> None:
    """The control for the test above: a body that is gzip really is decoded."""
    server.script(gzipped(200, b'{"balance": 4.5}', content_type="application/json"))
    client = make(h, server)
    balance = await h.run(client.account.balance())
    assert balance.balance == 4.5


# ----------------------------------------------------------------------- timeouts


async def test_read_timeout_after_the_configured_time_with_retries(
    h: Harness, server: FaultServer
) -> None:
    server.script(*[stall(1.0, respond(200, b"too late"))] * 3)
    client = make(h, server, timeout=0.2, max_retries=2)
    started = time.monotonic()
    with pytest.raises(APITimeoutError):
        await h.run(client.models.list())
    elapsed = time.monotonic() - started
    assert len(server.requests) == 3
    assert len(h.sleeps) == 2
    assert elapsed >= 3 * 0.2 * 0.9  # each attempt waited about its 0.2 s


async def test_a_generation_that_times_out_is_not_repeated(h: Harness, server: FaultServer) -> None:
    server.script(*[stall(1.0, respond(200, b"too late"))] * 3)
    client = make(h, server, timeout=0.2, max_retries=2)
    with pytest.raises(APITimeoutError) as caught:
        await h.run(client.text.generate("slow"))
    assert len(server.requests) == 1
    assert h.sleeps == []
    assert "may have done (and billed) the work" in str(caught.value)


async def test_a_read_timeout_then_a_prompt_answer(h: Harness, server: FaultServer) -> None:
    server.script(stall(1.0, respond(200, b"too late")))
    client = make(h, server, timeout=0.2)
    answer = await h.run(client.text.generate("second time lucky", retry_unsafe=True))
    assert answer == "echo:second time lucky"
    assert len(server.requests) == 2


async def test_a_stream_that_stalls_mid_way_times_out(h: Harness, server: FaultServer) -> None:
    server.script(chunked(sse(chunk_json("Hello")), stall_after=1.0, finish=False))
    client = make(h, server, timeout=0.2)
    stream = await h.run(chat_stream(h, client))
    received: list[Any] = []
    with pytest.raises(APITimeoutError):
        await consume(h, stream, received)
    assert len(received) == 1
    assert not stream.done


async def test_connect_timeout_with_retries(h: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    """A loopback listener whose accept queue is full never completes a handshake."""
    monkeypatch.delenv("POLLINATIONS_API_KEY", raising=False)
    with FullBacklogListener() as listener:
        client = h.make(api_key=KEY, base_url=listener.url, timeout=httpx.Timeout(5.0, connect=0.2))
        started = time.monotonic()
        with pytest.raises(APITimeoutError) as caught:
            await h.run(client.text.generate("hello?"))
        elapsed = time.monotonic() - started
    assert isinstance(caught.value.__cause__, httpx.ConnectTimeout)
    assert len(h.sleeps) == 2
    assert elapsed >= 3 * 0.2 * 0.9


async def test_connection_refused_with_retries(h: Harness) -> None:
    client = h.make(api_key=KEY, base_url=f"http://127.0.0.1:{closed_port()}")
    with pytest.raises(APIConnectionError) as caught:
        await h.run(client.text.generate("anyone?"))
    assert not isinstance(caught.value, APITimeoutError)
    assert isinstance(caught.value.__cause__, httpx.ConnectError)
    assert len(h.sleeps) == 2
    assert isinstance(caught.value, PollinationsError)
