# Generated from openapi.yaml by `make generate`; do not edit.
from enum import Enum


class ImageQuality(str, Enum):
    HD = "hd"
    HIGH = "high"
    LOW = "low"
    MEDIUM = "medium"

    def __str__(self) -> str:
        return str(self.value)
