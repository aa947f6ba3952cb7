# Generated from openapi.yaml by `make generate`; do not edit.
from enum import Enum


class ImageUrlDetail(str, Enum):
    AUTO = "auto"
    HIGH = "high"
    LOW = "low"

    def __str__(self) -> str:
        return str(self.value)
