# Generated from openapi.yaml by `make generate`; do not edit.
from enum import Enum


class CacheControlType(str, Enum):
    EPHEMERAL = "ephemeral"

    def __str__(self) -> str:
        return str(self.value)
