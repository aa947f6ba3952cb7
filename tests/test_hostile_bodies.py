"""Hostile bodies, against the raw-socket server on 127.0.0.1 (tests/_fault_server.py).

A compressed body cut short, a gzip bomb, an error page of many megabytes, a claim of
terabytes in Content-Length, a body larger than `max_response_size`, a download straight
to a file that is cut: each ends in a typed error (or a bounded read), never in a short
result that looks whole, a partial file or unbounded memory. Every test runs on both
clients (the `h` fixture); every wait is bounded.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import textwrap
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from _custom_helpers import Harness
from _fault_server import Action, Connection, FaultServer, Recorded, _head, respond, sse

from pollinations_client.custom import (
    APIResponseValidationError,
    ImageResult,
    IncompleteResponseError,
    InternalServerError,
    ResponseTooLargeError,
    SavedFile,
)
from pollinations_client.custom._body import ERROR_BODY_LIMIT

KEY = "sk_hostile_bodies_0123456789"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64  # 16 KiB
TEXT = ("All the text of a long answer. " * 400).encode()
CHAT = json.dumps(
    {
        "id": "c1",
        "object": "chat.completion",
        "created": 1,
        "model": "openai",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": "x" * 8000},
                "finish_reason": "stop",
            }
        ],
    }
).encode()


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[FaultServer]:
    monkeypatch.delenv("POLLINATIONS_API_KEY", raising=False)
    monkeypatch.delenv("POLLINATIONS_BASE_URL", raising=False)
    with FaultServer() as running:
        yield running


def make(h: Harness, server: FaultServer, **overrides: Any) -> Any:
    return h.make(api_key=KEY, base_url=server.url, **overrides)


def body_action(
    body: bytes,
    *,
    content_type: str,
    encoding: str | None = None,
    status: int = 200,
    length: int | None = None,
    chunk: int = 4096,
) -> Action:
    """Send `body` as is, in pieces: with a Content-Length of `length` (None: the bytes
    sent, -1: none, close-delimited) and a Content-Encoding; then close."""

    def action(conn: Connection, request: Recorded) -> bool:
        headers = {"Content-Type": content_type, "Connection": "close"}
        if encoding:
            headers["Content-Encoding"] = encoding
        if length != -1:
            headers["Content-Length"] = str(len(body) if length is None else length)
        if not conn.send(_head(status, headers, "OK" if status < 400 else "Error")):
            return False
        for start in range(0, len(body), chunk):
            if not conn.send(body[start : start + chunk]):
                return False
        return False

    return action


def gzip_cut(data: bytes) -> bytes:
    """A gzip stream stopped before its end (no final block, no trailer)."""
    whole = gzip.compress(data)
    return whole[: len(whole) * 2 // 3]


def deflate_cut(data: bytes) -> bytes:
    whole = zlib.compress(data)
    return whole[: len(whole) * 2 // 3]


#: (name, call, content type, body, generation or listing)
CALLS: list[tuple[str, Callable[[Any], Any], str, bytes, bool]] = [
    ("image", lambda c: c.images.generate("a cat"), "image/png", PNG, True),
    ("text", lambda c: c.text.generate("hi"), "text/plain", TEXT, True),
    (
        "chat",
        lambda c: c.chat.completions.create(messages=[{"role": "user", "content": "hi"}]),
        "application/json",
        CHAT,
        True,
    ),
    ("speech", lambda c: c.audio.speech.create(input="hi"), "audio/mpeg", PNG, True),
    ("usage csv", lambda c: c.account.usage_csv(), "text/csv", TEXT, False),
]
CALL_IDS = [name for name, *_ in CALLS]


@pytest.mark.parametrize("framing", ["close-delimited", "content-length of what was sent"])
@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
@pytest.mark.parametrize(("name", "call", "content_type", "body", "billable"), CALLS, ids=CALL_IDS)
async def test_a_compressed_body_cut_short_is_incomplete_not_short(
    h: Harness,
    server: FaultServer,
    framing: str,
    encoding: str,
    name: str,
    call: Callable[[Any], Any],
    content_type: str,
    body: bytes,
    billable: bool,
) -> None:
    """The transport sees a complete body (its length matches, or the connection ends
    a close-delimited one); only the compressed stream shows that it was cut."""
    cut = gzip_cut(body) if encoding == "gzip" else deflate_cut(body)
    length = -1 if framing == "close-delimited" else None
    server.reset(body_action(cut, content_type=content_type, encoding=encoding, length=length))
    client = make(h, server, max_retries=1)
    with pytest.raises(IncompleteResponseError) as caught:
        await h.run(call(client))
    assert "compressed" in str(caught.value)
    # a generation is not repeated once sent (it may have been billed); a listing is
    assert len(server.requests) == (1 if billable else 2)


@pytest.mark.parametrize(("name", "call", "content_type", "body", "billable"), CALLS, ids=CALL_IDS)
async def test_a_whole_compressed_body_still_reads(
    h: Harness,
    server: FaultServer,
    name: str,
    call: Callable[[Any], Any],
    content_type: str,
    body: bytes,
    billable: bool,
) -> None:
    """The control: the same bodies, compressed whole, in small pieces, read exactly."""
    for encoding, packed in (("gzip", gzip.compress(body)), ("deflate", zlib.compress(body))):
        server.script(body_action(packed, content_type=content_type, encoding=encoding, chunk=7))
        result = await h.run(call(make(h, server)))
        if name in ("image", "speech"):
            assert result.content == body
        elif name == "chat":
            assert result.choices[0].message.content == "x" * 8000
        else:
            assert result == body.decode()


async def test_several_gzip_members_read_as_one_body(h: Harness, server: FaultServer) -> None:
    packed = gzip.compress(PNG[:5000]) + gzip.compress(PNG[5000:])
    server.script(body_action(packed, content_type="image/png", encoding="gzip"))
    assert (await h.run(make(h, server).images.generate("a cat"))).content == PNG


async def test_a_chat_stream_whose_gzip_is_cut_raises(h: Harness, server: FaultServer) -> None:
    events = b"".join(sse(json.dumps({"choices": [{"index": 0, "delta": {"content": "a"}}]})))
    cut = gzip_cut(events * 50 + b"data: [DONE]\n\n")
    server.reset(body_action(cut, content_type="text/event-stream", encoding="gzip"))
    client = make(h, server)
    stream = await h.run(
        client.chat.completions.create(messages=[{"role": "user", "content": "hi"}], stream=True)
    )
    with pytest.raises(IncompleteResponseError):
        await h.collect(stream)


async def test_an_unasked_encoding_is_a_typed_error(h: Harness, server: FaultServer) -> None:
    """We ask for gzip and deflate only (and can check their end); brotli is refused."""
    server.script(body_action(b"\x0b\x02\x80hi\x03", content_type="text/plain", encoding="br"))
    with pytest.raises(APIResponseValidationError, match="br"):
        await h.run(make(h, server).text.generate("hi"))
    assert server.requests[0].header("accept-encoding") == "gzip, deflate"


# --------------------------------------------------------------------- bounded memory


async def test_a_huge_error_body_is_read_only_up_to_a_cap(h: Harness, server: FaultServer) -> None:
    """50 MiB of an error page: the error is raised from its first 64 KiB, and the rest
    is never read (the connection is dropped)."""
    page = b"<html>" + b"x" * (50 * 1024 * 1024)
    server.script(body_action(page, content_type="text/html", status=500, chunk=65536))
    with pytest.raises(InternalServerError) as caught:
        await h.run(make(h, server, max_retries=0).models.list())
    assert len(caught.value.response.content) == ERROR_BODY_LIMIT
    assert len(str(caught.value)) < 1000


async def test_a_long_error_message_is_kept_short_in_str(h: Harness, server: FaultServer) -> None:
    message = "bad " * 10000  # 40 KB, in a valid envelope
    body = json.dumps({"error": {"code": "BAD_REQUEST", "message": message}}).encode()
    server.script(respond(400, body, content_type="application/json"))
    with pytest.raises(Exception) as caught:
        await h.run(make(h, server).images.generate("a cat"))
    assert len(str(caught.value)) < 2000
    assert "BAD_REQUEST" in str(caught.value)


async def test_a_gzip_bomb_in_an_error_body_is_decoded_only_up_to_the_cap(
    h: Harness, server: FaultServer
) -> None:
    bomb = gzip.compress(b"\0" * (256 * 1024 * 1024), compresslevel=9)  # 256 MiB in 250 KiB
    server.script(body_action(bomb, content_type="application/json", encoding="gzip", status=503))
    with pytest.raises(InternalServerError) as caught:
        await h.run(make(h, server, max_retries=0).models.list())
    assert len(caught.value.response.content) == ERROR_BODY_LIMIT


async def test_a_gzip_bomb_as_an_image_raises_past_max_response_size(
    h: Harness, server: FaultServer
) -> None:
    bomb = gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)
    server.script(body_action(bomb, content_type="image/png", encoding="gzip"))
    client = make(h, server, max_response_size=4 * 1024 * 1024)
    with pytest.raises(ResponseTooLargeError) as caught:
        await h.run(client.images.generate("a cat"))
    assert caught.value.limit == 4 * 1024 * 1024
    assert "max_response_size" in str(caught.value)
    assert len(server.requests) == 1  # not retried: it would be as large again


@pytest.mark.parametrize("framing", ["content-length", "close-delimited"])
async def test_max_response_size_bounds_a_plain_body_and_allows_one_at_the_limit(
    h: Harness, server: FaultServer, framing: str
) -> None:
    length = None if framing == "content-length" else -1
    client = make(h, server, max_response_size=len(PNG))
    server.script(body_action(PNG, content_type="image/png", length=length))
    assert (await h.run(client.images.generate("a cat"))).content == PNG
    server.script(body_action(PNG + b"!", content_type="image/png", length=length))
    with pytest.raises(ResponseTooLargeError):
        await h.run(client.images.generate("a cat"))
    per_call = client.with_options(max_response_size=10 * len(PNG))
    server.script(body_action(PNG + b"!", content_type="image/png", length=length))
    assert len((await h.run(per_call.images.generate("a cat"))).content) == len(PNG) + 1


def test_a_claim_of_terabytes_does_not_allocate_them(tmp_path: Path) -> None:
    """Under a 1 GiB address-space limit, a Content-Length of 10 TiB with a short body is
    an incomplete answer, not a MemoryError (the buffer is pre-sized only up to 1 MiB)."""
    script = textwrap.dedent(
        """
        import resource, sys
        sys.path.insert(0, sys.argv[1])
        from _fault_server import FaultServer, short_body
        from pollinations_client.custom import IncompleteResponseError, Pollinations
        with FaultServer() as server:
            server.reset(short_body(b"\\x89PNG" * 100, announced=10 * 1024**4))
            limit = 1024**3 * 3
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
            client = Pollinations(api_key="sk_x", base_url=server.url, max_retries=0)
            try:
                client.images.generate("a cat")
            except IncompleteResponseError:
                print("incomplete")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(Path(__file__).parent)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout.strip() == "incomplete", done.stderr[-2000:]


