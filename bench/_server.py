"""A loopback HTTP server with canned answers, run in its own process.

Every contender talks to the same server, which does the same small amount of work for
each of them: the cost measured is the client's. It runs in a separate process so that
it does not compete with the client for the GIL.

    python -m bench._server --chunks 20000 --image-bytes 4194304 --usage-records 10000

`--framing chunked` sends a stream as one HTTP chunk per event (as the real gateway and
the mock do); the default sends it as one length-framed body, where a client reads many
events per network read. `--long-line-bytes N` makes `/text/...` a stream of one `data:`
line of N bytes, in HTTP chunks of `LONG_LINE_CHUNK` bytes (the cost of a long line).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys

#: The HTTP chunk size of the long-line stream: small pieces, as a slow server sends them.
LONG_LINE_CHUNK = 2048


def chat_completion(size: int = 1024) -> bytes:
    content = ("All work and no play makes Jack a dull boy. " * (size // 44 + 1))[:size]
    return json.dumps(
        {
            "id": "chatcmpl-bench",
            "object": "chat.completion",
            "created": 1735689600,
            "model": "openai",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 12, "completion_tokens": 256, "total_tokens": 268},
            "system_fingerprint": "fp_bench",
        }
    ).encode()


def chat_stream(chunks: int) -> bytes:
    events = []
    for i in range(chunks):
        chunk = {
            "id": "chatcmpl-bench",
            "object": "chat.completion.chunk",
            "created": 1735689600,
            "model": "openai",
            "choices": [
                {
                    "index": 0,
                    "delta": {"content": f"tok{i % 100} "},
                    "finish_reason": "stop" if i == chunks - 1 else None,
                }
            ],
        }
        events.append(b"data: " + json.dumps(chunk, separators=(",", ":")).encode() + b"\n\n")
    events.append(b"data: [DONE]\n\n")
    return b"".join(events)


def long_line(size: int) -> bytes:
    """One event whose `data:` line is `size` bytes of text (ASCII and multi-byte), then
    `[DONE]`, chunked into `LONG_LINE_CHUNK`-byte pieces that cut UTF-8 sequences."""
    text = ("Jack \u00e9t\u00e9 \u2713 " * (size // 16 + 1)).encode()[:size]
    text = text.decode("utf-8", "ignore").encode()  # no sequence cut at the very end
    body = b"data: " + text + b"\n\ndata: [DONE]\n\n"
    head = (
        b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n"
        b"transfer-encoding: chunked\r\nx-request-id: bench\r\n\r\n"
    )
    parts = [head]
    for start in range(0, len(body), LONG_LINE_CHUNK):
        piece = body[start : start + LONG_LINE_CHUNK]
        parts.append(b"%x\r\n%s\r\n" % (len(piece), piece))
    parts.append(b"0\r\n\r\n")
    return b"".join(parts)


def usage(records: int) -> bytes:
    rows = [
        {
            "timestamp": f"2026-11-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}:{i % 60:02d}",
            "type": "generate.text",
            "model": "openai",
            "api_key": "sk_***",
            "api_key_type": "secret",
            "meter_source": "tier",
            "input_text_tokens": 12,
            "input_cached_tokens": 0,
            "input_audio_tokens": 0,
            "input_image_tokens": 0,
            "output_text_tokens": 256,
            "output_reasoning_tokens": 0,
            "output_audio_tokens": 0,
            "output_image_tokens": 0,
            "cost_usd": 0.00012,
            "response_time_ms": 812,
        }
        for i in range(records)
    ]
    return json.dumps({"usage": rows, "count": records}).encode()


def image(size: int) -> bytes:
    # Incompressible enough, and cheap to make: the client never decodes it.
    pattern = bytes(range(256)) * (size // 256 + 1)
    return b"\x89PNG\r\n\x1a\n" + pattern[: size - 8]


class Bodies:
    def __init__(
        self,
        chunks: int,
        image_bytes: int,
        usage_records: int,
        framing: str,
        long_line_bytes: int = 0,
    ) -> None:
        self.completion = chat_completion()
        self.stream = chat_stream(chunks)
        self.chunked = framing == "chunked"
        self.image = image(image_bytes)
        self.usage = usage(usage_records)
        self.long_line = long_line(long_line_bytes) if long_line_bytes else b""


def _chunked(status: str, content_type: str, body: bytes) -> list[bytes]:
    """One HTTP chunk per server-sent event (events end with a blank line)."""
    head = (
        f"HTTP/1.1 {status}\r\ncontent-type: {content_type}\r\n"
        "transfer-encoding: chunked\r\nx-request-id: bench\r\n\r\n"
    ).encode()
    parts = [head]
    for event in body.split(b"\n\n")[:-1]:
        event += b"\n\n"
        parts.append(b"%x\r\n%s\r\n" % (len(event), event))
    parts.append(b"0\r\n\r\n")
    return [b"".join(parts)]


def _response(status: str, content_type: str, body: bytes) -> list[bytes]:
    head = (
        f"HTTP/1.1 {status}\r\ncontent-type: {content_type}\r\n"
        f"content-length: {len(body)}\r\nx-request-id: bench\r\n\r\n"
    ).encode()
    return [head, body]


async def _serve_connection(
    bodies: Bodies, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> None:
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            request_line, _, header_block = head.partition(b"\r\n")
            method, target, _ = request_line.split(b" ", 2)
            length = 0
            for line in header_block.split(b"\r\n"):
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            body = await reader.readexactly(length) if length else b""
            path = target.split(b"?", 1)[0]
            if path.endswith(b"/chat/completions"):
                if b'"stream":true' in body.replace(b" ", b""):
                    framed = _chunked if bodies.chunked else _response
                    parts = framed("200 OK", "text/event-stream", bodies.stream)
                else:
                    parts = _response("200 OK", "application/json", bodies.completion)
            elif path.startswith(b"/text/") and bodies.long_line:
                parts = [bodies.long_line]
            elif path.startswith(b"/image/"):
                parts = _response("200 OK", "image/png", bodies.image)
            elif path == b"/account/usage":
                parts = _response("200 OK", "application/json", bodies.usage)
            else:
                parts = _response("404 Not Found", "application/json", b'{"error":"not found"}')
            writer.writelines(parts)
            await writer.drain()
            del method
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


async def _main(port: int, bodies: Bodies) -> None:
    server = await asyncio.start_server(
        lambda r, w: _serve_connection(bodies, r, w), "127.0.0.1", port
    )
    bound = server.sockets[0].getsockname()[1]
    print(f"http://127.0.0.1:{bound}", flush=True)
    async with server:
        await server.serve_forever()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench._server")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--chunks", type=int, default=20000)
    parser.add_argument("--image-bytes", type=int, default=4 * 1024 * 1024)
    parser.add_argument("--usage-records", type=int, default=10000)
    parser.add_argument("--framing", choices=("length", "chunked"), default="length")
    parser.add_argument("--long-line-bytes", type=int, default=0)
    args = parser.parse_args(argv)
    bodies = Bodies(
        args.chunks, args.image_bytes, args.usage_records, args.framing, args.long_line_bytes
    )
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_main(args.port, bodies))
    return 0


if __name__ == "__main__":
    sys.exit(main())
