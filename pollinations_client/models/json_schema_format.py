# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.json_schema_format_schema import JsonSchemaFormatSchema


class JsonSchemaFormat(_t.Model):
    """The `JsonSchemaFormat` object of the pollinations.ai API."""

    __slots__ = ()

    schema: _t.Field[JsonSchemaFormatSchema] = _t.Field(
        "schema", _t.model("JsonSchemaFormatSchema")
    )
    description: _t.Field[str | None] = _t.Field("description", _t.plain("str"))
    name: _t.Field[str | None] = _t.Field("name", _t.plain("str"))
    strict: _t.Field[bool | None] = _t.Field(
        "strict", _t.union(_t.plain("bool"), _t.plain("None")), "Server default: False."
    )
    """Server default: False."""
    _REQUIRED = ("schema",)

    def __init__(
        self,
        *,
        schema: JsonSchemaFormatSchema,
        description: str | None = None,
        name: str | None = None,
        strict: bool | None = None,
    ) -> None:
        self._init(
            {
                "schema": schema,
                "description": description,
                "name": name,
                "strict": strict,
            }
        )
