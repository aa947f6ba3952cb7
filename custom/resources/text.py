"""`client.text`: plain text from a prompt, whole or streamed."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

import httpx

from pollinations_client.params import GENERATE_TEXT, GenerateTextParams

from .._resource import AsyncAPIResource, CallOptions, Endpoint, SyncAPIResource, documented
from .._response import AsyncRawView, RawView, async_raw_method, raw_method
from .._streaming import AsyncStream, Stream, parse_text_delta
from .._types import TextResult
from .._validation import check_prompt

if TYPE_CHECKING:
    from typing_extensions import Unpack


class TextParams(GenerateTextParams, CallOptions, total=False):
    """The keyword arguments of `text.generate` and `text.stream`: the spec's query
    parameters of GET /text/{prompt}, and the per-call options."""


def parse_text(response: httpx.Response) -> TextResult:
    return TextResult(response.text)


_CONVERT = {"prompt": check_prompt}
_GENERATE = Endpoint(
    GENERATE_TEXT, "text.generate", parse_text, accept="text/plain, application/json",
    convert=_CONVERT, params=TextParams,
)  # fmt: skip
_STREAM = Endpoint(
    GENERATE_TEXT, "text.stream", parse_text, accept="text/event-stream",
    convert=_CONVERT, params=TextParams,
)  # fmt: skip


class Text(SyncAPIResource):
    @documented(_GENERATE)
    def generate(self, prompt: str, **params: Unpack[TextParams]) -> TextResult:
        """The model's answer to `prompt`, as one string."""
        return self._call(_GENERATE, params, prompt=prompt)

    @documented(_STREAM)
    def stream(self, prompt: str, **params: Unpack[TextParams]) -> Stream[str]:
        """The answer in pieces as they are generated; iterate, or use in a `with` block."""
        return self._stream(_STREAM, parse_text_delta, params, prompt=prompt, stream=True)

    @cached_property
    def with_raw_response(self) -> TextWithRawResponse:
        return TextWithRawResponse(self)


class AsyncText(AsyncAPIResource):
    @documented(_GENERATE)
    async def generate(self, prompt: str, **params: Unpack[TextParams]) -> TextResult:
        """The model's answer to `prompt`, as one string."""
        return await self._call(_GENERATE, params, prompt=prompt)

    @documented(_STREAM)
    async def stream(self, prompt: str, **params: Unpack[TextParams]) -> AsyncStream[str]:
        """The answer in pieces as they are generated; `async for`, or `async with`."""
        return await self._stream(_STREAM, parse_text_delta, params, prompt=prompt, stream=True)

    @cached_property
    def with_raw_response(self) -> AsyncTextWithRawResponse:
        return AsyncTextWithRawResponse(self)


class TextWithRawResponse(RawView):
    generate = raw_method(Text.generate)
    stream = raw_method(Text.stream)


class AsyncTextWithRawResponse(AsyncRawView):
    generate = async_raw_method(AsyncText.generate)
    stream = async_raw_method(AsyncText.stream)
