# Generated from openapi.yaml by `make generate`; do not edit.
from enum import Enum


class ToolChoiceMode(str, Enum):
    AUTO = "auto"
    NONE = "none"
    REQUIRED = "required"

    def __str__(self) -> str:
        return str(self.value)
