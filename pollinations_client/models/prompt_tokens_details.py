# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t


class PromptTokensDetails(_t.Model):
    """The `PromptTokensDetails` object of the pollinations.ai API."""

    __slots__ = ()

    audio_tokens: _t.Field[int | None] = _t.Field("audio_tokens", _t.plain("int"))
    cached_tokens: _t.Field[int | None] = _t.Field("cached_tokens", _t.plain("int"))

    def __init__(
        self,
        *,
        audio_tokens: int | None = None,
        cached_tokens: int | None = None,
    ) -> None:
        self._init(
            {
                "audio_tokens": audio_tokens,
                "cached_tokens": cached_tokens,
            }
        )
