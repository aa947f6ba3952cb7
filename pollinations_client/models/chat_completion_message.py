from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.custom_content_block import CustomContentBlock
    from ..models.function_call import FunctionCall
    from ..models.image_url_content_block import ImageUrlContentBlock
    from ..models.message_audio import MessageAudio
    from ..models.redacted_thinking_content_block import RedactedThinkingContentBlock
    from ..models.text_content_block import TextContentBlock
    from ..models.thinking_content_block import ThinkingContentBlock
    from ..models.tool_call import ToolCall


T = TypeVar("T", bound="ChatCompletionMessage")


@functools.cache
def _lazy_imports() -> tuple[
    type[CustomContentBlock],
    type[FunctionCall],
    type[ImageUrlContentBlock],
    type[MessageAudio],
    type[RedactedThinkingContentBlock],
    type[TextContentBlock],
    type[ThinkingContentBlock],
    type[ToolCall],
]:
    """The models this one refers to, imported on first use rather than on every call.

    They cannot be imported at the top: they may import this module in turn.
    """
    from ..models.custom_content_block import CustomContentBlock
    from ..models.function_call import FunctionCall
    from ..models.image_url_content_block import ImageUrlContentBlock
    from ..models.message_audio import MessageAudio
    from ..models.redacted_thinking_content_block import RedactedThinkingContentBlock
    from ..models.text_content_block import TextContentBlock
    from ..models.thinking_content_block import ThinkingContentBlock
    from ..models.tool_call import ToolCall

    return (
        CustomContentBlock,
        FunctionCall,
        ImageUrlContentBlock,
        MessageAudio,
        RedactedThinkingContentBlock,
        TextContentBlock,
        ThinkingContentBlock,
        ToolCall,
    )


