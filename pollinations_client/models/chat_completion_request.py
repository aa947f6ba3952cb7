# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.assistant_message import AssistantMessage
    from ..models.audio_output_options import AudioOutputOptions
    from ..models.builtin_tool import BuiltinTool
    from ..models.chat_completion_request_modalities_item import ChatCompletionRequestModalitiesItem
    from ..models.chat_completion_request_reasoning_effort import (
        ChatCompletionRequestReasoningEffort,
    )
    from ..models.developer_message import DeveloperMessage
    from ..models.function_call_mode import FunctionCallMode
    from ..models.function_message import FunctionMessage
    from ..models.function_tool import FunctionTool
    from ..models.legacy_function import LegacyFunction
    from ..models.logit_bias import LogitBias
    from ..models.named_function_call import NamedFunctionCall
    from ..models.named_tool_choice import NamedToolChoice
    from ..models.response_format_json_object import ResponseFormatJsonObject
    from ..models.response_format_json_schema import ResponseFormatJsonSchema
    from ..models.response_format_text import ResponseFormatText
    from ..models.stream_options import StreamOptions
    from ..models.system_message import SystemMessage
    from ..models.thinking_options import ThinkingOptions
    from ..models.tool_choice_mode import ToolChoiceMode
    from ..models.tool_message import ToolMessage
    from ..models.user_message import UserMessage


