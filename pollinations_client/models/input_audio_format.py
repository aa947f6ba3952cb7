# Generated from openapi.yaml by `make generate`; do not edit.
from enum import Enum


class InputAudioFormat(str, Enum):
    FLAC = "flac"
    MP3 = "mp3"
    OPUS = "opus"
    PCM16 = "pcm16"
    WAV = "wav"

    def __str__(self) -> str:
        return str(self.value)
