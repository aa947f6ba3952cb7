from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_completion_request_modalities_item import ChatCompletionRequestModalitiesItem
from ..models.chat_completion_request_reasoning_effort import ChatCompletionRequestReasoningEffort
from ..models.function_call_mode import FunctionCallMode
from ..models.tool_choice_mode import ToolChoiceMode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.assistant_message import AssistantMessage
    from ..models.audio_output_options import AudioOutputOptions
    from ..models.builtin_tool import BuiltinTool
    from ..models.developer_message import DeveloperMessage
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
    from ..models.tool_message import ToolMessage
    from ..models.user_message import UserMessage


T = TypeVar("T", bound="ChatCompletionRequest")


@functools.cache
def _lazy_imports() -> tuple[
    type[AssistantMessage],
    type[AudioOutputOptions],
    type[BuiltinTool],
    type[DeveloperMessage],
    type[FunctionMessage],
    type[FunctionTool],
    type[LegacyFunction],
    type[LogitBias],
    type[NamedFunctionCall],
    type[NamedToolChoice],
    type[ResponseFormatJsonObject],
    type[ResponseFormatJsonSchema],
    type[ResponseFormatText],
    type[StreamOptions],
    type[SystemMessage],
    type[ThinkingOptions],
    type[ToolMessage],
    type[UserMessage],
]:
    """The models this one refers to, imported on first use rather than on every call.

    They cannot be imported at the top: they may import this module in turn.
    """
    from ..models.assistant_message import AssistantMessage
    from ..models.audio_output_options import AudioOutputOptions
    from ..models.builtin_tool import BuiltinTool
    from ..models.developer_message import DeveloperMessage
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
    from ..models.tool_message import ToolMessage
    from ..models.user_message import UserMessage

    return (
        AssistantMessage,
        AudioOutputOptions,
        BuiltinTool,
        DeveloperMessage,
        FunctionMessage,
        FunctionTool,
        LegacyFunction,
        LogitBias,
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


@_attrs_define
class ChatCompletionRequest:
    messages: list[
        AssistantMessage
        | DeveloperMessage
        | FunctionMessage
        | SystemMessage
        | ToolMessage
        | UserMessage
    ]
    model: str | Unset = UNSET
    """ AI model for text generation. See /v1/models for full list. Server default: 'openai'. """
    modalities: list[ChatCompletionRequestModalitiesItem] | Unset = UNSET
    audio: AudioOutputOptions | Unset = UNSET
    frequency_penalty: float | Unset | None = UNSET
    """ Server default: 0.0. """
    repetition_penalty: float | Unset | None = UNSET
    logit_bias: LogitBias | Unset | None = UNSET
    logprobs: bool | Unset | None = UNSET
    """ Server default: False. """
    top_logprobs: int | Unset | None = UNSET
    max_tokens: int | Unset | None = UNSET
    presence_penalty: float | Unset | None = UNSET
    """ Server default: 0.0. """
    response_format: (
        ResponseFormatJsonObject | ResponseFormatJsonSchema | ResponseFormatText | Unset
    ) = UNSET
    seed: int | Unset | None = UNSET
    stop: list[str] | str | Unset | None = UNSET
    stream: bool | Unset | None = UNSET
    """ Server default: False. """
    stream_options: StreamOptions | Unset | None = UNSET
    thinking: ThinkingOptions | Unset | None = UNSET
    reasoning_effort: ChatCompletionRequestReasoningEffort | Unset = UNSET
    thinking_budget: int | Unset = UNSET
    temperature: float | Unset | None = UNSET
    """ Server default: 1.0. """
    top_p: float | Unset | None = UNSET
    """ Server default: 1.0. """
    tools: list[BuiltinTool | FunctionTool] | Unset = UNSET
    tool_choice: NamedToolChoice | ToolChoiceMode | Unset = UNSET
    parallel_tool_calls: bool | Unset = UNSET
    """ Server default: True. """
    user: str | Unset = UNSET
    function_call: FunctionCallMode | NamedFunctionCall | Unset = UNSET
    functions: list[LegacyFunction] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        (
            AssistantMessage,
            AudioOutputOptions,
            BuiltinTool,
            DeveloperMessage,
            FunctionMessage,
            FunctionTool,
            LegacyFunction,
            LogitBias,
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
        ) = _lazy_imports()
        messages = []
        for messages_item_data in self.messages:
            messages_item: dict[str, Any]
            if (
                isinstance(messages_item_data, SystemMessage)
                or isinstance(messages_item_data, DeveloperMessage)
                or isinstance(messages_item_data, UserMessage)
                or isinstance(messages_item_data, AssistantMessage)
                or isinstance(messages_item_data, ToolMessage)
            ):
                messages_item = messages_item_data.to_dict()
            else:
                messages_item = messages_item_data.to_dict()

            messages.append(messages_item)

        model = self.model

        modalities: list[str] | Unset = UNSET
        if not isinstance(self.modalities, Unset):
            modalities = []
            for modalities_item_data in self.modalities:
                modalities_item = modalities_item_data.value
                modalities.append(modalities_item)

        audio: dict[str, Any] | Unset = UNSET
        if not isinstance(self.audio, Unset):
            audio = self.audio.to_dict()

        frequency_penalty: float | Unset | None
        if isinstance(self.frequency_penalty, Unset):
            frequency_penalty = UNSET
        else:
            frequency_penalty = self.frequency_penalty

        repetition_penalty: float | Unset | None
        if isinstance(self.repetition_penalty, Unset):
            repetition_penalty = UNSET
        else:
            repetition_penalty = self.repetition_penalty

        logit_bias: dict[str, Any] | Unset | None
        if isinstance(self.logit_bias, Unset):
            logit_bias = UNSET
        elif isinstance(self.logit_bias, LogitBias):
            logit_bias = self.logit_bias.to_dict()
        else:
            logit_bias = self.logit_bias

        logprobs: bool | Unset | None
        if isinstance(self.logprobs, Unset):
            logprobs = UNSET
        else:
            logprobs = self.logprobs

        top_logprobs: int | Unset | None
        if isinstance(self.top_logprobs, Unset):
            top_logprobs = UNSET
        else:
            top_logprobs = self.top_logprobs

        max_tokens: int | Unset | None
        if isinstance(self.max_tokens, Unset):
            max_tokens = UNSET
        else:
            max_tokens = self.max_tokens

        presence_penalty: float | Unset | None
        if isinstance(self.presence_penalty, Unset):
            presence_penalty = UNSET
        else:
            presence_penalty = self.presence_penalty

        response_format: dict[str, Any] | Unset
        if isinstance(self.response_format, Unset):
            response_format = UNSET
        elif isinstance(self.response_format, ResponseFormatText) or isinstance(
            self.response_format, ResponseFormatJsonSchema
        ):
            response_format = self.response_format.to_dict()
        else:
            response_format = self.response_format.to_dict()

        seed: int | Unset | None
        if isinstance(self.seed, Unset):
            seed = UNSET
        else:
            seed = self.seed

        stop: list[str] | str | Unset | None
        if isinstance(self.stop, Unset):
            stop = UNSET
        elif isinstance(self.stop, list):
            stop = self.stop

        else:
            stop = self.stop

        stream: bool | Unset | None
        if isinstance(self.stream, Unset):
            stream = UNSET
        else:
            stream = self.stream

        stream_options: dict[str, Any] | Unset | None
        if isinstance(self.stream_options, Unset):
            stream_options = UNSET
        elif isinstance(self.stream_options, StreamOptions):
            stream_options = self.stream_options.to_dict()
        else:
            stream_options = self.stream_options

        thinking: dict[str, Any] | Unset | None
        if isinstance(self.thinking, Unset):
            thinking = UNSET
        elif isinstance(self.thinking, ThinkingOptions):
            thinking = self.thinking.to_dict()
        else:
            thinking = self.thinking

        reasoning_effort: str | Unset = UNSET
        if not isinstance(self.reasoning_effort, Unset):
            reasoning_effort = self.reasoning_effort.value

        thinking_budget = self.thinking_budget

        temperature: float | Unset | None
        if isinstance(self.temperature, Unset):
            temperature = UNSET
        else:
            temperature = self.temperature

        top_p: float | Unset | None
        if isinstance(self.top_p, Unset):
            top_p = UNSET
        else:
            top_p = self.top_p

        tools: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tools, Unset):
            tools = []
            for tools_item_data in self.tools:
                tools_item: dict[str, Any]
                if isinstance(tools_item_data, FunctionTool):
                    tools_item = tools_item_data.to_dict()
                else:
                    tools_item = tools_item_data.to_dict()

                tools.append(tools_item)

        tool_choice: dict[str, Any] | str | Unset
        if isinstance(self.tool_choice, Unset):
            tool_choice = UNSET
        elif isinstance(self.tool_choice, ToolChoiceMode):
            tool_choice = self.tool_choice.value
        else:
            tool_choice = self.tool_choice.to_dict()

        parallel_tool_calls = self.parallel_tool_calls

        user = self.user

        function_call: dict[str, Any] | str | Unset
        if isinstance(self.function_call, Unset):
            function_call = UNSET
        elif isinstance(self.function_call, FunctionCallMode):
            function_call = self.function_call.value
        else:
            function_call = self.function_call.to_dict()

        functions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.functions, Unset):
            functions = []
            for functions_item_data in self.functions:
                functions_item = functions_item_data.to_dict()
                functions.append(functions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "messages": messages,
            }
        )
        if model is not UNSET:
            field_dict["model"] = model
        if modalities is not UNSET:
            field_dict["modalities"] = modalities
        if audio is not UNSET:
            field_dict["audio"] = audio
        if frequency_penalty is not UNSET:
            field_dict["frequency_penalty"] = frequency_penalty
        if repetition_penalty is not UNSET:
            field_dict["repetition_penalty"] = repetition_penalty
        if logit_bias is not UNSET:
            field_dict["logit_bias"] = logit_bias
        if logprobs is not UNSET:
            field_dict["logprobs"] = logprobs
        if top_logprobs is not UNSET:
            field_dict["top_logprobs"] = top_logprobs
        if max_tokens is not UNSET:
            field_dict["max_tokens"] = max_tokens
        if presence_penalty is not UNSET:
            field_dict["presence_penalty"] = presence_penalty
        if response_format is not UNSET:
            field_dict["response_format"] = response_format
        if seed is not UNSET:
            field_dict["seed"] = seed
        if stop is not UNSET:
            field_dict["stop"] = stop
        if stream is not UNSET:
            field_dict["stream"] = stream
        if stream_options is not UNSET:
            field_dict["stream_options"] = stream_options
        if thinking is not UNSET:
            field_dict["thinking"] = thinking
        if reasoning_effort is not UNSET:
            field_dict["reasoning_effort"] = reasoning_effort
        if thinking_budget is not UNSET:
            field_dict["thinking_budget"] = thinking_budget
        if temperature is not UNSET:
            field_dict["temperature"] = temperature
        if top_p is not UNSET:
            field_dict["top_p"] = top_p
        if tools is not UNSET:
            field_dict["tools"] = tools
        if tool_choice is not UNSET:
            field_dict["tool_choice"] = tool_choice
        if parallel_tool_calls is not UNSET:
            field_dict["parallel_tool_calls"] = parallel_tool_calls
        if user is not UNSET:
            field_dict["user"] = user
        if function_call is not UNSET:
            field_dict["function_call"] = function_call
        if functions is not UNSET:
            field_dict["functions"] = functions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (
            AssistantMessage,
            AudioOutputOptions,
            BuiltinTool,
            DeveloperMessage,
            FunctionMessage,
            FunctionTool,
            LegacyFunction,
            LogitBias,
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
        ) = _lazy_imports()
        d = dict(src_dict)
        messages = []
        _messages = d.pop("messages")
        for messages_item_data in _messages:
            messages_item = messages_item_data

            def _parse_messages_item(
                data: object,
            ) -> (
                AssistantMessage
                | DeveloperMessage
                | FunctionMessage
                | SystemMessage
                | ToolMessage
                | UserMessage
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    messages_item_type_0 = SystemMessage.from_dict(data)

                    return messages_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    messages_item_type_1 = DeveloperMessage.from_dict(data)

                    return messages_item_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    messages_item_type_2 = UserMessage.from_dict(data)

                    return messages_item_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    messages_item_type_3 = AssistantMessage.from_dict(data)

                    return messages_item_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    messages_item_type_4 = ToolMessage.from_dict(data)

                    return messages_item_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                messages_item_type_5 = FunctionMessage.from_dict(data)

                return messages_item_type_5

            messages_item = _parse_messages_item(messages_item)

            messages.append(messages_item)

        model = d.pop("model", UNSET)

        _modalities = d.pop("modalities", UNSET)
        modalities: list[ChatCompletionRequestModalitiesItem] | Unset = UNSET
        if _modalities is not UNSET:
            modalities = []
            for modalities_item_data in _modalities:
                modalities_item = ChatCompletionRequestModalitiesItem(modalities_item_data)

                modalities.append(modalities_item)

        _audio = d.pop("audio", UNSET)
        audio: AudioOutputOptions | Unset
        if isinstance(_audio, Unset):
            audio = UNSET
        else:
            audio = AudioOutputOptions.from_dict(_audio)

        frequency_penalty = d.pop("frequency_penalty", UNSET)

        repetition_penalty = d.pop("repetition_penalty", UNSET)

        logit_bias = d.pop("logit_bias", UNSET)
        if logit_bias is not None and not isinstance(logit_bias, Unset):

            def _parse_logit_bias(data: object) -> LogitBias | Unset | None:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    logit_bias_type_0 = LogitBias.from_dict(data)

                    return logit_bias_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(LogitBias | None | Unset, data)

            logit_bias = _parse_logit_bias(logit_bias)

        logprobs = d.pop("logprobs", UNSET)

        top_logprobs = d.pop("top_logprobs", UNSET)

        max_tokens = d.pop("max_tokens", UNSET)

        presence_penalty = d.pop("presence_penalty", UNSET)

        response_format = d.pop("response_format", UNSET)
        if not isinstance(response_format, Unset):

            def _parse_response_format(
                data: object,
            ) -> ResponseFormatJsonObject | ResponseFormatJsonSchema | ResponseFormatText | Unset:
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    response_format_type_0 = ResponseFormatText.from_dict(data)

                    return response_format_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    response_format_type_1 = ResponseFormatJsonSchema.from_dict(data)

                    return response_format_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                response_format_type_2 = ResponseFormatJsonObject.from_dict(data)

                return response_format_type_2

            response_format = _parse_response_format(response_format)

        seed = d.pop("seed", UNSET)

        stop = d.pop("stop", UNSET)
        if stop is not None and not isinstance(stop, Unset):

            def _parse_stop(data: object) -> list[str] | str | Unset | None:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    stop_type_1 = data

                    return stop_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[str] | None | str | Unset, data)

            stop = _parse_stop(stop)

        stream = d.pop("stream", UNSET)

        stream_options = d.pop("stream_options", UNSET)
        if stream_options is not None and not isinstance(stream_options, Unset):

            def _parse_stream_options(data: object) -> StreamOptions | Unset | None:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    stream_options_type_0 = StreamOptions.from_dict(data)

                    return stream_options_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(None | StreamOptions | Unset, data)

            stream_options = _parse_stream_options(stream_options)

        thinking = d.pop("thinking", UNSET)
        if thinking is not None and not isinstance(thinking, Unset):

            def _parse_thinking(data: object) -> ThinkingOptions | Unset | None:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    thinking_type_0 = ThinkingOptions.from_dict(data)

                    return thinking_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(None | ThinkingOptions | Unset, data)

            thinking = _parse_thinking(thinking)

        _reasoning_effort = d.pop("reasoning_effort", UNSET)
        reasoning_effort: ChatCompletionRequestReasoningEffort | Unset
        if isinstance(_reasoning_effort, Unset):
            reasoning_effort = UNSET
        else:
            reasoning_effort = ChatCompletionRequestReasoningEffort(_reasoning_effort)

        thinking_budget = d.pop("thinking_budget", UNSET)

        temperature = d.pop("temperature", UNSET)

        top_p = d.pop("top_p", UNSET)

        _tools = d.pop("tools", UNSET)
        tools: list[BuiltinTool | FunctionTool] | Unset = UNSET
        if _tools is not UNSET:
            tools = []
            for tools_item_data in _tools:
                tools_item = tools_item_data

                def _parse_tools_item(data: object) -> BuiltinTool | FunctionTool:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        tools_item_type_0 = FunctionTool.from_dict(data)

                        return tools_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    tools_item_type_1 = BuiltinTool.from_dict(data)

                    return tools_item_type_1

                tools_item = _parse_tools_item(tools_item)

                tools.append(tools_item)

        tool_choice = d.pop("tool_choice", UNSET)
        if not isinstance(tool_choice, Unset):

            def _parse_tool_choice(data: object) -> NamedToolChoice | ToolChoiceMode | Unset:
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    tool_choice_type_0 = ToolChoiceMode(data)

                    return tool_choice_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                tool_choice_type_1 = NamedToolChoice.from_dict(data)

                return tool_choice_type_1

            tool_choice = _parse_tool_choice(tool_choice)

        parallel_tool_calls = d.pop("parallel_tool_calls", UNSET)

        user = d.pop("user", UNSET)

        function_call = d.pop("function_call", UNSET)
        if not isinstance(function_call, Unset):

            def _parse_function_call(data: object) -> FunctionCallMode | NamedFunctionCall | Unset:
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    function_call_type_0 = FunctionCallMode(data)

                    return function_call_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                function_call_type_1 = NamedFunctionCall.from_dict(data)

                return function_call_type_1

            function_call = _parse_function_call(function_call)

        _functions = d.pop("functions", UNSET)
        functions: list[LegacyFunction] | Unset = UNSET
        if _functions is not UNSET:
            functions = []
            for functions_item_data in _functions:
                functions_item = LegacyFunction.from_dict(functions_item_data)

                functions.append(functions_item)

        chat_completion_request = cls(
            messages=messages,
            model=model,
            modalities=modalities,
            audio=audio,
            frequency_penalty=frequency_penalty,
            repetition_penalty=repetition_penalty,
            logit_bias=logit_bias,
            logprobs=logprobs,
            top_logprobs=top_logprobs,
            max_tokens=max_tokens,
            presence_penalty=presence_penalty,
            response_format=response_format,
            seed=seed,
            stop=stop,
            stream=stream,
            stream_options=stream_options,
            thinking=thinking,
            reasoning_effort=reasoning_effort,
            thinking_budget=thinking_budget,
            temperature=temperature,
            top_p=top_p,
            tools=tools,
            tool_choice=tool_choice,
            parallel_tool_calls=parallel_tool_calls,
            user=user,
            function_call=function_call,
            functions=functions,
        )

        chat_completion_request.additional_properties = d
        return chat_completion_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
