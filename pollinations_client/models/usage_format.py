# Generated from openapi.yaml by `make generate`; do not edit.
from enum import Enum


class UsageFormat(str, Enum):
    CSV = "csv"
    JSON = "json"

    def __str__(self) -> str:
        return str(self.value)
