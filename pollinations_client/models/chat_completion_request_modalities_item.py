# Generated from openapi.yaml by `make generate`; do not edit.
from enum import Enum


class ChatCompletionRequestModalitiesItem(str, Enum):
    AUDIO = "audio"
    TEXT = "text"

    def __str__(self) -> str:
        return str(self.value)
