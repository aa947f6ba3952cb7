# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.model_pricing import ModelPricing


class ModelInfo(_t.Model):
    """An image, video, text or audio model with its pricing and capabilities."""

    __slots__ = ()

    name: _t.Field[str] = _t.Field("name", _t.plain("str"))
    aliases: _t.Field[list[str]] = _t.Field("aliases", _t.list_of(_t.plain("str")))
    pricing: _t.Field[ModelPricing] = _t.Field(
        "pricing",
        _t.model("ModelPricing"),
        "Price per unit of each meter, and the currency they are in.",
    )
    """Price per unit of each meter, and the currency they are in."""
    description: _t.Field[str | None] = _t.Field("description", _t.plain("str"))
    input_modalities: _t.Field[list[str] | None] = _t.Field(
        "input_modalities", _t.list_of(_t.plain("str"))
    )
    output_modalities: _t.Field[list[str] | None] = _t.Field(
        "output_modalities", _t.list_of(_t.plain("str"))
    )
    tools: _t.Field[bool | None] = _t.Field("tools", _t.plain("bool"))
    reasoning: _t.Field[bool | None] = _t.Field("reasoning", _t.plain("bool"))
    context_window: _t.Field[float | None] = _t.Field("context_window", _t.plain("float"))
    voices: _t.Field[list[str] | None] = _t.Field("voices", _t.list_of(_t.plain("str")))
    is_specialized: _t.Field[bool | None] = _t.Field("is_specialized", _t.plain("bool"))
    paid_only: _t.Field[bool | None] = _t.Field("paid_only", _t.plain("bool"))
    _REQUIRED = (
        "name",
        "aliases",
        "pricing",
    )

    def __init__(
        self,
        *,
        name: str,
        aliases: list[str],
        pricing: ModelPricing,
        description: str | None = None,
        input_modalities: list[str] | None = None,
        output_modalities: list[str] | None = None,
        tools: bool | None = None,
        reasoning: bool | None = None,
        context_window: float | None = None,
        voices: list[str] | None = None,
        is_specialized: bool | None = None,
        paid_only: bool | None = None,
    ) -> None:
        self._init(
            {
                "name": name,
                "aliases": aliases,
                "pricing": pricing,
                "description": description,
                "input_modalities": input_modalities,
                "output_modalities": output_modalities,
                "tools": tools,
                "reasoning": reasoning,
                "context_window": context_window,
                "voices": voices,
                "is_specialized": is_specialized,
                "paid_only": paid_only,
            }
        )
