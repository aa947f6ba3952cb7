"""Exceptions from real failing calls: they survive pickling and copying, and the API key
never shows through them.

Every exception class the client exports is produced by a real call that fails, against
a raw-socket server on 127.0.0.1 (tests/_fault_server.py) or by a bad argument, sync and
async. Then:

- `pickle`, `copy.copy` and `copy.deepcopy` give back the same class, message and
  attributes (request and response included), in this process and across a process
  boundary (`concurrent.futures.ProcessPoolExecutor`), as multiprocessing, Ray or Dask
  workers need;
- with `auth="query"` and with `auth="header"`, against a server that echoes the key in
  every field of its error envelope and in `x-request-id`, the key shows nowhere that
  is reachable from the exception (tests/_reachable.py walks all of it).
"""

from __future__ import annotations

import asyncio
import copy
import json
import multiprocessing
import pickle
import warnings
from collections.abc import Awaitable, Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any
from urllib.parse import parse_qsl, quote

import httpx
import pytest
from _custom_helpers import Harness
from _fault_server import (
    Action,
    Connection,
    FaultServer,
    Recorded,
    chunked,
    closed_port,
    respond,
    short_body,
    sse,
    stall,
)
from _reachable import leaks

import pollinations_client.custom as custom
from pollinations_client.custom import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AsyncPollinations,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    IncompleteResponseError,
    InternalServerError,
    InvalidParameterError,
    MissingAPIKeyError,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    Pollinations,
    PollinationsError,
    PublishableKeyWarning,
    RateLimitError,
    ResponseTooLargeError,
    _exceptions,
)

pytestmark = pytest.mark.anyio

#: Distinctive (a substring search finds any leak), with characters a URL must encode,
#: so that the key's percent-encoded form in a query is looked for as well.
KEY = "sk_hostile_S3cr3t+/DoNotLeak_0123456789"
PK_KEY = "pk_hostile_Publ1c+/DoNotLeak_987654321"
#: In both keys: what is left of a key however it was cut, encoded or masked in part.
MARK = "DoNotLeak"
SECRETS = (KEY, PK_KEY, MARK)
AUTHS = ["header", "query"]
USER = [{"role": "user", "content": "hi"}]
#: A read timeout that the stalling server outlasts.
SHORT_TIMEOUT = 0.3


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[FaultServer]:
    monkeypatch.delenv("POLLINATIONS_API_KEY", raising=False)
    monkeypatch.delenv("POLLINATIONS_BASE_URL", raising=False)
    with FaultServer() as running:
        yield running
    assert running.errors == []


# ------------------------------------------------------------------ hostile answers


def key_of(request: Recorded) -> str:
    """The key the request carried, in its Authorization header or its query."""
    authorization = request.header("authorization") or ""
    if authorization.startswith("Bearer "):
        return authorization[len("Bearer ") :]
    return dict(parse_qsl(request.raw_query.decode("ascii"))).get("key", "")


def echoed_envelope(key: str, status: int) -> dict[str, Any]:
    """The documented error envelope with the key in every field a server can fill."""
    return {
        "status": status,
        "success": False,
        "error": {
            "code": f"CODE_{key}",
            "message": f"the key {key} was refused",
            "requestId": f"req-{key}",
            "timestamp": "2025-01-01T00:00:00Z",
            "details": {
                "name": "Error",
                "fieldErrors": {f"key {key}": [f"{key} is odd", "and short"], "model": [key]},
                "formErrors": [f"form error about {key}", "another"],
            },
        },
    }


def echo_envelope(status: int) -> Action:
    """Answer `status`, echoing the key the request carried in the body and headers."""

    def action(conn: Connection, request: Recorded) -> bool:
        key = key_of(request)
        body = json.dumps(echoed_envelope(key, status)).encode()
        headers = {"x-request-id": f"hdr-{key}", "Retry-After": "0", "x-echo": key}
        return respond(status, body, content_type="application/json", headers=headers)(
            conn, request
        )

    return action


