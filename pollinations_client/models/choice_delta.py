# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING, Any

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.tool_call_delta import ToolCallDelta


class ChoiceDelta(_t.Model):
    """The `ChoiceDelta` object of the pollinations.ai API."""

    __slots__ = ()

    role: _t.Field[str | None] = _t.Field("role", _t.plain("str"))
    content: _t.Field[str | None] = _t.Field("content", _t.union(_t.plain("str"), _t.plain("None")))
    reasoning_content: _t.Field[str | None] = _t.Field(
        "reasoning_content", _t.union(_t.plain("str"), _t.plain("None"))
    )
    tool_calls: _t.Field[list[ToolCallDelta] | None] = _t.Field(
        "tool_calls", _t.union(_t.list_of(_t.model("ToolCallDelta")), _t.plain("None"))
    )
    content_blocks: _t.Field[list[Any] | None] = _t.Field(
        "content_blocks",
        _t.union(_t.list_of(_t.plain("Any")), _t.plain("None")),
        "Pieces of the answer's content blocks (text, image_url, thinking), as the gateway passes them on.",
    )
    """Pieces of the answer's content blocks (text, image_url, thinking), as the gateway passes
    them on."""

    def __init__(
        self,
        *,
        role: str | None = None,
        content: str | None = None,
        reasoning_content: str | None = None,
        tool_calls: list[ToolCallDelta] | None = None,
        content_blocks: list[Any] | None = None,
    ) -> None:
        self._init(
            {
                "role": role,
                "content": content,
                "reasoning_content": reasoning_content,
                "tool_calls": tool_calls,
                "content_blocks": content_blocks,
            }
        )
