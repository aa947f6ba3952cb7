# Generated from openapi.yaml by `make generate`; do not edit.
from enum import Enum


class KeyType(str, Enum):
    PUBLISHABLE = "publishable"
    SECRET = "secret"

    def __str__(self) -> str:
        return str(self.value)
