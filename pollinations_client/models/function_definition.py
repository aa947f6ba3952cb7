# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.function_definition_parameters import FunctionDefinitionParameters


class FunctionDefinition(_t.Model):
    """The `FunctionDefinition` object of the pollinations.ai API."""

    __slots__ = ()

    name: _t.Field[str] = _t.Field("name", _t.plain("str"))
    description: _t.Field[str | None] = _t.Field("description", _t.plain("str"))
    parameters: _t.Field[FunctionDefinitionParameters | None] = _t.Field(
        "parameters", _t.model("FunctionDefinitionParameters")
    )
    strict: _t.Field[bool | None] = _t.Field(
        "strict", _t.union(_t.plain("bool"), _t.plain("None")), "Server default: False."
    )
    """Server default: False."""
    _REQUIRED = ("name",)

    def __init__(
        self,
        *,
        name: str,
        description: str | None = None,
        parameters: FunctionDefinitionParameters | None = None,
        strict: bool | None = None,
    ) -> None:
        self._init(
            {
                "name": name,
                "description": description,
                "parameters": parameters,
                "strict": strict,
            }
        )
