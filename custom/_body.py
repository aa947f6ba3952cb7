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

from ._exceptions import EXCERPT_LENGTH, ResponseTooLargeError

__all__ = [
    "ACCEPT_ENCODING",
    "ERROR_BODY_LIMIT",
    "MAX_RESPONSE_SIZE",
    "SAVED",
    "UNDECODABLE",
    "Reading",
    "TruncatedBody",
    "decoded_async",
    "decoded_sync",
    "read_async",
    "read_sync",
]

#: The encodings we decode and can check the end of; sent as Accept-Encoding.
ACCEPT_ENCODING = "gzip, deflate"
#: Extension key on a response whose body did not decode; the value is the encoding.
UNDECODABLE = "pollinations.undecodable"
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

    __slots__ = ("_fresh", "_gzip", "_z")

    def __init__(self, gzip: bool) -> None:
        self._gzip = gzip
        self._z = zlib.decompressobj(zlib.MAX_WBITS | 16 if gzip else zlib.MAX_WBITS)
        self._fresh = True

    @property
    def ended(self) -> bool:
        return self._z.eof

    def feed(self, data: bytes) -> Iterator[bytes]:
        z = self._z
        while not z.eof:
            try:
                out = z.decompress(data, _STEP)
            except zlib.error as exc:
                if self._fresh and not self._gzip:
                    # "deflate" is zlib-wrapped by the standard, raw in some servers
                    # (httpx accepts both): retry the first bytes as raw deflate.
                    self._z = z = zlib.decompressobj(-zlib.MAX_WBITS)
                    self._fresh = False
                    continue
                raise httpx.DecodingError(f"{exc}") from exc
            self._fresh = False
            if out:
                yield out
            data = z.unconsumed_tail
            if z.eof:
                rest = z.unused_data
                if self._gzip and rest[:2] == b"\x1f\x8b":  # another gzip member
                    self._z = z = zlib.decompressobj(zlib.MAX_WBITS | 16)
                    data = rest
                    continue
                return  # bytes after the end are ignored, as httpx ignores them
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


def decoded_sync(response: httpx.Response) -> Iterator[bytes]:
    """A streamed body's decoded bytes; its end is checked (TruncatedBody)."""
    decoder = _decoder(response)
    if decoder is None:
        yield from response.iter_raw()
        return
    for raw in response.iter_raw():
        yield from decoder.feed(raw)
    decoder.check_end()


async def decoded_async(response: httpx.Response) -> Any:
    """The async twin of `decoded_sync` (an async iterator of bytes)."""
    decoder = _decoder(response)
    async for raw in response.aiter_raw():
        if decoder is None:
            yield raw
        else:
            for piece in decoder.feed(raw):
                yield piece
    if decoder is not None:
        decoder.check_end()


# ------------------------------------------------------------------------- reading


def _media_type(response: httpx.Response) -> str:
    content_type: str = response.headers.get("content-type", "")
    return content_type.split(";")[0].strip().lower()


