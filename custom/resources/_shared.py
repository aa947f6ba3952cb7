"""The client protocols resources call (the clients, and the raw views' transports)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import httpx

from .._body import media_type

if TYPE_CHECKING:
    from .._base_client import RequestOptions
    from .._streaming import AsyncStream, Stream

R = TypeVar("R")
T = TypeVar("T")


class SyncTransport(Protocol):
    def _request(self, options: RequestOptions, parse: Callable[[httpx.Response], R]) -> R: ...

    def _stream(self, options: RequestOptions, parse: Callable[[str], T | None]) -> Stream[T]: ...

    def url_for(self, options: RequestOptions) -> str: ...


class AsyncTransport(Protocol):
    async def _request(
        self, options: RequestOptions, parse: Callable[[httpx.Response], R]
    ) -> R: ...

    async def _stream(
        self, options: RequestOptions, parse: Callable[[str], T | None]
    ) -> AsyncStream[T]: ...

    def url_for(self, options: RequestOptions) -> str: ...


def binary_result(response: httpx.Response, prefixes: tuple[str, ...], what: str) -> Any:
    """The body's bytes and bare media type, refused unless the type starts with one of
    `prefixes` (a JSON error with status 200 is not an image) or the body is empty."""
    content_type = media_type(response)
    if not content_type.startswith(prefixes):
        raise ValueError(f"expected {what}, got {content_type or 'no content type'}")
    if not response.content:
        raise ValueError(f"the {content_type} body is empty")
    return response.content, content_type, response.headers.get("x-request-id")


def saved_result(response: httpx.Response, prefixes: tuple[str, ...], what: str) -> Any:
    """The `SavedFile` of a body that went to a file (`to_file=`). A body that did not
    (not of the expected type, or empty) was kept in memory: `binary_result` says why."""
    from .._body import SAVED
    from .._types import SavedFile

    saved = response.extensions.get(SAVED)
    if saved is None:
        binary_result(response, prefixes, what)  # raises: the wrong type, or no bytes
        raise ValueError(f"{what} was not written to the file")
    content_type = media_type(response)
    return SavedFile(
        path=saved.path,
        content_type=content_type,
        size=saved.size,
        request_id=response.headers.get("x-request-id"),
    )
