# Generated from openapi.yaml by `make generate`; do not edit.
from enum import Enum


class ThinkingOptionsType(str, Enum):
    DISABLED = "disabled"
    ENABLED = "enabled"

    def __str__(self) -> str:
        return str(self.value)
