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
import os
import stat
import subprocess
import sys
import textwrap
import threading
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from _custom_helpers import Harness
from _fault_server import Action, Connection, FaultServer, Recorded, _head, chunked, respond, sse

from pollinations_client.custom import (
    APIResponseValidationError,
    ImageResult,
    IncompleteResponseError,
    InternalServerError,
    InvalidParameterError,
    PaymentRequiredError,
    PollinationsError,
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


# ------------------------------------------------------------- review: edge cases


def test_gzip_members_and_raw_deflate_decode_whatever_the_reads() -> None:
    """Every split of the bytes into reads, down to one byte: a member boundary or a
    raw-deflate start that arrives a byte at a time decodes whole, and a cut is seen."""
    from pollinations_client.custom._body import TruncatedBody, _Decoder

    a, b = b"A" * 1000, bytes(range(256)) * 20
    packer = zlib.compressobj(wbits=-15)
    raw_deflate = packer.compress(b) + packer.flush()
    cases = [
        ("gzip", gzip.compress(a) + gzip.compress(b), a + b),
        ("gzip", gzip.compress(a) + b"trailing garbage", a),
        ("deflate", zlib.compress(b), b),
        ("deflate", raw_deflate, b),
    ]
    for encoding, packed, whole in cases:
        for cut in range(1, len(packed)):
            decoder = _Decoder([encoding])
            out = b"".join(decoder.feed(packed[:cut])) + b"".join(decoder.feed(packed[cut:]))
            decoder.check_end()
            assert out == whole, (encoding, cut)
        for step in (1, 3):
            decoder = _Decoder([encoding])
            out = b"".join(
                p for i in range(0, len(packed), step) for p in decoder.feed(packed[i : i + step])
            )
            assert out == whole
    two = gzip.compress(a) + gzip.compress(b)
    for end in (len(two) - 5, len(gzip.compress(a)) + 12):
        decoder = _Decoder(["gzip"])
        list(decoder.feed(two[:end]))
        with pytest.raises(TruncatedBody):
            decoder.check_end()


def members_with_a_pause(first: bytes, second: bytes, *, content_type: str) -> Action:
    """Two gzip members sent apart, so that they arrive in two reads."""

    def action(conn: Connection, request: Recorded) -> bool:
        head = _head(200, {"Content-Type": content_type, "Content-Encoding": "gzip",
                           "Connection": "close"}, "OK")  # fmt: skip
        conn.send(head + gzip.compress(first))
        conn.wait(0.2)
        conn.send(gzip.compress(second))
        return False

    return action


async def test_a_second_gzip_member_in_a_later_read_is_not_dropped(
    h: Harness, server: FaultServer
) -> None:
    server.script(members_with_a_pause(b"A" * 1000, b"B" * 1000, content_type="text/plain"))
    assert await h.run(make(h, server).text.generate("hi")) == "A" * 1000 + "B" * 1000


def _nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


@pytest.mark.parametrize("status", [200, 500])
async def test_json_nested_deeper_than_python_goes_is_a_typed_error(
    h: Harness, server: FaultServer, status: int
) -> None:
    server.reset(respond(status, _nested(100_000), content_type="application/json"))
    with pytest.raises(APIResponseValidationError if status == 200 else InternalServerError):
        await h.run(make(h, server, max_retries=0).models.list())


async def test_a_stream_event_nested_too_deep_is_a_typed_error(
    h: Harness, server: FaultServer
) -> None:
    server.script(chunked([b"data: " + _nested(100_000) + b"\n\n", b"data: [DONE]\n\n"]))
    client = make(h, server)
    stream = await h.run(
        client.chat.completions.create(messages=[{"role": "user", "content": "hi"}], stream=True)
    )
    with pytest.raises(PollinationsError, match="Malformed event"):
        await h.collect(stream)


async def test_an_error_in_a_stream_is_quoted_short(h: Harness, server: FaultServer) -> None:
    event = json.dumps({"error": {"message": "m" * 1_000_000}}).encode()
    server.script(chunked([b"data: " + event + b"\n\n"]))
    stream = await h.run(make(h, server).text.stream("hi"))
    with pytest.raises(PollinationsError) as caught:
        await h.collect(stream)
    assert len(str(caught.value)) < 1000


async def test_a_stream_that_inflates_without_end_is_bounded(
    h: Harness, server: FaultServer
) -> None:
    bomb = gzip.compress(b"data: " + b"x" * (64 * 1024 * 1024), compresslevel=9)
    server.script(body_action(bomb, content_type="text/event-stream", encoding="gzip", length=-1))
    client = make(h, server, max_response_size=1024 * 1024)
    stream = await h.run(client.text.stream("hi"))
    with pytest.raises(ResponseTooLargeError):
        await h.collect(stream)


async def test_a_402_whose_gzip_is_cut_is_still_a_402(h: Harness, server: FaultServer) -> None:
    envelope = json.dumps({"error": {"code": "PAYMENT_REQUIRED", "message": "no pollen " * 50}})
    cut = gzip_cut(envelope.encode())
    server.script(body_action(cut, content_type="application/json", encoding="gzip", status=402))
    with pytest.raises(PaymentRequiredError):
        await h.run(make(h, server).images.generate("a cat"))


async def test_a_redirect_s_body_never_lands_in_the_file(
    h: Harness, server: FaultServer, tmp_path: Path
) -> None:
    moved = respond(302, PNG, content_type="image/png", headers={"Location": "/image/next"})
    server.script(moved, respond(500, b"", content_type="application/json"))
    target = tmp_path / "cat.png"
    with pytest.raises(InternalServerError):
        await h.run(make(h, server, max_retries=0).images.generate("a cat", to_file=target))
    assert _left_in(tmp_path) == []


@pytest.mark.parametrize(
    "where", ["/proc/cat.png", "name too long"], ids=["unwritable", "too-long"]
)
async def test_a_file_that_cannot_be_written_is_refused_before_the_call(
    h: Harness, server: FaultServer, tmp_path: Path, where: str
) -> None:
    target = Path(where) if where.startswith("/") else tmp_path / ("c" * 300 + ".png")
    with pytest.raises(InvalidParameterError, match="to_file"):
        await h.run(make(h, server).images.generate("a cat", to_file=target))
    assert server.requests == []


async def test_a_saved_file_gets_the_umask_s_permissions(
    h: Harness, server: FaultServer, tmp_path: Path
) -> None:
    umask = os.umask(0o022)
    os.umask(umask)
    server.script(body_action(PNG, content_type="image/png"))
    saved = await h.run(make(h, server).images.generate("a cat", to_file=tmp_path / "a.png"))
    ImageResult(content=PNG, content_type="image/png").save(tmp_path / "b.png")
    expected = 0o666 & ~umask
    assert stat.S_IMODE(saved.path.stat().st_mode) == expected
    assert stat.S_IMODE((tmp_path / "b.png").stat().st_mode) == expected


async def test_an_answer_refused_for_a_file_is_read_only_in_part(
    h: Harness, server: FaultServer, tmp_path: Path
) -> None:
    """A large JSON answer where an image was to go to a file: its start, to quote."""
    big = b'{"error": "' + b"x" * (8 * 1024 * 1024) + b'"}'
    server.script(body_action(big, content_type="application/json", chunk=65536))
    with pytest.raises(APIResponseValidationError) as caught:
        await h.run(make(h, server).images.generate("a cat", to_file=tmp_path / "c.png"))
    assert len(caught.value.response.content) <= ERROR_BODY_LIMIT


def _drain_fifo(path: Path) -> tuple[threading.Thread, list[bytes]]:
    got: list[bytes] = []

    def read() -> None:
        with path.open("rb") as fifo:
            got.append(fifo.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader, got


async def test_a_fifo_is_written_in_place_not_replaced(
    h: Harness, server: FaultServer, tmp_path: Path
) -> None:
    """Renaming over a device or a FIFO (`/dev/null`, as root) would replace it: both
    `save()` and `to_file=` write into it instead."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader, got = _drain_fifo(fifo)
    ImageResult(content=PNG, content_type="image/png").save(fifo)
    reader.join(10)
    assert got == [PNG] and stat.S_ISFIFO(fifo.lstat().st_mode)
    server.script(body_action(PNG, content_type="image/png"))
    reader, got = _drain_fifo(fifo)
    saved = await h.run(make(h, server).images.generate("a cat", to_file=fifo))
    reader.join(10)
    assert got == [PNG] and saved.size == len(PNG)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert _left_in(tmp_path) == ["pipe"]


async def test_a_symbolic_link_is_written_through(
    h: Harness, server: FaultServer, tmp_path: Path
) -> None:
    real, link = tmp_path / "real.png", tmp_path / "link.png"
    real.write_bytes(b"old")
    link.symlink_to(real)
    server.script(body_action(PNG, content_type="image/png"))
    await h.run(make(h, server).images.generate("a cat", to_file=link))
    assert link.is_symlink() and real.read_bytes() == PNG
    ImageResult(content=PNG[:100], content_type="image/png").save(link)
    assert link.is_symlink() and real.read_bytes() == PNG[:100]


async def test_a_plain_error_body_cut_short_keeps_its_status(
    h: Harness, server: FaultServer
) -> None:
    envelope = json.dumps({"error": {"code": "PAYMENT_REQUIRED", "message": "no pollen"}})
    body = envelope.encode()
    server.script(
        body_action(body[:20], content_type="application/json", status=402, length=len(body))
    )
    with pytest.raises(PaymentRequiredError):
        await h.run(make(h, server).images.generate("a cat"))
