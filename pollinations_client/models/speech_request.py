# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t

if TYPE_CHECKING:
    from ..models.audio_voice import AudioVoice
    from ..models.speech_request_response_format import SpeechRequestResponseFormat


class SpeechRequest(_t.Model):
    """The `SpeechRequest` object of the pollinations.ai API."""

    __slots__ = ()

    input_: _t.Field[str] = _t.Field(
        "input", _t.plain("str"), "The text to generate audio for. Maximum 4096 characters."
    )
    """The text to generate audio for. Maximum 4096 characters."""
    model: _t.Field[str | None] = _t.Field("model", _t.plain("str"))
    voice: _t.Field[AudioVoice | str | None] = _t.Field(
        "voice",
        _t.union(_t.enum_of("AudioVoice"), _t.plain("str")),
        "The voice to use. Available voices: alloy, echo, fable, onyx, nova, shimmer, ash, ballad, coral, sage, verse, rachel, domi, bella, elli, charlotte, dorothy, sarah, emily, lily, matilda, adam, antoni, arnold, josh, sam, daniel, charlie, james, fin, callum, liam, george, brian, bill. Server default: AudioVoice.ALLOY.",
    )
    """The voice to use. Available voices: alloy, echo, fable, onyx, nova, shimmer, ash,
    ballad, coral, sage, verse, rachel, domi, bella, elli, charlotte, dorothy, sarah, emily,
    lily, matilda, adam, antoni, arnold, josh, sam, daniel, charlie, james, fin, callum,
    liam, george, brian, bill. Server default: AudioVoice.ALLOY."""
    response_format: _t.Field[SpeechRequestResponseFormat | None] = _t.Field(
        "response_format",
        _t.enum_of("SpeechRequestResponseFormat"),
        "The audio format for the output. Server default: SpeechRequestResponseFormat.MP3.",
    )
    """The audio format for the output. Server default: SpeechRequestResponseFormat.MP3."""
    speed: _t.Field[float | None] = _t.Field(
        "speed",
        _t.plain("float"),
        "The speed of the generated audio. 0.25 to 4.0, default 1.0. Server default: 1.0.",
    )
    """The speed of the generated audio. 0.25 to 4.0, default 1.0. Server default: 1.0."""
    duration: _t.Field[float | None] = _t.Field(
        "duration", _t.plain("float"), "Music duration in seconds, 3-300 (elevenmusic only)"
    )
    """Music duration in seconds, 3-300 (elevenmusic only)"""
    instrumental: _t.Field[bool | None] = _t.Field(
        "instrumental",
        _t.plain("bool"),
        "If true, guarantees instrumental output (elevenmusic only)",
    )
    """If true, guarantees instrumental output (elevenmusic only)"""
    _REQUIRED = ("input",)

    def __init__(
        self,
        *,
        input_: str,
        model: str | None = None,
        voice: AudioVoice | str | None = None,
        response_format: SpeechRequestResponseFormat | None = None,
        speed: float | None = None,
        duration: float | None = None,
        instrumental: bool | None = None,
    ) -> None:
        self._init(
            {
                "input": input_,
                "model": model,
                "voice": voice,
                "response_format": response_format,
                "speed": speed,
                "duration": duration,
                "instrumental": instrumental,
            }
        )
