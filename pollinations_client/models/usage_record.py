# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t


class UsageRecord(_t.Model):
    """The `UsageRecord` object of the pollinations.ai API."""

    __slots__ = ()

    timestamp: _t.Field[str] = _t.Field(
        "timestamp", _t.plain("str"), "Request timestamp (YYYY-MM-DD HH:mm:ss format)"
    )
    """Request timestamp (YYYY-MM-DD HH:mm:ss format)"""
    type_: _t.Field[str] = _t.Field(
        "type", _t.plain("str"), "Request type (e.g., 'generate.image', 'generate.text')"
    )
    """Request type (e.g., 'generate.image', 'generate.text')"""
    model: _t.Field[str | None] = _t.Field(
        "model", _t.union(_t.plain("str"), _t.plain("None")), "Model used for generation"
    )
    """Model used for generation"""
    api_key: _t.Field[str | None] = _t.Field(
        "api_key", _t.union(_t.plain("str"), _t.plain("None")), "API key identifier used (masked)"
    )
    """API key identifier used (masked)"""
    api_key_type: _t.Field[str | None] = _t.Field(
        "api_key_type",
        _t.union(_t.plain("str"), _t.plain("None")),
        "Type of API key ('secret', 'publishable')",
    )
    """Type of API key ('secret', 'publishable')"""
    meter_source: _t.Field[str | None] = _t.Field(
        "meter_source",
        _t.union(_t.plain("str"), _t.plain("None")),
        "Billing source ('tier', 'pack', 'crypto')",
    )
    """Billing source ('tier', 'pack', 'crypto')"""
    input_text_tokens: _t.Field[float] = _t.Field(
        "input_text_tokens", _t.plain("float"), "Number of input text tokens"
    )
    """Number of input text tokens"""
    input_cached_tokens: _t.Field[float] = _t.Field(
        "input_cached_tokens", _t.plain("float"), "Number of cached input tokens"
    )
    """Number of cached input tokens"""
    input_audio_tokens: _t.Field[float] = _t.Field(
        "input_audio_tokens", _t.plain("float"), "Number of input audio tokens"
    )
    """Number of input audio tokens"""
    input_image_tokens: _t.Field[float] = _t.Field(
        "input_image_tokens", _t.plain("float"), "Number of input image tokens"
    )
    """Number of input image tokens"""
    output_text_tokens: _t.Field[float] = _t.Field(
        "output_text_tokens", _t.plain("float"), "Number of output text tokens"
    )
    """Number of output text tokens"""
    output_reasoning_tokens: _t.Field[float] = _t.Field(
        "output_reasoning_tokens",
        _t.plain("float"),
        "Number of reasoning tokens (for models with chain-of-thought)",
    )
    """Number of reasoning tokens (for models with chain-of-thought)"""
    output_audio_tokens: _t.Field[float] = _t.Field(
        "output_audio_tokens", _t.plain("float"), "Number of output audio tokens"
    )
    """Number of output audio tokens"""
    output_image_tokens: _t.Field[float] = _t.Field(
        "output_image_tokens", _t.plain("float"), "Number of output image tokens (1 per image)"
    )
    """Number of output image tokens (1 per image)"""
    cost_usd: _t.Field[float] = _t.Field(
        "cost_usd", _t.plain("float"), "Cost in USD for this request"
    )
    """Cost in USD for this request"""
    response_time_ms: _t.Field[float | None] = _t.Field(
        "response_time_ms",
        _t.union(_t.plain("float"), _t.plain("None")),
        "Response time in milliseconds",
    )
    """Response time in milliseconds"""
    _REQUIRED = (
        "timestamp",
        "type",
        "model",
        "api_key",
        "api_key_type",
        "meter_source",
        "input_text_tokens",
        "input_cached_tokens",
        "input_audio_tokens",
        "input_image_tokens",
        "output_text_tokens",
        "output_reasoning_tokens",
        "output_audio_tokens",
        "output_image_tokens",
        "cost_usd",
        "response_time_ms",
    )

    def __init__(
        self,
        *,
        timestamp: str,
        type_: str,
        model: str | None,
        api_key: str | None,
        api_key_type: str | None,
        meter_source: str | None,
        input_text_tokens: float,
        input_cached_tokens: float,
        input_audio_tokens: float,
        input_image_tokens: float,
        output_text_tokens: float,
        output_reasoning_tokens: float,
        output_audio_tokens: float,
        output_image_tokens: float,
        cost_usd: float,
        response_time_ms: float | None,
    ) -> None:
        self._init(
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
