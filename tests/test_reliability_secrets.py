"""The API key, against a real server on 127.0.0.1: where it is sent, and where it is not.

The server (tests/_fault_server.py) records every request byte for byte, so the tests
see exactly where the key travelled. Several scripted answers echo the key back in
their body, as a misbehaving gateway might: error messages, logs and the CLI's output
must still not show it.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import subprocess
import sys
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote_to_bytes

import pytest
from _custom_helpers import Harness
from _fault_server import (
    Action,
    Connection,
    FaultServer,
    Recorded,
    chunked,
    closed_port,
    echo,
    redirect,
    respond,
    sse,
)
from _reachable import reachable_texts

from pollinations_client.custom import (
    APIError,
    APIResponseValidationError,
    APIStatusError,
    AsyncPollinations,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    PaymentRequiredError,
    Pollinations,
    PublishableKeyWarning,
)

pytestmark = pytest.mark.anyio

#: Long and distinctive, so that a leak anywhere is found by a substring search.
KEY = "sk_reliability_S3cr3t_DoNotLeak_0123456789"
PK_KEY = "pk_reliability_Publ1shable_DoNotLeak_987654"
AUTHS = ["header", "query"]
USER = [{"role": "user", "content": "hi"}]
CLI = str(Path(sys.executable).with_name("pollinations"))


def key_of(request: Recorded) -> str:
    """The key the request carried, wherever it was."""
    authorization = request.header("authorization") or ""
    if authorization.startswith("Bearer "):
        return authorization[len("Bearer ") :]
    query = dict(parse_qsl(request.raw_query.decode("ascii")))
    return query.get("key", "")


def api() -> Action:
    """Plausible answers for every endpoint the tests call; the rest comes from echo()."""
    fallback = echo()

    def action(conn: Connection, request: Recorded) -> bool:
        path = request.raw_path
        if path == b"/account/balance":
            return respond(200, b'{"balance": 12.5}', content_type="application/json")(
                conn, request
            )
        if path == b"/account/profile":
            profile = {
                "name": "Ada",
                "email": "ada@example.com",
                "githubUsername": "ada",
                "image": None,
                "tier": "seed",
                "createdAt": "2024-01-01T00:00:00Z",
                "nextResetAt": None,
            }
            return respond(200, json.dumps(profile).encode(), content_type="application/json")(
                conn, request
            )
        if path == b"/account/usage":
            if b"format=csv" in request.raw_query:
                return respond(200, b"timestamp,cost\n", content_type="text/csv")(conn, request)
            return respond(200, b'{"usage": [], "count": 0}', content_type="application/json")(
                conn, request
            )
        if path == b"/v1/models":
            models = {"object": "list", "data": [{"id": "openai", "object": "model", "created": 1}]}
            return respond(200, json.dumps(models).encode(), content_type="application/json")(
                conn, request
            )
        return fallback(conn, request)

    return action


def echo_key(status: int, template: str, content_type: str = "application/json") -> Action:
    """Answer `status` with `template` in which {key} is the key the request carried."""

    def action(conn: Connection, request: Recorded) -> bool:
        body = template.replace("{key}", key_of(request)).encode()
        return respond(status, body, content_type=content_type, headers={"Retry-After": "0"})(
            conn, request
        )

    return action


def echo_key_stream(*events: str) -> Action:
    def action(conn: Connection, request: Recorded) -> bool:
        key = key_of(request)
        return chunked(sse(*(event.replace("{key}", key) for event in events)))(conn, request)

    return action


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[FaultServer]:
    monkeypatch.delenv("POLLINATIONS_API_KEY", raising=False)
    monkeypatch.delenv("POLLINATIONS_BASE_URL", raising=False)
    with FaultServer(default=api()) as running:
        yield running
    assert running.errors == []


def assert_no_key_in(text: str, *keys: str) -> None:
    for key in keys or (KEY,):
        assert key not in text, f"the key leaked into: {text[:300]!r}"
        # Nor its percent-encoded form.
        assert key.replace("_", "%5F") not in text


def exception_texts(error: BaseException) -> list[str]:
    """What a traceback of `error` would print: its message and those of its causes; and
    everything else reachable from it (its request, attributes, pickle: _reachable.py)."""
    texts = [text for _, text in reachable_texts(error)]
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        texts += [str(current), repr(current)]
        current = current.__cause__ or current.__context__
    return texts


# ----------------------------------------------------------------- what is sent

CALLS: list[Any] = [
    pytest.param(lambda c: c.images.generate("a cat", width=64), id="images"),
    pytest.param(lambda c: c.text.generate("hello", seed=1), id="text"),
    pytest.param(lambda c: c.text.stream("hello"), id="text-stream"),
    pytest.param(lambda c: c.chat.completions.create(messages=USER), id="chat"),
    pytest.param(lambda c: c.chat.completions.create(messages=USER, stream=True), id="chat-stream"),
    pytest.param(lambda c: c.models.list(), id="models"),
    pytest.param(lambda c: c.account.balance(), id="balance"),
    pytest.param(lambda c: c.account.usage_csv(limit=5), id="usage-csv"),
]


async def drive(h: Harness, value: object) -> Any:
    result = await h.run(value)
    if hasattr(result, "response"):  # a stream: read it to the end
        return await h.collect(result)
    return result


@pytest.mark.parametrize("call", CALLS)
async def test_header_auth_sends_the_key_only_in_the_authorization_header(
    h: Harness, server: FaultServer, call: Callable[[Any], object]
) -> None:
    client = h.make(api_key=KEY, base_url=server.url)
    await drive(h, call(client))
    (request,) = server.requests
    assert request.header_values("authorization") == [f"Bearer {KEY}"]
    assert_no_key_in(request.target.decode("latin-1"))
    assert b"key=" not in request.raw_query
    others = [f"{name}: {value}" for name, value in request.headers if name != "authorization"]
    assert_no_key_in("\n".join(others))
    assert_no_key_in(request.body.decode("utf-8"))


@pytest.mark.parametrize("call", CALLS)
async def test_query_auth_sends_the_key_only_in_the_query(
    h: Harness, server: FaultServer, call: Callable[[Any], object]
) -> None:
    client = h.make(api_key=KEY, base_url=server.url, auth="query")
    await drive(h, call(client))
    (request,) = server.requests
    assert request.header("authorization") is None
    query = parse_qsl(request.raw_query.decode("ascii"), keep_blank_values=True)
    assert [value for name, value in query if name == "key"] == [KEY]
    assert_no_key_in(unquote_to_bytes(request.raw_path).decode("utf-8"))
    assert_no_key_in("\n".join(f"{name}: {value}" for name, value in request.headers))
    assert_no_key_in(request.body.decode("utf-8"))


# ------------------------------------------------------------------------ logging


class RecordList(logging.Handler):
    """Keeps every record, formatted as a real handler would (exception text included)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)
        self.lines.append(self.format(record))


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> Iterator[RecordList]:
    """DEBUG everywhere (root, httpx, httpcore, the client), captured twice: by caplog
    and by a plain handler on the root logger that formats each record."""
    handler = RecordList()
    root = logging.getLogger()
    caplog.set_level(logging.DEBUG)
    for name in ("httpx", "httpcore", "pollinations_client"):
        caplog.set_level(logging.DEBUG, logger=name)
    root.addHandler(handler)
    try:
        yield handler
    finally:
        root.removeHandler(handler)


