# Generated from openapi.yaml by `make generate`; do not edit.
from __future__ import annotations

from typing import TYPE_CHECKING

# The runtime is used as `_t.*` only: a model of the API may itself be called `Model`.
from .. import types as _t
from ..types import File

if TYPE_CHECKING:
    from ..models.transcription_request_response_format import TranscriptionRequestResponseFormat


class TranscriptionRequest(_t.Model):
    """The `TranscriptionRequest` object of the pollinations.ai API."""

    __slots__ = ()

    file: _t.Field[File] = _t.Field(
        "file",
        _t.FILE,
        "The audio file to transcribe. Supported formats: mp3, mp4, mpeg, mpga, m4a, wav, webm.",
    )
    """The audio file to transcribe. Supported formats: mp3, mp4, mpeg, mpga, m4a, wav, webm."""
    model: _t.Field[str | None] = _t.Field(
        "model",
        _t.plain("str"),
        "The model to use. Options: `whisper-large-v3`, `whisper-1`, `scribe`. Server default: 'whisper-large-v3'.",
    )
    """The model to use. Options: `whisper-large-v3`, `whisper-1`, `scribe`. Server default:
    'whisper-large-v3'."""
    language: _t.Field[str | None] = _t.Field(
        "language",
        _t.plain("str"),
        "Language of the audio in ISO-639-1 format (e.g. `en`, `fr`). Improves accuracy.",
    )
    """Language of the audio in ISO-639-1 format (e.g. `en`, `fr`). Improves accuracy."""
    prompt: _t.Field[str | None] = _t.Field(
        "prompt",
        _t.plain("str"),
        "Optional text to guide the model's style or continue a previous segment.",
    )
    """Optional text to guide the model's style or continue a previous segment."""
    response_format: _t.Field[TranscriptionRequestResponseFormat | None] = _t.Field(
        "response_format",
        _t.enum_of("TranscriptionRequestResponseFormat"),
        "The format of the transcript output. Server default: TranscriptionRequestResponseFormat.JSON.",
    )
    """The format of the transcript output. Server default:
    TranscriptionRequestResponseFormat.JSON."""
    temperature: _t.Field[float | None] = _t.Field(
        "temperature",
        _t.plain("float"),
        "Sampling temperature between 0 and 1. Lower is more deterministic.",
    )
    """Sampling temperature between 0 and 1. Lower is more deterministic."""
    _REQUIRED = ("file",)

    def __init__(
        self,
        *,
        file: File,
        model: str | None = None,
        language: str | None = None,
        prompt: str | None = None,
        response_format: TranscriptionRequestResponseFormat | None = None,
        temperature: float | None = None,
    ) -> None:
        self._init(
            {
                "file": file,
                "model": model,
                "language": language,
                "prompt": prompt,
                "response_format": response_format,
                "temperature": temperature,
            }
        )
