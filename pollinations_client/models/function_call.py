# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t


class FunctionCall(_t.Model):
    """The `FunctionCall` object of the pollinations.ai API."""

    __slots__ = ()

    arguments: _t.Field[str] = _t.Field("arguments", _t.plain("str"))
    name: _t.Field[str] = _t.Field("name", _t.plain("str"))
    _REQUIRED = (
        "arguments",
        "name",
    )

    def __init__(
        self,
        *,
        arguments: str,
        name: str,
    ) -> None:
        self._init(
            {
                "arguments": arguments,
                "name": name,
            }
        )