class ChatCompletionRequest(_t.Model):
    """The `ChatCompletionRequest` object of the pollinations.ai API."""

    __slots__ = ()

    messages: _t.Field[
        list[
            AssistantMessage
            | DeveloperMessage
            | FunctionMessage
            | SystemMessage
            | ToolMessage
            | UserMessage
        ]
    ] = _t.Field(
        "messages",
        _t.list_of(
            _t.union(
                _t.model("SystemMessage"),
                _t.model("DeveloperMessage"),
                _t.model("UserMessage"),
                _t.model("AssistantMessage"),
                _t.model("ToolMessage"),
                _t.model("FunctionMessage"),
            )
        ),
    )
    model: _t.Field[str | None] = _t.Field(
        "model",
        _t.plain("str"),
        "AI model for text generation. See /v1/models for full list. Server default: 'openai'.",
    )
    """AI model for text generation. See /v1/models for full list. Server default: 'openai'."""
    modalities: _t.Field[list[ChatCompletionRequestModalitiesItem] | None] = _t.Field(
        "modalities", _t.list_of(_t.enum_of("ChatCompletionRequestModalitiesItem"))
    )
    audio: _t.Field[AudioOutputOptions | None] = _t.Field("audio", _t.model("AudioOutputOptions"))
    frequency_penalty: _t.Field[float | None] = _t.Field(
        "frequency_penalty", _t.union(_t.plain("float"), _t.plain("None")), "Server default: 0.0."
    )
    """Server default: 0.0."""
    repetition_penalty: _t.Field[float | None] = _t.Field(
        "repetition_penalty", _t.union(_t.plain("float"), _t.plain("None"))
    )
    logit_bias: _t.Field[LogitBias | None] = _t.Field(
        "logit_bias", _t.union(_t.model("LogitBias"), _t.plain("None"))
    )
    logprobs: _t.Field[bool | None] = _t.Field(
        "logprobs", _t.union(_t.plain("bool"), _t.plain("None")), "Server default: False."
    )
    """Server default: False."""
    top_logprobs: _t.Field[int | None] = _t.Field(
        "top_logprobs", _t.union(_t.plain("int"), _t.plain("None"))
    )
    max_tokens: _t.Field[int | None] = _t.Field(
        "max_tokens", _t.union(_t.plain("int"), _t.plain("None"))
    )
    presence_penalty: _t.Field[float | None] = _t.Field(
        "presence_penalty", _t.union(_t.plain("float"), _t.plain("None")), "Server default: 0.0."
    )
    """Server default: 0.0."""
    response_format: _t.Field[
        ResponseFormatJsonObject | ResponseFormatJsonSchema | ResponseFormatText | None
    ] = _t.Field(
        "response_format",
        _t.union(
            _t.model("ResponseFormatText"),
            _t.model("ResponseFormatJsonSchema"),
            _t.model("ResponseFormatJsonObject"),
        ),
    )
    seed: _t.Field[int | None] = _t.Field("seed", _t.union(_t.plain("int"), _t.plain("None")))
    stop: _t.Field[list[str] | str | None] = _t.Field(
        "stop", _t.union(_t.plain("str"), _t.plain("None"), _t.list_of(_t.plain("str")))
    )
    stream: _t.Field[bool | None] = _t.Field(
        "stream", _t.union(_t.plain("bool"), _t.plain("None")), "Server default: False."
    )
    """Server default: False."""
    stream_options: _t.Field[StreamOptions | None] = _t.Field(
        "stream_options", _t.union(_t.model("StreamOptions"), _t.plain("None"))
    )
    thinking: _t.Field[ThinkingOptions | None] = _t.Field(
        "thinking", _t.union(_t.model("ThinkingOptions"), _t.plain("None"))
    )
    reasoning_effort: _t.Field[ChatCompletionRequestReasoningEffort | None] = _t.Field(
        "reasoning_effort", _t.enum_of("ChatCompletionRequestReasoningEffort")
    )
    thinking_budget: _t.Field[int | None] = _t.Field("thinking_budget", _t.plain("int"))
    temperature: _t.Field[float | None] = _t.Field(
        "temperature", _t.union(_t.plain("float"), _t.plain("None")), "Server default: 1.0."
    )
    """Server default: 1.0."""
    top_p: _t.Field[float | None] = _t.Field(
        "top_p", _t.union(_t.plain("float"), _t.plain("None")), "Server default: 1.0."
    )
    """Server default: 1.0."""
    tools: _t.Field[list[BuiltinTool | FunctionTool] | None] = _t.Field(
        "tools", _t.list_of(_t.union(_t.model("FunctionTool"), _t.model("BuiltinTool")))
    )
    tool_choice: _t.Field[NamedToolChoice | ToolChoiceMode | None] = _t.Field(
        "tool_choice", _t.union(_t.enum_of("ToolChoiceMode"), _t.model("NamedToolChoice"))
    )
    parallel_tool_calls: _t.Field[bool | None] = _t.Field(
        "parallel_tool_calls", _t.plain("bool"), "Server default: True."
    )
    """Server default: True."""
    user: _t.Field[str | None] = _t.Field("user", _t.plain("str"))
    function_call: _t.Field[FunctionCallMode | NamedFunctionCall | None] = _t.Field(
        "function_call", _t.union(_t.enum_of("FunctionCallMode"), _t.model("NamedFunctionCall"))
    )
    functions: _t.Field[list[LegacyFunction] | None] = _t.Field(
        "functions", _t.list_of(_t.model("LegacyFunction"))
    )
    _REQUIRED = ("messages",)

    def __init__(
        self,
        *,
        messages: list[
            AssistantMessage
            | DeveloperMessage
            | FunctionMessage
            | SystemMessage
            | ToolMessage
            | UserMessage
        ],
        model: str | None = None,
        modalities: list[ChatCompletionRequestModalitiesItem] | None = None,
        audio: AudioOutputOptions | None = None,
        frequency_penalty: float | None = None,
        repetition_penalty: float | None = None,
        logit_bias: LogitBias | None = None,
        logprobs: bool | None = None,
        top_logprobs: int | None = None,
        max_tokens: int | None = None,
        presence_penalty: float | None = None,
        response_format: ResponseFormatJsonObject
        | ResponseFormatJsonSchema
        | ResponseFormatText
        | None = None,
        seed: int | None = None,
        stop: list[str] | str | None = None,
        stream: bool | None = None,
        stream_options: StreamOptions | None = None,
        thinking: ThinkingOptions | None = None,
        reasoning_effort: ChatCompletionRequestReasoningEffort | None = None,
        thinking_budget: int | None = None,
        temperature: float | None = None,
        top_p: float | None = None,
        tools: list[BuiltinTool | FunctionTool] | None = None,
        tool_choice: NamedToolChoice | ToolChoiceMode | None = None,
        parallel_tool_calls: bool | None = None,
        user: str | None = None,
        function_call: FunctionCallMode | NamedFunctionCall | None = None,
        functions: list[LegacyFunction] | None = None,
    ) -> None:
        self._init(
            {
                "messages": messages,
                "model": model,
                "modalities": modalities,
                "audio": audio,
                "frequency_penalty": frequency_penalty,
                "repetition_penalty": repetition_penalty,
                "logit_bias": logit_bias,
                "logprobs": logprobs,
                "top_logprobs": top_logprobs,
                "max_tokens": max_tokens,
                "presence_penalty": presence_penalty,
                "response_format": response_format,
                "seed": seed,
                "stop": stop,
                "stream": stream,
                "stream_options": stream_options,
                "thinking": thinking,
                "reasoning_effort": reasoning_effort,
                "thinking_budget": thinking_budget,
                "temperature": temperature,
                "top_p": top_p,
                "tools": tools,
                "tool_choice": tool_choice,
                "parallel_tool_calls": parallel_tool_calls,
                "user": user,
                "function_call": function_call,
                "functions": functions,
            }
        )
