# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.thinking_options_type import ThinkingOptionsType


class ThinkingOptions(_t.Model):
    """The `ThinkingOptions` object of the pollinations.ai API."""

    __slots__ = ()

    type_: _t.Field[ThinkingOptionsType | None] = _t.Field(
        "type", _t.enum_of("ThinkingOptionsType"), "Server default: ThinkingOptionsType.DISABLED."
    )
    """Server default: ThinkingOptionsType.DISABLED."""
    budget_tokens: _t.Field[int | None] = _t.Field("budget_tokens", _t.plain("int"))

    def __init__(
        self,
        *,
        type_: ThinkingOptionsType | None = None,
        budget_tokens: int | None = None,
    ) -> None:
        self._init(
            {
                "type": type_,
                "budget_tokens": budget_tokens,
            }
        )
