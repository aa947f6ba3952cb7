"""Bad input is refused before anything is sent; any good prompt arrives intact.

The client is aimed at a real server on 127.0.0.1 (tests/_fault_server.py) that logs
every request and connection: a refused argument must leave that log empty, and the
`InvalidParameterError` must name the field. Hypothesis then sends arbitrary Unicode
prompts and checks that the server, percent-decoding the raw path once, gets exactly
the prompt's UTF-8 bytes, for images and for text (and chat bodies, as JSON).
"""

from __future__ import annotations

import json
import math
import string
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import unquote_to_bytes

import pytest
from _custom_helpers import Harness
from _fault_server import PNG_SIGNATURE, FaultServer
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pollinations_client.custom import (
    AsyncPollinations,
    InvalidParameterError,
    Pollinations,
)

KEY = "sk_reliability_input_0123456789"
#: Examples Hypothesis tries per property.
MAX_EXAMPLES = 200
#: Bytes a fully percent-encoded path segment may contain.
UNRESERVED = frozenset((string.ascii_letters + string.digits + "-._~%").encode())

Call = Callable[[Any], Any]


@pytest.fixture(scope="module")
def silent_server() -> Iterator[FaultServer]:
    """A server no test of the bad-input list may reach."""
    with FaultServer() as running:
        yield running


@pytest.fixture
def server(silent_server: FaultServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[FaultServer]:
    monkeypatch.delenv("POLLINATIONS_API_KEY", raising=False)
    monkeypatch.delenv("POLLINATIONS_BASE_URL", raising=False)
    yield silent_server
    assert silent_server.requests == []
    assert silent_server.connections == 0


def user(content: Any) -> list[dict[str, Any]]:
    return [{"role": "user", "content": content}]


class Unserialisable:
    def __repr__(self) -> str:
        return "<Unserialisable>"


def image(prompt: Any = "cat", **params: Any) -> Call:
    return lambda c: c.images.generate(prompt, **params)


def url(prompt: Any = "cat", **params: Any) -> Call:
    return lambda c: c.images.url(prompt, **params)


def text(prompt: Any = "hi", **params: Any) -> Call:
    return lambda c: c.text.generate(prompt, **params)


def stream(prompt: Any = "hi", **params: Any) -> Call:
    return lambda c: c.text.stream(prompt, **params)


def chat(messages: Any, **params: Any) -> Call:
    return lambda c: c.chat.completions.create(messages=messages, **params)


#: (description, the call, the field the error must name).
BAD_INPUTS: list[tuple[str, Call, str]] = [
    # prompts
    ("image: empty prompt", image(""), "prompt"),
    ("image: blank prompt", image(" \n\t "), "prompt"),
    ("image: prompt not a string", image(42), "prompt"),
    ("image: prompt None", image(None), "prompt"),
    ("text: empty prompt", text(""), "prompt"),
    ("text: blank prompt", text("\u3000\n"), "prompt"),
    ("text stream: empty prompt", stream(""), "prompt"),
    ("url: empty prompt", url(""), "prompt"),
    # sizes
    ("width negative", image(width=-1), "width"),
    ("width float", image(width=512.5), "width"),
    ("width integral float", image(width=512.0), "width"),
    ("width string", image(width="512"), "width"),
    ("width bool", image(width=True), "width"),
    ("height negative", image(height=-512), "height"),
    ("height float", image(height=0.5), "height"),
    ("url: width negative", url(width=-3), "width"),
    # seeds
    ("image seed below -1", image(seed=-2), "seed"),
    ("image seed above 2**31-1", image(seed=2**31), "seed"),
    ("image seed float", image(seed=1.5), "seed"),
    ("text seed below -1", text(seed=-10), "seed"),
    ("chat seed too large", chat(user("hi"), seed=2**64), "seed"),
    # temperature
    ("text temperature nan", text(temperature=math.nan), "temperature"),
    ("text temperature inf", text(temperature=math.inf), "temperature"),
    ("text temperature string", text(temperature="1"), "temperature"),
    ("stream temperature nan", stream(temperature=math.nan), "temperature"),
    ("chat temperature < 0", chat(user("hi"), temperature=-1), "temperature"),
    ("chat temperature > 2", chat(user("hi"), temperature=2.5), "temperature"),
    # messages
    ("empty messages", chat([]), "messages"),
    ("empty messages, streaming", chat([], stream=True), "messages"),
    ("messages as a string", chat("hi"), "messages"),
    ("message not a mapping", chat(["hi"]), "messages[0]"),
    ("message without role", chat([{"content": "hi"}]), "messages[0].role"),
    ("message without content", chat([{"role": "user"}]), "messages[0].content"),
    (
        "second message without content",
        chat([*user("a"), {"role": "system"}]),
        "messages[1].content",
    ),
    ("unknown role", chat([{"role": "wizard", "content": "hi"}]), "messages[0].role"),
    ("content of the wrong type", chat(user(3.14)), "messages[0].content"),
    (
        "unserialisable object in a message",
        chat([{"role": "user", "content": "hi", "name": Unserialisable()}]),
        "messages[0].name",
    ),
    (
        "unserialisable object in a content part",
        chat(user([{"type": "text", "text": b"bytes"}])),
        "messages[0].content[0].text",
    ),
    (
        "nan in a message",
        chat([{"role": "user", "content": "hi", "weight": math.nan}]),
        "messages[0].weight",
    ),
    # image URLs
    ("image: ftp URL", image(image="ftp://example.com/cat.png"), "image"),
    ("image: file URL", image(image="file:///etc/passwd"), "image"),
    ("image: javascript URL", image(image="javascript:alert(1)"), "image"),
    ("image: data URL", image(image="data:image/png;base64,AAAA"), "image"),
    ("image: no scheme", image(image="example.com/cat.png"), "image"),
    ("image: scheme without host", image(image="https:///cat.png"), "image"),
    ("image: empty", image(image=""), "image"),
    ("image: empty list", image(image=[]), "image"),
    (
        "image: second URL bad",
        image(image=["https://a.example/1.png", "ftp://b/2.png"]),
        "image[1]",
    ),
    ("url: image not http", url(image="gopher://x/y"), "image"),
]

BAD_BASE_URLS = [
    "gen.pollinations.ai",
    "localhost:8080",
    "//gen.pollinations.ai",
    "ftp://gen.pollinations.ai",
    "http://",
    "",
    "/relative/path",
]


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("call", "field"),
    [pytest.param(call, field, id=name) for name, call, field in BAD_INPUTS],
)
async def test_bad_input_is_refused_before_sending_and_names_the_field(
    h: Harness, server: FaultServer, call: Call, field: str
) -> None:
    client = h.make(api_key=KEY, base_url=server.url)
    with pytest.raises(InvalidParameterError) as caught:
        await h.run(call(client))
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{field}: ")
    assert isinstance(caught.value, ValueError)
    assert KEY not in str(caught.value)


