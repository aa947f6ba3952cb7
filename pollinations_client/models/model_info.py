from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_pricing import ModelPricing


T = TypeVar("T", bound="ModelInfo")


@functools.cache
def _lazy_imports() -> tuple[type[ModelPricing],]:
    """The models this one refers to, imported on first use rather than on every call.

    They cannot be imported at the top: they may import this module in turn.
    """
    from ..models.model_pricing import ModelPricing

    return (ModelPricing,)


@_attrs_define
class ModelInfo:
    """An image, video, text or audio model with its pricing and capabilities."""

    name: str
    aliases: list[str]
    pricing: ModelPricing
    """ Price per unit of each meter, and the currency they are in. """
    description: str | Unset = UNSET
    input_modalities: list[str] | Unset = UNSET
    output_modalities: list[str] | Unset = UNSET
    tools: bool | Unset = UNSET
    reasoning: bool | Unset = UNSET
    context_window: float | Unset = UNSET
    voices: list[str] | Unset = UNSET
    is_specialized: bool | Unset = UNSET
    paid_only: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        (ModelPricing,) = _lazy_imports()
        name = self.name

        aliases = self.aliases

        pricing = self.pricing.to_dict()

        description = self.description

        input_modalities: list[str] | Unset = UNSET
        if not isinstance(self.input_modalities, Unset):
            input_modalities = self.input_modalities

        output_modalities: list[str] | Unset = UNSET
        if not isinstance(self.output_modalities, Unset):
            output_modalities = self.output_modalities

        tools = self.tools

        reasoning = self.reasoning

        context_window = self.context_window

        voices: list[str] | Unset = UNSET
        if not isinstance(self.voices, Unset):
            voices = self.voices

        is_specialized = self.is_specialized

        paid_only = self.paid_only

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "aliases": aliases,
                "pricing": pricing,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if input_modalities is not UNSET:
            field_dict["input_modalities"] = input_modalities
        if output_modalities is not UNSET:
            field_dict["output_modalities"] = output_modalities
        if tools is not UNSET:
            field_dict["tools"] = tools
        if reasoning is not UNSET:
            field_dict["reasoning"] = reasoning
        if context_window is not UNSET:
            field_dict["context_window"] = context_window
        if voices is not UNSET:
            field_dict["voices"] = voices
        if is_specialized is not UNSET:
            field_dict["is_specialized"] = is_specialized
        if paid_only is not UNSET:
            field_dict["paid_only"] = paid_only

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (ModelPricing,) = _lazy_imports()
        d = dict(src_dict)
        name = d.pop("name")

        aliases = d.pop("aliases")

        pricing = ModelPricing.from_dict(d.pop("pricing"))

        description = d.pop("description", UNSET)

        input_modalities = d.pop("input_modalities", UNSET)

        output_modalities = d.pop("output_modalities", UNSET)

        tools = d.pop("tools", UNSET)

        reasoning = d.pop("reasoning", UNSET)

        context_window = d.pop("context_window", UNSET)

        voices = d.pop("voices", UNSET)

        is_specialized = d.pop("is_specialized", UNSET)

        paid_only = d.pop("paid_only", UNSET)

        model_info = cls(
            name=name,
            aliases=aliases,
            pricing=pricing,
            description=description,
            input_modalities=input_modalities,
            output_modalities=output_modalities,
            tools=tools,
            reasoning=reasoning,
            context_window=context_window,
            voices=voices,
            is_specialized=is_specialized,
            paid_only=paid_only,
        )

        model_info.additional_properties = d
        return model_info

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
