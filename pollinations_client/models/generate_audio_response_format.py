# Generated from openapi.yaml by `make generate`; do not edit.
from enum import Enum


class GenerateAudioResponseFormat(str, Enum):
    AAC = "aac"
    FLAC = "flac"
    MP3 = "mp3"
    OPUS = "opus"
    PCM = "pcm"
    WAV = "wav"

    def __str__(self) -> str:
        return str(self.value)
