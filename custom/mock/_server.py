"""The HTTP side of the mock: a standard-library ThreadingHTTPServer speaking HTTP/1.1.

Each request goes through the steps a gateway takes, each in one place:

1. framing: the body is read as HTTP says (`_Handler._read_body`);
2. faults (`_faults.FaultInjector`): the X-Mock-Fault header or `--fault` picks the
   request's fault; latency and drop-before-headers act at once, the rest where the
   gateway would meet that trouble (`status=` right after routing, `rate-limited` at the
   key, `provider-status=` once the request is valid);
3. routing (`route`): the spec's paths are the only routes (404, 405 with Allow);
4. the key (`_keys.KeyCheck`): 401, 429 and 403 as the gateway decides them;
5. checking (`prepare`): parameters and body against openapi.yaml (JSON, or
   multipart/form-data read by `_multipart.py`): 400;
6. serving (`run`): the operation's handler (`_operations.py`): the content, a model
   the key may not use (403), pollen (402), 501 for an operation without a handler.

Every error is the gateway's envelope (`_errors.py`). Every response carries
`x-request-id`, and either a Content-Length or, for server-sent events, chunked transfer
encoding with one chunk per event, flushed as it is produced, so keep-alive connections
stay usable and streaming clients see events as they come.
"""

from __future__ import annotations

import contextlib
import json
import socket
import sys
import threading
import time
import traceback
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, cast
from urllib.parse import parse_qsl, urlsplit

from .._logging import redact
from . import _multipart
from ._errors import ApiError, envelope
from ._faults import (
    FAULT_HEADER,
    NO_FAULT,
    Fault,
    FaultInjector,
    forced_rate_limit,
    provider_error,
    status_error,
)
from ._keys import KeyCheck, KeyRecord, account_permissions, load_keys
from ._operations import AUDIO_MODELS, HANDLERS, App, Call, Reply
from ._spec import FieldErrors, Operation, Spec
from ._state import AccountTerms, InsufficientBalance, Ledger

MAX_BODY = 16 * 1024 * 1024
INTERNAL = "Oh snap, something went wrong on our end. We're on it!"


class _BadRequestBody(Exception):
    """The body cannot be read as HTTP framing says: answer 400 and close the connection."""


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    # The default listen backlog (5) drops connection attempts from a burst of concurrent
    # clients, which then wait seconds to retry the handshake.
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], app: App) -> None:
        self.app = app
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(address, _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._connections_lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._connections_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def drop_connections(self) -> None:
        """End idle keep-alive connections, whose threads would otherwise wait for a request."""
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)


class _HTTPServer6(_HTTPServer):
    address_family = socket.AF_INET6


def _models(spec: Spec) -> list[str]:
    """Every model name (and alias) the mock serves, which a keys file may list."""
    names = [*spec.enum("TextModelName"), *spec.enum("ImageModelName")]
    for model in AUDIO_MODELS:
        names.extend((model.name, *model.aliases))
    return names


def _clip(text: str, limit: int = 500) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


# ------------------------------------------------------------------ the steps
@dataclass(frozen=True)
class Request:
    """What the steps after framing need of a request, apart from the socket."""

    path: str
    """Still percent-encoded, as the route patterns expect."""
    query: str
    body: bytes
    content_type: str
    authorization: str | None
    started: float


def route(spec: Spec, method: str, path: str) -> Operation:
    """The operation the spec has for the request: the spec's paths are the only routes,
    so a path it lacks is 404 and a method it lacks is 405 naming those it has."""
    operation, allowed = spec.find(method, path)
    if operation is not None:
        return operation
    if allowed:
        raise ApiError(
            405,
            f"Method {method} is not allowed on {path}",
            headers={"Allow": ", ".join(allowed)},
        )
    raise ApiError(404, f"No route for {method} {path}")