def echo_page(status: int = 200, content_type: str = "text/html") -> Action:
    """A page (not JSON, not a stream) that greets the key."""

    def action(conn: Connection, request: Recorded) -> bool:
        body = f"<html>Welcome back, {key_of(request)}!</html>".encode()
        return respond(status, body, content_type=content_type)(conn, request)

    return action


def echo_stream(*events: str, finish: bool = True, stall_after: float = 0.0) -> Action:
    """Server-sent events with {key} replaced by the key."""

    def action(conn: Connection, request: Recorded) -> bool:
        key = key_of(request)
        chunks = sse(*(event.replace("{key}", key) for event in events))
        return chunked(chunks, finish=finish, stall_after=stall_after)(conn, request)

    return action


def redirect_echoing_key(path: str) -> Action:
    """A same-origin redirect whose Location repeats the key, and keeps the query."""

    def action(conn: Connection, request: Recorded) -> bool:
        query = request.raw_query.decode("ascii")
        location = f"{path}?echo={quote(key_of(request), safe='')}" + (f"&{query}" if query else "")
        return respond(302, b"", content_type=None, headers={"Location": location})(conn, request)

    return action


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


# ---------------------------------------------------------------- failing calls

Producer = Callable[[Harness, FaultServer, str], Awaitable[object]]
#: name -> (the exact class raised, a real call that raises it)
CASES: dict[str, tuple[type[BaseException], Producer]] = {}


def case(name: str, cls: type[BaseException]) -> Callable[[Producer], Producer]:
    def register(produce: Producer) -> Producer:
        CASES[name] = (cls, produce)
        return produce

    return register


def make(h: Harness, server: FaultServer, auth: str, **overrides: Any) -> Any:
    return h.make(**{"api_key": KEY, "base_url": server.url, "auth": auth, **overrides})


async def drive(h: Harness, value: object) -> Any:
    """Run a call; a stream is read to the end."""
    result = await h.run(value)
    if isinstance(result, (custom.Stream, custom.AsyncStream)):
        return await h.collect(result)
    return result


def status_case(
    name: str, cls: type[APIStatusError], status: int, call: str, attempts: int = 1
) -> None:
    calls: dict[str, Callable[[Any], object]] = {
        "chat": lambda c: c.chat.completions.create(messages=USER),
        "chat-stream": lambda c: c.chat.completions.create(messages=USER, stream=True),
        "text": lambda c: c.text.generate("hi"),
        "image": lambda c: c.images.generate("a cat", width=64),
        "balance": lambda c: c.account.balance(),
        "models": lambda c: c.models.list(),
    }

    async def produce(h: Harness, server: FaultServer, auth: str) -> object:
        server.reset(default=echo_envelope(status))
        try:
            return await drive(h, calls[call](make(h, server, auth)))
        finally:
            assert len(server.requests) == attempts

    case(name, cls)(produce)


status_case("400", BadRequestError, 400, "chat")
status_case("401", AuthenticationError, 401, "text")
status_case("402", PaymentRequiredError, 402, "image")
status_case("403", PermissionDeniedError, 403, "balance")
status_case("404", NotFoundError, 404, "models")
status_case("429-after-retries", RateLimitError, 429, "text", attempts=3)
status_case("500-after-retries", InternalServerError, 500, "balance", attempts=3)
status_case("418-other-4xx", APIStatusError, 418, "balance")
status_case("stream-400", BadRequestError, 400, "chat-stream")


@case("connection-refused", APIConnectionError)
async def _refused(h: Harness, server: FaultServer, auth: str) -> object:
    client = make(h, server, auth, base_url=f"http://127.0.0.1:{closed_port()}")
    return await h.run(client.account.balance())


@case("read-timeout", APITimeoutError)
async def _timeout(h: Harness, server: FaultServer, auth: str) -> object:
    server.reset(default=stall(5.0))
    client = make(h, server, auth, timeout=SHORT_TIMEOUT)
    return await h.run(client.text.generate("hi"))


@case("body-cut-short", IncompleteResponseError)
async def _cut(h: Harness, server: FaultServer, auth: str) -> object:
    server.reset(default=short_body(b"\x89PNG\r\n\x1a\n", announced=1000))
    return await h.run(make(h, server, auth).images.generate("a cat"))


