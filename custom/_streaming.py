"""Server-sent events, parsed incrementally into models.

A stream is only complete when the server says `data: [DONE]`. A connection that ends
before that raises `IncompleteResponseError`: a cut-off answer must never pass for a
short one. Leaving a stream early (break, an exception, the end of a `with` block)
closes the connection.
"""

from __future__ import annotations

import contextlib
import functools
import weakref
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Generator, Iterator, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs
import httpx

from . import _json
from ._body import MAX_RESPONSE_SIZE, decoded_async, decoded_sync
from ._exceptions import (
    APIConnectionError,
    APIError,
    IncompleteResponseError,
    PollinationsError,
    cut_short,
    scrub,
    secure,
    shorten,
)

if TYPE_CHECKING:
    import asyncio

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
_BOM = b"\xef\xbb\xbf"


def _error_in(payload: Any) -> APIError | None:
    if isinstance(payload, dict) and "error" in payload and "choices" not in payload:
        error = payload["error"]
        message = error.get("message") if isinstance(error, dict) else error
        return APIError(f"Error in stream: {shorten(str(message))}")
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

    Lines end at CR, LF or CRLF, as the event-stream format says, and a line ending in
    CR ends at once (an LF starting the next chunk is the rest of that CRLF); U+2028 and
    friends, which JSON may carry unescaped, stay inside the line. One BOM starting the
    body is dropped. A `data:` line and the blank line after it are the hot path
    (thousands per answer), so they are decoded here directly, once per event. Bytes
    that wait for a line end are kept as a list of pieces, joined only once one arrives,
    so a long line sent in small pieces costs linear time. The reader holds no reference
    to its `Stream`, so a stream dropped after `break` is freed, and its connection
    closed, at once.
    """

    __slots__ = (
        "_cr",
        "_data",
        "_event",
        "_head",
        "_parse",
        "_pending",
        "_request",
        "_secrets",
        "deadline",
        "done",
        "limit",
    )

    def __init__(
        self, parse: Callable[[str], T | None], request: httpx.Request, secrets: Sequence[str]
    ) -> None:
        self._parse = parse
        self._request = request
        self._secrets = secrets
        self._data: list[bytes] = []
        self._event: str | None = None
        #: What has arrived but not been taken yet, in pieces; never holds a CR.
        self._pending: list[bytes] = []
        #: The first bytes of the body while they may be the start of a BOM; then None.
        self._head: bytes | None = b""
        #: The bytes taken last ended in CR: an LF next is the rest of a CRLF.
        self._cr = False
        self.done = False
        #: The stream's bounds: its decoded size, and the call's deadline (monotonic).
        self.limit = MAX_RESPONSE_SIZE
        self.deadline: float | None = None

    def feed(self, chunk: bytes) -> Iterator[T]:
        """The items the events completed by `chunk` yield (none after `[DONE]`).

        Most streams end lines with LF only and send one `data: ...` line per event: those
        events are cut out whole, with one search per chunk. Anything else (CR line ends,
        several lines to an event, a field other than data) goes line by line.
        """
        if self._head is not None or self._cr:
            chunk = self._trim(chunk)
        pending = self._pending
        if b"\r" in chunk or self._data or self._event is not None:
            for raw in self.split(chunk):
                item = self.line(raw)
                if item is not None:
                    yield item
                if self.done:
                    return
            return
        # The last blank line is in `chunk`, or across the boundary: only there is it new.
        complete, blank, rest = chunk.rpartition(b"\n\n")
        if blank:
            if pending:
                pending.append(complete)
                complete = b"".join(pending)
                pending.clear()
            if rest:
                pending.append(rest)
        elif chunk[:1] == b"\n" and pending and pending[-1][-1:] == b"\n":
            complete = b"".join(pending)[:-1]
            pending.clear()
            if len(chunk) > 1:
                pending.append(chunk[1:])
        else:
            if chunk:
                pending.append(chunk)
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

    def _trim(self, chunk: bytes) -> bytes:
        """`chunk` without the BOM that starts the body, or the LF of a CRLF cut after its
        CR (rare: checked only while one of them may come)."""
        head = self._head
        if head is None:  # past the start of the body, so it is the CR
            self._cr = False
            return chunk[1:] if chunk[:1] == b"\n" else chunk
        head += chunk
        if len(head) < len(_BOM) and _BOM.startswith(head):
            self._head = head  # a BOM cut short, or the whole (tiny) body so far: wait
            return b""
        self._head = None
        return head[len(_BOM) :] if head[: len(_BOM)] == _BOM else head

    def split(self, chunk: bytes) -> list[bytes]:
        """The complete lines in what has arrived so far (with their line endings)."""
        pending = self._pending
        if b"\n" not in chunk and b"\r" not in chunk:
            if chunk:  # no line ends: kept as a piece, not copied onto what waits
                pending.append(chunk)
            return []
        if pending:
            pending.append(chunk)
            chunk = b"".join(pending)
            pending.clear()
        lines = chunk.splitlines(keepends=True)
        last = lines[-1][-1:]
        if last == b"\r":
            self._cr = True  # the line has ended; an LF may still come, and is skipped
        elif last != b"\n":
            pending.append(lines.pop())  # a last line without its end waits for more
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
        """The body ended: its last lines, then insist on `[DONE]`.

        An event the body ends inside, before its blank line, is not dispatched (as the
        event-stream format says): a cut compressed stream ends that way, mid-event. Only
        a last `data: [DONE]` without its blank line still ends the stream.
        """
        rest = b"".join(self._pending)
        self._pending.clear()
        for raw in rest.splitlines(keepends=True):
            if self.done:
                break
            item = self.line(raw)
            if item is not None:
                yield item
        if not self.done and self._data == [DONE.encode()]:
            self.done = True
        self._data = []
        self._event = None
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
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
            raise self._error(f"Malformed event in stream: {data[:200]!r}") from exc
        # Raised outside the handler, so the unmasked original is not kept as __context__.
        raise self._error(reported)

    def _error(self, message: str) -> APIError:
        """An error quoting the server, with the key masked should the server echo it."""
        return APIError(scrub(shorten(message), self._secrets), request=self._request)

    def undecodable(self, response: httpx.Response) -> APIError:
        encoding = response.headers.get("content-encoding", "")
        return APIError(
            f"The stream does not decode as Content-Encoding {encoding!r}.", request=self._request
        )

    def transport_error(self, exc: httpx.TransportError) -> APIConnectionError:
        return cut_short(exc, self._request, secrets=self._secrets)


def _iterate(response: httpx.Response, reader: _EventReader[T]) -> Generator[T, None, None]:
    try:
        # decoded here, its compressed end checked (httpx's iter_bytes does not), its size
        # and time bounded
        for chunk in decoded_sync(response, reader.limit, reader.deadline):
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
        async for chunk in decoded_async(response, reader.limit, reader.deadline):
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
        limit: int = MAX_RESPONSE_SIZE,
        deadline: float | None = None,
    ) -> None:
        self.response = response
        self._reader = _EventReader(parse, response.request, secrets)
        self._reader.limit, self._reader.deadline = limit, deadline

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
        limit: int = MAX_RESPONSE_SIZE,
        deadline: float | None = None,
    ) -> None:
        super().__init__(response, parse, secrets=secrets, limit=limit, deadline=deadline)
        self._iterator = _iterate(response, self._reader)
        # A stream dropped before its first item never runs the generator's cleanup:
        # release the pooled connection when the stream object goes away.
        weakref.finalize(self, response.close)

    def __iter__(self) -> Iterator[T]:
        return self

    def __next__(self) -> T:
        try:
            return next(self._iterator)
        except PollinationsError as exc:  # the key out of it, its request and its causes
            secure(exc, self._reader._secrets)
            raise

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


#: The closings of dropped async streams still running: the loop keeps only a weak
#: reference to a task, which could otherwise vanish before it is done.
_closing: set[asyncio.Task[None]] = set()


def _close_dropped(loop: asyncio.AbstractEventLoop, response: httpx.Response) -> None:
    """The finalizer of an `AsyncStream`: close its response, if still open, on its loop.

    It may run in any thread (wherever the last reference went), hence call_soon_threadsafe.
    """
    if response.is_closed or loop.is_closed():
        return

    def start() -> None:
        task = loop.create_task(_aclose_quietly(response))
        _closing.add(task)
        task.add_done_callback(_closing.discard)

    with contextlib.suppress(RuntimeError):  # the loop closed in between
        loop.call_soon_threadsafe(start)


async def _aclose_quietly(response: httpx.Response) -> None:
    # Nobody is left to tell that closing a dropped stream failed.
    with contextlib.suppress(httpx.HTTPError, OSError):
        await response.aclose()


class AsyncStream(_StreamBase[T]):
    """The async twin of `Stream`: `async for`, and `async with` to close it early.

    A stream dropped unread releases its connection too, once its loop runs again.
    """

    def __init__(
        self,
        response: httpx.Response,
        parse: Callable[[str], T | None],
        *,
        secrets: Sequence[str] = (),
        limit: int = MAX_RESPONSE_SIZE,
        deadline: float | None = None,
    ) -> None:
        super().__init__(response, parse, secrets=secrets, limit=limit, deadline=deadline)
        self._iterator = _aiterate(response, self._reader)
        # As `Stream` does, but a finalizer cannot await: it schedules the closing on the
        # loop the stream was made on (asyncio only; under another loop nothing is done).
        import asyncio  # here: importing the package does not load asyncio

        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        weakref.finalize(self, _close_dropped, loop, response)

    def __aiter__(self) -> AsyncIterator[T]:
        return self

    async def __anext__(self) -> T:
        try:
            return await self._iterator.__anext__()
        except PollinationsError as exc:
            secure(exc, self._reader._secrets)
            raise

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