def query_pairs(query: str) -> list[tuple[str, str]]:
    """The query string's pairs; a query that is not UTF-8 is a 400 before anything else,
    since the key may be in it."""
    try:
        return parse_qsl(query, keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        raise FieldErrors(form_errors=["The query string is not valid UTF-8"]) from None


def parse_body(spec: Spec, operation: Operation, raw: bytes, content_type: str) -> Any:
    """The body as the operation documents it (JSON or multipart), checked; FieldErrors
    otherwise. None for an operation without a body."""
    if operation.body is None:
        return None
    expected = operation.body.name
    if not raw:
        if operation.body_required:
            kind = "JSON" if expected == "application/json" else expected
            raise FieldErrors(form_errors=[f"A {kind} request body is required"])
        return None
    media = content_type.split(";")[0].strip().lower()
    if media != expected:
        raise FieldErrors(form_errors=[f"Expected Content-Type {expected}, received '{media}'"])
    if expected == _multipart.MEDIA_TYPE:
        try:
            parts = _multipart.parse(content_type, raw)
        except _multipart.MalformedMultipart as exc:
            raise FieldErrors(form_errors=[f"Malformed multipart body: {exc}"]) from None
        return spec.check_form(operation, parts)
    try:
        body = json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError) as exc:
        raise FieldErrors(form_errors=[f"Malformed JSON in request body: {exc}"]) from None
    spec.check_body(operation, body)
    return body


def prepare(
    app: App,
    operation: Operation,
    request: Request,
    pairs: list[tuple[str, str]],
    record: KeyRecord | None,
) -> Call:
    """The request checked against the spec, as the handler's typed Call; FieldErrors
    (400) naming each field otherwise."""
    raw_path = operation.match(request.path) or {}
    params = app.spec.parse_parameters(operation, raw_path, pairs)
    body = parse_body(app.spec, operation, request.body, request.content_type)
    key = record.key if record is not None else None
    return Call(operation, params, body, key, request.started, record)


def run(app: App, call: Call) -> Reply:
    """The operation's own answer; 501 for an operation the spec has and the mock lacks,
    rather than a wrong answer."""
    handler = HANDLERS.get(call.operation.operation_id)
    if handler is None:
        raise ApiError(501, f"The mock does not implement {call.operation.operation_id}")
    return handler(app, call)


def serve(app: App, operation: Operation, request: Request, fault: Fault) -> Reply:
    """Steps 4 to 6 for a routed request, with the faults that belong to them; every
    refusal comes out as ApiError."""
    try:
        pairs = query_pairs(request.query)
        record = app.keys.check(
            operation,
            request.authorization,
            pairs,
            forced_wait=forced_rate_limit(fault),
        )
        call = prepare(app, operation, request, pairs, record)
        # Only a generation calls a model provider (the operations that cost pollen, 402);
        # a listing or the account never meets a provider's error.
        provider = provider_error(fault) if operation.response(402) is not None else None
        if provider is not None:
            raise provider
        return run(app, call)
    except FieldErrors as exc:
        raise ApiError(
            400,
            _clip(f"Invalid request: {exc.summary()}"),
            field_errors=exc.field_errors,
            form_errors=exc.form_errors,
        ) from None
    except InsufficientBalance as exc:
        raise ApiError(402, str(exc)) from None