@case("non-json-200", APIResponseValidationError)
async def _not_json(h: Harness, server: FaultServer, auth: str) -> object:
    server.reset(default=echo_page())
    return await h.run(make(h, server, auth).account.balance())


@case("response-too-large", ResponseTooLargeError)
async def _too_large(h: Harness, server: FaultServer, auth: str) -> object:
    server.reset(default=respond(200, b"\x89PNG\r\n\x1a\n" + bytes(4096), content_type="image/png"))
    return await h.run(make(h, server, auth, max_response_size=1024).images.generate("a cat"))


@case("client-closed", ClientClosedError)
async def _closed(h: Harness, server: FaultServer, auth: str) -> object:
    client = make(h, server, auth)
    await h.run(client.close())
    return await h.run(client.account.balance())


@case("redirect-then-404", NotFoundError)
async def _redirected(h: Harness, server: FaultServer, auth: str) -> object:
    server.reset(default=echo_envelope(404))
    server.script(redirect_echoing_key("/v1/models"))
    return await h.run(make(h, server, auth).models.list())


@case("stream-cut-before-done", IncompleteResponseError)
async def _stream_cut(h: Harness, server: FaultServer, auth: str) -> object:
    server.reset(default=echo_stream(chunk_json("hello {key}")))
    return await drive(h, make(h, server, auth).chat.completions.create(messages=USER, stream=True))


@case("stream-read-timeout", APITimeoutError)
async def _stream_timeout(h: Harness, server: FaultServer, auth: str) -> object:
    server.reset(default=echo_stream(chunk_json("hi"), finish=False, stall_after=5.0))
    client = make(h, server, auth, timeout=SHORT_TIMEOUT)
    return await drive(h, client.chat.completions.create(messages=USER, stream=True))


@case("stream-error-event", APIError)
async def _stream_error(h: Harness, server: FaultServer, auth: str) -> object:
    server.reset(default=echo_stream('{"error": {"message": "key {key} was revoked"}}', "[DONE]"))
    return await drive(h, make(h, server, auth).chat.completions.create(messages=USER, stream=True))


@case("stream-not-event-stream", APIResponseValidationError)
async def _not_a_stream(h: Harness, server: FaultServer, auth: str) -> object:
    server.reset(default=echo_page())
    return await drive(h, make(h, server, auth).text.stream("hi"))


@case("raw-400", BadRequestError)
async def _raw_status(h: Harness, server: FaultServer, auth: str) -> object:
    server.reset(default=echo_envelope(400))
    client = make(h, server, auth)
    return await h.run(client.with_raw_response.chat.completions.create(messages=USER))


@case("raw-parse-non-json", APIResponseValidationError)
async def _raw_parse(h: Harness, server: FaultServer, auth: str) -> object:
    server.reset(default=echo_page())
    raw = await h.run(make(h, server, auth).with_raw_response.account.balance())
    return raw.parse()


@case("raw-stream-content", PollinationsError)
async def _raw_stream_content(h: Harness, server: FaultServer, auth: str) -> object:
    raw = await h.run(make(h, server, auth).with_raw_response.text.stream("hi"))
    try:
        return raw.content
    finally:
        await h.close_stream(raw.parse())


@case("invalid-parameter", InvalidParameterError)
async def _invalid(h: Harness, server: FaultServer, auth: str) -> object:
    return await h.run(make(h, server, auth).images.generate("a cat", width=-1))


@case("missing-api-key", MissingAPIKeyError)
async def _missing_key(h: Harness, server: FaultServer, auth: str) -> object:
    return await h.run(make(h, server, auth, api_key=None).account.balance())


@case("publishable-key-warning", PublishableKeyWarning)
async def _publishable(h: Harness, server: FaultServer, auth: str) -> object:
    with warnings.catch_warnings():
        warnings.simplefilter("error", PublishableKeyWarning)  # raised, so it can be caught
        return await h.run(make(h, server, auth, api_key=PK_KEY).account.balance())


