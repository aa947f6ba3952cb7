# Generated from openapi.yaml by `make generate`; do not edit.
from enum import Enum


class ContentFilterSeverity(str, Enum):
    HIGH = "high"
    LOW = "low"
    MEDIUM = "medium"
    SAFE = "safe"

    def __str__(self) -> str:
        return str(self.value)
