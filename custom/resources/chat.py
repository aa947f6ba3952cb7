"""`client.chat.completions`: the OpenAI-compatible chat endpoint."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, TypedDict, overload

import httpx

from pollinations_client.models import TextModelName

from .. import _json
from .._base_client import RequestOptions
from .._streaming import AsyncStream, Stream, parse_chat_chunk
from .._validation import (
    PENALTY_RANGE,
    REPETITION_PENALTY_RANGE,
    SEED_RANGE,
    TEMPERATURE_RANGE,
    TOKEN_COUNT_RANGE,
    TOP_LOGPROBS_RANGE,
    TOP_P_RANGE,
    check_bool,
    check_int,
    check_number,
    check_str,
    encode_json_body,
    normalise_messages,
)
from ._shared import AsyncTransport, SyncTransport, jsonable, reject_unknown

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from pollinations_client.models import (
        AssistantMessage,
        AudioOutputOptions,
        BuiltinTool,
        ChatCompletion,
        ChatCompletionChunk,
        DeveloperMessage,
        FunctionMessage,
        FunctionTool,
        LegacyFunction,
        NamedFunctionCall,
        NamedToolChoice,
        ResponseFormatJsonObject,
        ResponseFormatJsonSchema,
        ResponseFormatText,
        StreamOptions,
        SystemMessage,
        ThinkingOptions,
        ToolMessage,
        UserMessage,
    )

#: A message: a generated message model, or a plain mapping such as
#: {"role": "user", "content": "hi"}.
MessageParam: TypeAlias = (
    "SystemMessage | DeveloperMessage | UserMessage | AssistantMessage | ToolMessage"
    " | FunctionMessage | Mapping[str, Any]"
)

JSONObject = Mapping[str, Any]


class ChatCompletionParams(TypedDict, total=False):
    """The optional fields of a chat completion request. Values may be generated models
    or plain JSON values; None (or leaving a field out) lets the server choose."""

    audio: AudioOutputOptions | JSONObject | None
    frequency_penalty: float | None
    presence_penalty: float | None
    repetition_penalty: float | None
    logit_bias: Mapping[str, int] | None
    logprobs: bool | None
    top_logprobs: int | None
    max_tokens: int | None
    modalities: Sequence[Literal["text", "audio"]] | None
    parallel_tool_calls: bool | None
    reasoning_effort: Literal["none", "minimal", "low", "medium", "high", "xhigh"] | None
    response_format: (
        ResponseFormatText | ResponseFormatJsonObject | ResponseFormatJsonSchema | JSONObject | None
    )
    seed: int | None
    stop: str | Sequence[str] | None
    stream_options: StreamOptions | JSONObject | None
    temperature: float | None
    thinking: ThinkingOptions | JSONObject | None
    thinking_budget: int | None
    tool_choice: Literal["none", "auto", "required"] | NamedToolChoice | JSONObject | None
    tools: Sequence[FunctionTool | BuiltinTool | JSONObject] | None
    top_p: float | None
    user: str | None
    function_call: Literal["none", "auto"] | NamedFunctionCall | JSONObject | None
    functions: Sequence[LegacyFunction | JSONObject] | None
    #: Extra fields merged into the JSON body as they are, for fields this client
    #: does not know yet.
    extra_body: JSONObject | None


def _range(name: str, bounds: tuple[float, float]) -> Callable[[Any], Any]:
    return lambda v: check_number(name, v, *bounds)


_CHECKS: dict[str, Callable[[Any], Any]] = {
    "frequency_penalty": _range("frequency_penalty", PENALTY_RANGE),
    "presence_penalty": _range("presence_penalty", PENALTY_RANGE),
    "repetition_penalty": _range("repetition_penalty", REPETITION_PENALTY_RANGE),
    "temperature": _range("temperature", TEMPERATURE_RANGE),
    "top_p": _range("top_p", TOP_P_RANGE),
    "seed": lambda v: check_int("seed", v, *SEED_RANGE),
    "top_logprobs": lambda v: check_int("top_logprobs", v, *TOP_LOGPROBS_RANGE),
    "max_tokens": lambda v: check_int("max_tokens", v, *TOKEN_COUNT_RANGE),
    "thinking_budget": lambda v: check_int("thinking_budget", v, *TOKEN_COUNT_RANGE),
    "logprobs": lambda v: check_bool("logprobs", v),
    "parallel_tool_calls": lambda v: check_bool("parallel_tool_calls", v),
    "user": lambda v: check_str("user", v),
}
_KNOWN = frozenset(ChatCompletionParams.__annotations__)


def chat_request(
    messages: Sequence[MessageParam],
    model: str | TextModelName | None,
    stream: bool,
    params: Mapping[str, Any],
) -> RequestOptions:
    """Validate, then lay out the JSON body of POST /v1/chat/completions."""
    reject_unknown(params, _KNOWN, "chat.completions.create")
    body: dict[str, Any] = {"messages": normalise_messages(messages)}
    if model is not None:
        body["model"] = (
            model.value if isinstance(model, TextModelName) else check_str("model", model)
        )
    for name, value in params.items():
        if value is None or name == "extra_body":
            continue
        check = _CHECKS.get(name)
        body[name] = check(value) if check else jsonable(value)
    if stream:
        body["stream"] = True
    extra = params.get("extra_body")
    if extra:
        body.update(jsonable(extra))
    return RequestOptions(
        method="POST",
        path="/v1/chat/completions",
        operation="chat.completions.create",
        content=encode_json_body(body),
        secret_key_only=True,
        accept="text/event-stream" if stream else "application/json",
    )


def parse_chat_completion(response: httpx.Response) -> ChatCompletion:
    from pollinations_client.models import ChatCompletion

    return ChatCompletion.from_dict(_json.response_json(response))


class Completions:
    def __init__(self, client: SyncTransport) -> None:
        self._client = client

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

    def create(
        self,
        *,
        messages: Sequence[MessageParam],
        model: str | TextModelName | None = None,
        stream: bool | None = None,
        **params: Unpack[ChatCompletionParams],
    ) -> ChatCompletion | Stream[ChatCompletionChunk]:
        """Answer a conversation; with `stream=True`, an iterator of chunks."""
        options = chat_request(messages, model, bool(stream), params)
        if stream:
            return self._client._stream(options, parse_chat_chunk)
        return self._client._request(options, parse_chat_completion)


class AsyncCompletions:
    def __init__(self, client: AsyncTransport) -> None:
        self._client = client

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

    async def create(
        self,
        *,
        messages: Sequence[MessageParam],
        model: str | TextModelName | None = None,
        stream: bool | None = None,
        **params: Unpack[ChatCompletionParams],
    ) -> ChatCompletion | AsyncStream[ChatCompletionChunk]:
        """Answer a conversation; with `stream=True`, an async iterator of chunks."""
        options = chat_request(messages, model, bool(stream), params)
        if stream:
            return await self._client._stream(options, parse_chat_chunk)
        return await self._client._request(options, parse_chat_completion)


class Chat:
    def __init__(self, client: SyncTransport) -> None:
        self.completions = Completions(client)


class AsyncChat:
    def __init__(self, client: AsyncTransport) -> None:
        self.completions = AsyncCompletions(client)
