# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING, Literal

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.cache_control import CacheControl
    from ..models.input_audio import InputAudio


class InputAudioContentPart(_t.Model):
    """The `InputAudioContentPart` object of the pollinations.ai API."""

    __slots__ = ()

    type_: _t.Field[Literal["input_audio"]] = _t.Field("type", _t.const("input_audio"))
    input_audio: _t.Field[InputAudio] = _t.Field("input_audio", _t.model("InputAudio"))
    cache_control: _t.Field[CacheControl | None] = _t.Field(
        "cache_control", _t.model("CacheControl")
    )
    _CONSTS = {
        "type": "input_audio",
    }
    _REQUIRED = (
        "type",
        "input_audio",
    )

    def __init__(
        self,
        *,
        input_audio: InputAudio,
        type_: Literal["input_audio"] = "input_audio",
        cache_control: CacheControl | None = None,
    ) -> None:
        self._init(
            {
                "type": type_,
                "input_audio": input_audio,
                "cache_control": cache_control,
            }
        )
