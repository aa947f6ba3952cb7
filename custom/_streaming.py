"""Server-sent events, parsed incrementally into models.

A stream is only complete when the server says `data: [DONE]`. A connection that ends
before that raises `IncompleteResponseError`: a cut-off answer must never pass for a
short one. Leaving a stream early (break, an exception, the end of a `with` block)
closes the connection.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Generator, Iterator, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs
import httpx

from . import _json
from ._exceptions import (
    APIConnectionError,
    APIError,
    IncompleteResponseError,
    cut_short,
    scrub,
)

if TYPE_CHECKING:
    from pollinations_client.models import ChatCompletionChunk, ToolCall

__all__ = [
    "AsyncStream",
    "Stream",
    "ToolCallAccumulator",
    "parse_chat_chunk",
    "parse_text_delta",
]

T = TypeVar("T")
DONE = "[DONE]"


def _error_in(payload: Any) -> APIError | None:
    if isinstance(payload, dict) and "error" in payload and "choices" not in payload:
        error = payload["error"]
        message = error.get("message") if isinstance(error, dict) else error
        return APIError(f"Error in stream: {message}")
    return None


@functools.cache
def _chunk_model() -> type[ChatCompletionChunk]:
    """Imported on first use, to keep `import pollinations_client.custom` light."""
    from pollinations_client.models import ChatCompletionChunk

    return ChatCompletionChunk


def parse_chat_chunk(data: str) -> ChatCompletionChunk:
    """One chunk of a chat stream (called once per chunk: kept short)."""
    payload = _json.loads(data)
    if type(payload) is not dict or ("error" in payload and "choices" not in payload):
        error = _error_in(payload)
        if error is not None:
            raise error
    return _chunk_model().from_dict(payload)


def parse_text_delta(data: str) -> str | None:
    """A text stream's event: an OpenAI-style chunk, or plain text. None when empty."""
    if data[:1] != "{":
        return data or None
    try:
        payload = _json.loads(data)
    except ValueError:
        return data
    error = _error_in(payload)
    if error is not None:
        raise error
    choices = payload.get("choices") if isinstance(payload, dict) else None
    if not isinstance(choices, list):
        return data
    pieces = []
    for choice in choices:
        if not isinstance(choice, dict):
            raise TypeError(f"a choice must be an object, not {type(choice).__name__}")
        delta = choice.get("delta") or choice.get("message") or {}
        if not isinstance(delta, dict):
            raise TypeError(f"a delta must be an object, not {type(delta).__name__}")
        content = delta.get("content")
        if isinstance(content, str):
            pieces.append(content)
    return "".join(pieces) or None