# ------------------------------------------------------------------- straight to a file


def _left_in(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.iterdir())


@pytest.mark.parametrize("encoding", [None, "gzip"])
async def test_to_file_streams_the_image_to_the_file(
    h: Harness, server: FaultServer, tmp_path: Path, encoding: str | None
) -> None:
    body = gzip.compress(PNG) if encoding else PNG
    server.script(body_action(body, content_type="image/png", encoding=encoding, chunk=1000))
    target = tmp_path / "cat.png"
    saved = await h.run(make(h, server).images.generate("a cat", to_file=target))
    assert isinstance(saved, SavedFile)
    assert (saved.path, saved.size, saved.content_type) == (target, len(PNG), "image/png")
    assert target.read_bytes() == PNG == saved.read_bytes()
    assert _left_in(tmp_path) == ["cat.png"]  # no temporary file left


@pytest.mark.parametrize(
    "cut",
    [
        pytest.param(
            lambda: body_action(PNG[:5000], content_type="image/png", length=len(PNG)), id="short"
        ),
        pytest.param(
            lambda: body_action(gzip_cut(PNG), content_type="image/png", encoding="gzip"),
            id="gzip cut",
        ),
    ],
)
async def test_a_cut_download_to_a_file_leaves_no_file_and_keeps_the_old_one(
    h: Harness, server: FaultServer, tmp_path: Path, cut: Callable[[], Action]
) -> None:
    target = tmp_path / "cat.png"
    target.write_bytes(b"the previous cat")
    server.reset(cut())
    with pytest.raises(IncompleteResponseError):
        await h.run(make(h, server).images.generate("a cat", to_file=target))
    assert target.read_bytes() == b"the previous cat"
    assert _left_in(tmp_path) == ["cat.png"]
    fresh = tmp_path / "new.png"
    with pytest.raises(IncompleteResponseError):
        await h.run(make(h, server).images.generate("a cat", to_file=fresh))
    assert not fresh.exists() and _left_in(tmp_path) == ["cat.png"]


