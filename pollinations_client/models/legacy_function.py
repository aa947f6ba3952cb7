# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.legacy_function_parameters import LegacyFunctionParameters


class LegacyFunction(_t.Model):
    """The `LegacyFunction` object of the pollinations.ai API."""

    __slots__ = ()

    name: _t.Field[str] = _t.Field("name", _t.plain("str"))
    description: _t.Field[str | None] = _t.Field("description", _t.plain("str"))
    parameters: _t.Field[LegacyFunctionParameters | None] = _t.Field(
        "parameters", _t.model("LegacyFunctionParameters")
    )
    _REQUIRED = ("name",)

    def __init__(
        self,
        *,
        name: str,
        description: str | None = None,
        parameters: LegacyFunctionParameters | None = None,
    ) -> None:
        self._init(
            {
                "name": name,
                "description": description,
                "parameters": parameters,
            }
        )
