# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.input_audio_format import InputAudioFormat


class InputAudio(_t.Model):
    """The `InputAudio` object of the pollinations.ai API."""

    __slots__ = ()

    data: _t.Field[str] = _t.Field("data", _t.plain("str"))
    format_: _t.Field[InputAudioFormat] = _t.Field("format", _t.enum_of("InputAudioFormat"))
    _REQUIRED = (
        "data",
        "format",
    )

    def __init__(
        self,
        *,
        data: str,
        format_: InputAudioFormat,
    ) -> None:
        self._init(
            {
                "data": data,
                "format": format_,
            }
        )