async def test_to_file_over_max_response_size_leaves_nothing(
    h: Harness, server: FaultServer, tmp_path: Path
) -> None:
    server.script(body_action(PNG, content_type="image/png"))
    target = tmp_path / "cat.png"
    with pytest.raises(ResponseTooLargeError):
        await h.run(
            make(h, server, max_response_size=1000).images.generate("a cat", to_file=target)
        )
    assert _left_in(tmp_path) == []


async def test_to_file_with_a_json_answer_writes_no_file(
    h: Harness, server: FaultServer, tmp_path: Path
) -> None:
    """A 200 that is not an image is not saved as one."""
    server.script(respond(200, b'{"error": "nope"}', content_type="application/json"))
    with pytest.raises(APIResponseValidationError, match="expected an image"):
        await h.run(make(h, server).images.generate("a cat", to_file=tmp_path / "cat.png"))
    assert _left_in(tmp_path) == []


async def test_speech_and_audio_go_to_a_file_too(
    h: Harness, server: FaultServer, tmp_path: Path
) -> None:
    server.script(
        body_action(PNG, content_type="audio/mpeg"), body_action(PNG, content_type="audio/mpeg")
    )
    client = make(h, server)
    speech = await h.run(client.audio.speech.create(input="hi", to_file=tmp_path / "a.mp3"))
    music = await h.run(client.audio.generate("a tune", to_file=tmp_path / "b.mp3"))
    assert (speech.size, music.size) == (len(PNG), len(PNG))
    assert _left_in(tmp_path) == ["a.mp3", "b.mp3"]


def test_save_replaces_the_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "cat.png"
    target.write_bytes(b"old")
    ImageResult(content=PNG, content_type="image/png").save(target)
    assert target.read_bytes() == PNG
    assert _left_in(tmp_path) == ["cat.png"]
    with pytest.raises(IsADirectoryError):
        ImageResult(content=PNG, content_type="image/png").save(tmp_path)
    assert _left_in(tmp_path) == ["cat.png"]  # the failed save left no temporary file
