"""Event streams from hostile or odd servers (issue 13), against tests/_fault_server.py.

A leading BOM is dropped, a line ending in CR ends at once (so a server that holds the
connection open after `[DONE]` does not hang the stream), a CRLF cut between its CR and
its LF is still one line end, a 10 MiB line sent in 2 KiB pieces parses (its speed is
measured in `make bench`, not here), and an `AsyncStream` dropped unread gives its
pooled connection back, as `Stream` does. Every wait is bounded by a client timeout of a
few seconds, so a regression fails as a timeout rather than hanging.
"""

from __future__ import annotations

import asyncio
import random
import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from _custom_helpers import Harness, split_every
from _fault_server import FaultServer, chunked

from pollinations_client.custom._streaming import _EventReader, parse_text_delta

pytestmark = pytest.mark.anyio

KEY = "sk_hostile_sse_5ecr3t_0123456789"
USER = [{"role": "user", "content": "hi"}]
BOM = b"\xef\xbb\xbf"
#: The client's read timeout where a stream must end without more bytes from the server.
READ_TIMEOUT = 2.0
#: How long the server keeps the connection open after `[DONE]` (well past READ_TIMEOUT;
#: the server's own waits end early when the test stops it).
HOLD = 6.0


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


def chat_event(content: str) -> bytes:
    chunk = (
        '{"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, '
        '"model": "openai", "choices": [{"index": 0, "delta": {"content": "%s"}, '
        '"finish_reason": null}]}'
    )
    return (chunk % content).encode()


async def text_items(h: Harness, server: FaultServer, pieces: list[bytes], **options: Any) -> Any:
    """The items of `client.text.stream` when the server sends `pieces`, one HTTP chunk
    each (the client may see a piece cut further, never two joined); and the stream."""
    server.script(chunked(pieces, stall_after=options.pop("hold", 0.0)))
    client = make(h, server, max_retries=0, **options)
    stream = await h.run(client.text.stream("sse"))
    return await h.collect(stream), stream


# --------------------------------------------------------------------------- BOM

END = b"data: second\n\ndata: [DONE]\n\n"
BOM_BODIES = {
    "whole": [BOM + b"data: first\n\n", b"data: second\n\n", b"data: [DONE]\n\n"],
    "cut after 1 byte": [b"\xef", b"\xbb\xbfdata: first\n\n", END],
    "cut after 2 bytes": [b"\xef\xbb", b"\xbfdata: first\n\n" + END],
    "byte by byte": [b"\xef", b"\xbb", b"\xbf", b"d", b"ata: first\n\n", END],
    "crlf": [BOM + b"data: first\r\n\r\n", b"data: second\r\n\r\n", b"data: [DONE]\r\n\r\n"],
    "cr, cut": [b"\xef\xbb", b"\xbfdata: first\r\r", b"data: second\r\r", b"data: [DONE]\r\r"],
}


@pytest.mark.parametrize("pieces", list(BOM_BODIES.values()), ids=list(BOM_BODIES))
async def test_a_leading_bom_is_ignored(
    h: Harness, server: FaultServer, pieces: list[bytes]
) -> None:
    items, stream = await text_items(h, server, pieces)
    assert items == ["first", "second"]
    assert stream.done


async def test_a_leading_bom_does_not_lose_the_first_chat_chunk(
    h: Harness, server: FaultServer
) -> None:
    pieces = [b"\xef", b"\xbb\xbfdata: " + chat_event("Hello") + b"\n\n"]
    pieces += [b"data: " + chat_event(" world") + b"\n\n", b"data: [DONE]\n\n"]
    server.script(chunked(pieces))
    client = make(h, server, max_retries=0)
    stream = await h.run(client.chat.completions.create(messages=USER, stream=True))
    chunks = await h.collect(stream)
    assert "".join(chunk.choices[0].delta.content for chunk in chunks) == "Hello world"