@_attrs_define
class ChatCompletionMessage:
    role: Literal["assistant"]
    content: str | Unset | None = UNSET
    tool_calls: list[ToolCall] | Unset | None = UNSET
    function_call: FunctionCall | Unset | None = UNSET
    content_blocks: (
        list[
            CustomContentBlock
            | ImageUrlContentBlock
            | RedactedThinkingContentBlock
            | TextContentBlock
            | ThinkingContentBlock
        ]
        | Unset
        | None
    ) = UNSET
    audio: MessageAudio | Unset | None = UNSET
    reasoning_content: str | Unset | None = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        (
            CustomContentBlock,
            FunctionCall,
            ImageUrlContentBlock,
            MessageAudio,
            RedactedThinkingContentBlock,
            TextContentBlock,
            ThinkingContentBlock,
            ToolCall,
        ) = _lazy_imports()
        role = self.role

        content: str | Unset | None
        if isinstance(self.content, Unset):
            content = UNSET
        else:
            content = self.content

        tool_calls: list[dict[str, Any]] | Unset | None
        if isinstance(self.tool_calls, Unset):
            tool_calls = UNSET
        elif isinstance(self.tool_calls, list):
            tool_calls = []
            for tool_calls_type_0_item_data in self.tool_calls:
                tool_calls_type_0_item = tool_calls_type_0_item_data.to_dict()
                tool_calls.append(tool_calls_type_0_item)

        else:
            tool_calls = self.tool_calls

        function_call: dict[str, Any] | Unset | None
        if isinstance(self.function_call, Unset):
            function_call = UNSET
        elif isinstance(self.function_call, FunctionCall):
            function_call = self.function_call.to_dict()
        else:
            function_call = self.function_call

        content_blocks: list[dict[str, Any]] | Unset | None
        if isinstance(self.content_blocks, Unset):
            content_blocks = UNSET
        elif isinstance(self.content_blocks, list):
            content_blocks = []
            for content_blocks_type_0_item_data in self.content_blocks:
                content_blocks_type_0_item: dict[str, Any]
                if (
                    isinstance(content_blocks_type_0_item_data, TextContentBlock)
                    or isinstance(content_blocks_type_0_item_data, ImageUrlContentBlock)
                    or isinstance(content_blocks_type_0_item_data, ThinkingContentBlock)
                    or isinstance(content_blocks_type_0_item_data, RedactedThinkingContentBlock)
                ):
                    content_blocks_type_0_item = content_blocks_type_0_item_data.to_dict()
                else:
                    content_blocks_type_0_item = content_blocks_type_0_item_data.to_dict()

                content_blocks.append(content_blocks_type_0_item)

        else:
            content_blocks = self.content_blocks

        audio: dict[str, Any] | Unset | None
        if isinstance(self.audio, Unset):
            audio = UNSET
        elif isinstance(self.audio, MessageAudio):
            audio = self.audio.to_dict()
        else:
            audio = self.audio

        reasoning_content: str | Unset | None
        if isinstance(self.reasoning_content, Unset):
            reasoning_content = UNSET
        else:
            reasoning_content = self.reasoning_content

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "role": role,
            }
        )
        if content is not UNSET:
            field_dict["content"] = content
        if tool_calls is not UNSET:
            field_dict["tool_calls"] = tool_calls
        if function_call is not UNSET:
            field_dict["function_call"] = function_call
        if content_blocks is not UNSET:
            field_dict["content_blocks"] = content_blocks
        if audio is not UNSET:
            field_dict["audio"] = audio
        if reasoning_content is not UNSET:
            field_dict["reasoning_content"] = reasoning_content

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (
            CustomContentBlock,
            FunctionCall,
            ImageUrlContentBlock,
            MessageAudio,
            RedactedThinkingContentBlock,
            TextContentBlock,
            ThinkingContentBlock,
            ToolCall,
        ) = _lazy_imports()
        d = dict(src_dict)
        role = cast(Literal["assistant"], d.pop("role"))
        if role != "assistant":
            raise ValueError(f"role must match const 'assistant', got '{role}'")

        content = d.pop("content", UNSET)

        tool_calls = d.pop("tool_calls", UNSET)
        if tool_calls is not None and not isinstance(tool_calls, Unset):

            def _parse_tool_calls(data: object) -> list[ToolCall] | Unset | None:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    tool_calls_type_0 = []
                    _tool_calls_type_0 = data
                    for tool_calls_type_0_item_data in _tool_calls_type_0:
                        tool_calls_type_0_item = ToolCall.from_dict(tool_calls_type_0_item_data)

                        tool_calls_type_0.append(tool_calls_type_0_item)

                    return tool_calls_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[ToolCall] | None | Unset, data)

            tool_calls = _parse_tool_calls(tool_calls)

        function_call = d.pop("function_call", UNSET)
        if function_call is not None and not isinstance(function_call, Unset):

            def _parse_function_call(data: object) -> FunctionCall | Unset | None:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    function_call_type_0 = FunctionCall.from_dict(data)

                    return function_call_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(FunctionCall | None | Unset, data)

            function_call = _parse_function_call(function_call)

        content_blocks = d.pop("content_blocks", UNSET)
        if content_blocks is not None and not isinstance(content_blocks, Unset):

            def _parse_content_blocks(
                data: object,
            ) -> (
                list[
                    CustomContentBlock
                    | ImageUrlContentBlock
                    | RedactedThinkingContentBlock
                    | TextContentBlock
                    | ThinkingContentBlock
                ]
                | Unset
                | None
            ):
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    content_blocks_type_0 = []
                    _content_blocks_type_0 = data
                    for content_blocks_type_0_item_data in _content_blocks_type_0:
                        content_blocks_type_0_item = content_blocks_type_0_item_data

                        def _parse_content_blocks_type_0_item(
                            data: object,
                        ) -> (
                            CustomContentBlock
                            | ImageUrlContentBlock
                            | RedactedThinkingContentBlock
                            | TextContentBlock
                            | ThinkingContentBlock
                        ):
                            try:
                                if not isinstance(data, dict):
                                    raise TypeError()
                                content_blocks_type_0_item_type_0 = TextContentBlock.from_dict(data)

                                return content_blocks_type_0_item_type_0
                            except (TypeError, ValueError, AttributeError, KeyError):
                                pass
                            try:
                                if not isinstance(data, dict):
                                    raise TypeError()
                                content_blocks_type_0_item_type_1 = ImageUrlContentBlock.from_dict(
                                    data
                                )

                                return content_blocks_type_0_item_type_1
                            except (TypeError, ValueError, AttributeError, KeyError):
                                pass
                            try:
                                if not isinstance(data, dict):
                                    raise TypeError()
                                content_blocks_type_0_item_type_2 = ThinkingContentBlock.from_dict(
                                    data
                                )

                                return content_blocks_type_0_item_type_2
                            except (TypeError, ValueError, AttributeError, KeyError):
                                pass
                            try:
                                if not isinstance(data, dict):
                                    raise TypeError()
                                content_blocks_type_0_item_type_3 = (
                                    RedactedThinkingContentBlock.from_dict(data)
                                )

                                return content_blocks_type_0_item_type_3
                            except (TypeError, ValueError, AttributeError, KeyError):
                                pass
                            if not isinstance(data, dict):
                                raise TypeError()
                            content_blocks_type_0_item_type_4 = CustomContentBlock.from_dict(data)

                            return content_blocks_type_0_item_type_4

                        content_blocks_type_0_item = _parse_content_blocks_type_0_item(
                            content_blocks_type_0_item
                        )

                        content_blocks_type_0.append(content_blocks_type_0_item)

                    return content_blocks_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(
                    list[
                        CustomContentBlock
                        | ImageUrlContentBlock
                        | RedactedThinkingContentBlock
                        | TextContentBlock
                        | ThinkingContentBlock
                    ]
                    | None
                    | Unset,
                    data,
                )

            content_blocks = _parse_content_blocks(content_blocks)

        audio = d.pop("audio", UNSET)
        if audio is not None and not isinstance(audio, Unset):

            def _parse_audio(data: object) -> MessageAudio | Unset | None:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    audio_type_0 = MessageAudio.from_dict(data)

                    return audio_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(MessageAudio | None | Unset, data)

            audio = _parse_audio(audio)

        reasoning_content = d.pop("reasoning_content", UNSET)

        chat_completion_message = cls(
            role=role,
            content=content,
            tool_calls=tool_calls,
            function_call=function_call,
            content_blocks=content_blocks,
            audio=audio,
            reasoning_content=reasoning_content,
        )

        chat_completion_message.additional_properties = d
        return chat_completion_message

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
