# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import Literal

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t


class Model(_t.Model):
    """OpenAI-compatible model object"""

    __slots__ = ()

    id: _t.Field[str] = _t.Field("id", _t.plain("str"))
    object_: _t.Field[Literal["model"]] = _t.Field("object", _t.const("model"))
    created: _t.Field[float] = _t.Field("created", _t.plain("float"))
    _CONSTS = {
        "object": "model",
    }
    _REQUIRED = (
        "id",
        "object",
        "created",
    )

    def __init__(
        self,
        *,
        id: str,
        created: float,
        object_: Literal["model"] = "model",
    ) -> None:
        self._init(
            {
                "id": id,
                "object": object_,
                "created": created,
            }
        )
