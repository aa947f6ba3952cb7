# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import Literal

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t


class ThinkingContentBlock(_t.Model):
    """The `ThinkingContentBlock` object of the pollinations.ai API."""

    __slots__ = ()

    type_: _t.Field[Literal["thinking"]] = _t.Field("type", _t.const("thinking"))
    thinking: _t.Field[str] = _t.Field("thinking", _t.plain("str"))
    _CONSTS = {
        "type": "thinking",
    }
    _REQUIRED = (
        "type",
        "thinking",
    )

    def __init__(
        self,
        *,
        thinking: str,
        type_: Literal["thinking"] = "thinking",
    ) -> None:
        self._init(
            {
                "type": type_,
                "thinking": thinking,
            }
        )