@pytest.mark.parametrize("cls", [Pollinations, AsyncPollinations])
@pytest.mark.parametrize("base_url", BAD_BASE_URLS)
def test_a_base_url_without_scheme_or_host_is_refused(
    server: FaultServer, cls: type[Pollinations] | type[AsyncPollinations], base_url: str
) -> None:
    with pytest.raises(InvalidParameterError) as caught:
        cls(api_key=KEY, base_url=base_url)
    assert caught.value.field == "base_url"


@pytest.mark.parametrize("base_url", BAD_BASE_URLS)
def test_with_options_refuses_a_bad_base_url_too(server: FaultServer, base_url: str) -> None:
    with (
        Pollinations(api_key=KEY, base_url=server.url) as client,
        pytest.raises(InvalidParameterError) as caught,
    ):
        client.with_options(base_url=base_url or "no-scheme")
    assert caught.value.field == "base_url"


# -------------------------------------------------------------- Hypothesis: prompts

#: Characters with a meaning in URLs, whitespace, and scripts that are easy to mangle.
SPECIAL_CHARACTERS = "/?#%&=+;:@\\ \n\r\t\x00.\u202e\u200f\u200d\ufeff\u2028é漢\U0010ffff🙂"
#: Longer pieces: dot segments, escapes that must stay literal, emoji sequences, RTL words.
FRAGMENTS = [
    "..", "%2F", "%25", "%%", "%zz", "👩‍👩‍👧", "🏳️‍🌈", "e\u0301", "שלום", "مرحبا", "עולם", "漢字",
]  # fmt: skip
PROMPTS = st.lists(
    st.one_of(
        st.text(
            alphabet=st.one_of(
                st.characters(exclude_categories=["Cs"]),  # no lone surrogates: not UTF-8
                st.sampled_from(SPECIAL_CHARACTERS),
            ),
            max_size=12,
        ),
        st.sampled_from(FRAGMENTS),
    ),
    max_size=8,
).map("".join)
FIXED_PROMPTS = [
    ".",
    "..",
    "a/b?c#d%e",
    "%2F%2e%2E",
    "100% sure? #1",
    "line one\nline two\r\n",
    " leading and trailing ",
    "🙂 emoji 👩‍👩‍👧",
    "\u202eright-to-left override",
    "שלום עולם / مرحبا",
    "?",
    "#",
    "%",
]


