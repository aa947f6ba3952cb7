"""The HTTP side of the mock: a standard-library ThreadingHTTPServer speaking HTTP/1.1.

Each request goes through the same steps, in the order a gateway would take them:
fault injection (X-Mock-Fault), routing by the spec's paths, authentication, parameter
and body validation against openapi.yaml (JSON, or multipart/form-data read by
`_multipart.py`), then the operation itself (`_operations.py`).
Every response carries `x-request-id`, and either a Content-Length or, for server-sent
events, chunked transfer encoding with one chunk per event, flushed as it is produced, so
keep-alive connections stay usable and streaming clients see events as they come.

Authentication rules:
- operations whose `security` is empty (the model listings) serve anonymous requests;
  every other operation answers 401 without a key;
- the key is `Authorization: Bearer <key>` or the `key` query parameter (which the
  gateway reads on every operation); a key that starts with neither `sk_` nor `pk_` is
  refused with 401;
- the account operations (tag `account`) that document a 403 (profile, balance, usage,
  daily usage) need a secret `sk_` key: a `pk_` key gets 403; /account/key documents
  none and describes any key;
- every error answer is the error envelope; one the spec documents without a body
  (none does today) would be empty, still with `x-request-id`.
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
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, cast
from urllib.parse import parse_qsl, urlsplit

from .._logging import redact
from . import _multipart
from ._faults import FAULT_HEADER, NO_FAULT, parse_fault
from ._operations import HANDLERS, ApiError, App, Call, Reply, now_iso
from ._spec import FieldErrors, Operation, Spec
from ._state import InsufficientBalance, Ledger, key_type

MAX_BODY = 16 * 1024 * 1024
ERROR_CODES = {
    400: "BAD_REQUEST",
    401: "UNAUTHORIZED",
    402: "PAYMENT_REQUIRED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    413: "PAYLOAD_TOO_LARGE",
    414: "URI_TOO_LONG",
    429: "TOO_MANY_REQUESTS",
    431: "REQUEST_HEADER_FIELDS_TOO_LARGE",
    500: "INTERNAL_ERROR",
    501: "NOT_IMPLEMENTED",
    502: "BAD_GATEWAY",
    503: "SERVICE_UNAVAILABLE",
    504: "GATEWAY_TIMEOUT",
}
UNAUTHORIZED = (
    "You need to authenticate by providing a session cookie or Authorization header (Bearer token)."
)


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


def _error_body(status: int, message: str, request_id: str, error: ApiError | None) -> Any:
    details: dict[str, Any] = {"name": "ValidationError" if status == 400 else "HTTPException"}
    if status == 400:
        details["formErrors"] = list(error.form_errors) if error else []
        details["fieldErrors"] = dict(error.field_errors) if error else {}
    return {
        "status": status,
        "success": False,
        "error": {
            "code": ERROR_CODES.get(status, "ERROR"),
            "message": message,
            "timestamp": now_iso(),
            "details": details,
            "requestId": request_id,
        },
    }


def _clip(text: str, limit: int = 500) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


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
        body = json.dumps(_error_body(code, text, request_id, error)).encode("utf-8")
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
        app = self.app
        request_id = "req_" + uuid.uuid4().hex
        started = time.time()
        try:
            raw_body = self._read_body()
        except _BadRequestBody as exc:
            self.close_connection = True
            self._send_error(None, request_id, ApiError(400, str(exc), form_errors=[str(exc)]))
            return
        fault = NO_FAULT
        fault_text = self.headers.get(FAULT_HEADER)
        if fault_text is None:
            fault_text = app.fault
        if fault_text:
            try:
                fault = parse_fault(fault_text)
            except ValueError as exc:
                message = f"Invalid {FAULT_HEADER}: {exc}"
                self._send_error(None, request_id, ApiError(400, message, form_errors=[message]))
                return
            if not app.faults.applies(fault_text, fault):
                fault = NO_FAULT
        delay = app.latency + fault.latency
        if delay > 0:
            time.sleep(delay)
        if fault.drop_before_headers:
            self._drop()
            return
        split = urlsplit(self.path)
        operation, allowed = app.spec.find(self.command, split.path)
        if operation is None:
            if allowed:
                error = ApiError(
                    405,
                    f"Method {self.command} is not allowed on {split.path}",
                    headers={"Allow": ", ".join(allowed)},
                )
            else:
                error = ApiError(404, f"No route for {self.command} {split.path}")
            self._send_error(None, request_id, error, drop_mid=fault.drop_mid_stream)
            return
        if fault.status is not None:
            headers = {"Retry-After": fault.retry_after} if fault.retry_after else {}
            message = f"Injected fault: status {fault.status}"
            error = ApiError(fault.status, message, headers=headers)
            self._send_error(operation, request_id, error, drop_mid=fault.drop_mid_stream)
            return
        try:
            reply = self._serve(operation, split.path, split.query, raw_body, started)
        except ApiError as exc:
            self._send_error(operation, request_id, exc, drop_mid=fault.drop_mid_stream)
            return
        except FieldErrors as exc:
            error = ApiError(
                400,
                _clip(f"Invalid request: {exc.summary()}"),
                field_errors=exc.field_errors,
                form_errors=exc.form_errors,
            )
            self._send_error(operation, request_id, error, drop_mid=fault.drop_mid_stream)
            return
        except InsufficientBalance as exc:
            self._send_error(operation, request_id, ApiError(402, str(exc)))
            return
        except Exception:
            traceback.print_exc(file=sys.stderr)
            error = ApiError(500, "Oh snap, something went wrong on our end. We're on it!")
            self._send_error(operation, request_id, error)
            return
        self._send(reply, request_id, drop_mid=fault.drop_mid_stream)

    def _serve(
        self, operation: Operation, path: str, query: str, raw_body: bytes, started: float
    ) -> Reply:
        app = self.app
        try:
            pairs = parse_qsl(query, keep_blank_values=True, errors="strict")
        except UnicodeDecodeError:
            raise FieldErrors(form_errors=["The query string is not valid UTF-8"]) from None
        key = self._api_key(app.spec, pairs)
        if not operation.anonymous:
            if key is None:
                raise ApiError(401, UNAUTHORIZED)
            if key_type(key) == "unknown":
                raise ApiError(401, "Invalid API key: keys start with `sk_` or `pk_`")
            if (
                "account" in operation.tags
                and operation.response(403) is not None
                and key_type(key) != "secret"
            ):
                raise ApiError(403, "The account endpoints need a secret (`sk_`) key")
        raw_path = operation.match(path) or {}
        params = app.spec.parse_parameters(operation, raw_path, pairs)
        body = self._parse_body(app.spec, operation, raw_body)
        handler = HANDLERS.get(operation.operation_id)
        if handler is None:
            raise ApiError(501, f"The mock does not implement {operation.operation_id}")
        return handler(app, Call(operation, params, body, key, started))

    def _api_key(self, spec: Spec, pairs: list[tuple[str, str]]) -> str | None:
        header = self.headers.get("Authorization", "")
        scheme, _, token = header.strip().partition(" ")
        if scheme.lower() == "bearer" and token.strip():
            return token.strip()
        for name, value in pairs:
            if name in spec.query_key_names and value:
                return value
        return None

    def _parse_body(self, spec: Spec, operation: Operation, raw: bytes) -> Any:
        if operation.body is None:
            return None
        expected = operation.body.name
        if not raw:
            if operation.body_required:
                kind = "JSON" if expected == "application/json" else expected
                raise FieldErrors(form_errors=[f"A {kind} request body is required"])
            return None
        header = self.headers.get("Content-Type", "")
        media = header.split(";")[0].strip().lower()
        if media != expected:
            raise FieldErrors(form_errors=[f"Expected Content-Type {expected}, received '{media}'"])
        if expected == _multipart.MEDIA_TYPE:
            try:
                parts = _multipart.parse(header, raw)
            except _multipart.MalformedMultipart as exc:
                raise FieldErrors(form_errors=[f"Malformed multipart body: {exc}"]) from None
            return spec.check_form(operation, parts)
        try:
            body = json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
        except (UnicodeDecodeError, ValueError) as exc:
            raise FieldErrors(form_errors=[f"Malformed JSON in request body: {exc}"]) from None
        spec.check_body(operation, body)
        return body

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
            body = _error_body(error.status, error.message, request_id, error)
            reply = Reply(
                error.status,
                "application/json",
                json.dumps(body).encode("utf-8"),
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


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


class MockServer:
    """A local stand-in for gen.pollinations.ai, serving openapi.yaml's operations.

    `start()` serves from a background thread (tests, notebooks); `serve_forever()` serves
    from the calling thread until `stop()` is called from another one. Port 0 picks a
    free port: read the real one from `url` or `port` after starting.
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
    ) -> None:
        if fault:
            parse_fault(fault)  # refuse a bad option now rather than on every request
        if latency < 0 or stream_interval < 0:
            raise ValueError("latency and stream_interval must not be negative")
        if max_image_size < 1:
            raise ValueError("max_image_size must be positive")
        if key_budget < 0:
            raise ValueError("key_budget must not be negative")
        self._address = (host, port)
        self.app = App(
            spec=Spec.load(spec_path),
            ledger=Ledger(initial_balance, empty_key_prefix, budget_key_prefix, key_budget),
            tier=tier,
            max_image_size=max_image_size,
            stream_interval=stream_interval,
            latency=latency,
            fault=fault or None,
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
