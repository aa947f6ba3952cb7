"""Server-sent events: real chunked streams of ChatCompletionChunk objects ending in [DONE]."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from _mock_helpers import SECRET, bearer, chunk_objects, sse_data, streamed_content

from pollinations_client.custom.mock import MockServer

WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "parameters": {
            "type": "object",
            "properties": {"city": {"type": "string"}, "days": {"type": "integer"}},
            "required": ["city"],
        },
    },
}
MESSAGES = [{"role": "user", "content": "Tell me about the hive"}]


@pytest.fixture(scope="module")
def server() -> Iterator[MockServer]:
    with MockServer(stream_interval=0.001) as running:
        yield running


@pytest.fixture
def client(server: MockServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as http:
        yield http


def stream_text(client: httpx.Client, method: str, path: str, **kwargs: Any) -> tuple[str, int]:
    """The whole stream, and how many separate reads it arrived in."""
    with client.stream(method, path, headers=bearer(), **kwargs) as answer:
        assert answer.status_code == 200
        assert answer.headers["content-type"] == "text/event-stream"
        assert answer.headers["transfer-encoding"] == "chunked"
        assert "content-length" not in answer.headers
        parts = list(answer.iter_text())
    return "".join(parts), len(parts)


def test_text_stream_is_chunks_of_the_same_answer(client: httpx.Client) -> None:
    text, _ = stream_text(client, "GET", "/text/the hive", params={"stream": "true", "seed": 4})
    chunks = chunk_objects(text)
    assert len(chunks) >= 4
    assert chunks[0]["choices"][0]["delta"]["role"] == "assistant"
    assert chunks[-1]["choices"][0]["finish_reason"] == "stop"
    assert len({chunk["id"] for chunk in chunks}) == 1
    assert sum(1 for c in chunks if c["choices"][0]["delta"].get("content")) >= 3
    whole = client.get("/text/the hive", params={"seed": 4}, headers=bearer()).text
    assert streamed_content(chunks) == whole


def test_chat_stream_matches_the_unstreamed_answer(client: httpx.Client) -> None:
    body = {
        "messages": MESSAGES,
        "seed": 9,
        "stream": True,
        "stream_options": {"include_usage": True},
    }
    text, _ = stream_text(client, "POST", "/v1/chat/completions", json=body)
    chunks = chunk_objects(text)
    assert all(chunk["object"] == "chat.completion.chunk" for chunk in chunks)
    finished = [c for c in chunks if c["choices"] and c["choices"][0]["finish_reason"]]
    assert [c["choices"][0]["finish_reason"] for c in finished] == ["stop"]
    tail = chunks[-1]
    assert tail["choices"] == [] and tail["usage"]["total_tokens"] > 0
    whole = client.post(
        "/v1/chat/completions", json={**body, "stream": False}, headers=bearer()
    ).json()
    assert streamed_content(chunks) == whole["choices"][0]["message"]["content"]
    assert tail["usage"] == whole["usage"]


def test_tool_calls_stream_as_deltas(client: httpx.Client) -> None:
    body = {"messages": MESSAGES, "tools": [WEATHER_TOOL], "stream": True}
    text, _ = stream_text(client, "POST", "/v1/chat/completions", json=body)
    chunks = chunk_objects(text)
    deltas = [d for c in chunks for d in c["choices"][0]["delta"].get("tool_calls") or []]
    assert deltas[0]["id"].startswith("call_") and deltas[0]["type"] == "function"
    assert deltas[0]["function"]["name"] == "get_weather"
    assert len(deltas) >= 3 and {d["index"] for d in deltas} == {0}
    arguments = "".join(d["function"].get("arguments", "") for d in deltas)
    assert "city" in json.loads(arguments)
    assert chunks[-1]["choices"][0]["finish_reason"] == "tool_calls"
    whole = client.post(
        "/v1/chat/completions", json={**body, "stream": False}, headers=bearer()
    ).json()
    assert whole["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"] == arguments


def _read_chunks(sock: socket.socket, stop_after: int | None = None) -> tuple[bytes, list[bytes]]:
    """Read an HTTP/1.1 response with a chunked body; return the head and the raw chunks."""
    buffer = b""
    while b"\r\n\r\n" not in buffer:
        data = sock.recv(65536)
        assert data, "connection closed inside the headers"
        buffer += data
    head, _, buffer = buffer.partition(b"\r\n\r\n")
    chunks: list[bytes] = []
    while stop_after is None or len(chunks) < stop_after:
        while b"\r\n" not in buffer:
            data = sock.recv(65536)
            assert data, "connection closed inside the body"
            buffer += data
        size_line, _, buffer = buffer.partition(b"\r\n")
        size = int(size_line, 16)
        while len(buffer) < size + 2:
            data = sock.recv(65536)
            assert data, "connection closed inside a chunk"
            buffer += data
        chunk, buffer = buffer[:size], buffer[size + 2 :]
        if size == 0:
            break
        chunks.append(chunk)
    return head, chunks


def _request(path: str) -> bytes:
    return (
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {SECRET}\r\n\r\n"
    ).encode()


def test_each_event_is_its_own_http_chunk(server: MockServer) -> None:
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(_request("/text/framing?stream=true"))
        head, chunks = _read_chunks(sock)
        assert b"Transfer-Encoding: chunked" in head
        assert len(chunks) >= 5
        for chunk in chunks:
            assert chunk.startswith(b"data: ") and chunk.endswith(b"\n\n")
            assert len(list(sse_data(chunk.decode()))) == 1
        assert chunks[-1] == b"data: [DONE]\n\n"
        # The connection stays usable after the terminating chunk.
        sock.sendall(_request("/text/again"))
        assert sock.recv(65536).startswith(b"HTTP/1.1 200")


def test_events_are_flushed_before_the_stream_ends() -> None:
    """With a long pause between events, the first one must already be on the wire."""
    with (
        MockServer(stream_interval=30) as slow,
        socket.create_connection(("127.0.0.1", slow.port), timeout=10) as sock,
    ):
        sock.sendall(_request("/text/slowly?stream=true"))
        _, chunks = _read_chunks(sock, stop_after=1)
        (first,) = chunks
        event = json.loads(next(sse_data(first.decode())))
        assert event["choices"][0]["delta"]["role"] == "assistant"
