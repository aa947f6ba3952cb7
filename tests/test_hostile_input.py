"""Hostile input is an InvalidParameterError naming the field, before anything is sent.

A URL too long for the proxies and servers on the way, a lone surrogate (which UTF-8
cannot encode) anywhere in a string, a structure that nests too deep for JSON, a header
value that HTTP cannot carry: each used to escape as a raw httpx.InvalidURL,
UnicodeEncodeError, RecursionError or an APIConnectionError from the HTTP layer. The
client is aimed at a real server on 127.0.0.1 (tests/_fault_server.py) that logs every
connection: a refused call must leave that log empty. Each test runs against
`Pollinations` and `AsyncPollinations` (the `h` fixture).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from _custom_helpers import API_CALLS, MP3, USER_MESSAGES, ApiCall, Harness
from _fault_server import PNG_SIGNATURE, FaultServer

from pollinations_client.custom import InvalidParameterError, PollinationsError, Stream
from pollinations_client.custom._validation import MAX_URL_LENGTH

pytestmark = pytest.mark.anyio

KEY = "sk_hostile_input_0123456789abcdef"
Call = Callable[[Any], Any]
CALL_IDS = [call.name for call in API_CALLS]

#: Longer than httpx accepts (65536 characters), as in the report: a raw InvalidURL.
HUGE = "a" * 70_000
#: Over the limit but under httpx's own: sent, and answered 414 by a proxy on the way.
LONG = "a" * (MAX_URL_LENGTH + 100)
#: Each encodes to 6 characters (%C3%A9): over the limit, encoded, though short in Python.
ACCENTS = "é" * (MAX_URL_LENGTH // 6 + 100)
#: Lone surrogates, which UTF-8 cannot encode: one, the surrogateescape form of an
#: undecodable byte, and an emoji's UTF-16 pair as two code points (`"\\ud83d\\ude00"`
#: in JSON read by a lenient decoder).
SURROGATES = ["\ud800", "caf\udce9", "smile \ud83d\ude00"]


@pytest.fixture(scope="module")
def silent_server() -> Iterator[FaultServer]:
    with FaultServer() as running:
        yield running


@pytest.fixture
def server(silent_server: FaultServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[FaultServer]:
    """A server no call of these tests may reach: not a request, not even a connection."""
    monkeypatch.delenv("POLLINATIONS_API_KEY", raising=False)
    monkeypatch.delenv("POLLINATIONS_BASE_URL", raising=False)
    connections = silent_server.connections
    yield silent_server
    assert silent_server.take_requests() == []
    assert silent_server.connections == connections


@pytest.fixture(scope="module")
def echo_server() -> Iterator[FaultServer]:
    with FaultServer() as running:
        yield running
    assert running.errors == []


async def refused(h: Harness, server: FaultServer, call: Call, **client: Any) -> Any:
    """The InvalidParameterError `call` raises on a client aimed at the silent server."""
    made = h.make(api_key=KEY, base_url=server.url, max_retries=0, **client)
    with pytest.raises(InvalidParameterError) as caught:
        result = await h.run(call(made))
        if isinstance(result, Stream) or hasattr(result, "__aiter__"):
            await h.close_stream(result)
    error = caught.value
    assert isinstance(error, PollinationsError)
    assert isinstance(error, ValueError)
    assert str(error).startswith(f"{error.field}: ")
    assert KEY not in str(error)
    return error


def user(content: Any) -> list[dict[str, Any]]:
    return [{"role": "user", "content": content}]


def deep_list(levels: int) -> Any:
    value: Any = []
    for _ in range(levels):
        value = [value]
    return value


def deep_dict(levels: int) -> Any:
    value: Any = {}
    for _ in range(levels):
        value = {"a": value}
    return value


def tool(parameters: Any) -> list[dict[str, Any]]:
    return [{"type": "function", "function": {"name": "f", "parameters": parameters}}]


# --------------------------------------------------------------------------- URL length

#: Every GET method with path or query arguments, the long value in each string field
#: that reaches the URL: (id, call with the long value `v`, the field the error names).
LONG_URL_CALLS: list[tuple[str, Callable[[str], Call], str]] = [
    ("images.generate prompt", lambda v: lambda c: c.images.generate(v), "prompt"),
    ("images.url prompt", lambda v: lambda c: c.images.url(v), "prompt"),
    (
        "images.generate prompt, to_file",
        lambda v: (
            lambda c: c.images.generate(v, to_file=os.path.join(tempfile.gettempdir(), "x.png"))
        ),
        "prompt",
    ),
    ("text.generate prompt", lambda v: lambda c: c.text.generate(v), "prompt"),
    ("text.stream prompt", lambda v: lambda c: c.text.stream(v), "prompt"),
    ("audio.generate text", lambda v: lambda c: c.audio.generate(v), "text"),
    (
        "images.generate negative_prompt",
        lambda v: lambda c: c.images.generate("cat", negative_prompt=v),
        "negative_prompt",
    ),
    ("images.generate model", lambda v: lambda c: c.images.generate("cat", model=v), "model"),
    (
        "images.generate aspect_ratio (aspectRatio in the query)",
        lambda v: lambda c: c.images.generate("cat", aspect_ratio=v),
        "aspect_ratio",
    ),
    (
        "images.generate image URLs",
        lambda v: lambda c: c.images.generate("cat", image=["https://a.example/" + v] * 3),
        "image",
    ),
    (
        "images.url negative_prompt",
        lambda v: lambda c: c.images.url("cat", negative_prompt=v),
        "negative_prompt",
    ),
    ("text.generate system", lambda v: lambda c: c.text.generate("hi", system=v), "system"),
    ("text.stream system", lambda v: lambda c: c.text.stream("hi", system=v), "system"),
    ("text.generate model", lambda v: lambda c: c.text.generate("hi", model=v), "model"),
    ("audio.generate model", lambda v: lambda c: c.audio.generate("hi", model=v), "model"),
    ("account.usage before", lambda v: lambda c: c.account.usage(before=v), "before"),
    ("account.usage_csv before", lambda v: lambda c: c.account.usage_csv(before=v), "before"),
    (
        "images.generate extra_query",
        lambda v: lambda c: c.images.generate("cat", extra_query={"note": v}),
        "extra_query['note']",
    ),
    (
        "text.generate extra_query wins over system",
        lambda v: lambda c: c.text.generate("hi", system="short", extra_query={"system": v}),
        "extra_query['system']",
    ),
]


@pytest.mark.parametrize("value", [HUGE, LONG, ACCENTS], ids=["70000", "limit+100", "accents"])
@pytest.mark.parametrize(
    ("make", "field"), [pytest.param(make, field, id=name) for name, make, field in LONG_URL_CALLS]
)
async def test_a_url_over_the_limit_is_refused_naming_the_field_and_the_limit(
    h: Harness, server: FaultServer, make: Callable[[str], Call], field: str, value: str
) -> None:
    error = await refused(h, server, make(value))
    assert error.field == field
    assert str(MAX_URL_LENGTH) in str(error)
    assert "client.chat.completions.create" in str(error)  # where a long prompt goes


@pytest.mark.parametrize("call", API_CALLS, ids=CALL_IDS)
async def test_extra_query_that_makes_the_url_too_long_is_refused_for_every_method(
    h: Harness, server: FaultServer, call: ApiCall
) -> None:
    error = await refused(h, server, lambda c: call.call(c, extra_query={"q": LONG}))
    assert error.field == "extra_query['q']"
    assert str(MAX_URL_LENGTH) in str(error)


def padding(length: int) -> str:
    """A prompt of `length` characters that percent-encoding leaves alone."""
    return ("abc-" * (length // 4 + 1))[:length]


@pytest.mark.parametrize("raw", [False, True], ids=["method", "raw view"])
@pytest.mark.parametrize("prefix", ["", "/proxy/" + "p" * 1000], ids=["origin", "long path"])
@pytest.mark.parametrize("auth", ["header", "query"])
async def test_the_limit_is_exact_with_the_base_url_and_a_query_key(
    h: Harness, echo_server: FaultServer, auth: str, prefix: str, raw: bool
) -> None:
    """A URL of exactly MAX_URL_LENGTH characters, base URL (with a proxy's path, if any)
    and `?key=` included, is sent; one character more is refused, and nothing is sent."""
    echo_server.take_requests()
    base_url = echo_server.url + prefix
    client = h.make(api_key=KEY, base_url=base_url, auth=auth, max_retries=0)
    text = client.with_raw_response.text if raw else client.text
    key_part = len(f"&key={KEY}") if auth == "query" else 0
    fixed = len(base_url) + len("/text/") + len("?seed=7") + key_part
    prompt = padding(MAX_URL_LENGTH - fixed)
    answer = await h.run(text.generate(prompt, seed=7))
    assert (answer.parse() if raw else answer) == f"echo:{prompt}"
    (request,) = echo_server.take_requests()
    assert len(echo_server.url) + len(request.target) == MAX_URL_LENGTH
    with pytest.raises(InvalidParameterError) as caught:
        await h.run(text.generate(prompt + "x", seed=7))
    assert caught.value.field == "prompt"
    assert f"{MAX_URL_LENGTH + 1} characters" in str(caught.value)
    assert echo_server.take_requests() == []


async def test_images_url_gives_what_images_generate_can_send(
    h: Harness, echo_server: FaultServer
) -> None:
    """The longest prompt images.url accepts is one images.generate sends, and the URL
    it gives (never with the key) stays within the limit."""
    echo_server.take_requests()
    client = h.make(api_key=KEY, base_url=echo_server.url, auth="query", max_retries=0)
    fixed = len(echo_server.url) + len("/image/") + len(f"?key={KEY}")
    prompt = padding(MAX_URL_LENGTH - fixed)
    shared = client.images.url(prompt)
    assert len(shared) <= MAX_URL_LENGTH and KEY not in shared
    result = await h.run(client.images.generate(prompt))
    assert result.content == PNG_SIGNATURE + prompt.encode()
    with pytest.raises(InvalidParameterError):
        client.images.url(prompt + "x")


async def test_a_long_prompt_goes_through_chat(h: Harness, echo_server: FaultServer) -> None:
    """What the error points to works: chat sends a 70000-character prompt in its body."""
    echo_server.take_requests()
    client = h.make(api_key=KEY, base_url=echo_server.url, max_retries=0)
    completion = await h.run(client.chat.completions.create(messages=user(HUGE)))
    assert completion.choices[0].message.content == f"echo:{HUGE}"


async def test_a_long_prompt_that_encodes_short_enough_is_sent(
    h: Harness, echo_server: FaultServer
) -> None:
    """Only the encoded length counts: a prompt of ASCII letters near the limit goes."""
    echo_server.take_requests()
    client = h.make(api_key=KEY, base_url=echo_server.url, max_retries=0)
    prompt = "a" * (MAX_URL_LENGTH - 200)
    assert await h.run(client.text.generate(prompt)) == f"echo:{prompt}"


# ------------------------------------------------------------------------ lone surrogates

#: Every public method's string arguments: (id, call with the string `s`, the field).
STRING_CALLS: list[tuple[str, Callable[[str], Call], str]] = [
    ("images.generate prompt", lambda s: lambda c: c.images.generate(s), "prompt"),
    ("images.generate model", lambda s: lambda c: c.images.generate("cat", model=s), "model"),
    ("images.generate negative_prompt",
     lambda s: lambda c: c.images.generate("cat", negative_prompt=s), "negative_prompt"),
    ("images.generate aspect_ratio",
     lambda s: lambda c: c.images.generate("cat", aspect_ratio=s), "aspect_ratio"),
    ("images.url prompt", lambda s: lambda c: c.images.url(s), "prompt"),
    ("images.url model", lambda s: lambda c: c.images.url("cat", model=s), "model"),
    ("text.generate prompt", lambda s: lambda c: c.text.generate(s), "prompt"),
    ("text.generate model", lambda s: lambda c: c.text.generate("hi", model=s), "model"),
    ("text.generate system", lambda s: lambda c: c.text.generate("hi", system=s), "system"),
    ("text.stream prompt", lambda s: lambda c: c.text.stream(s), "prompt"),
    ("text.stream system", lambda s: lambda c: c.text.stream("hi", system=s), "system"),
    ("audio.generate text", lambda s: lambda c: c.audio.generate(s), "text"),
    ("audio.generate model", lambda s: lambda c: c.audio.generate("hi", model=s), "model"),
    ("audio.generate duration", lambda s: lambda c: c.audio.generate("hi", duration=s),
     "duration"),
    ("account.usage before", lambda s: lambda c: c.account.usage(before=s), "before"),
    ("chat message content",
     lambda s: lambda c: c.chat.completions.create(messages=user(s)), "messages[0].content"),
    ("chat content part",
     lambda s: lambda c: c.chat.completions.create(messages=user([{"type": "text", "text": s}])),
     "messages[0].content[0].text"),
    ("chat model",
     lambda s: lambda c: c.chat.completions.create(messages=USER_MESSAGES, model=s), "model"),
    ("chat model, streaming",
     lambda s: lambda c: c.chat.completions.create(messages=USER_MESSAGES, model=s, stream=True),
     "model"),
    ("chat user", lambda s: lambda c: c.chat.completions.create(messages=USER_MESSAGES, user=s),
     "user"),
    ("chat stop", lambda s: lambda c: c.chat.completions.create(messages=USER_MESSAGES,
                                                                stop=["ok", s]), "stop[1]"),
    ("chat tool name",
     lambda s: lambda c: c.chat.completions.create(
         messages=USER_MESSAGES, tools=[{"type": "function", "function": {"name": s}}]),
     "tools[0].function.name"),
    ("chat key of a JSON object",
     lambda s: lambda c: c.chat.completions.create(
         messages=USER_MESSAGES, tools=tool({s: 1})),
     "tools[0].function.parameters"),
    ("audio.speech input", lambda s: lambda c: c.audio.speech.create(input=s), "input"),
    ("audio.speech model",
     lambda s: lambda c: c.audio.speech.create(input="hi", model=s), "model"),
    ("audio.transcriptions prompt",
     lambda s: lambda c: c.audio.transcriptions.create(file=("a.mp3", MP3), prompt=s), "prompt"),
    ("audio.transcriptions model",
     lambda s: lambda c: c.audio.transcriptions.create(file=("a.mp3", MP3), model=s), "model"),
    ("audio.transcriptions language",
     lambda s: lambda c: c.audio.transcriptions.create(file=("a.mp3", MP3), language=s),
     "language"),
    ("audio.transcriptions file name",
     lambda s: lambda c: c.audio.transcriptions.create(file=(s + ".mp3", MP3)), "file"),
    ("audio.transcriptions file type",
     lambda s: lambda c: c.audio.transcriptions.create(file=("a.mp3", MP3, "audio/" + s)),
     "file"),
]  # fmt: skip


@pytest.mark.parametrize("surrogate", SURROGATES, ids=["lone", "surrogateescape", "utf-16 pair"])
@pytest.mark.parametrize(
    ("make", "field"), [pytest.param(make, field, id=name) for name, make, field in STRING_CALLS]
)
async def test_a_lone_surrogate_in_a_string_argument_is_refused_naming_the_field(
    h: Harness, server: FaultServer, make: Callable[[str], Call], field: str, surrogate: str
) -> None:
    error = await refused(h, server, make(surrogate))
    assert error.field == field
    assert "surrogate" in str(error)
    assert "UTF-8" in str(error)


#: The per-call options every method takes, with a lone surrogate: (id, options, field).
SURROGATE_OPTIONS: list[tuple[str, dict[str, Any], str]] = [
    ("extra_headers value", {"extra_headers": {"X-Note": "\ud800"}}, "extra_headers['X-Note']"),
    ("extra_query value", {"extra_query": {"note": "a\ud800"}}, "extra_query['note']"),
    ("extra_query key", {"extra_query": {"n\ud800te": "a"}}, "extra_query"),
    ("extra_query list item", {"extra_query": {"note": ["a", "\udce9"]}}, "extra_query['note']"),
]


@pytest.mark.parametrize(
    ("options", "field"),
    [pytest.param(options, field, id=name) for name, options, field in SURROGATE_OPTIONS],
)
@pytest.mark.parametrize("call", API_CALLS, ids=CALL_IDS)
async def test_a_lone_surrogate_in_a_call_option_is_refused_for_every_method(
    h: Harness, server: FaultServer, call: ApiCall, options: dict[str, Any], field: str
) -> None:
    error = await refused(h, server, lambda c: call.call(c, **options))
    assert error.field == field
    # (a header value must be ASCII: what the error says, for a surrogate as for an é)
    assert ("ASCII" if "extra_headers" in options else "surrogate") in str(error)


JSON_CALLS = [call for call in API_CALLS if call.json_body]


@pytest.mark.parametrize(
    ("extra_body", "field"),
    [
        ({"note": "\ud800"}, "note"),  # a field of the body, as any other
        ({"meta": {"tags": ["ok", "\ud800"]}}, "meta.tags[1]"),
        ({"\ud800": 1}, "extra_body"),
    ],
    ids=["value", "nested value", "key"],
)
@pytest.mark.parametrize("call", JSON_CALLS, ids=[call.name for call in JSON_CALLS])
async def test_a_lone_surrogate_in_extra_body_is_refused(
    h: Harness, server: FaultServer, call: ApiCall, extra_body: dict[str, Any], field: str
) -> None:
    error = await refused(h, server, lambda c: call.call(c, extra_body=extra_body))
    assert error.field == field
    assert "surrogate" in str(error)


async def test_a_file_path_that_is_not_utf8_is_still_uploaded(
    h: Harness, echo_server: FaultServer, tmp_path: Any
) -> None:
    """A file name from the disk may hold undecodable bytes (as surrogates): the file is
    sent, its name made sendable, rather than refused for a name the caller did not type."""
    echo_server.take_requests()
    name = "caf\udce9.mp3"
    try:
        path = tmp_path / name
        path.write_bytes(MP3)
    except (UnicodeEncodeError, OSError):  # pragma: no cover - a file system without bytes
        pytest.skip("the file system cannot hold a name that is not UTF-8")
    client = h.make(api_key=KEY, base_url=echo_server.url, max_retries=0)
    with pytest.raises(PollinationsError) as caught:  # the echo server has no /v1/audio
        await h.run(client.audio.transcriptions.create(file=path))
    assert not isinstance(caught.value, InvalidParameterError)
    (request,) = echo_server.take_requests()
    assert b'filename="caf\xef\xbf\xbd.mp3"' in request.body  # U+FFFD for the lost byte
    assert request.body.count(MP3) == 1


# ------------------------------------------------------------------------- deep nesting

#: Deeper than Python's recursion limit, whatever it is set to (and the report's 100000).
LEVELS = [100_000, sys.getrecursionlimit() + 10]


def chat_with(**params: Any) -> Call:
    return lambda c: c.chat.completions.create(messages=USER_MESSAGES, **params)


#: (id, the call with a structure `d` nested too deep, the field the error names).
DEEP_CALLS: list[tuple[str, Callable[[Any], Call], str]] = [
    ("chat extra_body", lambda d: chat_with(extra_body={"meta": d}), "extra_body"),
    ("chat extra_body, streaming",
     lambda d: chat_with(extra_body={"meta": d}, stream=True), "extra_body"),
    ("chat tools", lambda d: chat_with(tools=tool({"a": d})), "tools"),
    ("chat response_format", lambda d: chat_with(response_format={"type": "json_schema",
                                                                 "schema": d}),
     "response_format"),
    ("chat logit_bias", lambda d: chat_with(logit_bias={"1": d}), "logit_bias"),
    ("chat message content part",
     lambda d: lambda c: c.chat.completions.create(messages=user([{"type": "text", "x": d}])),
     "messages"),
    ("chat message field",
     lambda d: lambda c: c.chat.completions.create(
         messages=[{"role": "user", "content": "hi", "meta": d}]), "messages"),
    ("audio.speech extra_body",
     lambda d: lambda c: c.audio.speech.create(input="hi", extra_body={"meta": d}), "extra_body"),
    ("images.generate extra_query",
     lambda d: lambda c: c.images.generate("cat", extra_query={"q": d}), "extra_query"),
    ("text.generate extra_query",
     lambda d: lambda c: c.text.generate("hi", extra_query={"q": d}), "extra_query"),
]  # fmt: skip


@pytest.mark.parametrize("levels", LEVELS, ids=["100000", "limit+10"])
@pytest.mark.parametrize("shape", [deep_list, deep_dict], ids=["lists", "dicts"])
@pytest.mark.parametrize(
    ("make", "field"), [pytest.param(make, field, id=name) for name, make, field in DEEP_CALLS]
)
async def test_nesting_too_deep_for_json_is_refused_naming_the_field(
    h: Harness,
    server: FaultServer,
    make: Callable[[Any], Call],
    field: str,
    shape: Callable[[int], Any],
    levels: int,
) -> None:
    error = await refused(h, server, make(shape(levels)))
    assert error.field.startswith(field)
    assert "too deep" in str(error)
    assert error.__cause__ is None and error.__suppress_context__  # no RecursionError chained


@pytest.mark.parametrize("call", JSON_CALLS, ids=[call.name for call in JSON_CALLS])
async def test_a_structure_that_contains_itself_is_refused(
    h: Harness, server: FaultServer, call: ApiCall
) -> None:
    loop: list[Any] = []
    loop.append(loop)
    error = await refused(h, server, lambda c: call.call(c, extra_body={"loop": loop}))
    assert error.field.startswith("extra_body")


async def test_the_client_works_after_refusing_deep_nesting(
    h: Harness, echo_server: FaultServer
) -> None:
    echo_server.take_requests()
    client = h.make(api_key=KEY, base_url=echo_server.url, max_retries=0)
    with pytest.raises(InvalidParameterError):
        await h.run(
            client.chat.completions.create(messages=user("hi"), tools=tool(deep_list(10**5)))
        )
    completion = await h.run(client.chat.completions.create(messages=user("hi")))
    assert completion.choices[0].message.content == "echo:hi"
    assert len(echo_server.take_requests()) == 1  # the refused call sent nothing


# ------------------------------------------------------------------------ header values

#: Header values HTTP/1.1 cannot carry as httpx sends them (ASCII, RFC 9110's
#: field-value): a raw UnicodeEncodeError, or an APIConnectionError after connecting.
BAD_HEADER_VALUES = {
    "latin-1": "café",
    "cjk": "猫",
    "lone surrogate": "\ud800",
    "leading space": " value",
    "trailing tab": "value\t",
    "vertical tab": "a\x0bb",
    "form feed": "a\x0cb",
    "control character": "a\x01b",
    "delete": "a\x7fb",
}


#: One method of each kind of request: a GET with a path, a JSON body, no arguments.
SOME_CALLS = [
    call
    for call in API_CALLS
    if call.name in ("images.generate", "chat.completions.create", "account.key")
]


@pytest.mark.parametrize("value", BAD_HEADER_VALUES.values(), ids=BAD_HEADER_VALUES.keys())
@pytest.mark.parametrize("call", SOME_CALLS, ids=[call.name for call in SOME_CALLS])
async def test_a_header_value_http_cannot_carry_is_refused(
    h: Harness, server: FaultServer, call: ApiCall, value: str
) -> None:
    error = await refused(h, server, lambda c: call.call(c, extra_headers={"X-Note": value}))
    assert error.field == "extra_headers['X-Note']"


@pytest.mark.parametrize("call", API_CALLS, ids=CALL_IDS)
async def test_a_header_value_that_is_not_ascii_is_refused_for_every_method(
    h: Harness, server: FaultServer, call: ApiCall
) -> None:
    error = await refused(h, server, lambda c: call.call(c, extra_headers={"X-Note": "café"}))
    assert error.field == "extra_headers['X-Note']"
    assert "ASCII" in str(error)


@pytest.mark.parametrize(
    "value",
    ["", "a\tb", "plain ascii, with: punctuation; and=signs"],
    ids=["empty", "tab", "ascii"],
)
async def test_header_values_http_can_carry_are_sent(
    h: Harness, echo_server: FaultServer, value: str
) -> None:
    echo_server.take_requests()
    client = h.make(api_key=KEY, base_url=echo_server.url, max_retries=0)
    await h.run(client.text.generate("hi", extra_headers={"X-Note": value}))
    (request,) = echo_server.take_requests()
    assert request.header_values("x-note") == [value]


@pytest.mark.parametrize(
    "value",
    [{"a": 1}, ["a", ["b"]], object()],
    ids=["mapping", "nested list", "object"],
)
async def test_an_extra_query_value_a_query_cannot_hold_is_refused(
    h: Harness, server: FaultServer, value: Any
) -> None:
    """A query value is a string, a number, True or False, None, or a list of them;
    anything else used to be sent as its Python repr."""
    error = await refused(h, server, lambda c: c.text.generate("hi", extra_query={"q": value}))
    assert error.field == "extra_query['q']"