class _EventReader(Generic[T]):
    """Bytes in, items out: line splitting, event-stream decoding, `[DONE]`, parsing.

    Lines end only at CR, LF or CRLF, as the event-stream format says; U+2028 and
    friends, which JSON may carry unescaped, stay inside the line. A `data:` line and
    the blank line after it are the hot path (thousands per answer), so they are decoded
    here directly, once per event. The reader holds no reference to its `Stream`, so a
    stream dropped after `break` is freed, and its connection closed, at once.
    """

    __slots__ = ("_data", "_event", "_parse", "_pending", "_request", "_secrets", "done")

    def __init__(
        self, parse: Callable[[str], T | None], request: httpx.Request, secrets: Sequence[str]
    ) -> None:
        self._parse = parse
        self._request = request
        self._secrets = secrets
        self._data: list[bytes] = []
        self._event: str | None = None
        self._pending = b""
        self.done = False

    def feed(self, chunk: bytes) -> Iterator[T]:
        """The items the events completed by `chunk` yield (none after `[DONE]`).

        Most streams end lines with LF only and send one `data: ...` line per event: those
        events are cut out whole, with one split per chunk. Anything else (CR line ends,
        several lines to an event, a field other than data) goes line by line.
        """
        buffer = self._pending + chunk if self._pending else chunk
        if b"\r" in buffer or self._data or self._event is not None:
            self._pending = b""
            for raw in self.split(buffer):
                item = self.line(raw)
                if item is not None:
                    yield item
                if self.done:
                    return
            return
        complete, _, self._pending = buffer.rpartition(b"\n\n")
        if not complete:
            return
        # Decoded once per chunk (complete events end at a blank line, never inside a
        # UTF-8 sequence), then cut into events.
        parse = self._parse_data
        for block in complete.decode("utf-8", "replace").split("\n\n"):
            if block.startswith("data: ") and "\n" not in block:
                data = block[6:]
                if data == DONE:
                    self.done = True
                    return
                item = parse(data) if data else None
            else:  # line by line; a blank line ends the event (the block may hold one)
                for raw in [*block.encode("utf-8").split(b"\n"), b""]:
                    item = self.line(raw + b"\n")
                    if item is not None:
                        yield item
                    if self.done:
                        return
                continue
            if item is not None:
                yield item
            if self.done:
                return

    def split(self, chunk: bytes) -> list[bytes]:
        """The complete lines in what has arrived so far (with their line endings)."""
        lines = (
            (self._pending + chunk).splitlines(keepends=True)
            if self._pending
            else (chunk.splitlines(keepends=True))
        )
        self._pending = b""
        # A last line without its end, or ending in CR (an LF may follow), waits for more.
        if lines and lines[-1][-1:] != b"\n":
            self._pending = lines.pop()
        return lines

    def line(self, raw: bytes) -> T | None:
        """Take one line; return the item an event it completes yields, if any."""
        if raw[:5] == b"data:":
            value = raw[5:].rstrip(b"\r\n")
            self._data.append(value[1:] if value[:1] == b" " else value)
            return None
        line = raw.rstrip(b"\r\n")
        if not line:
            if not self._data and self._event is None:
                return None
            data = self._data[0] if len(self._data) == 1 else b"\n".join(self._data)
            event = self._event
            self._data = []
            self._event = None
            return self._handle(data.decode("utf-8", errors="replace"), event)
        if line[:1] == b":":
            return None  # a comment: keep-alive
        name, _, value = line.partition(b":")
        if name == b"event":
            self._event = (value[1:] if value[:1] == b" " else value).decode("utf-8", "replace")
        return None  # id, retry and unknown fields mean nothing to this client

    def finish(self) -> Iterator[T]:
        """The body ended: the last line and event, then insist on `[DONE]`."""
        for raw in [*self._pending.splitlines(keepends=True), b""]:
            if self.done:
                break
            item = self.line(raw)
            if item is not None:
                yield item
        self._pending = b""
        if not self.done:
            raise IncompleteResponseError(
                "The stream ended before data: [DONE]; the answer is incomplete.",
                request=self._request,
            )

    def _handle(self, data: str, event: str | None) -> T | None:
        if self.done:
            return None
        if data == DONE:
            self.done = True
            return None
        if event == "error":
            raise self._error(f"Error in stream: {data[:200]}")
        if event not in (None, "", "message") or not data:
            return None  # keep-alives and event types this client does not know
        return self._parse_data(data)

    def _parse_data(self, data: str) -> T | None:
        """The item of one message event's data (not `[DONE]`)."""
        try:
            return self._parse(data)
        except APIError as exc:  # the server reported an error inside the stream
            reported = exc.message
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            raise self._error(f"Malformed event in stream: {data[:200]!r}") from exc
        # Raised outside the handler, so the unmasked original is not kept as __context__.
        raise self._error(reported)

    def _error(self, message: str) -> APIError:
        """An error quoting the server, with the key masked should the server echo it."""
        return APIError(scrub(message, self._secrets), request=self._request)

    def undecodable(self, response: httpx.Response) -> APIError:
        encoding = response.headers.get("content-encoding", "")
        return APIError(
            f"The stream does not decode as Content-Encoding {encoding!r}.", request=self._request
        )

    def transport_error(self, exc: httpx.TransportError) -> APIConnectionError:
        return cut_short(exc, self._request, secrets=self._secrets)


def _iterate(response: httpx.Response, reader: _EventReader[T]) -> Generator[T, None, None]:
    try:
        for chunk in response.iter_bytes():
            yield from reader.feed(chunk)
            if reader.done:
                return
        yield from reader.finish()
    except httpx.TransportError as exc:
        raise reader.transport_error(exc) from exc
    except httpx.DecodingError as exc:
        raise reader.undecodable(response) from exc
    finally:
        response.close()


async def _aiterate(response: httpx.Response, reader: _EventReader[T]) -> AsyncGenerator[T, None]:
    try:
        async for chunk in response.aiter_bytes():
            for item in reader.feed(chunk):
                yield item
            if reader.done:
                return
        for item in reader.finish():
            yield item
    except httpx.TransportError as exc:
        raise reader.transport_error(exc) from exc
    except httpx.DecodingError as exc:
        raise reader.undecodable(response) from exc
    finally:
        await response.aclose()


