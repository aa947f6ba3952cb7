"""`client.text`: plain text from a prompt, whole or streamed."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypedDict

import httpx

from pollinations_client.api.text import generate_text
from pollinations_client.models import TextModelName

from .._base_client import RequestOptions
from .._streaming import AsyncStream, Stream, parse_text_delta
from .._validation import (
    SEED_RANGE,
    check_bool,
    check_int,
    check_number,
    check_prompt,
    check_str,
)
from ._shared import AsyncTransport, SyncTransport, checked_params

if TYPE_CHECKING:
    from typing_extensions import Unpack


class TextParams(TypedDict, total=False):
    """The query parameters of GET /text/{prompt}. All optional."""

    #: Default openai; the names of the chat models. Newer names work as strings.
    model: str | TextModelName | None
    #: -1 means random.
    seed: int | None
    #: The system prompt.
    system: str | None
    #: Answer with a JSON string.
    json: bool | None
    #: Any finite number; the server sets no bounds (0 is strict, 2 creative).
    temperature: float | None


_CHECKS: dict[str, Callable[[Any], Any]] = {
    "model": lambda v: v if isinstance(v, TextModelName) else check_str("model", v),
    "seed": lambda v: check_int("seed", v, *SEED_RANGE),
    "system": lambda v: check_str("system", v),
    "json": lambda v: check_bool("json", v),
    # No bounds: the server sets no upper bound on the text temperature.
    "temperature": lambda v: check_number("temperature", v),
}


def text_request(
    prompt: str, params: TextParams, operation: str, *, stream: bool = False
) -> RequestOptions:
    checked = checked_params(params, _CHECKS, operation)
    parts = generate_text.build_request(
        check_prompt(prompt), stream=True if stream else None, **checked
    )
    return RequestOptions(
        method=parts.method,
        path=parts.url,
        params=parts.params,
        operation=operation,
        accept="text/event-stream" if stream else "text/plain, application/json",
    )


def parse_text(response: httpx.Response) -> str:
    return response.text


class Text:
    def __init__(self, client: SyncTransport) -> None:
        self._client = client

    def generate(self, prompt: str, **params: Unpack[TextParams]) -> str:
        """The model's answer to `prompt`, as one string."""
        return self._client._request(text_request(prompt, params, "text.generate"), parse_text)

    def stream(self, prompt: str, **params: Unpack[TextParams]) -> Stream[str]:
        """The answer in pieces as they are generated; iterate, or use in a `with` block."""
        options = text_request(prompt, params, "text.stream", stream=True)
        return self._client._stream(options, parse_text_delta)


class AsyncText:
    def __init__(self, client: AsyncTransport) -> None:
        self._client = client

    async def generate(self, prompt: str, **params: Unpack[TextParams]) -> str:
        """The model's answer to `prompt`, as one string."""
        options = text_request(prompt, params, "text.generate")
        return await self._client._request(options, parse_text)

    async def stream(self, prompt: str, **params: Unpack[TextParams]) -> AsyncStream[str]:
        """The answer in pieces as they are generated; `async for`, or `async with`."""
        options = text_request(prompt, params, "text.stream", stream=True)
        return await self._client._stream(options, parse_text_delta)
