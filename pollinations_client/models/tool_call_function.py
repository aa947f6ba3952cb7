# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t


class ToolCallFunction(_t.Model):
    """The `ToolCallFunction` object of the pollinations.ai API."""

    __slots__ = ()

    name: _t.Field[str] = _t.Field("name", _t.plain("str"))
    arguments: _t.Field[str] = _t.Field("arguments", _t.plain("str"))
    _REQUIRED = (
        "name",
        "arguments",
    )

    def __init__(
        self,
        *,
        name: str,
        arguments: str,
    ) -> None:
        self._init(
            {
                "name": name,
                "arguments": arguments,
            }
        )
