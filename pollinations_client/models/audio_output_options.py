# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.audio_output_options_format import AudioOutputOptionsFormat
    from ..models.audio_voice import AudioVoice


class AudioOutputOptions(_t.Model):
    """The `AudioOutputOptions` object of the pollinations.ai API."""

    __slots__ = ()

    voice: _t.Field[AudioVoice | str] = _t.Field(
        "voice", _t.union(_t.enum_of("AudioVoice"), _t.plain("str"))
    )
    format_: _t.Field[AudioOutputOptionsFormat] = _t.Field(
        "format", _t.enum_of("AudioOutputOptionsFormat")
    )
    _REQUIRED = (
        "voice",
        "format",
    )

    def __init__(
        self,
        *,
        voice: AudioVoice | str,
        format_: AudioOutputOptionsFormat,
    ) -> None:
        self._init(
            {
                "voice": voice,
                "format": format_,
            }
        )
