# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING, Literal

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.model import Model


class ModelList(_t.Model):
    """OpenAI-compatible list of available models."""

    __slots__ = ()

    object_: _t.Field[Literal["list"]] = _t.Field("object", _t.const("list"))
    data: _t.Field[list[Model]] = _t.Field("data", _t.list_of(_t.model("Model")))
    _CONSTS = {
        "object": "list",
    }
    _REQUIRED = (
        "object",
        "data",
    )

    def __init__(
        self,
        *,
        data: list[Model],
        object_: Literal["list"] = "list",
    ) -> None:
        self._init(
            {
                "object": object_,
                "data": data,
            }
        )