async def test_only_the_bom_that_starts_the_body_is_dropped(
    h: Harness, server: FaultServer
) -> None:
    """Later, a BOM is part of the line (the spec drops one, at the start): here it makes
    the field name "\\ufeffdata", which means nothing, so that event has no data."""
    body = BOM + b"data: first\n\n" + BOM + b"data: lost\n\ndata: last\n\ndata: [DONE]\n\n"
    items, _ = await text_items(h, server, [body])
    assert items == ["first", "last"]


# ----------------------------------------------------------- CR ends a line at once


@pytest.mark.parametrize("newline", ["\r", "\n", "\r\n"], ids=["cr", "lf", "crlf"])
async def test_a_stream_ends_at_done_while_the_server_holds_the_connection(
    h: Harness, server: FaultServer, newline: str
) -> None:
    """With CR-only line ends, an event used to be seen only when more bytes came: the
    stream waited past `[DONE]` for bytes the server never sends, until the timeout."""
    pieces = [f"data: {word}{newline}{newline}".encode() for word in ("one", "two", "[DONE]")]
    items, stream = await text_items(h, server, pieces, hold=HOLD, timeout=READ_TIMEOUT)
    assert items == ["one", "two"]
    assert stream.done
    assert stream.response.is_closed


async def test_a_crlf_cut_between_its_cr_and_lf_is_one_line_end(
    h: Harness, server: FaultServer
) -> None:
    """Each chunk ends in CR and the next starts with its LF: the LF must not count as
    a second line end (a blank line, which would end the event early)."""
    body = b"data: a\r\ndata: b\r\n\r\n: keep-alive\r\ndata: c\r\n\r\ndata: [DONE]\r\n\r\n"
    pieces = [piece + b"\r" for piece in body.split(b"\r")]
    pieces[-1] = pieces[-1][:-1]
    assert b"".join(pieces) == body
    items, stream = await text_items(h, server, pieces, timeout=READ_TIMEOUT)
    assert items == ["a\nb", "c"]
    assert stream.done


def reader() -> _EventReader[str]:
    return _EventReader(parse_text_delta, httpx.Request("GET", "http://127.0.0.1/"), ())


def test_an_event_ending_in_cr_is_yielded_by_the_chunk_that_ends_it() -> None:
    events = reader()
    assert list(events.feed(b"data: one\r\r")) == ["one"]
    assert list(events.feed(b"\ndata: two\r")) == []  # the LF belongs to the CR before it
    assert list(events.feed(b"\n")) == []
    assert list(events.feed(b"\r\n")) == ["two"]
    assert list(events.feed(b"data: [DONE]\r\r")) == []
    assert events.done


# ---------------------------------------------------- any cut of any body, in-process


def reference(body: bytes) -> list[str]:
    """The event-stream spec on the bytes so far: the data of each message event that a
    blank line has ended, up to `[DONE]` (one BOM dropped; lines end at CRLF, CR or LF;
    the last line, without its end, is not complete yet)."""
    text = body.decode("utf-8", "replace").removeprefix("\ufeff")
    items: list[str] = []
    data: list[str] = []
    event = ""
    for line in re.split(r"\r\n|\r|\n", text)[:-1]:
        if not line:
            if data:
                joined = "\n".join(data)
                if joined == "[DONE]":
                    break
                if event in ("", "message") and joined:
                    items.append(joined)
            data, event = [], ""
            continue
        name, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if name == "data":
            data.append(value)
        elif name == "event":
            event = value
    return items


LINES = [
    "data: one", "data:two", "data: h\u00e9llo \u2713 \U0001f600", ": keep-alive", "id: 7",
    "retry: 10", "event: message", "event: ping", "data: {not json", "data:",
]  # fmt: skip


def random_body(rng: random.Random) -> bytes:
    """Events of a few lines, each event with its own line end (mixing them within an
    event could glue a CR and the next LF into one CRLF, and hide the blank line)."""
    parts = [BOM.decode()] if rng.random() < 0.5 else []
    for _ in range(rng.randint(1, 6)):
        newline = rng.choice(["\n", "\r", "\r\n"])
        for _ in range(rng.randint(1, 3)):
            parts += [rng.choice(LINES), newline]
        parts.append(newline)  # the blank line ending the event
    newline = rng.choice(["\n", "\r", "\r\n"])
    parts += ["data: [DONE]", newline, newline]
    return "".join(parts).encode()


