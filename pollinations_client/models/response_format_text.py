# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import Literal

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t


class ResponseFormatText(_t.Model):
    """The `ResponseFormatText` object of the pollinations.ai API."""

    __slots__ = ()

    type_: _t.Field[Literal["text"]] = _t.Field("type", _t.const("text"))
    _CONSTS = {
        "type": "text",
    }
    _REQUIRED = ("type",)

    def __init__(
        self,
        *,
        type_: Literal["text"] = "text",
    ) -> None:
        self._init(
            {
                "type": type_,
            }
        )
