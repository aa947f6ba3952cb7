# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import Literal

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t


class FunctionMessage(_t.Model):
    """The `FunctionMessage` object of the pollinations.ai API."""

    __slots__ = ()

    role: _t.Field[Literal["function"]] = _t.Field("role", _t.const("function"))
    content: _t.Field[str | None] = _t.Field("content", _t.union(_t.plain("str"), _t.plain("None")))
    name: _t.Field[str] = _t.Field("name", _t.plain("str"))
    _CONSTS = {
        "role": "function",
    }
    _REQUIRED = (
        "role",
        "content",
        "name",
    )

    def __init__(
        self,
        *,
        content: str | None,
        name: str,
        role: Literal["function"] = "function",
    ) -> None:
        self._init(
            {
                "role": role,
                "content": content,
                "name": name,
            }
        )