@pytest.mark.parametrize("auth", AUTHS)
async def test_debug_logs_never_show_the_key(
    h: Harness,
    server: FaultServer,
    debug_logs: RecordList,
    caplog: pytest.LogCaptureFixture,
    auth: str,
) -> None:
    client = h.make(api_key=KEY, base_url=server.url, auth=auth)
    for param in CALLS:
        await drive(h, param.values[0](client))
    # A retry, an error that echoes the key, and a connection error.
    server.script(respond(503, b""), respond(200, b"fine"))
    assert await h.run(client.text.generate("retry me")) == "fine"
    server.script(echo_key(401, '{"error": {"message": "bad key {key}"}}'))
    with pytest.raises(AuthenticationError):
        await h.run(client.text.generate("refused"))
    dead = h.make(api_key=KEY, base_url=f"http://127.0.0.1:{closed_port()}", auth=auth)
    with pytest.raises(APIError):
        await h.run(dead.text.generate("nobody home"))

    records = debug_logs.records
    # The test means something only if DEBUG logging was really on, from all sources.
    names = {record.name.split(".")[0] for record in records}
    assert {"httpx", "httpcore", "pollinations_client"} <= names
    assert any(r.levelno == logging.DEBUG for r in records)
    assert any("HTTP Request:" in r.getMessage() for r in records)
    if auth == "query":
        assert any("key=***" in r.getMessage() for r in records)
    for record in records:
        assert_no_key_in(record.getMessage())
        assert_no_key_in(str(record.msg))
        assert_no_key_in(repr(record.args))
    for line in debug_logs.lines:
        assert_no_key_in(line)
    assert_no_key_in(caplog.text)


