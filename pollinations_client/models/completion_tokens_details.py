# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t


class CompletionTokensDetails(_t.Model):
    """The `CompletionTokensDetails` object of the pollinations.ai API."""

    __slots__ = ()

    accepted_prediction_tokens: _t.Field[int | None] = _t.Field(
        "accepted_prediction_tokens", _t.plain("int")
    )
    audio_tokens: _t.Field[int | None] = _t.Field("audio_tokens", _t.plain("int"))
    reasoning_tokens: _t.Field[int | None] = _t.Field("reasoning_tokens", _t.plain("int"))
    rejected_prediction_tokens: _t.Field[int | None] = _t.Field(
        "rejected_prediction_tokens", _t.plain("int")
    )

    def __init__(
        self,
        *,
        accepted_prediction_tokens: int | None = None,
        audio_tokens: int | None = None,
        reasoning_tokens: int | None = None,
        rejected_prediction_tokens: int | None = None,
    ) -> None:
        self._init(
            {
                "accepted_prediction_tokens": accepted_prediction_tokens,
                "audio_tokens": audio_tokens,
                "reasoning_tokens": reasoning_tokens,
                "rejected_prediction_tokens": rejected_prediction_tokens,
            }
        )