def random_cut(rng: random.Random, body: bytes) -> list[bytes]:
    cuts = sorted(rng.sample(range(1, len(body)), rng.randint(0, min(12, len(body) - 1))))
    return [body[a:b] for a, b in zip([0, *cuts], [*cuts, len(body)], strict=True)]


def read(body: bytes, pieces: list[bytes]) -> list[str]:
    """The items of `body` fed in `pieces`, checking that every event comes out of the
    piece that completes it, not a later one (a server may send nothing after it)."""
    assert b"".join(pieces) == body
    events = reader()
    items: list[str] = []
    arrived = 0
    for piece in pieces:
        items += events.feed(piece)
        arrived += len(piece)
        assert items == reference(body[:arrived]), (body, arrived)
    assert events.done, body
    assert list(events.finish()) == []
    return items


def test_any_cut_of_a_body_gives_each_event_as_soon_as_it_is_complete() -> None:
    """Bodies mixing LF, CR and CRLF, a BOM or not, cut anywhere (inside the BOM, a
    CRLF, a UTF-8 sequence, between the two LFs of a blank line) or byte by byte: the
    events the spec reads, each as soon as its blank line has arrived."""
    rng = random.Random(13)
    for _ in range(400):
        body = random_body(rng)
        expected = reference(body)
        assert read(body, [body]) == expected
        assert read(body, random_cut(rng, body)) == expected
    for _ in range(5):
        body = random_body(rng)
        assert read(body, split_every(body, 1)) == reference(body)


# ------------------------------------------------------------------ one long line

LONG_LINE = 10 * 1024 * 1024


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
async def test_a_10_mib_line_in_2_kib_pieces_is_one_event(
    h: Harness, server: FaultServer, newline: str
) -> None:
    """Pieces that cut UTF-8 sequences, after an `event:` line (with CR line ends, the
    reader then goes line by line). How fast: `make bench`, "long line"."""
    text = ("Jack \u00e9t\u00e9 \u2713 " * (LONG_LINE // 16 + 1)).encode()[:LONG_LINE]
    text = text.decode("utf-8", "ignore").encode()
    end = newline.encode()
    body = b"event: message" + end + b"data: " + text + end * 2 + b"data: [DONE]" + end * 2
    items, stream = await text_items(h, server, split_every(body, 2048), timeout=10.0)
    same = items == [text.decode()]
    assert same, [len(item) for item in items]
    assert stream.done


# ------------------------------------------------------ a stream dropped unread


@pytest.mark.parametrize("kind", ["text", "chat"])
async def test_a_stream_dropped_unread_gives_its_connection_back(
    h: Harness, server: FaultServer, kind: str
) -> None:
    """Five streams dropped unread (never iterated, never closed) through a pool of two
    connections, then a call: it gets a connection at once. Before, each dropped
    `AsyncStream` kept its connection, and the third stream waited out the pool timeout."""
    limits = httpx.Limits(max_connections=2)
    pool = httpx.AsyncClient(limits=limits) if h.is_async else httpx.Client(limits=limits)
    timeout = httpx.Timeout(5.0, pool=2.0)
    client = make(h, server, http_client=pool, timeout=timeout, max_retries=0)
    try:
        for i in range(5):
            if kind == "text":
                stream = await h.run(client.text.stream(f"dropped {i}"))
            else:
                messages = [{"role": "user", "content": f"dropped {i}"}]
                stream = await h.run(client.chat.completions.create(messages=messages, stream=True))
            assert not stream.response.is_closed
            del stream
            for _ in range(5):  # the closing runs as a task on the loop
                await asyncio.sleep(0)
        assert await h.run(client.text.generate("after")) == "echo:after"
    finally:
        if isinstance(pool, httpx.AsyncClient):
            await pool.aclose()
        else:
            pool.close()
    assert len(server.requests) == 6
