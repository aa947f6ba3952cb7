"""`client.chat.completions`: the OpenAI-compatible chat endpoint."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, overload

import httpx

from pollinations_client.params import CREATE_CHAT_COMPLETION, CreateChatCompletionParams

from .. import _json
from .._resource import AsyncAPIResource, CallOptions, Endpoint, SyncAPIResource, documented
from .._response import AsyncRawView, RawView, async_raw_method, raw_method
from .._streaming import AsyncStream, Stream, parse_chat_chunk
from .._validation import normalise_messages

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from pollinations_client.models import (
        AssistantMessage,
        ChatCompletion,
        ChatCompletionChunk,
        DeveloperMessage,
        FunctionMessage,
        SystemMessage,
        TextModelName,
        ToolMessage,
        UserMessage,
    )

#: A message: a generated message model, or a plain mapping such as
#: {"role": "user", "content": "hi"}.
MessageParam: TypeAlias = (
    "SystemMessage | DeveloperMessage | UserMessage | AssistantMessage | ToolMessage"
    " | FunctionMessage | Mapping[str, Any]"
)


class ChatCompletionParams(CreateChatCompletionParams, CallOptions, total=False):
    """The optional fields of a chat completion request, from the spec (values may be
    generated models or plain JSON values; None, or leaving a field out, lets the server
    choose), and the per-call options."""


def parse_chat_completion(response: httpx.Response) -> ChatCompletion:
    from pollinations_client.models import ChatCompletion

    return ChatCompletion.from_dict(_json.response_json(response))


_CREATE = Endpoint(
    CREATE_CHAT_COMPLETION,
    "chat.completions.create",
    parse_chat_completion,
    secret_key_only=True,
    convert={"messages": normalise_messages},
    params=ChatCompletionParams,
)
_STREAM = Endpoint(
    CREATE_CHAT_COMPLETION,
    "chat.completions.create",
    parse_chat_completion,
    accept="text/event-stream",
    secret_key_only=True,
    convert=_CREATE.convert,
    params=ChatCompletionParams,
)


class Completions(SyncAPIResource):
    @overload
    def create(
        self,
        *,
        messages: Sequence[MessageParam],
        model: str | TextModelName | None = None,
        stream: Literal[False] | None = None,
        **params: Unpack[ChatCompletionParams],
    ) -> ChatCompletion: ...

    @overload
    def create(
        self,
        *,
        messages: Sequence[MessageParam],
        model: str | TextModelName | None = None,
        stream: Literal[True],
        **params: Unpack[ChatCompletionParams],
    ) -> Stream[ChatCompletionChunk]: ...

    @documented(_CREATE)
    def create(
        self,
        *,
        messages: Sequence[MessageParam],
        model: str | TextModelName | None = None,
        stream: bool | None = None,
        **params: Unpack[ChatCompletionParams],
    ) -> ChatCompletion | Stream[ChatCompletionChunk]:
        """Answer a conversation; with `stream=True`, an iterator of chunks."""
        if stream:
            return self._stream(
                _STREAM, parse_chat_chunk, params, messages=messages, model=model, stream=True
            )
        return self._call(_CREATE, params, messages=messages, model=model)

    @cached_property
    def with_raw_response(self) -> CompletionsWithRawResponse:
        return CompletionsWithRawResponse(self)


class AsyncCompletions(AsyncAPIResource):
    @overload
    async def create(
        self,
        *,
        messages: Sequence[MessageParam],
        model: str | TextModelName | None = None,
        stream: Literal[False] | None = None,
        **params: Unpack[ChatCompletionParams],
    ) -> ChatCompletion: ...

    @overload
    async def create(
        self,
        *,
        messages: Sequence[MessageParam],
        model: str | TextModelName | None = None,
        stream: Literal[True],
        **params: Unpack[ChatCompletionParams],
    ) -> AsyncStream[ChatCompletionChunk]: ...

    @documented(_CREATE)
    async def create(
        self,
        *,
        messages: Sequence[MessageParam],
        model: str | TextModelName | None = None,
        stream: bool | None = None,
        **params: Unpack[ChatCompletionParams],
    ) -> ChatCompletion | AsyncStream[ChatCompletionChunk]:
        """Answer a conversation; with `stream=True`, an async iterator of chunks."""
        if stream:
            return await self._stream(
                _STREAM, parse_chat_chunk, params, messages=messages, model=model, stream=True
            )
        return await self._call(_CREATE, params, messages=messages, model=model)

    @cached_property
    def with_raw_response(self) -> AsyncCompletionsWithRawResponse:
        return AsyncCompletionsWithRawResponse(self)


class Chat:
    def __init__(self, client: Any) -> None:
        self.completions = Completions(client)

    @cached_property
    def with_raw_response(self) -> ChatWithRawResponse:
        return ChatWithRawResponse(self)


class AsyncChat:
    def __init__(self, client: Any) -> None:
        self.completions = AsyncCompletions(client)

    @cached_property
    def with_raw_response(self) -> AsyncChatWithRawResponse:
        return AsyncChatWithRawResponse(self)


class CompletionsWithRawResponse(RawView):
    create = raw_method(Completions.create)


class AsyncCompletionsWithRawResponse(AsyncRawView):
    create = async_raw_method(AsyncCompletions.create)


class ChatWithRawResponse:
    def __init__(self, chat: Chat) -> None:
        self.completions = CompletionsWithRawResponse(chat.completions)


class AsyncChatWithRawResponse:
    def __init__(self, chat: AsyncChat) -> None:
        self.completions = AsyncCompletionsWithRawResponse(chat.completions)
