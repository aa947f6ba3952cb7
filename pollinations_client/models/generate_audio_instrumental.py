# Generated from openapi.yaml by `make generate`; do not edit.
from enum import Enum


class GenerateAudioInstrumental(str, Enum):
    FALSE = "false"
    TRUE = "true"

    def __str__(self) -> str:
        return str(self.value)
