# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import Literal

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t


class RedactedThinkingContentBlock(_t.Model):
    """The `RedactedThinkingContentBlock` object of the pollinations.ai API."""

    __slots__ = ()

    type_: _t.Field[Literal["redacted_thinking"]] = _t.Field("type", _t.const("redacted_thinking"))
    data: _t.Field[str] = _t.Field("data", _t.plain("str"))
    _CONSTS = {
        "type": "redacted_thinking",
    }
    _REQUIRED = (
        "type",
        "data",
    )

    def __init__(
        self,
        *,
        data: str,
        type_: Literal["redacted_thinking"] = "redacted_thinking",
    ) -> None:
        self._init(
            {
                "type": type_,
                "data": data,
            }
        )
