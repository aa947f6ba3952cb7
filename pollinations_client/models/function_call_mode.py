# Generated from openapi.yaml by `make generate`; do not edit.
from enum import Enum


class FunctionCallMode(str, Enum):
    AUTO = "auto"
    NONE = "none"

    def __str__(self) -> str:
        return str(self.value)
