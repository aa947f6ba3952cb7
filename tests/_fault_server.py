"""A scriptable HTTP/1.1 server on 127.0.0.1 for the reliability tests (test_reliability_*).

Unlike the bundled mock, this server speaks raw sockets, so a test can make it misbehave
at any byte: close before answering, stop inside the status line or the headers, send
fewer body bytes than announced, end a chunked body early, stall, or send a body that
does not match its headers. Each request takes the next scripted `Action`; when the
script is empty the server's `default` action answers (an echo of the request unless
the test sets another). Every request is recorded as it arrived (method, the raw target
bytes, headers, body, which TCP connection carried it), so tests can assert on what the
client really sent and how often it tried.

    with FaultServer() as server:
        server.script(close(), close(), respond(200, b"ok"))
        ...
        assert len(server.requests) == 3

Every wait is bounded: sockets time out after `SOCKET_TIMEOUT`, stalls end early when
the server stops, and `stop()` joins its threads with a timeout.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import socket
import struct
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from http import HTTPStatus
from types import TracebackType
from urllib.parse import unquote_to_bytes

__all__ = [
    "Action",
    "Connection",
    "FaultServer",
    "FullBacklogListener",
    "Recorded",
    "chunked",
    "close",
    "closed_port",
    "echo",
    "gzip_garbage",
    "gzipped",
    "headers_then_close",
    "html_page",
    "partial_headers",
    "partial_status_line",
    "redirect",
    "reset",
    "respond",
    "short_body",
    "sse",
    "stall",
]

HOST = "127.0.0.1"
#: No socket operation of the server waits longer than this.
SOCKET_TIMEOUT = 5.0
#: Requests with larger heads or bodies are refused (the tests never send any).
MAX_HEAD = 256 * 1024
MAX_BODY = 4 * 1024 * 1024
JOIN_TIMEOUT = 5.0


@dataclass(frozen=True)
class Recorded:
    """One request as the server received it."""

    method: str
    #: The request target exactly as sent: path and query, still percent-encoded.
    target: bytes
    #: Header names lower-cased, in the order they came.
    headers: tuple[tuple[str, str], ...]
    body: bytes
    #: Sequence number of the TCP connection that carried the request (0, 1, ...).
    connection: int
    #: When the request had been read completely (time.monotonic()).
    received_at: float

    @property
    def raw_path(self) -> bytes:
        return self.target.partition(b"?")[0]

    @property
    def raw_query(self) -> bytes:
        return self.target.partition(b"?")[2]

    def header(self, name: str) -> str | None:
        wanted = name.lower()
        for key, value in self.headers:
            if key == wanted:
                return value
        return None

    def header_values(self, name: str) -> list[str]:
        wanted = name.lower()
        return [value for key, value in self.headers if key == wanted]

    def last_segment(self) -> bytes:
        """The last path segment, still percent-encoded (the prompt of /image and /text)."""
        return self.raw_path.rsplit(b"/", 1)[-1]

    def decoded_prompt(self) -> str:
        """The last path segment, percent-decoded once, as UTF-8."""
        return unquote_to_bytes(self.last_segment()).decode("utf-8")


class Connection:
    """The server side of one accepted TCP connection, as an action sees it."""

    def __init__(self, sock: socket.socket, stopping: threading.Event) -> None:
        self.sock = sock
        self.stopping = stopping

    def send(self, data: bytes) -> bool:
        """Send all of `data`; False if the client has gone away."""
        try:
            self.sock.sendall(data)
        except OSError:
            return False
        return True

    def wait(self, seconds: float) -> bool:
        """Sleep up to `seconds`, ending early when the server stops; True if not stopped."""
        return not self.stopping.wait(seconds)


#: Handles one request on its connection; returns True to keep the connection open for
#: the next request (keep-alive), False to close it.
Action = Callable[[Connection, Recorded], bool]


def _head(
    status: int, headers: Mapping[str, str] | Sequence[tuple[str, str]], reason: str
) -> bytes:
    items = list(headers.items()) if isinstance(headers, Mapping) else list(headers)
    lines = [f"HTTP/1.1 {status} {reason}"] + [f"{name}: {value}" for name, value in items]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


# ------------------------------------------------------------------------- actions


def respond(
    status: int = 200,
    body: bytes = b"",
    *,
    content_type: str | None = "text/plain; charset=utf-8",
    headers: Mapping[str, str] | None = None,
    keep_alive: bool = True,
    close_after: bool = False,
) -> Action:
    """A well-formed response with a Content-Length. `keep_alive=False` says
    `Connection: close` and closes; `close_after=True` closes without saying so first,
    as servers do with idle keep-alive connections."""

    def action(conn: Connection, request: Recorded) -> bool:
        all_headers: dict[str, str] = {}
        if content_type is not None:
            all_headers["Content-Type"] = content_type
        all_headers.update(headers or {})
        all_headers["Content-Length"] = str(len(body))
        if not keep_alive:
            all_headers["Connection"] = "close"
        payload = b"" if request.method == "HEAD" else body
        sent = conn.send(_head(status, all_headers, _reason(status)) + payload)
        return sent and keep_alive and not close_after

    return action


def close() -> Action:
    """Close the connection without sending a single byte."""

    def action(conn: Connection, request: Recorded) -> bool:
        return False

    return action


def reset() -> Action:
    """Abort the connection with a TCP reset (SO_LINGER 0), sending nothing."""

    def action(conn: Connection, request: Recorded) -> bool:
        with contextlib.suppress(OSError):
            conn.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        return False

    return action


def partial_status_line() -> Action:
    """Send the start of a status line, then close."""

    def action(conn: Connection, request: Recorded) -> bool:
        conn.send(b"HTTP/1.1 20")
        return False

    return action


def partial_headers() -> Action:
    """Send the status line and some headers, but never the blank line; then close."""

    def action(conn: Connection, request: Recorded) -> bool:
        conn.send(b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Len")
        return False

    return action


def headers_then_close(content_type: str = "image/png", content_length: int = 1000) -> Action:
    """Complete headers announcing a body, then close without sending any of it."""
    return short_body(b"", content_type=content_type, announced=content_length)


def short_body(body: bytes, *, content_type: str = "image/png", announced: int) -> Action:
    """Announce `announced` bytes in Content-Length, send only `body`, then close."""
    assert len(body) < announced

    def action(conn: Connection, request: Recorded) -> bool:
        head = _head(200, {"Content-Type": content_type, "Content-Length": str(announced)}, "OK")
        conn.send(head + body)
        return False

    return action


def chunked(
    chunks: Iterable[bytes],
    *,
    content_type: str = "text/event-stream",
    status: int = 200,
    finish: bool = True,
    stall_after: float = 0.0,
    headers: Mapping[str, str] | None = None,
) -> Action:
    """A chunked body, one chunk per item. With `finish=False` the connection closes
    after the last item, without the terminating zero-length chunk; `stall_after` waits
    (bounded) before doing so, for read timeouts mid-body."""
    pieces = list(chunks)

    def action(conn: Connection, request: Recorded) -> bool:
        all_headers = {"Content-Type": content_type, "Transfer-Encoding": "chunked"}
        all_headers.update(headers or {})
        if not conn.send(_head(status, all_headers, _reason(status))):
            return False
        for piece in pieces:
            if piece and not conn.send(f"{len(piece):x}\r\n".encode() + piece + b"\r\n"):
                return False
        if stall_after and not conn.wait(stall_after):
            return False
        if not finish:
            return False
        return conn.send(b"0\r\n\r\n")

    return action


def sse(*events: str) -> list[bytes]:
    """Server-sent events, one `data:` block (and one chunk) per event."""
    return [f"data: {event}\n\n".encode() for event in events]


def stall(seconds: float, then: Action | None = None) -> Action:
    """Wait (bounded; ends early when the server stops), then run `then` or close."""

    def action(conn: Connection, request: Recorded) -> bool:
        if not conn.wait(seconds):
            return False
        return then(conn, request) if then is not None else False

    return action


def gzip_garbage(body: bytes = b"this is not gzip at all, just text", status: int = 200) -> Action:
    """A body declared `Content-Encoding: gzip` that does not decompress."""
    assert not body.startswith(b"\x1f\x8b")
    return respond(
        status, body, content_type="application/json", headers={"Content-Encoding": "gzip"}
    )


def gzipped(status: int, body: bytes, *, content_type: str) -> Action:
    """A body that really is gzip-compressed (a control for `gzip_garbage`)."""
    return respond(
        status,
        gzip.compress(body),
        content_type=content_type,
        headers={"Content-Encoding": "gzip"},
    )


def html_page(status: int, text: str = "Bad Gateway", *, padding: int = 4000) -> Action:
    """An HTML error page as proxies send them: long, with the message near the top."""
    page = (
        f"<!DOCTYPE html><html><head><title>{status} {text}</title></head>"
        f"<body><h1>{text}</h1><p>{'lorem ipsum ' * (padding // 12)}</p></body></html>"
    )
    return respond(status, page.encode(), content_type="text/html; charset=utf-8")


def redirect(location: str, status: int = 302) -> Action:
    return respond(status, b"", content_type=None, headers={"Location": location})


# ------------------------------------------------------------------------ echo mode

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def echo_text(request: Recorded) -> str:
    """What the echo action answers for a request: derived from the request alone."""
    if request.raw_path.endswith(b"/chat/completions"):
        payload = json.loads(request.body)
        content = payload["messages"][-1]["content"]
        return f"echo:{content}"
    return f"echo:{request.decoded_prompt()}"


def echo() -> Action:
    """Answer from the request: /image/<p> gives a PNG whose bytes end with <p>,
    /text/<p> gives `echo:<p>`, /v1/chat/completions a completion (or a stream) whose
    content is `echo:<last message>`. The answer is a pure function of the request, so
    concurrent callers can check that they got their own."""

    def action(conn: Connection, request: Recorded) -> bool:
        path = request.raw_path
        if b"/image/" in path:
            body = PNG_SIGNATURE + request.decoded_prompt().encode("utf-8")
            return respond(200, body, content_type="image/png")(conn, request)
        if path.endswith(b"/chat/completions"):
            payload = json.loads(request.body)
            text = echo_text(request)
            if payload.get("stream"):
                chunk = {
                    "id": "chatcmpl-echo",
                    "object": "chat.completion.chunk",
                    "created": 1,
                    "model": "echo",
                    "choices": [{"index": 0, "delta": {"content": text}, "finish_reason": None}],
                }
                return chunked(sse(json.dumps(chunk), "[DONE]"))(conn, request)
            completion = {
                "id": "chatcmpl-echo",
                "object": "chat.completion",
                "created": 1,
                "model": "echo",
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": text},
                        "finish_reason": "stop",
                    }
                ],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
            }
            body = json.dumps(completion).encode()
            return respond(200, body, content_type="application/json")(conn, request)
        if b"/text/" in path:
            if b"stream=true" in request.raw_query:
                return chunked(sse(echo_text(request), "[DONE]"))(conn, request)
            return respond(200, echo_text(request).encode("utf-8"))(conn, request)
        return respond(404, b'{"error": {"message": "no such path"}}')(conn, request)

    return action


# --------------------------------------------------------------------------- server


class _BadRequest(Exception):
    pass


@dataclass
class _State:
    lock: threading.Lock = field(default_factory=threading.Lock)
    script: deque[Action] = field(default_factory=deque)
    requests: list[Recorded] = field(default_factory=list)
    connections: int = 0
    peers: list[tuple[str, int]] = field(default_factory=list)


class FaultServer:
    """The server; use it as a context manager (or call `start()` and `stop()`)."""

    def __init__(self, default: Action | None = None) -> None:
        self.default: Action = default or echo()
        self._state = _State()
        self._stopping = threading.Event()
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind((HOST, 0))
        self._listener.listen(128)
        self._listener.settimeout(0.1)
        self.port: int = self._listener.getsockname()[1]
        self.url = f"http://{HOST}:{self.port}"
        self._threads: list[threading.Thread] = []
        #: Exceptions raised by actions (a bug in a test's script, not in the client).
        self.errors: list[Exception] = []
        self._sockets: set[socket.socket] = set()
        self._acceptor = threading.Thread(target=self._accept_loop, daemon=True)

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> FaultServer:
        self._acceptor.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes accept() at once on Linux
        self._acceptor.join(JOIN_TIMEOUT)
        with self._state.lock:
            sockets = list(self._sockets)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        for thread in list(self._threads):
            thread.join(JOIN_TIMEOUT)
        self._listener.close()

    def __enter__(self) -> FaultServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -------------------------------------------------------------------- scripting
    def script(self, *actions: Action) -> None:
        """Queue actions for the next requests, in order (after any still queued)."""
        with self._state.lock:
            self._state.script.extend(actions)

    def reset(self, default: Action | None = None) -> None:
        """Forget the script and the log (not the connection count); set the default."""
        with self._state.lock:
            self._state.script.clear()
            self._state.requests.clear()
        self.default = default or echo()

    @property
    def pending(self) -> int:
        """Scripted actions not used yet."""
        with self._state.lock:
            return len(self._state.script)

    @property
    def requests(self) -> list[Recorded]:
        with self._state.lock:
            return list(self._state.requests)

    def take_requests(self) -> list[Recorded]:
        """The requests logged so far, clearing the log."""
        with self._state.lock:
            taken = list(self._state.requests)
            self._state.requests.clear()
        return taken

    @property
    def connections(self) -> int:
        """TCP connections accepted so far."""
        with self._state.lock:
            return self._state.connections

    @property
    def peers(self) -> list[tuple[str, int]]:
        """The client address of every accepted connection, in order."""
        with self._state.lock:
            return list(self._state.peers)

    def wait_for_requests(self, count: int, timeout: float = 5.0) -> bool:
        """Bounded wait until `count` requests have been logged."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.requests) >= count:
                return True
            time.sleep(0.01)
        return len(self.requests) >= count

    # ---------------------------------------------------------------------- serving
    def _accept_loop(self) -> None:
        while not self._stopping.is_set():
            try:
                sock, peer = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._state.lock:
                number = self._state.connections
                self._state.connections += 1
                self._state.peers.append((str(peer[0]), int(peer[1])))
                self._sockets.add(sock)
            thread = threading.Thread(target=self._serve, args=(sock, number), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, sock: socket.socket, number: int) -> None:
        sock.settimeout(SOCKET_TIMEOUT)
        conn = Connection(sock, self._stopping)
        buffer = b""
        try:
            while not self._stopping.is_set():
                try:
                    request, buffer = self._read_request(sock, buffer, number)
                except (_BadRequest, OSError, ValueError):
                    return
                if request is None:
                    return  # the client closed the connection
                with self._state.lock:
                    self._state.requests.append(request)
                    action = self._state.script.popleft() if self._state.script else None
                try:
                    keep_alive = (action or self.default)(conn, request)
                except Exception as exc:  # a broken action: kept for the test to see
                    with self._state.lock:
                        self.errors.append(exc)
                    return
                if not keep_alive:
                    return
        finally:
            with self._state.lock:
                self._sockets.discard(sock)
            with contextlib.suppress(OSError):
                sock.close()

    def _read_request(
        self, sock: socket.socket, buffer: bytes, number: int
    ) -> tuple[Recorded | None, bytes]:
        while b"\r\n\r\n" not in buffer:
            if len(buffer) > MAX_HEAD:
                raise _BadRequest("head too large")
            data = sock.recv(65536)
            if not data:
                if buffer:
                    raise _BadRequest("connection closed inside a request head")
                return None, b""
            buffer += data
        head, _, rest = buffer.partition(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        parts = lines[0].split(b" ")
        if len(parts) != 3:
            raise _BadRequest(f"bad request line {lines[0]!r}")
        method, target, _version = parts
        headers: list[tuple[str, str]] = []
        for line in lines[1:]:
            raw_name, sep, raw_value = line.partition(b":")
            if not sep:
                raise _BadRequest(f"bad header line {line!r}")
            headers.append(
                (raw_name.decode("latin-1").strip().lower(), raw_value.decode("latin-1").strip())
            )
        length = 0
        for name, value in headers:
            if name == "content-length":
                length = int(value)
            elif name == "transfer-encoding":
                raise _BadRequest("chunked request bodies are not supported")
        if length > MAX_BODY:
            raise _BadRequest("body too large")
        while len(rest) < length:
            data = sock.recv(65536)
            if not data:
                raise _BadRequest("connection closed inside a request body")
            rest += data
        body, rest = rest[:length], rest[length:]
        recorded = Recorded(
            method=method.decode("ascii"),
            target=target,
            headers=tuple(headers),
            body=body,
            connection=number,
            received_at=time.monotonic(),
        )
        return recorded, rest


class FullBacklogListener:
    """A port on 127.0.0.1 whose TCP handshakes never complete: for connect timeouts.

    The socket listens with the smallest backlog and never accepts; connections are
    opened to it until the accept queue is full, which `is_full()` checks with a probe
    that must time out. Linux then drops further SYNs, so a client's connect waits until
    its own connect timeout, without leaving loopback.
    """

    MAX_FILLERS = 64

    def __init__(self) -> None:
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.bind((HOST, 0))
        self._listener.listen(0)
        self.port: int = self._listener.getsockname()[1]
        self.url = f"http://{HOST}:{self.port}"
        self._fillers: list[socket.socket] = []

    def _fill_one(self) -> None:
        filler = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        filler.setblocking(False)
        with contextlib.suppress(BlockingIOError, OSError):
            filler.connect((HOST, self.port))
        self._fillers.append(filler)

    def is_full(self, probe_timeout: float = 0.2) -> bool:
        probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        probe.settimeout(probe_timeout)
        try:
            probe.connect((HOST, self.port))
        except TimeoutError:
            return True
        except OSError:
            return False
        finally:
            self._fillers.append(probe)  # closed with the others; its SYN stays queued
        return False

    def __enter__(self) -> FullBacklogListener:
        for _ in range(4):
            self._fill_one()
        while not self.is_full():
            if len(self._fillers) >= self.MAX_FILLERS:
                self.close()
                raise RuntimeError("could not fill the accept queue of a loopback listener")
            for _ in range(4):
                self._fill_one()
        return self

    def close(self) -> None:
        for sock in self._fillers:
            with contextlib.suppress(OSError):
                sock.close()
        self._fillers.clear()
        self._listener.close()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def closed_port() -> int:
    """A loopback port nobody listens on (bound, then released): connections are refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])
