"""Reading a response body ourselves, so that every way it can go wrong is told apart.

httpx decodes `Content-Encoding` but never checks that a compressed stream ended, and
reads a body of any size into memory. Here the raw bytes are decoded as they arrive:
- a body cut short (the connection ends early, or a gzip or deflate stream stops before
  its end) raises `TruncatedBody`: the retry loop retries it where that is safe, then
  reports `IncompleteResponseError`, never a short result that looks whole;
- a body that does not decode (broken gzip, an encoding we did not ask for) becomes a
  response marked `UNDECODABLE` whose content is the first raw bytes, to quote them;
- the decoded size is bounded, however well the body compressed: an error body is read
  up to `ERROR_BODY_LIMIT` and the rest dropped with the connection; a successful one
  over the client's `max_response_size` raises `ResponseTooLargeError`;
- a large body grows one buffer that is handed over without a second copy (pre-sized
  from Content-Length only up to `_PRESIZE_LIMIT`, so a claim of gigabytes reserves
  nothing), or goes to a file (`to_file`) through a temporary file next to it, renamed
  only once the body is complete.
"""

from __future__ import annotations

import contextlib
import io
import os
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import attrs
import httpx

from ._exceptions import (
    DEADLINE_PASSED,
    EXCERPT_LENGTH,
    PollinationsError,
    ResponseTooLargeError,
)

__all__ = [
    "ACCEPT_ENCODING",
    "DEADLINE_AT",
    "ERROR_BODY_LIMIT",
    "MAX_RESPONSE_SIZE",
    "SAVED",
    "UNDECODABLE",
    "Reading",
    "TruncatedBody",
    "decoded_async",
    "decoded_sync",
    "media_type",
    "read_async",
    "read_sync",
]

#: The encodings we decode and can check the end of; sent as Accept-Encoding.
ACCEPT_ENCODING = "gzip, deflate"
#: Extension key on a response whose body did not decode; the value is the encoding.
UNDECODABLE = "pollinations.undecodable"
#: Extension key on a response whose body is read later (a stream): the call's deadline.
DEADLINE_AT = "pollinations.deadline"
#: Extension key on a response whose body went to a file: the `Saved` record.
SAVED = "pollinations.saved"
#: An error body is a short JSON envelope; more is not read (a 500 MiB error page is not
#: worth the memory), and what is kept is enough to quote.
ERROR_BODY_LIMIT = 64 * 1024
#: The default `max_response_size`: room for the longest videos upstream makes.
MAX_RESPONSE_SIZE = 1024 * 1024 * 1024
#: Pre-size a buffer from Content-Length up to this; beyond, it grows as bytes arrive.
_PRESIZE_LIMIT = 1024 * 1024
#: The most decoded bytes one step of decompression makes: a gzip bomb is checked
#: against the limit every quarter MiB, never inflated whole.
_STEP = 256 * 1024
_HEAD = EXCERPT_LENGTH * 4


class TruncatedBody(httpx.RemoteProtocolError):
    """The body ended before all of it arrived (or before its compressed stream ended)."""


@attrs.frozen(slots=True)
class Saved:
    """Where a body written to a file is, and its size."""

    path: Path
    size: int


@attrs.frozen(slots=True)
class Reading:
    """How to read one call's body (the same for each of its attempts)."""

    #: Leave a successful body unread: a stream reads it as it iterates.
    keep_open: bool = False
    #: A large binary body: one growing buffer, no second copy.
    download: bool = False
    #: The largest successful body, decoded, in bytes.
    limit: int = MAX_RESPONSE_SIZE
    #: Write a successful body of one of `media` types to this file instead of memory.
    to_file: Path | None = None
    media: tuple[str, ...] = ()
    #: `time.monotonic()` by which the body must have arrived; None: no deadline.
    deadline: float | None = None


# ------------------------------------------------------------------------ decoding


