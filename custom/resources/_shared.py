"""What every resource needs: the client protocols it calls, and value conversion."""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Mapping
from enum import Enum
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import httpx

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


def jsonable(value: Any) -> Any:
    """Generated models, enums and containers of them, as JSON-ready values."""
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        return {key: jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(item) for item in value]
    return value


def reject_unknown(given: Iterable[str], known: Container[str], where: str) -> None:
    """The TypeError Python raises for a stray keyword, for `**params` signatures."""
    unknown = sorted(name for name in given if name not in known)
    if unknown:
        raise TypeError(f"{where}() got unexpected keyword argument(s): {', '.join(unknown)}")


def checked_params(
    given: Mapping[str, Any], checks: Mapping[str, Callable[[Any], Any]], where: str
) -> dict[str, Any]:
    """Run each given argument through its check; None stays "not given"."""
    reject_unknown(given, checks, where)
    return {name: None if value is None else checks[name](value) for name, value in given.items()}
