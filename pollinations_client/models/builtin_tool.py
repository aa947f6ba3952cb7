# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.builtin_tool_type import BuiltinToolType


class BuiltinTool(_t.Model):
    """The `BuiltinTool` object of the pollinations.ai API."""

    __slots__ = ()

    type_: _t.Field[BuiltinToolType] = _t.Field("type", _t.enum_of("BuiltinToolType"))
    _REQUIRED = ("type",)

    def __init__(
        self,
        *,
        type_: BuiltinToolType,
    ) -> None:
        self._init(
            {
                "type": type_,
            }
        )