async def produce(name: str, h: Harness, server: FaultServer, auth: str) -> BaseException:
    """The exception the case's real call raises (exactly its class)."""
    cls, call = CASES[name]
    with pytest.raises(cls) as caught:
        await call(h, server, auth)
    assert type(caught.value) is cls, caught.value
    return caught.value


def exception_classes() -> set[type[BaseException]]:
    """Every exception class `_exceptions` and `pollinations_client.custom` export."""
    found = set()
    for module in (_exceptions, custom):
        for name in module.__all__:
            value = getattr(module, name)
            if isinstance(value, type) and issubclass(value, BaseException):
                found.add(value)
    return found


def test_every_exported_exception_class_has_a_real_failing_call() -> None:
    assert exception_classes() - {cls for cls, _ in CASES.values()} == set()


# --------------------------------------------------------------- pickle and copy


def comparable(value: object) -> object:
    """A value to compare with ==: requests and responses by what they carry."""
    if isinstance(value, httpx.Request):
        return ("request", value.method, str(value.url), value.headers.multi_items())
    if isinstance(value, httpx.Response):
        try:
            content: bytes | None = value.content
        except httpx.ResponseNotRead:
            content = None
        return (
            "response",
            value.status_code,
            value.headers.multi_items(),
            content,
            comparable(value.request),
            [comparable(earlier) for earlier in value.history],
        )
    if isinstance(value, dict):
        return {key: comparable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [comparable(item) for item in value]
    return value


def public_attributes(error: BaseException) -> dict[str, object]:
    """Every public attribute: the instance's own, and the class's properties."""
    names = {name for name in vars(error) if not name.startswith("_")}
    names |= {
        name
        for name in dir(type(error))
        if not name.startswith("_") and isinstance(getattr(type(error), name), property)
    }
    return {name: comparable(getattr(error, name)) for name in sorted(names)}


ROUNDTRIPS: dict[str, Callable[[BaseException], BaseException]] = {
    "pickle": lambda error: pickle.loads(pickle.dumps(error)),
    "pickle-protocol-0": lambda error: pickle.loads(pickle.dumps(error, protocol=0)),
    "copy": copy.copy,
    "deepcopy": copy.deepcopy,
}


@pytest.mark.parametrize("name", CASES)
async def test_every_exception_survives_pickle_and_copy(
    h: Harness, server: FaultServer, name: str
) -> None:
    error = await produce(name, h, server, "query")
    expected = public_attributes(error)
    if isinstance(error, APIError):
        assert error.request is not None  # from a real call: the request is part of it
    for how, roundtrip in ROUNDTRIPS.items():
        again = roundtrip(error)
        assert type(again) is type(error), how
        assert str(again) == str(error), how
        assert again.args == error.args, how
        assert public_attributes(again) == expected, how
    if isinstance(error, BadRequestError):
        assert error.field_errors and error.form_errors and error.code
    if isinstance(error, APIStatusError):
        assert error.request_id and error.server_message


async def test_a_response_whose_extensions_cannot_be_pickled_still_pickles(
    h: Harness, server: FaultServer
) -> None:
    """httpx keeps the live connection in a response's extensions; the response pickles
    without them (httpx's own __getstate__), so the error that holds it does too."""
    error = await produce("402", h, server, "header")
    assert isinstance(error, PaymentRequiredError)
    with pytest.raises(TypeError):
        pickle.dumps(error.response.extensions)
    again = pickle.loads(pickle.dumps(error))
    assert error.request is not None
    assert again.response.extensions == {}
    assert again.response.json() == error.response.json()
    assert again.response.request.url == error.request.url
    assert copy.deepcopy(error).response.content == error.response.content


# ------------------------------------------------------- across a process boundary


def raise_in_worker(url: str, mode: str, kind: str) -> None:
    """Runs in a worker process: a real call that fails there; its error is pickled back."""
    kwargs: dict[str, Any] = {"api_key": KEY, "base_url": url, "max_retries": 0, "auth": "query"}
    if kind == "timeout":
        kwargs["timeout"] = SHORT_TIMEOUT

    def call(client: Any) -> Any:
        if kind == "timeout":
            return client.text.generate("hi")
        return client.chat.completions.create(messages=USER)

    if mode == "sync":
        with Pollinations(**kwargs) as client:
            call(client)
        return

    async def run() -> None:
        async with AsyncPollinations(**kwargs) as client:
            await call(client)

    asyncio.run(run())


@pytest.fixture(scope="module")
def worker_pool() -> Iterator[ProcessPoolExecutor]:
    # spawn, not fork: the test process runs server threads, which fork does not copy.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        yield pool


async def test_an_error_raised_in_a_worker_process_arrives_whole(
    h: Harness, server: FaultServer, worker_pool: ProcessPoolExecutor
) -> None:
    server.reset(default=echo_envelope(400))
    error = worker_pool.submit(raise_in_worker, server.url, h.mode, "400").exception(timeout=60)
    assert type(error) is BadRequestError
    assert error.status_code == 400
    assert error.code == "CODE_***"
    assert error.request_id == "req-***"
    assert error.field_errors == {"key ***": ["*** is odd", "and short"], "model": ["***"]}
    assert error.form_errors == ["form error about ***", "another"]
    assert error.response.json()["error"]["message"] == "the key *** was refused"
    assert error.request is not None
    assert error.request.url.path == "/v1/chat/completions"
    assert error.request.url.params["key"] == "***"
    assert leaks(error, SECRETS) == []

    server.reset(default=stall(5.0))
    error = worker_pool.submit(raise_in_worker, server.url, h.mode, "timeout").exception(timeout=60)
    assert type(error) is APITimeoutError
    assert str(error).startswith("Request timed out")
    assert error.request is not None
    assert error.request.url.path == "/text/hi"
    assert leaks(error, SECRETS) == []


# -------------------------------------------------------------- no key shows


@pytest.mark.parametrize("auth", AUTHS)
@pytest.mark.parametrize("name", CASES)
async def test_nothing_reachable_from_an_exception_shows_the_key(
    h: Harness, server: FaultServer, name: str, auth: str
) -> None:
    error = await produce(name, h, server, auth)
    assert leaks(error, SECRETS) == []
    # The test means something: every request carried the key (and answers echo it).
    assert all(key_of(request) in (KEY, PK_KEY) for request in server.requests)
    if isinstance(error, APIStatusError):
        assert MARK in key_of(server.requests[-1])  # so the server echoed it everywhere
        assert error.code == "CODE_***"
        assert error.request_id == "req-***"
        assert error.server_message == "the key *** was refused"
        assert error.field_errors == {"key ***": ["*** is odd", "and short"], "model": ["***"]}
        assert error.form_errors == ["form error about ***", "another"]
        assert isinstance(error.body, dict)
        assert error.body["error"]["requestId"] == "req-***"
        assert error.response.headers["x-request-id"] == "hdr-***"
        assert error.response.request is error.request


@pytest.mark.parametrize("auth", AUTHS)
async def test_the_masked_request_keeps_everything_but_the_key(
    h: Harness, server: FaultServer, auth: str
) -> None:
    error = await produce("400", h, server, auth)
    assert isinstance(error, BadRequestError)
    request = error.request
    assert request is not None
    assert request.method == "POST"
    assert request.url.host == "127.0.0.1"
    assert request.url.path == "/v1/chat/completions"
    assert json.loads(request.content)["messages"] == USER
    assert request.headers["content-type"] == "application/json"
    if auth == "query":
        assert request.url.params["key"] == "***"
        assert "authorization" not in request.headers
    else:
        assert request.headers["authorization"] == "Bearer ***"
        assert "key" not in request.url.params
    # Every layer of the chain a real failure brings sees the same masked request.
    refused = await produce("connection-refused", h, server, auth)
    assert isinstance(refused, APIConnectionError)
    assert isinstance(refused.__cause__, httpx.ConnectError)
    assert refused.__cause__.request is refused.request
    assert leaks(refused, SECRETS) == []
