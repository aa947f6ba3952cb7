# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.tool_call_function_delta import ToolCallFunctionDelta


class ToolCallDelta(_t.Model):
    """The `ToolCallDelta` object of the pollinations.ai API."""

    __slots__ = ()

    index: _t.Field[int] = _t.Field("index", _t.plain("int"))
    id: _t.Field[str | None] = _t.Field("id", _t.plain("str"))
    type_: _t.Field[str | None] = _t.Field("type", _t.plain("str"))
    function: _t.Field[ToolCallFunctionDelta | None] = _t.Field(
        "function", _t.model("ToolCallFunctionDelta")
    )
    _REQUIRED = ("index",)

    def __init__(
        self,
        *,
        index: int,
        id: str | None = None,
        type_: str | None = None,
        function: ToolCallFunctionDelta | None = None,
    ) -> None:
        self._init(
            {
                "index": index,
                "id": id,
                "type": type_,
                "function": function,
            }
        )
