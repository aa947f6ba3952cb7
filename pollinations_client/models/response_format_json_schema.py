# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING, Literal

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.json_schema_format import JsonSchemaFormat


class ResponseFormatJsonSchema(_t.Model):
    """The `ResponseFormatJsonSchema` object of the pollinations.ai API."""

    __slots__ = ()

    type_: _t.Field[Literal["json_schema"]] = _t.Field("type", _t.const("json_schema"))
    json_schema: _t.Field[JsonSchemaFormat] = _t.Field("json_schema", _t.model("JsonSchemaFormat"))
    _CONSTS = {
        "type": "json_schema",
    }
    _REQUIRED = (
        "type",
        "json_schema",
    )

    def __init__(
        self,
        *,
        json_schema: JsonSchemaFormat,
        type_: Literal["json_schema"] = "json_schema",
    ) -> None:
        self._init(
            {
                "type": type_,
                "json_schema": json_schema,
            }
        )