class _Inflate:
    """One gzip or deflate layer that knows whether its compressed stream ended."""

    __slots__ = ("_gzip", "_rest", "_seen", "_z")

    def __init__(self, gzip: bool) -> None:
        self._gzip = gzip
        self._z = zlib.decompressobj(zlib.MAX_WBITS | 16 if gzip else zlib.MAX_WBITS)
        #: deflate, until it yields its first bytes: what it was given, to start again as
        #: raw deflate ("deflate" is zlib-wrapped by the standard, raw in some servers,
        #: and httpx accepts both). None once decided.
        self._seen: bytes | None = None if gzip else b""
        #: gzip, after a member ended: the bytes after it, until they show whether
        #: another member follows (its magic number may arrive a byte at a time).
        self._rest: bytes | None = b""

    @property
    def ended(self) -> bool:
        return self._z.eof and not self._rest

    def feed(self, data: bytes) -> Iterator[bytes]:
        z = self._z
        if z.eof:
            if not self._gzip or self._rest is None:
                return  # bytes after the end are ignored, as httpx ignores them
            data = self._rest + data
            self._rest = b""
            if len(data) < 2:
                self._rest = data  # not yet telling
                return
            if data[:2] != b"\x1f\x8b":
                self._rest = None  # garbage after the end: ignored from here on
                return
            self._z = z = zlib.decompressobj(zlib.MAX_WBITS | 16)  # another member
        while True:
            try:
                out = z.decompress(data, _STEP)
            except zlib.error as exc:
                if self._seen is not None:
                    self._z = z = zlib.decompressobj(-zlib.MAX_WBITS)
                    data, self._seen = self._seen + data, None
                    continue
                raise httpx.DecodingError(f"{exc}") from exc
            if self._seen is not None:  # (no output: all of `data` was taken)
                self._seen = None if out else self._seen + data
            if out:
                yield out
            data = z.unconsumed_tail
            if z.eof:
                yield from self.feed(z.unused_data) if self._gzip else ()
                return
            if not data and len(out) < _STEP:
                return  # all input taken, nothing held back: wait for more


class _Decoder:
    """The `Content-Encoding` layers of a body, undone in reverse order."""

    __slots__ = ("_layers", "fed")

    def __init__(self, encodings: list[str]) -> None:
        layers = []
        for encoding in reversed(encodings):
            if encoding not in ("gzip", "x-gzip", "deflate"):
                raise httpx.DecodingError(f"unsupported Content-Encoding {encoding!r}")
            layers.append(_Inflate(encoding != "deflate"))
        self._layers = layers
        self.fed = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        if data:
            self.fed = True
            yield from _through(self._layers, data)

    def check_end(self) -> None:
        # An empty body with an encoding header (a 204, a HEAD) is empty, not cut.
        if self.fed and not all(layer.ended for layer in self._layers):
            raise TruncatedBody("the compressed body ended before its compressed stream did")


def _through(layers: list[_Inflate], data: bytes) -> Iterator[bytes]:
    if len(layers) == 1:
        yield from layers[0].feed(data)
        return
    for piece in layers[0].feed(data):
        yield from _through(layers[1:], piece)


def _decoder(response: httpx.Response) -> _Decoder | None:
    header = response.headers.get("content-encoding")
    if header is None:
        return None
    encodings = [value.strip().lower() for value in header.split(",")]
    encodings = [value for value in encodings if value and value != "identity"]
    return _Decoder(encodings) if encodings else None


class _Meter:
    """A stream's bound: its decoded size (max_response_size) and the call's deadline."""

    __slots__ = ("deadline", "limit", "request", "size")

    def __init__(self, response: httpx.Response, limit: int, deadline: float | None) -> None:
        self.limit, self.deadline, self.request, self.size = limit, deadline, response.request, 0

    def count(self, piece: bytes) -> bytes:
        self.size += len(piece)
        if self.size > self.limit:
            raise ResponseTooLargeError(self.limit, request=self.request)
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise httpx.ReadTimeout(DEADLINE_PASSED)
        return piece


def decoded_sync(
    response: httpx.Response, limit: int = MAX_RESPONSE_SIZE, deadline: float | None = None
) -> Iterator[bytes]:
    """A streamed body's decoded bytes: its end checked (TruncatedBody), its size bounded
    (ResponseTooLargeError: a stream that inflates without end is refused too)."""
    decoder = _decoder(response)
    count = _Meter(response, limit, deadline).count
    if decoder is None:
        for raw in response.iter_raw():
            yield count(raw)
        return
    for raw in response.iter_raw():
        for piece in decoder.feed(raw):
            yield count(piece)
    decoder.check_end()


async def decoded_async(
    response: httpx.Response, limit: int = MAX_RESPONSE_SIZE, deadline: float | None = None
) -> Any:
    """The async twin of `decoded_sync` (an async iterator of bytes)."""
    decoder = _decoder(response)
    count = _Meter(response, limit, deadline).count
    if decoder is None:
        async for raw in response.aiter_raw():
            yield count(raw)
        return
    async for raw in response.aiter_raw():
        for piece in decoder.feed(raw):
            yield count(piece)
    decoder.check_end()


# ------------------------------------------------------------------------- reading


def media_type(response: httpx.Response) -> str:
    """The bare media type of a response (`image/png`; "" if none), lower-cased."""
    content_type: str = response.headers.get("content-type", "")
    return content_type.split(";")[0].strip().lower()