# --------------------------------------------------------------------------- repr


@pytest.mark.parametrize("auth", AUTHS)
def test_repr_of_clients_and_copies_never_shows_the_key(auth: str) -> None:
    sync = Pollinations(api_key=KEY, base_url="http://127.0.0.1:9", auth=auth)  # type: ignore[arg-type]
    async_ = AsyncPollinations(api_key=KEY, base_url="http://127.0.0.1:9", auth=auth)  # type: ignore[arg-type]
    try:
        objects: list[object] = [
            sync,
            async_,
            sync.with_options(max_retries=5),
            sync.with_options(api_key=PK_KEY),
            sync.with_options(auth="query"),
            async_.with_options(timeout=3),
            async_.with_options(api_key=PK_KEY, auth="header"),
            sync.images,
            sync.chat.completions,
            async_.account,
        ]
        for obj in objects:
            assert_no_key_in(repr(obj), KEY, PK_KEY)
            assert_no_key_in(str(obj), KEY, PK_KEY)
        assert "api_key=<set>" in repr(sync)
    finally:
        sync.close()
        asyncio.run(async_.close())


# ------------------------------------------------------------- exception messages


ECHOING_ERRORS: list[Any] = [
    pytest.param(
        echo_key(401, '{"error": {"code": "UNAUTHORIZED", "message": "Invalid key {key}"}}'),
        AuthenticationError,
        id="401-envelope",
    ),
    pytest.param(echo_key(401, ""), AuthenticationError, id="401-empty"),
    pytest.param(
        echo_key(
            402, '{"error": {"code": "PAYMENT_REQUIRED", "message": "{key} is out of pollen"}}'
        ),
        PaymentRequiredError,
        id="402-envelope",
    ),
    pytest.param(
        echo_key(
            400,
            '{"error": {"code": "BAD_REQUEST", "details": '
            '{"fieldErrors": {"key": ["{key} is odd"]}, "formErrors": ["bad {key}"]}}}',
        ),
        BadRequestError,
        id="400-field-errors",
    ),
    pytest.param(
        echo_key(500, "<html><h1>Upstream refused key {key}</h1></html>", "text/html"),
        InternalServerError,
        id="500-html",
    ),
    pytest.param(
        echo_key(502, "upstream said: key={key}&x=1 \x00\xff garbage", "text/plain"),
        InternalServerError,
        id="502-garbage",
    ),
]


@pytest.mark.parametrize("auth", AUTHS)
@pytest.mark.parametrize(("action", "cls"), ECHOING_ERRORS)
async def test_error_messages_never_show_the_key_even_when_the_server_echoes_it(
    h: Harness, server: FaultServer, auth: str, action: Action, cls: type[APIStatusError]
) -> None:
    server.reset(default=action)
    client = h.make(api_key=KEY, base_url=server.url, auth=auth, max_retries=1)
    for call in (
        lambda: client.text.generate("hi"),
        lambda: client.chat.completions.create(messages=USER),
        lambda: client.chat.completions.create(messages=USER, stream=True),
        lambda: client.account.balance(),
    ):
        with pytest.raises(cls) as caught:
            await h.run(call())
        for text in exception_texts(caught.value):
            assert_no_key_in(text)
        if caught.value.server_message:
            assert_no_key_in(caught.value.server_message)
    assert server.requests  # the key really went out (and came back)
    assert all(key_of(r) == KEY for r in server.requests)


@pytest.mark.parametrize("auth", AUTHS)
async def test_an_unusable_200_that_echoes_the_key_is_scrubbed(
    h: Harness, server: FaultServer, auth: str
) -> None:
    server.reset(default=echo_key(200, "<html>Welcome back, {key}!</html>", "text/html"))
    client = h.make(api_key=KEY, base_url=server.url, auth=auth)
    with pytest.raises(APIResponseValidationError) as balance:
        await h.run(client.account.balance())
    for text in exception_texts(balance.value):
        assert_no_key_in(text)
    assert "Welcome back" in str(balance.value)


@pytest.mark.parametrize("auth", AUTHS)
async def test_an_image_endpoint_answering_html_that_echoes_the_key_is_scrubbed(
    h: Harness, server: FaultServer, auth: str
) -> None:
    server.reset(default=echo_key(200, "<html>Welcome back, {key}!</html>", "text/html"))
    client = h.make(api_key=KEY, base_url=server.url, auth=auth)
    with pytest.raises(APIResponseValidationError) as image:
        await h.run(client.images.generate("a cat"))
    assert "Welcome back" in str(image.value)
    for text in exception_texts(image.value):
        assert_no_key_in(text)