# ------------------------------------------------------------------ HTTP
class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "pollinations-mock/0.1"
    timeout = 120
    # Small writes (headers, then the body; SSE events) would otherwise wait for the
    # peer's delayed ACK: ~40 ms per request on a kept-alive connection.
    disable_nagle_algorithm = True

    @property
    def app(self) -> App:
        return cast(_HTTPServer, self.server).app

    def log_message(self, format: str, *args: Any) -> None:
        if self.app.log_requests:
            # The request line may carry `?key=`: never log a key.
            sys.stderr.write(f"{self.address_string()} - {redact(format % args)}\n")

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own refusals (bad request line, unknown method, huge headers), as
        the JSON envelope with an `x-request-id` like every other answer."""
        self.close_connection = True
        request_id = "req_" + uuid.uuid4().hex
        text = message or explain or self.responses.get(code, ("Error",))[0]
        error = ApiError(code, text, form_errors=[text] if code == 400 else None)
        body = json.dumps(envelope(error)).encode("utf-8")
        with contextlib.suppress(OSError):
            self._write(Reply(code, "application/json", body), request_id, drop_mid=False)

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def do_PUT(self) -> None:
        self._handle()

    def do_PATCH(self) -> None:
        self._handle()

    def do_DELETE(self) -> None:
        self._handle()

    def do_OPTIONS(self) -> None:
        self._handle()

    def do_HEAD(self) -> None:
        self._handle()

    # ------------------------------------------------------------ one request
    def _handle(self) -> None:
        """One request through the steps of the module docstring."""
        app = self.app
        request_id = "req_" + uuid.uuid4().hex
        started = time.time()
        fault = NO_FAULT
        operation: Operation | None = None
        try:
            try:
                raw_body = self._read_body()
            except _BadRequestBody as exc:
                self.close_connection = True
                raise ApiError(400, str(exc), form_errors=[str(exc)]) from None
            fault = app.faults.choose(self.headers.get(FAULT_HEADER))
            delay = app.latency + fault.latency
            if delay > 0:
                time.sleep(delay)
            if fault.drop_before_headers:
                self._drop()
                return
            split = urlsplit(self.path)
            operation = route(app.spec, self.command, split.path)
            injected = status_error(fault)
            if injected is not None:
                raise injected
            request = Request(
                path=split.path,
                query=split.query,
                body=raw_body,
                content_type=self.headers.get("Content-Type", ""),
                authorization=self.headers.get("Authorization"),
                started=started,
            )
            reply = serve(app, operation, request, fault)
        except ApiError as exc:
            self._send_error(operation, request_id, exc, drop_mid=fault.drop_mid_stream)
            return
        except Exception:
            traceback.print_exc(file=sys.stderr)
            self._send_error(operation, request_id, ApiError(500, INTERNAL))
            return
        self._send(reply, request_id, drop_mid=fault.drop_mid_stream)

    # ------------------------------------------------------------ framing
    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            parts: list[bytes] = []
            total = 0
            while True:
                line = self.rfile.readline(1024)
                try:
                    size = int(line.split(b";")[0].strip(), 16)
                except ValueError:
                    raise _BadRequestBody("Malformed chunked request body") from None
                if size == 0:
                    while self.rfile.readline(1024) not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(parts)
                total += size
                if total > MAX_BODY:
                    raise _BadRequestBody("The request body is too large")
                parts.append(self.rfile.read(size))
                self.rfile.readline(1024)
        length = self.headers.get("Content-Length")
        if not length:
            return b""
        try:
            count = int(length)
        except ValueError:
            raise _BadRequestBody("Content-Length is not a number") from None
        if count < 0 or count > MAX_BODY:
            raise _BadRequestBody("The request body is too large")
        return self.rfile.read(count)

    def _send_error(
        self,
        operation: Operation | None,
        request_id: str,
        error: ApiError,
        *,
        drop_mid: bool = False,
    ) -> None:
        documented = operation.response(error.status) if operation else None
        if documented is not None and not documented.has_body:
            reply = Reply(error.status, None, headers=dict(error.headers))
        else:
            reply = Reply(
                error.status,
                "application/json",
                json.dumps(envelope(error)).encode("utf-8"),
                headers=dict(error.headers),
            )
        self._send(reply, request_id, drop_mid=drop_mid)

    def _send(self, reply: Reply, request_id: str, *, drop_mid: bool = False) -> None:
        try:
            self._write(reply, request_id, drop_mid)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _write(self, reply: Reply, request_id: str, drop_mid: bool) -> None:
        send_body = self.command != "HEAD"
        self.send_response(reply.status)
        self.send_header("x-request-id", request_id)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        if reply.content_type:
            self.send_header("Content-Type", reply.content_type)
        if reply.events is None:
            self.send_header("Content-Length", str(len(reply.body)))
            if self.close_connection:
                self.send_header("Connection", "close")
            self.end_headers()
            if not send_body:
                return
            if drop_mid:
                self.wfile.write(reply.body[: len(reply.body) // 2])
                self._drop()
                return
            self.wfile.write(reply.body)
            return
        chunked = self.request_version == "HTTP/1.1"
        self.send_header("Cache-Control", "no-cache")
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if not send_body:
            return
        cut = max(1, len(reply.events) // 2) if drop_mid else None
        for index, event in enumerate(reply.events):
            if cut is not None and index >= cut:
                self._drop()
                return
            if index and self.app.stream_interval > 0:
                time.sleep(self.app.stream_interval)
            frame = f"{len(event):X}\r\n".encode() + event + b"\r\n" if chunked else event
            self.wfile.write(frame)
            self.wfile.flush()
        if chunked:
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()

    def _drop(self) -> None:
        """Close the connection now, as a crashed upstream would, mid-answer or before it."""
        self.close_connection = True
        try:
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


class MockServer:
    """A local stand-in for gen.pollinations.ai, serving openapi.yaml's operations.

    `start()` serves from a background thread (tests, notebooks); `serve_forever()` serves
    from the calling thread until `stop()` is called from another one. Port 0 picks a
    free port: read the real one from `url` or `port` after starting. `keys` is a keys
    file (or its parsed content, `{"keys": {...}}`; format in `_keys`): only its keys
    are valid then.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        initial_balance: float = 100.0,
        empty_key_prefix: str = "sk_empty",
        budget_key_prefix: str = "sk_budget",
        key_budget: float = 1.0,
        tier: str = "seed",
        latency: float = 0.0,
        fault: str | None = None,
        stream_interval: float = 0.01,
        max_image_size: int = 4096,
        spec_path: str | Path | None = None,
        log_requests: bool = False,
        keys: str | Path | Mapping[str, Any] | None = None,
    ) -> None:
        faults = FaultInjector(fault)
        if latency < 0 or stream_interval < 0:
            raise ValueError("latency and stream_interval must not be negative")
        if max_image_size < 1:
            raise ValueError("max_image_size must be positive")
        if key_budget < 0:
            raise ValueError("key_budget must not be negative")
        self._address = (host, port)
        spec = Spec.load(spec_path)
        permissions = account_permissions(spec.operations)
        declared = None if keys is None else load_keys(keys, permissions, _models(spec))
        terms: dict[str, AccountTerms] = {
            key: record.terms for key, record in (declared or {}).items()
        }
        self.app = App(
            spec=spec,
            ledger=Ledger(initial_balance, empty_key_prefix, budget_key_prefix, key_budget, terms),
            keys=KeyCheck(declared, permissions, spec.query_key_names),
            tier=tier,
            max_image_size=max_image_size,
            stream_interval=stream_interval,
            latency=latency,
            faults=faults,
            log_requests=log_requests,
        )
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._serving = False
        self._lock = threading.Lock()

    @property
    def spec(self) -> Spec:
        return self.app.spec

    @property
    def ledger(self) -> Ledger:
        return self.app.ledger

    def _bind(self) -> _HTTPServer:
        with self._lock:
            if self._httpd is None:
                host, port = self._address
                server_class = _HTTPServer6 if ":" in host else _HTTPServer
                self._httpd = server_class((host, port), self.app)
            return self._httpd

    @property
    def host(self) -> str:
        return self._address[0]

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("the mock server is not started")
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        host = self.host
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}"

    def start(self) -> MockServer:
        httpd = self._bind()
        with self._lock:
            if self._serving:
                return self
            self._serving = True
            self._thread = threading.Thread(
                target=httpd.serve_forever,
                kwargs={"poll_interval": 0.1},
                name=f"pollinations-mock-{self.port}",
                daemon=True,
            )
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        httpd = self._bind()
        with self._lock:
            if self._serving:
                raise RuntimeError("the mock server is already serving")
            self._serving = True
        try:
            httpd.serve_forever(poll_interval=0.1)
        finally:
            self.stop()

    def stop(self) -> None:
        """Stop serving, end open connections and free the port; safe to call twice."""
        with self._lock:
            httpd, thread, serving = self._httpd, self._thread, self._serving
            self._httpd = self._thread = None
            self._serving = False
        if httpd is None:
            return
        if serving:
            httpd.shutdown()
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=10)
        httpd.drop_connections()
        httpd.server_close()

    def __enter__(self) -> MockServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