@pytest.fixture(scope="module")
def echo_server() -> Iterator[FaultServer]:
    with FaultServer() as running:
        yield running
    assert running.errors == []


@pytest.fixture(scope="module")
def echo_client(echo_server: FaultServer) -> Iterator[Pollinations]:
    with Pollinations(api_key=KEY, base_url=echo_server.url, max_retries=0) as client:
        yield client


def sent_segment(server: FaultServer, prefix: bytes) -> bytes:
    (request,) = server.take_requests()
    assert request.raw_path.startswith(prefix)
    segment = request.raw_path[len(prefix) :]
    assert b"/" not in segment
    assert set(segment) <= UNRESERVED, segment  # fully encoded: nothing left to reinterpret
    return segment


def check_refused(server: FaultServer, call: Callable[[], object]) -> None:
    with pytest.raises(InvalidParameterError) as caught:
        call()
    assert caught.value.field == "prompt"
    assert server.take_requests() == []


@settings(max_examples=MAX_EXAMPLES, deadline=None, database=None)
@given(prompt=PROMPTS)
@example(prompt="")
@example(prompt="  \n ")
def test_any_prompt_reaches_the_image_endpoint_intact(
    echo_server: FaultServer, echo_client: Pollinations, prompt: str
) -> None:
    echo_server.take_requests()
    if not prompt.strip():
        check_refused(echo_server, lambda: echo_client.images.generate(prompt))
        return
    result = echo_client.images.generate(prompt)
    segment = sent_segment(echo_server, b"/image/")
    assert unquote_to_bytes(segment) == prompt.encode("utf-8")
    # And the server's answer (derived from what it decoded) comes back unchanged.
    assert result.content == PNG_SIGNATURE + prompt.encode("utf-8")


@settings(max_examples=MAX_EXAMPLES, deadline=None, database=None)
@given(prompt=PROMPTS)
@example(prompt="")
def test_any_prompt_reaches_the_text_endpoint_intact(
    echo_server: FaultServer, echo_client: Pollinations, prompt: str
) -> None:
    echo_server.take_requests()
    if not prompt.strip():
        check_refused(echo_server, lambda: echo_client.text.generate(prompt))
        return
    answer = echo_client.text.generate(prompt, seed=1)
    segment = sent_segment(echo_server, b"/text/")
    assert unquote_to_bytes(segment) == prompt.encode("utf-8")
    assert answer == f"echo:{prompt}"


@settings(max_examples=MAX_EXAMPLES // 2, deadline=None, database=None)
@given(content=PROMPTS)
def test_any_message_reaches_the_chat_endpoint_intact(
    echo_server: FaultServer, echo_client: Pollinations, content: str
) -> None:
    echo_server.take_requests()
    completion = echo_client.chat.completions.create(messages=user(content), model="openai")
    (request,) = echo_server.take_requests()
    assert json.loads(request.body)["messages"] == user(content)
    assert completion.choices[0].message.content == f"echo:{content}"


def test_fixed_tricky_prompts(echo_server: FaultServer, echo_client: Pollinations) -> None:
    """The prompts most likely to be mangled, always tried (Hypothesis may not draw them)."""
    echo_server.take_requests()
    for prompt in FIXED_PROMPTS:
        echo_client.images.generate(prompt)
        assert unquote_to_bytes(sent_segment(echo_server, b"/image/")) == prompt.encode()
        assert echo_client.text.generate(prompt) == f"echo:{prompt}"
        assert unquote_to_bytes(sent_segment(echo_server, b"/text/")) == prompt.encode()
