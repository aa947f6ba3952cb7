"""Raw responses: `client.with_raw_response.<resource>.<method>(...)`, as openai has it.

A raw call returns an `APIResponse`: the HTTP status, the headers (`x-request-id`,
`x-model-used`, upstream's usage headers) and `.parse()`, which gives what the method
would have returned. An error status still raises, as it does without
`with_raw_response`.

The resources are not written twice for this. A raw view holds a twin of the resource
bound to a transport that answers `APIResponse`s instead of parsed results; the
`raw_method` descriptors only give each method its raw return type for type checkers.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Concatenate, Generic, ParamSpec, TypeVar

import httpx

from ._exceptions import PollinationsError, secure

if TYPE_CHECKING:
    from ._base_client import RequestOptions
    from ._client import AsyncPollinations, Pollinations
    from ._streaming import AsyncStream, Stream

__all__ = ["APIResponse", "AsyncRawView", "RawView", "async_raw_method", "raw_method"]

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])
_UNPARSED: Any = object()


class APIResponse(Generic[R]):
    """One call's HTTP answer: status, headers, the request id, and `parse()`."""

    def __init__(self, http_response: httpx.Response, parse: Callable[[], R]) -> None:
        self.http_response = http_response
        self._parse = parse
        self._parsed: R = _UNPARSED

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """The server's id for this request (`x-request-id`), for reports upstream."""
        found: str | None = self.headers.get("x-request-id")
        return found

    @property
    def model_used(self) -> str | None:
        """The model that answered (`x-model-used`), which may differ from the one asked."""
        found: str | None = self.headers.get("x-model-used")
        return found

    @property
    def content(self) -> bytes:
        """The body's bytes (not for a stream, whose body is read by iterating it)."""
        try:
            return self.http_response.content
        except httpx.ResponseNotRead:
            raise PollinationsError(
                "this is a streamed answer: its body is read by iterating response.parse(),"
                " not through .content or .text"
            ) from None

    @property
    def text(self) -> str:
        self.content  # noqa: B018 (the same clear error for a stream)
        return self.http_response.text

    def parse(self) -> R:
        """What the method returns without `with_raw_response` (parsed once, then kept).

        A streamed call's parse gives its Stream, which reads the body as it iterates.
        """
        if self._parsed is _UNPARSED:
            self._parsed = self._parse()
        return self._parsed

    def __repr__(self) -> str:
        return (
            f"<APIResponse [{self.status_code} {self.http_response.reason_phrase}] "
            f"request_id={self.request_id!r}>"
        )


def _judged(
    client: Pollinations | AsyncPollinations,
    response: httpx.Response,
    parse: Callable[[httpx.Response], R],
) -> R:
    """A raw answer's `parse()`: the client's judgement, with the key masked in its error."""
    try:
        return client._judge(response, parse)
    except PollinationsError as exc:
        secure(exc, client._secrets())
        raise


class RawTransport:
    """What a raw view's resources call: the client's I/O, answering APIResponses."""

    def __init__(self, client: Pollinations) -> None:
        self._client = client

    def _request(self, options: RequestOptions, parse: Callable[[httpx.Response], R]) -> Any:
        try:
            response = self._client._send(options)
            if response.is_error:
                raise self._client._status_error(response)
        except PollinationsError as exc:  # as the client's own _request does
            secure(exc, self._client._secrets())
            raise
        return APIResponse(response, lambda: _judged(self._client, response, parse))

    def _stream(self, options: RequestOptions, parse: Callable[[str], T | None]) -> Any:
        stream: Stream[T] = self._client._stream(options, parse)
        return APIResponse(stream.response, lambda: stream)

    def url_for(self, options: RequestOptions) -> str:
        return self._client.url_for(options)


class AsyncRawTransport:
    """The async twin of RawTransport."""

    def __init__(self, client: AsyncPollinations) -> None:
        self._client = client

    async def _request(self, options: RequestOptions, parse: Callable[[httpx.Response], R]) -> Any:
        try:
            response = await self._client._send(options)
            if response.is_error:
                raise self._client._status_error(response)
        except PollinationsError as exc:
            secure(exc, self._client._secrets())
            raise
        return APIResponse(response, lambda: _judged(self._client, response, parse))

    async def _stream(self, options: RequestOptions, parse: Callable[[str], T | None]) -> Any:
        stream: AsyncStream[T] = await self._client._stream(options, parse)
        return APIResponse(stream.response, lambda: stream)

    def url_for(self, options: RequestOptions) -> str:
        return self._client.url_for(options)


class RawView:
    """The raw view of one sync resource: its methods, answering APIResponses."""

    _transport: Any = RawTransport

    def __init__(self, resource: Any) -> None:
        self._raw = type(resource)(self._transport(resource._client))


class AsyncRawView(RawView):
    """The raw view of one async resource."""

    _transport = AsyncRawTransport


def _without_self(bound: F) -> F:
    """The signature of the raw twin: the method's, without the resource's `self`, and
    answering an APIResponse (wraps() alone would show neither)."""
    signature = inspect.signature(bound.__wrapped__)  # type: ignore[attr-defined]
    returns = signature.return_annotation
    bound.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=tuple(signature.parameters.values())[1:],
        return_annotation=f"APIResponse[{getattr(returns, '__name__', returns)}]",
    )
    return bound


class raw_method(Generic[P, R]):
    """`generate = raw_method(Images.generate)` in a raw view: the same arguments, and
    an APIResponse of what the method returns."""

    def __init__(self, method: Callable[Concatenate[Any, P], R]) -> None:
        self._method = method

    def __get__(self, view: RawView, owner: type | None = None) -> Callable[P, APIResponse[R]]:
        method, resource = self._method, view._raw

        # A wrapper, not a partial: help() and IDEs show the method's own docstring.
        @functools.wraps(method)
        def bound(*args: P.args, **kwargs: P.kwargs) -> APIResponse[R]:
            return method(resource, *args, **kwargs)  # type: ignore[return-value]

        return _without_self(bound)


class async_raw_method(Generic[P, R]):
    """The async twin of raw_method, for `async def` methods."""

    def __init__(self, method: Callable[Concatenate[Any, P], Awaitable[R]]) -> None:
        self._method = method

    def __get__(
        self, view: RawView, owner: type | None = None
    ) -> Callable[P, Awaitable[APIResponse[R]]]:
        method, resource = self._method, view._raw

        @functools.wraps(method)
        async def bound(*args: P.args, **kwargs: P.kwargs) -> APIResponse[R]:
            return await method(resource, *args, **kwargs)  # type: ignore[return-value]

        return _without_self(bound)
