# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING, Literal

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.tool_call_function import ToolCallFunction


class ToolCall(_t.Model):
    """The `ToolCall` object of the pollinations.ai API."""

    __slots__ = ()

    id: _t.Field[str] = _t.Field("id", _t.plain("str"))
    type_: _t.Field[Literal["function"]] = _t.Field("type", _t.const("function"))
    function: _t.Field[ToolCallFunction] = _t.Field("function", _t.model("ToolCallFunction"))
    _CONSTS = {
        "type": "function",
    }
    _REQUIRED = (
        "id",
        "type",
        "function",
    )

    def __init__(
        self,
        *,
        id: str,
        function: ToolCallFunction,
        type_: Literal["function"] = "function",
    ) -> None:
        self._init(
            {
                "id": id,
                "type": type_,
                "function": function,
            }
        )
