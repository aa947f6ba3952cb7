# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING, Literal

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.cache_control import CacheControl
    from ..models.custom_content_part import CustomContentPart
    from ..models.file_content_part import FileContentPart
    from ..models.function_call import FunctionCall
    from ..models.image_url_content_part import ImageUrlContentPart
    from ..models.input_audio_content_part import InputAudioContentPart
    from ..models.text_content_part import TextContentPart
    from ..models.tool_call import ToolCall
    from ..models.video_url_content_part import VideoUrlContentPart


class AssistantMessage(_t.Model):
    """The `AssistantMessage` object of the pollinations.ai API."""

    __slots__ = ()

    role: _t.Field[Literal["assistant"]] = _t.Field("role", _t.const("assistant"))
    content: _t.Field[
        list[
            CustomContentPart
            | FileContentPart
            | ImageUrlContentPart
            | InputAudioContentPart
            | TextContentPart
            | VideoUrlContentPart
        ]
        | str
        | None
    ] = _t.Field(
        "content",
        _t.union(
            _t.plain("str"),
            _t.list_of(
                _t.union(
                    _t.model("TextContentPart"),
                    _t.model("ImageUrlContentPart"),
                    _t.model("VideoUrlContentPart"),
                    _t.model("InputAudioContentPart"),
                    _t.model("FileContentPart"),
                    _t.model("CustomContentPart"),
                )
            ),
            _t.plain("None"),
        ),
    )
    name: _t.Field[str | None] = _t.Field("name", _t.plain("str"))
    tool_calls: _t.Field[list[ToolCall] | None] = _t.Field(
        "tool_calls", _t.list_of(_t.model("ToolCall"))
    )
    function_call: _t.Field[FunctionCall | None] = _t.Field(
        "function_call", _t.union(_t.model("FunctionCall"), _t.plain("None"))
    )
    cache_control: _t.Field[CacheControl | None] = _t.Field(
        "cache_control", _t.model("CacheControl")
    )
    _CONSTS = {
        "role": "assistant",
    }
    _REQUIRED = ("role",)

    def __init__(
        self,
        *,
        role: Literal["assistant"] = "assistant",
        content: list[
            CustomContentPart
            | FileContentPart
            | ImageUrlContentPart
            | InputAudioContentPart
            | TextContentPart
            | VideoUrlContentPart
        ]
        | str
        | None = None,
        name: str | None = None,
        tool_calls: list[ToolCall] | None = None,
        function_call: FunctionCall | None = None,
        cache_control: CacheControl | None = None,
    ) -> None:
        self._init(
            {
                "role": role,
                "content": content,
                "name": name,
                "tool_calls": tool_calls,
                "function_call": function_call,
                "cache_control": cache_control,
            }
        )
