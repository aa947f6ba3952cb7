# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import Literal

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t


class ResponseFormatJsonObject(_t.Model):
    """The `ResponseFormatJsonObject` object of the pollinations.ai API."""

    __slots__ = ()

    type_: _t.Field[Literal["json_object"]] = _t.Field("type", _t.const("json_object"))
    _CONSTS = {
        "type": "json_object",
    }
    _REQUIRED = ("type",)

    def __init__(
        self,
        *,
        type_: Literal["json_object"] = "json_object",
    ) -> None:
        self._init(
            {
                "type": type_,
            }
        )
