# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t


class ToolCallFunctionDelta(_t.Model):
    """The `ToolCallFunctionDelta` object of the pollinations.ai API."""

    __slots__ = ()

    name: _t.Field[str | None] = _t.Field("name", _t.plain("str"))
    arguments: _t.Field[str | None] = _t.Field("arguments", _t.plain("str"))

    def __init__(
        self,
        *,
        name: str | None = None,
        arguments: str | None = None,
    ) -> None:
        self._init(
            {
                "name": name,
                "arguments": arguments,
            }
        )
