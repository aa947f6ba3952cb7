# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING, Literal

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.cache_control import CacheControl


class TextContentBlock(_t.Model):
    """The `TextContentBlock` object of the pollinations.ai API."""

    __slots__ = ()

    type_: _t.Field[Literal["text"]] = _t.Field("type", _t.const("text"))
    text: _t.Field[str] = _t.Field("text", _t.plain("str"))
    cache_control: _t.Field[CacheControl | None] = _t.Field(
        "cache_control", _t.model("CacheControl")
    )
    _CONSTS = {
        "type": "text",
    }
    _REQUIRED = (
        "type",
        "text",
    )

    def __init__(
        self,
        *,
        text: str,
        type_: Literal["text"] = "text",
        cache_control: CacheControl | None = None,
    ) -> None:
        self._init(
            {
                "type": type_,
                "text": text,
                "cache_control": cache_control,
            }
        )
