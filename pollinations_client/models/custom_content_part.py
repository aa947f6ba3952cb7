# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import Any

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t


class CustomContentPart(_t.MappingModel):
    """The `CustomContentPart` object of the pollinations.ai API."""

    __slots__ = ()

    type_: _t.Field[str] = _t.Field("type", _t.plain("str"))
    _REQUIRED = ("type",)

    def __init__(
        self,
        *,
        type_: str,
        **additional_properties: Any,
    ) -> None:
        self._init(
            {
                "type": type_,
            },
            additional_properties,
        )