def open_temp(target: Path) -> tuple[IO[bytes], str | None]:
    """A file to write `target` whole: a new temporary file next to it (same file system,
    so the rename over `target` is atomic; hidden, so nothing takes it for the finished
    file; with the permissions `target` would get, the umask's, where mkstemp gives
    0600), and its name. A device or a FIFO (`/dev/null`, `/dev/stdout`) is opened
    itself, and the name is None: renaming over one would replace it."""
    import secrets  # here: most programs never write straight to a file

    if target.exists() and not target.is_file():
        return target.open("wb"), None
    # The name keeps within the 255 bytes a file name may have, however long the target's.
    stem = target.name[:200]
    for _ in range(100):
        temp = os.path.join(target.parent, f".{stem}.{secrets.token_hex(4)}.part")
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        return os.fdopen(fd, "wb"), temp
    raise FileExistsError(f"no free temporary name next to {target}")


def destination(path: str | os.PathLike[str]) -> Path:
    """Where writing `path` goes: through a symbolic link to the file it names (renaming
    over the link would replace the link)."""
    target = Path(path)
    return Path(os.path.realpath(target)) if target.is_symlink() else target


def remove(temp: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temp)


class _Body:
    """What the sync and async readers share: everything but the loop over raw chunks."""

    __slots__ = (
        "_capped",
        "_decoder",
        "_file",
        "_head",
        "_limit",
        "_parts",
        "_presized",
        "_response",
        "_saving",
        "_temp",
        "_to_file",
        "deadline",
        "is_error",
        "size",
    )

    def __init__(self, response: httpx.Response, reading: Reading) -> None:
        self._response = response
        self.deadline = reading.deadline
        self.is_error = response.is_error
        self.size = 0
        self._head = b""
        self._parts: list[bytes] = []
        self._file: IO[bytes] | None = None
        self._temp: str | None = None
        self._to_file: Path | None = None
        self._saving = False
        self._presized = 0
        self._decoder = _decoder(response)  # may raise DecodingError: undecodable
        # An error body, or a body the call will refuse (a JSON answer where an image
        # was to go to a file): only its start is read, to quote; the rest is dropped.
        self._capped = self.is_error or (
            reading.to_file is not None
            and not (response.is_success and media_type(response).startswith(reading.media))
        )
        self._limit = ERROR_BODY_LIMIT if self._capped else reading.limit
        if self._capped:
            return
        if reading.to_file is not None:
            self._to_file = reading.to_file
            self._file, self._temp = self._opened(lambda: open_temp(reading.to_file))
            self._saving = True
        elif reading.download:
            self._file = self._buffer()

    def _opened(self, action: Any) -> Any:
        """`action()`, a file operation: its OSError (a full disk, a vanished directory)
        is a PollinationsError naming the file."""
        try:
            return action()
        except OSError as exc:
            raise PollinationsError(f"cannot write {self._to_file}: {exc}") from exc

    def _buffer(self) -> io.BytesIO:
        length = self._response.headers.get("content-length", "")
        if self._decoder is None and length.isdigit():
            # its only reference: the buffer writes into it in place
            self._presized = min(int(length), _PRESIZE_LIMIT)
            return io.BytesIO(bytes(self._presized))
        return io.BytesIO()

    def take(self, raw: bytes) -> bool:
        """Take one raw chunk; True when no more is wanted (a capped body's start)."""
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise httpx.ReadTimeout(DEADLINE_PASSED)
        if self._decoder is None:
            return self._add(raw)
        if len(self._head) < _HEAD:  # only an encoded body can fail to decode: quote it
            self._head += raw[: _HEAD - len(self._head)]
        return any(self._add(piece) for piece in self._decoder.feed(raw))

    def _add(self, piece: bytes) -> bool:
        size = self.size + len(piece)
        if size > self._limit:
            if self._capped:  # keep the start, drop the rest with the connection
                self._parts.append(piece[: self._limit - self.size])
                self.size = self._limit
                return True
            raise ResponseTooLargeError(self._limit, request=self._response.request)
        self.size = size
        if self._saving:
            self._opened(lambda: self._file.write(piece))  # type: ignore[union-attr]
        elif self._file is not None:
            self._file.write(piece)
        else:
            self._parts.append(piece)
        return False

    def finish(self, complete: bool) -> httpx.Response:
        """The response with its decoded body (`complete`: the body was read to its end;
        an error body is what arrived of it, its status tells what matters)."""
        if complete and self._decoder is not None and not self.is_error:
            self._decoder.check_end()
        encoded = self._decoder is not None
        if self._saving and self.size:  # an empty body is no file: refused
            assert self._file is not None and self._to_file is not None
            temp, target = self._temp, self._to_file
            self._opened(self._file.close)
            if temp is not None:
                self._opened(lambda: os.replace(temp, target))
            self._temp = None
            self._saving = False
            return _settled(self._response, b"", {SAVED: Saved(target, self.size)}, encoded)
        if isinstance(self._file, io.BytesIO):
            buffer = self._file
            content = buffer.getvalue()
            if self._presized > buffer.tell():
                raise TruncatedBody(
                    f"the body ended after {buffer.tell()} of {self._presized} bytes",
                    request=self._response.request,
                )
        else:
            content = self._parts[0] if len(self._parts) == 1 else b"".join(self._parts)
        return _settled(self._response, content, {}, encoded)

    def undecodable(self) -> httpx.Response:
        self.discard()
        return _undecodable(self._response, self._head)

    def discard(self) -> None:
        """Remove a temporary file the body did not complete (no partial file is left)."""
        if self._saving:
            assert self._file is not None
            with contextlib.suppress(OSError):
                self._file.close()
            if self._temp is not None:
                remove(self._temp)
            self._temp = None
            self._saving = False


