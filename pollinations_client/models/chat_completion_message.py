# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING, Literal

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.custom_content_block import CustomContentBlock
    from ..models.function_call import FunctionCall
    from ..models.image_url_content_block import ImageUrlContentBlock
    from ..models.message_audio import MessageAudio
    from ..models.redacted_thinking_content_block import RedactedThinkingContentBlock
    from ..models.text_content_block import TextContentBlock
    from ..models.thinking_content_block import ThinkingContentBlock
    from ..models.tool_call import ToolCall


class ChatCompletionMessage(_t.Model):
    """The `ChatCompletionMessage` object of the pollinations.ai API."""

    __slots__ = ()

    role: _t.Field[Literal["assistant"]] = _t.Field("role", _t.const("assistant"))
    content: _t.Field[str | None] = _t.Field("content", _t.union(_t.plain("str"), _t.plain("None")))
    tool_calls: _t.Field[list[ToolCall] | None] = _t.Field(
        "tool_calls", _t.union(_t.list_of(_t.model("ToolCall")), _t.plain("None"))
    )
    function_call: _t.Field[FunctionCall | None] = _t.Field(
        "function_call", _t.union(_t.model("FunctionCall"), _t.plain("None"))
    )
    content_blocks: _t.Field[
        list[
            CustomContentBlock
            | ImageUrlContentBlock
            | RedactedThinkingContentBlock
            | TextContentBlock
            | ThinkingContentBlock
        ]
        | None
    ] = _t.Field(
        "content_blocks",
        _t.union(
            _t.list_of(
                _t.union(
                    _t.model("TextContentBlock"),
                    _t.model("ImageUrlContentBlock"),
                    _t.model("ThinkingContentBlock"),
                    _t.model("RedactedThinkingContentBlock"),
                    _t.model("CustomContentBlock"),
                )
            ),
            _t.plain("None"),
        ),
    )
    audio: _t.Field[MessageAudio | None] = _t.Field(
        "audio", _t.union(_t.model("MessageAudio"), _t.plain("None"))
    )
    reasoning_content: _t.Field[str | None] = _t.Field(
        "reasoning_content", _t.union(_t.plain("str"), _t.plain("None"))
    )
    _CONSTS = {
        "role": "assistant",
    }
    _REQUIRED = ("role",)

    def __init__(
        self,
        *,
        role: Literal["assistant"] = "assistant",
        content: str | None = None,
        tool_calls: list[ToolCall] | None = None,
        function_call: FunctionCall | None = None,
        content_blocks: list[
            CustomContentBlock
            | ImageUrlContentBlock
            | RedactedThinkingContentBlock
            | TextContentBlock
            | ThinkingContentBlock
        ]
        | None = None,
        audio: MessageAudio | None = None,
        reasoning_content: str | None = None,
    ) -> None:
        self._init(
            {
                "role": role,
                "content": content,
                "tool_calls": tool_calls,
                "function_call": function_call,
                "content_blocks": content_blocks,
                "audio": audio,
                "reasoning_content": reasoning_content,
            }
        )
