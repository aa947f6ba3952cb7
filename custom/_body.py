"""Reading a response body, so that every way it can go wrong is told apart.

- A body cut short after the headers raises `TruncatedBody`: the retry loop retries it,
  and then reports `IncompleteResponseError`, never a short result that looks whole.
- A body that does not decode (broken gzip) becomes a response marked `UNDECODABLE`
  whose content is the first raw bytes, so the error can quote them.
- A large body (an image, a video) is read into one buffer of its final size and handed
  over without the second copy httpx's own reading makes.
"""

from __future__ import annotations

import io
from collections.abc import AsyncIterator, Iterator

import httpx

from ._exceptions import EXCERPT_LENGTH

__all__ = ["UNDECODABLE", "TruncatedBody", "read_async", "read_sync"]

#: Extension key on a response whose body did not decode; the value is the encoding.
UNDECODABLE = "pollinations.undecodable"
_HEAD = EXCERPT_LENGTH * 4
#: Bodies up to this size get a buffer of their announced size up front; a larger claim
#: is not trusted with that much memory before the bytes arrive.
_PRESIZE_LIMIT = 256 * 1024 * 1024


class TruncatedBody(httpx.RemoteProtocolError):
    """The connection ended before the whole body arrived."""


class _SyncHead(httpx.SyncByteStream):
    """Passes the raw body through, keeping its first bytes for error messages."""

    def __init__(self, inner: httpx.SyncByteStream) -> None:
        self._inner = inner
        self.head = b""

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._inner:
            if len(self.head) < _HEAD:
                self.head += chunk[: _HEAD - len(self.head)]
            yield chunk

    def close(self) -> None:
        self._inner.close()


class _AsyncHead(httpx.AsyncByteStream):
    """The async twin of `_SyncHead`."""

    def __init__(self, inner: httpx.AsyncByteStream) -> None:
        self._inner = inner
        self.head = b""

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._inner:
            if len(self.head) < _HEAD:
                self.head += chunk[: _HEAD - len(self.head)]
            yield chunk

    async def aclose(self) -> None:
        await self._inner.aclose()


def _buffer(response: httpx.Response) -> io.BytesIO:
    """A buffer for a large body, sized up front when the length is known.

    Writing into a buffer of the final size costs one copy of each chunk, as httpx's own
    reading does, and no regrowth. A compressed body's length is not its decoded length:
    that buffer grows.
    """
    length = response.headers.get("content-length", "")
    if (
        length.isdigit()
        and int(length) <= _PRESIZE_LIMIT
        and "content-encoding" not in response.headers
    ):
        return io.BytesIO(bytes(int(length)))  # its only reference: written in place
    return io.BytesIO()


def _with_body(response: httpx.Response, buffer: io.BytesIO) -> httpx.Response:
    """A finished response whose content is the buffer's bytes, without copying them.

    `BytesIO.getvalue()` hands over its buffer, and a response built on one bytes object
    keeps it as is. The body is already decoded, hence no Content-Encoding.
    """
    content = buffer.getvalue()
    if buffer.tell() != len(content):
        raise TruncatedBody(
            f"the body ended after {buffer.tell()} of {len(content)} bytes",
            request=response.request,
        )
    headers = httpx.Headers(response.headers)
    headers.pop("content-encoding", None)
    return httpx.Response(
        response.status_code,
        headers=headers,
        content=content,
        request=response.request,
        extensions=response.extensions,
    )


def _undecodable(response: httpx.Response, head: bytes) -> httpx.Response:
    headers = httpx.Headers(response.headers)
    encoding = headers.pop("content-encoding", "")
    headers.pop("content-length", None)
    return httpx.Response(
        response.status_code,
        headers=headers,
        content=head,
        request=response.request,
        extensions={**response.extensions, UNDECODABLE: encoding},
    )


def _cut(response: httpx.Response, exc: httpx.TransportError) -> TruncatedBody:
    return TruncatedBody(f"{type(exc).__name__}: {exc}", request=response.request)


def read_sync(response: httpx.Response, *, keep_open: bool, download: bool) -> httpx.Response:
    """Read the body of a response sent with `stream=True` (a stream stays open)."""
    if keep_open and not response.is_error:
        return response
    # Only a declared encoding can fail to decode: keep the raw head for those alone.
    head = None
    if "content-encoding" in response.headers:
        head = _SyncHead(response.stream)  # type: ignore[arg-type]
        response.stream = head
    try:
        if download and not response.is_error:
            buffer = _buffer(response)
            for chunk in response.iter_bytes():
                buffer.write(chunk)
            return _with_body(response, buffer)
        response.read()
        return response
    except httpx.DecodingError:
        return _undecodable(response, head.head if head else b"")
    except (httpx.TimeoutException, TruncatedBody):
        raise
    except httpx.TransportError as exc:
        raise _cut(response, exc) from exc
    finally:
        response.close()


async def read_async(
    response: httpx.Response, *, keep_open: bool, download: bool
) -> httpx.Response:
    """The async twin of `read_sync`."""
    if keep_open and not response.is_error:
        return response
    # Only a declared encoding can fail to decode: keep the raw head for those alone.
    head = None
    if "content-encoding" in response.headers:
        head = _AsyncHead(response.stream)  # type: ignore[arg-type]
        response.stream = head
    try:
        if download and not response.is_error:
            buffer = _buffer(response)
            async for chunk in response.aiter_bytes():
                buffer.write(chunk)
            return _with_body(response, buffer)
        await response.aread()
        return response
    except httpx.DecodingError:
        return _undecodable(response, head.head if head else b"")
    except (httpx.TimeoutException, TruncatedBody):
        raise
    except httpx.TransportError as exc:
        raise _cut(response, exc) from exc
    finally:
        await response.aclose()