STREAM_ERRORS: list[Any] = [
    pytest.param(['{"error": {"message": "key {key} was revoked"}}'], id="error-object"),
    pytest.param(['{"error": "key {key} was revoked"}'], id="error-string"),
    pytest.param(["{not json, key {key}"], id="malformed-event"),
]


@pytest.mark.parametrize("auth", AUTHS)
@pytest.mark.parametrize("events", STREAM_ERRORS)
async def test_errors_inside_a_stream_never_show_the_key(
    h: Harness, server: FaultServer, auth: str, events: list[str]
) -> None:
    server.reset(default=echo_key_stream(*events, "[DONE]"))
    client = h.make(api_key=KEY, base_url=server.url, auth=auth)
    with pytest.raises(APIError) as caught:
        await h.collect(client.chat.completions.create(messages=USER, stream=True))
    assert "revoked" in str(caught.value) or "Malformed" in str(caught.value)
    for text in exception_texts(caught.value):
        assert_no_key_in(text)


# --------------------------------------------------------------------------- CLI


def run_cli(*args: str, server: FaultServer | None, env_key: str | None, cwd: Path) -> Any:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLLINATIONS_")}
    if env_key:
        env["POLLINATIONS_API_KEY"] = env_key
    if server is not None:
        env["POLLINATIONS_BASE_URL"] = server.url
    return subprocess.run(
        [CLI, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=60, check=False
    )


#: (id, scripted answers, arguments, expected exit code, text expected in the output)
CLI_RUNS: list[Any] = [
    pytest.param([], ["text", "hello"], 0, "echo:hello", id="text-ok"),
    pytest.param([], ["text", "--stream", "hello"], 0, "echo:hello", id="text-stream-ok"),
    pytest.param([], ["--json", "chat", "hi"], 0, "echo:hi", id="chat-json-ok"),
    pytest.param([], ["balance"], 0, "12.5", id="balance-ok"),
    pytest.param([], ["image", "a cat", "-o", "cat.png"], 0, "cat.png", id="image-ok"),
    pytest.param(
        [echo_key(401, '{"error": {"message": "Invalid key {key}"}}')],
        ["text", "hello"],
        1,
        "Invalid key",
        id="401",
    ),
    pytest.param(
        [echo_key(500, "<h1>boom {key}</h1>", "text/html")] * 3,
        ["chat", "hi"],
        1,
        "boom",
        id="500-html",
    ),
    pytest.param(
        [echo_key(200, "<html>Hello {key}</html>", "text/html")],
        ["image", "a cat", "-o", "cat.png"],
        1,
        "Hello",
        id="image-html",
    ),
    pytest.param(
        [echo_key_stream('{"error": {"message": "key {key} revoked"}}', "[DONE]")],
        ["chat", "--stream", "hi"],
        1,
        "revoked",
        id="stream-error",
    ),
    pytest.param([], ["text", "   "], 2, "prompt", id="usage-error"),
]


@pytest.mark.parametrize("how", ["env", "flag"])
@pytest.mark.parametrize(("script", "args", "code", "expected"), CLI_RUNS)
def test_the_cli_never_prints_the_key(
    server: FaultServer,
    tmp_path: Path,
    how: str,
    script: list[Action],
    args: list[str],
    code: int,
    expected: str,
) -> None:
    server.script(*script)
    argv = ["--api-key", KEY, *args] if how == "flag" else args
    result = run_cli(*argv, server=server, env_key=KEY if how == "env" else None, cwd=tmp_path)
    assert result.returncode == code, result.stderr
    assert expected in result.stdout + result.stderr
    assert_no_key_in(result.stdout)
    assert_no_key_in(result.stderr)
    assert all(key_of(r) == KEY for r in server.requests)


def test_the_cli_never_prints_the_key_on_connection_errors(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLLINATIONS_")}
    env["POLLINATIONS_BASE_URL"] = f"http://127.0.0.1:{closed_port()}"
    result = subprocess.run(
        [CLI, "--api-key", KEY, "balance"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "connection error" in result.stderr
    assert_no_key_in(result.stdout + result.stderr)


# --------------------------------------------------------------------- images.url


@pytest.mark.parametrize("auth", AUTHS)
async def test_images_url_never_contains_the_key(
    h: Harness, server: FaultServer, auth: str
) -> None:
    client = h.make(api_key=KEY, base_url=server.url, auth=auth)
    urls = [
        client.images.url("cat"),
        client.images.url("key=value & a cat", width=64, seed=3, model="flux", safe=True),
        client.with_options(auth="query").images.url("cat"),
        client.with_options(auth="header").images.url("cat"),
    ]
    for url in urls:
        assert url.startswith(server.url + "/image/")
        assert_no_key_in(url)
        assert "key=" not in url.split("?", 1)[-1].replace("key%3Dvalue", "")
    assert server.requests == []  # building a URL sends nothing


# ------------------------------------------------------------------------ pk_ keys


PK_WARNS: list[Any] = [
    pytest.param(lambda c: c.chat.completions.create(messages=USER), id="chat"),
    pytest.param(lambda c: c.chat.completions.create(messages=USER, stream=True), id="chat-stream"),
    pytest.param(lambda c: c.account.balance(), id="balance"),
    pytest.param(lambda c: c.account.profile(), id="profile"),
    pytest.param(lambda c: c.account.usage(limit=1), id="usage"),
]
PK_QUIET: list[Any] = [
    pytest.param(lambda c: c.images.generate("cat"), id="images"),
    pytest.param(lambda c: c.text.generate("hi"), id="text"),
]


@pytest.mark.parametrize("call", PK_WARNS)
async def test_a_publishable_key_where_secret_keys_belong_warns(
    h: Harness, server: FaultServer, call: Callable[[Any], object]
) -> None:
    client = h.make(api_key=PK_KEY, base_url=server.url)
    with pytest.warns(PublishableKeyWarning) as caught:
        await drive(h, call(client))
    assert len(server.requests) == 1  # a warning, not a refusal
    for warning in caught:
        assert_no_key_in(str(warning.message), PK_KEY)


@pytest.mark.parametrize("call", PK_QUIET)
async def test_a_publishable_key_where_it_belongs_is_quiet(
    h: Harness, server: FaultServer, call: Callable[[Any], object]
) -> None:
    client = h.make(api_key=PK_KEY, base_url=server.url)
    with warnings.catch_warnings():
        warnings.simplefilter("error", PublishableKeyWarning)
        await drive(h, call(client))
    assert len(server.requests) == 1


# ---------------------------------------------------------------------- redirects


@pytest.fixture
def other_server() -> Iterator[FaultServer]:
    with FaultServer(default=api()) as running:
        yield running
    assert running.errors == []


async def test_a_redirect_to_another_port_does_not_carry_the_authorization(
    h: Harness, server: FaultServer, other_server: FaultServer
) -> None:
    server.script(redirect(f"{other_server.url}/text/moved"))
    client = h.make(api_key=KEY, base_url=server.url)
    assert await h.run(client.text.generate("hello")) == "echo:moved"
    (first,) = server.requests
    (second,) = other_server.requests
    assert first.header("authorization") == f"Bearer {KEY}"
    assert second.header("authorization") is None
    assert_no_key_in(json.dumps(second.headers) + second.target.decode("latin-1"))


async def test_a_redirect_to_another_host_name_does_not_carry_the_authorization(
    h: Harness, server: FaultServer
) -> None:
    """127.0.0.1 and localhost: the same server, but another origin for the client."""
    server.script(redirect(f"http://localhost:{server.port}/text/moved"))
    client = h.make(api_key=KEY, base_url=server.url)
    assert await h.run(client.text.generate("hello")) == "echo:moved"
    first, second = server.requests
    assert first.header("authorization") == f"Bearer {KEY}"
    assert second.header("host") == f"localhost:{server.port}"
    assert second.header("authorization") is None


async def test_a_307_redirect_of_a_chat_post_to_another_host_drops_the_authorization(
    h: Harness, server: FaultServer, other_server: FaultServer
) -> None:
    server.script(redirect(f"{other_server.url}/v1/chat/completions", status=307))
    client = h.make(api_key=KEY, base_url=server.url)
    completion = await h.run(client.chat.completions.create(messages=USER))
    assert completion.choices[0].message.content == "echo:hi"
    (second,) = other_server.requests
    assert second.method == "POST"
    assert second.header("authorization") is None
    assert_no_key_in(second.body.decode())


async def test_a_same_origin_redirect_keeps_the_authorization(
    h: Harness, server: FaultServer
) -> None:
    """The control for the tests above: the header is visible to the server when it is
    sent, so its absence there means it was dropped."""
    server.script(redirect("/text/moved"))
    client = h.make(api_key=KEY, base_url=server.url)
    assert await h.run(client.text.generate("hello")) == "echo:moved"
    first, second = server.requests
    assert first.header("authorization") == second.header("authorization") == f"Bearer {KEY}"