class _Body:
    """What the sync and async readers share: everything but the loop over raw chunks."""

    __slots__ = (
        "_decoder",
        "_file",
        "_head",
        "_limit",
        "_parts",
        "_presized",
        "_response",
        "_temp",
        "_to_file",
        "deadline",
        "error",
        "size",
    )

    def __init__(self, response: httpx.Response, reading: Reading) -> None:
        self._response = response
        self.deadline = reading.deadline
        self.error = response.is_error
        self._limit = ERROR_BODY_LIMIT if self.error else reading.limit
        self.size = 0
        self._head = b""
        self._parts: list[bytes] = []
        self._file: IO[bytes] | None = None
        self._temp: str | None = None
        self._to_file: Path | None = None
        self._presized = 0
        self._decoder = _decoder(response)  # may raise DecodingError: undecodable
        if self.error:
            return
        if reading.to_file is not None and _media_type(response).startswith(reading.media):
            self._to_file = reading.to_file
            self._open_temp(reading.to_file)
        elif reading.download:
            self._file = self._buffer()

    def _buffer(self) -> io.BytesIO:
        length = self._response.headers.get("content-length", "")
        if self._decoder is None and length.isdigit():
            # its only reference: the buffer writes into it in place
            self._presized = min(int(length), _PRESIZE_LIMIT)
            return io.BytesIO(bytes(self._presized))
        return io.BytesIO()

    def _open_temp(self, target: Path) -> None:
        import tempfile  # here: most programs never write straight to a file

        # Next to the target, so that the rename is atomic (same file system); hidden, so
        # that nothing takes it for the finished file.
        fd, self._temp = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".part"
        )
        self._file = os.fdopen(fd, "wb")

    def take(self, raw: bytes) -> bool:
        """Take one raw chunk; True when no more is wanted (an error body's cap)."""
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise httpx.ReadTimeout("the call's deadline passed while the body arrived")
        if self._decoder is None:
            return self._add(raw)
        if len(self._head) < _HEAD:  # only an encoded body can fail to decode: quote it
            self._head += raw[: _HEAD - len(self._head)]
        return any(self._add(piece) for piece in self._decoder.feed(raw))

    def _add(self, piece: bytes) -> bool:
        size = self.size + len(piece)
        if size > self._limit:
            if self.error:  # keep the start, drop the rest with the connection
                self._parts.append(piece[: self._limit - self.size])
                self.size = self._limit
                return True
            raise ResponseTooLargeError(self._limit, request=self._response.request)
        self.size = size
        if self._file is not None:
            self._file.write(piece)
        else:
            self._parts.append(piece)
        return False

    def finish(self, complete: bool) -> httpx.Response:
        """The response with its decoded body (`complete`: the body was read to its end)."""
        if complete and self._decoder is not None:
            self._decoder.check_end()
        response = self._response
        if self._to_file is not None and self.size:  # an empty body is no file: refused
            assert self._file is not None and self._temp is not None
            self._file.close()
            os.replace(self._temp, self._to_file)
            self._temp = None
            return _settled(self._response, b"", {SAVED: Saved(self._to_file, self.size)})
        if isinstance(self._file, io.BytesIO):
            buffer = self._file
            content = buffer.getvalue()
            if self._presized > buffer.tell():
                raise TruncatedBody(
                    f"the body ended after {buffer.tell()} of {self._presized} bytes",
                    request=response.request,
                )
        else:
            content = self._parts[0] if len(self._parts) == 1 else b"".join(self._parts)
        return _settled(self._response, content, {})

    def undecodable(self) -> httpx.Response:
        self.discard()
        return _undecodable(self._response, self._head)

    def discard(self) -> None:
        """Remove a temporary file the body did not complete (no partial file is left)."""
        if self._temp is not None:
            assert self._file is not None
            self._file.close()
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self._temp)
            self._temp = None


def _cut(response: httpx.Response, exc: httpx.TransportError) -> TruncatedBody:
    return TruncatedBody(f"{type(exc).__name__}: {exc}", request=response.request)


def read_sync(response: httpx.Response, reading: Reading) -> httpx.Response:
    """Read the body of a response sent with `stream=True` (a stream stays open)."""
    if reading.keep_open and response.is_success:  # a redirect's body is read: it ends here
        return response
    body: _Body | None = None
    try:
        body = _Body(response, reading)
        for raw in response.iter_raw():
            if body.take(raw):
                return body.finish(complete=False)
        return body.finish(complete=True)
    except httpx.DecodingError:
        return body.undecodable() if body else _undecodable(response)
    except (httpx.TimeoutException, TruncatedBody):
        raise
    except httpx.TransportError as exc:
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
        body = _Body(response, reading)
        async for raw in response.aiter_raw():
            if body.take(raw):
                return body.finish(complete=False)
        return body.finish(complete=True)
    except httpx.DecodingError:
        return body.undecodable() if body else _undecodable(response)
    except (httpx.TimeoutException, TruncatedBody):
        raise
    except httpx.TransportError as exc:
        raise _cut(response, exc) from exc
    finally:
        if body is not None:
            body.discard()
        await response.aclose()


def _settled(
    response: httpx.Response, content: bytes, extensions: dict[str, Any]
) -> httpx.Response:
    """The response, read: `content` is its body, as httpx's own `read()` would set it
    (rebuilding a Response instead costs a small call 14 us). The body is decoded: its
    Content-Encoding header goes."""
    response._content = content
    if "content-encoding" in response.headers:
        del response.headers["content-encoding"]
    if extensions:
        response.extensions = {**response.extensions, **extensions}
    return response


def _undecodable(response: httpx.Response, head: bytes = b"") -> httpx.Response:
    """A body that does not decode: its first raw bytes, to quote, and the encoding."""
    encoding = response.headers.get("content-encoding", "")
    response.headers.pop("content-length", None)
    return _settled(response, head, {UNDECODABLE: encoding})