class _StreamBase(Generic[T]):
    """What `Stream` and `AsyncStream` share: the response and its event reader."""

    def __init__(
        self,
        response: httpx.Response,
        parse: Callable[[str], T | None],
        *,
        secrets: Sequence[str] = (),
    ) -> None:
        self.response = response
        self._reader = _EventReader(parse, response.request, secrets)

    @property
    def done(self) -> bool:
        """Whether the server said `[DONE]`."""
        return self._reader.done

    @property
    def _request_id(self) -> str | None:
        """The server's request id (`x-request-id`), as every result carries it."""
        found: str | None = self.response.headers.get("x-request-id")
        return found


class Stream(_StreamBase[T]):
    """An iterator over a streamed answer.

    Leaving a `with` block, calling `close()`, or dropping the stream after `break`
    closes the connection.
    """

    def __init__(
        self,
        response: httpx.Response,
        parse: Callable[[str], T | None],
        *,
        secrets: Sequence[str] = (),
    ) -> None:
        super().__init__(response, parse, secrets=secrets)
        self._iterator = _iterate(response, self._reader)
        # A stream dropped before its first item never runs the generator's cleanup:
        # release the pooled connection when the stream object goes away.
        weakref.finalize(self, response.close)

    def __iter__(self) -> Iterator[T]:
        return self

    def __next__(self) -> T:
        return next(self._iterator)

    def close(self) -> None:
        self._iterator.close()
        self.response.close()

    def __enter__(self) -> Stream[T]:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncStream(_StreamBase[T]):
    """The async twin of `Stream`: `async for`, and `async with` to close it early."""

    def __init__(
        self,
        response: httpx.Response,
        parse: Callable[[str], T | None],
        *,
        secrets: Sequence[str] = (),
    ) -> None:
        super().__init__(response, parse, secrets=secrets)
        self._iterator = _aiterate(response, self._reader)

    def __aiter__(self) -> AsyncIterator[T]:
        return self

    async def __anext__(self) -> T:
        return await self._iterator.__anext__()

    async def close(self) -> None:
        await self._iterator.aclose()
        await self.response.aclose()

    async def __aenter__(self) -> AsyncStream[T]:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()


@attrs.define
class _PartialToolCall:
    id: str = ""
    name: str = ""
    arguments: list[str] = attrs.field(factory=list)


class ToolCallAccumulator:
    """Assembles the tool calls that arrive in pieces across stream chunks.

    >>> acc = ToolCallAccumulator()
    >>> for chunk in stream:
    ...     acc.add(chunk)
    >>> acc.tool_calls()  # list of ToolCall, arguments joined
    """

    def __init__(self) -> None:
        self._calls: dict[int, dict[int, _PartialToolCall]] = {}

    def add(self, chunk: ChatCompletionChunk) -> None:
        # The models keep whatever the server sent: anything but the documented shape
        # (a missing delta, a tool call without its index) is skipped, not a crash.
        from pollinations_client.models import ChoiceDelta, ToolCallDelta, ToolCallFunctionDelta

        for choice in chunk.choices or ():
            delta = getattr(choice, "delta", None)
            if not isinstance(delta, ChoiceDelta) or not isinstance(delta.tool_calls, list):
                continue
            calls = self._calls.setdefault(choice.index or 0, {})
            for piece in delta.tool_calls:
                if not isinstance(piece, ToolCallDelta) or not isinstance(piece.index, int):
                    continue
                call = calls.setdefault(piece.index, _PartialToolCall())
                if isinstance(piece.id, str) and piece.id:
                    call.id = piece.id
                function = piece.function
                if isinstance(function, ToolCallFunctionDelta):
                    if isinstance(function.name, str):
                        call.name += function.name
                    if isinstance(function.arguments, str):
                        call.arguments.append(function.arguments)

    def tool_calls(self, choice: int = 0) -> list[ToolCall]:
        from pollinations_client.models import ToolCall, ToolCallFunction

        calls = self._calls.get(choice, {})
        return [
            ToolCall(
                id=call.id,
                type_="function",
                function=ToolCallFunction(name=call.name, arguments="".join(call.arguments)),
            )
            for _, call in sorted(calls.items())
        ]
