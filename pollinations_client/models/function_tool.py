# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING, Literal

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.function_definition import FunctionDefinition


class FunctionTool(_t.Model):
    """The `FunctionTool` object of the pollinations.ai API."""

    __slots__ = ()

    type_: _t.Field[Literal["function"]] = _t.Field("type", _t.const("function"))
    function: _t.Field[FunctionDefinition] = _t.Field("function", _t.model("FunctionDefinition"))
    _CONSTS = {
        "type": "function",
    }
    _REQUIRED = (
        "type",
        "function",
    )

    def __init__(
        self,
        *,
        function: FunctionDefinition,
        type_: Literal["function"] = "function",
    ) -> None:
        self._init(
            {
                "type": type_,
                "function": function,
            }
        )
