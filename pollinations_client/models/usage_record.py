from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UsageRecord")


@_attrs_define
class UsageRecord:
    timestamp: str
    """ Request timestamp (YYYY-MM-DD HH:mm:ss format) """
    type_: str
    """ Request type (e.g., 'generate.image', 'generate.text') """
    model: str | None
    """ Model used for generation """
    api_key: str | None
    """ API key identifier used (masked) """
    api_key_type: str | None
    """ Type of API key ('secret', 'publishable') """
    meter_source: str | None
    """ Billing source ('tier', 'pack', 'crypto') """
    input_text_tokens: float
    """ Number of input text tokens """
    input_cached_tokens: float
    """ Number of cached input tokens """
    input_audio_tokens: float
    """ Number of input audio tokens """
    input_image_tokens: float
    """ Number of input image tokens """
    output_text_tokens: float
    """ Number of output text tokens """
    output_reasoning_tokens: float
    """ Number of reasoning tokens (for models with chain-of-thought) """
    output_audio_tokens: float
    """ Number of output audio tokens """
    output_image_tokens: float
    """ Number of output image tokens (1 per image) """
    cost_usd: float
    """ Cost in USD for this request """
    response_time_ms: float | None
    """ Response time in milliseconds """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        timestamp = self.timestamp

        type_ = self.type_

        model: str | None
        model = self.model

        api_key: str | None
        api_key = self.api_key

        api_key_type: str | None
        api_key_type = self.api_key_type

        meter_source: str | None
        meter_source = self.meter_source

        input_text_tokens = self.input_text_tokens

        input_cached_tokens = self.input_cached_tokens

        input_audio_tokens = self.input_audio_tokens

        input_image_tokens = self.input_image_tokens

        output_text_tokens = self.output_text_tokens

        output_reasoning_tokens = self.output_reasoning_tokens

        output_audio_tokens = self.output_audio_tokens

        output_image_tokens = self.output_image_tokens

        cost_usd = self.cost_usd

        response_time_ms: float | None
        response_time_ms = self.response_time_ms

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "timestamp": timestamp,
                "type": type_,
                "model": model,
                "api_key": api_key,
                "api_key_type": api_key_type,
                "meter_source": meter_source,
                "input_text_tokens": input_text_tokens,
                "input_cached_tokens": input_cached_tokens,
                "input_audio_tokens": input_audio_tokens,
                "input_image_tokens": input_image_tokens,
                "output_text_tokens": output_text_tokens,
                "output_reasoning_tokens": output_reasoning_tokens,
                "output_audio_tokens": output_audio_tokens,
                "output_image_tokens": output_image_tokens,
                "cost_usd": cost_usd,
                "response_time_ms": response_time_ms,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        timestamp = d.pop("timestamp")

        type_ = d.pop("type")

        model = d.pop("model")

        api_key = d.pop("api_key")

        api_key_type = d.pop("api_key_type")

        meter_source = d.pop("meter_source")

        input_text_tokens = d.pop("input_text_tokens")

        input_cached_tokens = d.pop("input_cached_tokens")

        input_audio_tokens = d.pop("input_audio_tokens")

        input_image_tokens = d.pop("input_image_tokens")

        output_text_tokens = d.pop("output_text_tokens")

        output_reasoning_tokens = d.pop("output_reasoning_tokens")

        output_audio_tokens = d.pop("output_audio_tokens")

        output_image_tokens = d.pop("output_image_tokens")

        cost_usd = d.pop("cost_usd")

        response_time_ms = d.pop("response_time_ms")

        usage_record = cls(
            timestamp=timestamp,
            type_=type_,
            model=model,
            api_key=api_key,
            api_key_type=api_key_type,
            meter_source=meter_source,
            input_text_tokens=input_text_tokens,
            input_cached_tokens=input_cached_tokens,
            input_audio_tokens=input_audio_tokens,
            input_image_tokens=input_image_tokens,
            output_text_tokens=output_text_tokens,
            output_reasoning_tokens=output_reasoning_tokens,
            output_audio_tokens=output_audio_tokens,
            output_image_tokens=output_image_tokens,
            cost_usd=cost_usd,
            response_time_ms=response_time_ms,
        )

        usage_record.additional_properties = d
        return usage_record

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