def _cut(response: httpx.Response, exc: httpx.TransportError) -> TruncatedBody:
    return TruncatedBody(f"{type(exc).__name__}: {exc}", request=response.request)


def _plain(response: httpx.Response, reading: Reading) -> bool:
    """Whether httpx's own reading will do (the common small answer, a chat call's): a
    success, no encoding to check, no file, no deadline, and a Content-Length within the
    limit, which bounds what h11 delivers. It saves a small call a few microseconds."""
    if reading.download or reading.to_file is not None or reading.deadline is not None:
        return False
    headers = response.headers
    if "content-encoding" in headers or response.is_error:  # (an error body cut keeps
        return False  # its status: see _Body)
    length = headers.get("content-length")
    return length is not None and length.isdigit() and int(length) <= reading.limit


def read_sync(response: httpx.Response, reading: Reading) -> httpx.Response:
    """Read the body of a response sent with `stream=True` (a stream stays open)."""
    if reading.keep_open and response.is_success:  # a redirect's body is read: it ends here
        return response
    body: _Body | None = None
    try:
        if _plain(response, reading):
            response.read()  # bounded by its Content-Length, which h11 holds it to
            return response
        body = _Body(response, reading)
        for raw in response.iter_raw():
            if body.take(raw):
                return body.finish(complete=False)
        return body.finish(complete=True)
    except httpx.DecodingError:
        return body.undecodable() if body else _undecodable(response)
    except httpx.TransportError as exc:
        if body is not None and body.is_error:
            return body.finish(complete=False)  # the status is the answer: what arrived
        if isinstance(exc, (httpx.TimeoutException, TruncatedBody)):
            raise
        raise _cut(response, exc) from exc
    finally:
        if body is not None:
            body.discard()
        response.close()


async def read_async(response: httpx.Response, reading: Reading) -> httpx.Response:
    """The async twin of `read_sync`."""
    if reading.keep_open and response.is_success:  # a redirect's body is read: it ends here
        return response
    body: _Body | None = None
    try:
        if _plain(response, reading):
            await response.aread()  # bounded by its Content-Length, which h11 holds it to
            return response
        body = _Body(response, reading)
        async for raw in response.aiter_raw():
            if body.take(raw):
                return body.finish(complete=False)
        return body.finish(complete=True)
    except httpx.DecodingError:
        return body.undecodable() if body else _undecodable(response)
    except httpx.TransportError as exc:
        if body is not None and body.is_error:
            return body.finish(complete=False)  # the status is the answer: what arrived
        if isinstance(exc, (httpx.TimeoutException, TruncatedBody)):
            raise
        raise _cut(response, exc) from exc
    finally:
        if body is not None:
            body.discard()
        await response.aclose()


def _settled(
    response: httpx.Response, content: bytes, extensions: dict[str, Any], encoded: bool = True
) -> httpx.Response:
    """The response, read: `content` is its body, as httpx's own `read()` would set it
    (rebuilding a Response instead costs a small call 14 us). An `encoded` body is
    decoded now: its Content-Encoding header goes."""
    response._content = content
    if encoded:
        response.headers.pop("content-encoding", None)
    if extensions:
        response.extensions = {**response.extensions, **extensions}
    return response


def _undecodable(response: httpx.Response, head: bytes = b"") -> httpx.Response:
    """A body that does not decode: its first raw bytes, to quote, and the encoding."""
    encoding = response.headers.get("content-encoding", "")
    response.headers.pop("content-length", None)
    return _settled(response, head, {UNDECODABLE: encoding})
